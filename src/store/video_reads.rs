//! Reads of posted videos for views and checks that need less than every snapshot: each video
//! with its latest snapshot only (the Analytics table, the Reach view's measured history), the
//! captions alone (near-duplicate checks) and how many videos an account has. A team's history
//! holds hundreds of thousands of snapshots per account; these read one row per video instead.
//! It only reads; the writes are in `videos.rs`.

use rusqlite::Row;

use super::convert::{instant, list, platform_id};
use super::{Store, StoreError};
use crate::domain::{AccountId, Snapshot, Video, VideoId};

/// A video with its most recent snapshot (`None` when it was never measured).
#[derive(Debug, Clone, PartialEq)]
pub struct VideoWithLatest {
    pub video: Video,
    pub latest: Option<Snapshot>,
}

/// The video in columns 0..12 of `row`, in the order of [`VIDEO_COLUMNS`].
pub(super) fn video(row: &Row<'_>) -> rusqlite::Result<Video> {
    Ok(Video {
        id: VideoId(row.get(0)?),
        account: AccountId(row.get(1)?),
        platform_id: platform_id(row, 2)?,
        posted_at: instant(row, 3)?,
        caption: row.get(4)?,
        hashtags: list(row, 5)?,
        duration_s: row.get(6)?,
        sound: row.get(7)?,
        link: row.get(8)?,
        allow_duet: row.get(9)?,
        allow_stitch: row.get(10)?,
        allow_comments: row.get(11)?,
    })
}

/// A video's columns as [`video`] reads them (`v` is the videos table). A canonical link is
/// stored as `''` (see `videos.rs`) and rebuilt here from the account's handle and TikTok id.
pub(super) const VIDEO_COLUMNS: &str = "v.id, v.account_id, v.platform_id, v.posted_at,
     v.caption, v.hashtags, v.duration_s, v.sound,
     CASE v.link WHEN '' THEN 'https://www.tiktok.com/@' ||
         (SELECT a.handle FROM accounts a WHERE a.id = v.account_id) || '/video/' || v.platform_id
         ELSE v.link END,
     v.allow_duet, v.allow_stitch, v.allow_comments";

