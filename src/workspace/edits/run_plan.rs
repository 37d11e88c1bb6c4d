//! Carrying out the plan edits: place, unplan, move, auto-plan, place one draft, and put a
//! plan back; each logs the entries it created, moved or removed and the statuses it changed.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::apply::{Carried, Outcome, json, misrouted, uuid};
use super::edit::{Edit, PlanState};
use super::ops::OpLog;
use crate::domain::{AccountId, DraftId, DraftStatus, PlanEntry, PlanEntryId};
use crate::store::{EntityKind, StoreError};
use crate::text::plural;
use crate::workspace::{PlanReport, Workspace, WorkspaceError};

impl Workspace {
    /// Carries out a plan edit inside the caller's transaction.
    pub(super) fn run_plan_edit(
        &mut self,
        edit: Edit,
        ops: &mut OpLog,
    ) -> Result<Carried, WorkspaceError> {
        Ok(match edit {
            Edit::PlaceEntries(entries) => {
                let mut accounts: Vec<AccountId> = entries.iter().map(|e| e.account).collect();
                accounts.sort();
                accounts.dedup();
                let before = self.plan_states(&accounts)?;
                let uuids = self.plan_uuids(&before)?;
                self.store.add_plan_entries(&entries)?;
                self.log_plans(ops, &before, &uuids)?;
                (
                    format!("Planned {}", plural(entries.len(), "post", "posts")),
                    Outcome::Nothing,
                    Some(Edit::RestorePlans(before)),
                )
            }
            Edit::Unplan(ids) => {
                let mut involved = Vec::new();
                for id in &ids {
                    if let Some(entry) = self.store.plan_entry(*id)?
                        && !involved.contains(&entry.account)
                    {
                        involved.push(entry.account);
                    }
                }
                let before = self.plan_states(&involved)?;
                let uuids = self.plan_uuids(&before)?;
                self.store.remove_plan_entries(&ids)?;
                self.log_plans(ops, &before, &uuids)?;
                (
                    format!(
                        "Took {} out of the plan",
                        plural(ids.len(), "post", "posts")
                    ),
                    Outcome::Nothing,
                    Some(Edit::RestorePlans(before)),
                )
            }
            Edit::PinEntry { entry, pinned } => {
                let account = self.plan_entry(entry)?.account;
                let before = self.plan_states(&[account])?;
                let uuids = self.plan_uuids(&before)?;
                self.store.set_pinned(entry, pinned)?;
                self.log_plans(ops, &before, &uuids)?;
                (
                    if pinned {
                        "Pinned the post".to_string()
                    } else {
                        "Unpinned the post".to_string()
                    },
                    Outcome::Nothing,
                    Some(Edit::PinEntry {
                        entry,
                        pinned: !pinned,
                    }),
                )
            }
            Edit::MovePlanEntry(moved) => {
                let before = self.plan_entry(moved.id)?;
                self.store.reschedule(&moved)?;
                let after = self.plan_entry(moved.id)?;
                let uuid = uuid(&self.store, EntityKind::PlanEntry, moved.id.0)?;
                ops.entity(
                    &self.store,
                    EntityKind::PlanEntry,
                    uuid,
                    Some(&before),
                    Some(&after),
                )?;
                (
                    format!(
                        "Moved the post to {}",
                        moved.wall_time.format("%a %-d %b %H:%M")
                    ),
                    Outcome::Nothing,
                    Some(Edit::MovePlanEntry(before)),
                )
            }
            Edit::Plan { requests, now } => {
                let accounts: Vec<AccountId> = requests.iter().map(|r| r.account).collect();
                let before = self.plan_states(&accounts)?;
                let uuids = self.plan_uuids(&before)?;
                let mut reports = Vec::with_capacity(requests.len());
                for (i, request) in requests.iter().enumerate() {
                    if i > 0 {
                        crate::workspace::exclusive::failpoint("plan.between-accounts");
                    }
                    reports.push(self.write_plan(request, None, now)?);
                }
                self.log_plans(ops, &before, &uuids)?;
                (
                    planned_summary(&reports),
                    Outcome::Plans(reports),
                    Some(Edit::RestorePlans(before)),
                )
            }
            Edit::PlaceDraft {
                request,
                draft,
                now,
            } => {
                let before = self.plan_states(&[request.account])?;
                let uuids = self.plan_uuids(&before)?;
                let report = self.write_plan(&request, Some(draft), now)?;
                self.log_plans(ops, &before, &uuids)?;
                let summary = match report.placements.first() {
                    Some(post) => format!(
                        "Placed \"{}\" at {}: {}",
                        post.title,
                        post.wall_time.replace('T', " "),
                        post.reason
                    ),
                    None => "No free slot was found".to_string(),
                };
                (
                    summary,
                    Outcome::Plans(vec![report]),
                    Some(Edit::RestorePlans(before)),
                )
            }
            Edit::RestorePlans(states) => {
                let accounts: Vec<AccountId> = states.iter().map(|s| s.account).collect();
                let before = self.plan_states(&accounts)?;
                let uuids = self.plan_uuids(&before)?;
                for state in &states {
                    self.store
                        .restore_plan(state.account, &state.entries, &state.statuses)?;
                }
                self.log_plans(ops, &before, &uuids)?;
                (
                    "Put the plan back as it was".to_string(),
                    Outcome::Nothing,
                    Some(Edit::RestorePlans(before)),
                )
            }
            other => return Err(misrouted(&other)),
        })
    }

