#!/usr/bin/env bash
# Smoke test of the Debian package: unpacks it into a scratch root (dpkg-deb -x, so the machine
# is left as it was), checks what it installs and that this machine has every package it
# depends on, starts the packaged binary under Xvfb on a fresh, empty HOME, waits for its first
# frame, takes a screenshot, checks the window's class (the app id) and icon, that it is not
# blank and that the process is still alive, lists the graphics libraries it loaded at run
# time, then stops it and removes everything.
#
# Usage: packaging/linux/smoke.sh [PATH.deb]   (default: the newest target/debian/scrollstop_*.deb)
#   SMOKE_SCREENSHOT=shot.png  keeps the screenshot there (otherwise it is removed with the rest)
#   SMOKE_TIMEOUT=60           seconds to wait for the first frame
# Needs: dpkg-deb, xvfb-run (xvfb), import and convert (imagemagick), xwininfo and xprop (x11-utils).
# Exits non-zero, saying why, on the first failure.
set -euo pipefail
cd "$(dirname "$0")/../.."

fail() {
  echo "smoke: FAILED: $*" >&2
  exit 1
}

deb=${1:-$(ls -t target/debian/scrollstop_*.deb 2>/dev/null | head -n 1)}
[ -n "$deb" ] && [ -f "$deb" ] || fail "no .deb given and none in target/debian (run packaging/linux/build-deb.sh)"
for tool in dpkg-deb dpkg-query xvfb-run import convert xwininfo xprop; do
  command -v "$tool" >/dev/null || fail "'$tool' is missing (apt-get install dpkg xvfb imagemagick x11-utils)"
done
timeout_s=${SMOKE_TIMEOUT:-60}
started_at=$(date +%s)

scratch=$(mktemp -d -t scrollstop-smoke.XXXXXX)
cleanup() {
  # Should the script be interrupted, the app started inside Xvfb left its pid here.
  local pid
  pid=$(cat "$scratch/stderr.log.pid" 2>/dev/null || true)
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
  fi
  rm -rf "$scratch"
}
trap cleanup EXIT

echo "smoke: package $deb ($(du -h "$deb" | cut -f1))"
root="$scratch/root"
dpkg-deb -x "$deb" "$root"

# What the package installs.
for path in usr/bin/scrollstop \
  usr/share/applications/scrollstop.desktop \
  usr/share/metainfo/scrollstop.metainfo.xml \
  usr/share/icons/hicolor/scalable/apps/scrollstop.svg \
  usr/share/icons/hicolor/{32x32,48x48,64x64,128x128,256x256}/apps/scrollstop.png \
  usr/share/doc/scrollstop/copyright; do
  [ -f "$root/$path" ] || fail "the package does not install /$path"
done
[ -x "$root/usr/bin/scrollstop" ] || fail "/usr/bin/scrollstop is not executable"
if command -v file >/dev/null && file "$root/usr/bin/scrollstop" | grep -q "not stripped"; then
  fail "/usr/bin/scrollstop is not stripped"
fi

# Every dependency must be installed here, as dpkg -i would demand.
depends=$(dpkg-deb -f "$deb" Depends)
echo "smoke: Depends: $depends"
missing=()
IFS=',' read -ra groups <<<"$depends"
for group in "${groups[@]}"; do
  satisfied=no
  IFS='|' read -ra alternatives <<<"$group"
  for alternative in "${alternatives[@]}"; do
    name=$(echo "$alternative" | sed 's/(.*)//; s/[[:space:]]//g')
    if dpkg-query -W -f='${Status}\n' "$name" 2>/dev/null | grep -q "install ok installed"; then
      satisfied=yes
      break
    fi
  done
  [ "$satisfied" = yes ] || missing+=("$(echo "$group" | sed 's/^ *//; s/ *$//')")
