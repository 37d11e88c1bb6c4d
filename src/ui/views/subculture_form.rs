//! The subculture form: name, hashtags, description and colour of a new or an existing
//! subculture, shown as a highlighted card in the Subcultures view. It validates what was typed
//! and turns Save into an [`Action`]; it never writes to the workspace.

use eframe::egui::{self, RichText};

use crate::domain::{Colour, Subculture, SubcultureId};
use crate::ui::theme;
use crate::ui::view::Action;
use crate::ui::widgets::form;

/// Colours offered to a new subculture, in turn.
pub(super) const NEW_COLOURS: [[u8; 3]; 6] = [
    [0xe0, 0x5a, 0x8a],
    [0x4d, 0x9d, 0xe0],
    [0x8a, 0xb4, 0x5c],
    [0xe0, 0x9a, 0x3e],
    [0x9b, 0x6b, 0xd6],
    [0x3e, 0xb8, 0xa8],
];

/// Hashtags typed as `#knitting, plants mushrooms`: split at spaces and commas, without `#`,
/// each once (case-insensitively), in the order typed.
pub fn parse_hashtags(text: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for piece in text.split(|c: char| c.is_whitespace() || c == ',' || c == ';') {
        let tag = piece.trim().trim_start_matches('#');
        if !tag.is_empty() && !tags.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
            tags.push(tag.to_string());
        }
    }
    tags
}

/// The form for a new or an existing subculture.
pub(super) struct Editor {
    /// `None` while adding a new one.
    pub(super) target: Option<SubcultureId>,
    name: String,
    hashtags: String,
    description: String,
    colour: [u8; 3],
    pub(super) error: Option<String>,
    /// Saved and waiting for the workspace's answer.
    pub(super) pending: bool,
}

impl Editor {
    pub(super) fn new(colour: [u8; 3]) -> Self {
        Self {
            target: None,
            name: String::new(),
            hashtags: String::new(),
            description: String::new(),
            colour,
            error: None,
            pending: false,
        }
    }

    pub(super) fn edit(s: &Subculture) -> Self {
        Self {
            target: Some(s.id),
            name: s.name.clone(),
            hashtags: s
                .hashtags
                .iter()
                .map(|t| format!("#{t}"))
                .collect::<Vec<_>>()
                .join(" "),
            description: s.description.clone(),
            colour: s.colour.0,
            error: None,
            pending: false,
        }
    }

    /// Draws the form; returns the action of a Save, or `Err(())` for Cancel.
    fn ui(&mut self, ui: &mut egui::Ui) -> Result<Option<Action>, ()> {
        let title = if self.target.is_some() {
            "Edit subculture"
        } else {
            "New subculture"
        };
        ui.label(
            RichText::new(title)
                .text_style(theme::subheading())
                .strong(),
        );
        ui.add_space(theme::SPACE_S);
        let mut submitted = false;
        form::grid(("subculture-form", self.target)).show(ui, |ui| {
            let name = form::text_row(ui, "Name", &mut self.name, "e.g. #PlantTok");
            submitted |= name.lost_focus()
                && ui.input(|i| i.key_pressed(crate::ui::shortcuts::SUBMIT.logical_key));
            form::wide_text_row(
                ui,
                "Hashtags",
                &mut self.hashtags,
                "space or comma separated",
            );
            form::multiline_row(
                ui,
                "Description",
                &mut self.description,
                "What gathers them",
            );
            let label = form::label(ui, "Colour");
            ui.color_edit_button_srgb(&mut self.colour)
                .labelled_by(label);
            ui.end_row();
        });
        if let Some(error) = &self.error {
            ui.label(theme::error_text(ui, error));
        }
        let mut result = Ok(None);
        ui.horizontal(|ui| {
            let save = ui.add_enabled(!self.pending, theme::primary_button(ui, "Save"));
            if save.clicked() || submitted {
                result = Ok(self.action());
            }
            if ui.button("Cancel").clicked() {
                result = Err(());
            }
        });
        result
    }

    fn action(&mut self) -> Option<Action> {
        let name = self.name.trim().to_string();
        if name.is_empty() {
            self.error = Some("Give the subculture a name, e.g. #PlantTok.".into());
            return None;
        }
        self.error = None;
        self.pending = true;
        let hashtags = parse_hashtags(&self.hashtags);
        let description = self.description.trim().to_string();
        let colour = Colour(self.colour);
        Some(match self.target {
            Some(id) => Action::UpdateSubculture(Subculture {
                id,
                name,
                hashtags,
                description,
                colour,
            }),
            None => Action::AddSubculture {
                name,
                hashtags,
                description,
                colour,
            },
        })
    }
}

/// Draws the open form in a highlighted card and turns Save into an action.
pub(super) fn editor_card(
    ui: &mut egui::Ui,
    editor: &mut Option<Editor>,
    actions: &mut Vec<Action>,
) {
    let Some(form) = editor else {
        return;
    };
    let outcome = theme::card(ui)
        .stroke(egui::Stroke::new(1.5, theme::palette(ui).accent))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            form.ui(ui)
        })
        .inner;
    match outcome {
        Ok(Some(action)) => actions.push(action),
        Ok(None) => {}
        Err(()) => *editor = None,
    }
    ui.add_space(theme::SPACE_M);
}

#[cfg(test)]
mod tests {
    use super::parse_hashtags;

    #[test]
    fn hashtags_are_split_at_spaces_and_commas_without_duplicates() {
        let tags = parse_hashtags("#knitting, plants  #mushrooms,,#Knitting");
        assert_eq!(tags, vec!["knitting", "plants", "mushrooms"]);
    }
}
