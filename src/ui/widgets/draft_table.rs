//! The drafts table: the virtualised egui_extras table that draws only the rows on screen,
//! with a header that sorts by the clicked column. It draws rows prepared by
//! [`super::draft_rows`] and never reads or writes the workspace.

use eframe::egui::{self, Align, Layout, RichText};
use egui_extras::{Column, TableBuilder};

use super::draft_rows::{DraftColumn, DraftRow, DraftSort};
use super::status_chip::status_chip;
use crate::ui::theme;

/// Draws the rows listed in `visible` (indices into `rows`); a click on a header changes `sort`.
pub fn draft_table(ui: &mut egui::Ui, rows: &[DraftRow], visible: &[usize], sort: &mut DraftSort) {
    let mut clicked = None;
    let mut builder = TableBuilder::new(ui)
        .id_salt("drafts-table")
        .striped(true)
        .resizable(true)
        .auto_shrink([false, false])
        .cell_layout(Layout::left_to_right(Align::Center));
    for column in DraftColumn::ALL {
        builder = builder.column(column_width(column));
    }
    let current = *sort;
    builder
        .header(26.0, |mut header| {
            for column in DraftColumn::ALL {
                header.col(|ui| {
                    let active = current.column == column;
                    let text = RichText::new(column.label()).strong();
                    let response = ui.selectable_label(active, text);
                    if response.on_hover_text("Sort by this column").clicked() {
                        clicked = Some(column);
                    }
                    if active {
                        // Hack (the monospace font) has the triangles; the body font does not.
                        let arrow = if current.descending { "▼" } else { "▲" };
                        ui.label(RichText::new(arrow).monospace());
                    }
                });
            }
        })
        .body(|body| {
            body.rows(26.0, visible.len(), |mut table_row| {
                let Some(r) = visible.get(table_row.index()).and_then(|i| rows.get(*i)) else {
                    return;
                };
                table_row.col(|ui| {
                    status_chip(ui, r.status);
                });
                table_row.col(|ui| {
                    ui.add(egui::Label::new(&r.title).truncate());
                });
                table_row.col(|ui| {
                    if let Some(colour) = r.subculture_colour {
                        theme::swatch(ui, colour, 10.0);
                    }
                    ui.add(egui::Label::new(&r.subculture).truncate());
                });
                table_row.col(|ui| {
                    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                        ui.label(&r.duration);
                    });
                });
                table_row.col(|ui| {
                    ui.add(egui::Label::new(&r.sound).truncate());
                });
                table_row.col(|ui| {
                    ui.label(r.aspect);
                });
                table_row.col(|ui| {
                    ui.add(egui::Label::new(&r.assignee).truncate());
                });
                table_row.col(|ui| {
                    ui.label(&r.slot);
                });
                table_row.col(|ui| {
                    ui.label(theme::muted(ui, &r.updated));
                });
            });
        });
    if let Some(column) = clicked {
        *sort = sort.clicked(column);
    }
}

/// The column's starting width. Title takes what the others leave, so the table fits the
/// window; every other column can be dragged wider.
fn column_width(column: DraftColumn) -> Column {
    let initial = match column {
        DraftColumn::Title => return Column::remainder().at_least(150.0).clip(true),
        DraftColumn::Status => 92.0,
        DraftColumn::Subculture => 116.0,
        DraftColumn::Duration => 66.0,
        DraftColumn::Sound => 140.0,
        DraftColumn::Aspect => 62.0,
        DraftColumn::Assignee => 80.0,
        DraftColumn::PlannedSlot => 122.0,
        DraftColumn::Updated => 100.0,
    };
    Column::initial(initial)
        .at_least(48.0)
        .resizable(true)
        .clip(true)
}
