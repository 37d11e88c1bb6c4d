//! The drafts table's background work: the findings of every draft (one [`CheckSession`] per
//! load) and the predicted median reach (the account's fitted model, 1,000 paths per draft),
//! computed on one background [`Task`] the view owns, with its own connection to the workspace
//! file (opened once and kept), and sent back in chunks so the table fills in while the user
//! works. Each load is a new request; a newer request makes the thread drop the older one
//! between chunks, and dropping the view ends the thread.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};

use chrono::{DateTime, Utc};
use eframe::egui;

use crate::checks::Finding;
use crate::domain::{Account, Draft, DraftId, DraftStatus};
use crate::model::{DraftFeatures, ForecastContext};
use crate::ui::background::{Outbox, Task};
use crate::ui::widgets::draft_rows::{FindingSummary, Prediction};
use crate::workspace::{CheckSession, FORECAST_SEED, ForecastSession, Workspace};

/// Paths per forecast: enough for a stable median, cheap enough for 10,000 drafts.
const PATHS: usize = 1_000;
/// Drafts per message: the table updates a few times a second, not once per draft.
const CHUNK: usize = 200;
/// Messages taken in one frame: what piled up while the view was not shown (up to 100 for
/// 10,000 drafts) is merged over a few frames, not in one long one.
const PER_FRAME: usize = 10;
/// Shown when the checks' thread, or one of its helpers, died.
const STOPPED: &str =
    "The background checks stopped unexpectedly: some findings or forecasts are missing.";

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

/// The thread and the two channels to it.
pub(super) struct Background {
    /// Asked to repaint when messages are left for the next frame.
    ctx: egui::Context,
    requests: Sender<(u64, Request)>,
    /// The thread, or why there is none (it could not start, or it died).
    thread: Result<Task<(u64, Computed)>, String>,
    /// The newest request; the thread abandons any other.
    latest: Arc<AtomicU64>,
    /// A request no thread will answer: the next poll says why instead.
    unanswered: bool,
}

impl Background {
    /// Starts the thread; `ctx` is asked to repaint whenever results arrive.
    pub fn start(ctx: &egui::Context) -> Self {
        let (requests, inbox) = mpsc::channel();
        let latest = Arc::new(AtomicU64::new(0));
        let shared = Arc::clone(&latest);
        let thread = Task::stream(ctx, "drafts-table", move |outbox| {
            let mut worker = Worker {
                outbox,
                latest: shared,
                generation: 0,
                workspace: None,
            };
            worker.serve(&inbox);
        })
        .map_err(|e| format!("Could not start the background checks: {e}"));
        Self {
            ctx: ctx.clone(),
            requests,
            unanswered: thread.is_err(),
            thread,
            latest,
        }
    }

    /// Asks for the findings and forecasts of a fresh load; earlier requests are dropped.
    pub fn request(&mut self, request: Request) {
        let generation = self.latest.fetch_add(1, Ordering::SeqCst) + 1;
        if self.thread.is_err() || self.requests.send((generation, request)).is_err() {
            self.unanswered = true;
        }
    }

    /// What arrived for the newest request since the last poll, at most [`PER_FRAME`]
    /// messages (the rest are taken in the next frames).
    pub fn poll(&mut self) -> Vec<Computed> {
        let latest = self.latest.load(Ordering::SeqCst);
        let mut computed = Vec::new();
        if let Ok(thread) = &mut self.thread {
            while computed.len() < PER_FRAME {
                let Some(arrived) = thread.poll() else {
                    break;
                };
                match arrived {
                    Ok((generation, c)) if generation >= latest => computed.push(c),
                    Ok(_older) => {}
                    Err(_stopped) => {
                        self.thread = Err(STOPPED.to_string());
                        self.unanswered = true;
                        break;
                    }
                }
            }
            if computed.len() == PER_FRAME {
                self.ctx.request_repaint();
            }
        }
        if let (true, Err(why)) = (self.unanswered, &self.thread) {
            computed.push(Computed::Problem(why.clone()));
            computed.push(Computed::Finished);
            self.unanswered = false;
        }
        computed
    }
}

struct Worker {
    outbox: Outbox<(u64, Computed)>,
    latest: Arc<AtomicU64>,
    /// The request being worked on.
    generation: u64,
    /// The thread's own connection, opened on the first request.
    workspace: Option<Workspace>,
}

