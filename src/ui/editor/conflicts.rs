//! Conflicts on the open draft's text fields: a teammate's value that lost to a change made
//! without seeing it, kept aside until someone picks. Each shows who wrote it, with "Use this"
//! (their value becomes the field's) and "Keep current".

use eframe::egui::{self, RichText};

use crate::domain::DraftId;
use crate::ui::theme;
use crate::ui::view::Action;
use crate::workspace::FieldConflict;

/// The kept-aside values, one card each; nothing when there are none.
pub fn ui(
    ui: &mut egui::Ui,
    draft: DraftId,
    conflicts: &[FieldConflict],
    actions: &mut Vec<Action>,
) {
    if conflicts.is_empty() {
        return;
    }
    let warn = theme::palette(ui).warn;
    for conflict in conflicts {
        let value: String = serde_json::from_str(&conflict.value).unwrap_or_default();
        theme::card(ui).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(format!(
                    "⚠ {} changed the {} at the same time as another edit; their version was kept aside:",
                    conflict.author, conflict.field
                ))
                .color(warn),
            );
            ui.label(RichText::new(&value).italics());
            ui.horizontal(|ui| {
                if ui.button("Use this").clicked() {
                    actions.push(Action::PickConflict {
                        draft,
                        field: conflict.field.clone(),
                        value: Some(conflict.value.clone()),
                    });
                }
                if ui.button("Keep current").clicked() {
                    actions.push(Action::PickConflict {
                        draft,
                        field: conflict.field.clone(),
                        value: None,
                    });
                }
            });
        });
    }
    ui.add_space(theme::SPACE_S);
}
