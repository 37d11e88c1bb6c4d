//! The Settings view: which workspace file is open and its schema version, the name your edits
//! are signed with (the member name), and the accounts the
//! team runs, fully editable (add, edit handle, names, zone, region, language, cadence and
//! subculture mix; delete with undo). Edits leave as actions; refusals come back through
//! [`View::edit_refused`]. What the workspace holds is counted in the background ([`Reading`]).

mod appearance;
mod backups;
mod team;

use std::collections::HashMap;

use eframe::egui::{self, RichText};

use crate::domain::{Account, AccountId, Subculture};
use crate::schedule::SubcultureMix;
use crate::text::plural;
use crate::ui::reading::Reading;
use crate::ui::theme;
use crate::ui::view::{Action, View, ViewContext};
use crate::ui::widgets::account_form::{self, AccountForm};
use crate::ui::widgets::form;
use crate::ui::widgets::mix_form::MixForm;
use crate::ui::widgets::permitted;
use crate::workspace::WorkspaceError;
use crate::workspace::team::{Capability, Permissions};
use crate::workspace::{MEMBER_SETTING, WorkspaceInfo};

/// The open account form.
struct Editor {
    /// `None` while adding a new account.
    target: Option<Account>,
    form: AccountForm,
    error: Option<String>,
    pending: bool,
    /// The subculture-mix fields (existing accounts only) and the mix stored now.
    mix: Option<(MixForm, SubcultureMix)>,
    mix_error: Option<String>,
    /// Whether the form was scrolled into view (once, when it opens below the other sections).
    shown: bool,
}

/// The view's state: cached workspace facts and accounts, and the open form.
#[derive(Default)]
pub struct SettingsView {
    loaded: Option<u64>,
    /// What the workspace holds, counted in the background (a team's has a million snapshots).
    info: Reading<u64, WorkspaceInfo>,
    accounts: Vec<Account>,
    subcultures: Vec<Subculture>,
    mixes: HashMap<AccountId, SubcultureMix>,
    load_error: Option<String>,
    editor: Option<Editor>,
    backups: backups::BackupsSection,
    team: team::TeamSection,
    /// The member name being typed; `None` until read.
    member: Option<String>,
    /// The member name as stored when the view last read the workspace.
    stored_member: String,
}

impl SettingsView {
    fn reload(&mut self, egui_ctx: &egui::Context, ctx: &ViewContext<'_>) {
        self.info.poll();
        if self.info.needs(&ctx.revision) {
            let path = ctx.workspace.path();
            self.info
                .start(egui_ctx, "workspace counts", path, ctx.revision, |w| {
                    w.info()
                });
        }
        if self.loaded == Some(ctx.revision) {
            return;
        }
        self.loaded = Some(ctx.revision);
        let workspace = ctx.workspace;
        let result = workspace
            .accounts()
            .map_err(|e| e.to_string())
            .and_then(|accounts| {
                let subcultures = workspace.subcultures().map_err(|e| e.to_string())?;
                let mixes = accounts
                    .iter()
                    .map(|a| Ok((a.id, workspace.subculture_mix(a.id)?)))
                    .collect::<Result<HashMap<_, _>, WorkspaceError>>()
                    .map_err(|e| e.to_string())?;
                Ok((accounts, subcultures, mixes))
            });
        self.stored_member = ctx.workspace.member_name();
        self.member = Some(self.stored_member.clone());
        match result {
            Ok((accounts, subcultures, mixes)) => {
                self.accounts = accounts;
                self.subcultures = subcultures;
                self.mixes = mixes;
                self.load_error = None;
            }
            Err(e) => self.load_error = Some(e),
        }
    }

