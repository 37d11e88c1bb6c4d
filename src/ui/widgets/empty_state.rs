//! The card a view shows instead of an empty table or chart: what is missing, and what the user
//! can do to fill it. Every view uses it, so "nothing here" always reads the same way.

use eframe::egui::{self, RichText};

use crate::ui::theme;

/// A card with a one-line title and a sentence that says what to do next.
pub fn empty_state(ui: &mut egui::Ui, title: &str, what_to_do: &str) {
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width().min(640.0));
        ui.label(RichText::new(title).strong());
        ui.label(theme::muted(ui, what_to_do));
    });
}

/// A card for a workspace read that failed, with the store's own message.
pub fn load_error(ui: &mut egui::Ui, what: &str, message: &str) {
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width().min(640.0));
        ui.label(theme::error_text(ui, format!("Could not read {what}")));
        ui.label(theme::muted(ui, message));
    });
}
