//! The draft the user chose last and whether the editor shows it: one value for the whole
//! window, so the Drafts table's highlight, the editor, the bulk bar and the Reach forecast
//! cannot disagree. Closing the editor keeps the choice (Reach still forecasts it); choosing
//! nothing closes the editor. Plain state: the actions that change it are applied in
//! `ui/actions.rs`, and it never reads the workspace.

use crate::domain::DraftId;

/// The chosen draft, and whether the editor is open on it.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ChosenDraft {
    draft: Option<DraftId>,
    editing: bool,
}

impl ChosenDraft {
    /// The draft chosen last (highlighted in Drafts, forecast in Reach), open or not.
    pub fn draft(self) -> Option<DraftId> {
        self.draft
    }

    /// The draft the editor shows, if it is open.
    pub fn editing(self) -> Option<DraftId> {
        self.draft.filter(|_| self.editing)
    }

    /// Opens the editor on `id`, which becomes the choice; `None` closes the editor and keeps
    /// the choice.
    pub fn open(&mut self, id: Option<DraftId>) {
        match id {
            Some(id) => {
                self.draft = Some(id);
                self.editing = true;
            }
            None => self.editing = false,
        }
    }

    /// Makes `id` the choice without opening the editor: an open editor follows it, and
    /// choosing nothing closes it.
    pub fn choose(&mut self, id: Option<DraftId>) {
        self.draft = id;
        self.editing &= id.is_some();
    }

    /// Nothing chosen and the editor closed (another account or workspace).
    pub fn forget(&mut self) {
        *self = Self::default();
    }

    /// Forgets the choice when it is one of `gone` (trashed drafts).
    pub fn forget_any(&mut self, gone: &[DraftId]) {
        if self.draft.is_some_and(|d| gone.contains(&d)) {
            self.forget();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closing_the_editor_keeps_the_choice_and_choosing_nothing_closes_it() {
        let (a, b) = (DraftId(1), DraftId(2));
        let mut chosen = ChosenDraft::default();
        chosen.open(Some(a));
        assert_eq!(chosen.editing(), Some(a));
        chosen.open(None);
        assert_eq!((chosen.draft(), chosen.editing()), (Some(a), None));
        chosen.choose(Some(b));
        assert_eq!((chosen.draft(), chosen.editing()), (Some(b), None));
        chosen.open(Some(a));
        chosen.choose(Some(b));
        assert_eq!(
            chosen.editing(),
            Some(b),
            "an open editor follows the choice"
        );
        chosen.choose(None);
        assert_eq!((chosen.draft(), chosen.editing()), (None, None));
        chosen.open(Some(a));
        chosen.forget_any(&[b]);
        assert_eq!(chosen.editing(), Some(a));
        chosen.forget_any(&[a]);
        assert_eq!(chosen, ChosenDraft::default());
    }
}
