//! What importers produce: records without workspace ids, rejections with file and line, a
//! summary per file, and the sink they are pushed into.

use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::Serialize;

use crate::domain::{
    AspectRatio, AudienceDimension, DailyMetrics, DraftStatus, OpeningType, Snapshot, TrendCapture,
    TrendItem, VideoId,
};

/// The kind of file an importer recognised (by its header, never by its file name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum ReportKind {
    Overview,
    Content,
    Viewers,
    FollowerHistory,
    FollowerActivity,
    FollowerGender,
    FollowerTopTerritories,
    /// "Download your data" JSON (`Post.Posts.VideoList`).
    AccountData,
    /// A video-history spreadsheet read through a column mapping.
    GenericHistory,
    TrendList,
    /// A drafts CSV: planned videos typed up in a spreadsheet.
    Drafts,
}

impl ReportKind {
    pub fn label(self) -> &'static str {
        match self {
            ReportKind::Overview => "Overview",
            ReportKind::Content => "Content",
            ReportKind::Viewers => "Viewers",
            ReportKind::FollowerHistory => "FollowerHistory",
            ReportKind::FollowerActivity => "FollowerActivity",
            ReportKind::FollowerGender => "FollowerGender",
            ReportKind::FollowerTopTerritories => "FollowerTopTerritories",
            ReportKind::AccountData => "Download your data",
            ReportKind::GenericHistory => "Video history",
            ReportKind::TrendList => "Trend list",
            ReportKind::Drafts => "Drafts",
        }
    }
}

/// A row that could not be read, with where it is and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rejected {
    /// The file as the user knows it; for ZIP entries `Followers_x.zip/FollowerActivity.csv`.
    pub file: String,
    /// 1-based line (or spreadsheet row) number.
    pub line: usize,
    pub reason: String,
}

/// What an importer learned about one file, for the preview.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FileSummary {
    pub file: String,
    pub kind: ReportKind,
    /// `UTF-8`, `UTF-8 with BOM`, `UTF-16LE`, `Windows-1252`, `XLSX`, `JSON`.
    pub encoding: String,
    /// The account the file names (ZIP file names carry the handle), if any.
    pub account_hint: Option<String>,
    /// The export date used to place yearless dates, and where it came from.
    pub export_date: Option<NaiveDate>,
    pub export_date_source: Option<String>,
    pub first_date: Option<NaiveDate>,
    pub last_date: Option<NaiveDate>,
    /// Rows read into records.
    pub rows: usize,
    /// Rows skipped on purpose (e.g. FollowerActivity's zero-filled future hours).
    pub skipped: usize,
    pub rejected: usize,
    /// Anything else the user should know (`decoded as Windows-1252`).
    pub notes: Vec<String>,
    /// Which of the account's posts the file lists, where that is known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub post_list: Option<PostList>,
}

/// Which of an account's posts a file lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PostList {
    /// TikTok's list of the account's most viewed posts (Studio's Content export, sorted by
    /// views), not all of them: how many it lists.
    MostViewed(usize),
    /// Every post of the account ("Download your data"): how many.
    All(usize),
}

impl FileSummary {
    /// A summary of a decoded text file of `kind` with nothing read yet: its encoding, and a
    /// note when it was not plain UTF-8.
    pub fn decoded(file: &str, kind: ReportKind, encoding: super::text::Encoding) -> Self {
        Self {
            file: file.to_string(),
            kind,
            encoding: encoding.label().to_string(),
            account_hint: None,
            export_date: None,
            export_date_source: None,
            first_date: None,
            last_date: None,
            rows: 0,
            skipped: 0,
            rejected: 0,
            notes: encoding.note().into_iter().collect(),
            post_list: None,
        }
    }
}

/// Counts of one video as seen at `captured_at`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SnapshotRecord {
    pub captured_at: DateTime<Utc>,
    pub views: i64,
    pub likes: Option<i64>,
    pub comments: Option<i64>,
    pub shares: Option<i64>,
    pub saves: Option<i64>,
    pub avg_watch_s: Option<f32>,
    pub full_watch_rate: Option<f32>,
}

impl SnapshotRecord {
    /// The snapshot as the workspace stores it, for the video with id `video`.
    pub fn for_video(&self, video: VideoId) -> Snapshot {
        Snapshot {
            video,
            captured_at: self.captured_at,
            views: self.views,
            likes: self.likes,
            comments: self.comments,
            shares: self.shares,
            saves: self.saves,
            avg_watch_s: self.avg_watch_s,
            full_watch_rate: self.full_watch_rate,
        }
    }
}

