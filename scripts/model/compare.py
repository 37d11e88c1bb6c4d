"""Scores a `scrollstop backtest --json` file (or the dev-set test's JSON) per fold of the
trainer's creator folds: MAE ratio to the baseline, within-creator Spearman and P10-P90
coverage, so the app's walk can be read beside the trainer's cross-validated table; and
checks that the app's P50 equals the shipped model's (refitted here exactly as train.py fits
it, on all creators) for every video, which checks the app's features against features.py.

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
from features import MIN_HISTORY, walk_forward  # noqa: E402
from train import FOLDS, fit, folds_of, spearman_within  # noqa: E402


def trainer_p50(creators):
    """{(creator, video id): log10 P50} of the model train.py ships (fit on all creators)."""
    rows = walk_forward(creators)
    x = np.array([r[1] for r in rows])
    t = np.array([r[2] for r in rows])
    lv = np.array([r[3] for r in rows])
    keys = [
        (name, videos[j]["id"])
        for name, videos in creators.items()
        for j in range(MIN_HISTORY, len(videos))
    ]
    return dict(zip(keys, lv + fit(x, t).predict(x)))


def main():
    rows = json.load(open(sys.argv[1]))["rows"]
    # The command line names accounts by handle (`@name`), the trainer by name.
    for r in rows:
        r["account"] = r["account"].lstrip("@")
    names = np.array([r["account"] for r in rows])
    log = lambda v: math.log10(max(v, 1.0))  # noqa: E731
    y = np.array([log(r["actual_views"]) for r in rows])
    p50 = np.array([log(r["p50"]) for r in rows])
    base = np.array([log(r["baseline_p50"]) for r in rows])
    inside = np.array([r["p10"] <= r["actual_views"] <= r["p90"] for r in rows])
    creators = read_creators(sys.argv[2])
    fold_of = folds_of(creators)
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
    expected = trainer_p50(creators)
    diffs = [
        abs(p - expected[(r["account"], r["video_id"])])
        for r, p in zip(rows, p50)
        if (r["account"], r["video_id"]) in expected
    ]
    print(
        f"against the trainer's shipped model: {len(diffs)} of {len(rows)} videos matched, "
        f"{len(expected)} in the trainer's walk; largest P50 difference "
        f"{max(diffs, default=float('nan')):.2e} log10 views"
    )


if __name__ == "__main__":
    main()
