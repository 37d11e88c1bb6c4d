//! Reading what the model needs from the workspace: one account's posted videos with their
//! snapshots, its hour-of-week audience profile and the trend lists, fitted once into a
//! [`ForecastSession`] that forecasts any draft (saved or being edited) in any slot. The Reach
//! view, the drafts table, the scheduler and the `predict` command all go through here.
//!
//! A draft's default slot is its next plan entry (at or after now), else the next full hour.

use chrono::{DateTime, Datelike, Duration, DurationRound, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use super::history_file::account_history;
use super::{CheckSession, Workspace, WorkspaceError};
use crate::domain::{Account, AccountId, Draft, DraftId};
use crate::model::{
    AccountHistory, AccountModel, Audience, DraftFeatures, Forecast, ForecastContext, History,
    Slot, TopListCorrection, TrendContext, correct_top_list, fit,
};
use crate::schedule::wall::day_start;
use crate::store::StoreError;

/// The seed every forecast in the app draws from, so the same draft and slot always give the
/// same numbers.
pub const FORECAST_SEED: u64 = 20_261_120;

/// An account's fitted model with the context it was fitted in.
pub struct ForecastSession {
    pub model: AccountModel,
    pub trends: TrendContext,
    pub zone: Tz,
    checks: CheckSession,
    /// The account's history is a top-posts list, and how it was corrected.
    top_list: Option<TopListCorrection>,
}

impl ForecastSession {
    /// The draft's choices as the model reads them, marked "not recommended" when the checks
    /// find duplicate, spam or disturbing content.
    pub fn features(&self, draft: &Draft) -> DraftFeatures {
        DraftFeatures::from_draft(draft, &self.trends).with_findings(&self.checks.check(draft))
    }

    /// The slot of an instant in the account's zone.
    pub fn slot(&self, at: DateTime<Utc>) -> Slot {
        Slot::new(at, self.zone)
    }

    /// Forecasts `draft` posted at `at`.
    pub fn forecast(
        &self,
        draft: &Draft,
        at: DateTime<Utc>,
        context: &ForecastContext,
    ) -> Forecast {
        let mut forecast = self
            .model
            .forecast(&self.features(draft), self.slot(at), context);
        if let Some(top) = &self.top_list {
            forecast.confidence.label = top.label();
            forecast.confidence.advice = Some(top.advice());
        }
        forecast
    }

    /// The checks the features were read with (the same session the drafts table uses).
    pub fn checks(&self) -> &CheckSession {
        &self.checks
    }

    /// Median views (at the context's heat-map age) for each hour of the week that contains
    /// `now`, Monday 00:00 in the account's zone first.
    pub fn heat_map(
        &self,
        draft: &Draft,
        now: DateTime<Utc>,
        context: &ForecastContext,
    ) -> [f64; 168] {
        self.model
            .heat_map(&self.features(draft), week_start(now, self.zone), context)
    }
}

/// Settings key: how many posts the account's last top-posts list (Studio's Content export)
/// held.
pub(crate) fn top_posts_key(account: AccountId) -> String {
    format!("top_posts.{}", account.0)
}

/// Settings key: how many posts the account's last "Download your data" file listed (all its
/// posts then).
pub(crate) fn known_posts_key(account: AccountId) -> String {
    format!("known_posts.{}", account.0)
}

/// Monday 00:00 (local, in `zone`) of the week that contains `now`, as an instant. A Monday
/// midnight that the zone skips (a DST change) starts where the gap ends.
pub fn week_start(now: DateTime<Utc>, zone: Tz) -> DateTime<Utc> {
    let local = now.with_timezone(&zone).date_naive();
    let monday = local - Duration::days(i64::from(local.weekday().num_days_from_monday()));
    day_start(zone, monday)
}

/// The next full hour after `now` (`now` itself when it is one).
pub fn next_full_hour(now: DateTime<Utc>) -> DateTime<Utc> {
    let floor = now.duration_trunc(Duration::hours(1)).unwrap_or(now);
    if floor == now {
        now
    } else {
        floor + Duration::hours(1)
    }
}

/// Where a forecast's slot came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SlotSource {
    /// The draft's next plan entry.
    Plan,
    /// No plan entry ahead: the next full hour.
    NextHour,
    /// Chosen by the user (`--at`, the slot picker).
    Chosen,
}

