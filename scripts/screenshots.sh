#!/usr/bin/env bash
# Takes a screenshot of every main view of the demo workspace under Xvfb, for the README.
# Needs: xvfb xauth imagemagick xdotool (Debian packages) and a release build.
# Usage: scripts/screenshots.sh [OUTPUT_DIR]   (default: assets/screenshots)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-assets/screenshots}
mkdir -p "$out"
bin=${SCROLLSTOP_BIN:-target/release/scrollstop}
[ -x "$bin" ] || cargo build --release
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" demo --workspace "$work/demo.sqlite" > /dev/null
export HOME="$work/home" XDG_DATA_HOME="$work/home/data" XDG_CONFIG_HOME="$work/home/config"
mkdir -p "$HOME"
xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  "'"$bin"'" --workspace "'"$work"'/demo.sqlite" &
  app=$!
  sleep 6
  win=$(xdotool search --sync --name "^Scrollstop$" | head -n 1)
  xdotool windowsize "$win" 1280 800 windowmove "$win" 0 0
  sleep 1
  # Without a window manager keyboard focus is unreliable: click the navigation entries.
  y=215
  for view in drafts calendar reach trends subcultures analytics settings; do
    xdotool mousemove 60 $y click 1
    sleep 1.5
    import -window root -crop 1280x800+0+0 "'"$out"'/$view.png"
    y=$((y + 36))
  done
  kill $app
'
echo "screenshots written to $out"
