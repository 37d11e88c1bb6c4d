//! [`Workspace::apply`]: one edit validated and written in one transaction, with its ops and
//! the edit that takes it back appended to the edit log in the same transaction.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::edit::{Edit, PlanState};
use super::ops::OpLog;
use crate::domain::{AccountId, DraftId, DraftStatus, PlanEntry, SubcultureId};
use crate::store::{EditState, EntityKind, NewEdit, RecordedTrend, Store, StoreError};
use crate::text::plural;
use crate::workspace::{PlanReport, Workspace, WorkspaceError};

/// What an applied edit did.
#[derive(Debug, Clone, PartialEq)]
pub struct Applied {
    /// What it did, in the words the status bar shows ("Saved \"Sourdough\"").
    pub summary: String,
    /// What it made or found.
    pub outcome: Outcome,
    /// True when Undo can take it back.
    pub undoable: bool,
}

/// What an edit made, for the caller to show or open.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Outcome {
    #[default]
    Nothing,
    Draft(DraftId),
    Account(AccountId),
    Subculture(SubcultureId),
    Trends(Vec<RecordedTrend>),
    Plans(Vec<PlanReport>),
}

/// Why an edit is applied: a person's new edit, or Undo and Redo of an earlier one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Origin {
    Person,
    /// Takes back the logged edit with this id.
    Undo(i64),
    /// Applies again the logged edit with this id, which an undo took back.
    Redo(i64),
}

/// What running an edit produced, before it is logged.
struct Ran {
    summary: String,
    outcome: Outcome,
    undo: Option<Edit>,
    ops: OpLog,
}

impl Workspace {
    /// Validates `edit`, writes it in one transaction with its entry in the edit log (signed by
    /// `author`), and returns what it did. A refused edit writes nothing.
    pub fn apply(&mut self, edit: Edit, author: &str) -> Result<Applied, WorkspaceError> {
        self.apply_as(edit, author, Origin::Person)
    }

    pub(super) fn apply_as(
        &mut self,
        edit: Edit,
        author: &str,
        origin: Origin,
    ) -> Result<Applied, WorkspaceError> {
        let author = author.trim();
        let author = if author.is_empty() { "Me" } else { author };
        self.exclusively(|workspace| workspace.apply_in_transaction(edit, author, origin))
    }

    fn apply_in_transaction(
        &mut self,
        edit: Edit,
        author: &str,
        origin: Origin,
    ) -> Result<Applied, WorkspaceError> {
        let joining = match &edit {
            Edit::Autosave(draft) if origin == Origin::Person => Some(draft.id.0),
            _ => None,
        };
        // Undo and Redo say what they did in the words of the edit that did it ("Restored
        // the draft" takes back "Moved the draft to the trash").
        let ran = self.run(edit, author)?;
        let undo_json = ran
            .undo
            .as_ref()
            .map(|u| serde_json::to_string(u).unwrap_or_default());
        let store = &mut self.store;
        let at = Utc::now();
        match origin {
            Origin::Person => {
                if let Some(draft) = joining
                    && let Some(newest) = store.newest_edit(author)?
                    && newest.joining == Some(draft)
                {
                    // Another autosave of the draft being edited: one Undo step with the last.
                    store.log_more_ops(newest.id, &ran.ops.ops)?;
                } else {
                    store.close_redo(author)?;
                    store.stop_joining(author)?;
                    store.log_edit(
                        &NewEdit {
                            author,
                            at,
                            summary: &ran.summary,
                            undo: undo_json.as_deref(),
                            state: EditState::Done,
                            undoes: None,
                            joining,
                        },
                        &ran.ops.ops,
                    )?;
                }
            }
            Origin::Undo(target) => {
                store.stop_joining(author)?;
                store.set_edit_state(target, EditState::Undone)?;
                store.log_edit(
                    &NewEdit {
                        author,
                        at,
                        summary: &ran.summary,
                        undo: undo_json.as_deref(),
                        state: EditState::Undo,
                        undoes: Some(target),
                        joining: None,
                    },
                    &ran.ops.ops,
                )?;
            }
            Origin::Redo(target) => {
                store.set_edit_state(target, EditState::Redone)?;
                store.log_edit(
                    &NewEdit {
                        author,
                        at,
                        summary: &ran.summary,
                        undo: undo_json.as_deref(),
                        state: EditState::Done,
                        undoes: None,
                        joining: None,
                    },
                    &ran.ops.ops,
                )?;
            }
        }
        Ok(Applied {
            summary: ran.summary,
            outcome: ran.outcome,
            undoable: ran.undo.is_some(),
        })
    }

