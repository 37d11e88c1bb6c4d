"""How the account's own earlier videos that resemble the draft did: the draft's length,
caption and sound against the account's history (the same creator's response to the same
choice), as features of the reach model.

- similar_length_vs_level: the earlier videos' reach against the level, weighted by how close
  their length is to the draft's (weight exp(-|ln d_i - ln d| / LENGTH_WIDTH)), shrunk toward
  0 by PRIOR_WEIGHT pseudo-videos at the level;
- length_slope_effect: the account's own slope of reach on ln length (ridge with SLOPE_PRIOR)
  times the draft's ln length against the account's mean;
- similar_caption_vs_level: as the first, with ln(1 + caption characters) and CAPTION_WIDTH;
- same_sound_vs_level and same_sound_videos: the earlier videos with exactly the draft's sound
  name (shrunk as above), and how many there are.

This file is the specification src/model/learned/similar.rs mirrors: change one, change the
other, and retrain. Sums are explicit loops in order, as in the Rust code.
"""

import math

LENGTH_WIDTH = 0.3
CAPTION_WIDTH = 0.5
PRIOR_WEIGHT = 1.0
SLOPE_PRIOR = 1.0

NAMES = [
    "similar_length_vs_level",
    "length_slope_effect",
    "similar_caption_vs_level",
    "same_sound_vs_level",
    "same_sound_videos",
]


def weighted_vs_level(rel, distances, width):
    num = 0.0
    den = PRIOR_WEIGHT
    for r, d in zip(rel, distances):
        w = math.exp(-abs(d) / width)
        num += w * r
        den += w
    return num / den


def slope_effect(rel, xs, x):
    n = len(xs)
    mx = 0.0
    my = 0.0
    for a, r in zip(xs, rel):
        mx += a
        my += r
    mx /= n
    my /= n
    sxx = SLOPE_PRIOR
    sxy = 0.0
    for a, r in zip(xs, rel):
        sxx += (a - mx) * (a - mx)
        sxy += (a - mx) * (r - my)
    return sxy / sxx * (x - mx)


def similar_features(rel, log_durations, log_duration, log_chars, own_log_chars, sounds, sound):
    """`rel`: the earlier videos' age-normalised log10 reach minus the level, in order;
    `log_durations`/`log_chars`: theirs (ln seconds, ln(1 + characters)), `sounds` their
    sound names (stripped, "" for none); the rest the draft's."""
    same = 0.0
    count = 0
    if sound:
        for r, s in zip(rel, sounds):
            if s == sound:
                same += r
                count += 1
    return [
        weighted_vs_level(rel, [a - log_duration for a in log_durations], LENGTH_WIDTH),
        slope_effect(rel, log_durations, log_duration),
        weighted_vs_level(rel, [c - own_log_chars for c in log_chars], CAPTION_WIDTH),
        same / (count + PRIOR_WEIGHT),
        float(count),
    ]
