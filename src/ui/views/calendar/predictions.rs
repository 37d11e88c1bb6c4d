//! The predicted 30-day views range of every shown post, from the account's fitted model at the
//! post's slot. Fitting takes a moment, so it runs on a background [`Task`] the view owns each
//! time the shown data is read again (after a move, the moved post's range follows); until it
//! answers, posts show without a range.
//! While a post is dragged in the Week view, its range at the target is worked out the same
//! way once the target rests for a moment, so the ghost shows it before the drop.

use std::collections::HashMap;
use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use eframe::egui;

use super::data::CalendarData;
use crate::domain::{AccountId, DraftId, DraftStatus, PlanEntry, PlanEntryId};
use crate::model::{FINAL_HOURS, ForecastContext};
use crate::ui::background::Task;
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

/// Posts to forecast, each with its account (the all-accounts calendar holds several).
type Posts = Vec<(AccountId, PlanEntryId, DraftId, DateTime<Utc>)>;

fn forecast(
    workspace: &Workspace,
    posts: Posts,
    now: DateTime<Utc>,
) -> Result<Ranges, WorkspaceError> {
    let mut accounts: Vec<AccountId> = posts.iter().map(|p| p.0).collect();
    accounts.sort();
    accounts.dedup();
    let mut ranges = Ranges::new();
    for account in accounts {
        let own = posts
            .iter()
            .filter(|p| p.0 == account)
            .map(|p| (p.1, p.2, p.3))
            .collect();
        ranges.extend(forecast_account(workspace, account, own, now)?);
    }
    Ok(ranges)
}

fn forecast_account(
    workspace: &Workspace,
    account: AccountId,
    posts: Vec<(PlanEntryId, DraftId, DateTime<Utc>)>,
    now: DateTime<Utc>,
) -> Result<Ranges, WorkspaceError> {
    let account = workspace.account(account)?;
    let session = workspace.forecast_session(&account, now)?;
    let mut context = ForecastContext::with_paths(FORECAST_SEED, PATHS);
    context.drivers = false;
    let mut ranges = Ranges::new();
    // Only the drafts of the posts shown: a team's account has thousands.
    for (entry, draft, at) in posts {
        let Some(draft) = workspace.live_draft(draft)? else {
            continue;
        };
        let q = session
            .forecast(&draft, at, &context)
            .quantiles_at(FINAL_HOURS);
        ranges.insert((entry, at), range_text(q.p10, q.p90));
    }
    Ok(ranges)
}

/// How long a dragged post rests on a target before its range there is worked out.
const PREVIEW_PAUSE: Duration = Duration::from_millis(200);

/// A post and the instant it would be posted at if dropped where it is being dragged.
pub type Target = (PlanEntryId, DraftId, DateTime<Utc>);

/// The ranges of the shown posts, and the threads that work them out.
#[derive(Default)]
pub struct Predictions {
    ranges: Ranges,
    job: Option<Task<Result<Ranges, WorkspaceError>>>,
    failed: Option<String>,
    /// The drag target asked for and since when (it is worked out once it rests there).
    wanted: Option<(Target, Instant)>,
    /// The drag target being worked out.
    preview: Option<(Target, Task<Result<Ranges, WorkspaceError>>)>,
}

/// Forecasts `posts` on a thread of their own (`None` when it cannot start: no ranges then).
fn spawn(
    ctx: &egui::Context,
    path: &Path,
    posts: Posts,
) -> Option<Task<Result<Ranges, WorkspaceError>>> {
    let now = Utc::now();
    Task::on_workspace(ctx, "calendar forecasts", path, move |workspace| {
        forecast(workspace, posts, now)
    })
    .ok()
}

impl Predictions {
    /// Starts forecasting the posts of freshly read `data` (a running forecast's answer is
    /// dropped: it was for data no longer shown).
    pub fn start(&mut self, ctx: &egui::Context, workspace: &Workspace, data: &CalendarData) {
        let posts: Vec<_> = data
            .entries
            .iter()
            .filter(|e| e.status.is_some_and(|s| s != DraftStatus::Posted))
            .map(|e| (e.entry.account, e.entry.id, e.entry.draft, e.entry.instant))
            .collect();
        self.job = None;
        if posts.is_empty() {
            return;
        }
        self.job = spawn(ctx, workspace.path(), posts);
    }

