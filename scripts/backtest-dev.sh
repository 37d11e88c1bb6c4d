#!/usr/bin/env bash
# Walk-forward backtest of the reach model on a video-history CSV (the development set:
# ../shared/data/tiktok-creators-dev.csv), end to end through the command line, in release:
# a fresh workspace, `scrollstop import` (generic history), `scrollstop backtest --json`.
# Prints the overall summary against MODEL.md's targets and the wall time of each step.
# Usage: scripts/backtest-dev.sh PATH_TO_CSV [JSON_OUT]
# The data stays outside the repository: the script only reads it where it lies.
set -euo pipefail
if [[ $# -lt 1 ]]; then
    echo "usage: $0 PATH_TO_CSV [JSON_OUT]" >&2
    exit 2
fi
csv="$(realpath "$1")"
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin="$(cargo metadata --format-version 1 --no-deps \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')/release/scrollstop"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
json="${2:-$work/backtest.json}"
ws="$work/dev.sqlite"

start=$(date +%s.%N)
"$bin" import --workspace "$ws" --skip-bad-rows "$csv" | tail -n 3
mid=$(date +%s.%N)
"$bin" backtest --workspace "$ws" --json > "$json"
end=$(date +%s.%N)

python3 - "$json" "$start" "$mid" "$end" <<'PY'
import json, sys
path, start, mid, end = sys.argv[1], *map(float, sys.argv[2:])
result = json.load(open(path))
o = result["overall"]
def f(v, spec=".4f"):
    return "-" if v is None else format(v, spec)
ratio = o["mae_log10"] / o["baseline_mae_log10"] if o["mae_log10"] and o["baseline_mae_log10"] else None
print(f"accounts {len(result['accounts'])}, videos predicted {o['videos_predicted']}, "
      f"Spearman over {o['accounts_ranked']} accounts")
print(f"MAE log10   {f(o['mae_log10'])}  baseline {f(o['baseline_mae_log10'])}  "
      f"ratio {f(ratio, '.3f')}  (target <= 0.900)")
print(f"coverage    {f(o['coverage'], '.3f')}  (target 0.75 .. 0.85)")
print(f"Spearman    {f(o['spearman'])}  baseline {f(o['baseline_spearman'])}  (target above baseline)")
print(f"wall time   import {mid - start:.1f} s, backtest {end - mid:.1f} s  (target backtest <= 10 s)")
PY
