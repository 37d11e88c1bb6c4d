#!/usr/bin/env bash
# Regenerates every raster icon from the one source, assets/icons/scrollstop.svg:
#   assets/icons/hicolor/<N>x<N>/apps/scrollstop.png  (N = 32 48 64 128 256; Linux package and window icon)
#   packaging/windows/scrollstop.ico                  (16-256; MSI shortcut and Add/Remove Programs icon)
#   packaging/macos/Scrollstop.icns                   (32-1024; the .app bundle icon)
# Needs rsvg-convert (Debian: librsvg2-bin), ImageMagick's convert (imagemagick) and python3.
# Usage: packaging/linux/make-icons.sh   (run it after editing the SVG, then commit the results)
set -euo pipefail
cd "$(dirname "$0")/../.."

svg=assets/icons/scrollstop.svg
for tool in rsvg-convert convert python3; do
  command -v "$tool" >/dev/null || {
    echo "make-icons: '$tool' is missing (apt-get install librsvg2-bin imagemagick python3)" >&2
    exit 1
  }
done

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

render() { # render <size> <output.png>
  rsvg-convert --width "$1" --height "$1" --keep-aspect-ratio "$svg" --output "$2"
}

for n in 32 48 64 128 256; do
  dir="assets/icons/hicolor/${n}x${n}/apps"
  mkdir -p "$dir"
  render "$n" "$dir/scrollstop.png"
done

for n in 16 24 32 48 64 128 256 512 1024; do
  render "$n" "$scratch/$n.png"
done

# Windows .ico: one image per size; ImageMagick keeps each as given.
convert "$scratch"/{16,24,32,48,64,128,256}.png packaging/windows/scrollstop.ico

# macOS .icns: a header and one PNG per type code (Apple's "ic07".."ic14" entries hold PNG data).
python3 - "$scratch" packaging/macos/Scrollstop.icns <<'PY'
import struct, sys
scratch, out = sys.argv[1], sys.argv[2]
types = [("ic11", 32), ("ic12", 64), ("ic07", 128), ("ic13", 256), ("ic08", 256),
         ("ic14", 512), ("ic09", 512), ("ic10", 1024)]
body = b""
for code, size in types:
    data = open(f"{scratch}/{size}.png", "rb").read()
    body += code.encode("ascii") + struct.pack(">I", 8 + len(data)) + data
with open(out, "wb") as f:
    f.write(b"icns" + struct.pack(">I", 8 + len(body)) + body)
PY

echo "make-icons: wrote assets/icons/hicolor/*/apps/scrollstop.png, packaging/windows/scrollstop.ico, packaging/macos/Scrollstop.icns"
