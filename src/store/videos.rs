//! Posted videos and their count snapshots (one per import that saw the video).
//!
//! A video's link is stored as `''` when it is the one TikTok gives every video,
//! `https://www.tiktok.com/@{handle}/video/{TikTok id}`: a third of a history row's bytes, which
//! a million-row import would otherwise write twice (to the log, then into the file). Reads give the link back
//! whole ([`VIDEO_COLUMNS`]); `NULL` still means the link is not known.

use std::cell::RefCell;
use std::collections::HashMap;

use rusqlite::{OptionalExtension, params};

use super::convert::{StoredPlatformId, instant, to_list, to_unix, write_list};
use super::pending_videos::PendingVideos;
use super::video_identities::VideoIdentities;
use super::video_reads::VIDEO_COLUMNS;
use super::{Change, Store, StoreError};
use crate::domain::{AccountId, Snapshot, Video, VideoId};
use crate::quick_hash::QuickHashing;

/// A video with every snapshot of its counts, oldest first.
#[derive(Debug, Clone, PartialEq)]
pub struct VideoWithSnapshots {
    pub video: Video,
    pub snapshots: Vec<Snapshot>,
}

impl VideoWithSnapshots {
    /// The most recent snapshot, if any.
    pub fn latest(&self) -> Option<&Snapshot> {
        self.snapshots.last()
    }
}

/// A video's fields borrowed from where they were read (an import's row), so writing a
/// million of them copies nothing.
#[derive(Debug, Clone, Copy)]
pub struct VideoFields<'a> {
    pub account: AccountId,
    pub platform_id: &'a str,
    pub posted_at: chrono::DateTime<chrono::Utc>,
    pub caption: &'a str,
    pub hashtags: &'a [String],
    pub duration_s: Option<f32>,
    pub sound: Option<&'a str>,
    pub link: Option<&'a str>,
    pub allow_duet: Option<bool>,
    pub allow_stitch: Option<bool>,
    pub allow_comments: Option<bool>,
}

impl<'a> From<&'a Video> for VideoFields<'a> {
    fn from(v: &'a Video) -> Self {
        VideoFields {
            account: v.account,
            platform_id: &v.platform_id,
            posted_at: v.posted_at,
            caption: &v.caption,
            hashtags: &v.hashtags,
            duration_s: v.duration_s,
            sound: v.sound.as_deref(),
            link: v.link.as_deref(),
            allow_duet: v.allow_duet,
            allow_stitch: v.allow_stitch,
            allow_comments: v.allow_comments,
        }
    }
}

/// The statements a stream of video writes reuses: prepared once for a whole import rather
/// than looked up in the statement cache for every row, with one reused buffer for the
/// hashtag list. While a big import has set the identity index aside, videos are found by
/// their identity in memory ([`VideoIdentities`]) instead of through the index, and new ones
/// are written several at a time ([`PendingVideos`]).
pub struct VideoWrites<'c> {
    conn: &'c rusqlite::Connection,
    videos: Videos<'c>,
    snapshot: rusqlite::CachedStatement<'c>,
    hashtags: String,
    /// Each account's handle, read once, to tell a canonical link.
    handles: HashMap<AccountId, String, QuickHashing>,
}

/// The prefix of the link TikTok gives every video; the handle, `/video/` and its id follow.
/// [`VIDEO_COLUMNS`] spells the same link in SQL to rebuild it (the round-trip test holds the two
/// together).
const LINK_PREFIX: &str = "https://www.tiktok.com/@";

/// Whether `link` is the one TikTok gives the video `platform_id` of `handle`.
fn is_canonical_link(link: &str, handle: &str, platform_id: &str) -> bool {
    link.strip_prefix(LINK_PREFIX)
        .and_then(|rest| rest.strip_prefix(handle))
        .and_then(|rest| rest.strip_prefix("/video/"))
        == Some(platform_id)
}

/// How videos are found and added.
enum Videos<'c> {
    /// Through the identity index: a new video's row (which finds the video stored).
    Indexed {
        insert: rusqlite::CachedStatement<'c>,
    },
    /// The index is set aside: known in memory, new ones written several at a time.
    SetAside(SetAside<'c>),
}

/// A batch's videos known in memory and new ones waiting to be written, while the identity
/// index is set aside.
#[derive(Clone, Copy)]
pub(crate) struct SetAside<'c> {
    pub(crate) identities: &'c RefCell<VideoIdentities>,
    pub(crate) pending: &'c RefCell<PendingVideos>,
}

impl<'c> VideoWrites<'c> {
    /// The statements on `conn`; `set_aside` while the identity index is.
    pub(crate) fn new(
        conn: &'c rusqlite::Connection,
        set_aside: Option<SetAside<'c>>,
    ) -> Result<Self, StoreError> {
        let videos = match set_aside {
            Some(set_aside) => Videos::SetAside(set_aside),
            None => Videos::Indexed {
                insert: conn.prepare_cached(
                    "INSERT INTO videos (account_id, platform_id, posted_at, caption, hashtags,
                         duration_s, sound, link, allow_duet, allow_stitch, allow_comments)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                     ON CONFLICT (account_id, platform_id) DO NOTHING",
                )?,
            },
        };
        Ok(VideoWrites {
            conn,
            videos,
            snapshot: conn.prepare_cached(
                "INSERT OR IGNORE INTO video_snapshots
                     (video_id, captured_at, views, likes, comments, shares, saves, avg_watch_s, full_watch_rate)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?,
            hashtags: String::new(),
            handles: HashMap::default(),
        })
    }