    /// Asks for the range of a post being dragged, at its target: worked out on a thread once
    /// the target has rested for a moment, so the ghost can show it while the drag goes on.
    pub fn want(
        &mut self,
        ctx: &egui::Context,
        workspace: &Workspace,
        account: AccountId,
        target: Target,
    ) {
        let (entry, _, at) = target;
        if self.ranges.contains_key(&(entry, at))
            || self.preview.as_ref().is_some_and(|(t, _)| *t == target)
        {
            return;
        }
        match self.wanted {
            Some((wanted, since)) if wanted == target => {
                if since.elapsed() >= PREVIEW_PAUSE {
                    self.wanted = None;
                    let posts = vec![(account, target.0, target.1, target.2)];
                    self.preview = spawn(ctx, workspace.path(), posts).map(|t| (target, t));
                } else {
                    ctx.request_repaint_after(PREVIEW_PAUSE);
                }
            }
            _ => {
                self.wanted = Some((target, Instant::now()));
                ctx.request_repaint_after(PREVIEW_PAUSE);
            }
        }
    }

    /// Picks up the threads' answers.
    pub fn poll(&mut self, ctx: &egui::Context) {
        if let Some((_, preview)) = &mut self.preview {
            match preview.poll() {
                Some(Ok(Ok(ranges))) => {
                    self.ranges.extend(ranges);
                    self.preview = None;
                }
                Some(Ok(Err(_)) | Err(_)) => self.preview = None,
                None => ctx.request_repaint_after(Duration::from_millis(150)),
            }
        }
        let Some(job) = &mut self.job else {
            return;
        };
        match job.poll() {
            Some(Ok(Ok(ranges))) => {
                self.ranges = ranges;
                self.failed = None;
                self.job = None;
            }
            Some(Ok(Err(e))) => {
                self.failed = Some(e.to_string());
                self.job = None;
            }
            // A thread that died leaves the posts without ranges, as it always has.
            Some(Err(_stopped)) => self.job = None,
            None => ctx.request_repaint_after(Duration::from_millis(150)),
        }
    }

    /// The range of a post at its current time, once known.
    pub fn of(&self, entry: &PlanEntry) -> Option<&str> {
        self.at(entry.id, entry.instant)
    }

    /// The range of a post if posted at `instant`, once known.
    pub fn at(&self, entry: PlanEntryId, instant: DateTime<Utc>) -> Option<&str> {
        self.ranges.get(&(entry, instant)).map(String::as_str)
    }

    /// Why no ranges could be worked out, if so.
    pub fn failed(&self) -> Option<&str> {
        self.failed.as_deref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace::demo_in_temporary_folder;

    /// A dragged post's range at its target arrives once the target has rested, without
    /// waiting for a drop and without touching the ranges of the other posts.
    #[test]
    fn a_resting_drag_target_gets_its_range() {
        let (_dir, workspace, account) = demo_in_temporary_folder();
        let far = chrono::Duration::days(3650);
        let now = Utc::now();
        let entry = workspace
            .plan_entries(account.id, now - far, now + far)
            .unwrap()
            .remove(0);
        let target = (
            entry.id,
            entry.draft,
            entry.instant + chrono::Duration::hours(3),
        );
        let ctx = egui::Context::default();
        let mut predictions = Predictions::default();
        predictions.want(&ctx, &workspace, account.id, target);
        assert!(predictions.preview.is_none(), "not before the target rests");
        std::thread::sleep(PREVIEW_PAUSE + Duration::from_millis(20));
        predictions.want(&ctx, &workspace, account.id, target);
        assert!(predictions.preview.is_some(), "worked out once it rested");
        let start = Instant::now();
        while predictions.at(target.0, target.2).is_none() {
            assert!(start.elapsed() < Duration::from_secs(120), "no range came");
            std::thread::sleep(Duration::from_millis(20));
            predictions.poll(&ctx);
        }
        let range = predictions.at(target.0, target.2).unwrap();
        assert!(range.ends_with("views in 30 days"), "{range}");
        assert!(
            predictions.of(&entry).is_none(),
            "the post's own slot is not guessed"
        );
    }
}
