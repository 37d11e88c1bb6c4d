//! What the window shows now, for tests and scripts that drive it: the view, the account, the
//! open draft, the dialogs on screen and the latest notice.

use std::path::Path;

use eframe::egui;

use super::ScrollstopApp;
use crate::domain::{AccountId, DraftId};
use crate::ui::section::Section;
use crate::workspace::{FirstSteps, Workspace};

impl ScrollstopApp {
    /// True while the import dialog is open (reading, previewing or writing).
    pub fn is_importing(&self) -> bool {
        self.import.is_open()
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

    /// True while the view shown, or the "Getting started" checklist, reads what it shows in
    /// the background.
    pub fn is_reading(&self) -> bool {
        self.views.get(self.section).is_reading() || self.help.checklist.is_reading()
    }

    /// True while a background job runs.
    pub fn is_busy(&self) -> bool {
        self.jobs.is_busy()
    }

    /// The draft open in the editor, if any.
    pub fn open_draft(&self) -> Option<DraftId> {
        self.chosen.editing()
    }

    /// The draft chosen last (highlighted in Drafts, forecast in Reach), open or not.
    pub fn chosen_draft(&self) -> Option<DraftId> {
        self.chosen.draft()
    }

    /// The status bar's latest message.
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_ref().map(|n| n.text.as_str())
    }
}
