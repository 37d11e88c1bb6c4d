//! The drafts table: the virtualised egui_extras table that draws only the rows on screen, a
//! header that sorts by the clicked column, selected rows highlighted, and clicks on rows
//! reported back with the modifiers held; a view too narrow for every column (beside the
//! editor) shows the columns that fit rather than painting past its edge. It draws rows prepared by [`super::draft_rows`]
//! (nothing is formatted per frame) and never reads or writes the workspace.

use eframe::egui::{self, Align, Layout, RichText};
use egui_extras::{Column, TableBuilder};

use super::draft_rows::{
    Assessment, Assessments, DraftColumn, DraftRow, DraftSort, FindingSummary,
};
use super::format::plural;
use super::row_selection::{ClickKind, RowSelection};
use super::status_chip::status_chip;
use crate::domain::DraftId;
use crate::ui::theme;

/// Height of one row.
const ROW_HEIGHT: f32 = 26.0;

/// What the table shows and where its state lives.
pub struct DraftTable<'a> {
    /// A different salt per table keeps column widths and scrolling apart (drafts, trash).
    pub id_salt: &'static str,
    pub rows: &'a [DraftRow],
    /// The rows' findings and predicted reach.
    pub assessed: &'a Assessments,
    /// Indices into `rows`, in the order shown.
    pub visible: &'a [usize],
    pub sort: &'a mut DraftSort,
    pub selection: &'a RowSelection<DraftId>,
    /// Scrolls so this position in `visible` is on screen (after keyboard selection).
    pub scroll_to: Option<usize>,
}

/// Draws the table; returns the row clicked this frame and how.
pub fn draft_table(ui: &mut egui::Ui, table: DraftTable<'_>) -> Option<(DraftId, ClickKind)> {
    let DraftTable {
        id_salt,
        rows,
        assessed,
        visible,
        sort,
        selection,
        scroll_to,
    } = table;
    // Labels in rows must not take the click (or start a text selection): the row does.
    ui.style_mut().interaction.selectable_labels = false;
    let mut clicked_header = None;
    let mut clicked_row = None;
    let headers = DraftColumn::ALL.map(|column| (column, header_width(ui, column)));
    let header_of = |column: DraftColumn| {
        headers
            .iter()
            .find(|(c, _)| *c == column)
            .map_or(0.0, |(_, w)| *w)
    };
    let columns = fitting_columns(ui.available_width(), ui.spacing().item_spacing.x, header_of);
    let mut builder = TableBuilder::new(ui)
        // Each set of columns keeps its own widths (a narrower view shows fewer columns).
        .id_salt((id_salt, columns.len()))
        .striped(true)
        .resizable(true)
        .sense(egui::Sense::click())
        .auto_shrink([false, false])
        .cell_layout(Layout::left_to_right(Align::Center));
    if let Some(row) = scroll_to {
        builder = builder.scroll_to_row(row, None);
    }
    for column in &columns {
        builder = builder.column(column_width(*column, header_of(*column)));
    }
    let current = *sort;
    builder
        .header(ROW_HEIGHT, |mut header| {
            for column in columns.iter().copied() {
                header.col(|ui| {
                    if header_cell(ui, column, current) {
                        clicked_header = Some(column);
                    }
                });
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, visible.len(), |mut table_row| {
                let Some(r) = visible.get(table_row.index()).and_then(|i| rows.get(*i)) else {
                    return;
                };
                table_row.set_selected(selection.contains(&r.id));
                row_cells(&mut table_row, &columns, r, assessed.of(r.id));
                if table_row.response().clicked() {
                    let modifiers = table_row.response().ctx.input(|i| i.modifiers);
                    clicked_row = Some((r.id, ClickKind::from_modifiers(modifiers)));
                }
            });
        });
    if let Some(column) = clicked_header {
        *sort = sort.clicked(column);
    }
    clicked_row
}

/// A header cell; true when it was clicked.
fn header_cell(ui: &mut egui::Ui, column: DraftColumn, current: DraftSort) -> bool {
    let active = current.column == column;
    let text = RichText::new(column.label()).strong();
    let explanation = column.explanation();
    let hover = if explanation.is_empty() {
        "Sort by this column".to_string()
    } else {
        format!("{explanation}\nClick to sort by this column.")
    };
    let clicked = ui
        .selectable_label(active, text)
        .on_hover_text(hover)
        .clicked();
    if active {
        // Hack (the monospace font) has the triangles; the body font does not.
        let arrow = if current.descending { "▼" } else { "▲" };
        ui.label(RichText::new(arrow).monospace());
    }
    clicked
}

/// The cells of one row, in the headers' order.
fn row_cells(
    table_row: &mut egui_extras::TableRow<'_, '_>,
    columns: &[DraftColumn],
    r: &DraftRow,
    assessment: &Assessment,
) {
    for column in columns {
        table_row.col(|ui| cell(ui, *column, r, assessment));
    }
}

