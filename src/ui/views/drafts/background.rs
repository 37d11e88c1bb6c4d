//! The drafts table's background work: the findings of every draft (one [`CheckSession`] per
//! load) and the predicted median reach (the account's fitted model, 1,000 paths per draft),
//! computed on a thread the view owns, on its own connection to the workspace file, and sent
//! back in chunks so the table fills in while the user works. A newer load or closing the view
//! cancels it.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};

use chrono::{DateTime, Utc};
use eframe::egui;

use crate::domain::{Account, Draft, DraftId, DraftStatus};
use crate::model::ForecastContext;
use crate::ui::widgets::draft_rows::{FindingSummary, Prediction};
use crate::workspace::{CheckSession, FORECAST_SEED, ForecastSession, Workspace};

/// Paths per forecast: enough for a stable median, cheap enough for 10,000 drafts.
const PATHS: usize = 1_000;
/// Drafts per message: the table updates a few times a second, not once per draft.
const CHUNK: usize = 200;

/// What the thread sends back.
pub(super) enum Computed {
    Findings(Vec<(DraftId, FindingSummary)>),
    Predictions(Vec<(DraftId, Prediction)>),
    /// Something could not be computed; the message says what and why.
    Problem(String),
    /// Everything is sent.
    Finished,
}

/// What the thread works on.
pub(super) struct Request {
    pub path: PathBuf,
    pub account: Account,
    pub now: DateTime<Utc>,
    pub drafts: Arc<Vec<Draft>>,
    /// The planned instant of each planned draft (others are forecast as posted now).
    pub slots: HashMap<DraftId, DateTime<Utc>>,
}

/// The running computation; dropping it cancels the thread.
pub(super) struct Background {
    receiver: Receiver<Computed>,
    cancel: Arc<AtomicBool>,
}

impl Background {
    /// Starts the thread; `ctx` is asked to repaint whenever results arrive.
    pub fn start(ctx: &egui::Context, request: Request) -> Self {
        let (sender, receiver) = mpsc::channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let worker = Worker {
            sender: sender.clone(),
            cancel: Arc::clone(&cancel),
            ctx: ctx.clone(),
        };
        let spawned = std::thread::Builder::new()
            .name("drafts-table".to_string())
            .spawn(move || worker.run(&request));
        if let Err(e) = spawned {
            let _ = sender.send(Computed::Problem(format!(
                "Could not start the background checks: {e}"
            )));
            let _ = sender.send(Computed::Finished);
        }
        Self { receiver, cancel }
    }

    /// Everything that arrived since the last poll.
    pub fn poll(&self) -> Vec<Computed> {
        self.receiver.try_iter().collect()
    }
}

impl Drop for Background {
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

struct Worker {
    sender: Sender<Computed>,
    cancel: Arc<AtomicBool>,
    ctx: egui::Context,
}

impl Worker {
    /// Sends `message`; false when the view no longer listens.
    fn send(&self, message: Computed) -> bool {
        if self.cancel.load(Ordering::Relaxed) {
            return false;
        }
        let sent = self.sender.send(message).is_ok();
        self.ctx.request_repaint();
        sent
    }

    fn run(self, request: &Request) {
        let workspace = match Workspace::open(&request.path) {
            Ok(w) => w,
            Err(e) => {
                self.send(Computed::Problem(format!(
                    "Could not check the drafts: {e}"
                )));
                self.send(Computed::Finished);
                return;
            }
        };
        let forecasting = workspace.forecast_session(&request.account, request.now);
        let fallback;
        let checks: &CheckSession = match &forecasting {
            Ok(session) => session.checks(),
            Err(_) => match workspace.check_session(request.account.id, request.now) {
                Ok(session) => {
                    fallback = session;
                    &fallback
                }
                Err(e) => {
                    self.send(Computed::Problem(format!(
                        "Could not check the drafts: {e}"
                    )));
                    self.send(Computed::Finished);
                    return;
                }
            },
        };
        if !self.findings(checks, &request.drafts) {
            return;
        }
        match &forecasting {
            Ok(session) => {
                if !self.predictions(session, request) {
                    return;
                }
            }
            Err(e) => {
                let all = request.drafts.iter().map(|d| (d.id, Prediction::Failed));
                self.send(Computed::Predictions(all.collect()));
                self.send(Computed::Problem(format!(
                    "Predicted reach is not available: {e}"
                )));
            }
        }
        self.send(Computed::Finished);
    }

    /// Checks every draft; false when cancelled.
    fn findings(&self, checks: &CheckSession, drafts: &[Draft]) -> bool {
        drafts.chunks(CHUNK).all(|chunk| {
            let found = chunk
                .iter()
                .map(|d| (d.id, FindingSummary::of(&checks.check(d))))
                .collect();
            self.send(Computed::Findings(found))
        })
    }

    /// Forecasts every draft that is not posted yet; false when cancelled.
    fn predictions(&self, session: &ForecastSession, request: &Request) -> bool {
        let mut context = ForecastContext::with_paths(FORECAST_SEED, PATHS);
        context.drivers = false;
        let has_model = session.model.videos() > 0;
        request.drafts.chunks(CHUNK).all(|chunk| {
            let predicted = chunk
                .iter()
                .map(|d| {
                    let prediction = if d.status == DraftStatus::Posted {
                        Prediction::Posted
                    } else if !has_model {
                        Prediction::NoModel
                    } else {
                        let at = request.slots.get(&d.id).copied().unwrap_or(request.now);
                        Prediction::Median(session.forecast(d, at, &context).final_p50())
                    };
                    (d.id, prediction)
                })
                .collect();
            self.send(Computed::Predictions(predicted))
        })
    }
}