/// A video from any source. Fields a source does not have are `None`; the workspace fills
/// what it knows and never overwrites known values with unknown ones.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct VideoRecord {
    /// TikTok's video id when known (from a link or id column).
    pub platform_id: Option<String>,
    /// The account's handle when the file says (a column of a generic file, a link).
    pub account: Option<String>,
    pub posted_at: Option<DateTime<Utc>>,
    pub caption: Option<String>,
    pub hashtags: Vec<String>,
    pub duration_s: Option<f32>,
    pub sound: Option<String>,
    pub link: Option<String>,
    pub allow_duet: Option<bool>,
    pub allow_stitch: Option<bool>,
    pub allow_comments: Option<bool>,
    /// Followers of the account when measured, if the file has them.
    pub followers: Option<i64>,
    pub snapshot: Option<SnapshotRecord>,
    /// Where the row came from, for messages.
    pub line: usize,
}

/// Active followers in one local hour.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActivityRecord {
    pub date: NaiveDate,
    pub hour: u8,
    pub active_followers: i64,
}

/// One audience share as a fraction 0..1.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ShareRecord {
    pub dimension: AudienceDimension,
    pub key: String,
    pub share: f64,
    pub captured_on: NaiveDate,
}

/// One capture of a trend item (ids are assigned by the workspace).
#[derive(Debug, Clone, PartialEq)]
pub struct TrendRecord {
    pub item: TrendItem,
    pub capture: TrendCapture,
    pub line: usize,
}

/// When a draft is planned, as the file wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum PlannedAt {
    /// An instant with its offset (RFC 3339).
    At(DateTime<Utc>),
    /// A wall time (`YYYY-MM-DD HH:MM`) in the account's time zone.
    Wall(NaiveDateTime),
}

/// A draft from a drafts CSV. Cells the file leaves empty are `None` (or empty) and get the
/// workspace's defaults for a new draft; names (account, subculture) are resolved on commit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DraftRecord {
    /// The account's handle without `@`, when the file has an account column.
    pub account: Option<String>,
    pub title: String,
    pub hook: String,
    pub caption: String,
    /// Without `#`: the hashtags column's, then the caption's, without duplicates.
    pub hashtags: Vec<String>,
    /// The subculture's name as written (with or without `#`).
    pub subculture: Option<String>,
    pub duration_s: Option<f32>,
    pub aspect: Option<AspectRatio>,
    pub sound: Option<String>,
    pub bpm: Option<u16>,
    pub opening: Option<OpeningType>,
    pub status: Option<DraftStatus>,
    pub assignee: String,
    pub notes: String,
    pub planned_at: Option<PlannedAt>,
    pub language: String,
    pub region: String,
    pub allow_duet: Option<bool>,
    pub allow_stitch: Option<bool>,
    pub allow_comments: Option<bool>,
    /// Where the row came from, for messages.
    pub line: usize,
}

/// A whole file could not be read. Every message names the file and says what to do.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{file}: {reason}")]
    Unreadable { file: String, reason: String },

    #[error("{file} line {line}: {reason}")]
    AtLine {
        file: String,
        line: usize,
        reason: String,
    },

    #[error(
        "{file} is not a file Scrollstop recognises ({detail}). Scrollstop reads TikTok Studio exports (CSV, XLSX or their ZIPs), \"Download your data\" JSON, video-history CSVs and trend-list CSVs."
    )]
    NotRecognised { file: String, detail: String },

    #[error(
        "{file} is {size_mb} MB; the limit for one file is {limit_mb} MB. Split it and import the parts."
    )]
    TooLarge {
        file: String,
        size_mb: u64,
        limit_mb: u64,
    },

    #[error(
        "{file} goes on past {limit_mb} MB, the limit for one file, so reading stopped there and nothing of it was imported. Import a file of at most {limit_mb} MB (split a bigger table into parts)."
    )]
    OverLimit { file: String, limit_mb: u64 },

    #[error(
        "{folder} holds no file Scrollstop can import: {found}. Choose the folder the exports are in, or the files themselves."
    )]
    NothingToImport { folder: String, found: String },

    #[error("could not read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// Video records a sink is done with, waiting to be filled again
/// ([`Sink::spare_video`]): boxed, so they move between the reading and writing threads as
/// pointers rather than being copied.
pub type SpareVideos = Vec<Box<VideoRecord>>;

/// Where importers push what they read.
pub trait Sink {
    fn file(&mut self, summary: FileSummary);
    fn daily(&mut self, file: &str, metrics: DailyMetrics);
    /// A video record, boxed: it passes from reader to writer and back without its few
    /// hundred bytes being copied at every step.
    fn video(&mut self, file: &str, video: Box<VideoRecord>);
    fn activity(&mut self, file: &str, hour: ActivityRecord);
    fn share(&mut self, file: &str, share: ShareRecord);
    fn trend(&mut self, file: &str, trend: TrendRecord);
    /// A draft from a drafts CSV. The default drops it: only sinks that keep drafts (those
    /// that feed a workspace import) implement it.
    fn draft(&mut self, file: &str, draft: DraftRecord) {
        let _ = (file, draft);
    }
    fn reject(&mut self, rejected: Rejected);

