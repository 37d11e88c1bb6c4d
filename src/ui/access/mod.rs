//! How the window holds its workspace, so that the user never has to wonder whether their
//! work is safe:
//!
//! - **One window edits a workspace.** Opening takes the workspace's lock (`team.sqlite.lock`,
//!   see [`WorkspaceLock`]); a second window finds it taken and shows who has it, with Retry
//!   and "Open read-only" (`screens.rs`).
//! - **Read-only when it must be.** A workspace on a medium Scrollstop cannot write to opens
//!   read-only with a banner; the views show its data and every edit is refused with one clear
//!   notice instead of a storm of SQLite errors (`apply.rs`).
//! - **Changes from elsewhere show up.** The command line may write while the window is open
//!   (SQLite's WAL keeps both safe); the window looks at `PRAGMA data_version` about once a
//!   second and re-reads when another connection committed.
//! - **A daily backup.** After the first frame a background thread takes the day's backup when
//!   none was taken today (`daily.rs`); on exit, one is taken if it is still due.

mod apply;
mod daily;
mod screens;

use std::path::Path;
use std::time::Duration;

use eframe::egui;

use crate::workspace::StoreError;
use crate::workspace::{LockError, Workspace, WorkspaceError, WorkspaceLock};

pub(in crate::ui) use apply::backed_up;
pub(super) use daily::DailyBackup;
pub(super) use screens::{in_use_screen, other_workspace_bar, read_only_banner};

/// How often the window asks whether another connection changed the workspace.
const CHANGE_CHECK: Duration = Duration::from_secs(1);

/// Why the workspace is shown read-only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadOnlyReason {
    /// The file or its folder cannot be written (a read-only mount, a locked folder).
    Medium,
    /// Another Scrollstop window (process `pid`, where known) is editing it.
    OpenElsewhere { pid: Option<u32> },
}

impl ReadOnlyReason {
    /// The banner's words.
    pub fn banner(&self) -> String {
        match self {
            ReadOnlyReason::Medium => "Read-only: this workspace is on a medium Scrollstop cannot \
                write to; changes are off."
                .to_string(),
            ReadOnlyReason::OpenElsewhere { pid } => format!(
                "Read-only: this workspace is open in another Scrollstop window{}; changes are \
                 off here.",
                pid.map(|p| format!(" (process {p})")).unwrap_or_default()
            ),
        }
    }
}

/// How the user asked to open a workspace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum OpenFor {
    Editing,
    Reading,
}

/// The window's hold on its workspace.
#[derive(Default)]
pub(super) struct Access {
    /// Held while the window may edit the workspace.
    lock: Option<WorkspaceLock>,
    /// Set when the workspace is shown read-only.
    pub read_only: Option<ReadOnlyReason>,
    /// Set when another window holds the workspace and the user has not chosen yet.
    pub in_use: Option<Option<u32>>,
    pub daily: DailyBackup,
    /// The last `PRAGMA data_version` seen, and when to look again (egui time, seconds).
    seen_version: Option<i64>,
    next_check: f64,
}

impl Access {
    /// True while the window may not write.
    pub fn is_read_only(&self) -> bool {
        self.read_only.is_some()
    }

    /// True when another connection committed a change since the last look (checked at most
    /// once per [`CHANGE_CHECK`]; asks for a frame then, so changes show without input).
    pub fn changed_elsewhere(&mut self, ctx: &egui::Context, workspace: &Workspace) -> bool {
        let now = ctx.input(|i| i.time);
        if now < self.next_check {
            return false;
        }
        self.next_check = now + CHANGE_CHECK.as_secs_f64();
        ctx.request_repaint_after(CHANGE_CHECK);
        let Ok(version) = workspace.data_version() else {
            return false;
        };
        let changed = self.seen_version.is_some_and(|seen| seen != version);
        self.seen_version = Some(version);
        changed
    }
}

/// Opens the workspace at `path`: for editing under its lock, falling back to read-only on a
/// medium that cannot be written; or read-only when asked. A workspace another window holds
/// comes back as an error with [`Access::in_use`] set.
pub(super) fn open(path: &Path, open_for: OpenFor) -> (Result<Workspace, String>, Access) {
    let mut access = Access::default();
    if open_for == OpenFor::Reading {
        let pid = match WorkspaceLock::acquire(path) {
            Err(LockError::InUse { pid, .. }) => pid,
            _ => None,
        };
        access.read_only = Some(ReadOnlyReason::OpenElsewhere { pid });
        return (
            Workspace::open_read_only(path).map_err(|e| e.to_string()),
            access,
        );
    }
    match WorkspaceLock::acquire(path) {
        Ok(lock) => access.lock = Some(lock),
        Err(error @ LockError::InUse { .. }) => {
            if let LockError::InUse { pid, .. } = &error {
                access.in_use = Some(*pid);
            }
            return (Err(error.to_string()), access);
        }
        // No lock file can be made where a read-only workspace lives: opening says more.
        Err(LockError::Io { .. }) => {}
    }
    let workspace = match Workspace::open(path) {
        Err(WorkspaceError::Store(StoreError::ReadOnly { .. })) => {
            access.lock = None;
            match Workspace::open_read_only(path) {
                Ok(workspace) => {
                    access.read_only = Some(ReadOnlyReason::Medium);
                    Ok(workspace)
                }
                Err(e) => Err(e.to_string()),
            }
        }
        other => other.map_err(|e| e.to_string()),
    };
    if workspace.is_err() {
        access.lock = None;
    }
    (workspace, access)
}
