//! The approved and scheduled drafts ranked by predicted 30-day median views, each in its plan
//! slot (or the next full hour); clicking a title opens that draft here and in the editor.

use chrono_tz::Tz;
use eframe::egui::{self, RichText};

use super::worker::RankedDraft;
use crate::domain::DraftId;
use crate::ui::theme;
use crate::ui::widgets::format::{compact_count, slot};
use crate::ui::widgets::status_chip::status_chip;
use crate::workspace::SlotSource;

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
    egui::Grid::new("reach-ranking")
        .num_columns(5)
        .striped(true)
        .spacing([theme::SPACE_L, theme::SPACE_S])
        .show(ui, |ui| {
            for title in ["#", "Draft", "Status", "Slot", "Views after 30 days"] {
                ui.label(RichText::new(title).strong());
            }
            ui.end_row();
            for (i, d) in ranked.iter().enumerate() {
                ui.label(format!("{}", i + 1));
                let link = ui
                    .selectable_label(open == Some(d.id), &d.title)
                    .on_hover_text("Forecast this draft and open it in the editor");
                if link.clicked() {
                    clicked = Some(d.id);
                }
                status_chip(ui, d.status);
                let when = slot(d.at.with_timezone(&zone));
                let when = match d.source {
                    SlotSource::Plan => when,
                    _ => format!("{when} (not planned)"),
                };
                ui.label(when);
                ui.label(format!(
                    "{} (P10 {} – P90 {})",
                    views(d.p50),
                    views(d.p10),
                    views(d.p90)
                ));
                ui.end_row();
            }
        });
    clicked
}
