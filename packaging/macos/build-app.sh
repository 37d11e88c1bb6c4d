#!/usr/bin/env bash
# Builds Scrollstop.app and a .dmg on macOS (it needs Xcode's command line tools: codesign,
# hdiutil, lipo). It cannot run on Linux, and the project's machines have never run it.
# Usage, from anywhere in the repository:
#   packaging/macos/build-app.sh            -> target/macos/Scrollstop.app, target/macos/Scrollstop-<version>.dmg
#   UNIVERSAL=1 packaging/macos/build-app.sh   (one binary for Apple silicon and Intel; needs both
#                                               rustup targets: aarch64-apple-darwin x86_64-apple-darwin)
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ "$(uname -s)" != Darwin ]; then
  echo "build-app: this builds a macOS app bundle and needs macOS (hdiutil, codesign)" >&2
  exit 1
fi

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
out=target/macos
app="$out/Scrollstop.app"

if [ "${UNIVERSAL:-0}" = 1 ]; then
  cargo build --release --locked --target aarch64-apple-darwin
  cargo build --release --locked --target x86_64-apple-darwin
  binary="$out/scrollstop-universal"
  mkdir -p "$out"
  lipo -create -output "$binary" \
    target/aarch64-apple-darwin/release/scrollstop target/x86_64-apple-darwin/release/scrollstop
else
  cargo build --release --locked
  binary=target/release/scrollstop
fi

rm -rf "$app"
mkdir -p "$app/Contents/MacOS" "$app/Contents/Resources"
cp "$binary" "$app/Contents/MacOS/scrollstop"
cp packaging/macos/Scrollstop.icns "$app/Contents/Resources/Scrollstop.icns"
sed "s/@VERSION@/$version/g" packaging/macos/Info.plist >"$app/Contents/Info.plist"
plutil -lint "$app/Contents/Info.plist"

# Ad-hoc signature: enough for the app to start on the machine that built it and on Apple
# silicon. Distribution to others needs a Developer ID signature and notarisation (README.md).
codesign --force --deep --sign - "$app"

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
dmg="$out/Scrollstop-$version.dmg"
rm -f "$dmg"
hdiutil create -volname Scrollstop -srcfolder "$staging" -ov -format UDZO "$dmg"
echo "build-app: $app and $dmg"
