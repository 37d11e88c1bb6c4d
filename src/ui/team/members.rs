//! The team's members in the Team settings: a table of logins, roles and accounts with
//! *Remove*, and the form that adds a member or changes one's role. Only owners manage
//! members; for everyone else the buttons are disabled and say so.

use eframe::egui;

use super::work::Request;
use crate::domain::{Account, AccountId};
use crate::ui::theme;
use crate::ui::widgets::form;
use crate::workspace::team::{Membership, Role};

/// The members, each with Remove; returns the removal asked for.
pub fn table(
    ui: &mut egui::Ui,
    membership: Option<&Membership>,
    idle: bool,
    manage: Option<&str>,
) -> Option<Request> {
    let Some(membership) = membership else {
        ui.label(theme::muted(ui, "The members are read from the server…"));
        return None;
    };
    let mut asked = None;
    egui::Grid::new("team-members")
        .num_columns(4)
        .spacing([theme::SPACE_M, theme::SPACE_S])
        .striped(true)
        .show(ui, |ui| {
            for heading in ["Member", "Role", "Accounts", ""] {
                ui.label(theme::muted(ui, heading).small());
            }
            ui.end_row();
            for member in &membership.members {
                let you = member.login == membership.login;
                ui.label(if you {
                    format!("{} (you)", member.login)
                } else {
                    member.login.clone()
                });
                ui.label(member.role.as_str());
                ui.label(match &member.accounts {
                    None => "every account".to_string(),
                    Some(list) => crate::text::plural(list.len(), "account", "accounts"),
                });
                let remove = ui
                    .add_enabled(
                        idle && manage.is_none() && !you,
                        egui::Button::new(format!("Remove {}", member.login)).small(),
                    )
                    .on_disabled_hover_text(match manage {
                        Some(why) => why,
                        None if you => "Use Leave team to leave it yourself",
                        None => "Wait for the server's answer",
                    });
                if remove.clicked() {
                    asked = Some(Request::Remove(member.login.clone()));
                }
                ui.end_row();
            }
        });
    asked
}

/// The add-a-member form.
#[derive(Default)]
pub struct MemberForm {
    login: String,
    role: Option<Role>,
    /// Accounts ticked; none ticked means every account.
    accounts: Vec<AccountId>,
    password: String,
}

impl MemberForm {
    /// Empties the form after the server took it.
    pub fn clear(&mut self) {
        *self = Self::default();
    }

    /// Draws the form; returns the request when the owner adds the member.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        accounts: &[Account],
        idle: bool,
        manage: Option<&str>,
    ) -> Option<Request> {
        let mut asked = None;
        ui.label(theme::section_title("Add a member or change a role"));
        ui.add_enabled_ui(manage.is_none(), |ui| {
            form::grid("team-add-member").show(ui, |ui| {
                form::text_row(ui, "Login", &mut self.login, "their PostgreSQL login");
                let label = form::label(ui, "Role");
                let role = self.role.get_or_insert(Role::Editor);
                egui::ComboBox::from_id_salt("team-member-role")
                    .selected_text(role.as_str())
                    .show_ui(ui, |ui| {
                        for choice in Role::ALL {
                            ui.selectable_value(role, choice, describe(choice));
                        }
                    })
                    .response
                    .labelled_by(label);
                ui.end_row();
                form::label(ui, "Accounts");
                ui.horizontal_wrapped(|ui| {
                    for account in accounts {
                        let mut ticked = self.accounts.contains(&account.id);
                        if ui
                            .checkbox(&mut ticked, account.handle.to_string())
                            .changed()
                        {
                            self.accounts.retain(|a| *a != account.id);
                            if ticked {
                                self.accounts.push(account.id);
                            }
                        }
                    }
                    ui.label(theme::muted(ui, "none ticked: every account").small());
                });
                ui.end_row();
                let label = form::label(ui, "New login's password");
                ui.add(
                    egui::TextEdit::singleline(&mut self.password)
                        .password(true)
                        .hint_text("only when the login is new")
                        .desired_width(theme::FORM_INPUT_WIDTH),
                )
                .labelled_by(label);
                ui.end_row();
            });
        })
        .response
        .on_disabled_hover_text(manage.unwrap_or_default());
        let add = ui
            .add_enabled(
                idle && manage.is_none() && !self.login.trim().is_empty(),
                egui::Button::new("Add member"),
            )
            .on_disabled_hover_text(manage.unwrap_or("Type the member's login first"));
        if add.clicked() {
            asked = Some(Request::Add {
                login: self.login.trim().to_string(),
                role: self.role.unwrap_or(Role::Editor),
                accounts: self.accounts.clone(),
                password: Some(self.password.clone()).filter(|p| !p.is_empty()),
            });
        }
        asked
    }
}

/// A role and what it may do, for the role menu.
fn describe(role: Role) -> String {
    let what = match role {
        Role::Owner => "everything, and the members",
        Role::Editor => "everything but approving",
        Role::Reviewer => "comments and a draft's status",
        Role::Viewer => "reads only",
    };
    format!("{role}: {what}")
}
