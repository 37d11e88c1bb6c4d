//! The Drafts view's keyboard: Ctrl+F search anywhere in the view (Ctrl+N is the window's,
//! see `ui/editor/title_focus.rs`, so typing right after it reaches the new draft's Title);
//! Ctrl+A select every shown draft, Delete move the selection to the trash and Escape clear
//! the selection while no text field has the focus (a field keeps those keys for its text).

use super::DraftsView;
use crate::ui::shortcuts::{CLOSE, SEARCH, SELECT_ALL, TRASH};
use crate::ui::view::{Action, ViewContext};

impl DraftsView {
    /// Shortcuts that work on every tab of the view.
    pub(super) fn view_keys(&mut self, egui_ctx: &eframe::egui::Context) {
        if egui_ctx.input_mut(|i| i.consume_shortcut(&SEARCH)) {
            self.showing_trash = false;
            self.focus_search = true;
        }
    }

    /// Shortcuts on the selection of the drafts list.
    pub(super) fn selection_keys(
        &mut self,
        egui_ctx: &eframe::egui::Context,
        ctx: &mut ViewContext<'_>,
    ) {
        if egui_ctx.text_edit_focused() {
            return;
        }
        if egui_ctx.input_mut(|i| i.consume_shortcut(&SELECT_ALL)) {
            self.selection.select_all(&self.visible_ids);
            self.selection_changed = true;
        }
        if egui_ctx.input_mut(|i| i.consume_shortcut(&CLOSE)) {
            self.selection.clear();
            self.selection_changed = true;
        }
        if !self.selection.is_empty() && egui_ctx.input_mut(|i| i.consume_shortcut(&TRASH)) {
            self.trash_selected(ctx);
        }
    }

    /// Moves the selected drafts to the trash.
    pub(super) fn trash_selected(&mut self, ctx: &mut ViewContext<'_>) {
        let ids = self.selection.in_order(&self.visible_ids);
        if ids.is_empty() {
            return;
        }
        self.selection.clear();
        ctx.actions.push(Action::TrashDrafts(ids));
    }
}
