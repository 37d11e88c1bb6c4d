//! The undo stack: every edit the window applies to subcultures and accounts leaves a note of
//! how to take it back, and Undo (the status bar's button or Ctrl+Z) reverts the latest one.
//! Deletes are moves to the trash, so undoing them restores the row with all that points at it.

use chrono::NaiveDateTime;

use crate::domain::{
    Account, AccountId, Draft, DraftId, DraftStatus, PlanEntry, Subculture, SubcultureId,
};
use crate::store::{Store, StoreError};

/// How many edits can be taken back.
const DEPTH: usize = 50;

/// One applied edit and what it takes to revert it.
#[derive(Debug, Clone, PartialEq)]
pub enum Undoable {
    SubcultureAdded {
        id: SubcultureId,
        name: String,
    },
    SubcultureEdited {
        before: Subculture,
    },
    SubcultureDeleted {
        id: SubcultureId,
        name: String,
    },
    AccountAdded {
        id: AccountId,
        handle: String,
    },
    AccountEdited {
        before: Account,
    },
    AccountDeleted {
        id: AccountId,
        handle: String,
    },
    DraftAdded {
        id: DraftId,
    },
    /// Drafts as they were before a save (one for an editor edit, many for a bulk change).
    DraftsEdited {
        before: Vec<Draft>,
    },
    DraftsTrashed {
        ids: Vec<DraftId>,
    },
    DraftsRestored {
        ids: Vec<DraftId>,
    },
    /// A planned post moved (Calendar drag and drop); `before` is the entry as it was.
    PlanEntryMoved {
        before: PlanEntry,
        to: NaiveDateTime,
    },
    /// A planning run wrote the plan; `before` is every entry of the account then.
    PlanWritten {
        account: AccountId,
        before: Vec<PlanEntry>,
        statuses: Vec<(DraftId, DraftStatus)>,
        summary: String,
    },
}

/// "the draft" or "3 drafts".
fn drafts_phrase(n: usize) -> String {
    if n == 1 {
        "the draft".to_string()
    } else {
        format!("{n} drafts")
    }
}

impl Undoable {
    /// What the edit did, in the words the status bar shows ("Deleted #FitTok").
    pub fn describe(&self) -> String {
        match self {
            Self::SubcultureAdded { name, .. } => format!("Added {name}"),
            Self::SubcultureEdited { before } => format!("Saved {}", before.name),
            Self::SubcultureDeleted { name, .. } => format!("Deleted {name}"),
            Self::AccountAdded { handle, .. } => format!("Added @{handle}"),
            Self::AccountEdited { before } => format!("Saved @{}", before.handle),
            Self::AccountDeleted { handle, .. } => format!("Deleted @{handle}"),
            Self::DraftAdded { .. } => "Added a draft".to_string(),
            Self::DraftsEdited { before } => match before.as_slice() {
                [one] => format!("Saved \"{}\"", one.display_title()),
                many => format!("Saved {}", drafts_phrase(many.len())),
            },
            Self::DraftsTrashed { ids } => {
                format!("Moved {} to the trash", drafts_phrase(ids.len()))
            }
            Self::DraftsRestored { ids } => format!("Restored {}", drafts_phrase(ids.len())),
            Self::PlanEntryMoved { to, .. } => {
                format!("Moved the post to {}", to.format("%a %-d %b %H:%M"))
            }
            Self::PlanWritten { summary, .. } => summary.clone(),
        }
    }

    /// Takes the edit back and says what happened.
    fn revert(&self, store: &mut Store) -> Result<String, StoreError> {
        match self {
            Self::SubcultureAdded { id, name } => {
                store.trash_subculture(*id)?;
                Ok(format!("Removed {name} again"))
            }
            Self::SubcultureEdited { before } => {
                store.update_subculture(before)?;
                Ok(format!("Undid the changes to {}", before.name))
            }
            Self::SubcultureDeleted { id, name } => {
                store.restore_subculture(*id)?;
                Ok(format!("Restored {name}"))
            }
            Self::AccountAdded { id, handle } => {
                store.trash_account(*id)?;
                Ok(format!("Removed @{handle} again"))
            }
            Self::AccountEdited { before } => {
                store.update_account(before)?;
                Ok(format!("Undid the changes to @{}", before.handle))
            }
            Self::AccountDeleted { id, handle } => {
                store.restore_account(*id)?;
                Ok(format!("Restored @{handle}"))
            }
            Self::DraftAdded { id } => {
                store.trash_drafts(&[*id])?;
                Ok("Removed the new draft again".to_string())
            }
            Self::DraftsEdited { before } => {
                store.restore_draft_versions(before)?;
                Ok(format!(
                    "Undid the changes to {}",
                    drafts_phrase(before.len())
                ))
            }
            Self::DraftsTrashed { ids } => {
                store.restore_drafts(ids)?;
                Ok(format!("Restored {}", drafts_phrase(ids.len())))
            }
            Self::PlanEntryMoved { before, .. } => {
                store.reschedule(before)?;
                Ok(format!(
                    "Moved the post back to {}",
                    before.wall_time.format("%a %-d %b %H:%M")
                ))
            }
            Self::PlanWritten {
                account,
                before,
                statuses,
                ..
            } => {
                store.restore_plan(*account, before, statuses)?;
                Ok("Put the plan back as it was".to_string())
            }
            Self::DraftsRestored { ids } => {
                store.trash_drafts(ids)?;
                Ok(format!(
                    "Moved {} back to the trash",
                    drafts_phrase(ids.len())
                ))
            }
        }
    }
}

/// The applied edits, newest last.
#[derive(Debug, Default)]
pub struct UndoStack {
    edits: Vec<Undoable>,
}

impl UndoStack {
    /// Remembers an applied edit.
    pub fn push(&mut self, edit: Undoable) {
        if self.edits.len() == DEPTH {
            self.edits.remove(0);
        }
        self.edits.push(edit);
    }

    /// True when there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.edits.is_empty()
    }

    /// Reverts the newest edit. `Ok(None)` when there was nothing to undo. A revert the store
    /// refuses (e.g. a restored name is taken again) stays on the stack so the user can fix the
    /// clash and try again.
    pub fn undo(&mut self, store: &mut Store) -> Result<Option<String>, StoreError> {
        let Some(edit) = self.edits.last() else {
            return Ok(None);
        };
        let message = edit.revert(store)?;
        self.edits.pop();
        Ok(Some(message))
    }
}
