//! The keyboard shortcut overview (F1 or Ctrl+/): every shortcut of [`shortcuts::TABLE`], by
//! where it works, with the keys written the way this desktop writes them.

use eframe::egui::{self, KeyboardShortcut, RichText};

use crate::ui::shortcuts::{self, Entry};
use crate::ui::theme;

/// Width of the keys column.
const KEYS_WIDTH: f32 = 170.0;

/// Draws the overview while `open`; its close button and Escape clear `open`.
pub fn window(ctx: &egui::Context, open: &mut bool) {
    egui::Window::new("Keyboard shortcuts")
        .id(egui::Id::unique("keyboard-shortcuts"))
        .open(open)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .default_width(560.0)
        .show(ctx, |ui| {
            ui.label(theme::muted(
                ui,
                "Shortcuts that use letters or arrows wait while you type in a field.",
            ));
            ui.add_space(theme::SPACE_S);
            egui::ScrollArea::vertical()
                .max_height(ctx.content_rect().height() * 0.7)
                .show(ui, |ui| {
                    for group in shortcuts::TABLE {
                        ui.add_space(theme::SPACE_S);
                        ui.label(RichText::new(group.place).strong());
                        egui::Grid::new(("shortcut-group", group.place))
                            .num_columns(2)
                            .spacing(egui::vec2(theme::SPACE_M, 4.0))
                            .min_col_width(KEYS_WIDTH)
                            .show(ui, |ui| {
                                for entry in group.entries {
                                    row(ui, entry);
                                }
                            });
                    }
                });
        });
}

fn row(ui: &mut egui::Ui, entry: &Entry) {
    let keys = keys_text(ui.ctx(), entry.keys);
    ui.label(
        RichText::new(keys)
            .monospace()
            .color(theme::palette(ui).accent_2),
    );
    ui.label(entry.does);
    ui.end_row();
}

/// "Ctrl+Shift+Z or Ctrl+Y"; a run of more than two keys as "Ctrl+1 … Ctrl+7".
pub fn keys_text(ctx: &egui::Context, keys: &[KeyboardShortcut]) -> String {
    let names: Vec<String> = keys.iter().map(|k| ctx.format_shortcut(k)).collect();
    match names.as_slice() {
        [first, .., last] if names.len() > 2 => format!("{first} … {last}"),
        _ => names.join(" or "),
    }
}
