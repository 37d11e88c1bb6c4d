//! Undo and Redo, kept in the edit log so they work the same from the window and the command
//! line and survive a restart. Undo applies the edit logged to take back the author's newest
//! edit (itself an edit, logged like any other); Redo applies again what the newest undo took
//! back. A new edit ends what could be redone.

use super::apply::{Applied, Origin};
use super::edit::Edit;
use crate::workspace::{Workspace, WorkspaceError};

impl Workspace {
    /// Takes back `author`'s newest edit still in effect. `Ok(None)` when there is none.
    pub fn undo(&mut self, author: &str) -> Result<Option<Applied>, WorkspaceError> {
        let Some(newest) = self.store.newest_undoable(author)? else {
            return Ok(None);
        };
        let edit = decode(newest.undo.as_deref())?;
        Ok(Some(self.apply_as(
            edit,
            author,
            Origin::Undo(newest.id),
        )?))
    }

    /// Applies again what `author`'s newest undo took back. `Ok(None)` when there is nothing.
    pub fn redo(&mut self, author: &str) -> Result<Option<Applied>, WorkspaceError> {
        let Some(undo) = self.store.newest_redoable(author)? else {
            return Ok(None);
        };
        let Some(target) = undo.undoes else {
            return Ok(None);
        };
        let edit = decode(undo.undo.as_deref())?;
        Ok(Some(self.apply_as(edit, author, Origin::Redo(target))?))
    }

    /// True when `author` has an edit Undo can take back.
    pub fn can_undo(&self, author: &str) -> bool {
        matches!(self.store.newest_undoable(author), Ok(Some(_)))
    }

    /// True when `author` has an undone edit Redo can apply again.
    pub fn can_redo(&self, author: &str) -> bool {
        matches!(self.store.newest_redoable(author), Ok(Some(_)))
    }

    /// The editor moved on (closed, or another draft): the next autosave starts a new Undo step.
    pub fn end_autosaves(&mut self, author: &str) -> Result<(), WorkspaceError> {
        Ok(self.store.stop_joining(author)?)
    }
}

/// The logged edit that takes another back.
fn decode(json: Option<&str>) -> Result<Edit, WorkspaceError> {
    json.and_then(|j| serde_json::from_str(j).ok())
        .ok_or_else(|| {
            WorkspaceError::Refused(
                "this edit was logged by another version of Scrollstop and cannot be taken back here."
                    .into(),
            )
        })
}