    /// `v` with its link as stored: `''` for the canonical link.
    fn as_stored<'v>(&mut self, v: &VideoFields<'v>) -> Result<VideoFields<'v>, StoreError> {
        let Some(link) = v.link.filter(|l| l.starts_with(LINK_PREFIX)) else {
            return Ok(*v);
        };
        let handle = match self.handles.get(&v.account) {
            Some(handle) => handle,
            None => {
                let handle: String = self
                    .conn
                    .prepare_cached("SELECT handle FROM accounts WHERE id = ?1")?
                    .query_row([v.account.0], |r| r.get(0))
                    .optional()?
                    .unwrap_or_default();
                self.handles.entry(v.account).or_insert(handle)
            }
        };
        // Without a stored handle the link could not be rebuilt: it is kept whole.
        Ok(
            if !handle.is_empty() && is_canonical_link(link, handle, v.platform_id) {
                VideoFields {
                    link: Some(""),
                    ..*v
                }
            } else {
                *v
            },
        )
    }

    /// The id of the account's stored video with this TikTok id, if any.
    pub fn find(
        &self,
        account: AccountId,
        platform_id: &str,
    ) -> Result<Option<VideoId>, StoreError> {
        match &self.videos {
            Videos::SetAside(set_aside) => {
                Ok(set_aside.identities.borrow().get(account, platform_id))
            }
            Videos::Indexed { .. } => find_video(self.conn, account, platform_id),
        }
    }

    /// Finds the video by account and platform id, or inserts it. Fields an existing video
    /// does not know yet are filled in; known values are never replaced by unknown ones, and
    /// the Duet/Stitch/comment settings take the newer known value. Returns the id and the
    /// change.
    pub fn upsert(&mut self, v: &VideoFields<'_>) -> Result<(VideoId, Change), StoreError> {
        let v = &self.as_stored(v)?;
        let insert = match &mut self.videos {
            Videos::Indexed { insert } => insert,
            Videos::SetAside(set_aside) => {
                // In memory: a new video (the usual case in a big import) waits to be written with
                // the next ones.
                let platform_id = StoredPlatformId::of(v.platform_id);
                let (id, added) = set_aside
                    .identities
                    .borrow_mut()
                    .find_or_add(v.account, platform_id);
                let mut pending = set_aside.pending.borrow_mut();
                return if added {
                    pending.add_video(self.conn, id, platform_id, v)?;
                    Ok((id, Change::Added))
                } else {
                    // The stored row is read: the rows waiting go first.
                    pending.write(self.conn)?;
                    merge_video(self.conn, Stored::Id(id), v)
                };
            }
        };
        self.hashtags.clear();
        write_list(v.hashtags, &mut self.hashtags);
        let inserted = insert.execute(params![
            v.account.0,
            StoredPlatformId::of(v.platform_id),
            to_unix(v.posted_at),
            v.caption,
            self.hashtags,
            v.duration_s,
            v.sound,
            v.link,
            v.allow_duet,
            v.allow_stitch,
            v.allow_comments
        ])?;
        if inserted == 0 {
            // The identity index found it stored.
            return merge_video(self.conn, Stored::Identity, v);
        }
        Ok((VideoId(self.conn.last_insert_rowid()), Change::Added))
    }

    /// Adds a snapshot; a second snapshot at the same instant is ignored (re-imports change
    /// nothing). Returns true when added.
    pub fn add_snapshot(&mut self, s: &Snapshot) -> Result<bool, StoreError> {
        if let Videos::SetAside(set_aside) = &self.videos {
            let mut pending = set_aside.pending.borrow_mut();
            if pending.add_snapshot(self.conn, s)? {
                return Ok(true);
            }
            // In order: a snapshot waiting for the same instant is ignored as it would be.
            pending.write(self.conn)?;
        }
        let added = self.snapshot.execute(params![
            s.video.0,
            to_unix(s.captured_at),
            s.views,
            s.likes,
            s.comments,
            s.shares,
            s.saves,
            s.avg_watch_s,
            s.full_watch_rate
        ])?;
        Ok(added > 0)
    }
}

/// How [`merge_video`] finds the stored video.
enum Stored {
    /// By its id (found in memory).
    Id(VideoId),
    /// By its account and TikTok id, through the identity index.
    Identity,
}

