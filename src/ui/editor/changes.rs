//! The draft's history in the editor: who changed what and when, newest first, read from the
//! workspace's edit log ("Priya changed the caption · Thu 3 Dec 14:02").

use chrono::Local;
use eframe::egui;

use crate::ui::theme;
use crate::ui::widgets::format::slot;
use crate::workspace::HistoryEntry;

/// Changes listed at most; older ones are counted.
const SHOWN: usize = 12;

/// The list, newest first.
pub fn ui(ui: &mut egui::Ui, history: &[HistoryEntry]) {
    if history.is_empty() {
        ui.label(theme::muted(ui, "No changes logged yet."));
        return;
    }
    for entry in history.iter().rev().take(SHOWN) {
        ui.horizontal_wrapped(|ui| {
            ui.label(&entry.sentence);
            ui.label(theme::muted(ui, slot(entry.at.with_timezone(&Local))).small());
        });
    }
    if history.len() > SHOWN {
        ui.label(theme::muted(
            ui,
            format!(
                "and {} earlier (scrollstop history --draft lists them all)",
                crate::text::plural(history.len() - SHOWN, "change", "changes")
            ),
        ));
    }
}
