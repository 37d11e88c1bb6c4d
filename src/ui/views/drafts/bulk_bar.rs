//! The bar shown while drafts are selected: how many, set their status, assign them to
//! someone, move them to the trash, or clear the selection. Each change goes out as one
//! undoable action for all selected drafts. What the member's team role may not do is disabled
//! and says why on hover.

use eframe::egui::{self, RichText};

use super::DraftsView;
use crate::domain::{Draft, DraftStatus};
use crate::ui::theme;
use crate::ui::view::{Action, ViewContext};
use crate::ui::widgets::format::plural;
use crate::ui::widgets::permitted;
use crate::workspace::team::Capability;

/// What the bulk bar's fields hold between frames.
#[derive(Debug, Default)]
pub(super) struct BulkBar {
    assignee: String,
}

impl DraftsView {
    pub(super) fn bulk_bar(&mut self, ui: &mut egui::Ui, ctx: &mut ViewContext<'_>) {
        let mut status = None;
        let mut assign = None;
        let mut trash = false;
        let mut clear = false;
        let may_edit = ctx.permissions.why_not(Capability::EditDrafts);
        let may_set_status = ctx.permissions.why_not(Capability::ChangeStatus);
        theme::card(ui).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                let count = plural(self.selection.len(), "draft", "drafts");
                ui.label(RichText::new(format!("{count} selected")).strong());
                ui.add_space(theme::SPACE_M);
                let label = ui.label("Set status").id;
                ui.add_enabled_ui(may_set_status.is_none(), |ui| {
                    egui::ComboBox::from_id_salt("drafts-bulk-status")
                        .selected_text("Choose…")
                        .width(110.0)
                        .show_ui(ui, |ui| {
                            for s in DraftStatus::ALL {
                                if ui.selectable_label(false, s.label()).clicked() {
                                    status = Some(*s);
                                }
                            }
                        })
                        .response
                        .labelled_by(label)
                        .on_disabled_hover_text(may_set_status.unwrap_or_default());
                });
                ui.add_space(theme::SPACE_M);
                let label = ui.label("Assign to").id;
                let field = ui
                    .add_enabled(
                        may_edit.is_none(),
                        egui::TextEdit::singleline(&mut self.bulk.assignee)
                            .hint_text("name (empty: nobody)")
                            .desired_width(140.0),
                    )
                    .labelled_by(label);
                let entered = field.lost_focus()
                    && ui.input(|i| i.key_pressed(crate::ui::shortcuts::SUBMIT.logical_key));
                let apply = permitted::button(
                    ui,
                    ctx.permissions,
                    Capability::EditDrafts,
                    true,
                    egui::Button::new("Apply"),
                );
                if apply.clicked() || (entered && may_edit.is_none()) {
                    assign = Some(self.bulk.assignee.trim().to_string());
                }
                ui.add_space(theme::SPACE_M);
                if permitted::button(
                    ui,
                    ctx.permissions,
                    Capability::EditDrafts,
                    true,
                    egui::Button::new("Move to trash"),
                )
                .on_hover_text("Delete; Ctrl+Z or the Trash tab brings them back")
                .clicked()
                {
                    trash = true;
                }
                if ui
                    .button("Clear selection")
                    .on_hover_text("Escape")
                    .clicked()
                {
                    clear = true;
                }
            });
        });
        if let Some(status) = status {
            self.save_selected(ctx, |d| d.status = status);
        }
        if let Some(name) = assign {
            self.save_selected(ctx, |d| d.assignee.clone_from(&name));
        }
        if trash {
            self.trash_selected(ctx);
        }
        if clear {
            self.selection.clear();
            self.selection_changed = true;
        }
    }

    /// Saves the selected drafts changed by `edit` (those it leaves as they were are skipped).
    fn save_selected(&mut self, ctx: &mut ViewContext<'_>, edit: impl Fn(&mut Draft)) {
        let Some(data) = &self.data else {
            return;
        };
        let changed: Vec<Draft> = self
            .selection
            .in_order(&self.visible_ids)
            .iter()
            .filter_map(|id| data.index.get(id).and_then(|i| data.drafts.get(*i)))
            .filter_map(|d| {
                let mut edited = d.clone();
                edit(&mut edited);
                (edited != *d).then_some(edited)
            })
            .collect();
        if changed.is_empty() {
            ctx.actions.push(Action::Notify(
                "The selected drafts already have that value.".to_string(),
            ));
        } else {
            ctx.actions.push(Action::SaveDrafts(changed));
        }
    }
}