/// Merges `v` into the account's stored video of the same platform id.
fn merge_video(
    conn: &rusqlite::Connection,
    stored: Stored,
    v: &VideoFields<'_>,
) -> Result<(VideoId, Change), StoreError> {
    type Known = (
        i64,
        String,
        String,
        Option<f32>,
        Option<String>,
        Option<String>,
        Option<bool>,
        Option<bool>,
        Option<bool>,
    );
    // The account already has the video.
    const KNOWN: &str = "SELECT id, caption, hashtags, duration_s, sound, link, allow_duet, allow_stitch, allow_comments FROM videos";
    let known = |r: &rusqlite::Row<'_>| -> rusqlite::Result<Known> {
        Ok((
            r.get(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
            r.get(5)?,
            r.get(6)?,
            r.get(7)?,
            r.get(8)?,
        ))
    };
    let (id, caption, hashtags, duration, sound, link, duet, stitch, comments): Known = match stored
    {
        Stored::Id(id) => conn
            .prepare_cached(&format!("{KNOWN} WHERE id = ?1"))?
            .query_row([id.0], known)?,
        Stored::Identity => conn
            .prepare_cached(&format!(
                "{KNOWN} WHERE account_id = ?1 AND platform_id = ?2"
            ))?
            .query_row(
                params![v.account.0, StoredPlatformId::of(v.platform_id)],
                known,
            )?,
    };
    let merged: Known = (
        id,
        if caption.is_empty() {
            v.caption.to_string()
        } else {
            caption.clone()
        },
        if hashtags.is_empty() {
            to_list(v.hashtags)
        } else {
            hashtags.clone()
        },
        duration.or(v.duration_s),
        sound.clone().or_else(|| v.sound.map(str::to_string)),
        link.clone().or_else(|| v.link.map(str::to_string)),
        v.allow_duet.or(duet),
        v.allow_stitch.or(stitch),
        v.allow_comments.or(comments),
    );
    if merged
        == (
            id, caption, hashtags, duration, sound, link, duet, stitch, comments,
        )
    {
        return Ok((VideoId(id), Change::Unchanged));
    }
    conn.prepare_cached(
        "UPDATE videos SET caption = ?2, hashtags = ?3, duration_s = ?4, sound = ?5, link = ?6,
             allow_duet = ?7, allow_stitch = ?8, allow_comments = ?9, shared_seq = NULL
         WHERE id = ?1",
    )?
    .execute(params![
        id, merged.1, merged.2, merged.3, merged.4, merged.5, merged.6, merged.7, merged.8
    ])?;
    Ok((VideoId(id), Change::Updated))
}

/// The id of a stored video, if the account has it.
pub(crate) fn find_video(
    conn: &rusqlite::Connection,
    account: AccountId,
    platform_id: &str,
) -> Result<Option<VideoId>, StoreError> {
    Ok(conn
        .prepare_cached("SELECT id FROM videos WHERE account_id = ?1 AND platform_id = ?2")?
        .query_row(params![account.0, StoredPlatformId::of(platform_id)], |r| {
            r.get(0)
        })
        .optional()?
        .map(VideoId))
}

impl Store {
    /// The account's videos, oldest post first, each with its snapshots.
    pub fn videos(&self, account: AccountId) -> Result<Vec<VideoWithSnapshots>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {VIDEO_COLUMNS} FROM videos v WHERE v.account_id = ?1
             ORDER BY v.posted_at, v.id"
        ))?;
        let videos = stmt
            .query_map([account.0], super::video_reads::video)?
            .collect::<Result<Vec<_>, _>>()?;
        let mut snap_stmt = self.conn.prepare_cached(
            "SELECT s.video_id, s.captured_at, s.views, s.likes, s.comments, s.shares, s.saves,
                 s.avg_watch_s, s.full_watch_rate
             FROM video_snapshots s JOIN videos v ON v.id = s.video_id
             WHERE v.account_id = ?1 ORDER BY s.video_id, s.captured_at",
        )?;
        let mut snapshots = snap_stmt
            .query_map([account.0], |r| {
                Ok(Snapshot {
                    video: VideoId(r.get(0)?),
                    captured_at: instant(r, 1)?,
                    views: r.get(2)?,
                    likes: r.get(3)?,
                    comments: r.get(4)?,
                    shares: r.get(5)?,
                    saves: r.get(6)?,
                    avg_watch_s: r.get(7)?,
                    full_watch_rate: r.get(8)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let mut by_id: HashMap<VideoId, Vec<Snapshot>> = HashMap::new();
        for s in snapshots.drain(..) {
            by_id.entry(s.video).or_default().push(s);
        }
        Ok(videos
            .into_iter()
            .map(|video| {
                let snapshots = by_id.remove(&video.id).unwrap_or_default();
                VideoWithSnapshots { video, snapshots }
            })
            .collect())
    }

    /// Stores videos and snapshots in one transaction (used by the demo and by imports).
    pub fn add_videos(&mut self, items: &[(Video, Vec<Snapshot>)]) -> Result<(), StoreError> {
        self.transaction(|tx| {
            let mut writes = VideoWrites::new(tx, None)?;
            for (video, snapshots) in items {
                let (id, _) = writes.upsert(&video.into())?;
                for s in snapshots {
                    writes.add_snapshot(&Snapshot {
                        video: id,
                        ..s.clone()
                    })?;
                }
            }
            Ok(())
        })
    }
}
