//! Imported analytics as a team shares them: videos, their count snapshots, daily metrics,
//! follower activity and audience shares, each named by its natural key (the account's UUID and
//! the row's own key: a video's TikTok id, a snapshot's video and capture time, a day...). A
//! row waits to be sent while its `shared_seq` is NULL (schema v6); a teammate's row is an
//! upsert that only replaces a row that is not waiting and older in the team's order, so the
//! value ordered last stands everywhere, whatever order rows arrive in.
//!
//! The rows travel as JSON objects of their stored columns (read with SQLite's `json_object`
//! and written back with `json_extract`), so every column keeps exactly its stored form. A
//! video's TikTok id travels as text, as it always has, and is stored back in the
//! workspace's form for it (`stored_platform_id!`, schema 8).

use rusqlite::params;

use super::convert::stored_platform_id;
use super::{Store, StoreError};

/// One kind of shared analytics row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnalyticsKind {
    /// The op's entity kind on the team server.
    pub name: &'static str,
    /// The fields of the row's JSON that name it within its account, in key order.
    key: &'static [&'static str],
    /// `SELECT` of waiting rows, in key order: the account's UUID and the row as JSON; `?1`
    /// the row limit.
    waiting: &'static str,
    /// Marks a row sent (`?1` the seq, `?2` the account UUID, `?3` the row JSON).
    mark: &'static str,
    /// A teammate's row (`?1` the account UUID, `?2` the row JSON, `?3` its seq).
    upsert: &'static str,
}

macro_rules! kind {
    ($name:literal, $table:literal, key: [$($key:literal),+], json: $json:literal,
     mark: $mark:expr, upsert: $upsert:expr) => {
        AnalyticsKind {
            name: $name,
            key: &[$($key),+],
            waiting: concat!(
                "SELECT a.uuid, ", $json, " FROM ", $table, " AS t JOIN accounts AS a ON a.id = t.account_id
                 WHERE t.shared_seq IS NULL AND a.uuid IS NOT NULL
                 ORDER BY t.account_id, ", kind!(@keys $($key),+), " LIMIT ?1"
            ),
            mark: $mark,
            upsert: $upsert,
        }
    };
    (@keys $first:literal $(, $rest:literal)*) => { concat!("t.", $first $(, ", t.", $rest)*) };
}

