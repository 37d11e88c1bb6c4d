//! The app shell: opens the workspace, lays out navigation, the current view and the status
//! bar, keeps the cached facts they show (reloaded only when the revision changes), and after
//! each frame applies what the user asked for (see `actions.rs`). A workspace that cannot be
//! opened is shown as a message with its path, never a panic.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use eframe::egui;
use serde::{Deserialize, Serialize};

use super::access::{self, Access, OpenFor};
use super::editor::{self, DraftEditor};
use super::file_dialog::{FileDialog, SystemFileDialog};
use super::help::{self, Help};
use super::import::{self, DialogContext, ImportDialog};
use super::jobs::JobRunner;
use super::nav::{self, Section};
use super::status_bar::{self, Notice, StatusLine};
use super::theme;
use super::undo::UndoStack;
use super::view::{Action, ViewContext};
use super::views::Views;
use super::welcome::Welcome;
use crate::domain::{Account, AccountId, DraftId};
use crate::store::TableCounts;
use crate::workspace::{FirstStep, FirstSteps, Workspace};

/// Where the navigation state is kept between runs.
const SAVED_KEY: &str = "scrollstop.navigation";

/// What the app remembers between runs (the window's size and place are eframe's own).
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
struct Saved {
    /// The workspace the view and account belong to: another workspace starts afresh.
    workspace: Option<PathBuf>,
    section: Section,
    account: Option<AccountId>,
    /// System, light or dark (Settings → Appearance).
    theme: Option<egui::ThemePreference>,
}

/// Facts read from the workspace once per revision.
#[derive(Default)]
pub(super) struct Cache {
    pub revision: Option<u64>,
    pub accounts: Vec<Account>,
    pub counts: Option<TableCounts>,
    pub empty: bool,
}

/// The Scrollstop window.
pub struct ScrollstopApp {
    pub(super) path: PathBuf,
    pub(super) workspace: Result<Workspace, String>,
    themed: bool,
    /// The theme the user chose (System follows the desktop); applied on the first frame.
    theme: egui::ThemePreference,
    pub(super) section: Section,
    pub(super) account: Option<AccountId>,
    /// The draft open in the editor, if any.
    pub(super) open_draft: Option<DraftId>,
    /// Bumped after every change to the workspace; views reload when it moves.
    pub(super) revision: u64,
    pub(super) cache: Cache,
    pub(super) views: Views,
    pub(super) welcome: Welcome,
    pub(super) jobs: JobRunner,
    pub(super) undo: UndoStack,
    pub(super) notice: Option<Notice>,
    /// Where chosen files come from: the desktop's chooser, or given paths in tests.
    pub(super) file_dialog: Box<dyn FileDialog>,
    /// The import under way, if any.
    pub(super) import: ImportDialog,
    /// The draft editor beside the Drafts, Calendar and Reach views.
    pub(super) editor: DraftEditor,
    /// The checklist, the shortcut overview and About.
    pub(super) help: Help,
    /// First steps recorded during this run (each is written to the workspace once).
    pub(super) recorded_steps: HashSet<FirstStep>,
    /// Actions handed in from outside the window (scripts, tests), applied on the next frame.
    requested: Vec<Action>,
    /// The hold on the workspace: its lock, read-only, the daily backup.
    pub(super) access: Access,
    /// Set by [`crate::ui::run`] when `SCROLLSTOP_STARTUP_REPORT` is set: the first frame prints
    /// how long start-up took (used by the start-up measurement and the packaging smoke test).
    startup: Option<std::time::Instant>,
}

impl ScrollstopApp {
    /// Opens the workspace at `path` (creating it when the file does not exist). A file that
    /// cannot be opened makes the window explain why instead.
    pub fn new(path: PathBuf) -> Self {
        let (workspace, access) = access::open(&path, OpenFor::Editing);
        Self {
            path,
            workspace,
            themed: false,
            theme: egui::ThemePreference::System,
            section: Section::default(),
            account: None,
            open_draft: None,
            revision: 1,
            cache: Cache::default(),
            views: Views::default(),
            welcome: Welcome::default(),
            jobs: JobRunner::default(),
            undo: UndoStack::default(),
            notice: None,
            file_dialog: Box::new(SystemFileDialog),
            import: ImportDialog::default(),
            editor: DraftEditor::default(),
            help: Help::default(),
            recorded_steps: HashSet::new(),
            requested: Vec::new(),
            access,
            startup: None,
        }
    }

