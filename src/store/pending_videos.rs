//! New videos of a big import, and their first snapshot, written [`ROWS`] to a statement.
//!
//! While a big import has set the identity index aside ([`VideoIdentities`]), a new video's id
//! is known before it is written (the next after the highest stored), so its row can wait to
//! go into the file with the next ones: one `INSERT` of many rows costs SQLite much less than
//! as many single-row ones (a statement's start, end and reset, each time). Everything that
//! reads or undoes videos writes the waiting ones first ([`Batch`](super::Batch) at the end of
//! a part, at its start and at commit; [`VideoWrites`](super::VideoWrites) before it merges
//! into a stored video) or drops them with the part undone.
//!
//! [`VideoIdentities`]: super::video_identities::VideoIdentities

use std::sync::LazyLock;

use rusqlite::{Connection, Statement};

use super::StoreError;
use super::convert::{StoredPlatformId, to_unix, write_list};
use super::videos::VideoFields;
use crate::domain::{Snapshot, VideoId};
use crate::reuse::refill;

/// How many rows one statement writes.
const ROWS: usize = 32;

/// `OR FAIL`: a row refused stops the statement but keeps the rows before it, so SQLite needs
/// no statement journal (a copy of every page the statement changes, to undo it alone); an
/// error stops the whole import anyway, and its transaction is rolled back.
const VIDEO_INSERT: &str = "INSERT OR FAIL";
const VIDEO_COLUMNS: &str = "id, account_id, platform_id, posted_at, caption, hashtags, \
    duration_s, sound, link, allow_duet, allow_stitch, allow_comments";
const SNAPSHOT_COLUMNS: &str =
    "video_id, captured_at, views, likes, comments, shares, saves, avg_watch_s, full_watch_rate";
/// `OR IGNORE`, as a single snapshot is written: one at an instant already stored is skipped.
const SNAPSHOT_INSERT: &str = "INSERT OR IGNORE";

/// The statements, spelled once: [`ROWS`] rows, and one row.
static VIDEO_ROWS: LazyLock<String> =
    LazyLock::new(|| insert_sql(VIDEO_INSERT, "videos", VIDEO_COLUMNS, ROWS));
static VIDEO_ROW: LazyLock<String> =
    LazyLock::new(|| insert_sql(VIDEO_INSERT, "videos", VIDEO_COLUMNS, 1));
static SNAPSHOT_ROWS: LazyLock<String> =
    LazyLock::new(|| insert_sql(SNAPSHOT_INSERT, "video_snapshots", SNAPSHOT_COLUMNS, ROWS));
static SNAPSHOT_ROW: LazyLock<String> =
    LazyLock::new(|| insert_sql(SNAPSHOT_INSERT, "video_snapshots", SNAPSHOT_COLUMNS, 1));

/// A new video's row as it will be stored (its strings' storage is reused).
#[derive(Debug, Default)]
struct VideoRow {
    id: i64,
    account: i64,
    /// The TikTok id as stored: its number, else its text (in `platform_text`).
    platform_number: Option<i64>,
    platform_text: String,
    posted_at: i64,
    caption: String,
    hashtags: String,
    duration_s: Option<f32>,
    sound: Option<String>,
    link: Option<String>,
    allow_duet: Option<bool>,
    allow_stitch: Option<bool>,
    allow_comments: Option<bool>,
}

impl VideoRow {
    fn fill(&mut self, id: VideoId, platform_id: StoredPlatformId<'_>, v: &VideoFields<'_>) {
        self.id = id.0;
        self.account = v.account.0;
        self.platform_text.clear();
        self.platform_number = match platform_id {
            StoredPlatformId::Number(number) => Some(number),
            StoredPlatformId::Text(text) => {
                self.platform_text.push_str(text);
                None
            }
        };
        self.posted_at = to_unix(v.posted_at);
        self.caption.clear();
        self.caption.push_str(v.caption);
        self.hashtags.clear();
        write_list(v.hashtags, &mut self.hashtags);
        self.duration_s = v.duration_s;
        refill(&mut self.sound, v.sound);
        refill(&mut self.link, v.link);
        self.allow_duet = v.allow_duet;
        self.allow_stitch = v.allow_stitch;
        self.allow_comments = v.allow_comments;
    }

