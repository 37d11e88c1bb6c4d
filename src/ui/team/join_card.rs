//! "Join your team" on the welcome screen: a new member starts with an empty workspace, types
//! the team's server and a password, and the window switches to the workspace made from the
//! team's data.

use std::path::Path;

use eframe::egui;

use super::connect::{ConnectForm, Offer};
use super::work::{Done, TeamWork};
use crate::ui::team_sync::TeamPassword;
use crate::ui::theme;
use crate::ui::view::Action;

/// The card's state: the form, the join under way and what the server answered.
#[derive(Default)]
pub struct JoinCard {
    form: ConnectForm,
    work: TeamWork,
    error: Option<String>,
}

impl JoinCard {
    /// Draws the form for the empty workspace at `path`.
    pub fn ui(&mut self, ui: &mut egui::Ui, path: &Path, actions: &mut Vec<Action>) {
        if let Some(done) = self.work.poll() {
            match done {
                Ok(Done::Joined(joined_path, _)) => {
                    self.error = None;
                    actions.push(Action::UseTeamPassword(TeamPassword::new(
                        self.form.password(),
                    )));
                    actions.push(Action::OpenWorkspace(joined_path));
                }
                Ok(other) => self.error = Some(other.summary()),
                Err(e) => self.error = Some(e),
            }
        }
        self.form.defaults(path);
        ui.label(theme::muted(
            ui,
            "Your team shares its plan on a PostgreSQL server. Ask its owner for the address \
             and a login; the team's accounts, drafts and plan arrive in a new workspace file.",
        ));
        ui.add_space(theme::SPACE_S);
        let idle = !self.work.is_busy();
        if let Some(request) = self.form.ui(ui, Offer::Join, idle, "") {
            let env = self.form.environment();
            if let Err(e) = self.work.start(ui.ctx(), path, env, request) {
                self.error = Some(e);
            }
        }
        if self.work.is_busy() {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(theme::muted(ui, self.work.doing()));
            });
        }
        if let Some(error) = &self.error {
            ui.label(theme::error_text(ui, error));
        }
    }
}
