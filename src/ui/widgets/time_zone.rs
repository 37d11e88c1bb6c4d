//! A searchable picker of IANA time zones (`Europe/Amsterdam`, `America/New_York`): a combo box
//! whose popup holds a search field and the matching zones from `chrono_tz`.

use chrono_tz::{TZ_VARIANTS, Tz};
use eframe::egui::{self, PopupCloseBehavior};

use crate::ui::theme;

/// How many matches the popup lists at most (type more to narrow down).
const MAX_SHOWN: usize = 120;

/// Zones whose name contains every word of `search` (case-insensitive; `_` counts as a space).
pub fn matching(search: &str) -> Vec<Tz> {
    let words: Vec<String> = search
        .split_whitespace()
        .map(|w| w.to_lowercase().replace('_', " "))
        .collect();
    TZ_VARIANTS
        .iter()
        .copied()
        .filter(|tz| {
            let name = tz.name().to_lowercase().replace('_', " ");
            words.iter().all(|w| name.contains(w.as_str()))
        })
        .collect()
}

/// Draws the picker for `zone`; `search` keeps the typed filter between frames. Returns true
/// when the user picked another zone.
pub fn picker(
    ui: &mut egui::Ui,
    id_salt: impl egui::AsIdSalt,
    label: egui::Id,
    zone: &mut Tz,
    search: &mut String,
) -> bool {
    let mut changed = false;
    let response = egui::ComboBox::from_id_salt(id_salt)
        .selected_text(zone.name())
        .width(theme::FORM_INPUT_WIDTH)
        .close_behavior(PopupCloseBehavior::CloseOnClickOutside)
        .show_ui(ui, |ui| {
            let field = ui.add(
                egui::TextEdit::singleline(search)
                    .hint_text("Search time zones, e.g. new york")
                    .desired_width(theme::FORM_INPUT_WIDTH - 16.0),
            );
            field.accessible_name("Search time zones").request_focus();
            ui.separator();
            let found = matching(search);
            if found.is_empty() {
                ui.label(theme::muted(ui, "No time zone matches."));
            }
            for tz in found.iter().take(MAX_SHOWN) {
                if ui.selectable_label(tz == zone, tz.name()).clicked() {
                    *zone = *tz;
                    changed = true;
                    search.clear();
                    ui.close();
                }
            }
            if found.len() > MAX_SHOWN {
                let more = format!("… {} more: type to narrow down", found.len() - MAX_SHOWN);
                ui.label(theme::muted(ui, more).small());
            }
        })
        .response;
    response.labelled_by(label);
    changed
}

#[cfg(test)]
mod tests {
    use super::matching;

    #[test]
    fn searching_finds_zones_by_any_part_of_their_name() {
        let found = matching("new york");
        assert!(found.contains(&chrono_tz::America::New_York));
        assert!(matching("amsterdam").contains(&chrono_tz::Europe::Amsterdam));
        assert_eq!(matching("").len(), chrono_tz::TZ_VARIANTS.len());
    }
}