done
if [ ${#missing[@]} -gt 0 ]; then
  fail "dependencies not installed on this machine: ${missing[*]} (apt-get install them, or install the package with apt)"
fi

# Start it on a fresh HOME under a virtual X server, and watch it from inside that display.
home="$scratch/home"
mkdir -p "$home"
shot="$scratch/screenshot.png"
log="$scratch/stderr.log"
libs="$scratch/libraries.txt"
cat >"$scratch/inside-xvfb.sh" <<'INNER'
#!/usr/bin/env bash
# Runs on the Xvfb display: $1 binary, $2 stderr log, $3 screenshot, $4 library list, $5 timeout.
set -u
"$1" 2>"$2" &
pid=$!
echo "$pid" >"$2.pid"
waited=0
until grep -q "first frame after" "$2" 2>/dev/null; do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "the app exited before its first frame" >"$2.verdict"
    exit 1
  fi
  if [ "$waited" -ge $(( $5 * 10 )) ]; then
    echo "no first frame within $5 s" >"$2.verdict"
    kill "$pid"
    exit 1
  fi
  sleep 0.1
  waited=$((waited + 1))
done
sleep 2 # let it draw a few more frames, as a user would see it
import -window root "$3"
# The window as the desktop sees it: its class (the app id) and its icon. (egui gives X11 the
# app id as the WM_CLASS class and leaves the instance name empty: ("" "scrollstop").)
window=$(xwininfo -root -tree | grep -E ' "scrollstop"\) ' | head -n 1 | awk '{print $1}')
if [ -n "$window" ]; then
  xprop -id "$window" WM_CLASS _NET_WM_NAME >"$2.window" 2>&1
  # _NET_WM_ICON is width, height, then one ARGB value per pixel.
  xprop -id "$window" -f _NET_WM_ICON 32c -len 1000000 _NET_WM_ICON >"$2.icon" 2>&1
  echo "icon size: $(sed 's/^[^=]*= //' "$2.icon" | cut -d, -f1,2 | tr -d ' ')" >>"$2.window"
  echo "icon opaque pixels: $(sed 's/^[^=]*= //' "$2.icon" | tr ',' '\n' | tail -n +3 |
    awk '$1 >= 4278190080 { n++ } END { print n + 0 }')" >>"$2.window"
fi
alive=yes
kill -0 "$pid" 2>/dev/null || alive=no
grep -oE '/[^ ]+\.so[.0-9]*' "/proc/$pid/maps" 2>/dev/null | sort -u >"$4"
if [ "$alive" = no ]; then
  echo "the app died after its first frame" >"$2.verdict"
  exit 1
fi
kill "$pid"
wait "$pid" 2>/dev/null
echo "alive after its first frame; stopped" >"$2.verdict"
exit 0
INNER
chmod +x "$scratch/inside-xvfb.sh"

set +e
env -u XDG_CONFIG_HOME -u XDG_DATA_HOME -u XDG_CACHE_HOME -u XDG_STATE_HOME -u WAYLAND_DISPLAY \
  HOME="$home" SCROLLSTOP_STARTUP_REPORT=1 \
  xvfb-run --auto-servernum --server-args="-screen 0 1280x800x24" \
  "$scratch/inside-xvfb.sh" "$root/usr/bin/scrollstop" "$log" "$shot" "$libs" "$timeout_s"
status=$?
set -e
verdict=$(cat "$log.verdict" 2>/dev/null || echo "Xvfb did not start (xvfb-run exit $status)")
if [ "$status" -ne 0 ]; then
  echo "smoke: the app's stderr:" >&2
  sed 's/^/  /' "$log" >&2 2>/dev/null || true
  fail "$verdict"
fi
echo "smoke: $(grep -o 'first frame after [0-9]* ms' "$log" | head -n 1), $verdict"

# Desktops match the window to scrollstop.desktop by its class, and show its own icon.
[ -s "$log.window" ] || fail "no window of class \"scrollstop\" was found on the display"
grep -qE 'WM_CLASS\(STRING\) = "[^"]*", "scrollstop"$' "$log.window" ||
  fail "the window's WM_CLASS is not the app id scrollstop: $(grep WM_CLASS "$log.window")"
grep -q '^icon size: 256,256$' "$log.window" ||
  fail "the window has no 256 px icon: $(grep 'icon size' "$log.window")"
opaque=$(sed -n 's/^icon opaque pixels: //p' "$log.window")
[ "${opaque:-0}" -gt 10000 ] || fail "the window icon is (nearly) transparent: $opaque opaque pixels"
echo "smoke: window class \"scrollstop\" with its 256 px icon ($opaque opaque pixels)"

# The screenshot shows a window, not an empty screen: its pixels vary.
[ -s "$shot" ] || fail "no screenshot was taken"
spread=$(convert "$shot" -colorspace Gray -format '%[fx:standard_deviation]' info:)
awk -v s="$spread" 'BEGIN { exit !(s > 0.02) }' || fail "the screenshot is nearly uniform (spread $spread): a blank window?"
echo "smoke: screenshot $(identify -format '%wx%h' "$shot"), grey-level spread $spread"
if [ -n "${SMOKE_SCREENSHOT:-}" ]; then
  cp "$shot" "$SMOKE_SCREENSHOT"
  echo "smoke: screenshot kept at $SMOKE_SCREENSHOT"
fi

# The window's graphics libraries, loaded with dlopen, and the package each comes from.
echo "smoke: display and GL libraries the running app loaded:"
grep -E '/lib(X11|X11-xcb|xcb|Xcursor|Xrandr|Xi|Xext|Xrender|xkbcommon|xkbcommon-x11|GL|GLX|GLX_mesa|EGL|EGL_mesa|GLdispatch|wayland-[a-z]+|vulkan)\.so' "$libs" |
  while read -r lib; do
    owner=$(dpkg-query -S "$lib" 2>/dev/null | head -n 1 | cut -d: -f1 || true)
    [ -n "$owner" ] || owner=$(dpkg-query -S "$(readlink -f "$lib")" 2>/dev/null | head -n 1 | cut -d: -f1 || true)
    printf '  %-50s %s\n' "$lib" "${owner:-?}"
  done
if grep -q 'libvulkan' "$libs"; then
  echo "smoke: note: Vulkan was loaded"
fi

echo "smoke: PASSED in $(($(date +%s) - started_at)) s; scratch root and HOME removed"
