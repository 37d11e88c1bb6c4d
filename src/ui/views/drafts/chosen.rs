//! The table's selection and the window's chosen draft kept as one. A draft chosen elsewhere
//! (Ctrl+N, New draft, Reach, the Calendar) becomes the highlighted row; a selection the user
//! changes here (click, Ctrl+click, Shift+click, Ctrl+A, Escape, Clear selection, a filter)
//! names the chosen draft: the row clicked last if it is selected, else the one chosen before
//! if it still is, else the first selected row shown. So the highlighted rows, the editor's
//! draft and the drafts the bulk bar acts on always agree. A chosen draft the filters hide
//! stays chosen (the editor keeps it) with nothing highlighted.

use super::DraftsView;
use crate::domain::DraftId;
use crate::ui::view::{Action, ViewContext};
use crate::ui::widgets::row_selection::ClickKind;

impl DraftsView {
    /// Before the table is drawn: follows a choice made outside the table.
    pub(super) fn follow_chosen(&mut self, ctx: &ViewContext<'_>) {
        if ctx.chosen_draft == self.chosen {
            return;
        }
        self.chosen = ctx.chosen_draft;
        match ctx.chosen_draft {
            Some(id) if !self.selection.contains(&id) => {
                self.selection.clear();
                if let Some(at) = self.visible_ids.iter().position(|v| *v == id) {
                    self.selection.click(id, ClickKind::Only, &self.visible_ids);
                    self.scroll_to = Some(at);
                }
            }
            Some(_) => {}
            None => self.selection.clear(),
        }
    }

    /// After the user changed the selection: tells the window which draft it names. A plain
    /// click also opens the editor.
    pub(super) fn report_chosen(
        &mut self,
        ctx: &mut ViewContext<'_>,
        clicked: Option<(DraftId, ClickKind)>,
    ) {
        if !std::mem::take(&mut self.selection_changed) {
            return;
        }
        let selected = |id: &DraftId| self.selection.contains(id);
        let named = clicked
            .map(|(id, _)| id)
            .filter(selected)
            .or(self.chosen.filter(selected))
            .or_else(|| self.selection.in_order(&self.visible_ids).first().copied());
        if let Some((id, ClickKind::Only)) = clicked {
            ctx.actions.push(Action::OpenDraft(Some(id)));
        } else if named != self.chosen {
            let hidden = self.chosen.is_some_and(|c| !self.visible_ids.contains(&c));
            if named.is_none() && hidden {
                return;
            }
            ctx.actions.push(Action::ChooseDraft(named));
        }
        self.chosen = named;
    }
}
