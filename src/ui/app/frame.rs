//! One frame of the window: the theme on the first frame, background jobs, keys and dropped
//! files, then the failure, in-use or welcome screen or the shell (status bar, navigation,
//! editor, checklist and the current view), the help windows and the import dialog, and last
//! the actions the frame collected.

use std::path::Path;

use eframe::egui;

use super::{ScrollstopApp, layout};
use crate::ui::access;
use crate::ui::editor;
use crate::ui::fonts;
use crate::ui::help;
use crate::ui::import::{self, DialogContext};
use crate::ui::nav;
use crate::ui::section::Section;
use crate::ui::status_bar::{self, StatusLine};
use crate::ui::theme;
use crate::ui::view::{Action, ViewContext};

impl ScrollstopApp {
    fn failure(ui: &mut egui::Ui, path: &Path, message: &str) {
        egui::CentralPanel::default()
            .frame(theme::content_frame(ui))
            .show(ui, |ui| {
                theme::view_heading(
                    ui,
                    "This workspace could not be opened",
                    "Scrollstop left the file as it was.",
                );
                theme::card(ui).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.label(theme::file_path(path));
                    ui.add_space(theme::SPACE_S);
                    ui.label(theme::error_text(ui, message));
                });
                ui.add_space(theme::SPACE_M);
                ui.label(theme::muted(
                    ui,
                    "Start Scrollstop with --workspace PATH to open another workspace file or to \
                     start a new one.",
                ));
            });
    }

    fn shell(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let editor_shown = self.editor_shown();
        let Self {
            workspace: Ok(workspace),
            path,
            section,
            account,
            chosen,
            revision,
            cache,
            views,
            jobs,
            notice,
            editor,
            help,
            team_sync,
            access,
            ..
        } = self
        else {
            return;
        };
        egui::Panel::bottom("status-bar")
            .frame(theme::status_frame(ui))
            .show(ui, |ui| {
                let line = StatusLine {
                    path,
                    counts: cache.counts.as_ref(),
                    accounts: cache.accounts.len(),
                    notice: notice.as_ref(),
                    can_undo: cache.can_undo,
                    jobs,
                    team: cache.team.as_ref(),
                    sync: team_sync.connection(),
                };
                status_bar::ui(ui, &line, actions);
            });
        egui::Panel::left("navigation")
            .resizable(false)
            .exact_size(theme::NAV_WIDTH)
            .frame(theme::nav_frame(ui))
            .show(ui, |ui| {
                // The entries scroll rather than run under the help footer in a short window.
                let room = (ui.available_height() - help::NAV_FOOTER_HEIGHT).max(0.0);
                egui::ScrollArea::vertical()
                    .id_salt("navigation")
                    .max_height(room)
                    .auto_shrink([false, true])
                    .show(ui, |ui| {
                        nav::ui(ui, *section, &cache.accounts, *account, actions)
                    });
                help::nav_footer(ui, help.checklist.steps(), actions);
            });
        if editor_shown {
            let window = ui.ctx().content_rect().width();
            let range = layout::editor_width_range(window, ui.available_width());
            egui::Panel::right("draft-editor")
                .resizable(true)
                .default_size(layout::editor_default_width(&range))
                .size_range(range)
                .frame(theme::content_frame(ui).inner_margin(egui::Margin::symmetric(14, 12)))
                .show(ui, |ui| editor.ui(ui, &cache.permissions, actions));
        }
        help.checklist.ui(ui, actions);
        egui::CentralPanel::default()
            .frame(theme::content_frame(ui))
            .show(ui, |ui| {
                let mut context = ViewContext {
                    workspace,
                    account: cache.accounts.iter().find(|a| Some(a.id) == *account),
                    revision: *revision,
                    backups_taken: access.daily.taken(),
                    open_draft: chosen.editing(),
                    chosen_draft: chosen.draft(),
                    permissions: &cache.permissions,
                    actions,
                };
                views.get_mut(*section).ui(ui, &mut context);
            });
    }
}

