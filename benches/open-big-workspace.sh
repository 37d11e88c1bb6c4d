#!/usr/bin/env bash
# Opening the team-sized workspace of issue 18 (10,000 drafts, 5 accounts, 1,000,000 video
# snapshots; benches/team_workspace/mod.rs) in the release app: time from launching the process
# to its first painted frame, and resident memory once the app settled. Prints every run and
# the min-max of each figure.
#
#   benches/open-big-workspace.sh            # 5 runs on /tmp/scrollstop-team.sqlite
#   RUNS=10 SETTLE=10 WORKSPACE=/kept.sqlite benches/open-big-workspace.sh
#
# The workspace is written first when WORKSPACE does not exist (cargo bench --bench
# write_team_workspace) and kept. The app is the release binary in $CARGO_TARGET_DIR (or
# target/), built when missing. Each run has a fresh HOME, so no remembered window, view or
# account, under xvfb-run at 1440x900. The first frame is timed by the app itself
# (SCROLLSTOP_STARTUP_REPORT: the first frame counts as painted when the second starts), plus
# the time from this script's launch of the process to the app's own start (its Unix time).
# Memory is VmRSS and VmHWM from /proc/PID/status SETTLE seconds after the first frame.
set -euo pipefail

cd "$(dirname "$0")/.."
runs=${RUNS:-5}
settle=${SETTLE:-10}
workspace=${WORKSPACE:-/tmp/scrollstop-team.sqlite}
target=${CARGO_TARGET_DIR:-target}
binary=${BINARY:-$target/release/scrollstop}

if [ ! -e "$workspace" ]; then
  SCROLLSTOP_TEAM_WORKSPACE="$workspace" cargo bench --bench write_team_workspace
fi
if [ ! -x "$binary" ]; then
  cargo build --release --bin scrollstop
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cat >"$scratch/one-run.sh" <<'INNER'
#!/usr/bin/env bash
# On the Xvfb display: $1 binary, $2 workspace, $3 home, $4 settle seconds. Prints one line:
# first_frame_ms painted_ms launch_to_painted_ms vmrss_kb vmhwm_kb
set -u
log="$3/stderr.log"
launched=$(date +%s%3N)
HOME="$3" SCROLLSTOP_STARTUP_REPORT=1 "$1" --workspace "$2" 2>"$log" &
pid=$!
waited=0
until grep -q "painted after" "$log" 2>/dev/null; do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "the app exited before its first frame:" >&2
    cat "$log" >&2
    exit 1
  fi
  if [ "$waited" -ge 1200 ]; then
    echo "no first frame within 120 s" >&2
    kill "$pid"
    exit 1
  fi
  sleep 0.1
  waited=$((waited + 1))
done
sleep "$4"
rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")
hwm=$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status")
kill "$pid"
wait "$pid" 2>/dev/null
line=$(grep -m1 "painted after" "$log")
first=$(sed -E 's/.*first frame after ([0-9]+) ms.*/\1/' <<<"$line")
painted=$(sed -E 's/.*painted after ([0-9]+) ms.*/\1/' <<<"$line")
unix=$(sed -E 's/.*unix time ([0-9]+) ms.*/\1/' <<<"$line")
echo "$first $painted $((unix - launched)) $rss $hwm"
INNER
chmod +x "$scratch/one-run.sh"

echo "opening $workspace ($(du -h "$workspace" | cut -f1)) with $binary, $runs runs, memory after ${settle} s"
printf '%-5s %12s %14s %18s %10s %10s\n' run "ui done ms" "painted ms" "launch→painted ms" "VmRSS MB" "VmHWM MB"
results="$scratch/results"
for run in $(seq 1 "$runs"); do
  home="$scratch/home-$run"
  mkdir -p "$home"
  xvfb-run -a -s "-screen 0 1440x900x24" "$scratch/one-run.sh" "$binary" "$workspace" "$home" "$settle" >"$home/result"
  read -r first painted launch rss hwm <"$home/result"
  echo "$first $painted $launch $rss $hwm" >>"$results"
  printf '%-5s %12s %14s %18s %10.0f %10.0f\n' "$run" "$first" "$painted" "$launch" "$((rss / 1024))" "$((hwm / 1024))"
done
awk '
  NR == 1 { for (i = 1; i <= 5; i++) { lo[i] = $i; hi[i] = $i } }
  { for (i = 1; i <= 5; i++) { if ($i < lo[i]) lo[i] = $i; if ($i > hi[i]) hi[i] = $i } }
  END {
    printf "first frame (launch to painted): %d-%d ms (target <= 1000 ms)\n", lo[3], hi[3]
    printf "  of which the app from its start: ui done %d-%d ms, painted %d-%d ms\n", lo[1], hi[1], lo[2], hi[2]
    printf "resident memory: VmRSS %.0f-%.0f MB, VmHWM %.0f-%.0f MB (target < 250 MB)\n", lo[4] / 1024, hi[4] / 1024, lo[5] / 1024, hi[5] / 1024
  }' "$results"
