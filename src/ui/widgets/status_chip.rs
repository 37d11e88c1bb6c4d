//! The coloured chip that shows where a draft is in the team's review flow. The colours come
//! from the theme's palette so both light and dark mode stay readable; a draft's status always
//! looks the same in the drafts table, the calendar and the Reach view.

use eframe::egui::{self, Color32};

use crate::domain::DraftStatus;
use crate::ui::theme;

/// The tint of a status: grey while it is only an idea, warm while it waits for review, green
/// once approved, cyan when scheduled and the accent once it is posted.
pub fn status_colour(ui: &egui::Ui, status: DraftStatus) -> Color32 {
    let p = theme::palette(ui);
    match status {
        DraftStatus::Idea => p.muted,
        DraftStatus::Draft => p.info,
        DraftStatus::InReview => p.warn,
        DraftStatus::Approved => p.ok,
        DraftStatus::Scheduled => p.accent_2,
        DraftStatus::Posted => p.accent,
    }
}

/// A chip with the status's label.
pub fn status_chip(ui: &mut egui::Ui, status: DraftStatus) -> egui::Response {
    let tint = status_colour(ui, status);
    theme::chip(ui, status.label(), tint)
}

/// A chip with the status's label and a count, e.g. `In review 4`.
pub fn status_count_chip(ui: &mut egui::Ui, status: DraftStatus, count: usize) -> egui::Response {
    let tint = status_colour(ui, status);
    theme::chip(ui, &format!("{} {count}", status.label()), tint)
}