impl Worker {
    /// Serves requests until the view drops its end, always the newest one queued.
    fn serve(&mut self, inbox: &Receiver<(u64, Request)>) {
        while let Ok(mut next) = inbox.recv() {
            while let Ok(newer) = inbox.try_recv() {
                next = newer;
            }
            let (generation, request) = next;
            self.generation = generation;
            let reopen = self
                .workspace
                .as_ref()
                .is_none_or(|w| w.path() != request.path);
            if reopen {
                match Workspace::reopen(&request.path) {
                    Ok(w) => self.workspace = Some(w),
                    Err(e) => {
                        self.send(Computed::Problem(format!(
                            "Could not check the drafts: {e}"
                        )));
                        self.send(Computed::Finished);
                        continue;
                    }
                }
            }
            if let Some(workspace) = &self.workspace {
                self.run(workspace, &request);
            }
        }
    }

    /// Sends `message` for the current request; false when a newer request replaced it or
    /// the view no longer listens.
    fn send(&self, message: Computed) -> bool {
        if self.latest.load(Ordering::SeqCst) != self.generation {
            return false;
        }
        self.outbox.send((self.generation, message))
    }

    fn run(&self, workspace: &Workspace, request: &Request) {
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
        let Some(findings) = self.findings(checks, &request.drafts) else {
            return;
        };
        match &forecasting {
            Ok(session) => {
                if !self.predictions(session, request, &findings) {
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

    /// Tells the view a helper thread failed: what is shown may be incomplete.
    fn stopped(&self) {
        self.send(Computed::Problem(STOPPED.to_string()));
        self.send(Computed::Finished);
    }

    /// Checks every draft, chunk by chunk on every spare core, sending the summaries; the
    /// findings (in the drafts' order) feed the forecasts. `None` when cancelled.
    fn findings(&self, checks: &CheckSession, drafts: &[Draft]) -> Option<Vec<Vec<Finding>>> {
        let mut all = Vec::with_capacity(drafts.len());
        for chunk in drafts.chunks(CHUNK) {
            let Some(found) = spread(chunk, |d| checks.check(d)) else {
                self.stopped();
                return None;
            };
            let summaries = chunk
                .iter()
                .zip(&found)
                .map(|(d, f)| (d.id, FindingSummary::of(f)))
                .collect();
            if !self.send(Computed::Findings(summaries)) {
                return None;
            }
            all.extend(found);
        }
        Some(all)
    }

    /// Forecasts every draft that is not posted yet with the findings already computed;
    /// false when cancelled.
    fn predictions(
        &self,
        session: &ForecastSession,
        request: &Request,
        findings: &[Vec<Finding>],
    ) -> bool {
        let mut context = ForecastContext::with_paths(FORECAST_SEED, PATHS);
        context.drivers = false;
        let has_model = session.model.videos() > 0;
        let drafts: Vec<(&Draft, &[Finding])> = request
            .drafts
            .iter()
            .zip(findings)
            .map(|(d, f)| (d, f.as_slice()))
            .collect();
        drafts.chunks(CHUNK).all(|chunk| {
            let predict = |(d, found): &(&Draft, &[Finding])| {
                if d.status == DraftStatus::Posted {
                    Prediction::Posted
                } else if !has_model {
                    Prediction::NoModel
                } else {
                    let at = request.slots.get(&d.id).copied().unwrap_or(request.now);
                    let features =
                        DraftFeatures::from_draft(d, &session.trends).with_findings(found);
                    let forecast = session
                        .model
                        .forecast(&features, session.slot(at), &context);
                    Prediction::Median(forecast.final_p50())
                }
            };
            let Some(predicted) = spread(chunk, predict) else {
                self.stopped();
                return false;
            };
            let ids = chunk.iter().map(|(d, _)| d.id);
            self.send(Computed::Predictions(ids.zip(predicted).collect()))
        })
    }
}

/// `work` on every item, spread over the spare cores (all but one, which the window keeps),
/// results in the items' order; `None` when a helper thread failed.
fn spread<T: Sync, R: Send>(items: &[T], work: impl Fn(&T) -> R + Sync) -> Option<Vec<R>> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let threads = cores.saturating_sub(1).max(1);
    if threads == 1 || items.len() < 2 * threads {
        return Some(items.iter().map(&work).collect());
    }
    let per = items.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let parts: Vec<_> = items
            .chunks(per)
            .map(|part| scope.spawn(|| part.iter().map(&work).collect::<Vec<R>>()))
            .collect();
        let mut all = Vec::with_capacity(items.len());
        for part in parts {
            all.extend(part.join().ok()?);
        }
        Some(all)
    })
}