impl SlotSource {
    pub fn label(self) -> &'static str {
        match self {
            SlotSource::Plan => "its plan entry",
            SlotSource::NextHour => "the next full hour (not planned)",
            SlotSource::Chosen => "the chosen time",
        }
    }
}

/// `scrollstop predict`: one draft's forecast in one slot.
#[derive(Debug, Clone, Serialize)]
pub struct Prediction {
    pub draft_id: i64,
    pub title: String,
    pub account: String,
    pub time_zone: String,
    pub at: DateTime<Utc>,
    pub slot_source: SlotSource,
    pub forecast: Forecast,
}

impl Workspace {
    /// Everything the workspace holds of `account`'s past, as the model reads it: its posted
    /// videos with every snapshot, its latest follower count and its audience's activity. The
    /// forecast session fits on it and the backtest walks through it.
    pub fn account_history(&self, account: &Account) -> Result<AccountHistory, WorkspaceError> {
        let store = self.store();
        let videos: Vec<_> = store
            .videos(account.id)?
            .into_iter()
            .map(|v| (v.video, v.snapshots))
            .collect();
        let followers = store
            .daily_metrics(account.id)?
            .iter()
            .filter_map(|m| m.date.zip(m.followers))
            .max_by_key(|(date, _)| *date)
            .map(|(_, followers)| followers);
        let profile = store.hour_of_week_profile(account.id)?;
        let mut history = account_history(account.at_handle(), &videos, followers);
        history.audience = Audience::from_activity(profile.mean_active, profile.weeks);
        Ok(history)
    }

    /// Fits the model of `account` on everything the workspace holds for it as of `now`.
    pub fn forecast_session(
        &self,
        account: &Account,
        now: DateTime<Utc>,
    ) -> Result<ForecastSession, WorkspaceError> {
        let past = self.account_history(account)?;
        let (history, top_list) = self.top_list_corrected(account, past.history)?;
        let trends = TrendContext::from_trends(&self.store().trends()?, now);
        let model = fit(&history, &past.audience, &trends);
        Ok(ForecastSession {
            model,
            trends,
            zone: account.time_zone,
            checks: self.check_session(account.id, now)?,
            top_list,
        })
    }

    /// The account's history corrected for being a top-posts list, where its last Content
    /// import was one (see `model/top_list.rs`). The backtest reads the counts as stored.
    fn top_list_corrected(
        &self,
        account: &Account,
        history: History,
    ) -> Result<(History, Option<TopListCorrection>), WorkspaceError> {
        let count = |key: String| -> Result<Option<usize>, WorkspaceError> {
            Ok(self
                .store()
                .setting(&key)?
                .and_then(|n| n.parse::<usize>().ok()))
        };
        let Some(listed) = count(top_posts_key(account.id))? else {
            return Ok((history, None));
        };
        // Every post the workspace knows of: those stored (from any import) or listed by the
        // last "Download your data" file. The list is the top `listed` of them.
        let stored = self.store().video_count(account.id)?;
        let known = count(known_posts_key(account.id))?.unwrap_or(0).max(stored);
        let (history, correction) = correct_top_list(history, listed, known);
        Ok((history, Some(correction)))
    }

    /// The draft's next plan entry at or after `now`, if it has one.
    pub fn planned_slot(
        &self,
        draft: &Draft,
        now: DateTime<Utc>,
    ) -> Result<Option<DateTime<Utc>>, WorkspaceError> {
        let entries = self
            .store()
            .plan_entries(draft.account, now, DateTime::<Utc>::MAX_UTC)?;
        Ok(entries
            .iter()
            .find(|e| e.draft == draft.id)
            .map(|e| e.instant))
    }