    /// Takes chosen files from `dialog` instead of the desktop's file chooser (tests, scripts).
    pub fn with_file_dialog(mut self, dialog: Box<dyn FileDialog>) -> Self {
        self.file_dialog = dialog;
        self
    }

    /// True while the import dialog is open (reading, previewing or writing).
    pub fn is_importing(&self) -> bool {
        self.import.is_open()
    }

    /// Reports the time from `started` to the end of the first frame on stderr.
    pub fn report_startup(mut self, started: std::time::Instant) -> Self {
        self.startup = Some(started);
        self
    }

    /// Restores the theme, and the view and account of the last run on this same workspace,
    /// from eframe's storage. An account that no longer exists falls back to the first one.
    pub fn restored(mut self, storage: Option<&dyn eframe::Storage>) -> Self {
        if let Some(saved) = storage.and_then(|s| eframe::get_value::<Saved>(s, SAVED_KEY)) {
            if let Some(theme) = saved.theme {
                self.theme = theme;
            }
            if saved.workspace.as_deref() == Some(self.path.as_path()) {
                self.section = saved.section;
                self.account = saved.account;
            }
        }
        self
    }

    /// The theme chosen in Settings (System follows the desktop).
    pub fn theme_preference(&self) -> egui::ThemePreference {
        self.theme
    }

    /// True while the keyboard shortcut overview is open.
    pub fn shortcuts_shown(&self) -> bool {
        self.help.shortcuts_open
    }

    /// True while the About dialog is open.
    pub fn about_shown(&self) -> bool {
        self.help.about_open
    }

    /// The "Getting started" steps as the checklist last read them.
    pub fn first_steps(&self) -> Option<&FirstSteps> {
        self.help.checklist.steps()
    }

    /// The workspace file this window shows.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The open workspace, or `None` when it could not be opened.
    pub fn workspace(&self) -> Option<&Workspace> {
        self.workspace.as_ref().ok()
    }

    /// The view shown now.
    pub fn section(&self) -> Section {
        self.section
    }

    /// The account chosen in the account switcher.
    pub fn account(&self) -> Option<AccountId> {
        self.account
    }

    /// Counts every change the window made to the workspace.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// True while a background job runs.
    pub fn is_busy(&self) -> bool {
        self.jobs.is_busy()
    }

    /// The draft open in the editor, if any.
    pub fn open_draft(&self) -> Option<DraftId> {
        self.open_draft
    }

    /// Asks for `action` as if the user had: it is applied after the next frame (for scripts
    /// and tests that drive the window).
    pub fn request(&mut self, action: Action) {
        self.requested.push(action);
    }

    /// True when the draft editor is on screen: a draft is open and the view has room for it.
    fn editor_shown(&self) -> bool {
        self.open_draft.is_some()
            && matches!(
                self.section,
                Section::Drafts | Section::Calendar | Section::Reach
            )
    }

