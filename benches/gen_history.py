"""Writes a scraper-style video-history CSV (the development set's columns and forms:
abbreviated counts, `Share` for zero, float music ids, quoted hashtag lists) for the import
benchmarks. Usage: python3 benches/gen_history.py OUT.csv [ROWS]  (ROWS defaults to 1,000,000).
Deterministic (seed 7). Write it to a temporary directory, never into the repository."""
import datetime
import random
import sys

HEADER = ("user_name,user_nfollower,vid_id,vid_caption,vid_postTime,vid_scrapeTime,vid_duration,"
          "vid_nview,vid_nlike,vid_ncomment,vid_nshare,vid_nsave,vid_hashtags,vid_url,music_id,"
          "music_title,music_nused,music_authorName,music_originality")
WORDS = "len đan mưa ngày mẫu cho ba 我们 松弛感 knit rainy cozy day three tips cách làm".split()
TAGS = "cottagecore,knitting,fyp,xuhuong,douyin抖音,viral,trending,learnontiktok,genz".split(",")


def count():
    n = int(random.lognormvariate(9, 2.2))
    if n >= 1_000_000:
        return f"{n / 1e6:.1f}M"
    if n >= 10_000:
        return f"{n / 1e3:.1f}K"
    return str(n)


def stamp(seconds):
    at = datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc)
    return at.strftime("%Y-%m-%d %H:%M:%S")


def main():
    out = sys.argv[1]
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    random.seed(7)
    base = 1740000000
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write(HEADER + "\n")
        for i in range(rows):
            acct = f"creator.{i % 2000}"
            t = base + random.randint(0, 9_000_000)
            vid = (t << 32) | random.randint(0, 2**32 - 1)
            post = stamp(t)
            scrape = stamp(t + random.randint(86400, 9_000_000))
            cap = " ".join(random.choice(WORDS) for _ in range(random.randint(0, 12)))
            ht = ", ".join(random.sample(TAGS, random.randint(0, 5)))
            share = random.choice(["Share", count()])
            f.write(
                f"{acct},{count()},{vid},{cap},{post},{scrape},00:{random.randint(5, 59):02d},"
                f"{count()},{count()},{random.randint(0, 900)},{share},{random.randint(0, 5000)},"
                f'"{ht}",https://www.tiktok.com/@{acct}/video/{vid},7.471985734489755e+18,'
                f"nhạc nền - {acct},{random.randint(1, 5000)} videos,{acct},True\n"
            )


if __name__ == "__main__":
    main()
