//! Reading what the model needs from the workspace: one account's posted videos with their
//! snapshots, its hour-of-week audience profile and the trend lists, fitted once into a
//! [`ForecastSession`] that forecasts any draft (saved or being edited) in any slot. The Reach
//! view, the drafts table, the scheduler and the `predict` command all go through here.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::{CheckSession, Workspace, WorkspaceError};
use crate::domain::{Account, Draft};
use crate::model::{
    AccountModel, Audience, DraftFeatures, Forecast, ForecastContext, History, Slot, TrendContext,
    fit,
};

/// The seed every forecast in the app draws from, so the same draft and slot always give the
/// same numbers.
pub const FORECAST_SEED: u64 = 20_261_120;

/// An account's fitted model with the context it was fitted in.
pub struct ForecastSession {
    pub model: AccountModel,
    pub trends: TrendContext,
    pub zone: Tz,
    checks: CheckSession,
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
        self.model
            .forecast(&self.features(draft), self.slot(at), context)
    }

    /// The checks the features were read with (the same session the drafts table uses).
    pub fn checks(&self) -> &CheckSession {
        &self.checks
    }
}

impl Workspace {
    /// Fits the model of `account` on everything the workspace holds for it as of `now`.
    pub fn forecast_session(
        &self,
        account: &Account,
        now: DateTime<Utc>,
    ) -> Result<ForecastSession, WorkspaceError> {
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
        let history = History::from_videos(&videos, followers);
        let profile = store.hour_of_week_profile(account.id)?;
        let audience = Audience::from_activity(profile.mean_active, profile.weeks);
        let trends = TrendContext::from_trends(&store.trends()?, now);
        let model = fit(&history, &audience, &trends);
        Ok(ForecastSession {
            model,
            trends,
            zone: account.time_zone,
            checks: self.check_session(account.id, now)?,
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
        ws.create_demo(DEFAULT_DEMO_SEED, &Silent).unwrap();
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
}
