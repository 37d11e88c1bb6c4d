//! The undo stack: every edit the window applies to subcultures and accounts leaves a note of
//! how to take it back, and Undo (the status bar's button or Ctrl+Z) reverts the latest one.
//! Deletes are moves to the trash, so undoing them restores the row with all that points at it.

use chrono::NaiveDateTime;

use crate::domain::{
    Account, AccountId, Draft, DraftId, DraftStatus, Handle, PlanEntry, Subculture, SubcultureId,
};
use crate::store::{RecordedTrend, Store, StoreError};

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
        handle: Handle,
    },
    AccountEdited {
        before: Account,
    },
    AccountDeleted {
        id: AccountId,
        handle: Handle,
    },
    /// An account's subculture mix was written; `before` is the mix it had.
    SubcultureMixSet {
        account: AccountId,
        handle: Handle,
        before: crate::schedule::SubcultureMix,
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
    /// Captures of trend items typed or pasted in the Trends view.
    TrendsRecorded {
        recorded: Vec<RecordedTrend>,
    },
}

/// "a capture of #fyp" or "3 trend captures".
fn captures_phrase(recorded: &[RecordedTrend]) -> String {
    let added: Vec<&RecordedTrend> = recorded.iter().filter(|r| r.added).collect();
    match added.as_slice() {
        [one] => format!("a capture of {}", one.name),
        many => format!("{} trend captures", many.len()),
    }
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
            Self::AccountAdded { handle, .. } => format!("Added {handle}"),
            Self::AccountEdited { before } => format!("Saved {}", before.handle),
            Self::AccountDeleted { handle, .. } => format!("Deleted {handle}"),
            Self::SubcultureMixSet { handle, .. } => {
                format!("Saved the subculture mix of {handle}")
            }
            Self::DraftAdded { .. } => "Added a draft".to_string(),
            Self::DraftsEdited { before } => match before.as_slice() {
                [one] => format!("Saved \"{}\"", one.display_title()),
                many => format!("Saved {}", drafts_phrase(many.len())),
            },
            Self::DraftsTrashed { ids } => {
                format!("Moved {} to the trash", drafts_phrase(ids.len()))
            }
            Self::DraftsRestored { ids } => format!("Restored {}", drafts_phrase(ids.len())),
            Self::TrendsRecorded { recorded } => format!("Added {}", captures_phrase(recorded)),
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
                Ok(format!("Removed {handle} again"))
            }
            Self::AccountEdited { before } => {
                store.update_account(before)?;
                Ok(format!("Undid the changes to {}", before.handle))
            }
            Self::AccountDeleted { id, handle } => {
                store.restore_account(*id)?;
                Ok(format!("Restored {handle}"))
            }
            Self::SubcultureMixSet {
                account,
                handle,
                before,
            } => {
                crate::workspace::write_subculture_mix(store, *account, before)?;
                Ok(format!("Undid the subculture mix of {handle}"))
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
            Self::TrendsRecorded { recorded } => {
                store.remove_recorded_trends(recorded)?;
                Ok(format!("Removed {} again", captures_phrase(recorded)))
            }
        }
    }
}

/// The applied edits, newest last.
#[derive(Debug, Default)]
pub struct UndoStack {
    edits: Vec<Undoable>,
    /// The draft whose autosaves the newest entry holds, while more may join it.
    autosaving: Option<DraftId>,
}

impl UndoStack {
    /// Remembers an applied edit.
    pub fn push(&mut self, edit: Undoable) {
        self.autosaving = None;
        if self.edits.len() == DEPTH {
            self.edits.remove(0);
        }
        self.edits.push(edit);
    }

    /// Remembers an autosave of the draft `before` shows (as it was before the write). When
    /// the newest entry already holds autosaves of the same draft, this one joins it: Undo then
    /// takes the whole editing session back to the draft as it was before it began.
    pub fn push_autosave(&mut self, before: Draft) {
        let id = before.id;
        if self.autosaving == Some(id) && self.edits.last().is_some_and(|top| {
            matches!(top, Undoable::DraftsEdited { before } if before.len() == 1 && before[0].id == id)
        }) {
            return;
        }
        self.push(Undoable::DraftsEdited {
            before: vec![before],
        });
        self.autosaving = Some(id);
    }

    /// Ends the current run of autosaves: the next one starts a new Undo step (the editor
    /// closed or switched drafts).
    pub fn seal(&mut self) {
        self.autosaving = None;
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
        self.autosaving = None;
        Ok(Some(message))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{AccountId, Draft};

    fn draft(id: i64, title: &str) -> Draft {
        let mut d = Draft::blank(AccountId(1), chrono::DateTime::UNIX_EPOCH);
        d.id = DraftId(id);
        d.title = title.to_string();
        d
    }

    fn befores(stack: &UndoStack) -> Vec<String> {
        stack
            .edits
            .iter()
            .map(|e| match e {
                Undoable::DraftsEdited { before } => before[0].title.clone(),
                other => other.describe(),
            })
            .collect()
    }

    #[test]
    fn consecutive_autosaves_of_one_draft_are_one_step_holding_the_oldest_version() {
        let mut stack = UndoStack::default();
        stack.push_autosave(draft(1, "first"));
        stack.push_autosave(draft(1, "second"));
        stack.push_autosave(draft(1, "third"));
        assert_eq!(befores(&stack), vec!["first"]);
    }

    #[test]
    fn another_draft_another_edit_or_a_seal_start_a_new_step() {
        let mut stack = UndoStack::default();
        stack.push_autosave(draft(1, "a1"));
        stack.push_autosave(draft(2, "b1"));
        stack.push_autosave(draft(2, "b2"));
        stack.push(Undoable::DraftAdded { id: DraftId(3) });
        stack.push_autosave(draft(2, "b3"));
        stack.seal();
        stack.push_autosave(draft(2, "b4"));
        assert_eq!(
            befores(&stack),
            vec!["a1", "b1", "Added a draft", "b3", "b4"]
        );
    }
}
