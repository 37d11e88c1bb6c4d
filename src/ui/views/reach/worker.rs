//! The Reach view's forecaster: one background thread with its own workspace connection that
//! fits the account (once per account and revision), forecasts the chosen draft in the chosen
//! slot with its drivers and hour-of-week heat map, ranks the ready drafts, and, when nothing
//! newer waits, runs the account's walk-forward backtest (kept while its videos are the same).
//! The view sends [`Request`]s and polls [`Reply`]s; the thread is a background [`Task`] that
//! wakes the window whenever it sends one, so the UI never waits on a fit or a forecast.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};

use chrono::{DateTime, Utc};
use eframe::egui;

use crate::domain::{Account, AccountId, Draft, DraftId, DraftStatus};
use crate::model::{AccountHistory, BacktestSummary, Forecast, ForecastContext, MIN_HISTORY};
use crate::ui::background::{Outbox, Stopped, Task};
use crate::workspace::{FORECAST_SEED, ForecastSession, SlotSource, Workspace, WorkspaceError};

/// Paths of a ranked draft's forecast (no drivers): enough to order drafts.
const RANKING_PATHS: usize = 2_000;

/// What the view wants forecast. Equal requests give equal replies.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub account: Account,
    pub revision: u64,
    pub draft: Option<DraftId>,
    /// `None`: the draft's plan entry, else the next full hour.
    pub at: Option<DateTime<Utc>>,
}

/// The chosen draft's forecast in its slot.
pub struct DraftForecast {
    pub draft: Draft,
    pub at: DateTime<Utc>,
    pub source: SlotSource,
    pub forecast: Forecast,
    /// Median first-day views for each hour of this week (account's zone, Monday first).
    pub heat_map: [f64; 168],
}

/// A ready draft with its predicted 30-day views.
#[derive(Debug, Clone, PartialEq)]
pub struct RankedDraft {
    pub id: DraftId,
    pub title: String,
    pub status: DraftStatus,
    pub at: DateTime<Utc>,
    pub source: SlotSource,
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
}

/// Everything but the accuracy, for one request.
pub struct Forecasts {
    pub request: Request,
    pub draft: Option<Result<DraftForecast, String>>,
    pub ranking: Vec<RankedDraft>,
    /// Mean active followers per hour of the week, when analytics hold them.
    pub audience: Option<[f64; 168]>,
    pub audience_weeks: u32,
}

/// The account's walk-forward accuracy: the summary and (log10 P50, log10 actual, inside
/// P10-P90) of every predicted video.
#[derive(Debug, Clone, PartialEq)]
pub struct AccountAccuracy {
    pub summary: BacktestSummary,
    pub points: Vec<([f64; 2], bool)>,
}

/// What the thread sends back.
pub enum Reply {
    Forecasts(Box<Result<Forecasts, String>>),
    Accuracy(AccountId, Box<Result<AccountAccuracy, String>>),
}

/// The view's handle on the thread; dropping it ends the thread.
pub struct Forecaster {
    requests: Sender<Request>,
    replies: Task<Reply>,
}

impl Forecaster {
    /// Starts the thread on the workspace file at `path`; `None` when no thread can start.
    pub fn start(path: PathBuf, ctx: &egui::Context) -> Option<Self> {
        let (requests, inbox) = mpsc::channel();
        let replies = Task::stream(ctx, "reach forecaster", move |outbox| {
            Thread::new(path, outbox).run(&inbox);
        })
        .ok()?;
        Some(Self { requests, replies })
    }

    /// Asks for a forecast; false when the thread has ended.
    pub fn send(&self, request: Request) -> bool {
        self.requests.send(request).is_ok()
    }

    /// The next reply, if one arrived; `Err` when the thread died.
    pub fn poll(&mut self) -> Option<Result<Reply, Stopped>> {
        self.replies.poll()
    }
}

/// The fitted account and the ranking, kept until the account or the revision changes.
struct Fitted {
    key: (AccountId, u64),
    session: ForecastSession,
    ranking: Vec<RankedDraft>,
}

struct Thread {
    outbox: Outbox<Reply>,
    /// The thread's own connection (SQLite readers do not block the window's writes).
    workspace: Result<Workspace, String>,
    context: ForecastContext,
    ranking_context: ForecastContext,
    fitted: Option<Fitted>,
    /// The last backtest, with the history it walked.
    accuracy: Option<(AccountId, AccountHistory, AccountAccuracy)>,
}

impl Thread {
    fn new(path: PathBuf, outbox: Outbox<Reply>) -> Self {
        let mut ranking_context = ForecastContext::with_paths(FORECAST_SEED, RANKING_PATHS);
        ranking_context.drivers = false;
        Self {
            outbox,
            workspace: Workspace::reopen(&path).map_err(|e| e.to_string()),
            context: ForecastContext::new(FORECAST_SEED),
            ranking_context,
            fitted: None,
            accuracy: None,
        }
    }

