//! The SQLite workspace: one file holds a team's accounts, drafts, trends, analytics and plan.
//!
//! Opening checks the file before anything is written to it (not SQLite, corrupt, written by a
//! newer Scrollstop, another program's database, a read-only location): such files get a
//! [`StoreError`] that says what to do and are left byte-for-byte untouched; a workspace on a
//! read-only medium can be opened read-only instead ([`Store::open_read_only`]). Backup copies
//! and restores use SQLite's online backup API (`backup.rs`). Each aggregate has
//! its own file of `impl Store` methods; every multi-row change runs in one transaction. This
//! layer stores domain types; it never parses user files and never draws.

mod accounts;
mod analytics;
mod analytics_sync;
mod backup;
mod batch;
mod convert;
mod drafts;
mod edit_log;
mod error;
mod import_log;
mod log_flusher;
mod numeric_ids;
mod open;
mod pending_videos;
mod plan;
mod plan_restore;
mod schema;
mod settings;
mod status_counts;
mod subcultures;
mod team_log;
mod trends;
mod video_identities;
mod video_reads;
mod videos;

use std::path::{Path, PathBuf};

use rusqlite::Connection;

pub use analytics::HourOfWeekProfile;
pub use analytics_sync::{ANALYTICS_KINDS, AnalyticsKind, WaitingRow};
pub use backup::{BackupError, CopyProgress, Restored, verify_backup};
pub use batch::Batch;
pub use edit_log::{EditState, EntityKind, LoggedEdit, LoggedOp, NewEdit, Op};
pub use error::StoreError;
pub(crate) use open::{backup_folder_of, beside, remove_new_workspace};
pub use plan::{ExportedEntry, PlanChanges};
pub use schema::LATEST_VERSION;
pub use status_counts::StatusCounts;
pub use subcultures::CATALOGUE_SEEDED_KEY;
pub use team_log::{FieldConflict, LastSet, SharedOp};
pub use trends::RecordedTrend;
pub use video_reads::VideoWithLatest;
pub use videos::{VideoFields, VideoWithSnapshots, VideoWrites};

/// What a write did to the stored data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    Added,
    Updated,
    Unchanged,
}

/// Row counts of every table, as `scrollstop info` and the status bar show them.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct TableCounts {
    pub accounts: u64,
    pub subcultures: u64,
    pub drafts: u64,
    pub draft_comments: u64,
    pub trend_items: u64,
    pub trend_captures: u64,
    pub videos: u64,
    pub video_snapshots: u64,
    pub daily_metrics: u64,
    pub follower_activity: u64,
    pub audience_shares: u64,
    pub plan_entries: u64,
    pub import_log: u64,
    pub settings: u64,
}

/// An open workspace file.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Opened with [`Store::open_read_only`]: every write is refused by SQLite.
    read_only: bool,
}

