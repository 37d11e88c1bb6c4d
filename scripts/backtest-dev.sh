#!/usr/bin/env bash
# Walk-forward backtest of the reach model on the development set (../shared/data), in release.
# Prints the summary against MODEL.md's targets; with a path argument, also writes the JSON
# (rows per predicted video, summaries per account and overall) there.
# The data stays outside the repository: this script only reads it where it lies.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ! -f ../shared/data/tiktok-creators-dev.csv ]]; then
    echo "../shared/data/tiktok-creators-dev.csv not found: nothing to backtest" >&2
    exit 0
fi
if [[ $# -ge 1 ]]; then
    export SCROLLSTOP_BACKTEST_JSON="$(realpath -m "$1")"
fi
cargo test --release --lib model::tests::dev_set -- --ignored --nocapture
