"""Scores a `scrollstop backtest --json` file (or the dev-set test's JSON) per fold of the
trainer's creator folds: MAE ratio to the baseline, within-creator Spearman and P10-P90
coverage, so the app's walk can be read beside the trainer's cross-validated table.

Usage: python3 scripts/model/compare.py BACKTEST.json ../shared/data/tiktok-creators-dev.csv
(the history file gives the creators the folds are drawn from, as in train.py).
"""

import json
import math
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from data import read_creators  # noqa: E402
from train import FOLDS, folds_of, spearman_within  # noqa: E402


def main():
    rows = json.load(open(sys.argv[1]))["rows"]
    names = np.array([r["account"] for r in rows])
    log = lambda v: math.log10(max(v, 1.0))  # noqa: E731
    y = np.array([log(r["actual_views"]) for r in rows])
    p50 = np.array([log(r["p50"]) for r in rows])
    base = np.array([log(r["baseline_p50"]) for r in rows])
    inside = np.array([r["p10"] <= r["actual_views"] <= r["p90"] for r in rows])
    fold_of = folds_of(read_creators(sys.argv[2]))
    fold = np.array([fold_of[n] for n in names])
    err, base_err = np.abs(y - p50), np.abs(y - base)
    print(
        f"{len(rows)} videos: MAE ratio {err.mean() / base_err.mean():.3f}, Spearman "
        f"{spearman_within(names, p50, y):+.3f}, coverage {inside.mean():.3f}"
    )
    for k in range(FOLDS):
        m = fold == k
        print(
            f"  fold {k}: ratio {err[m].mean() / base_err[m].mean():.3f}, Spearman "
            f"{spearman_within(names[m], p50[m], y[m]):+.3f}, coverage {inside[m].mean():.3f}"
        )


if __name__ == "__main__":
    main()