    /// Carries the edit out (inside the caller's transaction) and works out its ops and undo.
    fn run(&mut self, edit: Edit, author: &str) -> Result<Ran, WorkspaceError> {
        let mut ops = OpLog::default();
        let (summary, outcome, undo) = match edit {
            Edit::CreateDraft(draft) => {
                let id = self.store.add_draft(&draft)?;
                let stored = self.store.draft(id)?;
                let uuid = uuid(&self.store, EntityKind::Draft, id.0)?;
                ops.entity(&self.store, EntityKind::Draft, uuid, None, Some(&stored))?;
                (
                    "Added a draft".to_string(),
                    Outcome::Draft(id),
                    Some(Edit::TrashDrafts(vec![id])),
                )
            }
            Edit::SaveDrafts(drafts) => {
                let before = self.drafts_now(drafts.iter().map(|d| d.id))?;
                self.store.update_drafts(&drafts)?;
                self.log_drafts(&mut ops, &before)?;
                (
                    saved_drafts(&drafts),
                    Outcome::Nothing,
                    Some(Edit::PutBackDrafts(before)),
                )
            }
            Edit::Autosave(draft) => {
                let before = self.drafts_now([draft.id])?;
                self.store.update_draft(&draft)?;
                self.log_drafts(&mut ops, &before)?;
                (
                    saved_drafts(std::slice::from_ref(&draft)),
                    Outcome::Nothing,
                    Some(Edit::PutBackDrafts(before)),
                )
            }
            Edit::PutBackDrafts(drafts) => {
                let before = self.drafts_now(drafts.iter().map(|d| d.id))?;
                self.store.restore_draft_versions(&drafts)?;
                self.log_drafts(&mut ops, &before)?;
                (
                    format!("Undid the changes to {}", drafts_phrase(drafts.len())),
                    Outcome::Nothing,
                    Some(Edit::PutBackDrafts(before)),
                )
            }
            Edit::TrashDrafts(ids) => {
                let before = self.drafts_now(ids.iter().copied())?;
                self.store.trash_drafts(&ids)?;
                self.log_drafts(&mut ops, &before)?;
                (
                    format!("Moved {} to the trash", drafts_phrase(ids.len())),
                    Outcome::Nothing,
                    Some(Edit::RestoreDrafts(ids)),
                )
            }
            Edit::RestoreDrafts(ids) => {
                let before = self.drafts_now(ids.iter().copied())?;
                self.store.restore_drafts(&ids)?;
                self.log_drafts(&mut ops, &before)?;
                (
                    format!("Restored {}", drafts_phrase(ids.len())),
                    Outcome::Nothing,
                    Some(Edit::TrashDrafts(ids)),
                )
            }
            Edit::DeleteDraftsForever(ids) => {
                let before = self.drafts_now(ids.iter().copied())?;
                if let Some(live) = before.iter().find(|d| d.trashed_at.is_none()) {
                    return Err(WorkspaceError::Refused(format!(
                        "\"{}\" is not in the trash; only drafts in the trash can be deleted for good.",
                        live.display_title()
                    )));
                }
                for draft in &before {
                    let uuid = uuid(&self.store, EntityKind::Draft, draft.id.0)?;
                    ops.entity(&self.store, EntityKind::Draft, uuid, Some(draft), None)?;
                }
                self.store.delete_drafts_forever(&ids)?;
                (
                    format!("Deleted {} for good", drafts_phrase(ids.len())),
                    Outcome::Nothing,
                    None,
                )
            }
            Edit::Comment { draft, text } => {
                let text = text.trim();
                if text.is_empty() {
                    return Err(WorkspaceError::Refused(
                        "The comment is empty: write something first.".into(),
                    ));
                }
                self.store.draft(draft)?;
                let id = self
                    .store
                    .add_draft_comment(draft, author, Utc::now(), text)?;
                let comment = self
                    .store
                    .draft_comments(draft)?
                    .into_iter()
                    .find(|c| c.id == id);
                let uuid = uuid(&self.store, EntityKind::Comment, id)?;
                ops.entity(
                    &self.store,
                    EntityKind::Comment,
                    uuid,
                    None,
                    comment.as_ref(),
                )?;
                ("Comment posted".to_string(), Outcome::Nothing, None)
            }
            Edit::AddSubculture {
                name,
                hashtags,
                description,
                colour,
            } => {
                let id = self
                    .store
                    .add_subculture(&name, &hashtags, &description, colour)?;
                let stored = self.subculture(id)?;
                let uuid = uuid(&self.store, EntityKind::Subculture, id.0)?;
                ops.entity(
                    &self.store,
                    EntityKind::Subculture,
                    uuid,
                    None,
                    Some(&stored),
                )?;
                (
                    format!("Added {}", stored.name),
                    Outcome::Subculture(id),
                    Some(Edit::TrashSubculture(id)),
                )
            }
            Edit::UpdateSubculture(subculture) => {
                let before = self.subculture(subculture.id)?;
                self.store.update_subculture(&subculture)?;
                let after = self.subculture(subculture.id)?;
                let uuid = uuid(&self.store, EntityKind::Subculture, after.id.0)?;
                ops.entity(
                    &self.store,
                    EntityKind::Subculture,
                    uuid,
                    Some(&before),
                    Some(&after),
                )?;
                (
                    format!("Saved {}", after.name),
                    Outcome::Nothing,
                    Some(Edit::UpdateSubculture(before)),
                )
            }
            Edit::TrashSubculture(id) => {
                let name = self.subculture(id)?.name;
                self.store.trash_subculture(id)?;
                self.log_trashed(&mut ops, EntityKind::Subculture, id.0, true)?;
                (
                    format!("Deleted {name}"),
                    Outcome::Nothing,
                    Some(Edit::RestoreSubculture(id)),
                )
            }
            Edit::RestoreSubculture(id) => {
                self.store.restore_subculture(id)?;
                let name = self.subculture(id)?.name;
                self.log_trashed(&mut ops, EntityKind::Subculture, id.0, false)?;
                (
                    format!("Restored {name}"),
                    Outcome::Nothing,
                    Some(Edit::TrashSubculture(id)),
                )
            }
            Edit::AddAccount(new) => {
                let id = self.store.add_account(&new)?;
                let stored = self.store.account(id)?;
                let uuid = uuid(&self.store, EntityKind::Account, id.0)?;
                ops.entity(&self.store, EntityKind::Account, uuid, None, Some(&stored))?;
                (
                    format!("Added {}", stored.handle),
                    Outcome::Account(id),
                    Some(Edit::TrashAccount(id)),
                )
            }
            Edit::UpdateAccount(account) => {
                let before = self.store.account(account.id)?;
                self.store.update_account(&account)?;
                let after = self.store.account(account.id)?;
                let uuid = uuid(&self.store, EntityKind::Account, after.id.0)?;
                ops.entity(
                    &self.store,
                    EntityKind::Account,
                    uuid,
                    Some(&before),
                    Some(&after),
                )?;
                (
                    format!("Saved {}", after.handle),
                    Outcome::Nothing,
                    Some(Edit::UpdateAccount(before)),
                )
            }
            Edit::TrashAccount(id) => {
                let handle = self.store.account(id)?.handle;
                self.store.trash_account(id)?;
                self.log_trashed(&mut ops, EntityKind::Account, id.0, true)?;
                (
                    format!("Deleted {handle}"),
                    Outcome::Nothing,
                    Some(Edit::RestoreAccount(id)),
                )
            }
            Edit::RestoreAccount(id) => {
                self.store.restore_account(id)?;
                let handle = self.store.account(id)?.handle;
                self.log_trashed(&mut ops, EntityKind::Account, id.0, false)?;
                (
                    format!("Restored {handle}"),
                    Outcome::Nothing,
                    Some(Edit::TrashAccount(id)),
                )
            }
            Edit::SetSubcultureMix { account, mix } => {
                let handle = self.store.account(account)?.handle;
                let before = crate::workspace::read_subculture_mix(&self.store, account)?;
                crate::workspace::write_subculture_mix(&mut self.store, account, &mix)?;
                let uuid = uuid(&self.store, EntityKind::Account, account.0)?;
                ops.field(
                    EntityKind::Account,
                    uuid,
                    "subculture_mix",
                    &json(&mix),
                    &json(&before),
                );
                (
                    format!("Saved the subculture mix of {handle}"),
                    Outcome::Nothing,
                    Some(Edit::SetSubcultureMix {
                        account,
                        mix: before,
                    }),
                )
            }
            Edit::RecordTrends(entries) => {
                let recorded = self.store.record_trends(&entries)?;
                if !recorded.iter().any(|r| r.added) {
                    return Err(WorkspaceError::Refused(
                        "Already recorded: the same capture (item, time and period) is in the workspace."
                            .into(),
                    ));
                }
                for (r, (_, capture)) in recorded.iter().zip(&entries).filter(|(r, _)| r.added) {
                    let uuid = self.store.trend_capture_uuid(r)?;
                    let stored = crate::domain::TrendCapture {
                        item: r.item,
                        ..capture.clone()
                    };
                    ops.entity(
                        &self.store,
                        EntityKind::TrendCapture,
                        uuid,
                        None,
                        Some(&stored),
                    )?;
                }
                (
                    format!("Added {}", captures_phrase(&recorded)),
                    Outcome::Trends(recorded.clone()),
                    Some(Edit::RemoveTrends { recorded, entries }),
                )
            }
            Edit::RemoveTrends { recorded, entries } => {
                for r in recorded.iter().filter(|r| r.added) {
                    let uuid = self.store.trend_capture_uuid(r)?;
                    ops.field(
                        EntityKind::TrendCapture,
                        uuid,
                        super::ops::WHOLE,
                        &serde_json::Value::Null,
                        &json(&r.name),
                    );
                }
                self.store.remove_recorded_trends(&recorded)?;
                (
                    format!("Removed {}", captures_phrase(&recorded)),
                    Outcome::Nothing,
                    Some(Edit::RecordTrends(entries)),
                )
            }
            Edit::PlaceEntries(entries) => {
                let mut accounts: Vec<AccountId> = entries.iter().map(|e| e.account).collect();
                accounts.sort();
                accounts.dedup();
                let before = self.plan_states(&accounts)?;
                self.store.add_plan_entries(&entries)?;
                self.log_plans(&mut ops, &before)?;
                (
                    format!("Planned {}", plural(entries.len(), "post", "posts")),
                    Outcome::Nothing,
                    Some(Edit::RestorePlans(before)),
                )
            }
            Edit::Unplan(ids) => {
                let accounts = self.store.accounts()?;
                let mut involved = Vec::new();
                for account in &accounts {
                    let entries = self.store.plan_entries(
                        account.id,
                        DateTime::<Utc>::MIN_UTC,
                        DateTime::<Utc>::MAX_UTC,
                    )?;
                    if entries.iter().any(|e| ids.contains(&e.id)) {
                        involved.push(account.id);
                    }
                }
                let before = self.plan_states(&involved)?;
                self.store.remove_plan_entries(&ids)?;
                self.log_plans(&mut ops, &before)?;
                (
                    format!(
                        "Took {} out of the plan",
                        plural(ids.len(), "post", "posts")
                    ),
                    Outcome::Nothing,
                    Some(Edit::RestorePlans(before)),
                )
            }
            Edit::MovePlanEntry(moved) => {
                let before = self.plan_entry(&moved)?;
                self.store.reschedule(&moved)?;
                let after = self.plan_entry(&moved)?;
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
                let mut reports = Vec::with_capacity(requests.len());
                for (i, request) in requests.iter().enumerate() {
                    if i > 0 {
                        super::super::exclusive::failpoint("plan.between-accounts");
                    }
                    reports.push(self.write_plan(request, None, now)?);
                }
                self.log_plans(&mut ops, &before)?;
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
                let report = self.write_plan(&request, Some(draft), now)?;
                self.log_plans(&mut ops, &before)?;
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
                for state in &states {
                    self.store
                        .restore_plan(state.account, &state.entries, &state.statuses)?;
                }
                self.log_plans(&mut ops, &before)?;
                (
                    "Put the plan back as it was".to_string(),
                    Outcome::Nothing,
                    Some(Edit::RestorePlans(before)),
                )
            }
            Edit::SetSetting { key, value } => {
                let before = self.store.setting(&key)?;
                match &value {
                    Some(v) => self.store.set_setting(&key, v)?,
                    None => self.store.remove_setting(&key)?,
                }
                let uuid = match self.store.uuid_of(EntityKind::Setting, &key)? {
                    Some(u) => Some(u),
                    None => Some(format!("setting:{key}")),
                };
                ops.field(
                    EntityKind::Setting,
                    uuid,
                    &key,
                    &json(&value),
                    &json(&before),
                );
                (
                    format!("Saved the setting {key}"),
                    Outcome::Nothing,
                    Some(Edit::SetSetting { key, value: before }),
                )
            }
        };
        Ok(Ran {
            summary,
            outcome,
            undo,
            ops,
        })
    }

