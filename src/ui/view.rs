//! The contract between the app shell and its views: each view owns its state and cached data,
//! draws from the context it is handed, and pushes [`Action`]s instead of changing the
//! workspace itself.

use std::path::PathBuf;

use eframe::egui;

use chrono::{DateTime, NaiveDateTime, Utc};
use chrono_tz::Tz;

use crate::domain::{
    Account, AccountId, Colour, Draft, DraftId, Handle, NewAccount, PlanEntry, Subculture,
    SubcultureId, TrendCapture, TrendItem,
};
use crate::workspace::team::Permissions;
use crate::workspace::{ExportRequest, Workspace};

use super::section::Section;

/// What a view is handed each frame.
pub struct ViewContext<'a> {
    pub workspace: &'a Workspace,
    /// The account chosen in the account switcher (`None` when the workspace has none).
    pub account: Option<&'a Account>,
    /// Bumped by the app whenever the workspace changed; a view reloads its cached data when
    /// the revision or the account differs from what it loaded. Views never query the store
    /// on every frame.
    pub revision: u64,
    /// How many backups the app took by itself since it started (the daily one): only the
    /// list of backups reloads when it moves, not every view as a new revision would.
    pub backups_taken: u64,
    /// The draft open in the editor, if any (always the chosen one).
    pub open_draft: Option<DraftId>,
    /// The draft chosen last, open in the editor or not: highlighted in Drafts, forecast in
    /// Reach. Views change it with [`Action::OpenDraft`] and [`Action::ChooseDraft`].
    pub chosen_draft: Option<DraftId>,
    /// What the member's team role allows (everything outside a team).
    pub permissions: &'a Permissions,
    /// Intents collected during the frame, applied by the app afterwards.
    pub actions: &'a mut Vec<Action>,
}

