"""Trains Scrollstop's reach model across creators and writes what the app embeds.

Usage: python3 scripts/model/train.py ../shared/data/tiktok-creators-dev.csv [--out assets/model]

1. Walk forward through every creator: each video with >= 3 earlier videos is a row; its
   features come from the earlier videos and its own pre-posting content (features.py); the
   target is log10(views) minus the creator's level at that age (median age-normalised log10
   reach of the last 20 videos plus log10 A(age), A the shipped age curve).
2. Creator-grouped 5-fold cross-validation (each fold is scored on creators it never saw):
   MAE of log10 views against the baseline "median of earlier videos", within-creator
   Spearman, P10-P90 coverage per history-length group (bands from conformal residuals of an
   inner cross-validation on the training creators only), spread across folds.
3. Fits the model on all creators, takes the conformal residual quantiles per history group
   from the 5-fold out-of-fold residuals, and writes assets/model/reach.json (trees, feature
   names, groups, quantiles) and tests/fixtures/model/reach_scores.json: synthetic feature
   rows (no data from the file) with the trainer's predictions and exact contributions, which
   the Rust tests reproduce.

Needs numpy, lightgbm (pip install numpy lightgbm). Runs on one thread; about a minute.
"""

import argparse
import json
import os
import random
import sys

import lightgbm as lgb
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from data import read_creators  # noqa: E402
from features import (  # noqa: E402
    GROUPS,
    MAX_HISTORY,
    MIN_HISTORY,
    NAMES,
    SHAPE,
    TAU_HOURS,
    walk_forward,
)

SEED = 20250605
FOLDS = 5
# Quantile levels shipped per history group (P(views > X) interpolates between them).
LEVELS = [0.02, 0.05] + [round(0.1 * k, 1) for k in range(1, 10)] + [0.95, 0.98]
GROUP_NAMES = ["3-5", "6-10", "11+"]
PARAMS = {
    "objective": "l1",
    "learning_rate": 0.02,
    "num_leaves": 8,
    "min_data_in_leaf": 80,
    "feature_fraction": 0.8,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "lambda_l2": 1.0,
    "num_threads": 1,
    "verbose": -1,
    "seed": SEED,
    "deterministic": True,
}
TREES = 400
# The app calibrates an account's band with its own residuals at weight n / (n + OWN_WEIGHT)
# (src/model/learned/walk.rs).
OWN_WEIGHT = 40.0


def fit(x, t, params=None, trees=TREES):
    return lgb.train(params or PARAMS, lgb.Dataset(x, t), num_boost_round=trees)


def folds_of(creators, k=FOLDS, seed=SEED):
    names = sorted(creators)
    random.Random(seed).shuffle(names)
    return {name: i % k for i, name in enumerate(names)}


def spearman_within(names, pred, actual):
    """Mean over creators with >= 3 rows of the rank correlation of pred with actual."""
    out = []
    by = {}
    for i, n in enumerate(names):
        by.setdefault(n, []).append(i)
    for idx in by.values():
        if len(idx) < 3:
            continue
        p = rank(pred[idx])
        a = rank(actual[idx])
        if p.std() == 0 or a.std() == 0:
            continue
        out.append(float(np.corrcoef(p, a)[0, 1]))
    return float(np.mean(out)) if out else float("nan")


def rank(v):
    order = np.argsort(v, kind="stable")
    r = np.empty(len(v))
    r[order] = np.arange(len(v))
    # average ties
    for val in np.unique(v):
        m = v == val
        if m.sum() > 1:
            r[m] = r[m].mean()
    return r


def quantiles(residuals, groups):
    return [
        [float(np.quantile(residuals[groups == g], q)) for q in LEVELS] for g in range(3)
    ]


def oof(x, t, fold, params=None, trees=TREES):
    """Out-of-fold predictions of the target for rows with fold labels."""
    pred = np.zeros(len(t))
    for k in np.unique(fold):
        test = fold == k
        model = fit(x[~test], t[~test], params, trees)
        pred[test] = model.predict(x[test])
    return pred


