#!/usr/bin/env bash
# Builds the Debian package with cargo-deb (metadata in Cargo.toml's [package.metadata.deb]):
# validates the desktop entry and the AppStream metainfo, builds the release binary (stripped,
# see [profile.release]) and packs it with the desktop entry, the icons and the metainfo.
# Usage: packaging/linux/build-deb.sh   -> target/debian/scrollstop_<version>-1_<arch>.deb
# Needs: cargo-deb (installed here if missing), desktop-file-validate (desktop-file-utils) and
# appstreamcli (appstream); the two validators are skipped with a warning when absent.
set -euo pipefail
cd "$(dirname "$0")/../.."

if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate assets/scrollstop.desktop
else
  echo "build-deb: desktop-file-validate missing (apt-get install desktop-file-utils): desktop entry not validated" >&2
fi
if command -v appstreamcli >/dev/null; then
  # The component id is the app id "scrollstop", not a reverse domain name: the project owns no
  # domain yet. That is only advice to AppStream, so it is reported but does not fail the build.
  appstreamcli validate --no-net --override=cid-desktopapp-is-not-rdns=info assets/scrollstop.metainfo.xml
else
  echo "build-deb: appstreamcli missing (apt-get install appstream): metainfo not validated" >&2
fi

command -v cargo-deb >/dev/null || cargo install --locked cargo-deb
cargo deb --locked

deb=$(ls -t target/debian/scrollstop_*.deb | head -n 1)
echo "build-deb: $deb ($(du -h "$deb" | cut -f1))"