impl Store {
    /// Opens (or creates) the workspace at `path`, migrating it to the latest schema after a
    /// backup copy. See the module docs for the files it refuses.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let conn = open::open_checked(path, schema::MIGRATIONS)?;
        Ok(Self {
            conn,
            path: path.to_path_buf(),
            read_only: false,
        })
    }

    /// Another connection to the workspace at `path`, which this process opened with
    /// [`Store::open`] before (for a background thread): not checked or migrated again.
    pub fn reopen(path: &Path) -> Result<Self, StoreError> {
        let conn = open::connect_again(path, schema::MIGRATIONS)?;
        Ok(Self {
            conn,
            path: path.to_path_buf(),
            read_only: false,
        })
    }

    /// Opens the existing workspace at `path` for reading only (a read-only medium, or a
    /// workspace another window is editing): nothing is written to the file or its folder,
    /// and every write returns [`StoreError::WriteRefused`].
    pub fn open_read_only(path: &Path) -> Result<Self, StoreError> {
        let conn = open::open_read_only(path, schema::MIGRATIONS)?;
        Ok(Self {
            conn,
            path: path.to_path_buf(),
            read_only: true,
        })
    }

    /// True when the workspace was opened read-only.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// A number that changes whenever another connection (another window, the command line,
    /// a background job) committed a change since this one last looked (`PRAGMA
    /// data_version`); it does not change for this connection's own writes.
    pub fn data_version(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// Where the workspace file lives.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version stored in the file (`PRAGMA user_version`).
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// True when `table` (one of this module's own table names) has at least one row. Cheap
    /// where a count is not: counting a million snapshots reads every one of them.
    pub(crate) fn has_rows(&self, table: &str) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .query_row(&format!("SELECT EXISTS (SELECT 1 FROM {table})"), [], |r| {
                r.get(0)
            })?)
    }

    /// Counts the rows of every table (trashed drafts and subcultures included).
    pub fn counts(&self) -> Result<TableCounts, StoreError> {
        let count = |table: &str| -> Result<u64, StoreError> {
            let n: i64 =
                self.conn
                    .query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))?;
            Ok(n.max(0) as u64)
        };
        Ok(TableCounts {
            accounts: count("accounts")?,
            subcultures: count("subcultures")?,
            drafts: count("drafts")?,
            draft_comments: count("draft_comments")?,
            trend_items: count("trend_items")?,
            trend_captures: count("trend_captures")?,
            videos: count("videos")?,
            video_snapshots: count("video_snapshots")?,
            daily_metrics: count("daily_metrics")?,
            follower_activity: count("follower_activity")?,
            audience_shares: count("audience_shares")?,
            plan_entries: count("plan_entries")?,
            import_log: count("import_log")?,
            settings: count("settings")?,
        })
    }

    /// True when the workspace holds no accounts, drafts, videos or subcultures of the
    /// user's own yet: the catalogue every new workspace starts with is not the user's data.
    pub fn is_empty(&self) -> Result<bool, StoreError> {
        for table in ["accounts", "drafts", "videos"] {
            if self.has_rows(table)? {
                return Ok(false);
            }
        }
        // Only a workspace that was given the catalogue has catalogue rows; in an older one
        // every subculture is the user's.
        let seeded = self.setting(CATALOGUE_SEEDED_KEY)?.is_some();
        let mut stmt = self.conn.prepare("SELECT name FROM subcultures")?;
        let names = stmt.query_map([], |r| r.get::<_, String>(0))?;
        for name in names {
            if !(seeded && crate::domain::in_catalogue(&name?)) {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Runs `work` in one transaction: all of it is written, or none of it. The transaction
    /// takes the write lock when it begins (`BEGIN IMMEDIATE`), waiting up to the busy timeout
    /// while another process writes: a transaction that read first and wrote later could
    /// otherwise fail at once when another process committed in between. Inside
    /// [`Store::begin_exclusive`] it is a savepoint of that larger transaction.
    pub fn transaction<T>(
        &mut self,
        work: impl FnOnce(&Connection) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        if !self.conn.is_autocommit() {
            let savepoint = self.conn.savepoint()?;
            let value = work(&savepoint)?;
            savepoint.commit()?;
            return Ok(value);
        }
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let value = work(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// Begins one transaction that holds the workspace's write lock from the start, for work
    /// whose reads and writes must not interleave with another process's (see
    /// `Workspace::exclusively`). Waits up to `patience` for another writer to finish; after
    /// that the answer is [`StoreError::Busy`]. Writes made until [`Store::end_exclusive`]
    /// are savepoints of it.
    pub(crate) fn begin_exclusive(
        &mut self,
        patience: std::time::Duration,
    ) -> Result<(), StoreError> {
        self.conn.busy_timeout(patience)?;
        let begun = self.conn.execute_batch("BEGIN IMMEDIATE");
        self.conn.busy_timeout(open::BUSY_TIMEOUT)?;
        Ok(begun?)
    }

    /// Ends the transaction of [`Store::begin_exclusive`]: writes all of it (`commit`), or
    /// none of it.
    pub(crate) fn end_exclusive(&mut self, commit: bool) -> Result<(), StoreError> {
        if self.conn.is_autocommit() {
            return Ok(());
        }
        if commit && let Err(e) = self.conn.execute_batch("COMMIT") {
            let _ = self.conn.execute_batch("ROLLBACK");
            return Err(e.into());
        }
        if !commit {
            self.conn.execute_batch("ROLLBACK")?;
        }
        Ok(())
    }
}

/// A posted video of `account` with the TikTok id `platform_id`, for the store's own tests:
/// posted on 19 February 2025, tagged #knitting, nothing else known.
#[cfg(test)]
pub(crate) fn video_for_tests(
    account: crate::domain::AccountId,
    platform_id: &str,
    caption: &str,
) -> crate::domain::Video {
    crate::domain::Video {
        id: crate::domain::VideoId(0),
        account,
        platform_id: platform_id.to_string(),
        posted_at: chrono::DateTime::from_timestamp(1_740_000_000, 0).expect("an instant"),
        caption: caption.to_string(),
        hashtags: vec!["knitting".into()],
        duration_s: None,
        sound: None,
        link: None,
        allow_duet: None,
        allow_stitch: None,
        allow_comments: None,
    }
}

/// A new workspace in a temporary folder with one account, @knitwit: the start of the store's
/// own tests of video writes.
#[cfg(test)]
pub(crate) fn temporary_with_account() -> (tempfile::TempDir, Store, crate::domain::AccountId) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut store = Store::open(&dir.path().join("w.sqlite")).expect("a new workspace");
    let account = store
        .add_account(&crate::domain::NewAccount {
            handle: "knitwit".parse().expect("a valid handle"),
            display_name: String::new(),
            time_zone: chrono_tz::UTC,
            region: String::new(),
            language: String::new(),
        })
        .expect("an account");
    (dir, store, account)
}
