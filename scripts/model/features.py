"""The reach model's features: the account's recent history relative to its level (counts
age-normalised with the age curve below, and as counted), cadence, earlier engagement rates,
the draft's own content and how the account's earlier videos like the draft did (similar.py).
The target is log10 views minus the account's level at the age the views were read (level +
log10 A(age)); the trees read no age, so a forecast rises with age exactly as the age curve
does.

This file is the specification src/model/learned/inputs.rs mirrors line by line: change one,
change the other, and retrain (the fixture test checks the scorer; compare.py checks that the
app's backtest predictions equal the trainer's, which checks the features).
"""

import math

from similar import NAMES as SIMILAR_NAMES
from similar import similar_features

# History features read at most this many earlier videos (the last ones).
MAX_HISTORY = 20
# Fewer earlier videos than this: no prediction (the app keeps its labelled prior).
MIN_HISTORY = 3
SHORT_HALF_LIFE = 1.5
LONG_HALF_LIFE = 5.0
DEFAULT_DURATION_S = 15.0

ORIGINAL_SOUND_MARKS = [
    "original sound",
    "originalton",
    "son original",
    "sonido original",
    "som original",
    "suono originale",
    "nhạc nền",
    "âm thanh gốc",
    "原声",
]

NAMES = [
    # The account's recent videos, age-normalised, against its level.
    "last_vs_level",
    "short_recency_vs_level",
    "long_recency_vs_level",
    "mean_vs_level",
    "spread",
    "min_vs_level",
    "max_vs_level",
    "trend",
    "earlier_videos",
    "second_last_vs_level",
    "last_3_vs_level",
    "last_5_vs_level",
    "recency_1_vs_level",
    "recency_3_vs_level",
    "recency_10_vs_level",
    "min_last_5_vs_level",
    "max_last_5_vs_level",
    "max_last_3_vs_level",
    "log_last_age",
    # The same videos as counted (not age-normalised), against their median.
    "raw_last_vs_median",
    "raw_median_vs_level",
    "raw_second_last_vs_median",
    "raw_last_3_vs_median",
    "raw_short_recency_vs_median",
    "raw_max_vs_median",
    "raw_min_vs_median",
    # Earlier engagement.
    "like_rate",
    "share_rate",
    "comment_rate",
    "last_like_rate_vs_usual",
    "last_share_rate_vs_usual",
    # Cadence up to the draft's posting time.
    "log_days_since_previous",
    "posts_last_7_days",
    "log_typical_gap_days",
    "log_history_span_days",
    "posts_last_30_days",
    # The draft's own content.
    "duration_vs_usual",
    "log_duration",
    "log_caption_chars",
    "caption_vs_usual",
    "hashtags",
    "original_sound",
    # How the account's earlier videos like the draft did (similar.py).
] + SIMILAR_NAMES

# What a person controls (the draft and its timing) and what they do not (the account).
GROUPS = {
    "momentum": NAMES[: NAMES.index("log_days_since_previous")],
    "cadence": NAMES[NAMES.index("log_days_since_previous") : NAMES.index("duration_vs_usual")],
    "length": [
        "duration_vs_usual",
        "log_duration",
        "similar_length_vs_level",
        "length_slope_effect",
    ],
    "caption": ["log_caption_chars", "caption_vs_usual", "hashtags", "similar_caption_vs_level"],
    "sound": ["original_sound", "same_sound_vs_level", "same_sound_videos"],
}


def log10_views(v):
    return math.log10(max(v, 1))


# The age curve A(t) = 1 - exp(-(t / tau)^k) the model normalises counts with (shipped with
# it; an account whose repeated imports fit its own curve uses that). Chosen by
# cross-validation among a few (tau, k); the trees read no age, so views rise with age.
TAU_HOURS = 300.0
SHAPE = 0.6


def log10_fraction(age_hours):
    z = (max(age_hours, 1e-3) / TAU_HOURS) ** SHAPE
    return math.log10(max(-math.expm1(-z), 1e-12))


def reach(v):
    """Age-normalised log10 reach of an earlier video: log10 views - log10 A(age)."""
    return log10_views(v["views"]) - log10_fraction(v["age_hours"])