    /// The drafts as stored now, in the order asked.
    fn drafts_now(
        &self,
        ids: impl IntoIterator<Item = DraftId>,
    ) -> Result<Vec<crate::domain::Draft>, WorkspaceError> {
        ids.into_iter()
            .map(|id| self.store.draft(id).map_err(WorkspaceError::from))
            .collect()
    }

    /// Logs every field of `before` that differs from the draft as stored now.
    fn log_drafts(
        &self,
        ops: &mut OpLog,
        before: &[crate::domain::Draft],
    ) -> Result<(), WorkspaceError> {
        for old in before {
            let now = self.store.draft(old.id)?;
            let uuid = uuid(&self.store, EntityKind::Draft, old.id.0)?;
            ops.entity(&self.store, EntityKind::Draft, uuid, Some(old), Some(&now))?;
        }
        Ok(())
    }

    fn log_trashed(
        &self,
        ops: &mut OpLog,
        kind: EntityKind,
        id: i64,
        trashed: bool,
    ) -> Result<(), WorkspaceError> {
        let uuid = uuid(&self.store, kind, id)?;
        ops.field(
            kind,
            uuid,
            "trashed",
            &serde_json::Value::Bool(trashed),
            &serde_json::Value::Bool(!trashed),
        );
        Ok(())
    }

