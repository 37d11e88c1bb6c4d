//! The background-job runner: the user's long work (the demo, imports, exports, backups,
//! restores, re-plans) runs one job at a time as a [`Task`] with its own workspace connection,
//! reports progress and learns about Cancel through [`JobProgress`], and shows both in the
//! status bar. The app polls it once per frame and applies the outcome in one place
//! (`actions/jobs.rs`). The UI thread never waits on a job.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use eframe::egui;
use thiserror::Error;

use super::background::{SpawnFailed, Task};
use crate::workspace::{
    ExportOutput, ImportReport, PreparedImport, Progress, Workspace, WorkspaceError, WorkspaceInfo,
};

/// How often the window redraws while a job runs, to move the progress bar.
const PROGRESS_REFRESH: Duration = Duration::from_millis(80);

/// What a finished job produced. Each kind of job adds a variant; the app applies them in one
/// place.
pub enum JobDone {
    /// The demo data was written; the workspace now holds this.
    DemoCreated(WorkspaceInfo),
    /// Files were read and compared with the workspace: the import preview, nothing written.
    ImportPrepared(Box<PreparedImport>),
    /// An import was committed (or refused, when `committed` is false).
    Imported(ImportReport),
    /// A calendar export was prepared; the app writes it to `path`.
    CalendarExported {
        path: std::path::PathBuf,
        output: ExportOutput,
    },
    /// The workspace was copied to `path` ("Back up now").
    BackedUp {
        path: std::path::PathBuf,
        bytes: u64,
    },
    /// A backup replaced the workspace's data; the app reopens it.
    Restored(crate::workspace::Restored),
    /// An overdue post was placed in its best free slot (the editor's "Re-plan", an edit in
    /// the log); what it did, in words.
    Replanned(String),
}

impl std::fmt::Debug for JobDone {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            JobDone::DemoCreated(info) => f.debug_tuple("DemoCreated").field(info).finish(),
            JobDone::ImportPrepared(prepared) => f
                .debug_tuple("ImportPrepared")
                .field(&prepared.report)
                .finish(),
            JobDone::Imported(report) => f.debug_tuple("Imported").field(report).finish(),
            JobDone::CalendarExported { path, output } => f
                .debug_struct("CalendarExported")
                .field("path", path)
                .field("events", &output.events)
                .finish(),
            JobDone::BackedUp { path, bytes } => f
                .debug_struct("BackedUp")
                .field("path", path)
                .field("bytes", bytes)
                .finish(),
            JobDone::Restored(restored) => f.debug_tuple("Restored").field(restored).finish(),
            JobDone::Replanned(replanned) => f.debug_tuple("Replanned").field(replanned).finish(),
        }
    }
}

/// A job's end: its title and what it produced, or why it did not.
#[derive(Debug)]
pub struct JobOutcome {
    pub title: String,
    pub result: Result<JobDone, WorkspaceError>,
}

/// Shared between the job's thread (which reports) and the window (which shows and cancels).
pub struct JobProgress {
    state: Mutex<(f32, String)>,
    cancelled: AtomicBool,
}

impl JobProgress {
    fn new() -> Self {
        Self {
            state: Mutex::new((0.0, "Starting…".to_string())),
            cancelled: AtomicBool::new(false),
        }
    }

    /// The fraction done and what is happening now.
    pub fn snapshot(&self) -> (f32, String) {
        match self.state.lock() {
            Ok(state) => state.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// Asks the job to stop at its next step.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }
}

impl Progress for JobProgress {
    fn report(&self, done: f32, message: &str) {
        let mut state = match self.state.lock() {
            Ok(state) => state,
            Err(poisoned) => poisoned.into_inner(),
        };
        *state = (done.clamp(0.0, 1.0), message.to_string());
    }

    fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }
}

struct RunningJob {
    title: String,
    progress: Arc<JobProgress>,
    task: Task<Result<JobDone, WorkspaceError>>,
}

/// Why a job did not start.
#[derive(Debug, Error)]
pub enum NotStarted {
    #[error("Another job is still running; wait for it or cancel it first.")]
    Busy,
    #[error("{title} could not start: {source}")]
    Spawn { title: String, source: SpawnFailed },
}

/// Runs at most one job at a time (a second one waits for the user to finish the first).
#[derive(Default)]
pub struct JobRunner {
    running: Option<RunningJob>,
}

impl JobRunner {
    /// True while a job runs.
    pub fn is_busy(&self) -> bool {
        self.running.is_some()
    }

    /// Starts `work` on a new thread with its own connection to the workspace at `workspace`
    /// (nothing starts while another job runs). `ctx` is woken when the job ends so its
    /// outcome is applied at once.
    pub fn start(
        &mut self,
        ctx: &egui::Context,
        title: &str,
        workspace: &Path,
        work: impl FnOnce(&mut Workspace, &dyn Progress) -> Result<JobDone, WorkspaceError>
        + Send
        + 'static,
    ) -> Result<(), NotStarted> {
        if self.running.is_some() {
            return Err(NotStarted::Busy);
        }
        let progress = Arc::new(JobProgress::new());
        let shared = Arc::clone(&progress);
        let name = format!("job: {title}");
        let task = Task::on_workspace(ctx, &name, workspace, move |workspace| {
            work(workspace, shared.as_ref())
        })
        .map_err(|source| NotStarted::Spawn {
            title: title.to_string(),
            source,
        })?;
        self.running = Some(RunningJob {
            title: title.to_string(),
            progress,
            task,
        });
        Ok(())
    }

    /// The outcome of the running job once it has ended. Call once per frame.
    pub fn poll(&mut self, ctx: &egui::Context) -> Option<JobOutcome> {
        let job = self.running.as_mut()?;
        let Some(ended) = job.task.poll() else {
            ctx.request_repaint_after(PROGRESS_REFRESH);
            return None;
        };
        let title = std::mem::take(&mut job.title);
        self.running = None;
        Some(JobOutcome {
            title,
            // A job whose thread died reads as cancelled, as it always has.
            result: ended.unwrap_or(Err(WorkspaceError::Cancelled)),
        })
    }

    /// Draws the running job: title, progress bar, current step and a Cancel button.
    pub fn ui(&self, ui: &mut egui::Ui, bar_width: f32) {
        let Some(job) = &self.running else {
            return;
        };
        let (done, message) = job.progress.snapshot();
        let cancelling = job.progress.is_cancelled();
        ui.horizontal(|ui| {
            ui.label(egui::RichText::new(&job.title).strong());
            ui.add(
                egui::ProgressBar::new(done)
                    .desired_width(bar_width)
                    .show_percentage(),
            );
            let cancel = ui.add_enabled(!cancelling, egui::Button::new("Cancel"));
            if cancel.clicked() {
                job.progress.cancel();
            }
        });
        let message = if cancelling {
            "Cancelling…".to_string()
        } else {
            message
        };
        ui.label(super::theme::muted(ui, message));
    }
}
