#!/usr/bin/env bash
# Scrollstop's import against pandas `read_csv` + `to_sql` into SQLite and against the floor of
# SQLite alone, side by side in one run on the same generated video-history file (issue 18: at
# most 1.3x the floor and at least 3x faster than pandas). The floor is `cargo bench --bench
# import_floor`'s bare schema (the least a re-importable history must store) with the TikTok id
# stored as text (as the workspace did until schema 8), the integer-id schema's beside it, and
# the floors of a big import that builds the unique index once after the rows, with text ids
# (schema 7) and with integer ids (schema 8, the workspace's design). Also prints
# Scrollstop's peak memory (target: under 300 MB for 1,000,000 rows).
#
# This machine's speed moves by a third from one minute to the next, so after one warm-up import
# (not counted) each round imports IMPORTS times, then measures the bare-schema floor (the mean
# of criterion's ten samples, about half a minute) right after; the round's imports (their
# median, and each one) are set against the floor of their own round, and all of them against
# the floors measured once at the end. Pandas runs once a round, amid its imports (after the
# middle one), and is set against its round's median import as well as fastest against fastest
# and slowest against slowest.
#
# Usage: benches/compare-import.sh [ROWS] [RUNS] [IMPORTS]   (defaults 1000000, 3 and 3; run
# from the repository root). The script prints each side's min-max over all rounds.
# Needs: python3 with pandas and numpy (`python3 -m pip install pandas numpy`), GNU time
# (/usr/bin/time) for the peak memory. The file and both databases live in a temporary
# directory that is removed at the end.
set -euo pipefail

rows="${1:-1000000}"
runs="${2:-3}"
imports="${3:-3}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 -c 'import pandas, numpy' 2>/dev/null || {
    echo "pandas and numpy are needed: python3 -m pip install pandas numpy" >&2
    exit 1
}

echo "building scrollstop and the floor benchmark (release)..."
(cd "$root" && cargo build --release --quiet --bin scrollstop &&
    cargo bench --quiet --no-run --bench import_floor 2>/dev/null)
bin="$root/target/release/scrollstop"

echo "generating $rows rows..."
python3 "$here/gen_history.py" "$work/history.csv" "$rows"
ls -l "$work/history.csv" | awk '{printf "file: %.0f MB\n", $5 / 1e6}'
# Read the file once so that neither side pays for a cold page cache.
cat "$work/history.csv" > /dev/null

