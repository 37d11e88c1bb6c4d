//! The one facade the window and the command line call. It owns the open store and carries
//! out the operations that span layers (demo creation now; import, forecast, plan and export
//! as they land). It never draws and never parses command lines.

mod activity;
mod backtesting;
mod backups;
mod checking;
mod demo;
mod draft_fields;
mod draft_import;
mod edits;
mod exclusive;
mod export;
mod export_file;
mod first_steps;
pub(crate) mod forecasting;
mod history_file;
mod import;
mod lock;
mod planning;
mod progress;
mod queries;
mod read_only;
pub mod team;
mod typed;

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::store::Store;

// The store's types the views and the command line see, through the workspace only.
pub use crate::store::{
    BackupError, Change, EntityKind, FieldConflict, HourOfWeekProfile, LATEST_VERSION,
    RecordedTrend, Restored, SharedOp, StatusCounts, StoreError, TableCounts, VideoWithLatest,
    VideoWithSnapshots,
};

pub use activity::{ActivityEntry, Mention, mentions};
pub use backups::{BackupFile, BackupFolder, BackupKind, KEEP_DAILY};
pub use checking::{CheckSession, CheckedDraft, active_weeks_key};
#[cfg(test)]
pub(crate) use demo::in_temporary_folder as demo_in_temporary_folder;
pub use demo::{DEFAULT_DEMO_SEED, anchor as demo_anchor};
pub use draft_fields::{DRAFT_FIELDS, set_draft_field, split_assignment};
pub use draft_import::DraftRow;
pub use edits::{
    Applied, Edit, HistoryEntry, MEMBER_SETTING, Outcome, PlanState, Pulled, PulledRow, PushAnswer,
    TEXT_FIELDS,
};
pub use exclusive::{EXCLUSIVE_PATIENCE, FAILPOINT_VARIABLE};
pub use export::{ExportFormat, ExportOutput, ExportRequest};
pub use export_file::ExportTargetError;
pub use first_steps::{FirstStep, FirstSteps};
pub use forecasting::{
    FORECAST_SEED, ForecastSession, Prediction, SlotSource, next_full_hour, week_start,
};
pub use history_file::histories_in_file;
pub use import::{
    ChangeCounts, FileReport, ImportOptions, ImportReport, PreparedImport, content_hash, read_files,
};
pub use lock::{LockError, WorkspaceLock};
pub use planning::{
    MAX_PLAN_DAYS, NEAR_DUPLICATE_SIMILARITY, PLANNING_PATHS, PlacementChange, PlanReport,
    PlanRequest, PlannedPost, SCORE_HOURS, Unplaced, subculture_mix_key,
};
pub use progress::{Cancelled, Progress, Silent};
pub use typed::{
    MappingError, PastedList, TrendRecord, parse_map_arg, read_count, read_pasted_trends,
};

/// What can go wrong with a workspace operation.
#[derive(Debug, thiserror::Error)]
pub enum WorkspaceError {
    #[error(transparent)]
    Store(#[from] StoreError),

    #[error(transparent)]
    Backup(#[from] BackupError),

    #[error("could not read or write the backups folder {path}: {source}")]
    BackupFolder {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error(
        "{path} already holds data ({accounts} accounts, {drafts} drafts). The demo only fills an empty workspace: choose a new file with --workspace PATH."
    )]
    NotEmpty {
        path: PathBuf,
        accounts: u64,
        drafts: u64,
    },

    #[error("{0}")]
    Planning(String),

    /// An edit that cannot be made as asked; the message says why and what to do.
    #[error("{0}")]
    Refused(String),

    #[error(
        "the range ends ({to}) before it starts ({from}): give a start date on or before the end date"
    )]
    BadRange {
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
    },

    #[error(
        "the range {from} to {to} is {days} days long; a plan covers at most {max} days (a year). Plan a shorter range, e.g. --to {suggested}"
    )]
    RangeTooLong {
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
        days: i64,
        max: i64,
        suggested: chrono::NaiveDate,
    },

    #[error("could not plan {account}: {source}")]
    PlanningAccount {
        account: String,
        #[source]
        source: Box<WorkspaceError>,
    },

    #[error(
        "there is no draft {id} in this workspace; `scrollstop check` lists the drafts with their numbers."
    )]
    NoSuchDraft { id: i64 },

    #[error(
        "there is no workspace at {path}. Check the path (--workspace PATH); `scrollstop demo --workspace PATH` or `scrollstop import --workspace PATH FILES` create one."
    )]
    Missing { path: PathBuf },

    #[error(transparent)]
    ExportTarget(#[from] ExportTargetError),

    #[error(transparent)]
    Team(Box<team::TeamError>),

    #[error("could not write the CSV file: {0}")]
    Csv(#[from] csv::Error),

    #[error("cancelled; nothing was written")]
    Cancelled,

    #[error(
        "no data directory could be found for this user. Pass --workspace PATH to choose where the workspace lives."
    )]
    NoDataDirectory,
}

impl From<Cancelled> for WorkspaceError {
    fn from(_: Cancelled) -> Self {
        Self::Cancelled
    }
}

/// What `scrollstop info` reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WorkspaceInfo {
    pub path: PathBuf,
    pub schema_version: u32,
    pub counts: TableCounts,
}