    /// The status bar's latest message.
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_ref().map(|n| n.text.as_str())
    }

    /// Re-reads the cached facts when the revision moved.
    fn refresh(&mut self) {
        let Ok(workspace) = &self.workspace else {
            return;
        };
        if self.cache.revision == Some(self.revision) {
            return;
        }
        let store = workspace.store();
        let accounts = store.accounts();
        if let Err(e) = &accounts {
            self.notice = Some(Notice::error(format!("Could not read the accounts: {e}")));
        }
        self.cache = Cache {
            revision: Some(self.revision),
            accounts: accounts.unwrap_or_default(),
            counts: store.counts().ok(),
            empty: store.is_empty().unwrap_or(false),
        };
        let known = |id| self.cache.accounts.iter().any(|a: &Account| a.id == id);
        if !self.account.is_some_and(known) {
            self.account = self.cache.accounts.first().map(|a| a.id);
        }
    }

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
            open_draft,
            revision,
            cache,
            views,
            jobs,
            undo,
            notice,
            editor,
            help,
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
                    can_undo: undo.can_undo(),
                    jobs,
                };
                status_bar::ui(ui, &line, actions);
            });
        egui::Panel::left("navigation")
            .resizable(false)
            .exact_size(theme::NAV_WIDTH)
            .frame(theme::nav_frame(ui))
            .show(ui, |ui| {
                nav::ui(ui, *section, &cache.accounts, *account, actions);
                help::nav_footer(ui, help.checklist.steps(), actions);
            });
        if editor_shown {
            egui::Panel::right("draft-editor")
                .resizable(true)
                .default_size(editor::PANEL_WIDTH)
                .size_range(360.0..=720.0)
                .frame(theme::content_frame(ui).inner_margin(egui::Margin::symmetric(14, 12)))
                .show(ui, |ui| editor.ui(ui, actions));
        }
        help.checklist.ui(ui, actions);
        egui::CentralPanel::default()
            .frame(theme::content_frame(ui))
            .show(ui, |ui| {
                let mut context = ViewContext {
                    workspace,
                    account: cache.accounts.iter().find(|a| Some(a.id) == *account),
                    revision: *revision,
                    open_draft: *open_draft,
                    actions,
                };
                views.get_mut(*section).ui(ui, &mut context);
            });
    }
}

impl eframe::App for ScrollstopApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        if !self.themed {
            theme::apply(ui.ctx());
            ui.ctx().set_theme(self.theme);
            self.themed = true;
        }
        self.theme = ui.ctx().options(|o| o.theme_preference);
        let ctx = ui.ctx().clone();
        if let Some(outcome) = self.jobs.poll(&ctx) {
            self.job_finished(outcome);
        }
        self.watch_workspace(&ctx);
        self.refresh();
        if let Ok(workspace) = &self.workspace {
            self.help.checklist.refresh(workspace, self.revision);
        }

        let mut actions = std::mem::take(&mut self.requested);
        self.help.keys(&ctx);
        nav::shortcuts(&ctx, &mut actions);
        if let Ok(workspace) = &self.workspace {
            self.editor.sync(
                &ctx,
                workspace,
                self.open_draft,
                self.revision,
                &mut actions,
            );
        }
        if self.editor_shown() && !self.import.is_open() {
            // The editor's own history takes Ctrl+Z while it is on screen.
            self.editor.shortcuts(&ctx, &mut actions);
        } else if !ctx.text_edit_focused()
            && ctx.input_mut(|i| i.consume_shortcut(&super::shortcuts::UNDO))
        {
            // A focused text field keeps Ctrl+Z for its own typing.
            actions.push(Action::Undo);
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
                .map(|w| w.store().schema_version().map_err(|e| e.to_string())),
        };
        self.help.windows(&ctx, &facts);
        let mut dialog = DialogContext {
            accounts: &self.cache.accounts,
            jobs: &self.jobs,
            actions: &mut actions,
        };
        self.import.ui(&ctx, &mut dialog);
        import::hover_overlay(&ctx);
        self.apply_all(&ctx, actions, welcome);
        self.record_seen(&ctx, welcome);
        if let Some(started) = self.startup.take() {
            eprintln!(
                "scrollstop: first frame after {} ms",
                started.elapsed().as_millis()
            );
            if std::env::var_os("SCROLLSTOP_EXIT_AFTER_FIRST_FRAME").is_some() {
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // The editor's last edits are written even when the window closes mid-pause.
        if let (Some(draft), Ok(workspace)) = (self.editor.take_unsaved(), &mut self.workspace)
            && let Err(e) = workspace.store_mut().update_draft(&draft)
        {
            eprintln!("scrollstop: could not save the open draft on exit: {e}");
        }
        self.exit_workspace();
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        let saved = Saved {
            workspace: Some(self.path.clone()),
            section: self.section,
            account: self.account,
            theme: Some(self.theme),
        };
        eframe::set_value(storage, SAVED_KEY, &saved);
    }
}
