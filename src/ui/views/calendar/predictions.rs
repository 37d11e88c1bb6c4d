//! The predicted 30-day views range of every shown post, from the account's fitted model at the
//! post's slot. Fitting takes a moment, so it runs on a thread the view owns each time the shown
//! data is read again (after a move, the moved post's range follows); until it answers, posts
//! show without a range.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::Duration;

use chrono::{DateTime, Utc};
use eframe::egui;

use super::data::CalendarData;
use crate::domain::{AccountId, DraftId, DraftStatus, PlanEntry, PlanEntryId};
use crate::model::{FINAL_HOURS, ForecastContext};
use crate::ui::widgets::format::compact_count;
use crate::workspace::{FORECAST_SEED, Workspace, WorkspaceError};

/// Paths per post: enough for a range rounded to two figures.
const PATHS: usize = 400;

/// `1.2K–8.5K views`: a range as a post shows it.
pub fn range_text(p10: f64, p90: f64) -> String {
    format!(
        "{}–{} views in 30 days",
        compact_count(p10.round() as i64),
        compact_count(p90.round() as i64)
    )
}

/// Ranges by entry and the instant they were forecast for (a moved post waits for its own).
type Ranges = HashMap<(PlanEntryId, DateTime<Utc>), String>;

fn forecast(
    path: PathBuf,
    account: AccountId,
    posts: Vec<(PlanEntryId, DraftId, DateTime<Utc>)>,
    now: DateTime<Utc>,
) -> Result<Ranges, WorkspaceError> {
    let workspace = Workspace::open(&path)?;
    let account = workspace.store().account(account)?;
    let session = workspace.forecast_session(&account, now)?;
    let drafts: HashMap<DraftId, _> = workspace
        .store()
        .drafts(account.id)?
        .into_iter()
        .map(|d| (d.id, d))
        .collect();
    let mut context = ForecastContext::with_paths(FORECAST_SEED, PATHS);
    context.drivers = false;
    Ok(posts
        .into_iter()
        .filter_map(|(entry, draft, at)| {
            let q = session
                .forecast(drafts.get(&draft)?, at, &context)
                .quantiles_at(FINAL_HOURS);
            Some(((entry, at), range_text(q.p10, q.p90)))
        })
        .collect())
}

/// The ranges of the shown posts, and the thread that works them out.
#[derive(Default)]
pub struct Predictions {
    ranges: Ranges,
    job: Option<Receiver<Result<Ranges, WorkspaceError>>>,
    failed: Option<String>,
}

impl Predictions {
    /// Starts forecasting the posts of freshly read `data` (a running forecast's answer is
    /// dropped: it was for data no longer shown).
    pub fn start(
        &mut self,
        ctx: &egui::Context,
        workspace: &Workspace,
        account: AccountId,
        data: &CalendarData,
    ) {
        let posts: Vec<_> = data
            .entries
            .iter()
            .filter(|e| e.status.is_some_and(|s| s != DraftStatus::Posted))
            .map(|e| (e.entry.id, e.entry.draft, e.entry.instant))
            .collect();
        self.job = None;
        if posts.is_empty() {
            return;
        }
        let (send, receive) = mpsc::channel();
        let path = workspace.path().to_path_buf();
        let ctx = ctx.clone();
        let now = Utc::now();
        let spawned = std::thread::Builder::new()
            .name("calendar forecasts".into())
            .spawn(move || {
                let _ = send.send(forecast(path, account, posts, now));
                ctx.request_repaint();
            });
        if spawned.is_ok() {
            self.job = Some(receive);
        }
    }

    /// Picks up the thread's answer.
    pub fn poll(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.job else {
            return;
        };
        match job.try_recv() {
            Ok(Ok(ranges)) => {
                self.ranges = ranges;
                self.failed = None;
                self.job = None;
            }
            Ok(Err(e)) => {
                self.failed = Some(e.to_string());
                self.job = None;
            }
            Err(TryRecvError::Empty) => ctx.request_repaint_after(Duration::from_millis(150)),
            Err(TryRecvError::Disconnected) => self.job = None,
        }
    }

    /// The range of a post at its current time, once known.
    pub fn of(&self, entry: &PlanEntry) -> Option<&str> {
        self.ranges
            .get(&(entry.id, entry.instant))
            .map(String::as_str)
    }

    /// Why no ranges could be worked out, if so.
    pub fn failed(&self) -> Option<&str> {
        self.failed.as_deref()
    }
}
