//! Work that must not interleave with another writer: one planning run over several accounts
//! reads the drafts and the plan and writes its answer as one transaction that holds the
//! workspace's write lock from its first read. Two runs at once then happen one after the
//! other (the second sees what the first planned), and a process killed halfway leaves the
//! workspace as it was before the run.
//!
//! [`failpoint`] lets a test kill the process at a named point of such a unit, to prove that
//! nothing of it stays.

use std::time::Duration;

use super::{Workspace, WorkspaceError};

/// How long a unit waits for another process's writing to finish before it gives up: long
/// enough for another planning run of a big workspace.
pub const EXCLUSIVE_PATIENCE: Duration = Duration::from_secs(120);

/// The environment variable that names a failpoint to die at (tests only; see [`failpoint`]).
pub const FAILPOINT_VARIABLE: &str = "SCROLLSTOP_FAILPOINT";

impl Workspace {
    /// Runs `work` as one transaction holding the write lock: all of it is written, or none.
    pub(crate) fn exclusively<T>(
        &mut self,
        work: impl FnOnce(&mut Workspace) -> Result<T, WorkspaceError>,
    ) -> Result<T, WorkspaceError> {
        self.store.begin_exclusive(EXCLUSIVE_PATIENCE)?;
        match work(self) {
            Ok(value) => {
                self.store.end_exclusive(true)?;
                Ok(value)
            }
            Err(e) => {
                // The work's own error says more than a failed rollback would.
                let _ = self.store.end_exclusive(false);
                Err(e)
            }
        }
    }
}

/// Ends the process at once, as `kill -9` would, when [`FAILPOINT_VARIABLE`] names `point`.
/// Tests set it on a child process to prove that an interrupted unit leaves nothing behind.
pub(crate) fn failpoint(point: &str) {
    if std::env::var_os(FAILPOINT_VARIABLE).is_some_and(|v| v == point) {
        std::process::abort();
    }
}
