//! The views of the window ([`Section`]): their order, names and Ctrl+1..Ctrl+8 shortcuts. A
//! plain value that the view contract ([`super::view::Action::Navigate`]), the navigation, the
//! help and the app all name; it knows nothing of them, so the arrows point one way.

use eframe::egui::KeyboardShortcut;
use serde::{Deserialize, Serialize};

/// The views of the window, in navigation order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Section {
    #[default]
    Drafts,
    Calendar,
    Reach,
    Trends,
    Subcultures,
    Analytics,
    Settings,
    Activity,
}

impl Section {
    /// Every view, in navigation order.
    pub const ALL: [Section; 8] = [
        Section::Drafts,
        Section::Calendar,
        Section::Reach,
        Section::Trends,
        Section::Subcultures,
        Section::Analytics,
        Section::Settings,
        Section::Activity,
    ];

    /// The name in the navigation.
    pub fn label(self) -> &'static str {
        match self {
            Section::Drafts => "Drafts",
            Section::Calendar => "Calendar",
            Section::Reach => "Reach",
            Section::Trends => "Trends",
            Section::Subcultures => "Subcultures",
            Section::Analytics => "Analytics",
            Section::Settings => "Settings",
            Section::Activity => "Activity",
        }
    }

    /// Position in [`Section::ALL`].
    pub fn index(self) -> usize {
        Section::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// Ctrl+1 for the first entry, Ctrl+8 for the last.
    pub fn shortcut(self) -> KeyboardShortcut {
        super::shortcuts::VIEWS[self.index()]
    }
}
