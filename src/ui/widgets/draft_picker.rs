//! A searchable picker of drafts that stays quick with a team's thousands of them (Reach's
//! draft, the Calendar's drafts without a slot): a combo box whose popup holds a search field
//! and the first matching drafts, each with its status.

use eframe::egui::{self, PopupCloseBehavior};

use crate::domain::{DraftId, DraftOutline, DraftStatus};
use crate::ui::theme;

/// How many matches the popup lists at most (type more to narrow down).
const MAX_SHOWN: usize = 100;

/// A draft as the picker lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftChoice {
    pub id: DraftId,
    /// The title shown ("(untitled)" for a draft without one).
    pub title: String,
    pub status: DraftStatus,
    /// The title in lower case, what a search is matched against.
    key: String,
}

impl DraftChoice {
    pub fn new(id: DraftId, title: &str, status: DraftStatus) -> Self {
        Self {
            id,
            title: title.to_string(),
            status,
            key: title.to_lowercase(),
        }
    }

    /// The outline's draft, under its display title.
    pub fn of(outline: &DraftOutline) -> Self {
        Self::new(outline.id, outline.display_title(), outline.status)
    }
}

/// The drafts whose title contains every word of `search` (case-insensitive), in list order.
pub fn matching<'a>(
    drafts: &'a [DraftChoice],
    search: &str,
) -> impl Iterator<Item = &'a DraftChoice> + use<'a> {
    let words: Vec<String> = search.split_whitespace().map(str::to_lowercase).collect();
    drafts
        .iter()
        .filter(move |d| words.iter().all(|w| d.key.contains(w.as_str())))
}

/// What the picker was asked to show.
pub struct Picker<'a> {
    pub id_salt: &'a str,
    /// The closed picker's text.
    pub selected_text: String,
    pub width: f32,
    pub drafts: &'a [DraftChoice],
    pub selected: Option<DraftId>,
}

impl Picker<'_> {
    /// Draws the picker; `search` keeps the typed filter between frames. Returns the closed
    /// picker's response (to label it) and the draft picked this frame.
    pub fn show(self, ui: &mut egui::Ui, search: &mut String) -> (egui::Response, Option<DraftId>) {
        let mut picked = None;
        let response = egui::ComboBox::from_id_salt(self.id_salt)
            .selected_text(self.selected_text)
            .width(self.width)
            .close_behavior(PopupCloseBehavior::CloseOnClickOutside)
            .show_ui(ui, |ui| {
                let field = ui.add(
                    egui::TextEdit::singleline(search)
                        .hint_text("Search drafts by title")
                        .desired_width(self.width.max(220.0) - 16.0),
                );
                field.accessible_name("Search drafts").request_focus();
                ui.separator();
                let mut found = matching(self.drafts, search);
                let mut shown = 0;
                for d in found.by_ref().take(MAX_SHOWN) {
                    shown += 1;
                    let text = format!("{} · {}", d.title, d.status.label());
                    if ui
                        .selectable_label(self.selected == Some(d.id), text)
                        .clicked()
                    {
                        picked = Some(d.id);
                        search.clear();
                        ui.close();
                    }
                }
                let more = found.count();
                if shown == 0 {
                    ui.label(theme::muted(ui, "No draft matches."));
                } else if more > 0 {
                    let text = format!("… {more} more: type to narrow down");
                    ui.label(theme::muted(ui, text).small());
                }
            })
            .response;
        (response, picked)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choices(titles: &[&str]) -> Vec<DraftChoice> {
        titles
            .iter()
            .enumerate()
            .map(|(i, t)| DraftChoice::new(DraftId(i as i64), t, DraftStatus::Approved))
            .collect()
    }

    #[test]
    fn searching_finds_drafts_by_every_word_of_their_title_in_any_case() {
        let drafts = choices(&["Mushroom foraging", "Foraging for berries", "Gym day"]);
        let titles = |search: &str| -> Vec<&str> {
            matching(&drafts, search)
                .map(|d| d.title.as_str())
                .collect()
        };
        assert_eq!(
            titles("FORAG"),
            ["Mushroom foraging", "Foraging for berries"]
        );
        assert_eq!(titles("berries  foraging"), ["Foraging for berries"]);
        assert_eq!(
            titles(""),
            ["Mushroom foraging", "Foraging for berries", "Gym day"]
        );
        assert!(titles("yoga").is_empty());
    }
}
