//! What the editor reads from the workspace around the open draft: the checks' context for
//! its account, the subcultures for the picker and the hashtag suggestions, the review
//! thread and the draft's history. Read when the draft opens and whenever another change moved the revision.

use chrono::Utc;

use crate::domain::{Draft, DraftComment, Subculture};
use crate::workspace::{CheckSession, FieldConflict, HistoryEntry, Workspace};

/// What the editor reads from the workspace once per revision.
#[derive(Default)]
pub struct Facts {
    /// The checks' context for the draft's account (`None` when it could not be read).
    pub session: Option<CheckSession>,
    pub subcultures: Vec<Subculture>,
    pub comments: Vec<DraftComment>,
    /// Who changed the draft, what and when, oldest first.
    pub history: Vec<HistoryEntry>,
    /// Teammates' values of text fields kept aside until someone picks.
    pub conflicts: Vec<FieldConflict>,
    /// What could not be read, if anything.
    pub error: Option<String>,
}

impl Facts {
    pub fn read(workspace: &Workspace, draft: &Draft) -> Self {
        let mut errors = Vec::new();
        let session = workspace
            .check_session(draft.account, Utc::now())
            .map_err(|e| errors.push(format!("the checks' context: {e}")))
            .ok();
        let subcultures = workspace
            .subcultures()
            .map_err(|e| errors.push(format!("the subcultures: {e}")))
            .unwrap_or_default();
        let comments = workspace
            .draft_comments(draft.id)
            .map_err(|e| errors.push(format!("the comments: {e}")))
            .unwrap_or_default();
        let history = workspace
            .draft_history(draft.id)
            .map_err(|e| errors.push(format!("the history: {e}")))
            .unwrap_or_default();
        let conflicts = workspace
            .draft_conflicts(draft.id)
            .map_err(|e| errors.push(format!("the conflicts: {e}")))
            .unwrap_or_default();
        Self {
            session,
            subcultures,
            comments,
            history,
            conflicts,
            error: (!errors.is_empty()).then(|| format!("Could not read {}", errors.join("; "))),
        }
    }
}
