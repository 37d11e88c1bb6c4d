//! The Drafts view's Trash tab: the account's trashed drafts, most recently trashed first, with
//! the same click / Ctrl+click / Shift+click selection as the list and Restore for the
//! selected ones (Ctrl+A selects all).

use eframe::egui::{self, Align, Layout, RichText};
use egui_extras::{Column, TableBuilder};

use crate::domain::{Account, DraftId};
use crate::ui::shortcuts;
use crate::ui::theme;
use crate::ui::view::Action;
use crate::ui::widgets::draft_rows::DraftRow;
use crate::ui::widgets::empty_state::empty_state;
use crate::ui::widgets::format::plural;
use crate::ui::widgets::row_selection::{ClickKind, RowSelection};
use crate::ui::widgets::status_chip::status_chip;

/// The Trash tab's state.
#[derive(Default)]
pub(super) struct TrashTab {
    selection: RowSelection<DraftId>,
}

impl TrashTab {
    pub fn clear_selection(&mut self) {
        self.selection.clear();
    }

    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        rows: &[DraftRow],
        account: &Account,
        actions: &mut Vec<Action>,
    ) {
        if rows.is_empty() {
            empty_state(
                ui,
                &format!("The trash of {} is empty", account.at_handle()),
                "Drafts you delete (select them and press Delete, or Move to trash) wait here \
                 until you restore them.",
            );
            return;
        }
        let ids: Vec<DraftId> = rows.iter().map(|r| r.id).collect();
        self.selection.keep_only(&ids);
        let ctx = ui.ctx().clone();
        if !ctx.text_edit_focused() {
            if ctx.input_mut(|i| i.consume_shortcut(&shortcuts::SELECT_ALL)) {
                self.selection.select_all(&ids);
            }
            if ctx.input_mut(|i| i.consume_shortcut(&shortcuts::CLOSE)) {
                self.selection.clear();
            }
        }
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(plural(rows.len(), "draft", "drafts") + " in the trash").strong(),
            );
            ui.add_space(theme::SPACE_M);
            let selected = self.selection.len();
            let text = if selected == 0 {
                "Restore".to_string()
            } else {
                format!("Restore {}", plural(selected, "draft", "drafts"))
            };
            let restore = ui
                .add_enabled(selected > 0, egui::Button::new(text))
                .on_disabled_hover_text(
                    "Select drafts first (click, Ctrl+click, Shift+click, Ctrl+A)",
                );
            if restore.clicked() {
                actions.push(Action::RestoreDrafts(self.selection.in_order(&ids)));
                self.selection.clear();
            }
        });
        ui.add_space(theme::SPACE_S);
        if let Some((id, kind)) = trash_table(ui, rows, &self.selection) {
            self.selection.click(id, kind, &ids);
        }
    }
}

/// The trashed drafts; returns the row clicked and how.
fn trash_table(
    ui: &mut egui::Ui,
    rows: &[DraftRow],
    selection: &RowSelection<DraftId>,
) -> Option<(DraftId, ClickKind)> {
    ui.style_mut().interaction.selectable_labels = false;
    let mut clicked = None;
    TableBuilder::new(ui)
        .id_salt("drafts-trash-table")
        .striped(true)
        .sense(egui::Sense::click())
        .auto_shrink([false, false])
        .cell_layout(Layout::left_to_right(Align::Center))
        .column(Column::initial(92.0))
        .column(Column::remainder().at_least(160.0).clip(true))
        .column(Column::initial(130.0).clip(true))
        .column(Column::initial(130.0).clip(true))
        .header(26.0, |mut header| {
            for title in ["Status", "Title", "Subculture", "Updated"] {
                header.col(|ui| {
                    ui.label(RichText::new(title).strong());
                });
            }
        })
        .body(|body| {
            body.rows(26.0, rows.len(), |mut row| {
                let Some(r) = rows.get(row.index()) else {
                    return;
                };
                row.set_selected(selection.contains(&r.id));
                row.col(|ui| {
                    status_chip(ui, r.status);
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(&r.title).truncate());
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(&r.subculture).truncate());
                });
                row.col(|ui| {
                    ui.label(theme::muted(ui, &r.updated));
                });
                if row.response().clicked() {
                    let modifiers = row.response().ctx.input(|i| i.modifiers);
                    clicked = Some((r.id, ClickKind::from_modifiers(modifiers)));
                }
            });
        });
    clicked
}
