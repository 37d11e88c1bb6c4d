//! [`Workspace::apply`]: one edit validated and written in one transaction, with its ops and
//! the edit that takes it back appended to the edit log in the same transaction. The edits
//! themselves are carried out in `run_drafts.rs`, `run_library.rs` and `run_plan.rs`.

use chrono::Utc;

use super::edit::Edit;
use super::ops::OpLog;
use crate::domain::{AccountId, DraftId, SubcultureId};
use crate::store::{EditState, EntityKind, NewEdit, RecordedTrend, Store, StoreError};
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
            Edit::CreateDraft(_)
            | Edit::SaveDrafts(_)
            | Edit::Autosave(_)
            | Edit::PutBackDrafts(_)
            | Edit::TrashDrafts(_)
            | Edit::RestoreDrafts(_)
            | Edit::DeleteDraftsForever(_)
            | Edit::Comment { .. }
            | Edit::PickConflict { .. } => self.run_draft_edit(edit, author, &mut ops)?,
            Edit::PlaceEntries(_)
            | Edit::Unplan(_)
            | Edit::MovePlanEntry(_)
            | Edit::PinEntry { .. }
            | Edit::Plan { .. }
            | Edit::PlaceDraft { .. }
            | Edit::RestorePlans(_) => self.run_plan_edit(edit, &mut ops)?,
            Edit::AddSubculture { .. }
            | Edit::UpdateSubculture(_)
            | Edit::TrashSubculture(_)
            | Edit::RestoreSubculture(_)
            | Edit::AddAccount(_)
            | Edit::UpdateAccount(_)
            | Edit::TrashAccount(_)
            | Edit::RestoreAccount(_)
            | Edit::SetSubcultureMix { .. }
            | Edit::RecordTrends(_)
            | Edit::RemoveTrends { .. }
            | Edit::SetSetting { .. } => self.run_library_edit(edit, &mut ops)?,
        };
        Ok(Ran {
            summary,
            outcome,
            undo,
            ops,
        })
    }
}

/// What carrying an edit out gave: its summary, what it made, and the edit that takes it back.
pub(super) type Carried = (String, Outcome, Option<Edit>);

/// An edit handed to the part that does not carry it out (a slip in [`Workspace::run`]).
pub(super) fn misrouted(edit: &Edit) -> WorkspaceError {
    WorkspaceError::Refused(format!(
        "this edit went the wrong way inside Scrollstop: {edit:?}"
    ))
}

pub(super) fn uuid(store: &Store, kind: EntityKind, id: i64) -> Result<Option<String>, StoreError> {
    store.uuid_of(kind, &id.to_string())
}

pub(super) fn json<T: serde::Serialize>(value: &T) -> serde_json::Value {
    serde_json::to_value(value).unwrap_or(serde_json::Value::Null)
}