    fn workspace_section(&mut self, ui: &mut egui::Ui, ctx: &mut ViewContext<'_>) {
        theme::section_heading(ui, "Workspace");
        theme::card(ui).show(ui, |ui| {
            ui.set_width(ui.available_width());
            form::grid("workspace-facts").show(ui, |ui| {
                form::label(ui, "File");
                let path = ctx.workspace.path().display().to_string();
                ui.add(egui::Label::new(RichText::new(path).monospace()).selectable(true));
                ui.end_row();
                match self.info.latest() {
                    Some((_, Ok(info))) => {
                        form::label(ui, "Schema version");
                        ui.label(info.schema_version.to_string());
                        ui.end_row();
                        form::label(ui, "Holds");
                        ui.label(holdings(info));
                    }
                    Some((_, Err(why))) => {
                        form::label(ui, "Holds");
                        ui.label(theme::error_text(ui, format!("Could not count: {why}")));
                    }
                    None => {
                        form::label(ui, "Holds");
                        ui.label(theme::muted(ui, "Counting…"));
                    }
                }
                ui.end_row();
                if let Some(member) = &mut self.member {
                    let label = form::label(ui, "Your name");
                    ui.horizontal(|ui| {
                        let field = ui
                            .add(
                                egui::TextEdit::singleline(member)
                                    .desired_width(theme::FORM_INPUT_WIDTH),
                            )
                            .labelled_by(label)
                            .on_hover_text(
                                "Your edits, comments and the drafts' history are signed with it.",
                            );
                        let entered = field.lost_focus()
                            && ui
                                .input(|i| i.key_pressed(crate::ui::shortcuts::SUBMIT.logical_key));
                        let name = member.trim().to_string();
                        let changed = name != self.stored_member;
                        let save = ui.add_enabled(
                            changed && !name.is_empty(),
                            egui::Button::new("Save name"),
                        );
                        if (save.clicked() || (entered && changed)) && !name.is_empty() {
                            ctx.actions.push(Action::SetSetting {
                                key: MEMBER_SETTING.to_string(),
                                value: Some(name),
                            });
                        }
                    });
                    ui.end_row();
                }
            });
        });
    }

    fn accounts_section(
        &mut self,
        ui: &mut egui::Ui,
        permissions: &Permissions,
        actions: &mut Vec<Action>,
    ) {
        ui.add_space(theme::SPACE_L);
        egui::Sides::new().show(
            ui,
            |ui| ui.label(theme::section_title("Accounts")),
            |ui| {
                let adding = self.editor.as_ref().is_some_and(|e| e.target.is_none());
                if permitted::button(
                    ui,
                    permissions,
                    Capability::EditAccounts,
                    !adding,
                    egui::Button::new("Add account"),
                )
                .clicked()
                {
                    self.editor = Some(Editor {
                        target: None,
                        form: AccountForm::default(),
                        error: None,
                        pending: false,
                        mix: None,
                        mix_error: None,
                        shown: false,
                    });
                }
            },
        );
        ui.add_space(theme::SPACE_S);
        let Self {
            accounts,
            editor,
            subcultures,
            mixes,
            ..
        } = self;
        if editor.as_ref().is_some_and(|e| e.target.is_none()) {
            editor_card(ui, editor, actions);
        }
        if accounts.is_empty() {
            ui.label(theme::muted(
                ui,
                "No accounts yet. Add the TikTok accounts your team runs.",
            ));
        }
        for account in accounts.iter() {
            if editor
                .as_ref()
                .is_some_and(|e| e.target.as_ref().map(|a| a.id) == Some(account.id))
            {
                editor_card(ui, editor, actions);
                continue;
            }
            let card = ui
                .add_enabled_ui(permissions.may(Capability::EditAccounts), |ui| {
                    account_card(ui, account)
                })
                .inner;
            match card {
                Some(Intent::Edit) => {
                    let stored = mixes.get(&account.id).cloned().unwrap_or_default();
                    *editor = Some(Editor {
                        target: Some(account.clone()),
                        form: AccountForm::from_account(account),
                        error: None,
                        pending: false,
                        mix: Some((MixForm::new(subcultures, &stored), stored)),
                        mix_error: None,
                        shown: false,
                    });
                }
                Some(Intent::Delete(id)) => actions.push(Action::DeleteAccount(id)),
                None => {}
            }
            ui.add_space(theme::SPACE_S);
        }
    }
}

enum Intent {
    Edit,
    Delete(AccountId),
}

fn account_card(ui: &mut egui::Ui, account: &Account) -> Option<Intent> {
    let mut intent = None;
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        egui::Sides::new().show(
            ui,
            |ui| {
                ui.label(RichText::new(account.at_handle()).strong());
                ui.label(theme::muted(ui, &account.display_name));
            },
            |ui| {
                let handle = account.at_handle();
                let delete = ui
                    .button("Delete")
                    .accessible_name(format!("Delete {handle}"));
                if delete
                    .on_hover_text("Move to the trash (Undo brings it back)")
                    .clicked()
                {
                    intent = Some(Intent::Delete(account.id));
                }
                if ui
                    .button("Edit")
                    .accessible_name(format!("Edit {handle}"))
                    .clicked()
                {
                    intent = Some(Intent::Edit);
                }
            },
        );
        let region = if account.region.is_empty() {
            "no region"
        } else {
            &account.region
        };
        ui.label(theme::muted(
            ui,
            format!(
                "{} · {region} · {}",
                account.time_zone.name(),
                account.language
            ),
        ));
        ui.label(theme::muted(ui, account_form::describe_cadence(&account.cadence)).small());
    });
    intent
}

