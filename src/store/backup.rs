//! Backup copies of a workspace and restoring one, with SQLite's online backup API: a copy is
//! consistent even while the workspace is in use (by this window, a background job or the
//! command line), and a restore is one write into the live file that other connections see
//! whole or not at all.
//!
//! A copy is written beside its target and renamed into place, so a failed copy never leaves
//! half a file under the chosen name. A restore first checks that the backup is a healthy
//! Scrollstop workspace of a schema this build reads, then copies the current data aside, and
//! only then replaces the workspace's contents.

use std::path::{Path, PathBuf};

use crate::io::whole_file::{WholeFileError, write_whole};
use std::time::Duration;

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};

use super::{Store, StoreError, open, schema};

/// Pages copied per step (4 MB at SQLite's default page size): small enough for a smooth
/// progress bar, large enough that a copy of a big workspace takes few steps.
const PAGES_PER_STEP: i32 = 1024;

/// The workspace connection's page cache while it is copied, in KiB: a copy reads every page
/// once, so a bigger cache would only grow the process by up to the connection's usual cache
/// (16 MB), the window's memory with it while the daily backup runs.
const COPY_CACHE_KIB: i64 = 2048;

/// How long a copy keeps retrying while another connection holds the workspace locked.
const BUSY_PATIENCE: Duration = Duration::from_secs(10);
const BUSY_PAUSE: Duration = Duration::from_millis(50);

/// How far a copy has come, in pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CopyProgress {
    pub copied: u64,
    pub total: u64,
}

impl CopyProgress {
    /// The fraction done, from 0 to 1.
    pub fn fraction(self) -> f32 {
        if self.total == 0 {
            1.0
        } else {
            (self.copied as f64 / self.total as f64) as f32
        }
    }
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    /// The schema version of the backup before it was brought up to date.
    pub backup_version: u32,
    /// Where the data from before the restore was copied.
    pub set_aside: PathBuf,
}

/// What can go wrong while backing up or restoring.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{path} cannot be restored: {reason}")]
    NotRestorable {
        path: PathBuf,
        #[source]
        reason: Box<StoreError>,
    },

    #[error(
        "{path} holds no workspace data (it is an empty SQLite file). Choose another backup; the workspace was not changed."
    )]
    EmptyBackup { path: PathBuf },

    #[error(
        "could not write the backup {path}: {source}. Check the folder is writable and has room; the workspace was not changed."
    )]
    Write {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },

    #[error("could not move the finished backup to {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error(
        "the workspace stayed busy for {seconds} s (another Scrollstop or the command line is writing to it). Try again in a moment; nothing was changed."
    )]
    Busy { seconds: u64 },

    #[error("cancelled; nothing was changed")]
    Cancelled,

    #[error(
        "this workspace is open read-only, so a backup cannot be restored into it. Open it from a writable location first."
    )]
    ReadOnly,

    #[error(
        "the restore failed ({source}); the workspace was rolled back, and the data from before is also at {set_aside}"
    )]
    Restore {
        set_aside: PathBuf,
        #[source]
        source: Box<StoreError>,
    },
}

impl Store {
    /// Copies the whole workspace to `target` (replacing a file there), calling `progress`
    /// after each step (it returns false to cancel). The copy is a standalone file (rollback journal, no `-wal` beside it)
    /// and is checked before it gets its name. Returns the copy's size in bytes.
    pub fn back_up_to(
        &self,
        target: &Path,
        progress: &mut dyn FnMut(CopyProgress) -> bool,
    ) -> Result<u64, BackupError> {
        write_whole(target, |file, partial| {
            drop(file); // SQLite opens the new, empty file by its name.
            copy_to(&self.conn, partial, progress)
        })
        .map_err(|e| match e {
            WholeFileError::Write(error) => error,
            WholeFileError::File(source) => BackupError::Io {
                path: target.to_path_buf(),
                source,
            },
        })?;
        std::fs::metadata(target)
            .map(|m| m.len())
            .map_err(|source| BackupError::Io {
                path: target.to_path_buf(),
                source,
            })
    }

    /// Replaces the workspace's contents with the backup at `backup`, after copying the
    /// current contents to `set_aside`. A backup of an older schema is brought up to date.
    /// The caller reopens the workspace afterwards so every cache is read again.
    pub fn restore_from(
        &mut self,
        backup: &Path,
        set_aside: &Path,
        progress: &mut dyn FnMut(CopyProgress) -> bool,
    ) -> Result<Restored, BackupError> {
        if self.read_only {
            return Err(BackupError::ReadOnly);
        }
        let backup_version = verify_backup(backup)?;
        self.back_up_to(set_aside, &mut |_| true)?;
        let source = Connection::open_with_flags(
            backup,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| BackupError::NotRestorable {
            path: backup.to_path_buf(),
            reason: Box::new(e.into()),
        })?;
        let fail = |source: StoreError| BackupError::Restore {
            set_aside: set_aside.to_path_buf(),
            source: Box::new(source),
        };
        run_steps(&source, &mut self.conn, progress).map_err(|e| match e {
            StepError::Busy => BackupError::Busy {
                seconds: BUSY_PATIENCE.as_secs(),
            },
            StepError::Cancelled => BackupError::Cancelled,
            StepError::Sqlite(e) => fail(e.into()),
        })?;
        schema::migrate(&mut self.conn, schema::MIGRATIONS).map_err(fail)?;
        Ok(Restored {
            backup_version,
            set_aside: set_aside.to_path_buf(),
        })
    }
}