/// One cell of a row.
fn cell(ui: &mut egui::Ui, column: DraftColumn, r: &DraftRow, assessment: &Assessment) {
    match column {
        DraftColumn::Status => {
            status_chip(ui, r.status);
        }
        DraftColumn::Title => {
            let label = ui.add(egui::Label::new(&r.title).truncate());
            if !r.hook.trim().is_empty() && r.hook != r.title {
                label.on_hover_ui(|ui| {
                    ui.label(format!("Hook: {}", r.hook));
                });
            }
        }
        DraftColumn::Subculture => {
            if let Some(colour) = r.subculture_colour {
                theme::swatch(ui, colour, 10.0);
            }
            ui.add(egui::Label::new(&r.subculture).truncate());
        }
        DraftColumn::Duration => {
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                ui.label(&r.duration);
            });
        }
        DraftColumn::Sound => {
            ui.add(egui::Label::new(&r.sound).truncate());
        }
        DraftColumn::Assignee => {
            ui.add(egui::Label::new(&r.assignee).truncate());
        }
        DraftColumn::PlannedSlot => {
            if r.is_overdue(chrono::Utc::now()) {
                ui.label(
                    RichText::new(format!("{} · overdue", r.slot)).color(theme::palette(ui).warn),
                )
                .on_hover_text(
                    "Scheduled, and this time has passed: open the draft to mark it posted \
                         or re-plan it",
                );
            } else {
                ui.label(&r.slot);
            }
        }
        DraftColumn::Findings => match &assessment.findings {
            Some(summary) => findings_cell(ui, summary),
            None => {
                ui.label(theme::muted(ui, "…"))
                    .on_hover_text("Checking in the background…");
            }
        },
        DraftColumn::PredictedReach => {
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                let text = if assessment.predicted_median.is_some() {
                    RichText::new(assessment.predicted.as_ref())
                } else {
                    theme::muted(ui, assessment.predicted.as_ref())
                };
                ui.label(text).on_hover_text(assessment.predicted_hover);
            });
        }
        DraftColumn::Updated => {
            ui.label(theme::muted(ui, &r.updated));
        }
    }
}

/// Errors, warnings and tips as three coloured counts; hovering lists each rule and message.
fn findings_cell(ui: &mut egui::Ui, f: &FindingSummary) {
    let p = theme::palette(ui);
    if f.is_clean() {
        ui.label(RichText::new("✔ none").color(p.ok))
            .on_hover_text("The checks found nothing to improve.");
        return;
    }
    let response = ui
        .horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = 6.0;
            for (count, colour, what) in [
                (f.errors, p.error, "errors"),
                (f.warnings, p.warn, "warnings"),
                (f.tips, p.info, "tips"),
            ] {
                let colour = if count == 0 { p.muted } else { colour };
                let text = RichText::new(count.to_string()).color(colour);
                let text = if count > 0 && what == "errors" {
                    text.strong()
                } else {
                    text
                };
                ui.label(text);
            }
        })
        .response;
    response.on_hover_ui(|ui| {
        ui.label(
            RichText::new(format!(
                "{} · {} · {}",
                plural(usize::from(f.errors), "error", "errors"),
                plural(usize::from(f.warnings), "warning", "warnings"),
                plural(usize::from(f.tips), "tip", "tips")
            ))
            .strong(),
        );
        ui.label(&f.details);
    });
}

/// The columns that fit in `width` at their starting widths (each at least as wide as its
/// `header`), in [`DraftColumn::ALL`]'s order, which is also their priority: beside the editor
/// the table drops columns from the right instead of painting past its view. Status and Title
/// always show.
pub fn fitting_columns(
    width: f32,
    spacing: f32,
    header: impl Fn(DraftColumn) -> f32,
) -> Vec<DraftColumn> {
    let mut used = 0.0;
    DraftColumn::ALL
        .iter()
        .copied()
        .take_while(|column| {
            let gap = if used > 0.0 { spacing } else { 0.0 };
            used += starting_width(*column).max(header(*column)) + gap;
            used <= width || matches!(column, DraftColumn::Status | DraftColumn::Title)
        })
        .collect()
}

/// The width a column's header needs to be read whole: its name, the sort arrow (room is kept
/// for it on every column, so sorting never cuts a name) and the label's padding. Measured in
/// the current font, so a larger font or another language still fits.
fn header_width(ui: &egui::Ui, column: DraftColumn) -> f32 {
    let measure = |text: &str, style: egui::TextStyle| {
        let font = style.resolve(ui.style());
        ui.painter()
            .layout_no_wrap(text.to_string(), font, egui::Color32::WHITE)
            .size()
            .x
    };
    let name = measure(column.label(), egui::TextStyle::Button);
    let arrow = measure("▼", egui::TextStyle::Monospace);
    let spacing = ui.spacing();
    name + arrow + spacing.item_spacing.x + 2.0 * spacing.button_padding.x + 2.0 * CELL_MARGIN
}

/// Room egui_extras leaves around a cell's contents, and a little to spare.
const CELL_MARGIN: f32 = 4.0;

/// The least width a column starts at (Title: the least it shrinks to).
fn starting_width(column: DraftColumn) -> f32 {
    match column {
        DraftColumn::Title => TITLE_MIN_WIDTH,
        DraftColumn::Status => 88.0,
        DraftColumn::Subculture => 110.0,
        DraftColumn::Duration => 56.0,
        DraftColumn::Sound => 120.0,
        DraftColumn::Assignee => 76.0,
        DraftColumn::PlannedSlot => 118.0,
        DraftColumn::Findings => 78.0,
        DraftColumn::PredictedReach => 78.0,
        DraftColumn::Updated => 92.0,
    }
}

/// The narrowest the Title column gets.
const TITLE_MIN_WIDTH: f32 = 120.0;

/// The column's starting width. Title takes what the others leave, so the table fits the
/// window; every other column can be dragged wider, never narrower than its `header` (so a
/// width remembered from an older, narrower layout cannot cut a header off either).
fn column_width(column: DraftColumn, header: f32) -> Column {
    let initial = match column {
        DraftColumn::Title => return Column::remainder().at_least(TITLE_MIN_WIDTH).clip(true),
        other => starting_width(other),
    };
    Column::initial(initial.max(header))
        .at_least(header)
        .resizable(true)
        .clip(true)
}