def evaluate(rows, fold_of, params=None, trees=TREES, inner=True):
    names = np.array([r[0] for r in rows])
    x = np.array([r[1] for r in rows])
    t = np.array([r[2] for r in rows])
    lv = np.array([r[3] for r in rows])
    y = np.array([r[4] for r in rows])
    base = np.array([r[5] for r in rows])
    group = np.array([r[6] for r in rows])
    fold = np.array([fold_of[n] for n in names])
    pred = np.zeros(len(t))
    lo = np.zeros(len(t))
    hi = np.zeros(len(t))
    fold_quantiles = {}
    for k in range(FOLDS):
        test = fold == k
        model = fit(x[~test], t[~test], params, trees)
        pred[test] = model.predict(x[test])
        if inner:
            inner_fold = np.array([fold_of[n] for n in names[~test]])
            inner_pred = oof(x[~test], t[~test], inner_fold, params, trees)
            q = quantiles(t[~test] - inner_pred, group[~test])
            fold_quantiles[k] = q
            for g in range(3):
                m = test & (group == g)
                lo[m] = pred[m] + q[g][LEVELS.index(0.1)]
                hi[m] = pred[m] + q[g][LEVELS.index(0.9)]
    p50 = lv + pred
    err = np.abs(y - p50)
    base_err = np.abs(y - base)
    report = {
        "rows": int(len(t)),
        "creators": int(len(set(names))),
        "mae": float(err.mean()),
        "baseline_mae": float(base_err.mean()),
        "ratio": float(err.mean() / base_err.mean()),
        "spearman": spearman_within(names, p50, y),
        "baseline_spearman": spearman_within(names, base, y),
        "fold_ratios": [
            float(err[fold == k].mean() / base_err[fold == k].mean()) for k in range(FOLDS)
        ],
        "fold_spearman": [
            spearman_within(names[fold == k], p50[fold == k], y[fold == k]) for k in range(FOLDS)
        ],
    }
    if inner:
        inside = (y >= lv + lo) & (y <= lv + hi)
        report["coverage"] = float(inside.mean())
        report["coverage_by_group"] = {
            GROUP_NAMES[g]: [float(inside[group == g].mean()), int((group == g).sum())]
            for g in range(3)
        }
        report["fold_coverage"] = [float(inside[fold == k].mean()) for k in range(FOLDS)]
        own = calibrated_inside(names, t - pred, group, fold, fold_quantiles)
        report["coverage_calibrated"] = float(own.mean())
        report["coverage_calibrated_by_group"] = {
            GROUP_NAMES[g]: [float(own[group == g].mean()), int((group == g).sum())]
            for g in range(3)
        }
        report["fold_coverage_calibrated"] = [float(own[fold == k].mean()) for k in range(FOLDS)]
    return report, pred


def calibrated_inside(names, residuals, group, fold, fold_quantiles, weight=OWN_WEIGHT):
    """Coverage as the app has it: each creator's band is the history group's blended with
    the residuals of the creator's earlier predicted videos, weight n / (n + OWN_WEIGHT)."""
    i10, i90 = LEVELS.index(0.1), LEVELS.index(0.9)
    inside = np.zeros(len(residuals), bool)
    for name in dict.fromkeys(names):
        idx = np.where(names == name)[0]
        for a, j in enumerate(idx):
            q = fold_quantiles[fold[j]][group[j]]
            own = np.sort(residuals[idx[:a]])
            n = len(own)
            lo, hi = q[i10], q[i90]
            if n:
                lo = (n * np.quantile(own, 0.1) + weight * lo) / (n + weight)
                hi = (n * np.quantile(own, 0.9) + weight * hi) / (n + weight)
            inside[j] = lo <= residuals[j] <= hi
    return inside


def print_report(title, r):
    print(f"== {title}")
    print(
        f"rows {r['rows']} of {r['creators']} creators; MAE log10 {r['mae']:.4f}, baseline "
        f"{r['baseline_mae']:.4f}, ratio {r['ratio']:.3f} (folds "
        f"{min(r['fold_ratios']):.3f}-{max(r['fold_ratios']):.3f})"
    )
    print(
        f"within-creator Spearman {r['spearman']:+.3f} (folds {min(r['fold_spearman']):+.3f}"
        f" to {max(r['fold_spearman']):+.3f}), baseline {r['baseline_spearman']:+.3f}"
    )
    if "coverage" in r:
        groups = ", ".join(
            f"{g}: {c:.3f} of {n}" for g, (c, n) in r["coverage_by_group"].items()
        )
        print(
            f"P10-P90 coverage {r['coverage']:.3f} ({groups}); folds "
            f"{min(r['fold_coverage']):.3f}-{max(r['fold_coverage']):.3f}"
        )
        groups = ", ".join(
            f"{g}: {c:.3f}" for g, (c, n) in r["coverage_calibrated_by_group"].items()
        )
        print(
            f"  with each account's own calibration (as in the app): "
            f"{r['coverage_calibrated']:.3f} ({groups}); folds "
            f"{min(r['fold_coverage_calibrated']):.3f}-{max(r['fold_coverage_calibrated']):.3f}"
        )


