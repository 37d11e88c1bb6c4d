//! "Or type a path": the dialog that asks for a file or folder by its path, for desktops where
//! no file chooser answers (no desktop portal, no zenity) and for people who paste paths. It
//! says why it is shown in the dialog itself, takes the path, and hands it to the same import
//! or export the chooser would have started; an export's refusal (the workspace's own files, a
//! folder, a device) comes back here, beside the path that caused it.
//!
//! It never reads or writes the files it names: the app's import and export do.

use std::path::PathBuf;

use eframe::egui::{self, RichText};

use super::theme;
use super::view::Action;
use crate::workspace::ExportRequest;

/// The label of the path field (also its accessible name).
pub const PATH_FIELD: &str = "Or type a path";

/// Why the prompt is shown when the file chooser came back without a path.
pub const NO_CHOOSER: &str = "No file was chosen. If no file chooser opened, this desktop has \
    none available (no file-chooser portal or zenity): type or paste the path here instead.";

/// What the typed path is for.
#[derive(Debug, Clone, PartialEq)]
pub enum Purpose {
    /// Files or folders to import.
    Import,
    /// Where to save this calendar export.
    Export(ExportRequest),
}

/// The open prompt.
#[derive(Debug)]
struct Open {
    purpose: Purpose,
    typed: String,
    reason: String,
    error: Option<String>,
    /// An export to the typed path is being written; the prompt closes when it succeeds.
    exporting: bool,
    /// The field takes the keyboard when the prompt opens, so a path can be pasted at once.
    focus: bool,
}

/// The path prompt's state; closed by default.
#[derive(Debug, Default)]
pub struct PathPrompt {
    open: Option<Open>,
}

impl PathPrompt {
    /// Opens the prompt for `purpose`, saying `reason` in it.
    pub fn open(&mut self, purpose: Purpose, reason: &str) {
        self.open = Some(Open {
            purpose,
            typed: String::new(),
            reason: reason.to_string(),
            error: None,
            exporting: false,
            focus: true,
        });
    }

    pub fn is_open(&self) -> bool {
        self.open.is_some()
    }

    /// An export to `path` was started (from here or from a form): the prompt shows it and
    /// waits for its outcome.
    pub fn exporting(&mut self, request: ExportRequest, path: &std::path::Path) {
        let open = self.open.get_or_insert_with(|| Open {
            purpose: Purpose::Export(request.clone()),
            typed: String::new(),
            reason: String::new(),
            error: None,
            exporting: false,
            focus: true,
        });
        open.purpose = Purpose::Export(request);
        open.typed = path.display().to_string();
        open.error = None;
        open.exporting = true;
    }

    /// True while the prompt waits for an export it started.
    pub fn waits_for_export(&self) -> bool {
        self.open.as_ref().is_some_and(|o| o.exporting)
    }

    /// The import or export refused the path: say why, beside it.
    pub fn refused(&mut self, why: String) {
        if let Some(open) = &mut self.open {
            open.error = Some(why);
            open.exporting = false;
        }
    }

    pub fn close(&mut self) {
        self.open = None;
    }

    /// Draws the prompt while it is open.
    pub fn ui(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        let Some(open) = &mut self.open else {
            return;
        };
        let mut close = false;
        let (title, button, example) = match open.purpose {
            Purpose::Import => (
                "Import files",
                "Import this path",
                "/home/you/Downloads/TikTok Studio",
            ),
            Purpose::Export(_) => (
                "Export the posting calendar",
                "Export to this path",
                "/home/you/plan.ics",
            ),
        };
        let modal = egui::Modal::new(egui::Id::unique("path-prompt")).show(ctx, |ui| {
            ui.set_width(480.0);
            ui.label(
                RichText::new(title)
                    .text_style(theme::subheading())
                    .strong(),
            );
            if !open.reason.is_empty() {
                ui.add(egui::Label::new(&open.reason).wrap());
            }
            ui.add_space(theme::SPACE_S);
            let label = ui.label(PATH_FIELD);
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut open.typed)
                        .hint_text(example)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            if std::mem::take(&mut open.focus) {
                field.request_focus();
            }
            let entered = field.lost_focus()
                && ui.input(|i| i.key_pressed(super::shortcuts::SUBMIT.logical_key));
            if let Some(error) = &open.error {
                ui.add(egui::Label::new(theme::error_text(ui, error)).wrap());
            }
            ui.add_space(theme::SPACE_M);
            ui.horizontal(|ui| {
                let typed = open.typed.trim();
                let ready = !typed.is_empty() && !open.exporting;
                let go = ui.add_enabled(ready, theme::primary_button(ui, button));
                if ready && (go.clicked() || entered) {
                    let path = PathBuf::from(typed);
                    open.error = None;
                    match &open.purpose {
                        Purpose::Import => actions.push(Action::ImportPaths(vec![path])),
                        Purpose::Export(request) => actions.push(Action::ExportCalendarTo {
                            request: request.clone(),
                            path,
                        }),
                    }
                }
                if ui.button("Cancel").clicked() {
                    close = true;
                }
                if open.exporting {
                    ui.spinner();
                }
            });
        });
        if close || (modal.should_close() && !open.exporting) {
            self.open = None;
        }
    }
}
