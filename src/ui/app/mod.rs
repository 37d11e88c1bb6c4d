//! The app: the window's state, opened on one workspace, with the cached facts its views show
//! (reloaded only when the revision changes). `frame.rs` draws a frame and then applies what
//! the user asked for (see `ui/actions.rs`), `remembered.rs` keeps the theme, view and account
//! between runs, `layout.rs` shares the window's width between the editor and the view,
//! `state.rs` tells tests and scripts what is on screen, `startup.rs` reports how long start-up
//! took, and `first_steps.rs` applies help requests and records the checklist's first steps.
//! A workspace that cannot be opened is shown as a message with its path, never a panic.

use std::collections::HashSet;
use std::path::PathBuf;

use eframe::egui;

use super::access::{self, Access, OpenFor};
use super::editor::DraftEditor;
use super::file_dialog::{FileDialog, SystemFileDialog};
use super::help::Help;
use super::import::ImportDialog;
use super::jobs::JobRunner;
use super::path_prompt::PathPrompt;
use super::section::Section;
use super::status_bar::Notice;
use super::team_sync::TeamSync;
use super::view::Action;
use super::views::Views;
use super::welcome::Welcome;
use crate::domain::{Account, AccountId};
use crate::workspace::StatusCounts;
use crate::workspace::team::Permissions;
use crate::workspace::{FirstStep, Workspace};
pub(super) use chosen::ChosenDraft;

mod chosen;
mod first_steps;
mod frame;
mod layout;
mod remembered;
mod startup;
mod state;

/// Facts read from the workspace once per revision.
#[derive(Default)]
pub(super) struct Cache {
    pub revision: Option<u64>,
    pub accounts: Vec<Account>,
    pub counts: Option<StatusCounts>,
    pub empty: bool,
    /// The team the workspace syncs with and what waits for it (`None` outside a team).
    pub team: Option<crate::workspace::team::TeamStatus>,
    /// The member has an edit Undo can take back.
    pub can_undo: bool,
    /// What the member's team role allows.
    pub permissions: Permissions,
}

/// The Scrollstop window.
pub struct ScrollstopApp {
    pub(super) path: PathBuf,
    pub(super) workspace: Result<Workspace, String>,
    themed: bool,
    /// The next of the window's fonts whose usual glyphs go into the font atlas
    /// ([`crate::ui::fonts::warm_up`]); `None` once all are in.
    fonts_to_warm: Option<usize>,
    /// The theme the user chose (System follows the desktop); applied on the first frame.
    theme: egui::ThemePreference,
    pub(super) section: Section,
    pub(super) account: Option<AccountId>,
    /// The draft chosen last and whether the editor shows it.
    pub(super) chosen: ChosenDraft,
    /// Bumped after every change to the workspace; views reload when it moves.
    pub(super) revision: u64,
    pub(super) cache: Cache,
    pub(super) views: Views,
    pub(super) welcome: Welcome,
    pub(super) jobs: JobRunner,
    pub(super) notice: Option<Notice>,
    /// Where chosen files come from: the desktop's chooser, or given paths in tests.
    pub(super) file_dialog: Box<dyn FileDialog>,
    /// The import under way, if any.
    pub(super) import: ImportDialog,
    /// "Or type a path", when no file chooser answered or the user types a path.
    pub(super) path_prompt: PathPrompt,
    /// The draft editor beside the Drafts, Calendar and Reach views.
    pub(super) editor: DraftEditor,
    /// The checklist, the shortcut overview and About.
    pub(super) help: Help,
    /// First steps recorded during this run (each is written to the workspace once).
    pub(super) recorded_steps: HashSet<FirstStep>,
    /// Actions handed in from outside the window (scripts, tests), applied on the next frame.
    requested: Vec<Action>,
    /// The team sync thread, while the workspace is in a team.
    pub(super) team_sync: TeamSync,
    /// The hold on the workspace: its lock, read-only, the daily backup.
    pub(super) access: Access,
    /// Set by [`crate::ui::run`] when `SCROLLSTOP_STARTUP_REPORT` is set: the first frame prints
    /// how long start-up took (used by the start-up measurement and the packaging smoke test).
    startup: Option<startup::StartupReport>,
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
            fonts_to_warm: Some(0),
            theme: egui::ThemePreference::System,
            section: Section::default(),
            account: None,
            chosen: ChosenDraft::default(),
            revision: 1,
            cache: Cache::default(),
            views: Views::default(),
            welcome: Welcome::default(),
            jobs: JobRunner::default(),
            notice: None,
            file_dialog: Box::new(SystemFileDialog),
            import: ImportDialog::default(),
            path_prompt: PathPrompt::default(),
            editor: DraftEditor::default(),
            help: Help::default(),
            recorded_steps: HashSet::new(),
            requested: Vec::new(),
            access,
            team_sync: TeamSync::default(),
            startup: None,
        }
    }

    /// Takes chosen files from `dialog` instead of the desktop's file chooser (tests, scripts).
    pub fn with_file_dialog(mut self, dialog: Box<dyn FileDialog>) -> Self {
        self.file_dialog = dialog;
        self
    }

    /// Reports the time from `started` to the end of the first frame on stderr.
    pub fn report_startup(mut self, started: std::time::Instant) -> Self {
        self.startup = Some(startup::StartupReport::new(started));
        self
    }

    /// Asks for `action` as if the user had: it is applied after the next frame (for scripts
    /// and tests that drive the window).
    pub fn request(&mut self, action: Action) {
        self.requested.push(action);
    }

    /// True when the draft editor is on screen: a draft is open and the view has room for it.
    fn editor_shown(&self) -> bool {
        self.chosen.editing().is_some()
            && matches!(
                self.section,
                Section::Drafts | Section::Calendar | Section::Reach
            )
    }

    /// Keeps the team sync thread running while the workspace is in a team (never for a
    /// read-only window), and takes what it reported.
    fn keep_in_sync(&mut self, ctx: &egui::Context) {
        let team = self
            .cache
            .team
            .as_ref()
            .filter(|_| self.workspace.is_ok() && !self.access.is_read_only());
        self.team_sync.keep(ctx, &self.path, team);
        let (notice, synced) = self.team_sync.poll();
        if let Some(notice) = notice {
            self.notice = Some(notice);
        }
        if synced {
            // What waits and what teammates sent shows now, not at the next file check.
            self.revision += 1;
        }
    }

    /// Re-reads the cached facts when the revision moved.
    fn refresh(&mut self) {
        let Ok(workspace) = &self.workspace else {
            return;
        };
        if self.cache.revision == Some(self.revision) {
            return;
        }
        let accounts = workspace.accounts();
        if let Err(e) = &accounts {
            self.notice = Some(Notice::error(format!("Could not read the accounts: {e}")));
        }
        self.cache = Cache {
            revision: Some(self.revision),
            accounts: accounts.unwrap_or_default(),
            counts: workspace.status_counts().ok(),
            empty: workspace.is_empty().unwrap_or(false),
            team: workspace.team_status().ok().flatten(),
            can_undo: workspace.can_undo(&workspace.member_name()),
            permissions: workspace.permissions().unwrap_or_default(),
        };
        let known = |id| self.cache.accounts.iter().any(|a: &Account| a.id == id);
        if !self.account.is_some_and(known) {
            self.account = self.cache.accounts.first().map(|a| a.id);
        }
    }
}
