//! The daily backup, taken on its own thread and connection after the window's first frame so
//! start-up never waits for it, and again on exit when it is still due (e.g. the workspace was
//! empty at start and the user filled it). It runs beside the job runner, not in it: a user's
//! import never has to wait for a backup.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, TryRecvError};

use eframe::egui;

use crate::workspace::{BackupFile, Workspace, WorkspaceError};

/// The daily backup's state for the open workspace.
#[derive(Default)]
pub(in crate::ui) struct DailyBackup {
    started: bool,
    running: Option<Receiver<Result<Option<BackupFile>, WorkspaceError>>>,
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
        let (sender, receiver) = mpsc::channel();
        let path: PathBuf = path.to_path_buf();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("daily backup".to_string())
            .spawn(move || {
                let result = Workspace::open(&path)
                    .and_then(|workspace| workspace.take_daily_backup(today()));
                // The window may have closed or moved on; then nobody needs the outcome.
                let _ = sender.send(result);
                ctx.request_repaint();
            });
        if spawned.is_ok() {
            self.running = Some(receiver);
        }
    }

    /// The outcome once the backup thread has ended (`Ok(None)`: it was not due).
    pub fn poll(&mut self) -> Option<Result<Option<BackupFile>, WorkspaceError>> {
        let receiver = self.running.as_ref()?;
        match receiver.try_recv() {
            Ok(result) => {
                self.running = None;
                Some(result)
            }
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                self.running = None;
                None
            }
        }
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
