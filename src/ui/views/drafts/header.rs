//! The Drafts view's header: the title, the Drafts / Trash tabs with their counts, "Import
//! drafts…" and "New draft".

use crate::ui::widgets::permitted;
use crate::workspace::team::Capability;
use eframe::egui;

use super::DraftsView;
use crate::text::thousands;
use crate::ui::theme;
use crate::ui::view::{Action, ViewContext};

impl DraftsView {
    pub(super) fn header(&mut self, ui: &mut egui::Ui, ctx: &mut ViewContext<'_>) {
        // Beside the editor the buttons go under the heading: in one row they would run over it.
        if ui.available_width() < WIDE {
            heading(ui);
            ui.horizontal_wrapped(|ui| {
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
                    self.buttons(ui, ctx);
                });
            });
        } else {
            ui.horizontal(|ui| {
                ui.vertical(heading);
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
                    self.buttons(ui, ctx);
                });
            });
        }
        ui.add_space(theme::SPACE_S);
    }

    /// "New draft", "Import drafts CSV…" and the tabs, drawn right to left.
    fn buttons(&mut self, ui: &mut egui::Ui, ctx: &mut ViewContext<'_>) {
        let new = permitted::button(
            ui,
            ctx.permissions,
            Capability::EditDrafts,
            true,
            theme::primary_button(ui, "New draft"),
        );
        if new.on_hover_text("Ctrl+N").clicked() {
            ctx.actions.push(Action::NewDraft);
        }
        if ui
            .button("Import drafts CSV…")
            .on_hover_text("Read a drafts CSV, preview it, then add its drafts (Ctrl+I)")
            .clicked()
        {
            ctx.actions.push(Action::ImportFiles);
        }
        let trashed = self.data.as_ref().map_or(0, |d| d.trash.len());
        let label = format!("Trash ({})", thousands(trashed as i64));
        if ui.selectable_label(self.showing_trash, label).clicked() {
            self.showing_trash = true;
        }
        let all = self.data.as_ref().map_or(0, |d| d.rows.len());
        if ui
            .selectable_label(
                !self.showing_trash,
                format!("Drafts ({})", thousands(all as i64)),
            )
            .clicked()
        {
            self.showing_trash = false;
        }
    }
}

/// The narrowest view that has the heading and the buttons in one row.
const WIDE: f32 = 860.0;

fn heading(ui: &mut egui::Ui) {
    theme::view_heading(
        ui,
        "Drafts",
        "Every planned video of the account, from first idea to posted.",
    );
}