/// An open workspace.
pub struct Workspace {
    store: Store,
    /// Held while this workspace is open read-only (see `read_only.rs`).
    _read_only: Option<read_only::ReadOnlyMark>,
}

impl Workspace {
    /// The default workspace file: `scrollstop.sqlite` in the OS data directory. That folder
    /// is Scrollstop's own, so it is created here when missing (no other folder ever is).
    pub fn default_path() -> Result<PathBuf, WorkspaceError> {
        let dir = directories::ProjectDirs::from("app", "Scrollstop", "Scrollstop")
            .map(|dirs| dirs.data_dir().to_path_buf())
            .ok_or(WorkspaceError::NoDataDirectory)?;
        std::fs::create_dir_all(&dir).map_err(|source| {
            WorkspaceError::Store(StoreError::Io {
                path: dir.clone(),
                source,
            })
        })?;
        Ok(dir.join("scrollstop.sqlite"))
    }

    /// Opens (or creates) the workspace at `path`. A workspace this call creates starts with
    /// the seed's catalogue of subcultures. While this process shows that workspace read-only,
    /// the path is opened read-only here too.
    pub fn open(path: &Path) -> Result<Self, WorkspaceError> {
        if read_only::is_marked(path) {
            return Self::open_behind_mark(path);
        }
        // A file that is missing, or empty (just created by another process or by hand), is a
        // new workspace; the settings flag makes sure only one of them adds the catalogue.
        let existing = std::fs::metadata(path).ok();
        let created_here = existing.is_none();
        let new = existing.is_none_or(|m| m.is_file() && m.len() == 0);
        let mut store = Store::open(path)?;
        if new && let Err(e) = store.seed_subcultures_once(&crate::domain::subculture_catalogue()) {
            // As when creating the schema fails: no half-made workspace this call created
            // stays behind (a file another process created is left to it).
            drop(store);
            if created_here {
                crate::store::remove_new_workspace(path);
            }
            return Err(e.into());
        }
        Ok(Self {
            store,
            _read_only: None,
        })
    }

    /// Another connection to the workspace at `path` that this process opened before, for a
    /// background thread: the file is not checked or migrated again (see [`Store::reopen`]).
    pub fn reopen(path: &Path) -> Result<Self, WorkspaceError> {
        if read_only::is_marked(path) {
            return Self::open_behind_mark(path);
        }
        Ok(Self {
            store: Store::reopen(path)?,
            _read_only: None,
        })
    }

    /// Opens the workspace at `path` for a command that changes an existing workspace (never
    /// creates one: a mistyped path is an error naming it).
    pub fn open_existing(path: &Path) -> Result<Self, WorkspaceError> {
        require_existing(path)?;
        Self::open(path)
    }

    /// Where the workspace file lives.
    pub fn path(&self) -> &Path {
        self.store.path()
    }

    /// Read access to the stored data, for the workspace's own modules (the window and the
    /// command line use the queries in `queries.rs`).
    pub(crate) fn store(&self) -> &Store {
        &self.store
    }

    /// Write access for the workspace's own modules; every change a person makes goes
    /// through [`Workspace::apply`].
    pub(crate) fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }

    /// Path, schema version and row counts.
    pub fn info(&self) -> Result<WorkspaceInfo, WorkspaceError> {
        Ok(WorkspaceInfo {
            path: self.store.path().to_path_buf(),
            schema_version: self.store.schema_version()?,
            counts: self.store.counts()?,
        })
    }

    /// Fills an empty workspace with the demo data generated from `seed` as of today (UTC),
    /// in one transaction. Refuses a workspace that already holds data.
    pub fn create_demo(
        &mut self,
        seed: u64,
        progress: &dyn Progress,
    ) -> Result<WorkspaceInfo, WorkspaceError> {
        self.create_demo_on(seed, chrono::Utc::now().date_naive(), progress)
    }

    /// Fills an empty workspace with the demo data generated from `seed` as if created on
    /// `day`: its history ends the day before and its plans lie in the two weeks after.
    pub fn create_demo_on(
        &mut self,
        seed: u64,
        day: chrono::NaiveDate,
        progress: &dyn Progress,
    ) -> Result<WorkspaceInfo, WorkspaceError> {
        let counts = self.store.counts()?;
        if !self.store.is_empty()? {
            return Err(WorkspaceError::NotEmpty {
                path: self.path().to_path_buf(),
                accounts: counts.accounts,
                drafts: counts.drafts,
            });
        }
        demo::write(&mut self.store, seed, day, progress)?;
        self.info()
    }

    /// Creates the demo workspace at `path` (a new file, or an empty workspace). When that
    /// fails (a full disk), a file this call created is removed again: no half-made demo stays.
    pub fn create_demo_at(
        path: &Path,
        seed: u64,
        progress: &dyn Progress,
    ) -> Result<WorkspaceInfo, WorkspaceError> {
        let created = !path.exists();
        let made = Self::open(path).and_then(|mut workspace| workspace.create_demo(seed, progress));
        if made.is_err() && created {
            crate::store::remove_new_workspace(path);
        }
        made
    }
}

/// A missing workspace is an error naming its path (a read never creates anything).
fn require_existing(path: &Path) -> Result<(), WorkspaceError> {
    if path.exists() {
        Ok(())
    } else {
        Err(WorkspaceError::Missing {
            path: path.to_path_buf(),
        })
    }
}