# min-max of the numbers in a file, one per line
spread() { sort -g "$1" | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%.2f-%.2f", lo, hi }'; }
# the median of the numbers in a file, one per line
median() {
    sort -g "$1" | awk '{ v[NR] = $1 } END { m = int((NR + 1) / 2); printf "%.3f", NR % 2 ? v[m] : (v[m] + v[m + 1]) / 2 }'
}

: > "$work/scrollstop.times"
: > "$work/pandas.times"
: > "$work/rss"
: > "$work/round.ratios"
# One import before the rounds, not counted: criterion warms the floor up before it measures it,
# and the first round right after the build was often the slow one (its imports all 3.5-3.8 s
# against 2.5-2.9 s in the later rounds of the same run). It also shows what the import says.
echo "a warm-up import (not counted)..."
"$bin" --workspace "$work/scrollstop.sqlite" import "$work/history.csv" | tail -n 3

for run in $(seq "$runs"); do
    : > "$work/round.times"
    for take in $(seq "$imports"); do
        echo "run $run: scrollstop import $take of $imports..."
        rm -f "$work/scrollstop.sqlite" "$work/scrollstop.sqlite-wal" "$work/scrollstop.sqlite-shm"
        start=$(date +%s.%N)
        if [ -x /usr/bin/time ]; then
            /usr/bin/time -f "%M" -a -o "$work/rss" "$bin" --workspace "$work/scrollstop.sqlite" \
                import "$work/history.csv" > "$work/scrollstop.out"
        else
            "$bin" --workspace "$work/scrollstop.sqlite" import "$work/history.csv" \
                > "$work/scrollstop.out"
        fi
        end=$(date +%s.%N)
        echo "$end - $start" | bc -l | tee -a "$work/scrollstop.times" >> "$work/round.times"
        # Pandas runs amid the round's imports, so that both sides meet the same spell of the
        # machine (run after the floor, a minute later, it met another one).
        if [ "$take" -eq $(((imports + 1) / 2)) ]; then
            echo "run $run: pandas read_csv + to_sql..."
            rm -f "$work/pandas.sqlite"
            python3 "$here/pandas_compare.py" "$work/history.csv" "$work/pandas.sqlite" \
                > "$work/pandas.out"
            round_pandas=$(sed -n 's/^pandas_seconds=//p' "$work/pandas.out")
            echo "$round_pandas" >> "$work/pandas.times"
        fi
    done

    echo "run $run: the bare-schema floor..."
    (cd "$root" && SCROLLSTOP_BENCH_ROWS="$rows" cargo bench --quiet --bench import_floor -- \
        --noplot 'minimal_table_text_ids_[0-9]' 2>/dev/null) > "$work/floor.$run.out" || true
    round_floor=$(sed -n 's/.*time: *\[\([^]]*\)\].*/\1/p' "$work/floor.$run.out" |
        awk '{ v = $3; if ($4 == "ms") v /= 1000; printf "%.3f", v }')
    round_import=$(median "$work/round.times")
    each=$(sort -g "$work/round.times" | while read -r t; do
        printf '%.2fx ' "$(echo "$t / $round_floor" | bc -l)"
    done)
    printf 'run %s: imports %s s (median %.2f), floor %s s: median %.2fx (each: %s)\n' "$run" \
        "$(spread "$work/round.times")" "$round_import" "$round_floor" \
        "$(echo "$round_import / $round_floor" | bc -l)" "${each% }" | tee -a "$work/round.ratios"

    printf 'run %s: pandas %.2f s: %.1fx the median import of its round\n' "$run" "$round_pandas" \
        "$(echo "$round_pandas / $round_import" | bc -l)" | tee -a "$work/round.ratios"
done
head -n 1 "$work/pandas.out"

echo "the floor: SQLite alone storing the same number of rows (criterion, 10 samples each)..."
(cd "$root" && SCROLLSTOP_BENCH_ROWS="$rows" cargo bench --quiet --bench import_floor -- \
    --noplot minimal_table 2>/dev/null) | tee "$work/floor.out" | grep -E 'minimal|time:' || true
# criterion prints "name" then "time: [low estimate high]" in seconds (or ms for small runs)
floor_of() {
    grep -A1 "minimal_table_$1_[0-9]" "$work/floor.out" | sed -n 's/.*time: *\[\([^]]*\)\].*/\1/p' |
        awk '{ v = $3; if ($4 == "ms") v /= 1000; printf "%.3f", v }'
}
floor_integer=$(floor_of integer_ids)
floor_text=$(floor_of text_ids)
floor_after=$(floor_of text_ids_index_built_after)
floor_chosen=$(floor_of integer_ids_index_built_after)

lo=$(sort -g "$work/scrollstop.times" | head -n 1)
hi=$(sort -g "$work/scrollstop.times" | tail -n 1)
pandas_lo=$(sort -g "$work/pandas.times" | head -n 1)
pandas_hi=$(sort -g "$work/pandas.times" | tail -n 1)
printf '\n%s rows, %s rounds of %s imports and one pandas run\n' "$rows" "$runs" "$imports"
printf 'scrollstop import: %s s' "$(spread "$work/scrollstop.times")"
[ -s "$work/rss" ] && printf ', peak RSS %.0f MB' "$(echo "$(sort -g "$work/rss" | tail -n 1) / 1024" | bc -l)"
printf '\npandas read_csv + to_sql: %s s\n' "$(spread "$work/pandas.times")"
printf 'floor, text TikTok ids kept unique row by row (the bare schema of the issue): %s s\n' "$floor_text"
printf 'floor, integer TikTok ids kept unique row by row: %s s\n' "$floor_integer"
printf 'floor, text ids with the unique index built after the rows (schema 7'"'"'s big import): %s s\n' "$floor_after"
printf 'floor, integer ids with the index built after (schema 8'"'"'s big import, the design chosen): %s s\n' "$floor_chosen"
printf 'import / bare-schema floor: %.2f-%.2fx (target: at most 1.3x)\n' \
    "$(echo "$lo / $floor_text" | bc -l)" "$(echo "$hi / $floor_text" | bc -l)"
echo 'import / the bare-schema floor measured right after it, and pandas / import, each run:'
sed 's/^/  /' "$work/round.ratios"
printf 'import / floor of the design chosen: %.2f-%.2fx\n' \
    "$(echo "$lo / $floor_chosen" | bc -l)" "$(echo "$hi / $floor_chosen" | bc -l)"
printf 'pandas / import: %.1f-%.1fx (fastest over fastest, slowest over slowest; target: at least 3x)\n' \
    "$(echo "$pandas_lo / $lo" | bc -l)" "$(echo "$pandas_hi / $hi" | bc -l)"
