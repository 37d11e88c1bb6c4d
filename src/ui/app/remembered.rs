//! What the window remembers between runs in eframe's storage (its size and place are
//! eframe's own): the theme, and the view and account of the workspace last shown.

use std::path::PathBuf;

use eframe::egui;
use serde::{Deserialize, Serialize};

use super::ScrollstopApp;
use crate::domain::AccountId;
use crate::ui::section::Section;

/// Where the navigation state is kept between runs.
pub(super) const SAVED_KEY: &str = "scrollstop.navigation";

/// What the app remembers between runs (the window's size and place are eframe's own).
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub(super) struct Saved {
    /// The workspace the view and account belong to: another workspace starts afresh.
    pub workspace: Option<PathBuf>,
    pub section: Section,
    pub account: Option<AccountId>,
    /// System, light or dark (Settings → Appearance).
    pub theme: Option<egui::ThemePreference>,
}

impl ScrollstopApp {
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

    /// Writes what [`restored`](Self::restored) reads back next time.
    pub(super) fn remember(&self, storage: &mut dyn eframe::Storage) {
        let saved = Saved {
            workspace: Some(self.path.clone()),
            section: self.section,
            account: self.account,
            theme: Some(self.theme),
        };
        eframe::set_value(storage, SAVED_KEY, &saved);
    }
}
