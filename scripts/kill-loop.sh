#!/usr/bin/env bash
# kill -9 against `scrollstop plan` and `scrollstop import` at moments spread over their run,
# then checks what a killed command must leave: a healthy workspace (PRAGMA integrity_check),
# at most one plan entry per draft, and either the state from before the command or the
# state the whole command writes (plans of every account, or an import's every video).
# Health is checked by `scrollstop info`, whose opening runs SQLite's quick_check with the
# SQLite Scrollstop bundles (Debian's sqlite3 3.40 misreports WITHOUT ROWID tables).
# Usage: scripts/kill-loop.sh [RUNS_EACH] [BINARY]   (default 100 runs each, target/debug)
# Prints, for each command: runs, killed mid-way, finished before the kill, failures.
set -euo pipefail
runs="${1:-100}"
cd "$(dirname "$0")/.."
bin="${2:-}"
if [[ -z "$bin" ]]; then
    cargo build --quiet
    bin="$(cargo metadata --format-version 1 --no-deps \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')/debug/scrollstop"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

q() { sqlite3 -cmd '.timeout 10000' "$1" "$2"; }
healthy() {
    "$bin" info --workspace "$1" >/dev/null &&
        [[ "$(q "$1" 'SELECT count(*) FROM (SELECT draft_id FROM plan_entries GROUP BY draft_id HAVING count(*) > 1)')" == 0 ]]
}
plan_state() { q "$1" 'SELECT account_id, draft_id FROM plan_entries ORDER BY 1, 2' | md5sum; }

# Milliseconds to wait before the kill: spread over 0..(twice the command's own run time).
span_ms() {
    local t0 t1
    t0=$(date +%s%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s%N)
    echo $(( (t1 - t0) / 500000 + 1 ))
}

# kill_loop NAME COMMAND STATE: runs COMMAND on copies of the pristine workspace, killing it at
# moments spread over twice its own run time; STATE of each copy must afterwards be the
# pristine one or the one a whole run leaves, and the copy healthy.
kill_loop() {
    local name=$1 command=$2 state=$3
    cp "$work/pristine.sqlite" "$work/whole.sqlite"
    local span before after
    span=$(span_ms "$command" "$work/whole.sqlite")
    before=$("$state" "$work/pristine.sqlite")
    after=$("$state" "$work/whole.sqlite")
    local killed=0 finished=0 failed=0 i ws pid rc now
    for ((i = 0; i < runs; i++)); do
        ws="$work/$name$i.sqlite"
        cp "$work/pristine.sqlite" "$ws"
        "$command" "$ws" >/dev/null 2>&1 &
        pid=$!
        sleep "$(awk -v s="$span" -v i="$i" -v n="$runs" 'BEGIN { printf "%.4f", s * i / n / 1000 }')"
        kill -9 "$pid" 2>/dev/null || true
        rc=0; wait "$pid" 2>/dev/null || rc=$?
        if [[ $rc -eq 137 ]]; then killed=$((killed + 1)); else finished=$((finished + 1)); fi
        now=$("$state" "$ws")
        if ! healthy "$ws" || { [[ "$now" != "$before" ]] && [[ "$now" != "$after" ]]; }; then
            failed=$((failed + 1)); echo "$name run $i: damaged or half-written" >&2
        fi
        rm -f "$ws" "$ws-wal" "$ws-shm"
    done
    echo "$name: runs $runs, killed mid-way $killed, finished before the kill $finished, damaged or half-written $failed (a whole run takes about $((span / 2)) ms)"
}

"$bin" demo --workspace "$work/pristine.sqlite" >/dev/null

plan() { "$bin" plan --workspace "$1" --from 2027-01-04 --to 2027-01-17 --per-day 2; }
kill_loop plan plan plan_state

python3 - "$work/history.csv" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("video id,posted,views,likes\n")
    for i in range(60000):
        f.write(f"{7000000000000000000 + i},2026-0{1 + i % 9}-{1 + i % 28:02d} 12:00,{100 + i},{i % 50}\n")
PY
import_history() {
    "$bin" import --workspace "$1" --account knitwit --map "video_id=video id" \
        --map post_time=posted --map views=views --map likes=likes "$work/history.csv"
}
videos() { q "$1" 'SELECT count(*) FROM videos'; }
kill_loop import import_history videos
