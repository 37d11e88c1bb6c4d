#!/usr/bin/env bash
# Takes the README's screenshots under Xvfb: the welcome screen of a fresh start, then every main
# view of the demo workspace (the Drafts view with the draft editor open).
# Needs: xvfb xauth imagemagick xdotool (Debian packages) and a release build.
# Usage: scripts/screenshots.sh [OUTPUT_DIR]   (default: assets/screenshots)
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-assets/screenshots}")
mkdir -p "$out"
bin=$(realpath "${SCROLLSTOP_BIN:-target/release/scrollstop}")
[ -x "$bin" ] || cargo build --release
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" XDG_DATA_HOME="$work/home/data" XDG_CONFIG_HOME="$work/home/config"
mkdir -p "$HOME"

# Waits for the window, puts it at the top left at 1280x800.
place_window='
  win=$(xdotool search --sync --name "^Scrollstop$" | head -n 1)
  xdotool windowsize "$win" 1280 800 windowmove "$win" 0 0
  sleep 1
'

# 1. A fresh start: no workspace yet.
xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  "'"$bin"'" --workspace "'"$work"'/fresh.sqlite" &
  app=$!
  sleep 5
  '"$place_window"'
  import -window root -crop 1280x800+0+0 "'"$out"'/welcome.png"
  kill $app
'

# 2. The demo workspace, view by view.
"$bin" demo --workspace "$work/demo.sqlite" > /dev/null
xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  "'"$bin"'" --workspace "'"$work"'/demo.sqlite" &
  app=$!
  sleep 6
  '"$place_window"'
  # Without a window manager keyboard focus is unreliable: click the navigation entries.
  nav() { xdotool mousemove 60 $((215 + 36 * $1)) click 1; sleep 1.5; }
  shot() { import -window root -crop 1280x800+0+0 "'"$out"'/$1.png"; }
  nav 0; xdotool mousemove 400 '"${FIRST_ROW_Y:-300}"' click 1; sleep 1.5; shot drafts
  nav 2; sleep 2; shot reach
  xdotool mousemove 1238 24 click 1; sleep 1        # close the draft editor
  nav 1; xdotool mousemove 329 138 click 1; sleep 2; shot calendar   # month view
  nav 3; shot trends
  nav 4; shot subcultures
  nav 5; sleep 1; shot analytics
  nav 6; shot settings
  kill $app
'
echo "screenshots written to $out"
