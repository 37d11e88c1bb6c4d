//! Settings → Team: share this workspace with a team on a PostgreSQL server, or join a team
//! into a new workspace file; in a team, its members and their roles (owners add, change and
//! remove them) and *Leave team*. Every call to the server runs off the UI thread
//! ([`TeamWork`]); a password typed here is kept only while Scrollstop runs and handed to the
//! sync thread, never written anywhere (PGPASSWORD and `~/.pgpass` work as they do for psql).

use eframe::egui;

use crate::domain::Account;
use crate::ui::team::connect::{ConnectForm, Offer};
use crate::ui::team::members::{self, MemberForm};
use crate::ui::team::work::{self, Request, TeamWork};
use crate::ui::team_sync::TeamPassword;
use crate::ui::theme;
use crate::ui::view::{Action, ViewContext};
use crate::workspace::team::{Capability, Membership, TeamStatus};

/// The section's state.
#[derive(Default)]
pub(super) struct TeamSection {
    loaded: Option<u64>,
    team: Option<TeamStatus>,
    /// The server, password, team name and new file for sharing or joining.
    connect: ConnectForm,
    /// The members as the server listed them last.
    membership: Option<Membership>,
    /// The add-a-member form.
    member_form: MemberForm,
    /// Asking "Leave the team?".
    confirming_leave: bool,
    work: TeamWork,
    /// The window, woken when the server answers.
    egui: egui::Context,
    /// The last answer of the server, good or bad.
    message: Option<Result<String, String>>,
}

impl TeamSection {
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewContext<'_>, accounts: &[Account]) {
        self.egui = ui.ctx().clone();
        self.reload(ctx);
        if let Some(done) = self.work.poll() {
            self.finished(done, ctx);
        }
        ui.add_space(theme::SPACE_L);
        theme::section_heading(ui, "Team");
        theme::card(ui).show(ui, |ui| {
            ui.set_width(ui.available_width());
            match self.team.clone() {
                None => self.outside(ui, ctx),
                Some(team) => self.inside(ui, ctx, &team, accounts),
            }
            if self.work.is_busy() {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(theme::muted(ui, self.work.doing()));
                });
            }
            match &self.message {
                Some(Ok(text)) => {
                    ui.label(egui::RichText::new(text).color(theme::palette(ui).ok));
                }
                Some(Err(text)) => {
                    ui.label(theme::error_text(ui, text));
                }
                None => {}
            }
        });
    }

    fn reload(&mut self, ctx: &ViewContext<'_>) {
        if self.loaded == Some(ctx.revision) {
            return;
        }
        self.loaded = Some(ctx.revision);
        let was_in_team = self.team.is_some();
        self.team = ctx.workspace.team_status().ok().flatten();
        let unknown = !was_in_team || self.membership.is_none();
        if self.team.is_some() && unknown && !self.work.is_busy() {
            self.start(ctx, Request::Members);
        }
        self.connect.defaults(ctx.workspace.path());
    }

    /// Not in a team: share this workspace, or join a team into a new file.
    fn outside(&mut self, ui: &mut egui::Ui, ctx: &mut ViewContext<'_>) {
        ui.label(theme::muted(
            ui,
            "Work on one plan with your team: the team's server is a PostgreSQL database \
             (a managed one, or apt install postgresql). Your work stays on this computer \
             too, and syncs whenever the server can be reached.",
        ));
        ui.add_space(theme::SPACE_S);
        let idle = !self.work.is_busy() && !ctx.workspace.is_read_only();
        let author = ctx.workspace.member_name();
        if let Some(request) = self.connect.ui(ui, Offer::ShareOrJoin, idle, &author) {
            self.start(ctx, request);
        }
    }

    /// In a team: who is in it, adding and removing members, leaving.
    fn inside(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &mut ViewContext<'_>,
        team: &TeamStatus,
        accounts: &[Account],
    ) {
        ui.label(format!(
            "This workspace syncs with the team \"{}\".",
            team.team
        ));
        ui.label(egui::RichText::new(&team.server).monospace());
        if let Some(me) = self.membership.as_ref().and_then(Membership::me) {
            ui.label(theme::muted(
                ui,
                format!("You are {} ({}).", me.login, me.role),
            ));
        }
        ui.add_space(theme::SPACE_S);
        let idle = !self.work.is_busy();
        let manage = ctx.permissions.why_not(Capability::ManageMembers);
        if let Some(request) = members::table(ui, self.membership.as_ref(), idle, manage) {
            self.start(ctx, request);
        }
        ui.add_space(theme::SPACE_S);
        if let Some(request) = self.member_form.ui(ui, accounts, idle, manage) {
            self.start(ctx, request);
        }
        ui.add_space(theme::SPACE_S);
        ui.horizontal_wrapped(|ui| {
            if ui
                .add_enabled(idle, egui::Button::new("Refresh members"))
                .clicked()
            {
                self.start(ctx, Request::Members);
            }
            if self.confirming_leave {
                ui.label("Leave the team? This workspace keeps its data and stops syncing.");
                if ui.add_enabled(idle, egui::Button::new("Leave")).clicked() {
                    self.confirming_leave = false;
                    self.start(ctx, Request::Leave);
                }
                if ui.button("Stay").clicked() {
                    self.confirming_leave = false;
                }
            } else if ui
                .add_enabled(idle, egui::Button::new("Leave team…"))
                .clicked()
            {
                self.confirming_leave = true;
            }
        });
    }

    fn start(&mut self, ctx: &ViewContext<'_>, request: Request) {
        let env = self.connect.environment();
        match self
            .work
            .start(&self.egui, ctx.workspace.path(), env, request)
        {
            Ok(()) => {}
            Err(e) => self.message = Some(Err(e)),
        }
    }

    fn finished(&mut self, done: Result<work::Done, String>, ctx: &mut ViewContext<'_>) {
        let password = || TeamPassword::new(self.connect.password());
        let done = match done {
            Ok(done) => done,
            Err(e) => {
                self.message = Some(Err(e));
                return;
            }
        };
        self.message = Some(Ok(done.summary()));
        match done {
            work::Done::Shared(_) => ctx.actions.push(Action::UseTeamPassword(password())),
            work::Done::Joined(path, _) => {
                ctx.actions.push(Action::UseTeamPassword(password()));
                ctx.actions.push(Action::OpenWorkspace(path));
            }
            work::Done::Members(membership) => {
                self.membership = Some(membership);
                // The role just read is in the workspace now.
                self.loaded = None;
                self.message = None;
            }
            work::Done::Added { .. } | work::Done::Removed { .. } => {
                self.member_form.clear();
                self.start(ctx, Request::Members);
            }
            work::Done::Left(_) => {
                self.membership = None;
                ctx.actions
                    .push(Action::UseTeamPassword(TeamPassword::new("")));
            }
        }
        self.loaded = None;
    }
}
