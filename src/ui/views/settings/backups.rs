//! Settings → "Your data": where the workspace file lives (copy its path, show it in the file
//! manager, open another or start a new one), "Back up now", and the backups beside it (date,
//! kind, size) with "Restore…" behind a confirmation that says what happens to the data.

use eframe::egui::{self, RichText};

use crate::ui::theme;
use crate::ui::view::{Action, ViewContext};
use crate::ui::widgets::format::{file_size, long_date};
use crate::workspace::{BackupFile, BackupKind, KEEP_DAILY};

/// The section's state: the backups listed at the last revision, and the restore being
/// confirmed.
#[derive(Default)]
pub(super) struct BackupsSection {
    /// The revision and count of backups taken the list was read at.
    loaded: Option<(u64, u64)>,
    backups: Vec<BackupFile>,
    error: Option<String>,
    confirming: Option<BackupFile>,
}

impl BackupsSection {
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewContext<'_>) {
        self.reload(ctx);
        ui.add_space(theme::SPACE_L);
        theme::section_heading(ui, "Your data");
        self.location_card(ui, ctx);
        ui.add_space(theme::SPACE_M);
        self.backups_card(ui, ctx);
        self.confirmation(ui, ctx.actions);
    }

    fn reload(&mut self, ctx: &ViewContext<'_>) {
        let now = (ctx.revision, ctx.backups_taken);
        if self.loaded == Some(now) {
            return;
        }
        self.loaded = Some(now);
        match ctx.workspace.backups().list() {
            Ok(list) => {
                self.backups = list;
                self.error = None;
            }
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    fn location_card(&self, ui: &mut egui::Ui, ctx: &mut ViewContext<'_>) {
        let path = ctx.workspace.path().to_path_buf();
        theme::card(ui).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(theme::muted(
                ui,
                "Everything in this workspace (accounts, drafts, trends, analytics, the plan) \
                 lives in one file on this computer:",
            ));
            ui.add(
                egui::Label::new(RichText::new(path.display().to_string()).monospace())
                    .selectable(true),
            );
            if ctx.workspace.is_read_only() {
                ui.label(theme::muted(ui, "Opened read-only: changes are off.").small());
            }
            ui.add_space(theme::SPACE_S);
            ui.horizontal_wrapped(|ui| {
                if ui.button("Copy path").clicked() {
                    ui.ctx().copy_text(path.display().to_string());
                    ctx.actions
                        .push(Action::Notify("Copied the workspace path.".to_string()));
                }
                if ui.button("Show in folder").clicked() {
                    ctx.actions.push(Action::ShowInFolder(path.clone()));
                }
                let open = ui
                    .button("Open another workspace…")
                    .on_hover_text("Switch this window to another workspace file");
                if open.clicked() {
                    ctx.actions.push(Action::OpenAnotherWorkspace);
                }
                let new = ui
                    .button("Start a new workspace…")
                    .on_hover_text("Choose a name for a new, empty workspace file");
                if new.clicked() {
                    ctx.actions.push(Action::StartNewWorkspace);
                }
            });
        });
    }

    fn backups_card(&mut self, ui: &mut egui::Ui, ctx: &mut ViewContext<'_>) {
        let folder = ctx.workspace.backups();
        let read_only = ctx.workspace.is_read_only();
        theme::card(ui).show(ui, |ui| {
            ui.set_width(ui.available_width());
            egui::Sides::new().show(
                ui,
                |ui| ui.label(RichText::new("Backups").strong()),
                |ui| {
                    let button = ui
                        .add(theme::primary_button(ui, "Back up now…"))
                        .on_hover_text("Copy the whole workspace to a file you choose");
                    if button.clicked() {
                        ctx.actions.push(Action::BackUpNow);
                    }
                },
            );
            let how = if read_only {
                "No daily backups are taken while the workspace is read-only.".to_string()
            } else {
                format!(
                    "Once a day, the first time Scrollstop opens this workspace, it copies it to \
                     {} and keeps the last {KEEP_DAILY} days.",
                    folder.dir().display()
                )
            };
            ui.label(theme::muted(ui, how));
            ui.add_space(theme::SPACE_S);
            if let Some(error) = &self.error {
                ui.label(theme::error_text(
                    ui,
                    format!("The backups could not be listed: {error}"),
                ));
            } else if self.backups.is_empty() {
                ui.label(theme::muted(
                    ui,
                    "No backups yet: the first is taken shortly after a workspace with data in it \
                     opens.",
                ));
            } else {
                self.list(ui, read_only);
            }
        });
    }

    fn list(&mut self, ui: &mut egui::Ui, read_only: bool) {
        egui::Grid::new("settings-backups")
            .num_columns(4)
            .spacing(egui::vec2(theme::SPACE_L, theme::SPACE_S))
            .striped(true)
            .show(ui, |ui| {
                for backup in &self.backups {
                    let (when, kind) = match backup.kind {
                        BackupKind::Daily => (long_date(backup.date), "Daily backup"),
                        BackupKind::BeforeRestore => (
                            backup.taken.map_or_else(
                                || long_date(backup.date),
                                |t| t.format("%-d %b %Y %H:%M").to_string(),
                            ),
                            "Set aside before a restore",
                        ),
                    };
                    ui.label(when);
                    ui.label(theme::muted(ui, kind));
                    ui.label(file_size(backup.bytes));
                    let restore = ui
                        .add_enabled(!read_only, egui::Button::new("Restore…"))
                        .on_disabled_hover_text("Read-only: changes are off.");
                    if restore.clicked() {
                        self.confirming = Some(backup.clone());
                    }
                    ui.end_row();
                }
            });
    }

    fn confirmation(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let Some(backup) = &self.confirming else {
            return;
        };
        let name = backup
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut close = false;
        let modal = egui::Modal::new(egui::Id::unique("restore-backup")).show(ui.ctx(), |ui| {
            ui.set_width(460.0);
            ui.label(
                RichText::new(format!("Restore the backup of {}?", long_date(backup.date)))
                    .text_style(theme::subheading())
                    .strong(),
            );
            ui.add_space(theme::SPACE_S);
            ui.label(format!(
                "The workspace's data is replaced by {name}: whatever was added or changed \
                 since then leaves the workspace."
            ));
            ui.label(
                "Nothing is lost: the current data is first saved in the backups folder \
                 (\"Set aside before a restore\" in this list), so you can restore it again.",
            );
            ui.add_space(theme::SPACE_M);
            ui.horizontal(|ui| {
                if ui.add(theme::primary_button(ui, "Restore")).clicked() {
                    actions.push(Action::RestoreBackup(backup.path.clone()));
                    close = true;
                }
                if ui.button("Cancel").clicked() {
                    close = true;
                }
            });
        });
        if close || modal.should_close() {
            self.confirming = None;
        }
    }
}
