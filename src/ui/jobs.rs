//! The background-job runner: long work (demo creation, imports; refits, planning and
//! exports later) runs on its own thread with its own workspace connection, reports progress
//! and learns about Cancel through [`JobProgress`], and sends its outcome back over a channel
//! that the app drains once per frame. The UI thread never waits on a job.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use eframe::egui;

use crate::workspace::{
    ExportOutput, ImportReport, PreparedImport, Progress, WorkspaceError, WorkspaceInfo,
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
    /// An overdue post was placed in its best free slot (the editor's "Re-plan").
    /// A re-plan placed a draft (an edit in the log); what it did, in words.
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
    outcome: Receiver<JobOutcome>,
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

    /// Starts `work` on a new thread. Returns false (and starts nothing) while another job
    /// runs. `ctx` is woken when the job ends so its outcome is applied at once.
    pub fn start(
        &mut self,
        ctx: &egui::Context,
        title: &str,
        work: impl FnOnce(&dyn Progress) -> Result<JobDone, WorkspaceError> + Send + 'static,
    ) -> bool {
        if self.running.is_some() {
            return false;
        }
        let progress = Arc::new(JobProgress::new());
        let (sender, outcome) = mpsc::channel();
        let shared = Arc::clone(&progress);
        let ctx = ctx.clone();
        let job_title = title.to_string();
        let spawned = std::thread::Builder::new()
            .name(format!("job: {title}"))
            .spawn(move || {
                let result = work(shared.as_ref());
                // The window may have closed meanwhile; then nobody needs the outcome.
                let _ = sender.send(JobOutcome {
                    title: job_title,
                    result,
                });
                ctx.request_repaint();
            });
        if spawned.is_err() {
            return false;
        }
        self.running = Some(RunningJob {
            title: title.to_string(),
            progress,
            outcome,
        });
        true
    }

    /// The outcome of the running job once it has ended. Call once per frame.
    pub fn poll(&mut self, ctx: &egui::Context) -> Option<JobOutcome> {
        let job = self.running.as_ref()?;
        match job.outcome.try_recv() {
            Ok(outcome) => {
                self.running = None;
                Some(outcome)
            }
            Err(TryRecvError::Empty) => {
                ctx.request_repaint_after(PROGRESS_REFRESH);
                None
            }
            Err(TryRecvError::Disconnected) => {
                let title = job.title.clone();
                self.running = None;
                Some(JobOutcome {
                    title,
                    result: Err(WorkspaceError::Cancelled),
                })
            }
        }
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
