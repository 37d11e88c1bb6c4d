//! The keyboard shortcut overview (F1 or Ctrl+/): every shortcut of [`shortcuts::TABLE`], by
//! where it works, with the keys written the way this desktop writes them.

use eframe::egui::{self, KeyboardShortcut, RichText};

use crate::ui::shortcuts::{self, Entry, Group};
use crate::ui::theme;

/// Width of the keys column.
const KEYS_WIDTH: f32 = 180.0;
/// Width of the window (two columns of groups).
const WIDTH: f32 = 900.0;

/// Draws the overview while `open`; its close button and Escape clear `open`.
pub fn window(ctx: &egui::Context, open: &mut bool) {
    egui::Window::new("Keyboard shortcuts")
        .id(egui::Id::unique("keyboard-shortcuts"))
        .open(open)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .fixed_size(egui::vec2(WIDTH, 0.0))
        .show(ctx, |ui| {
            ui.label(theme::muted(
                ui,
                "Shortcuts that use letters or arrows wait while you type in a field.",
            ));
            ui.add_space(theme::SPACE_S);
            let (left, right) = shortcuts::TABLE.split_at(split());
            ui.columns(2, |columns| {
                for (column, groups) in columns.iter_mut().zip([left, right]) {
                    for group in groups {
                        group_ui(column, group);
                    }
                }
            });
        });
}

/// Where the table splits into two columns of about the same height.
fn split() -> usize {
    let rows = |g: &Group| g.entries.len() + 2;
    let total: usize = shortcuts::TABLE.iter().map(rows).sum();
    (0..=shortcuts::TABLE.len())
        .min_by_key(|&i| {
            let left: usize = shortcuts::TABLE[..i].iter().map(rows).sum();
            (2 * left).abs_diff(total)
        })
        .unwrap_or(0)
}

fn group_ui(ui: &mut egui::Ui, group: &Group) {
    ui.add_space(theme::SPACE_S);
    ui.label(RichText::new(group.place).strong());
    egui::Grid::new(("shortcut-group", group.place))
        .num_columns(2)
        .spacing(egui::vec2(theme::SPACE_M, 5.0))
        .min_col_width(KEYS_WIDTH)
        .striped(false)
        .show(ui, |ui| {
            for entry in group.entries {
                row(ui, entry);
            }
        });
    ui.add_space(theme::SPACE_S);
}

fn row(ui: &mut egui::Ui, entry: &Entry) {
    let keys = keys_text(ui.ctx(), entry.keys);
    ui.label(
        RichText::new(keys)
            .monospace()
            .color(theme::palette(ui).accent_2),
    );
    ui.add(egui::Label::new(entry.does).wrap());
    ui.end_row();
}

/// "Ctrl+Shift+Z or Ctrl+Y"; a run of more than two keys as "Ctrl+1 … Ctrl+7".
pub fn keys_text(ctx: &egui::Context, keys: &[KeyboardShortcut]) -> String {
    // egui names the slash key "Slash"; people know it as "/".
    let names: Vec<String> = keys
        .iter()
        .map(|k| ctx.format_shortcut(k).replace("Slash", "/"))
        .collect();
    match names.as_slice() {
        [first, .., last] if names.len() > 2 => format!("{first} … {last}"),
        _ => names.join(" or "),
    }
}