    /// Forgets everything pushed for `file`. A streaming reader (a million-row history) pushes
    /// rows as it reads them; when the file then turns out unreadable as a whole (broken
    /// quoting), it calls this before returning the error, so a refused file adds nothing.
    /// Sinks that keep records must implement it; the default does nothing (for counting sinks).
    fn discard(&mut self, file: &str) {
        let _ = file;
    }

    /// Said by a reader that pushes its rows as it reads them (a video history), before the
    /// first row: the kind of file, and whether its rows may name their accounts. A sink that
    /// writes can then write each row at once rather than wait for the file's summary; only
    /// rows that name no account while others may wait for it (the summary's account hint).
    fn streaming(&mut self, file: &str, kind: ReportKind, rows_name_accounts: bool) {
        let _ = (file, kind, rows_name_accounts);
    }

    /// Asked now and then by readers of long files, with how far through the file they are
    /// (0 to 1). `false` asks the reader to stop at once (the user cancelled, or the sink
    /// cannot go on): it returns without pushing anything more, and the caller knows why.
    fn keep_going(&mut self, file: &str, done: f32) -> bool {
        let _ = (file, done);
        true
    }

    /// A video record this sink is done with, for a reader to fill with its next row instead
    /// of a new one: the record's strings keep their storage, so a million-row history is not
    /// a million records allocated on one thread and freed on another. The default has none
    /// (sinks that keep their records).
    fn spare_video(&mut self) -> Option<Box<VideoRecord>> {
        None
    }
}

/// A sink that keeps everything in memory, in arrival order, each record with its file name.
#[derive(Debug, Default)]
pub struct Collected {
    pub files: Vec<FileSummary>,
    pub daily: Vec<(String, DailyMetrics)>,
    pub videos: Vec<(String, VideoRecord)>,
    pub activity: Vec<(String, ActivityRecord)>,
    pub shares: Vec<(String, ShareRecord)>,
    pub trends: Vec<(String, TrendRecord)>,
    pub drafts: Vec<(String, DraftRecord)>,
    pub rejected: Vec<Rejected>,
}

impl Collected {
    /// True when it holds no file, record or rejection.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
            && self.daily.is_empty()
            && self.videos.is_empty()
            && self.activity.is_empty()
            && self.shares.is_empty()
            && self.trends.is_empty()
            && self.drafts.is_empty()
            && self.rejected.is_empty()
    }

    /// Moves everything `other` holds to the end of this collection.
    pub fn append(&mut self, mut other: Collected) {
        self.files.append(&mut other.files);
        self.daily.append(&mut other.daily);
        self.videos.append(&mut other.videos);
        self.activity.append(&mut other.activity);
        self.shares.append(&mut other.shares);
        self.trends.append(&mut other.trends);
        self.drafts.append(&mut other.drafts);
        self.rejected.append(&mut other.rejected);
    }
}

impl Sink for Collected {
    fn file(&mut self, summary: FileSummary) {
        self.files.push(summary);
    }
    fn daily(&mut self, file: &str, metrics: DailyMetrics) {
        self.daily.push((file.to_string(), metrics));
    }
    fn video(&mut self, file: &str, video: Box<VideoRecord>) {
        self.videos.push((file.to_string(), *video));
    }
    fn activity(&mut self, file: &str, hour: ActivityRecord) {
        self.activity.push((file.to_string(), hour));
    }
    fn share(&mut self, file: &str, share: ShareRecord) {
        self.shares.push((file.to_string(), share));
    }
    fn trend(&mut self, file: &str, trend: TrendRecord) {
        self.trends.push((file.to_string(), trend));
    }
    fn draft(&mut self, file: &str, draft: DraftRecord) {
        self.drafts.push((file.to_string(), draft));
    }
    fn reject(&mut self, rejected: Rejected) {
        self.rejected.push(rejected);
    }
    fn discard(&mut self, file: &str) {
        self.files.retain(|f| f.file != file);
        self.daily.retain(|(f, _)| f != file);
        self.videos.retain(|(f, _)| f != file);
        self.activity.retain(|(f, _)| f != file);
        self.shares.retain(|(f, _)| f != file);
        self.trends.retain(|(f, _)| f != file);
        self.drafts.retain(|(f, _)| f != file);
        self.rejected.retain(|r| r.file != file);
    }
}
