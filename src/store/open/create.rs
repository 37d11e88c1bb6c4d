//! Creating a workspace file that did not exist so that no other process ever sees it half
//! made: built and migrated under a hidden temporary name, then linked into place.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::Connection;

use super::paths::folder_of;
use super::{BUSY_TIMEOUT, connect, remove_new_workspace};
use crate::store::StoreError;

/// How a missing workspace file came to exist.
pub(super) enum Created {
    /// Built whole under a temporary name and linked into place.
    Linked,
    /// Another process put a file there first.
    SomeoneElse,
    /// This file system cannot link: made in place.
    InPlace(Connection),
}

/// Makes the workspace at `path`, which did not exist, so that no other process ever sees it
/// half-made: it is built and migrated under a hidden temporary name beside it, closed, then
/// hard-linked into place, which fails rather than replace a file another process put there
/// meanwhile (four imports started at once into a new file: one file wins, all use it). A
/// failure leaves nothing behind.
pub(super) fn create_whole(path: &Path, steps: &[&str]) -> Result<Created, StoreError> {
    let temporary = temporary_beside(path);
    let built = connect(&temporary, steps, true)
        .and_then(|conn| conn.close().map_err(|(_, e)| StoreError::from(e)));
    if let Err(e) = built {
        remove_new_workspace(&temporary);
        return Err(e);
    }
    let linked = fs::hard_link(&temporary, path);
    remove_new_workspace(&temporary);
    match linked {
        Ok(()) => Ok(Created::Linked),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(Created::SomeoneElse),
        Err(_) => {
            // No hard links here (some network and FAT file systems): create in place, where
            // a process that loses the race waits for the one that won.
            let opened = with_patience(|| connect(path, steps, true));
            if opened.is_err() && fs::metadata(path).is_ok_and(|m| m.len() == 0) {
                remove_new_workspace(path);
            }
            opened.map(Created::InPlace)
        }
    }
}

/// `.team.sqlite.new-1234-99` beside `team.sqlite`: hidden, and unique to this process.
fn temporary_beside(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "workspace".into());
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    folder_of(path).join(format!(".{name}.new-{}-{nanos}", std::process::id()))
}

/// Runs `attempt` again while SQLite answers "busy" without waiting itself (changing a new
/// file's journal mode while another process opens it), for up to [`BUSY_TIMEOUT`].
pub(super) fn with_patience<T>(
    mut attempt: impl FnMut() -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    let start = std::time::Instant::now();
    loop {
        match attempt() {
            Err(StoreError::Busy) if start.elapsed() < BUSY_TIMEOUT => {
                std::thread::sleep(Duration::from_millis(25));
            }
            other => return other,
        }
    }
}