    fn run(mut self, inbox: &Receiver<Request>) {
        let mut next = None;
        loop {
            let request = match next.take() {
                Some(r) => r,
                None => match inbox.recv() {
                    Ok(r) => r,
                    Err(_) => return,
                },
            };
            let request = latest(inbox, request);
            let account = request.account.clone();
            let reply = self.forecasts(request);
            if !self.outbox.send(Reply::Forecasts(Box::new(reply))) {
                return;
            }
            // A newer request first; the backtest runs when the user pauses.
            match inbox.try_recv() {
                Ok(r) => {
                    next = Some(r);
                    continue;
                }
                Err(TryRecvError::Disconnected) => return,
                Err(TryRecvError::Empty) => {}
            }
            // The backtest refits once per past video; a newer request ends it (it runs
            // again when the user pauses), so the forecast never waits behind it.
            let mut newer = None;
            let mut gone = false;
            let accuracy = self.accuracy(&account, &mut || {
                match inbox.try_recv() {
                    Ok(r) => newer = Some(r),
                    Err(TryRecvError::Disconnected) => gone = true,
                    Err(TryRecvError::Empty) => {}
                }
                newer.is_some() || gone
            });
            if gone {
                return;
            }
            let Some(accuracy) = accuracy else {
                next = newer;
                continue;
            };
            if !self
                .outbox
                .send(Reply::Accuracy(account.id, Box::new(accuracy)))
            {
                return;
            }
        }
    }

    fn forecasts(&mut self, request: Request) -> Result<Forecasts, String> {
        let workspace = self.workspace.as_ref().map_err(Clone::clone)?;
        let now = Utc::now();
        let key = (request.account.id, request.revision);
        let fitted = match self.fitted.take() {
            Some(fitted) if fitted.key == key => fitted,
            _ => {
                let session = workspace
                    .forecast_session(&request.account, now)
                    .map_err(|e| e.to_string())?;
                let ranking = rank(workspace, &session, &self.ranking_context, &request, now)
                    .map_err(|e| e.to_string())?;
                Fitted {
                    key,
                    session,
                    ranking,
                }
            }
        };
        let draft = request.draft.map(|id| {
            forecast_draft(workspace, &fitted.session, &self.context, id, &request, now)
                .map_err(|e| e.to_string())
        });
        let audience = fitted.session.model.audience();
        let forecasts = Forecasts {
            draft,
            ranking: fitted.ranking.clone(),
            audience: audience.activity().copied(),
            audience_weeks: audience.weeks(),
            request,
        };
        self.fitted = Some(fitted);
        Ok(forecasts)
    }

    /// The account's backtest; `None` when `stop` ended it early.
    fn accuracy(
        &mut self,
        account: &Account,
        stop: &mut dyn FnMut() -> bool,
    ) -> Option<Result<AccountAccuracy, String>> {
        let workspace = match self.workspace.as_ref() {
            Ok(workspace) => workspace,
            Err(e) => return Some(Err(e.clone())),
        };
        let history = match workspace.account_history(account) {
            Ok(history) => history,
            Err(e) => return Some(Err(e.to_string())),
        };
        if let Some((id, walked, accuracy)) = &self.accuracy
            && *id == account.id
            && *walked == history
        {
            return Some(Ok(accuracy.clone()));
        }
        let result =
            crate::model::backtest_unless(std::slice::from_ref(&history), MIN_HISTORY, stop)?;
        let log = |v: f64| v.max(1.0).log10();
        let accuracy = AccountAccuracy {
            summary: result.overall,
            points: result
                .rows
                .iter()
                .map(|r| {
                    let inside = r.actual_views >= r.p10 && r.actual_views <= r.p90;
                    ([log(r.p50), log(r.actual_views)], inside)
                })
                .collect(),
        };
        self.accuracy = Some((account.id, history, accuracy.clone()));
        Some(Ok(accuracy))
    }
}

/// The newest of the waiting requests (older ones are out of date).
fn latest(inbox: &Receiver<Request>, mut request: Request) -> Request {
    while let Ok(newer) = inbox.try_recv() {
        request = newer;
    }
    request
}

fn forecast_draft(
    workspace: &Workspace,
    session: &ForecastSession,
    context: &ForecastContext,
    id: DraftId,
    request: &Request,
    now: DateTime<Utc>,
) -> Result<DraftForecast, WorkspaceError> {
    let draft = workspace.draft(id)?;
    let (at, source) = workspace.forecast_slot(&draft, request.at, now)?;
    let forecast = session.forecast(&draft, at, context);
    let heat_map = session.heat_map(&draft, now, context);
    Ok(DraftForecast {
        draft,
        at,
        source,
        forecast,
        heat_map,
    })
}

/// The approved and scheduled drafts by predicted 30-day median, largest first.
fn rank(
    workspace: &Workspace,
    session: &ForecastSession,
    context: &ForecastContext,
    request: &Request,
    now: DateTime<Utc>,
) -> Result<Vec<RankedDraft>, WorkspaceError> {
    let mut ranked = Vec::new();
    for draft in workspace.drafts(request.account.id)? {
        if !matches!(draft.status, DraftStatus::Approved | DraftStatus::Scheduled) {
            continue;
        }
        let (at, source) = workspace.forecast_slot(&draft, None, now)?;
        let q = session
            .forecast(&draft, at, context)
            .quantiles_at(crate::model::FINAL_HOURS);
        ranked.push(RankedDraft {
            id: draft.id,
            title: draft.display_title().to_string(),
            status: draft.status,
            at,
            source,
            p10: q.p10,
            p50: q.p50,
            p90: q.p90,
        });
    }
    ranked.sort_by(|a, b| b.p50.total_cmp(&a.p50).then(a.id.cmp(&b.id)));
    Ok(ranked)
}
