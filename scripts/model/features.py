"""The reach model's features: the account's recent history relative to its level, the age at
measurement, cadence, earlier engagement rates and the draft's own content.

This file is the specification src/model/global/inputs.rs mirrors line by line: change one,
change the other, and retrain (the fixture test catches a mismatch).
"""

import math

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
    "log_last_age",
    "log_age",
    "history_age_vs_age",
    "log_days_since_previous",
    "posts_last_7_days",
    "log_typical_gap_days",
    "like_rate",
    "share_rate",
    "comment_rate",
    "duration_vs_usual",
    "log_duration",
    "log_caption_chars",
    "caption_vs_usual",
    "hashtags",
    "original_sound",
]

# What a person controls (the draft and its timing) and what they do not (the account).
GROUPS = {
    "momentum": [
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
        "like_rate",
        "share_rate",
        "comment_rate",
    ],
    "age": ["log_age", "history_age_vs_age", "log_last_age"],
    "cadence": ["log_days_since_previous", "posts_last_7_days", "log_typical_gap_days"],
    "length": ["duration_vs_usual", "log_duration"],
    "caption": ["log_caption_chars", "caption_vs_usual", "hashtags"],
    "sound": ["original_sound"],
}


def log10_views(v):
    return math.log10(max(v, 1))


# The app's prior age curve A(t) = 1 - exp(-(t / tau)^k) (src/model/age_curve.rs).
TAU_HOURS = 200.0
SHAPE = 0.7


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


def rate(earlier, key):
    return median(
        [math.log10((v[key] + 1) / (v["views"] + 1)) for v in earlier if v[key] is not None]
    )


def level(earlier):
    """The account's level: the median log10 views of its last MAX_HISTORY videos."""
    return median([reach(v) for v in earlier[-MAX_HISTORY:]])


def features(earlier, draft, age_hours):
    """Feature vector of `draft` (posted at draft['posted'], seconds) measured at `age_hours`,
    from the videos posted before it (in order of posting, at least MIN_HISTORY)."""
    earlier = earlier[-MAX_HISTORY:]
    ys = [reach(v) for v in earlier]
    n = len(ys)
    lv = median(ys)
    mean = sum(ys) / n
    spread = math.sqrt(sum((y - mean) ** 2 for y in ys) / n)
    xbar = (n - 1) / 2.0
    sxx = sum((i - xbar) ** 2 for i in range(n))
    trend = sum((i - xbar) * (y - mean) for i, y in enumerate(ys)) / sxx
    posted = draft["posted"]
    since_previous = max(posted - earlier[-1]["posted"], 0.0) / 86400.0
    last_week = sum(1 for v in earlier if 0.0 <= posted - v["posted"] <= 7 * 86400.0)
    gaps = [
        max(b["posted"] - a["posted"], 0.0) / 86400.0 for a, b in zip(earlier, earlier[1:])
    ]
    ages = median([v["age_hours"] for v in earlier])
    durations = [v["duration_s"] for v in earlier if v["duration_s"]]
    usual = median(durations) if durations else DEFAULT_DURATION_S
    duration = draft["duration_s"] or usual
    chars = [math.log1p(caption_chars(v["caption"])) for v in earlier]
    own_chars = math.log1p(caption_chars(draft["caption"]))
    return [
        ys[-1] - lv,
        recency_mean(ys, SHORT_HALF_LIFE) - lv,
        recency_mean(ys, LONG_HALF_LIFE) - lv,
        mean - lv,
        spread,
        min(ys) - lv,
        max(ys) - lv,
        trend,
        float(n),
        ys[-2] - lv,
        median(ys[-3:]) - lv,
        median(ys[-5:]) - lv,
        math.log(max(earlier[-1]["age_hours"], 1.0)),
        math.log(max(age_hours, 1.0)),
        math.log(max(ages, 1.0)) - math.log(max(age_hours, 1.0)),
        math.log1p(since_previous),
        float(last_week),
        math.log1p(median(gaps)),
        rate(earlier, "likes"),
        rate(earlier, "shares"),
        rate(earlier, "comments"),
        math.log(duration / usual),
        math.log(duration),
        own_chars,
        own_chars - median(chars),
        float(min(draft["hashtags"], 30)),
        1.0 if is_original_sound(draft["sound"]) else 0.0,
    ]


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
            x = features(earlier, draft, draft["age_hours"])
            lv = level(earlier) + log10_fraction(draft["age_hours"])
            y = log10_views(draft["views"])
            base = median([log10_views(v["views"]) for v in earlier])
            rows.append((name, x, y - lv, lv, y, base, history_group(j)))
    return rows
