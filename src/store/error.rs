//! What can go wrong with a workspace file, in words that say what to do next.

use std::path::PathBuf;

/// An error from the workspace store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "{path} is not a Scrollstop workspace (it is not an SQLite database). Choose another file, or a new file name to start a workspace; this file was not changed."
    )]
    NotSqlite { path: PathBuf },

    #[error(
        "{path} is an SQLite database of another program, not a Scrollstop workspace. Choose another file; this one was not changed."
    )]
    NotAWorkspace { path: PathBuf },

    #[error("{path} is damaged ({detail}). {}", restore_advice(backups))]
    Corrupt {
        path: PathBuf,
        detail: String,
        /// The backup copies of this workspace that exist, newest first.
        backups: Vec<PathBuf>,
    },

    #[error(
        "{path} was written by a newer Scrollstop (schema version {found}, this one knows up to {supported}). Update Scrollstop to open it; the file was not changed."
    )]
    NewerVersion {
        path: PathBuf,
        found: u32,
        supported: u32,
    },

    #[error(
        "{path} is in a read-only location. Copy it somewhere writable, or make it writable, and open it again; the file was not changed."
    )]
    ReadOnly { path: PathBuf },

    #[error(
        "{path} is on a medium Scrollstop cannot write to, and its schema (version {found}) would need an upgrade first. Copy it somewhere writable and open it there; the file was not changed."
    )]
    CannotUpgradeReadOnly { path: PathBuf, found: u32 },

    #[error(
        "Read-only: this workspace is open for reading only, so changes are off. Open a copy in a writable location to edit it."
    )]
    WriteRefused,

    #[error(
        "the workspace is busy: another Scrollstop window or the command line kept it locked longer than Scrollstop waits. Try again in a moment; nothing was written."
    )]
    Busy,

    #[error(
        "{path} is a folder. Give the path of a workspace file, e.g. {path}/scrollstop.sqlite."
    )]
    IsAFolder { path: PathBuf },

    #[error("could not read or write {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("could not back up the workspace to {path}: {source}")]
    Backup {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },

    #[error("could not bring the workspace to schema version {version}: {source}")]
    Migration {
        version: u32,
        #[source]
        source: rusqlite::Error,
    },

    #[error(
        "there is no folder {folder} for {path}. Check the path, or create the folder first; nothing was created."
    )]
    NoFolder { path: PathBuf, folder: PathBuf },

    #[error(
        "could not write to the disk: it is full, or the file may grow no further ({detail}). Free some space and try again; nothing was written."
    )]
    DiskFull { detail: String },

    #[error("the workspace holds a value it cannot read: {0}")]
    BadValue(String),

    #[error("{0}")]
    Conflict(String),

    /// An account's handle breaks TikTok's rules (one stored before they were checked).
    #[error(transparent)]
    Handle(#[from] crate::domain::HandleError),

    #[error("{what} no longer exists in the workspace (it may have been deleted elsewhere).")]
    NotFound { what: String },

    #[error("workspace database error: {0}")]
    Sqlite(rusqlite::Error),
}

/// What to do with a damaged workspace: restore one of the copies that exist, naming only those.
fn restore_advice(backups: &[PathBuf]) -> String {
    const SHOWN: usize = 3;
    match backups {
        [] => "No backup copy of it was found. Open another workspace, or restore a copy from elsewhere; this file was not changed.".to_string(),
        [one] => format!(
            "Restore its backup copy {} (Settings > Your data > Restore, or copy it over the damaged file); this file was not changed.",
            one.display()
        ),
        many => {
            let names: Vec<String> = many.iter().take(SHOWN).map(|p| p.display().to_string()).collect();
            let more = if many.len() > SHOWN {
                format!(" and {} older", many.len() - SHOWN)
            } else {
                String::new()
            };
            format!(
                "Restore one of its backup copies, newest first: {}{more} (Settings > Your data > Restore, or copy one over the damaged file); this file was not changed.",
                names.join(", ")
            )
        }
    }
}

/// SQLite could not write or grow a file: the disk is full (`SQLITE_FULL`), or a write,
/// truncation or sync failed (`SQLITE_IOERR_WRITE`, `_FSYNC`, `_TRUNCATE`, `_SHMSIZE`: also
/// what a file-size limit gives).
pub(crate) fn is_disk_full(error: &rusqlite::Error) -> bool {
    const IOERR_WRITE: i32 = 778;
    const IOERR_FSYNC: i32 = 1034;
    const IOERR_TRUNCATE: i32 = 1546;
    const IOERR_SHMSIZE: i32 = 4874;
    match error {
        rusqlite::Error::SqliteFailure(e, _) => {
            e.code == rusqlite::ErrorCode::DiskFull
                || matches!(
                    e.extended_code,
                    IOERR_WRITE | IOERR_FSYNC | IOERR_TRUNCATE | IOERR_SHMSIZE
                )
        }
        _ => false,
    }
}

impl From<rusqlite::Error> for StoreError {
    /// A write to a read-only workspace and a lock held too long by another process get
    /// their own words; everything else is reported as SQLite put it.
    fn from(error: rusqlite::Error) -> Self {
        match error.sqlite_error_code() {
            Some(rusqlite::ErrorCode::ReadOnly) => StoreError::WriteRefused,
            Some(rusqlite::ErrorCode::DatabaseBusy) => StoreError::Busy,
            _ if is_disk_full(&error) => StoreError::DiskFull {
                detail: error.to_string(),
            },
            _ => StoreError::Sqlite(error),
        }
    }
}
