//! Planning from the workspace: reads an account's drafts, plan, cadence, audience profile and
//! trend lists, scores every candidate draft in every candidate slot with the account's fitted
//! model, runs the pure [`crate::schedule`] planner and writes its answer in one transaction
//! (or not at all, for a dry run).
//!
//! Three entry points share one path: [`Workspace::plan_range`] fills a date range (and
//! re-plans it: unpinned entries in the range are placed again, pinned ones stay),
//! [`Workspace::place_in_best_free_slot`] places one draft around everything already planned,
//! and [`Workspace::subculture_mix`] / [`Workspace::set_subculture_mix`] keep the cadence's
//! subculture mix beside the account.

mod changes;
mod inputs;
mod near_duplicates;
#[cfg(test)]
mod tests;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::{Edit, Outcome, Workspace, WorkspaceError};
use crate::domain::{AccountId, DraftId};
use crate::schedule::{CadenceRules, SubcultureMix, auto_plan};
use crate::store::{Store, StoreError};

/// Similarity of two captions (0..1, see `checks::caption_similarity`) from which the planner
/// keeps the drafts apart. Lower than the checks' duplicate threshold: these are drafts on the
/// same idea, not copies.
pub const NEAR_DUPLICATE_SIMILARITY: f64 = 0.5;

/// The age at which a slot's score is read: the median views of the first 24 hours, the
/// Reach view's heat-map horizon. The posting hour acts on how fast views arrive and on the
/// followers online, so it shows in the first day; by 30 days the model's reach barely
/// depends on the hour (only the Following-feed share does), and planning on it would
/// place drafts almost at random within a day.
pub const SCORE_HOURS: f64 = 24.0;

/// Paths per draft for the slot scores (one heat-map simulation per draft).
pub const PLANNING_PATHS: usize = 400;

/// The longest range one planning run covers, in days (a year, leap day included): longer
/// ranges are refused before anything is read, so time and memory stay bounded.
pub const MAX_PLAN_DAYS: i64 = 366;

/// What to plan.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct PlanRequest {
    pub account: AccountId,
    /// First and last local date, both included.
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Posts a day for this run instead of the account's cadence.
    pub per_day: Option<u8>,
    /// Work out the plan but write nothing.
    pub dry_run: bool,
}

/// What became of an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PlacementChange {
    /// A new entry.
    New,
    /// An existing entry moved to another time.
    Moved,
    /// An existing entry stayed at its time.
    Kept,
}

/// One post of the plan as reported.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlannedPost {
    pub draft_id: i64,
    pub title: String,
    /// Local wall time in the account's zone, `YYYY-MM-DDTHH:MM`.
    pub wall_time: String,
    pub zone: String,
    pub instant: DateTime<Utc>,
    /// The model's median views in the first 24 hours ([`SCORE_HOURS`]) in this slot.
    pub predicted_median_24h: f64,
    pub reason: String,
    pub uid: String,
    pub change: PlacementChange,
}

/// A draft that did not get a slot.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unplaced {
    pub draft_id: i64,
    pub title: String,
}

/// The answer of a planning run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanReport {
    pub account: String,
    pub zone: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub posts_per_day: u8,
    /// Where the best times come from (the account's audience or the general prior).
    pub best_times: String,
    pub placements: Vec<PlannedPost>,
    /// Entries in the range left where they are (pinned, posted, or not part of this run).
    pub kept: usize,
    /// Drafts whose unpinned entry in the range was taken out of the plan.
    pub removed: Vec<Unplaced>,
    pub unplaced: Vec<Unplaced>,
    /// Wall times skipped because a clock change makes them ambiguous or missing, with both
    /// choices: place a draft there by hand and pick one.
    pub needs_choice: Vec<String>,
    pub warnings: Vec<String>,
    /// Sum of the placements' median first-day views.
    pub total_predicted_median_24h: f64,
    pub written: bool,
}

/// Which drafts a run may place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope {
    /// Every approved draft without a slot, and the unpinned entries in the range.
    Range,
    /// Only this draft; everything else planned stays.
    One(DraftId),
}

/// Settings key of an account's subculture mix.
pub fn subculture_mix_key(account: AccountId) -> String {
    format!("subculture_mix.{}", account.0)
}

/// The account's subculture mix as `store` holds it (empty when never set or unreadable).
pub(crate) fn read_subculture_mix(
    store: &Store,
    account: AccountId,
) -> Result<SubcultureMix, StoreError> {
    Ok(store
        .setting(&subculture_mix_key(account))?
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default())
}

/// Writes the account's subculture mix into `store` (the UI's undoable edit goes through here).
pub(crate) fn write_subculture_mix(
    store: &mut Store,
    account: AccountId,
    mix: &SubcultureMix,
) -> Result<(), StoreError> {
    let json = serde_json::to_string(mix).unwrap_or_else(|_| "{}".into());
    store.set_setting(&subculture_mix_key(account), &json)
}

impl Workspace {
    /// The account's subculture mix (empty when never set or unreadable).
    pub fn subculture_mix(&self, account: AccountId) -> Result<SubcultureMix, WorkspaceError> {
        Ok(read_subculture_mix(self.store(), account)?)
    }