    /// Binds the row's values from parameter `first` on.
    fn bind(&self, stmt: &mut Statement<'_>, first: usize) -> rusqlite::Result<()> {
        stmt.raw_bind_parameter(first, self.id)?;
        stmt.raw_bind_parameter(first + 1, self.account)?;
        let platform_id = match self.platform_number {
            Some(number) => StoredPlatformId::Number(number),
            None => StoredPlatformId::Text(&self.platform_text),
        };
        stmt.raw_bind_parameter(first + 2, platform_id)?;
        stmt.raw_bind_parameter(first + 3, self.posted_at)?;
        stmt.raw_bind_parameter(first + 4, &self.caption)?;
        stmt.raw_bind_parameter(first + 5, &self.hashtags)?;
        stmt.raw_bind_parameter(first + 6, self.duration_s)?;
        stmt.raw_bind_parameter(first + 7, &self.sound)?;
        stmt.raw_bind_parameter(first + 8, &self.link)?;
        stmt.raw_bind_parameter(first + 9, self.allow_duet)?;
        stmt.raw_bind_parameter(first + 10, self.allow_stitch)?;
        stmt.raw_bind_parameter(first + 11, self.allow_comments)
    }
}

/// Binds a snapshot's values from parameter `first` on.
fn bind_snapshot(s: &Snapshot, stmt: &mut Statement<'_>, first: usize) -> rusqlite::Result<()> {
    stmt.raw_bind_parameter(first, s.video.0)?;
    stmt.raw_bind_parameter(first + 1, to_unix(s.captured_at))?;
    stmt.raw_bind_parameter(first + 2, s.views)?;
    stmt.raw_bind_parameter(first + 3, s.likes)?;
    stmt.raw_bind_parameter(first + 4, s.comments)?;
    stmt.raw_bind_parameter(first + 5, s.shares)?;
    stmt.raw_bind_parameter(first + 6, s.saves)?;
    stmt.raw_bind_parameter(first + 7, s.avg_watch_s)?;
    stmt.raw_bind_parameter(first + 8, s.full_watch_rate)
}