impl eframe::App for ScrollstopApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        if self
            .startup
            .as_ref()
            .is_some_and(|startup| startup.frame_started(ui.ctx()))
        {
            self.startup = None;
        }
        if !self.themed {
            theme::apply(ui.ctx());
            ui.ctx().set_theme(self.theme);
            self.themed = true;
        } else if let Some(n) = self.fonts_to_warm {
            // The fonts the theme set are in use from the frame after; one font a frame.
            self.fonts_to_warm = fonts::warm_up(ui.ctx(), n).then_some(n + 1);
            if self.fonts_to_warm.is_some() {
                ui.ctx().request_repaint();
            }
        }
        self.theme = ui.ctx().options(|o| o.theme_preference);
        let ctx = ui.ctx().clone();
        if let Some(outcome) = self.jobs.poll(&ctx) {
            self.job_finished(outcome);
        }
        self.watch_workspace(&ctx);
        self.refresh();
        self.keep_in_sync(&ctx);
        if let Ok(workspace) = &self.workspace {
            self.help.checklist.refresh(&ctx, workspace, self.revision);
        }

        let mut actions = std::mem::take(&mut self.requested);
        self.help.keys(&ctx);
        nav::shortcuts(&ctx, &mut actions);
        // Ctrl+N is taken before any field sees the frame's typing, which belongs to the new
        // draft's Title.
        if self.section == Section::Drafts
            && self.workspace.is_ok()
            && !self.cache.empty
            && !self.import.is_open()
            && let Some(typed) = editor::take_new_draft_keys(&ctx)
        {
            self.editor.typed_for_new_draft(typed);
            actions.push(Action::NewDraft);
        }
        if let Ok(workspace) = &self.workspace {
            self.editor.sync(
                &ctx,
                workspace,
                self.chosen.editing(),
                self.revision,
                &mut actions,
            );
        }
        if self.editor_shown() && !self.import.is_open() {
            // The editor's own history takes Ctrl+Z while it is on screen.
            self.editor.shortcuts(&ctx, &mut actions);
        } else if !ctx.text_edit_focused() {
            // A focused text field keeps Ctrl+Z for its own typing.
            use crate::ui::shortcuts::{REDO, REDO_Y, UNDO};
            let (redo, undo) = ctx.input_mut(|i| {
                let redo = i.consume_shortcut(&REDO) || i.consume_shortcut(&REDO_Y);
                (redo, i.consume_shortcut(&UNDO))
            });
            if undo {
                actions.push(Action::Undo);
            } else if redo {
                actions.push(Action::Redo);
            }
        }
        let dropped = import::dropped_paths(&ctx);
        if !dropped.is_empty() {
            actions.push(Action::ImportPaths(dropped));
        }

        if let Err(message) = &self.workspace {
            let message = message.clone();
            match self.access.in_use {
                Some(pid) => access::in_use_screen(ui, &self.path, pid, &mut actions),
                None => {
                    access::other_workspace_bar(ui, &mut actions);
                    Self::failure(ui, &self.path, &message);
                }
            }
            self.apply_all(&ctx, actions, false);
            return;
        }
        if let Some(reason) = &self.access.read_only {
            access::read_only_banner(ui, reason, &mut actions);
        }
        let welcome = match &self.workspace {
            Err(message) => {
                Self::failure(ui, &self.path, message);
                return;
            }
            Ok(_) => self.cache.empty,
        };
        if welcome {
            let frame = theme::content_frame(ui);
            egui::CentralPanel::default().frame(frame).show(ui, |ui| {
                self.welcome.ui(ui, &self.path, &self.jobs, &mut actions);
            });
        } else {
            self.shell(ui, &mut actions);
        }
        let facts = help::AboutFacts {
            path: &self.path,
            schema_version: self
                .workspace
                .as_ref()
                .ok()
                .filter(|_| self.help.about_open)
                .map(|w| w.schema_version().map_err(|e| e.to_string())),
        };
        self.help.windows(&ctx, &facts);
        let mut dialog = DialogContext {
            accounts: &self.cache.accounts,
            jobs: &self.jobs,
            actions: &mut actions,
        };
        self.import.ui(&ctx, &mut dialog);
        self.path_prompt.ui(&ctx, &mut actions);
        import::hover_overlay(&ctx);
        self.apply_all(&ctx, actions, welcome);
        self.editor.drop_unclaimed_typing();
        self.record_seen(&ctx, welcome);
        if let Some(startup) = &mut self.startup {
            startup.frame_done(&ctx);
        }
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // The editor's last edits are written even when the window closes mid-pause.
        if let (Some(draft), Ok(workspace)) = (self.editor.take_unsaved(), &mut self.workspace)
            && let Err(e) = workspace.apply(
                crate::workspace::Edit::Autosave(Box::new(draft)),
                &workspace.member_name(),
            )
        {
            eprintln!("scrollstop: could not save the open draft on exit: {e}");
        }
        self.exit_workspace();
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.remember(storage);
    }
}
