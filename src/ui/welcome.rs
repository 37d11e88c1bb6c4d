//! The first start: an empty workspace gets a welcome instead of an empty window. It says what
//! Scrollstop is and offers four ways in: the demo workspace (a background job with progress
//! and Cancel), importing TikTok Studio files right away (the import preview names the new
//! account for files that name none), an empty start with a form for the first account, or
//! joining a team whose plan is on a server.

use std::path::Path;

use eframe::egui::{self, RichText};

use super::jobs::JobRunner;
use super::shortcuts;
use super::team::join_card::JoinCard;
use super::theme;
use super::view::Action;
use super::widgets::account_form::{self, AccountForm};

/// Width of the welcome column.
const COLUMN: f32 = 580.0;

/// The welcome screen's state: the first-account form once "Start empty" was chosen.
#[derive(Default)]
pub struct Welcome {
    form: Option<AccountForm>,
    error: Option<String>,
    pending: bool,
    /// "Join your team", once chosen.
    join: Option<JoinCard>,
}

impl Welcome {
    /// Draws the welcome screen for the workspace at `path`.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        path: &Path,
        jobs: &JobRunner,
        actions: &mut Vec<Action>,
    ) {
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let width = COLUMN.min(ui.available_width());
                let margin = ((ui.available_width() - width) / 2.0).max(0.0);
                ui.add_space((ui.available_height() * 0.1).min(80.0));
                ui.horizontal(|ui| {
                    ui.add_space(margin);
                    ui.vertical(|ui| {
                        ui.set_width(width);
                        self.column(ui, path, jobs, actions);
                    });
                });
            });
    }

    fn column(
        &mut self,
        ui: &mut egui::Ui,
        path: &Path,
        jobs: &JobRunner,
        actions: &mut Vec<Action>,
    ) {
        let palette = theme::palette(ui);
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = 0.0;
            ui.label(RichText::new("Welcome to ").size(30.0).strong());
            ui.label(
                RichText::new("Scroll")
                    .size(30.0)
                    .strong()
                    .color(palette.accent),
            );
            ui.label(
                RichText::new("stop")
                    .size(30.0)
                    .strong()
                    .color(palette.accent_2),
            );
        });
        ui.add_space(theme::SPACE_M);
        ui.label(
            "Scrollstop plans your team's TikTok videos: drafts, trends and the subcultures you \
             post into, checked while you type against what makes people stop scrolling.",
        );
        ui.label(
            "From your TikTok Studio analytics it predicts each draft's reach and schedules posts \
             for the hours your audience is awake.",
        );
        ui.add_space(theme::SPACE_L);

        if jobs.is_busy() {
            theme::card(ui).show(ui, |ui| {
                ui.set_width(ui.available_width());
                jobs.ui(ui, ui.available_width() * 0.55);
            });
        } else if self.form.is_some() {
            self.first_account(ui, actions);
        } else {
            self.choices(ui, path, actions);
        }

        ui.add_space(theme::SPACE_L);
        ui.label(theme::muted(ui, format!("Workspace file: {}", path.display())).small());
        let keys = ui.ctx().format_shortcut(&shortcuts::HELP);
        ui.label(theme::muted(ui, format!("{keys} lists the keyboard shortcuts.")).small());
    }

    fn choices(&mut self, ui: &mut egui::Ui, path: &Path, actions: &mut Vec<Action>) {
        theme::card(ui).show(ui, |ui| {
            ui.set_width(ui.available_width());
            let demo = ui.add(theme::primary_button(ui, "Start with demo data").min_size(egui::vec2(240.0, 32.0)));
            if demo.clicked() {
                actions.push(Action::CreateDemo);
            }
            ui.label(theme::muted(
                ui,
                "Two accounts in different time zones, #CottageCore, #MomsofTikTok, #FitTok and \
                 more, drafts in every status, trend lists and 120 days of analytics to look around in.",
            ));
        });
        ui.add_space(theme::SPACE_M);
        theme::card(ui).show(ui, |ui| {
            ui.set_width(ui.available_width());
            let shortcut = ui.ctx().format_shortcut(&shortcuts::IMPORT);
            let import = egui::Button::new("Import TikTok Studio files…")
                .right_text(theme::muted(ui, shortcut).small())
                .min_size(egui::vec2(240.0, 32.0));
            if ui
                .add(import)
                .accessible_name("Import TikTok Studio files…")
                .clicked()
            {
                actions.push(Action::ImportFiles);
            }
            ui.label(theme::muted(
                ui,
                "Start from your own analytics: the Overview, Content and Followers exports \
                 (ZIPs or the CSVs inside). The preview asks which account they belong to and \
                 adds it. You can also drop the files onto this window.",
            ));
        });
        ui.add_space(theme::SPACE_M);
        theme::card(ui).show(ui, |ui| {
            ui.set_width(ui.available_width());
            if ui
                .add(egui::Button::new("Start empty").min_size(egui::vec2(240.0, 32.0)))
                .clicked()
            {
                self.form = Some(AccountForm::default());
            }
            ui.label(theme::muted(
                ui,
                "Add your first TikTok account and build from there.",
            ));
        });
        ui.add_space(theme::SPACE_M);
        theme::card(ui).show(ui, |ui| {
            ui.set_width(ui.available_width());
            match &mut self.join {
                None => {
                    let join =
                        egui::Button::new("Join your team…").min_size(egui::vec2(240.0, 32.0));
                    if ui.add(join).clicked() {
                        self.join = Some(JoinCard::default());
                    }
                    ui.label(theme::muted(
                        ui,
                        "Work on the plan your team shares on its server.",
                    ));
                }
                Some(card) => card.ui(ui, path, actions),
            }
        });
    }

    fn first_account(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let mut back = false;
        theme::card(ui).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new("Your first account")
                    .text_style(theme::subheading())
                    .strong(),
            );
            ui.label(theme::muted(
                ui,
                "The time zone is where the account's audience lives.",
            ));
            ui.add_space(theme::SPACE_M);
            let Some(form) = &mut self.form else {
                return;
            };
            form.ui(ui, "welcome", false);
            account_form::error_line(ui, self.error.as_deref());
            ui.add_space(theme::SPACE_S);
            ui.horizontal(|ui| {
                let add = ui.add_enabled(!self.pending, theme::primary_button(ui, "Add account"));
                if add.clicked() {
                    match form.new_account() {
                        Ok(account) => {
                            self.error = None;
                            self.pending = true;
                            actions.push(Action::AddAccount(account));
                        }
                        Err(message) => self.error = Some(message),
                    }
                }
                back = ui.button("Back").clicked();
            });
        });
        if back {
            *self = Self::default();
        }
    }

    /// The workspace refused the first account (e.g. its handle).
    pub fn edit_refused(&mut self, message: &str) {
        self.pending = false;
        self.error = Some(message.to_string());
    }
}
