//! The daily backup, taken on a background [`Task`] with its own connection after the window's
//! first frame so start-up never waits for it, and again on exit when it is still due (e.g. the
//! workspace was empty at start and the user filled it). It runs beside the job runner, not in
//! it: a user's import never has to wait for a backup.

use std::path::Path;

use eframe::egui;

use crate::ui::background::Task;
use crate::workspace::{BackupFile, Workspace, WorkspaceError};

/// The daily backup's state for the open workspace.
#[derive(Default)]
pub(in crate::ui) struct DailyBackup {
    started: bool,
    /// How many were taken (written, not just due) since the window opened.
    taken: u64,
    running: Option<Task<Result<Option<BackupFile>, WorkspaceError>>>,
}

/// The local date the backups are named by.
fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

impl DailyBackup {
    /// Starts the backup of the workspace at `path` the first time it is called.
    pub fn start_once(&mut self, ctx: &egui::Context, path: &Path) {
        if self.started {
            return;
        }
        self.started = true;
        // A thread that cannot start leaves the backup to the exit.
        self.running = Task::on_workspace(ctx, "daily backup", path, |workspace| {
            workspace.take_daily_backup(today())
        })
        .ok();
    }

    /// The outcome once the backup thread has ended (`Ok(None)`: it was not due).
    pub fn poll(&mut self) -> Option<Result<Option<BackupFile>, WorkspaceError>> {
        let ended = self.running.as_mut()?.poll()?;
        self.running = None;
        // A thread that died says nothing, as it always has; the exit tries again.
        let ended = ended.ok();
        if let Some(Ok(Some(_))) = &ended {
            self.taken += 1;
        }
        ended
    }

    /// How many backups were taken since the window opened.
    pub fn taken(&self) -> u64 {
        self.taken
    }

    /// On exit: takes the day's backup on this thread if it is still due and the start-up one
    /// is not still being written.
    pub fn on_exit(&self, workspace: &Workspace) {
        if self.running.is_some() {
            return;
        }
        if let Err(e) = workspace.take_daily_backup(today()) {
            eprintln!("scrollstop: the daily backup could not be written on exit: {e}");
        }
    }
}