fn editor_card(ui: &mut egui::Ui, editor: &mut Option<Editor>, actions: &mut Vec<Action>) {
    let Some(open) = editor else {
        return;
    };
    let mut close = false;
    theme::card(ui)
        .stroke(egui::Stroke::new(1.5, theme::palette(ui).accent))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let title = match &open.target {
                Some(a) => format!("Edit {}", a.at_handle()),
                None => "New account".to_string(),
            };
            let heading = ui.label(
                RichText::new(title)
                    .text_style(theme::subheading())
                    .strong(),
            );
            if !open.shown {
                heading.scroll_to_me(Some(egui::Align::TOP));
                open.shown = true;
            }
            ui.add_space(theme::SPACE_S);
            open.form.ui(ui, "settings-account", true);
            if let Some((mix, _)) = &mut open.mix {
                form::grid("settings-mix").show(ui, |ui| mix.ui(ui, open.mix_error.as_deref()));
            }
            account_form::error_line(ui, open.error.as_deref());
            ui.horizontal(|ui| {
                let save = ui.add_enabled(!open.pending, theme::primary_button(ui, "Save"));
                if save.clicked() {
                    save_editor(open, actions);
                }
                close = ui.button("Cancel").clicked();
            });
        });
    if close {
        *editor = None;
    }
    ui.add_space(theme::SPACE_M);
}

/// Pushes the form's edits: the account (when it changed or is new) and the subculture mix
/// (when it changed). Nothing leaves while either part is invalid.
fn save_editor(open: &mut Editor, actions: &mut Vec<Action>) {
    let mix = match &open.mix {
        Some((form, stored)) => match form.mix() {
            Ok(mix) => (mix != *stored).then_some(mix),
            Err(message) => {
                open.mix_error = Some(message);
                return;
            }
        },
        None => None,
    };
    open.mix_error = None;
    let action = match &open.target {
        Some(a) => open.form.updated(a).map(|updated| {
            (updated != *a || mix.is_none()).then_some(Action::UpdateAccount(updated))
        }),
        None => open
            .form
            .new_account()
            .map(|new| Some(Action::AddAccount(new))),
    };
    match action {
        Ok(action) => {
            open.error = None;
            let mix = open
                .target
                .as_ref()
                .zip(mix)
                .map(|(a, mix)| Action::SetSubcultureMix { account: a.id, mix });
            open.pending = true;
            actions.extend(action);
            actions.extend(mix);
        }
        Err(message) => open.error = Some(message),
    }
}

/// `20 subcultures · 10,000 drafts · …`: what the workspace holds.
fn holdings(info: &WorkspaceInfo) -> String {
    let c = &info.counts;
    let n = |count: u64| usize::try_from(count).unwrap_or(usize::MAX);
    [
        plural(n(c.subcultures), "subculture", "subcultures"),
        plural(n(c.drafts), "draft", "drafts"),
        plural(n(c.trend_items), "trend item", "trend items"),
        plural(n(c.videos), "video", "videos"),
        plural(n(c.plan_entries), "plan entry", "plan entries"),
    ]
    .join(" · ")
}

impl View for SettingsView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewContext<'_>) {
        self.reload(ui.ctx(), ctx);
        theme::view_heading(
            ui,
            "Settings",
            "The workspace file and the accounts your team runs.",
        );
        if let Some(error) = &self.load_error {
            ui.label(theme::error_text(
                ui,
                format!("The settings could not be read: {error}"),
            ));
        }
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                self.workspace_section(ui, ctx);
                self.backups.ui(ui, ctx);
                appearance::section(ui);
                self.team.ui(ui, ctx, &self.accounts);
                self.accounts_section(ui, ctx.permissions, ctx.actions);
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

    fn is_reading(&self) -> bool {
        self.info.is_reading()
    }
}
