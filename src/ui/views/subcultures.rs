//! The Subcultures view: the communities the team posts into (#CottageCore, #FitTok, ...),
//! each with its colour, hashtags and description. Everything here is editable: add, rename,
//! change hashtags, description and colour, delete (undoable). Edits leave as actions; the
//! workspace's answer (e.g. a duplicate name) comes back through [`View::edit_refused`].

use crate::ui::widgets::permitted;
use crate::workspace::team::{Capability, Permissions};
use eframe::egui::{self, RichText};

use super::subculture_form::{Editor, NEW_COLOURS, editor_card};
use crate::domain::Subculture;
use crate::ui::theme;
use crate::ui::view::{Action, View, ViewContext};

/// What a click on a subculture's card asks for.
enum CardIntent {
    Edit,
    Delete,
}

/// The view's state: the cached list and the open form.
#[derive(Default)]
pub struct SubculturesView {
    loaded: Option<u64>,
    subcultures: Vec<Subculture>,
    load_error: Option<String>,
    editor: Option<Editor>,
}

impl SubculturesView {
    fn reload(&mut self, ctx: &ViewContext<'_>) {
        if self.loaded == Some(ctx.revision) {
            return;
        }
        self.loaded = Some(ctx.revision);
        match ctx.workspace.subcultures() {
            Ok(list) => {
                self.subcultures = list;
                self.load_error = None;
            }
            Err(e) => self.load_error = Some(e.to_string()),
        }
    }

    fn header(&mut self, ui: &mut egui::Ui, permissions: &Permissions) {
        egui::Sides::new().show(
            ui,
            |ui| {
                ui.vertical(|ui| {
                    theme::view_heading(
                        ui,
                        "Subcultures",
                        "The communities your accounts post into, and the hashtags that gather them.",
                    );
                });
            },
            |ui| {
                let adding = self.editor.as_ref().is_some_and(|e| e.target.is_none());
                let add = permitted::button(
                    ui,
                    permissions,
                    Capability::EditShared,
                    !adding,
                    theme::primary_button(ui, "Add subculture"),
                );
                if add.clicked() {
                    let colour = NEW_COLOURS[self.subcultures.len() % NEW_COLOURS.len()];
                    self.editor = Some(Editor::new(colour));
                }
            },
        );
    }

    fn card(ui: &mut egui::Ui, s: &Subculture) -> Option<CardIntent> {
        let mut intent = None;
        theme::card(ui).show(ui, |ui| {
            ui.set_width(ui.available_width());
            egui::Sides::new().show(
                ui,
                |ui| {
                    theme::swatch(ui, theme::colour(s.colour), 16.0);
                    ui.label(
                        RichText::new(&s.name)
                            .text_style(theme::subheading())
                            .strong(),
                    );
                },
                |ui| {
                    let delete = ui
                        .button("Delete")
                        .accessible_name(format!("Delete {}", s.name));
                    if delete
                        .on_hover_text("Move to the trash (Undo brings it back)")
                        .clicked()
                    {
                        intent = Some(CardIntent::Delete);
                    }
                    let edit = ui
                        .button("Edit")
                        .accessible_name(format!("Edit {}", s.name));
                    if edit.clicked() {
                        intent = Some(CardIntent::Edit);
                    }
                },
            );
            let tint = theme::colour(s.colour);
            ui.horizontal_wrapped(|ui| {
                ui.spacing_mut().item_spacing = egui::vec2(4.0, 4.0);
                if s.hashtags.is_empty() {
                    ui.label(theme::muted(ui, "No hashtags yet").small());
                }
                for tag in &s.hashtags {
                    theme::chip(ui, &format!("#{tag}"), tint);
                }
            });
            if !s.description.is_empty() {
                ui.label(theme::muted(ui, &s.description));
            }
        });
        intent
    }
}

impl View for SubculturesView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewContext<'_>) {
        self.reload(ctx);
        self.header(ui, ctx.permissions);
        if let Some(error) = &self.load_error {
            ui.label(theme::error_text(
                ui,
                format!("The subcultures could not be read: {error}"),
            ));
        }
        let Self {
            subcultures,
            editor,
            ..
        } = self;
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                if editor.as_ref().is_some_and(|e| e.target.is_none()) {
                    editor_card(ui, editor, ctx.actions);
                }
                if subcultures.is_empty() && editor.is_none() {
                    ui.label(theme::muted(
                        ui,
                        "No subcultures yet. Add the communities your accounts post into.",
                    ));
                }
                for s in subcultures.iter() {
                    if editor.as_ref().is_some_and(|e| e.target == Some(s.id)) {
                        editor_card(ui, editor, ctx.actions);
                        continue;
                    }
                    let card = ui
                        .add_enabled_ui(ctx.permissions.may(Capability::EditShared), |ui| {
                            Self::card(ui, s)
                        })
                        .inner;
                    match card {
                        Some(CardIntent::Edit) => *editor = Some(Editor::edit(s)),
                        Some(CardIntent::Delete) => {
                            ctx.actions.push(Action::DeleteSubculture(s.id));
                        }
                        None => {}
                    }
                    ui.add_space(theme::SPACE_S);
                }
            });
    }

    fn edit_refused(&mut self, message: &str) {
        if let Some(editor) = &mut self.editor {
            editor.pending = false;
            editor.error = Some(message.to_string());
        }
    }

    fn edit_applied(&mut self) {
        if self.editor.as_ref().is_some_and(|e| e.pending) {
            self.editor = None;
        }
    }
}