def tree_dump(model):
    """The trees as nested nodes: {f, t, l, r} for splits (x[f] <= t goes left), {v} leaves."""

    def node(n):
        if "leaf_value" in n:
            return {"v": n["leaf_value"]}
        assert n["decision_type"] == "<=", n
        return {
            "f": n["split_feature"],
            "t": n["threshold"],
            "l": node(n["left_child"]),
            "r": node(n["right_child"]),
            "c": n["internal_count"],
        }

    def counted(n):
        if "leaf_value" in n:
            return {"v": n["leaf_value"], "c": n["leaf_count"]}
        out = node(n)
        out["l"] = counted(n["left_child"])
        out["r"] = counted(n["right_child"])
        return out

    return [counted(t["tree_structure"]) for t in model.dump_model()["tree_info"]]


def synthetic_rows(x, count=50, seed=SEED):
    """Feature rows drawn independently per feature from a wide range around the training
    ranges (no row of the file is copied: each value comes from a uniform draw)."""
    rng = np.random.default_rng(seed)
    lo = x.min(axis=0)
    hi = x.max(axis=0)
    width = hi - lo
    rows = rng.uniform(lo - 0.1 * width, hi + 0.1 * width, size=(count, x.shape[1]))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv")
    parser.add_argument("--out", default=None, help="assets dir (default: assets/model)")
    parser.add_argument("--fixtures", default=None, help="default: tests/fixtures/model")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    out = args.out or os.path.join(root, "assets", "model")
    fixtures = args.fixtures or os.path.join(root, "tests", "fixtures", "model")

    creators = read_creators(args.csv)
    rows = walk_forward(creators)
    fold_of = folds_of(creators)
    report, _ = evaluate(rows, fold_of)
    print_report("reach model 2 (gradient-boosted trees, creator-grouped 5-fold CV)", report)

    names = np.array([r[0] for r in rows])
    x = np.array([r[1] for r in rows])
    t = np.array([r[2] for r in rows])
    group = np.array([r[6] for r in rows])
    fold = np.array([fold_of[n] for n in names])
    residuals = t - oof(x, t, fold)
    q = quantiles(residuals, group)
    model = fit(x, t)
    if args.no_write:
        return
    os.makedirs(out, exist_ok=True)
    os.makedirs(fixtures, exist_ok=True)
    gains = model.feature_importance("gain")
    by_group = {g: float(sum(gains[NAMES.index(f)] for f in fs)) for g, fs in GROUPS.items()}
    total = sum(by_group.values())
    print("gain by feature group: " + ", ".join(
        f"{g} {100 * v / total:.0f}%" for g, v in sorted(by_group.items(), key=lambda i: -i[1])
    ))
    shipped = {
        "about": "Scrollstop reach model 2: gradient-boosted trees (absolute-error loss) across "
        "creators, trained by scripts/model/train.py on the development set; aggregate "
        "parameters only, no rows of the data.",
        "features": NAMES,
        "groups": GROUPS,
        "min_history": MIN_HISTORY,
        "max_history": MAX_HISTORY,
        "age_curve": {"tau_hours": TAU_HOURS, "shape": SHAPE},
        "own_weight": OWN_WEIGHT,
        "quantile_levels": LEVELS,
        "residual_quantiles": q,
        "history_groups": GROUP_NAMES,
        "cross_validation": report,
        "trees": tree_dump(model),
    }
    with open(os.path.join(out, "reach.json"), "w") as f:
        json.dump(shipped, f, separators=(",", ":"))
        f.write("\n")
    synth = synthetic_rows(x)
    pred = model.predict(synth)
    contrib = model.predict(synth, pred_contrib=True)
    fixture = {
        "about": "Synthetic feature rows (uniform draws, no data) with the trainer's "
        "predictions and TreeSHAP contributions (last entry: the expected value).",
        "rows": [
            {"x": list(map(float, s)), "prediction": float(p), "contributions": list(map(float, c))}
            for s, p, c in zip(synth, pred, contrib)
        ],
    }
    with open(os.path.join(fixtures, "reach_scores.json"), "w") as f:
        json.dump(fixture, f, indent=1)
        f.write("\n")
    print(f"wrote {out}/reach.json and {fixtures}/reach_scores.json")


if __name__ == "__main__":
    main()