def median(xs):
    s = sorted(xs)
    n = len(s)
    if n == 0:
        return 0.0
    return s[n // 2] if n % 2 else 0.5 * (s[n // 2 - 1] + s[n // 2])


def is_original_sound(name):
    lower = name.lower()
    return any(m in lower for m in ORIGINAL_SOUND_MARKS)


def caption_chars(caption):
    """Characters of the caption's words that are not hashtags."""
    words = [w for w in caption.split() if not w.startswith("#")]
    return len(" ".join(words))


def recency_mean(ys, half_life):
    n = len(ys)
    weights = [0.5 ** ((n - 1 - i) / half_life) for i in range(n)]
    return sum(w * y for w, y in zip(weights, ys)) / sum(weights)


def rates(earlier, key):
    return [math.log10((v[key] + 1) / (v["views"] + 1)) for v in earlier if v[key] is not None]


def level(earlier):
    """The account's level: the median log10 views of its last MAX_HISTORY videos."""
    return median([reach(v) for v in earlier[-MAX_HISTORY:]])


def features(earlier, draft):
    """Feature vector of `draft` (posted at draft['posted'], seconds) from the videos posted
    before it (in order of posting, at least MIN_HISTORY). No age: the age curve carries it."""
    earlier = earlier[-MAX_HISTORY:]
    ys = [reach(v) for v in earlier]
    raw = [log10_views(v["views"]) for v in earlier]
    n = len(ys)
    lv = median(ys)
    mr = median(raw)
    mean = 0.0
    for y in ys:
        mean += y
    mean /= n
    ss = 0.0
    for y in ys:
        ss += (y - mean) * (y - mean)
    spread = math.sqrt(ss / n)
    xbar = (n - 1) / 2.0
    sxx = 0.0
    sxy = 0.0
    for i in range(n):
        sxx += (i - xbar) * (i - xbar)
    for i, y in enumerate(ys):
        sxy += (i - xbar) * (y - mean)
    posted = draft["posted"]
    since_previous = max(posted - earlier[-1]["posted"], 0.0) / 86400.0
    last_week = sum(1 for v in earlier if 0.0 <= posted - v["posted"] <= 7 * 86400.0)
    last_month = sum(1 for v in earlier if 0.0 <= posted - v["posted"] <= 30 * 86400.0)
    gaps = [
        max(b["posted"] - a["posted"], 0.0) / 86400.0 for a, b in zip(earlier, earlier[1:])
    ]
    span = max(earlier[-1]["posted"] - earlier[0]["posted"], 0.0) / 86400.0
    likes = rates(earlier, "likes")
    shares = rates(earlier, "shares")
    durations = [v["duration_s"] for v in earlier if v["duration_s"]]
    usual = median(durations) if durations else DEFAULT_DURATION_S
    duration = draft["duration_s"] or usual
    chars = [math.log1p(caption_chars(v["caption"])) for v in earlier]
    own_chars = math.log1p(caption_chars(draft["caption"]))
    similar = similar_features(
        [y - lv for y in ys],
        [math.log(v["duration_s"] or usual) for v in earlier],
        math.log(duration),
        chars,
        own_chars,
        [v["sound"] for v in earlier],
        draft["sound"],
    )
    return [
        ys[-1] - lv,
        recency_mean(ys, SHORT_HALF_LIFE) - lv,
        recency_mean(ys, LONG_HALF_LIFE) - lv,
        mean - lv,
        spread,
        min(ys) - lv,
        max(ys) - lv,
        sxy / sxx,
        float(n),
        ys[-2] - lv,
        median(ys[-3:]) - lv,
        median(ys[-5:]) - lv,
        recency_mean(ys, 1.0) - lv,
        recency_mean(ys, 3.0) - lv,
        recency_mean(ys, 10.0) - lv,
        min(ys[-5:]) - lv,
        max(ys[-5:]) - lv,
        max(ys[-3:]) - lv,
        math.log(max(earlier[-1]["age_hours"], 1.0)),
        raw[-1] - mr,
        mr - lv,
        raw[-2] - mr,
        median(raw[-3:]) - mr,
        recency_mean(raw, SHORT_HALF_LIFE) - mr,
        max(raw) - mr,
        min(raw) - mr,
        median(likes),
        median(shares),
        median(rates(earlier, "comments")),
        likes[-1] - median(likes) if likes else 0.0,
        shares[-1] - median(shares) if shares else 0.0,
        math.log1p(since_previous),
        float(last_week),
        math.log1p(median(gaps)),
        math.log1p(span),
        float(last_month),
        math.log(duration / usual),
        math.log(duration),
        own_chars,
        own_chars - median(chars),
        float(min(draft["hashtags"], 30)),
        1.0 if is_original_sound(draft["sound"]) else 0.0,
    ] + similar


def history_group(n_earlier):
    """0: 3-5 earlier videos, 1: 6-10, 2: 11 or more."""
    return 0 if n_earlier <= 5 else (1 if n_earlier <= 10 else 2)


def walk_forward(creators):
    """Rows (creator, features, target, level, y, baseline, group) for every video with at
    least MIN_HISTORY earlier videos of its creator."""
    rows = []
    for name, videos in creators.items():
        for j in range(MIN_HISTORY, len(videos)):
            earlier, draft = videos[:j], videos[j]
            x = features(earlier, draft)
            lv = level(earlier) + log10_fraction(draft["age_hours"])
            y = log10_views(draft["views"])
            base = median([log10_views(v["views"]) for v in earlier])
            rows.append((name, x, y - lv, lv, y, base, history_group(j)))
    return rows