/// Checks that `path` is a healthy Scrollstop workspace of a schema this build reads, without
/// writing to it. Returns its schema version.
pub fn verify_backup(path: &Path) -> Result<u32, BackupError> {
    let not_restorable = |reason| BackupError::NotRestorable {
        path: path.to_path_buf(),
        reason: Box::new(reason),
    };
    let found = open::inspect_existing(path).map_err(not_restorable)?;
    if found == 0 {
        return Err(BackupError::EmptyBackup {
            path: path.to_path_buf(),
        });
    }
    if found > schema::LATEST_VERSION {
        return Err(not_restorable(StoreError::NewerVersion {
            path: path.to_path_buf(),
            found,
            supported: schema::LATEST_VERSION,
        }));
    }
    Ok(found)
}

/// `scrollstop-2026-05-12.sqlite` is written as `.scrollstop-2026-05-12.sqlite.partial`.
fn copy_to(
    from: &Connection,
    partial: &Path,
    progress: &mut dyn FnMut(CopyProgress) -> bool,
) -> Result<(), BackupError> {
    let write_error = |source| BackupError::Write {
        path: partial.to_path_buf(),
        source,
    };
    let mut to = Connection::open(partial).map_err(write_error)?;
    let copied = open::with_cache(from, COPY_CACHE_KIB, || run_steps(from, &mut to, progress))
        .map_err(write_error)?;
    copied.map_err(|e| match e {
        StepError::Busy => BackupError::Busy {
            seconds: BUSY_PATIENCE.as_secs(),
        },
        StepError::Cancelled => BackupError::Cancelled,
        StepError::Sqlite(e) => write_error(e),
    })?;
    // One file, no -wal or -shm beside it: the copy can be moved or mailed as it is.
    to.pragma_update(None, "journal_mode", "DELETE")
        .map_err(write_error)?;
    let check: String = to
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .map_err(write_error)?;
    if check != "ok" {
        return Err(write_error(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CORRUPT),
            Some(format!("the copy failed its check: {check}")),
        )));
    }
    to.close().map_err(|(_, e)| write_error(e))
}

enum StepError {
    Busy,
    Cancelled,
    Sqlite(rusqlite::Error),
}

/// Copies every page of `from` into `to`, retrying while either is locked by another
/// connection (up to [`BUSY_PATIENCE`]). `progress` returns false to stop: what was copied
/// into `to` is rolled back.
fn run_steps(
    from: &Connection,
    to: &mut Connection,
    progress: &mut dyn FnMut(CopyProgress) -> bool,
) -> Result<(), StepError> {
    let backup = Backup::new(from, to).map_err(StepError::Sqlite)?;
    let started = std::time::Instant::now();
    loop {
        let step = backup.step(PAGES_PER_STEP).map_err(StepError::Sqlite)?;
        let p = backup.progress();
        let total = p.pagecount.max(0) as u64;
        let go_on = progress(CopyProgress {
            copied: total.saturating_sub(p.remaining.max(0) as u64),
            total,
        });
        if !go_on && step != StepResult::Done {
            return Err(StepError::Cancelled);
        }
        match step {
            StepResult::Done => return Ok(()),
            StepResult::More => {}
            _ => {
                if started.elapsed() > BUSY_PATIENCE {
                    return Err(StepError::Busy);
                }
                std::thread::sleep(BUSY_PAUSE);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cache_size(store: &Store) -> i64 {
        store
            .conn
            .query_row("PRAGMA cache_size", [], |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn a_copy_gives_the_workspace_its_usual_cache_back() {
        let (dir, store, _) = crate::store::temporary_with_account();
        let usual = cache_size(&store);
        assert_eq!(usual, -open::CACHE_KIB);
        let mut during = Vec::new();
        let copy = dir.path().join("copy.sqlite");
        let bytes = store
            .back_up_to(&copy, &mut |_| {
                during.push(());
                true
            })
            .unwrap();
        assert!(bytes > 0 && !during.is_empty());
        assert_eq!(cache_size(&store), usual, "the usual cache after the copy");
        assert_eq!(verify_backup(&copy).unwrap(), schema::LATEST_VERSION);
    }
}
