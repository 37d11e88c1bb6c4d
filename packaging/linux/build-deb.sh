#!/usr/bin/env bash
# Builds the Debian package with cargo-deb (metadata in Cargo.toml's [package.metadata.deb]).
# Usage: packaging/linux/build-deb.sh   -> target/debian/scrollstop_<version>_<arch>.deb
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v cargo-deb >/dev/null || cargo install --locked cargo-deb
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate assets/scrollstop.desktop
fi
cargo deb
ls -1 target/debian/*.deb
