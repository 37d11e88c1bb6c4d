//! The form that reaches a team's server: its address, a password for this run (kept only in
//! memory; PGPASSWORD and `~/.pgpass` work as they do for psql), and either the new team's name
//! (*Create team*, from this workspace) or the new workspace file (*Join team*).

use std::path::{Path, PathBuf};

use eframe::egui;

use super::work::Request;
use crate::ui::theme;
use crate::ui::widgets::form;
use crate::workspace::team::Environment;

/// Which buttons the form offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Offer {
    /// Create a team from this workspace, or join one.
    ShareOrJoin,
    /// Join only (an empty workspace on the welcome screen).
    Join,
}

/// The form's fields.
#[derive(Default)]
pub struct ConnectForm {
    server: String,
    password: String,
    name: String,
    join_path: String,
}

impl ConnectForm {
    /// Fills the defaults from the open workspace's file: the team is named after it, and a
    /// joined workspace goes beside it.
    pub fn defaults(&mut self, workspace: &Path) {
        if self.name.is_empty() {
            self.name = workspace
                .file_stem()
                .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
        }
        if self.join_path.is_empty() {
            let folder = workspace.parent().map(PathBuf::from).unwrap_or_default();
            self.join_path = folder.join("team.sqlite").display().to_string();
        }
    }

    /// The password typed (empty: none).
    pub fn password(&self) -> &str {
        &self.password
    }

    /// Where a connection finds its password: the one typed here first, then libpq's places.
    pub fn environment(&self) -> Environment {
        Environment::from_process().with_typed_password(&self.password)
    }

    /// Draws the form; returns the request when a button was pressed. `author` signs the
    /// shared workspace's first edit.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        offer: Offer,
        idle: bool,
        author: &str,
    ) -> Option<Request> {
        let typed = !self.server.trim().is_empty();
        let wide = theme::FORM_INPUT_WIDTH * 1.5;
        let mut asked = None;
        // Each button sits beside the field it uses.
        form::grid(("team-connect", offer == Offer::Join)).show(ui, |ui| {
            let label = form::label(ui, "Server");
            ui.add(
                egui::TextEdit::singleline(&mut self.server)
                    .hint_text("postgres://login@host:5432/database")
                    .desired_width(wide),
            )
            .labelled_by(label);
            ui.end_row();
            let label = form::label(ui, "Password");
            ui.add(
                egui::TextEdit::singleline(&mut self.password)
                    .password(true)
                    .hint_text("empty: PGPASSWORD or ~/.pgpass")
                    .desired_width(wide),
            )
            .labelled_by(label)
            .on_hover_text("Kept only while Scrollstop runs; never written to a file");
            ui.end_row();
            if offer == Offer::ShareOrJoin {
                let label = form::label(ui, "Team name");
                ui.add(
                    egui::TextEdit::singleline(&mut self.name)
                        .hint_text("your agency or client")
                        .desired_width(wide),
                )
                .labelled_by(label);
                let share = ui
                    .add_enabled(idle && typed, egui::Button::new("Create team"))
                    .on_hover_text(
                        "Make a team on this server from this workspace; you become its owner",
                    );
                if share.clicked() {
                    asked = Some(Request::Share {
                        server: self.server.trim().to_string(),
                        name: self.name.trim().to_string(),
                        author: author.to_string(),
                    });
                }
                ui.end_row();
            }
            let label = form::label(ui, "New workspace");
            ui.add(
                egui::TextEdit::singleline(&mut self.join_path)
                    .hint_text("the file a joined team's workspace is made in")
                    .desired_width(wide),
            )
            .labelled_by(label);
            let join = ui
                .add_enabled(idle && typed, egui::Button::new("Join team"))
                .on_hover_text("Make this new workspace file from the team's data and open it");
            if join.clicked() {
                asked = Some(Request::Join {
                    server: self.server.trim().to_string(),
                    path: PathBuf::from(self.join_path.trim()),
                });
            }
            ui.end_row();
        });
        asked
    }
}
