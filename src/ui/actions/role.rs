//! The team role's say over actions: an action whose kind of change the member's role does not
//! allow is refused with the reason before anything is written (a keyboard shortcut or a drag
//! reaches here even where a button is disabled). Saving a draft is not held back: a reviewer
//! may change its status, and the editor only lets them change that.

use crate::ui::view::Action;
use crate::workspace::team::{Capability, Permissions};

/// Why the role refuses `action`; `None` when it may go ahead.
pub(super) fn refusal(action: &Action, permissions: &Permissions) -> Option<String> {
    let capability = match action {
        Action::CreateDemo
        | Action::NewDraft
        | Action::PickDraftMedia(_)
        | Action::TrashDrafts(_)
        | Action::RestoreDrafts(_) => Capability::EditDrafts,
        Action::AddDraftComment { .. } => Capability::Comment,
        Action::AddSubculture { .. }
        | Action::UpdateSubculture(_)
        | Action::DeleteSubculture(_)
        | Action::RecordTrends(_) => Capability::EditShared,
        Action::AddAccount(_)
        | Action::UpdateAccount(_)
        | Action::DeleteAccount(_)
        | Action::SetSubcultureMix { .. } => Capability::EditAccounts,
        Action::MovePlanEntry { .. } | Action::ReplanDraft(_) => Capability::Plan,
        _ => return None,
    };
    permissions.why_not(capability).map(|why| format!("{why}."))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::DraftId;
    use crate::workspace::team::Role;

    #[test]
    fn a_viewer_cannot_make_a_draft_and_a_reviewer_can_comment() {
        let viewer = Permissions::of(Some(Role::Viewer), false);
        assert_eq!(
            refusal(&Action::NewDraft, &viewer).as_deref(),
            Some("Viewers cannot change anything in this team.")
        );
        let reviewer = Permissions::of(Some(Role::Reviewer), false);
        let comment = Action::AddDraftComment {
            draft: DraftId(1),
            author: "Priya".into(),
            text: "Tighter hook".into(),
        };
        assert_eq!(refusal(&comment, &reviewer), None);
        assert!(refusal(&Action::TrashDrafts(vec![DraftId(1)]), &reviewer).is_some());
        assert_eq!(refusal(&Action::NewDraft, &Permissions::everything()), None);
    }
}
