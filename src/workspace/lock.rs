//! One window per workspace: the app holds an exclusive advisory lock on `<workspace>.lock`
//! (e.g. `team.sqlite.lock`) for as long as it shows the workspace, with its process id
//! written inside. A second window finds the lock taken and says which process has it instead
//! of editing the same data in two places. The operating system releases the lock when the
//! process ends, however it ends; the file itself stays (removing it could race with a window
//! that is opening it) and is empty of meaning without the lock.
//!
//! The command line takes no lock: its writes are short transactions that wait for the
//! window's (SQLite's busy timeout), and the window notices them (`PRAGMA data_version`).

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// Why the lock could not be taken.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error("{}", in_use_message(path, *pid))]
    InUse { path: PathBuf, pid: Option<u32> },

    #[error("could not create the lock file {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

fn in_use_message(path: &Path, pid: Option<u32>) -> String {
    let holder = match pid {
        Some(pid) => format!(" (process {pid})"),
        None => String::new(),
    };
    format!(
        "{} is open in another Scrollstop window{holder}. Close it there, or open this one read-only.",
        path.display()
    )
}

/// The held lock; dropping it releases the workspace.
#[derive(Debug)]
pub struct WorkspaceLock {
    file: File,
    path: PathBuf,
}

impl WorkspaceLock {
    /// The lock file of the workspace at `workspace`.
    pub fn lock_path(workspace: &Path) -> PathBuf {
        crate::store::beside(workspace, ".lock")
    }

    /// Takes the lock of the workspace at `workspace` without waiting.
    pub fn acquire(workspace: &Path) -> Result<Self, LockError> {
        let path = Self::lock_path(workspace);
        let io = |source| LockError::Io {
            path: path.clone(),
            source,
        };
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(io)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                return Err(LockError::InUse {
                    path: workspace.to_path_buf(),
                    pid: holder_pid(&mut file),
                });
            }
            Err(TryLockError::Error(source)) => return Err(io(source)),
        }
        // The process id is a courtesy for the message of the next window; the lock does not
        // depend on it being written.
        let _ = file
            .set_len(0)
            .and_then(|()| file.seek(SeekFrom::Start(0)))
            .and_then(|_| write!(file, "{}", std::process::id()))
            .and_then(|()| file.flush());
        Ok(Self { file, path })
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for WorkspaceLock {
    fn drop(&mut self) {
        let _ = self.file.unlock();
    }
}

/// The process id the holder wrote (unreadable where locks block reading, e.g. Windows).
fn holder_pid(file: &mut File) -> Option<u32> {
    let mut text = String::new();
    file.seek(SeekFrom::Start(0)).ok()?;
    file.read_to_string(&mut text).ok()?;
    text.trim().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_is_told_who_has_it_until_the_first_lets_go() {
        let dir = tempfile::tempdir().unwrap();
        let workspace = dir.path().join("team.sqlite");
        let first = WorkspaceLock::acquire(&workspace).unwrap();
        assert_eq!(first.path(), dir.path().join("team.sqlite.lock"));
        match WorkspaceLock::acquire(&workspace) {
            Err(LockError::InUse { pid, path }) => {
                assert_eq!(pid, Some(std::process::id()));
                assert_eq!(path, workspace);
            }
            other => panic!("expected in use, got {other:?}"),
        }
        drop(first);
        WorkspaceLock::acquire(&workspace).expect("free again once dropped");
    }
}
