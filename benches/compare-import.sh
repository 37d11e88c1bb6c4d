#!/usr/bin/env bash
# Scrollstop's import against pandas `read_csv` + `to_sql` into SQLite, side by side in one run
# on the same generated video-history file (issue 4: Scrollstop must be at least 5x faster).
# Also prints Scrollstop's peak memory (target: under 300 MB for 1,000,000 rows).
#
# Usage: benches/compare-import.sh [ROWS]   (default 1000000; run from the repository root)
# Needs: python3 with pandas and numpy (`python3 -m pip install pandas numpy`), GNU time
# (/usr/bin/time) for the peak memory. The file and both databases live in a temporary
# directory that is removed at the end.
set -euo pipefail

rows="${1:-1000000}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 -c 'import pandas, numpy' 2>/dev/null || {
    echo "pandas and numpy are needed: python3 -m pip install pandas numpy" >&2
    exit 1
}

echo "building scrollstop (release)..."
(cd "$root" && cargo build --release --quiet --bin scrollstop)
bin="$root/target/release/scrollstop"

echo "generating $rows rows..."
python3 "$here/gen_history.py" "$work/history.csv" "$rows"
ls -l "$work/history.csv" | awk '{printf "file: %.0f MB\n", $5 / 1e6}'
# Read the file once so that neither side pays for a cold page cache.
cat "$work/history.csv" > /dev/null

echo "scrollstop import..."
start=$(date +%s.%N)
if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "%M" -o "$work/rss" "$bin" --workspace "$work/scrollstop.sqlite" import "$work/history.csv" > "$work/scrollstop.out"
else
    "$bin" --workspace "$work/scrollstop.sqlite" import "$work/history.csv" > "$work/scrollstop.out"
fi
end=$(date +%s.%N)
scrollstop=$(echo "$end - $start" | bc -l)
tail -n 3 "$work/scrollstop.out"

echo "pandas read_csv + to_sql..."
python3 "$here/pandas_compare.py" "$work/history.csv" "$work/pandas.sqlite" | tee "$work/pandas.out"
pandas=$(sed -n 's/^pandas_seconds=//p' "$work/pandas.out")

printf '\n%s rows\n' "$rows"
printf 'scrollstop import: %.2f s' "$scrollstop"
[ -f "$work/rss" ] && printf ', peak RSS %.0f MB' "$(echo "$(cat "$work/rss") / 1024" | bc -l)"
printf '\npandas read_csv + to_sql: %.2f s\n' "$pandas"
printf 'ratio (pandas / scrollstop): %.1fx (target: at least 5x)\n' "$(echo "$pandas / $scrollstop" | bc -l)"