/// Writes `rows`: with the statement `many` when there are [`ROWS`] of them; the few left at a
/// part's end (or before a merge) one at a time with `one`, so that each count of rows needs no
/// statement of its own. `bind` binds a row's `width` values from a parameter on.
fn write_rows<T>(
    conn: &Connection,
    rows: &[T],
    (many, one, width): (&str, &str, usize),
    bind: fn(&T, &mut Statement<'_>, usize) -> rusqlite::Result<()>,
) -> Result<(), StoreError> {
    if rows.len() == ROWS {
        let mut stmt = conn.prepare_cached(many)?;
        for (i, row) in rows.iter().enumerate() {
            bind(row, &mut stmt, 1 + i * width)?;
        }
        stmt.raw_execute()?;
    } else if !rows.is_empty() {
        let mut stmt = conn.prepare_cached(one)?;
        for row in rows {
            bind(row, &mut stmt, 1)?;
            stmt.raw_execute()?;
        }
    }
    Ok(())
}

/// How many values a row of `columns` has.
fn width(columns: &str) -> usize {
    columns.split(',').count()
}

/// `INSERT ... INTO table (columns) VALUES (?, ...), ...` for `rows` rows.
fn insert_sql(verb: &str, table: &str, columns: &str, rows: usize) -> String {
    let row = format!("({})", vec!["?"; width(columns)].join(", "));
    format!(
        "{verb} INTO {table} ({columns}) VALUES {}",
        vec![row; rows].join(", ")
    )
}

/// New videos and snapshots not yet written.
#[derive(Debug, Default)]
pub(crate) struct PendingVideos {
    /// The rows waiting are the first `videos_waiting`; the others keep their storage.
    videos: Vec<VideoRow>,
    videos_waiting: usize,
    /// The video held last, written or not: its first snapshot may be held too.
    last_video: Option<VideoId>,
    /// Whether a snapshot of `last_video` was met (held or not): a later one may be ignored
    /// as one at the same instant, so it is written at once to tell.
    last_video_has_snapshot: bool,
    snapshots: Vec<Snapshot>,
}

impl PendingVideos {
    /// Holds the new video `id` (its TikTok id stored as `platform_id`) to be written; writes
    /// the rows waiting once there are enough.
    pub(crate) fn add_video(
        &mut self,
        conn: &Connection,
        id: VideoId,
        platform_id: StoredPlatformId<'_>,
        v: &VideoFields<'_>,
    ) -> Result<(), StoreError> {
        if self.videos_waiting == self.videos.len() {
            self.videos.push(VideoRow::default());
        }
        self.videos[self.videos_waiting].fill(id, platform_id, v);
        self.videos_waiting += 1;
        self.last_video = Some(id);
        self.last_video_has_snapshot = false;
        if self.videos_waiting == ROWS {
            self.write_videos(conn)?;
        }
        Ok(())
    }

    /// Holds `s` to be written when it is the first snapshot of the video held last: such a
    /// snapshot is new, so it will be added. `false` (and nothing held) otherwise.
    pub(crate) fn add_snapshot(
        &mut self,
        conn: &Connection,
        s: &Snapshot,
    ) -> Result<bool, StoreError> {
        if self.last_video != Some(s.video) || self.last_video_has_snapshot {
            return Ok(false);
        }
        self.last_video_has_snapshot = true;
        self.snapshots.push(s.clone());
        if self.snapshots.len() == ROWS {
            self.write_snapshots(conn)?;
        }
        Ok(true)
    }

    /// Writes every row waiting.
    pub(crate) fn write(&mut self, conn: &Connection) -> Result<(), StoreError> {
        self.write_videos(conn)?;
        self.write_snapshots(conn)
    }

    /// Forgets the rows waiting (their part of the batch is undone).
    pub(crate) fn drop_waiting(&mut self) {
        self.videos_waiting = 0;
        self.last_video = None;
        self.snapshots.clear();
    }

    fn write_videos(&mut self, conn: &Connection) -> Result<(), StoreError> {
        let rows = &self.videos[..self.videos_waiting];
        self.videos_waiting = 0;
        let statements = (
            VIDEO_ROWS.as_str(),
            VIDEO_ROW.as_str(),
            width(VIDEO_COLUMNS),
        );
        write_rows(conn, rows, statements, VideoRow::bind)
    }

    fn write_snapshots(&mut self, conn: &Connection) -> Result<(), StoreError> {
        let statements = (
            SNAPSHOT_ROWS.as_str(),
            SNAPSHOT_ROW.as_str(),
            width(SNAPSHOT_COLUMNS),
        );
        write_rows(conn, &self.snapshots, statements, bind_snapshot)?;
        self.snapshots.clear();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use crate::domain::{AccountId, Snapshot, Video, VideoId};
    use crate::store::{Change, temporary_with_account};

    fn video(account: AccountId, n: usize) -> Video {
        Video {
            id: VideoId(0),
            account,
            // Mostly TikTok's numeric ids, stored as integers; now and then an id Scrollstop
            // derived, stored as text.
            platform_id: if n % 7 == 6 {
                format!("derived-{n}")
            } else {
                format!("7{n:03}")
            },
            posted_at: DateTime::from_timestamp(1_740_000_000 + n as i64, 0).unwrap(),
            caption: format!("caption {n}"),
            hashtags: vec!["knitting".into(), format!("tag{n}")],
            duration_s: Some(n as f32),
            sound: n.is_multiple_of(2).then(|| format!("sound {n}")),
            link: None,
            allow_duet: Some(n.is_multiple_of(3)),
            allow_stitch: None,
            allow_comments: None,
        }
    }

    fn snapshot(video: VideoId, at: i64, views: i64) -> Snapshot {
        Snapshot {
            video,
            captured_at: DateTime::from_timestamp(1_750_000_000 + at, 0).unwrap(),
            views,
            likes: Some(views / 10),
            comments: None,
            shares: None,
            saves: Some(1),
            avg_watch_s: None,
            full_watch_rate: None,
        }
    }

    #[test]
    fn new_videos_wait_and_are_stored_whole_with_their_snapshots_in_order() {
        let (_dir, mut store, account) = temporary_with_account();
        let mut batch = store.import_batch().unwrap();
        batch.expect_videos(50_000).unwrap();
        let mut writes = batch.video_writes().unwrap();
        let mut ids = Vec::new();
        // Two full statements and six rows left waiting, with a stored video met again in
        // between: it is read back, so the rows before it are written first.
        for n in 0..70 {
            let (id, change) = writes.upsert(&(&video(account, n)).into()).unwrap();
            assert_eq!(change, Change::Added);
            if n % 5 != 4 {
                assert!(writes.add_snapshot(&snapshot(id, 0, n as i64)).unwrap());
            }
            if n == 40 {
                let mut again = video(account, 3);
                again.link = Some("https://example.com/3".into());
                let (id, change) = writes.upsert(&(&again).into()).unwrap();
                assert_eq!((id, change), (ids[3], Change::Updated));
                assert!(!writes.add_snapshot(&snapshot(id, 0, 3)).unwrap());
                assert!(writes.add_snapshot(&snapshot(id, 60, 30)).unwrap());
            }
            ids.push(id);
        }
        assert_eq!(ids, (1..=70).map(VideoId).collect::<Vec<_>>());
        drop(writes);
        batch.commit().unwrap();

        let stored = store.videos(account).unwrap();
        assert_eq!(stored.len(), 70);
        for (n, v) in stored.iter().enumerate() {
            let mut expected = video(account, n);
            expected.id = VideoId(n as i64 + 1);
            if n == 3 {
                expected.link = Some("https://example.com/3".into());
            }
            assert_eq!(v.video, expected, "video {n}");
            let views: Vec<i64> = v.snapshots.iter().map(|s| s.views).collect();
            let expected_views = match n {
                3 => vec![3, 30],
                n if n % 5 == 4 => vec![],
                n => vec![n as i64],
            };
            assert_eq!(views, expected_views, "snapshots of video {n}");
        }
    }

    #[test]
    fn videos_waiting_in_an_undone_part_are_never_written_and_their_ids_are_given_again() {
        let (_dir, mut store, account) = temporary_with_account();
        let mut batch = store.import_batch().unwrap();
        batch.expect_videos(50_000).unwrap();
        batch.begin_part().unwrap();
        for n in 0..5 {
            let (id, _) = batch.upsert_video(&video(account, n)).unwrap();
            batch.add_snapshot(&snapshot(id, 0, 1)).unwrap();
        }
        batch.undo_part().unwrap();
        batch.begin_part().unwrap();
        let (id, change) = batch.upsert_video(&video(account, 9)).unwrap();
        assert_eq!((id, change), (VideoId(1), Change::Added));
        batch.end_part().unwrap();
        batch.commit().unwrap();

        let stored = store.videos(account).unwrap();
        let kept: Vec<(&str, usize)> = stored
            .iter()
            .map(|v| (v.video.platform_id.as_str(), v.snapshots.len()))
            .collect();
        assert_eq!(kept, [("7009", 0)]);
    }

    /// One step of an import, for the property below.
    #[derive(Debug, Clone)]
    enum Step {
        /// Video `n` (met again when already stored), with a caption or without one.
        Video(usize, bool),
        /// A snapshot of the last video, at one of a few instants (some met twice).
        Snapshot(i64),
        BeginPart,
        EndPart,
        UndoPart,
    }

    fn step() -> impl proptest::strategy::Strategy<Value = Step> {
        use proptest::prelude::*;
        prop_oneof![
            6 => (0usize..60, any::<bool>()).prop_map(|(n, caption)| Step::Video(n, caption)),
            4 => (0i64..3).prop_map(Step::Snapshot),
            1 => Just(Step::BeginPart),
            1 => Just(Step::EndPart),
            1 => Just(Step::UndoPart),
        ]
    }

    /// Runs `steps` in a new workspace; `expected` is what the batch is told to expect (many:
    /// the identity index is set aside and new videos wait). The changes each step reported
    /// and the videos stored at the end.
    fn import(
        steps: &[Step],
        expected: u64,
    ) -> (Vec<String>, Vec<crate::store::VideoWithSnapshots>) {
        let (_dir, mut store, account) = temporary_with_account();
        let mut reported = Vec::new();
        {
            let mut batch = store.import_batch().unwrap();
            batch.expect_videos(expected).unwrap();
            let mut in_part = false;
            let mut last = None;
            for step in steps {
                match step {
                    Step::Video(n, with_caption) => {
                        let mut v = video(account, *n);
                        if !with_caption {
                            v.caption.clear();
                        }
                        let (id, change) = batch.upsert_video(&v).unwrap();
                        reported.push(format!("{id:?} {change:?}"));
                        last = Some(id);
                    }
                    Step::Snapshot(at) => {
                        if let Some(id) = last {
                            let added = batch.add_snapshot(&snapshot(id, *at, *at)).unwrap();
                            reported.push(format!("snapshot {added}"));
                        }
                    }
                    Step::BeginPart if !in_part => {
                        batch.begin_part().unwrap();
                        in_part = true;
                    }
                    Step::EndPart if in_part => {
                        batch.end_part().unwrap();
                        in_part = false;
                    }
                    Step::UndoPart if in_part => {
                        batch.undo_part().unwrap();
                        in_part = false;
                        last = None;
                    }
                    _ => {}
                }
            }
            if in_part {
                batch.end_part().unwrap();
            }
            batch.commit().unwrap();
        }
        (reported, store.videos(account).unwrap())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

        /// Whatever an import does, a big one (new videos waiting, written many to a statement)
        /// reports and stores exactly what a small one (each row written at once, through the
        /// identity index) does.
        #[test]
        fn a_big_import_stores_what_a_small_one_does(
            steps in proptest::collection::vec(step(), 0..160),
        ) {
            let big = import(&steps, 50_000);
            let small = import(&steps, 0);
            proptest::prop_assert_eq!(big, small);
        }
    }
}