    /// Stores the account's subculture mix.
    pub fn set_subculture_mix(
        &mut self,
        account: AccountId,
        mix: &SubcultureMix,
    ) -> Result<(), WorkspaceError> {
        Ok(write_subculture_mix(self.store_mut(), account, mix)?)
    }

    /// Fills (or re-plans) `from..=to` for the account, as of `now`.
    pub fn plan_range(
        &mut self,
        request: &PlanRequest,
        now: DateTime<Utc>,
    ) -> Result<PlanReport, WorkspaceError> {
        let mut reports = self.plan_accounts(std::slice::from_ref(request), now)?;
        Ok(reports.remove(0))
    }

    /// Fills (or re-plans) a range for each request's account as one run: the reads and writes
    /// of every account form one transaction that holds the write lock from its first read, so
    /// two runs at once never place a draft twice, and a run stopped halfway (an error, a
    /// killed process) leaves every account as it was. A dry run writes nothing.
    pub fn plan_accounts(
        &mut self,
        requests: &[PlanRequest],
        now: DateTime<Utc>,
    ) -> Result<Vec<PlanReport>, WorkspaceError> {
        for request in requests {
            check_request(request)?;
        }
        if requests.iter().all(|r| r.dry_run) {
            return requests
                .iter()
                .map(|request| self.run_plan(request, Scope::Range, now))
                .collect();
        }
        let edit = Edit::Plan {
            requests: requests
                .iter()
                .map(|r| PlanRequest {
                    dry_run: false,
                    ..r.clone()
                })
                .collect(),
            now,
        };
        let author = self.member_name();
        match self.apply(edit, &author)?.outcome {
            Outcome::Plans(reports) => Ok(reports),
            _ => Ok(Vec::new()),
        }
    }

    /// Places one draft in its best free slot in `from..=to` (moving it if it is planned
    /// already), leaving every other entry where it is.
    pub fn place_in_best_free_slot(
        &mut self,
        request: &PlanRequest,
        draft: DraftId,
        now: DateTime<Utc>,
    ) -> Result<PlanReport, WorkspaceError> {
        check_request(request)?;
        if request.dry_run {
            return self.run_plan(request, Scope::One(draft), now);
        }
        let edit = Edit::PlaceDraft {
            request: request.clone(),
            draft,
            now,
        };
        let author = self.member_name();
        match self.apply(edit, &author)?.outcome {
            Outcome::Plans(mut reports) if !reports.is_empty() => Ok(reports.remove(0)),
            _ => Err(WorkspaceError::Planning(
                "the placement wrote nothing".into(),
            )),
        }
    }

    /// Writes the plan of one request (every draft of its range, or only `draft`) inside the
    /// caller's transaction: the body of the plan edits.
    pub(crate) fn write_plan(
        &mut self,
        request: &PlanRequest,
        draft: Option<DraftId>,
        now: DateTime<Utc>,
    ) -> Result<PlanReport, WorkspaceError> {
        check_request(request)?;
        let request = PlanRequest {
            dry_run: false,
            ..request.clone()
        };
        let scope = draft.map_or(Scope::Range, Scope::One);
        self.run_plan(&request, scope, now)
    }

    fn run_plan(
        &mut self,
        request: &PlanRequest,
        scope: Scope,
        now: DateTime<Utc>,
    ) -> Result<PlanReport, WorkspaceError> {
        let account = self.store().account(request.account)?;
        let in_account = |source: WorkspaceError| WorkspaceError::PlanningAccount {
            account: account.at_handle(),
            source: Box::new(source),
        };
        let mut rules = CadenceRules::new(&account.cadence, self.subculture_mix(account.id)?);
        if let Some(n) = request.per_day {
            rules.posts_per_day = n;
        }
        let inputs =
            inputs::read(self, &account, &rules, request, scope, now).map_err(in_account)?;
        let plan = auto_plan(&inputs.plan_input(&rules))
            .map_err(|e| in_account(WorkspaceError::Planning(e.to_string())))?;
        let (changes, mut report) = changes::build(&account, &rules, request, &inputs, &plan);
        if !request.dry_run {
            self.store_mut()
                .apply_plan(&changes)
                .map_err(|e| in_account(e.into()))?;
            report.written = true;
        }
        Ok(report)
    }
}

/// Refuses a request no run can carry out: a backward or over-long range, zero posts a day.
fn check_request(request: &PlanRequest) -> Result<(), WorkspaceError> {
    if request.to < request.from {
        return Err(WorkspaceError::BadRange {
            from: request.from,
            to: request.to,
        });
    }
    let days = (request.to - request.from).num_days() + 1;
    if days > MAX_PLAN_DAYS {
        return Err(WorkspaceError::RangeTooLong {
            from: request.from,
            to: request.to,
            days,
            max: MAX_PLAN_DAYS,
            suggested: request.from + chrono::Duration::days(MAX_PLAN_DAYS - 1),
        });
    }
    if request.per_day == Some(0) {
        return Err(WorkspaceError::Planning(
            "posts a day must be at least 1 (TikTok recommends 1-4)".into(),
        ));
    }
    Ok(())
}