impl Store {
    /// The account's videos, oldest post first (as [`Store::videos`]), each with its latest
    /// snapshot: one index lookup per video rather than reading every snapshot.
    pub fn videos_with_latest(
        &self,
        account: AccountId,
    ) -> Result<Vec<VideoWithLatest>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {VIDEO_COLUMNS},
                 s.captured_at, s.views, s.likes, s.comments, s.shares, s.saves, s.avg_watch_s,
                 s.full_watch_rate
             FROM videos v
             LEFT JOIN video_snapshots s ON s.video_id = v.id AND s.captured_at =
                 (SELECT MAX(m.captured_at) FROM video_snapshots m WHERE m.video_id = v.id)
             WHERE v.account_id = ?1 ORDER BY v.posted_at, v.id"
        ))?;
        let rows = stmt.query_map([account.0], |r| {
            let video = video(r)?;
            let latest = match r.get::<_, Option<i64>>(12)? {
                None => None,
                Some(_) => Some(Snapshot {
                    video: video.id,
                    captured_at: instant(r, 12)?,
                    views: r.get(13)?,
                    likes: r.get(14)?,
                    comments: r.get(15)?,
                    shares: r.get(16)?,
                    saves: r.get(17)?,
                    avg_watch_s: r.get(18)?,
                    full_watch_rate: r.get(19)?,
                }),
            };
            Ok(VideoWithLatest { video, latest })
        })?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// The id and caption of each of the account's videos, oldest post first.
    pub fn video_captions(&self, account: AccountId) -> Result<Vec<(VideoId, String)>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, caption FROM videos WHERE account_id = ?1 ORDER BY posted_at, id",
        )?;
        let rows = stmt.query_map([account.0], |r| Ok((VideoId(r.get(0)?), r.get(1)?)))?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// How many videos the account has posted (as far as the workspace knows).
    pub fn video_count(&self, account: AccountId) -> Result<usize, StoreError> {
        let count: i64 = self
            .conn
            .prepare_cached("SELECT COUNT(*) FROM videos WHERE account_id = ?1")?
            .query_row([account.0], |r| r.get(0))?;
        Ok(usize::try_from(count).unwrap_or(0))
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone, Utc};

    use super::*;
    use crate::domain::NewAccount;

    fn snapshot(hours: i64, views: i64) -> Snapshot {
        let posted = Utc
            .with_ymd_and_hms(2026, 3, 1, 12, 0, 0)
            .single()
            .expect("valid");
        Snapshot {
            video: VideoId(0),
            captured_at: posted + Duration::hours(hours),
            views,
            likes: Some(views / 10),
            comments: None,
            shares: Some(1),
            saves: None,
            avg_watch_s: Some(4.5),
            full_watch_rate: None,
        }
    }

    fn video(account: AccountId, platform_id: &str, day: u32, caption: &str) -> Video {
        Video {
            id: VideoId(0),
            account,
            platform_id: platform_id.to_string(),
            posted_at: Utc
                .with_ymd_and_hms(2026, 3, day, 12, 0, 0)
                .single()
                .expect("valid"),
            caption: caption.to_string(),
            hashtags: vec!["knitting".to_string()],
            duration_s: Some(21.0),
            sound: None,
            link: None,
            allow_duet: Some(true),
            allow_stitch: None,
            allow_comments: Some(false),
        }
    }

    /// Two accounts: the first with three videos (one never measured, snapshots stored out of
    /// order), the second with one.
    fn workspace() -> (tempfile::TempDir, Store, AccountId, AccountId) {
        let dir = tempfile::tempdir().expect("temporary folder");
        let mut store = Store::open(&dir.path().join("w.sqlite")).expect("opens");
        let mut add = |handle: &str| {
            store
                .add_account(&NewAccount {
                    handle: handle.parse().expect("a valid handle"),
                    display_name: handle.to_string(),
                    time_zone: chrono_tz::Europe::Berlin,
                    region: "DE".into(),
                    language: "de".into(),
                })
                .expect("account")
        };
        let (first, second) = (add("cozyknits"), add("ovenlight"));
        store
            .add_videos(&[
                (
                    video(first, "2", 5, "second post"),
                    vec![snapshot(200, 900), snapshot(24, 300), snapshot(96, 700)],
                ),
                (video(first, "1", 2, "first post"), vec![snapshot(48, 50)]),
                (video(first, "3", 9, "never measured"), vec![]),
                (
                    video(second, "1", 3, "other account"),
                    vec![snapshot(30, 5)],
                ),
            ])
            .expect("videos");
        (dir, store, first, second)
    }

    #[test]
    fn each_video_comes_with_the_snapshot_all_snapshots_end_with() {
        let (_dir, store, first, second) = workspace();
        let every = store.videos(first).expect("every snapshot");
        let latest = store.videos_with_latest(first).expect("latest only");
        assert_eq!(latest.len(), 3);
        for (all, one) in every.iter().zip(&latest) {
            assert_eq!(all.video, one.video, "same videos in the same order");
            assert_eq!(all.latest(), one.latest.as_ref());
        }
        assert_eq!(latest[0].video.caption, "first post");
        assert_eq!(latest[1].latest.as_ref().map(|s| s.views), Some(900));
        assert_eq!(latest[2].latest, None, "a video never measured has none");
        let other = store.videos_with_latest(second).expect("second account");
        assert_eq!(other.len(), 1);
        assert_eq!(other[0].latest.as_ref().map(|s| s.views), Some(5));
    }

    #[test]
    fn captions_and_counts_are_the_accounts_own() {
        let (_dir, store, first, second) = workspace();
        let captions: Vec<String> = store
            .video_captions(first)
            .expect("captions")
            .into_iter()
            .map(|(_, c)| c)
            .collect();
        assert_eq!(captions, ["first post", "second post", "never measured"]);
        let ids: Vec<VideoId> = store
            .videos(first)
            .expect("videos")
            .iter()
            .map(|v| v.video.id)
            .collect();
        let caption_ids: Vec<VideoId> = store
            .video_captions(first)
            .expect("captions")
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        assert_eq!(caption_ids, ids);
        assert_eq!(store.video_count(first).expect("count"), 3);
        assert_eq!(store.video_count(second).expect("count"), 1);
        assert_eq!(store.video_count(AccountId(99)).expect("count"), 0);
    }
}