    fn subculture(&self, id: SubcultureId) -> Result<crate::domain::Subculture, WorkspaceError> {
        self.store
            .subcultures_including_trashed()?
            .into_iter()
            .find(|s| s.id == id)
            .ok_or_else(|| {
                WorkspaceError::Store(StoreError::NotFound {
                    what: format!("Subculture {}", id.0),
                })
            })
    }

    fn plan_entry(&self, entry: &PlanEntry) -> Result<PlanEntry, WorkspaceError> {
        self.store
            .plan_entries(
                entry.account,
                DateTime::<Utc>::MIN_UTC,
                DateTime::<Utc>::MAX_UTC,
            )?
            .into_iter()
            .find(|e| e.id == entry.id)
            .ok_or_else(|| {
                WorkspaceError::Store(StoreError::NotFound {
                    what: format!("Plan entry {}", entry.id.0),
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
    fn log_plans(&self, ops: &mut OpLog, before: &[PlanState]) -> Result<(), WorkspaceError> {
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
                // Removed: its row (and UUID) is gone; the calendar UID names it in the log.
                ops.entity(
                    &self.store,
                    EntityKind::PlanEntry,
                    Some(format!("calendar:{}", entry.uid)),
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

fn uuid(store: &Store, kind: EntityKind, id: i64) -> Result<Option<String>, StoreError> {
    store.uuid_of(kind, &id.to_string())
}

fn json<T: serde::Serialize>(value: &T) -> serde_json::Value {
    serde_json::to_value(value).unwrap_or(serde_json::Value::Null)
}

/// "Saved \"Sourdough\"" or "Saved 3 drafts".
fn saved_drafts(drafts: &[crate::domain::Draft]) -> String {
    match drafts {
        [one] => format!("Saved \"{}\"", one.display_title()),
        many => format!("Saved {}", drafts_phrase(many.len())),
    }
}

/// "the draft" or "3 drafts".
fn drafts_phrase(n: usize) -> String {
    if n == 1 {
        "the draft".to_string()
    } else {
        plural(n, "draft", "drafts")
    }
}

/// "a capture of #fyp" or "3 trend captures".
fn captures_phrase(recorded: &[RecordedTrend]) -> String {
    let added: Vec<&RecordedTrend> = recorded.iter().filter(|r| r.added).collect();
    match added.as_slice() {
        [one] => format!("a capture of {}", one.name),
        many => plural(many.len(), "trend capture", "trend captures"),
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
