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

    #[error(
        "{path} is damaged ({detail}). Restore a backup copy (the .bak files beside it); this file was not changed."
    )]
    Corrupt { path: PathBuf, detail: String },

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
        "the workspace is busy: another Scrollstop window or the command line kept it locked for more than 5 seconds. Try again in a moment; nothing was written."
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

    #[error("could not bring the workspace to the current schema: {0}")]
    Migration(#[from] rusqlite_migration::Error),

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

impl From<rusqlite::Error> for StoreError {
    /// A write to a read-only workspace and a lock held too long by another process get
    /// their own words; everything else is reported as SQLite put it.
    fn from(error: rusqlite::Error) -> Self {
        match error.sqlite_error_code() {
            Some(rusqlite::ErrorCode::ReadOnly) => StoreError::WriteRefused,
            Some(rusqlite::ErrorCode::DatabaseBusy) => StoreError::Busy,
            _ => StoreError::Sqlite(error),
        }
    }
}
