"""Reading a video-history CSV of the development set's shape into creators' videos.

The parsing mirrors the app's importer (src/io/numbers.rs, src/io/generic/row.rs) so that the
features the trainer computes are the ones the app computes from the same file: counts such as
`304.9K`, `Share` for 0, durations `mm:ss`, naive timestamps read as UTC.
"""

import csv
import math
import re
from datetime import datetime, timezone

SUFFIX = {"K": 1e3, "M": 1e6, "B": 1e9}
ZERO_LABELS = {"share", "like", "comment", "save"}


def parse_count(text):
    """A count as the app reads it, or None when the cell is empty or unreadable."""
    if text is None:
        return None
    t = text.strip()
    if not t:
        return None
    if t.lower() in ZERO_LABELS:
        return 0
    t = re.sub(r"\s*[A-Za-z]+$", "", t) if re.search(r"\d\s+[A-Za-z]+$", t) else t
    m = re.fullmatch(r"(-?[\d.,]+)\s*([KMBkmb]?)", t)
    if not m:
        return None
    body, suffix = m.group(1).replace(",", ""), m.group(2).upper()
    try:
        value = float(body)
    except ValueError:
        return None
    if suffix:
        return int(math.floor(value * SUFFIX[suffix] + 0.5))
    return int(value)


def nonnegative(count):
    """Counts below zero (comments after deletions) count as 0, as in the app's model."""
    return None if count is None else max(count, 0)


def parse_duration(text):
    if text is None or not text.strip():
        return None
    parts = text.strip().split(":")
    try:
        seconds = 0.0
        for p in parts:
            seconds = seconds * 60 + float(p)
    except ValueError:
        return None
    return seconds if seconds > 0 else None


def parse_time(text):
    if text is None or not text.strip():
        return None
    return datetime.strptime(text.strip(), "%Y-%m-%d %H:%M:%S").replace(tzinfo=timezone.utc)


def hashtag_list(text):
    """The importer's split of a hashtag cell (separators , ; # ， 、 ； and whitespace)."""
    tags = []
    for tag in re.split(r"[,;#，、；\s]+", text or ""):
        if tag and not any(t.lower() == tag.lower() for t in tags):
            tags.append(tag)
    return tags


def read_creators(path):
    """{creator: [video dict, ...]} in order of posting; rows without views or times skipped."""
    creators = {}
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            views = parse_count(row.get("vid_nview"))
            posted = parse_time(row.get("vid_postTime"))
            scraped = parse_time(row.get("vid_scrapeTime"))
            if views is None or posted is None or scraped is None:
                continue
            age_hours = (scraped - posted).total_seconds() / 3600.0
            if age_hours <= 0:
                continue
            video = {
                "id": row["vid_id"],
                "posted": posted.timestamp(),
                "age_hours": age_hours,
                "views": max(views, 0),
                "likes": nonnegative(parse_count(row.get("vid_nlike"))),
                "shares": nonnegative(parse_count(row.get("vid_nshare"))),
                "comments": nonnegative(parse_count(row.get("vid_ncomment"))),
                "duration_s": parse_duration(row.get("vid_duration")),
                "caption": (row.get("vid_caption") or "").strip(),
                "hashtags": len(hashtag_list(row.get("vid_hashtags"))),
                "sound": (row.get("music_title") or "").strip(),
            }
            creators.setdefault(row["user_name"].lstrip("@"), []).append(video)
    for videos in creators.values():
        videos.sort(key=lambda v: v["posted"])
    return creators