/// Something the user asked for that changes the workspace or the app's state.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Show a short message in the status bar.
    Notify(String),
    /// Open another view.
    Navigate(Section),
    /// Make another account the current one (the account switcher).
    SelectAccount(AccountId),
    /// Fill the empty workspace with the demo data (a background job).
    CreateDemo,
    /// Add a subculture.
    AddSubculture {
        name: String,
        hashtags: Vec<String>,
        description: String,
        colour: Colour,
    },
    /// Write a subculture's name, hashtags, description and colour.
    UpdateSubculture(Subculture),
    /// Move a subculture to the trash (undoable).
    DeleteSubculture(SubcultureId),
    /// Add an account.
    AddAccount(NewAccount),
    /// Write every field of an account.
    UpdateAccount(Account),
    /// Move an account to the trash (undoable).
    DeleteAccount(AccountId),
    /// Write an account's subculture mix (undoable).
    SetSubcultureMix {
        account: AccountId,
        mix: crate::schedule::SubcultureMix,
    },
    /// Add a blank draft to the current account and open it in the editor (undoable).
    NewDraft,
    /// Show this draft in the editor and make it the chosen one (`None` closes the editor
    /// and keeps the choice).
    OpenDraft(Option<DraftId>),
    /// Make this draft the chosen one without opening the editor (an open editor follows it;
    /// `None` chooses nothing and closes the editor): the Drafts table's selection changed.
    ChooseDraft(Option<DraftId>),
    /// Write these drafts (editor autosave, bulk status change, bulk assign; undoable).
    SaveDrafts(Vec<Draft>),
    /// Write the draft open in the editor (its autosave). Consecutive autosaves of one draft
    /// are one Undo step, so typing does not flood the window's Undo.
    AutosaveDraft(Box<Draft>),
    /// Settle a conflict on a draft's text field (`value`: the kept-aside value to use, JSON;
    /// `None` keeps the current one).
    PickConflict {
        draft: DraftId,
        field: String,
        value: Option<String>,
    },
    /// Add a comment to a draft's review thread.
    AddDraftComment {
        draft: DraftId,
        author: String,
        text: String,
    },
    /// Ask the file chooser for the video of a draft; the editor stores it and its hash.
    PickDraftMedia(DraftId),
    /// Move drafts to the trash (undoable).
    TrashDrafts(Vec<DraftId>),
    /// Bring drafts back from the trash (undoable).
    RestoreDrafts(Vec<DraftId>),
    /// Record captures of trend items, each item created when new (the Trends view's form and
    /// paste box; undoable: the captures, and the items they created, are removed again).
    RecordTrends(Vec<(TrendItem, TrendCapture)>),
    /// Store a setting shared by the workspace (`None` removes it; undoable).
    SetSetting { key: String, value: Option<String> },
    /// The member has seen every mention of them up to this moment (the Activity view).
    MarkMentionsRead(DateTime<Utc>),
    /// Send this workspace's changes to its team and fetch theirs now (the sync thread).
    SyncTeam,
    /// Use this password to reach the team's server for the rest of this run (typed in the
    /// Team settings; never stored).
    UseTeamPassword(crate::ui::team_sync::TeamPassword),
    /// Switch the window to this workspace file (one just made by joining a team).
    OpenWorkspace(PathBuf),
    /// Take back the latest edit.
    Undo,
    /// Apply again the edit the latest Undo took back.
    Redo,
    /// Ask the file chooser for files to import, then read and preview them.
    ImportFiles,
    /// Ask the file chooser for a folder to import, then read and preview everything in it.
    ImportFolder,
    /// Read and preview these files and folders (dropped onto the window).
    ImportPaths(Vec<PathBuf>),
    /// Preview the open import again with other choices: the account (handle) for files that
    /// name none, and whether bad rows are skipped.
    ChooseImport {
        account: Option<Handle>,
        skip_bad_rows: bool,
    },
    /// Write the previewed import (one transaction).
    CommitImport,
    /// Close the import dialog; nothing is written.
    CancelImport,
    /// Move a planned post to another wall time (the Calendar's drag and drop; undoable). The
    /// wall time was resolved in `zone` to `instant`, with a clock change's choice made by the
    /// user. The moved post is pinned, so re-planning leaves it where the user put it.
    MovePlanEntry {
        before: PlanEntry,
        zone: Tz,
        wall_time: NaiveDateTime,
        instant: DateTime<Utc>,
    },
    /// A background job (auto-plan, place in best free slot) applied an edit on its own
    /// connection; it is in the edit log, so Undo takes it back. Shows its summary.
    EditApplied(String),
    /// Place an overdue post in its best free slot from now on (a background job; undoable).
    ReplanDraft(DraftId),
    /// Ask where to save, then export the posting calendar (a background job).
    ExportCalendar(ExportRequest),
    /// Export the posting calendar to a typed path (a background job); a refusal is shown in
    /// the path prompt.
    ExportCalendarTo {
        request: ExportRequest,
        path: PathBuf,
    },
    /// Ask for the path of files or a folder to import by typing it.
    TypeImportPath,
    /// The checklist, the shortcut overview or About.
    Help(HelpRequest),
    /// Ask where to save, then copy the workspace there (a background job).
    BackUpNow,
    /// Replace the workspace's data with this backup (after the user confirmed; a background
    /// job), then reopen it.
    RestoreBackup(PathBuf),
    /// Ask for another workspace file and switch the window to it.
    OpenAnotherWorkspace,
    /// Ask for a new workspace file's name and switch the window to it.
    StartNewWorkspace,
    /// Try again to open the workspace for editing (after another window had it).
    RetryWorkspace,
    /// Open the workspace read-only (while another window edits it).
    OpenReadOnly,
    /// Show this file in the desktop's file manager.
    ShowInFolder(PathBuf),
}

/// What the user asked of the help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpRequest {
    /// Show or hide the keyboard shortcut overview.
    Shortcuts,
    /// Show the About dialog.
    About,
    /// Show the "Getting started" checklist again, or hide it when it is shown.
    ToggleGettingStarted,
    /// Close the "Getting started" checklist (it stays closed for this workspace).
    HideGettingStarted,
}

/// A panel of the window.
pub trait View {
    /// Draws the view into `ui`.
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewContext<'_>);

    /// Called after the app applied this view's actions and the workspace refused one (e.g. a
    /// duplicate name): the view shows `message` next to the form that caused it.
    fn edit_refused(&mut self, _message: &str) {}

    /// Called after the app applied this view's edits without complaint (forms may close).
    fn edit_applied(&mut self) {}

    /// True while the view reads what it shows off the window's thread (see
    /// [`Reading`](super::reading::Reading)).
    fn is_reading(&self) -> bool {
        false
    }
}
