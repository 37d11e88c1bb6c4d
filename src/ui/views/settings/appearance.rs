//! Settings → Appearance: the window follows the desktop's light or dark theme, or keeps the
//! one the user picks. The choice lives in egui's options; the app saves it with the window
//! state, so it survives restarts.

use eframe::egui::{self, ThemePreference};

use crate::ui::theme;

/// The three choices, as the buttons name them.
const CHOICES: [(ThemePreference, &str, &str); 3] = [
    (
        ThemePreference::System,
        "System",
        "Follow the desktop's light or dark setting",
    ),
    (ThemePreference::Light, "Light", "Always light"),
    (ThemePreference::Dark, "Dark", "Always dark"),
];

/// Draws the Appearance section.
pub fn section(ui: &mut egui::Ui) {
    ui.add_space(theme::SPACE_L);
    theme::section_heading(ui, "Appearance");
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let current = ui.ctx().options(|o| o.theme_preference);
        ui.horizontal(|ui| {
            ui.label("Theme");
            ui.add_space(theme::SPACE_M);
            for (choice, name, hint) in CHOICES {
                let button = ui
                    .selectable_label(current == choice, name)
                    .on_hover_text(hint);
                if button.clicked() && current != choice {
                    ui.ctx().set_theme(choice);
                }
            }
        });
        let now = if ui.visuals().dark_mode {
            "dark"
        } else {
            "light"
        };
        let note = match current {
            ThemePreference::System => format!("Following the desktop: {now} now."),
            _ => format!("The window stays {now} whatever the desktop uses."),
        };
        ui.label(theme::muted(ui, note).small());
    });
}
