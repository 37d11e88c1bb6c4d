//! Checking drafts against the seed's rules with the context the workspace holds: the
//! subcultures, the trend lists, the account's other drafts and posted videos, and the plan.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use serde::Serialize;

use super::{Workspace, WorkspaceError};
use crate::checks::{
    self, CheckContext, DuplicateIndex, Finding, Fingerprint, PlanDay, TrendBook, check_draft,
};
use crate::domain::{AccountId, Draft, DraftId, DraftStatus, PlanEntry, Subculture, SubcultureId};

/// A draft with its findings, most severe first.
#[derive(Debug, Clone, Serialize)]
pub struct CheckedDraft {
    pub draft_id: i64,
    pub title: String,
    pub findings: Vec<Finding>,
}

/// Settings key under which an account's active ISO weeks (`2026-W48`, space separated) live.
pub fn active_weeks_key(account: AccountId) -> String {
    format!("active_weeks.{}", account.0)
}

/// Everything the checks need for one account, read once and reused for every draft.
pub struct CheckSession {
    account: AccountId,
    subcultures: HashMap<SubcultureId, Subculture>,
    trends: TrendBook,
    duplicates: DuplicateIndex,
    plan_days: HashMap<DraftId, PlanDay>,
    now: DateTime<Utc>,
}

impl CheckSession {
    /// The findings of one draft (which may hold unsaved edits).
    pub fn check(&self, draft: &Draft) -> Vec<Finding> {
        let ctx = CheckContext {
            subculture: draft.subculture.and_then(|id| self.subcultures.get(&id)),
            trends: &self.trends,
            duplicates: &self.duplicates,
            plan_day: self.plan_days.get(&draft.id),
            now: self.now,
        };
        check_draft(draft, &ctx)
    }

    /// Takes in a saved change to one draft of the account (an edit, a new draft, a draft
    /// trashed or posted): only that draft's captions and media hash are re-indexed, and the
    /// next checks give the findings a session read afresh from the store would give.
    pub fn update(&mut self, draft: &Draft) {
        if draft.account != self.account {
            return;
        }
        if draft.status == DraftStatus::Posted || draft.trashed_at.is_some() {
            self.duplicates.remove_draft(draft.id);
        } else {
            self.duplicates.upsert_draft(draft);
        }
    }

    /// Takes a deleted draft out of the session.
    pub fn remove(&mut self, id: DraftId) {
        self.duplicates.remove_draft(id);
    }

    /// The fingerprint the duplicate index took of the draft's caption, when it holds the
    /// draft with that caption (the planner's near-duplicate pairs reuse it).
    pub(crate) fn caption_print(&self, draft: &Draft) -> Option<&Fingerprint> {
        self.duplicates.print_of(draft.id, &draft.caption)
    }

    /// The trend lists as the checks read them (for one-click fixes and pickers).
    pub fn trends(&self) -> &TrendBook {
        &self.trends
    }
}

/// Posts per local day and empty days inside active weeks, for every planned draft.
fn plan_days(entries: &[PlanEntry], active_weeks: &[String]) -> HashMap<DraftId, PlanDay> {
    let mut per_day: HashMap<NaiveDate, usize> = HashMap::new();
    for e in entries {
        *per_day.entry(e.wall_time.date()).or_default() += 1;
    }
    let week_label = |d: NaiveDate| format!("{}-W{:02}", d.iso_week().year(), d.iso_week().week());
    entries
        .iter()
        .map(|e| {
            let date = e.wall_time.date();
            let mut empty = Vec::new();
            if active_weeks.iter().any(|w| *w == week_label(date)) {
                let monday =
                    date - Duration::days(i64::from(date.weekday().num_days_from_monday()));
                let days: Vec<NaiveDate> = (0..7).map(|i| monday + Duration::days(i)).collect();
                let posting: Vec<&NaiveDate> =
                    days.iter().filter(|d| per_day.contains_key(d)).collect();
                if let (Some(first), Some(last)) = (posting.first(), posting.last()) {
                    empty = days
                        .iter()
                        .filter(|d| d > first && d < last && !per_day.contains_key(d))
                        .copied()
                        .collect();
                }
            }
            (
                e.draft,
                PlanDay {
                    date,
                    wall_time: e.wall_time,
                    at: e.instant,
                    posts: per_day[&date],
                    empty_days_between: empty,
                },
            )
        })
        .collect()
}

impl Workspace {
    /// Reads the context for checking the drafts of `account` as of `now`.
    pub fn check_session(
        &self,
        account: AccountId,
        now: DateTime<Utc>,
    ) -> Result<CheckSession, WorkspaceError> {
        let store = self.store();
        let drafts = store.drafts(account)?;
        // Only the captions: the snapshots (hundreds of thousands in a team's history) say
        // nothing about duplicates.
        let videos = store.video_captions(account)?;
        let duplicates = DuplicateIndex::of(
            drafts.iter().filter(|d| d.status != DraftStatus::Posted),
            videos.iter().map(|(id, caption)| (*id, caption.as_str())),
        );
        let far = chrono::Duration::days(3650);
        let entries = store.plan_entries(account, now - far, now + far)?;
        let weeks = self.active_weeks(account)?;
        Ok(CheckSession {
            account,
            subcultures: store
                .subcultures()?
                .into_iter()
                .map(|s| (s.id, s))
                .collect(),
            trends: TrendBook::new(&store.trends()?, now),
            duplicates,
            plan_days: plan_days(&entries, &weeks),
            now,
        })
    }

    /// The account's active ISO weeks (`2026-W48`), in which a day without a post is marked.
    fn active_weeks(&self, account: AccountId) -> Result<Vec<String>, WorkspaceError> {
        Ok(self
            .store()
            .setting(&active_weeks_key(account))?
            .map(|s| s.split_whitespace().map(str::to_string).collect())
            .unwrap_or_default())
    }

    /// The `posting-frequency` findings of each draft planned in `entries` (the account's plan
    /// entries): what [`CheckSession::check`] finds of the schedule, without reading what the
    /// other checks need (the calendar marks only these).
    pub fn frequency_findings(
        &self,
        account: AccountId,
        entries: &[PlanEntry],
    ) -> Result<HashMap<DraftId, Vec<Finding>>, WorkspaceError> {
        let weeks = self.active_weeks(account)?;
        Ok(plan_days(entries, &weeks)
            .into_iter()
            .map(|(draft, day)| (draft, checks::frequency_findings(&day)))
            .filter(|(_, findings)| !findings.is_empty())
            .collect())
    }

    /// Every draft of the account with its findings.
    pub fn check_drafts(
        &self,
        account: AccountId,
        now: DateTime<Utc>,
    ) -> Result<Vec<CheckedDraft>, WorkspaceError> {
        let session = self.check_session(account, now)?;
        Ok(self
            .store()
            .drafts(account)?
            .iter()
            .map(|d| CheckedDraft {
                draft_id: d.id.0,
                title: d.title.clone(),
                findings: session.check(d),
            })
            .collect())
    }
}

#[cfg(test)]
mod tests;