    fn plan_entry(&self, id: PlanEntryId) -> Result<PlanEntry, WorkspaceError> {
        self.store.plan_entry(id)?.ok_or_else(|| {
            WorkspaceError::Store(StoreError::NotFound {
                what: format!("Plan entry {}", id.0),
            })
        })
    }

    /// Each account's whole plan and its drafts' statuses now.
    fn plan_states(&self, accounts: &[AccountId]) -> Result<Vec<PlanState>, WorkspaceError> {
        accounts
            .iter()
            .map(|&account| {
                Ok(PlanState {
                    account,
                    entries: self.store.plan_entries(
                        account,
                        DateTime::<Utc>::MIN_UTC,
                        DateTime::<Utc>::MAX_UTC,
                    )?,
                    statuses: self
                        .store
                        .drafts(account)?
                        .iter()
                        .map(|d| (d.id, d.status))
                        .collect(),
                })
            })
            .collect()
    }

    /// Logs how each account's plan and statuses changed since `before`: entries created,
    /// moved or removed (matched by their calendar UID) and drafts whose status changed.
    /// The UUID of every entry of `states`, by calendar UID, read before a change removes rows.
    fn plan_uuids(&self, states: &[PlanState]) -> Result<HashMap<String, String>, WorkspaceError> {
        let mut uuids = HashMap::new();
        for entry in states.iter().flat_map(|s| &s.entries) {
            if let Some(uuid) = uuid(&self.store, EntityKind::PlanEntry, entry.id.0)? {
                uuids.insert(entry.uid.clone(), uuid);
            }
        }
        Ok(uuids)
    }

    fn log_plans(
        &self,
        ops: &mut OpLog,
        before: &[PlanState],
        uuids: &HashMap<String, String>,
    ) -> Result<(), WorkspaceError> {
        let after = self.plan_states(&before.iter().map(|s| s.account).collect::<Vec<_>>())?;
        for (old, new) in before.iter().zip(&after) {
            let old_entries: HashMap<&str, &PlanEntry> =
                old.entries.iter().map(|e| (e.uid.as_str(), e)).collect();
            let new_entries: HashMap<&str, &PlanEntry> =
                new.entries.iter().map(|e| (e.uid.as_str(), e)).collect();
            for entry in &new.entries {
                let uuid = uuid(&self.store, EntityKind::PlanEntry, entry.id.0)?;
                let was = old_entries.get(entry.uid.as_str()).copied();
                ops.entity(&self.store, EntityKind::PlanEntry, uuid, was, Some(entry))?;
            }
            for entry in old
                .entries
                .iter()
                .filter(|e| !new_entries.contains_key(e.uid.as_str()))
            {
                // Removed: named by the UUID its row had.
                ops.entity(
                    &self.store,
                    EntityKind::PlanEntry,
                    uuids.get(&entry.uid).cloned(),
                    Some(entry),
                    None,
                )?;
            }
            let old_status: HashMap<DraftId, DraftStatus> = old.statuses.iter().copied().collect();
            for (draft, status) in &new.statuses {
                if let Some(was) = old_status.get(draft)
                    && was != status
                {
                    let uuid = uuid(&self.store, EntityKind::Draft, draft.0)?;
                    ops.field(EntityKind::Draft, uuid, "status", &json(status), &json(was));
                }
            }
        }
        Ok(())
    }
}

/// "Planned 12 posts from 3 Dec to 16 Dec" (over every account of the run).
fn planned_summary(reports: &[PlanReport]) -> String {
    let posts: usize = reports.iter().map(|r| r.placements.len()).sum();
    let from = reports.iter().map(|r| r.from).min();
    let to = reports.iter().map(|r| r.to).max();
    match (from, to) {
        (Some(from), Some(to)) => format!(
            "Planned {} from {} to {}",
            plural(posts, "post", "posts"),
            from.format("%-d %b"),
            to.format("%-d %b")
        ),
        _ => "Planned nothing".to_string(),
    }
}