/// Every kind, in the order a member applies them (a snapshot needs its video).
pub const ANALYTICS_KINDS: [AnalyticsKind; 5] = [
    kind!("video", "videos", key: ["platform_id"],
        json: "json_object('platform_id', CAST(t.platform_id AS TEXT), 'posted_at', t.posted_at,
            'caption', t.caption, 'hashtags', t.hashtags, 'duration_s', t.duration_s,
            'sound', t.sound, 'link', t.link, 'allow_duet', t.allow_duet,
            'allow_stitch', t.allow_stitch, 'allow_comments', t.allow_comments)",
        mark: concat!("UPDATE videos SET shared_seq = ?1
               WHERE account_id = (SELECT id FROM accounts WHERE uuid = ?2)
                 AND platform_id = ", stored_platform_id!("json_extract(?3, '$.platform_id')")),
        upsert: concat!("INSERT INTO videos (account_id, platform_id, posted_at, caption, hashtags,
                     duration_s, sound, link, allow_duet, allow_stitch, allow_comments, shared_seq)
                 SELECT a.id, ", stored_platform_id!("json_extract(?2, '$.platform_id')"), ",
                     json_extract(?2, '$.posted_at'),
                     json_extract(?2, '$.caption'), json_extract(?2, '$.hashtags'),
                     json_extract(?2, '$.duration_s'), json_extract(?2, '$.sound'),
                     json_extract(?2, '$.link'), json_extract(?2, '$.allow_duet'),
                     json_extract(?2, '$.allow_stitch'), json_extract(?2, '$.allow_comments'), ?3
                 FROM accounts AS a WHERE a.uuid = ?1
                 ON CONFLICT (account_id, platform_id) DO UPDATE SET
                     posted_at = excluded.posted_at, caption = excluded.caption,
                     hashtags = excluded.hashtags, duration_s = excluded.duration_s,
                     sound = excluded.sound, link = excluded.link,
                     allow_duet = excluded.allow_duet, allow_stitch = excluded.allow_stitch,
                     allow_comments = excluded.allow_comments, shared_seq = excluded.shared_seq
                 WHERE videos.shared_seq IS NOT NULL AND videos.shared_seq < excluded.shared_seq")),
    AnalyticsKind {
        name: "snapshot",
        key: &["platform_id", "captured_at"],
        waiting: "SELECT a.uuid, json_object('platform_id', CAST(v.platform_id AS TEXT),
                      'captured_at', t.captured_at, 'views', t.views, 'likes', t.likes,
                      'comments', t.comments, 'shares', t.shares, 'saves', t.saves,
                      'avg_watch_s', t.avg_watch_s, 'full_watch_rate', t.full_watch_rate)
                  FROM video_snapshots AS t JOIN videos AS v ON v.id = t.video_id
                  JOIN accounts AS a ON a.id = v.account_id
                  WHERE t.shared_seq IS NULL AND a.uuid IS NOT NULL
                  ORDER BY t.video_id, t.captured_at LIMIT ?1",
        mark: concat!("UPDATE video_snapshots SET shared_seq = ?1
               WHERE video_id = (SELECT v.id FROM videos AS v JOIN accounts AS a ON a.id = v.account_id
                                 WHERE a.uuid = ?2 AND v.platform_id = ",
                                 stored_platform_id!("json_extract(?3, '$.platform_id')"), ")
                 AND captured_at = json_extract(?3, '$.captured_at')"),
        upsert: concat!("INSERT INTO video_snapshots (video_id, captured_at, views, likes, comments, shares,
                     saves, avg_watch_s, full_watch_rate, shared_seq)
                 SELECT v.id, json_extract(?2, '$.captured_at'), json_extract(?2, '$.views'),
                     json_extract(?2, '$.likes'), json_extract(?2, '$.comments'),
                     json_extract(?2, '$.shares'), json_extract(?2, '$.saves'),
                     json_extract(?2, '$.avg_watch_s'), json_extract(?2, '$.full_watch_rate'), ?3
                 FROM videos AS v JOIN accounts AS a ON a.id = v.account_id
                 WHERE a.uuid = ?1 AND v.platform_id = ", stored_platform_id!("json_extract(?2, '$.platform_id')"), "
                 ON CONFLICT (video_id, captured_at) DO UPDATE SET
                     views = excluded.views, likes = excluded.likes, comments = excluded.comments,
                     shares = excluded.shares, saves = excluded.saves,
                     avg_watch_s = excluded.avg_watch_s,
                     full_watch_rate = excluded.full_watch_rate, shared_seq = excluded.shared_seq
                 WHERE video_snapshots.shared_seq IS NOT NULL
                   AND video_snapshots.shared_seq < excluded.shared_seq"),
    },
    kind!("daily_metrics", "daily_metrics", key: ["date"],
        json: "json_object('date', t.date, 'video_views', t.video_views,
            'profile_views', t.profile_views, 'likes', t.likes, 'comments', t.comments,
            'shares', t.shares, 'reached_audience', t.reached_audience,
            'total_viewers', t.total_viewers, 'new_viewers', t.new_viewers,
            'returning_viewers', t.returning_viewers, 'followers', t.followers,
            'follower_change', t.follower_change)",
        mark: "UPDATE daily_metrics SET shared_seq = ?1
               WHERE account_id = (SELECT id FROM accounts WHERE uuid = ?2)
                 AND date = json_extract(?3, '$.date')",
        upsert: "INSERT INTO daily_metrics (account_id, date, video_views, profile_views, likes,
                     comments, shares, reached_audience, total_viewers, new_viewers,
                     returning_viewers, followers, follower_change, shared_seq)
                 SELECT a.id, json_extract(?2, '$.date'), json_extract(?2, '$.video_views'),
                     json_extract(?2, '$.profile_views'), json_extract(?2, '$.likes'),
                     json_extract(?2, '$.comments'), json_extract(?2, '$.shares'),
                     json_extract(?2, '$.reached_audience'), json_extract(?2, '$.total_viewers'),
                     json_extract(?2, '$.new_viewers'), json_extract(?2, '$.returning_viewers'),
                     json_extract(?2, '$.followers'), json_extract(?2, '$.follower_change'), ?3
                 FROM accounts AS a WHERE a.uuid = ?1
                 ON CONFLICT (account_id, date) DO UPDATE SET
                     video_views = excluded.video_views, profile_views = excluded.profile_views,
                     likes = excluded.likes, comments = excluded.comments,
                     shares = excluded.shares, reached_audience = excluded.reached_audience,
                     total_viewers = excluded.total_viewers, new_viewers = excluded.new_viewers,
                     returning_viewers = excluded.returning_viewers,
                     followers = excluded.followers, follower_change = excluded.follower_change,
                     shared_seq = excluded.shared_seq
                 WHERE daily_metrics.shared_seq IS NOT NULL
                   AND daily_metrics.shared_seq < excluded.shared_seq"),
    kind!("follower_activity", "follower_activity", key: ["date", "hour"],
        json: "json_object('date', t.date, 'hour', t.hour, 'active_followers', t.active_followers)",
        mark: "UPDATE follower_activity SET shared_seq = ?1
               WHERE account_id = (SELECT id FROM accounts WHERE uuid = ?2)
                 AND date = json_extract(?3, '$.date') AND hour = json_extract(?3, '$.hour')",
        upsert: "INSERT INTO follower_activity (account_id, date, hour, active_followers, shared_seq)
                 SELECT a.id, json_extract(?2, '$.date'), json_extract(?2, '$.hour'),
                     json_extract(?2, '$.active_followers'), ?3
                 FROM accounts AS a WHERE a.uuid = ?1
                 ON CONFLICT (account_id, date, hour) DO UPDATE SET
                     active_followers = excluded.active_followers,
                     shared_seq = excluded.shared_seq
                 WHERE follower_activity.shared_seq IS NOT NULL
                   AND follower_activity.shared_seq < excluded.shared_seq"),
    kind!("audience_share", "audience_shares", key: ["dimension", "key", "captured_on"],
        json: "json_object('dimension', t.dimension, 'key', t.key, 'share', t.share,
            'captured_on', t.captured_on)",
        mark: "UPDATE audience_shares SET shared_seq = ?1
               WHERE account_id = (SELECT id FROM accounts WHERE uuid = ?2)
                 AND dimension = json_extract(?3, '$.dimension') AND key = json_extract(?3, '$.key')
                 AND captured_on = json_extract(?3, '$.captured_on')",
        upsert: "INSERT INTO audience_shares (account_id, dimension, key, share, captured_on, shared_seq)
                 SELECT a.id, json_extract(?2, '$.dimension'), json_extract(?2, '$.key'),
                     json_extract(?2, '$.share'), json_extract(?2, '$.captured_on'), ?3
                 FROM accounts AS a WHERE a.uuid = ?1
                 ON CONFLICT (account_id, dimension, key, captured_on) DO UPDATE SET
                     share = excluded.share, shared_seq = excluded.shared_seq
                 WHERE audience_shares.shared_seq IS NOT NULL
                   AND audience_shares.shared_seq < excluded.shared_seq"),
];

impl AnalyticsKind {
    /// The kind named `name` on the team server.
    pub fn named(name: &str) -> Option<Self> {
        ANALYTICS_KINDS.into_iter().find(|k| k.name == name)
    }

    /// The row's key within its account, as text (the server names the entity by it).
    pub fn entity_key(&self, account_uuid: &str, row: &serde_json::Value) -> String {
        let mut key = format!("{}:{account_uuid}", self.name);
        for part in self.key {
            key.push(':');
            match row.get(*part) {
                Some(serde_json::Value::String(s)) => key.push_str(s),
                Some(other) => key.push_str(&other.to_string()),
                None => {}
            }
        }
        key
    }
}

/// A row waiting to be sent: its account's UUID and the row as JSON.
#[derive(Debug, Clone, PartialEq)]
pub struct WaitingRow {
    pub kind: AnalyticsKind,
    pub account_uuid: String,
    pub row: String,
}

impl Store {
    /// Up to `limit` rows of `kind` waiting to be sent.
    pub fn waiting_analytics(
        &self,
        kind: AnalyticsKind,
        limit: usize,
    ) -> Result<Vec<WaitingRow>, StoreError> {
        let mut statement = self.conn.prepare_cached(kind.waiting)?;
        let rows = statement.query_map([limit as i64], |r| {
            Ok(WaitingRow {
                kind,
                account_uuid: r.get(0)?,
                row: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Records the server's order of a sent row (`-1`: refused; it is not sent again).
    pub fn mark_analytics(&mut self, row: &WaitingRow, seq: i64) -> Result<(), StoreError> {
        self.conn.prepare_cached(row.kind.mark)?.execute(params![
            seq,
            row.account_uuid,
            row.row
        ])?;
        Ok(())
    }

    /// Takes a teammate's row ordered at `seq` unless this machine's row stands (waiting to be
    /// sent, or ordered later). False when it was not taken: the row here stands, or its
    /// account (or a snapshot's video) is not here.
    pub fn take_analytics(
        &mut self,
        kind: AnalyticsKind,
        account_uuid: &str,
        row: &str,
        seq: i64,
    ) -> Result<bool, StoreError> {
        let changed =
            self.conn
                .prepare_cached(kind.upsert)?
                .execute(params![account_uuid, row, seq])?;
        Ok(changed > 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Snapshot;
    use crate::store::{temporary_with_account, video_for_tests};

    const TIKTOK_ID: &str = "7496577707969826276";

    fn video_row(store: &Store) -> Vec<WaitingRow> {
        store.waiting_analytics(ANALYTICS_KINDS[0], 10).unwrap()
    }

    fn snapshot_rows(store: &Store) -> Vec<WaitingRow> {
        store.waiting_analytics(ANALYTICS_KINDS[1], 10).unwrap()
    }

    #[test]
    fn a_tiktok_id_travels_as_text_and_a_teammate_stores_it_as_an_integer_once() {
        let (_here, mut sender, account) = temporary_with_account();
        let (_there, mut teammate, their_account) = temporary_with_account();
        let uuid: String = sender
            .conn
            .query_row(
                "SELECT uuid FROM accounts WHERE id = ?1",
                [account.0],
                |r| r.get(0),
            )
            .unwrap();
        teammate
            .conn
            .execute(
                "UPDATE accounts SET uuid = ?1 WHERE id = ?2",
                params![uuid, their_account.0],
            )
            .unwrap();
        let posted_at = chrono::DateTime::from_timestamp(1_740_000_000, 0).unwrap();
        let batch = sender.import_batch().unwrap();
        let (video, _) = batch
            .upsert_video(&video_for_tests(account, TIKTOK_ID, "Gordijn"))
            .unwrap();
        batch
            .add_snapshot(&Snapshot {
                video,
                captured_at: posted_at,
                views: 12,
                likes: None,
                comments: None,
                shares: None,
                saves: None,
                avg_watch_s: None,
                full_watch_rate: None,
            })
            .unwrap();
        batch.commit().unwrap();

        let (videos, snapshots) = (video_row(&sender), snapshot_rows(&sender));
        assert_eq!((videos.len(), snapshots.len()), (1, 1));
        for row in [&videos[0], &snapshots[0]] {
            let json: serde_json::Value = serde_json::from_str(&row.row).unwrap();
            assert_eq!(json["platform_id"], TIKTOK_ID, "sent as text: {}", row.row);
        }
        assert!(
            teammate
                .take_analytics(ANALYTICS_KINDS[0], &uuid, &videos[0].row, 5)
                .unwrap()
        );
        assert!(
            teammate
                .take_analytics(ANALYTICS_KINDS[1], &uuid, &snapshots[0].row, 6)
                .unwrap()
        );
        // A later version of the row replaces the video taken, found by its TikTok id.
        let later = videos[0].row.replace("Gordijn", "Gordijnen");
        assert!(
            teammate
                .take_analytics(ANALYTICS_KINDS[0], &uuid, &later, 7)
                .unwrap()
        );
        let stored: (i64, String) = teammate
            .conn
            .query_row(
                "SELECT count(*), max(typeof(platform_id)) FROM videos",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!(stored, (1, "integer".to_string()));
        let theirs = teammate.videos(their_account).unwrap();
        assert_eq!(theirs[0].video.platform_id, TIKTOK_ID);
        assert_eq!(theirs[0].video.caption, "Gordijnen");
        assert_eq!(theirs[0].snapshots.len(), 1);

        // The sender's rows, once marked sent, wait no longer.
        sender.mark_analytics(&videos[0], 5).unwrap();
        sender.mark_analytics(&snapshots[0], 6).unwrap();
        assert!(video_row(&sender).is_empty());
        assert!(snapshot_rows(&sender).is_empty());
    }
}
