//! The approved and scheduled drafts ranked by predicted 30-day median views, each in its plan
//! slot (or the next full hour); clicking a title opens that draft here and in the editor.
//! The ranking scrolls in a table of its own that draws only the rows in sight, so a
//! workspace with thousands of ready drafts costs a frame no more than one with ten.

use chrono_tz::Tz;
use eframe::egui::{self, Align, Layout, RichText};
use egui_extras::{Column, TableBuilder};

use super::worker::RankedDraft;
use crate::domain::DraftId;
use crate::ui::widgets::format::{compact_count, slot};
use crate::ui::widgets::status_chip::status_chip;
use crate::workspace::SlotSource;

/// The height of one ranked draft's row.
const ROW_HEIGHT: f32 = 24.0;
/// How many rows show before the ranking scrolls.
const ROWS_IN_SIGHT: f32 = 12.0;

fn views(v: f64) -> String {
    compact_count(v.round() as i64)
}

/// Draws the ranking; returns the draft the user clicked.
pub fn ranking_ui(
    ui: &mut egui::Ui,
    ranked: &[RankedDraft],
    open: Option<DraftId>,
    zone: Tz,
) -> Option<DraftId> {
    let mut clicked = None;
    TableBuilder::new(ui)
        .id_salt("reach-ranking")
        .striped(true)
        .vscroll(true)
        .max_scroll_height(ROW_HEIGHT * ROWS_IN_SIGHT)
        .auto_shrink([false, true])
        .cell_layout(Layout::left_to_right(Align::Center))
        .column(Column::exact(48.0))
        .column(Column::remainder().at_least(200.0).clip(true))
        .column(Column::exact(96.0))
        .column(Column::exact(200.0))
        .column(Column::exact(220.0))
        .header(22.0, |mut header| {
            for title in ["#", "Draft", "Status", "Slot", "Views after 30 days"] {
                header.col(|ui| {
                    ui.label(RichText::new(title).strong());
                });
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, ranked.len(), |mut row| {
                let i = row.index();
                let Some(d) = ranked.get(i) else {
                    return;
                };
                row.col(|ui| {
                    ui.label(format!("{}", i + 1));
                });
                row.col(|ui| {
                    let link = ui
                        .add(egui::Button::selectable(open == Some(d.id), &d.title).truncate())
                        .on_hover_text("Forecast this draft and open it in the editor");
                    if link.clicked() {
                        clicked = Some(d.id);
                    }
                });
                row.col(|ui| {
                    status_chip(ui, d.status);
                });
                row.col(|ui| {
                    let when = slot(d.at.with_timezone(&zone));
                    ui.label(match d.source {
                        SlotSource::Plan => when,
                        _ => format!("{when} (not planned)"),
                    });
                });
                row.col(|ui| {
                    ui.label(format!(
                        "{} (P10 {} – P90 {})",
                        views(d.p50),
                        views(d.p10),
                        views(d.p90)
                    ));
                });
            });
        });
    clicked
}