    /// The slot to forecast `draft` in: `chosen`, else its next plan entry, else the next full
    /// hour.
    pub fn forecast_slot(
        &self,
        draft: &Draft,
        chosen: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Result<(DateTime<Utc>, SlotSource), WorkspaceError> {
        if let Some(at) = chosen {
            return Ok((at, SlotSource::Chosen));
        }
        Ok(match self.planned_slot(draft, now)? {
            Some(at) => (at, SlotSource::Plan),
            None => (next_full_hour(now), SlotSource::NextHour),
        })
    }

    /// Forecasts the draft `id` at `at` (default: its plan entry, else the next full hour),
    /// fitting its account as of `now`.
    pub fn predict(
        &self,
        id: DraftId,
        at: Option<DateTime<Utc>>,
        context: &ForecastContext,
        now: DateTime<Utc>,
    ) -> Result<Prediction, WorkspaceError> {
        // The store's "no longer exists" is for a draft deleted under an open window; a number
        // that names no draft gets its own sentence.
        let draft = match self.store().draft(id) {
            Err(StoreError::NotFound { .. }) => {
                return Err(WorkspaceError::NoSuchDraft { id: id.0 });
            }
            other => other?,
        };
        let account = self.store().account(draft.account)?;
        let session = self.forecast_session(&account, now)?;
        let (at, slot_source) = self.forecast_slot(&draft, at, now)?;
        let forecast = session.forecast(&draft, at, context);
        Ok(Prediction {
            draft_id: draft.id.0,
            title: draft.display_title().to_string(),
            account: account.at_handle(),
            time_zone: account.time_zone.name().to_string(),
            at,
            slot_source,
            forecast,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace::{DEFAULT_DEMO_SEED, Silent};
    use chrono::TimeZone;

    #[test]
    fn a_demo_draft_gets_an_ordered_range_from_its_accounts_history() {
        let dir = tempfile::tempdir().unwrap();
        let mut ws = Workspace::open(&dir.path().join("w.scrollstop")).unwrap();
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        ws.create_demo_on(DEFAULT_DEMO_SEED, day, &Silent).unwrap();
        let account = ws.store().accounts().unwrap().remove(0);
        let now = Utc.with_ymd_and_hms(2026, 11, 20, 12, 0, 0).unwrap();
        let session = ws.forecast_session(&account, now).unwrap();
        assert!(session.model.videos() > 20, "fitted on the demo videos");
        let draft = ws.store().drafts(account.id).unwrap().remove(0);
        let forecast = session.forecast(
            &draft,
            now,
            &ForecastContext::with_paths(FORECAST_SEED, 2_000),
        );
        let q = forecast.quantiles_at(crate::model::FINAL_HOURS);
        assert!(q.p10 < q.p50 && q.p50 < q.p90, "{q:?}");
    }

    #[test]
    fn the_default_slot_is_the_next_full_hour_without_a_plan_entry() {
        let at = |h, m| Utc.with_ymd_and_hms(2026, 3, 2, h, m, 0).unwrap();
        assert_eq!(next_full_hour(at(9, 15)), at(10, 0));
        assert_eq!(next_full_hour(at(10, 0)), at(10, 0));
    }

    #[test]
    fn the_week_starts_on_monday_midnight_in_the_accounts_zone() {
        let zone: Tz = "America/New_York".parse().unwrap();
        // Wednesday 4 March 2026, 03:00 UTC is Tuesday evening in New York.
        let now = Utc.with_ymd_and_hms(2026, 3, 4, 3, 0, 0).unwrap();
        let start = week_start(now, zone);
        assert_eq!(start, Utc.with_ymd_and_hms(2026, 3, 2, 5, 0, 0).unwrap());
        assert_eq!(Slot::new(start, zone).hour_of_week, 0);
    }
}
