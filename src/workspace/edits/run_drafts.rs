//! Carrying out the draft edits: create, save, autosave, put back, trash, restore, delete
//! for good, and comments, each logged field by field.

use chrono::Utc;

use super::apply::{Carried, Outcome, misrouted, uuid};
use super::edit::Edit;
use super::ops::OpLog;
use crate::domain::{Draft, DraftId};
use crate::store::EntityKind;
use crate::text::plural;
use crate::workspace::{Workspace, WorkspaceError};

impl Workspace {
    /// Carries out a draft edit inside the caller's transaction.
    pub(super) fn run_draft_edit(
        &mut self,
        edit: Edit,
        author: &str,
        ops: &mut OpLog,
    ) -> Result<Carried, WorkspaceError> {
        Ok(match edit {
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
                self.log_drafts(ops, &before)?;
                (
                    saved_drafts(&drafts),
                    Outcome::Nothing,
                    Some(Edit::PutBackDrafts(before)),
                )
            }
            Edit::Autosave(draft) => {
                let before = self.drafts_now([draft.id])?;
                self.store.update_draft(&draft)?;
                self.log_drafts(ops, &before)?;
                (
                    saved_drafts(std::slice::from_ref(&draft)),
                    Outcome::Nothing,
                    Some(Edit::PutBackDrafts(before)),
                )
            }
            Edit::PutBackDrafts(drafts) => {
                let before = self.drafts_now(drafts.iter().map(|d| d.id))?;
                self.store.restore_draft_versions(&drafts)?;
                self.log_drafts(ops, &before)?;
                (
                    format!("Undid the changes to {}", drafts_phrase(drafts.len())),
                    Outcome::Nothing,
                    Some(Edit::PutBackDrafts(before)),
                )
            }
            Edit::TrashDrafts(ids) => {
                let before = self.drafts_now(ids.iter().copied())?;
                self.store.trash_drafts(&ids)?;
                self.log_drafts(ops, &before)?;
                (
                    format!("Moved {} to the trash", drafts_phrase(ids.len())),
                    Outcome::Nothing,
                    Some(Edit::RestoreDrafts(ids)),
                )
            }
            Edit::RestoreDrafts(ids) => {
                let before = self.drafts_now(ids.iter().copied())?;
                self.store.restore_drafts(&ids)?;
                self.log_drafts(ops, &before)?;
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
            Edit::PickConflict {
                draft,
                field,
                value,
            } => {
                let before = self.drafts_now([draft])?;
                if let Some(value) = &value {
                    let mut chosen = before[0].clone();
                    let text: String = serde_json::from_str(value).unwrap_or_default();
                    match field.as_str() {
                        "title" => chosen.title = text,
                        "hook" => chosen.hook = text,
                        "caption" => chosen.caption = text,
                        "notes" => chosen.notes = text,
                        other => {
                            return Err(WorkspaceError::Refused(format!(
                                "{other} is not a text field with conflicts"
                            )));
                        }
                    }
                    self.store.update_draft(&chosen)?;
                    self.log_drafts(ops, &before)?;
                }
                let uuid = uuid(&self.store, EntityKind::Draft, draft.0)?;
                if let Some(uuid) = &uuid {
                    self.store.resolve_conflicts(uuid, &field)?;
                }
                ops.field(
                    EntityKind::Draft,
                    uuid,
                    &format!("{}{field}", super::pulled::RESOLVED_PREFIX),
                    &serde_json::Value::Bool(true),
                    &serde_json::Value::Null,
                );
                (
                    format!("Settled the {field} of \"{}\"", before[0].display_title()),
                    Outcome::Nothing,
                    value.is_some().then_some(Edit::PutBackDrafts(before)),
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
            other => return Err(misrouted(&other)),
        })
    }

    fn drafts_now(
        &self,
        ids: impl IntoIterator<Item = DraftId>,
    ) -> Result<Vec<Draft>, WorkspaceError> {
        ids.into_iter()
            .map(|id| self.store.draft(id).map_err(WorkspaceError::from))
            .collect()
    }

    /// Logs every field of `before` that differs from the draft as stored now.
    fn log_drafts(&self, ops: &mut OpLog, before: &[Draft]) -> Result<(), WorkspaceError> {
        for old in before {
            let now = self.store.draft(old.id)?;
            let uuid = uuid(&self.store, EntityKind::Draft, old.id.0)?;
            ops.entity(&self.store, EntityKind::Draft, uuid, Some(old), Some(&now))?;
        }
        Ok(())
    }
}

/// "Saved \"Sourdough\"" or "Saved 3 drafts".
fn saved_drafts(drafts: &[Draft]) -> String {
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
