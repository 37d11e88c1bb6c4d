//! Keeping a read-only promise across connections. A window that shows a workspace read-only
//! (a read-only medium, or a workspace another window edits) has background jobs that open
//! their own connections by path; while the read-only workspace is open, [`Workspace::open`]
//! in this process opens that path read-only too, so no job writes behind the banner.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use super::{Workspace, WorkspaceError};
use crate::store::{Store, StoreError};

/// The paths open read-only in this process, with how many workspaces hold each.
static MARKED: Mutex<Option<HashMap<PathBuf, usize>>> = Mutex::new(None);

fn marked() -> MutexGuard<'static, Option<HashMap<PathBuf, usize>>> {
    match MARKED.lock() {
        Ok(guard) => guard,
        Err(poisoned) => poisoned.into_inner(),
    }
}

/// Held by a read-only [`Workspace`]; the path is released when the last one is dropped.
#[derive(Debug)]
pub(super) struct ReadOnlyMark {
    path: PathBuf,
}

impl ReadOnlyMark {
    fn new(path: &Path) -> Self {
        *marked()
            .get_or_insert_with(HashMap::new)
            .entry(path.to_path_buf())
            .or_default() += 1;
        Self {
            path: path.to_path_buf(),
        }
    }
}

impl Drop for ReadOnlyMark {
    fn drop(&mut self) {
        if let Some(map) = marked().as_mut()
            && let Some(count) = map.get_mut(&self.path)
        {
            *count -= 1;
            if *count == 0 {
                map.remove(&self.path);
            }
        }
    }
}

/// True while a read-only workspace on `path` is open in this process.
pub(super) fn is_marked(path: &Path) -> bool {
    marked().as_ref().is_some_and(|map| map.contains_key(path))
}

impl Workspace {
    /// Opens the existing workspace at `path` for reading only: the views show its data and
    /// every write is refused with one clear message. Until it is dropped, other opens of the
    /// same path in this process are read-only too.
    pub fn open_read_only(path: &Path) -> Result<Self, WorkspaceError> {
        Ok(Self {
            store: Store::open_read_only(path)?,
            _read_only: Some(ReadOnlyMark::new(path)),
        })
    }

    /// Opens the workspace at `path` for a command that only reads: for editing where that
    /// is possible, read-only where the medium cannot be written to. A missing workspace is an
    /// error: reading never creates one.
    pub fn open_for_reading(path: &Path) -> Result<Self, WorkspaceError> {
        super::require_existing(path)?;
        match Self::open(path) {
            Err(WorkspaceError::Store(StoreError::ReadOnly { .. })) => Self::open_behind_mark(path),
            other => other,
        }
    }

    /// A read-only connection for a path this process shows read-only (a background job's):
    /// it does not hold the mark, so the path is free again once the window lets go of it.
    pub(super) fn open_behind_mark(path: &Path) -> Result<Self, WorkspaceError> {
        Ok(Self {
            store: Store::open_read_only(path)?,
            _read_only: None,
        })
    }

    /// True when this workspace was opened read-only.
    pub fn is_read_only(&self) -> bool {
        self.store.is_read_only()
    }
}
