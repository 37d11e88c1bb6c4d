//! The status bar at the bottom of the window: the workspace file, what it holds, the running
//! job and the latest notice (with Undo when the notice is about an edit that can be taken
//! back).

use std::path::Path;

use eframe::egui::{self, RichText};

use super::jobs::JobRunner;
use super::team_sync::{self, Connection};
use super::theme;
use super::view::Action;
use crate::text::plural;
use crate::workspace::StatusCounts;
use crate::workspace::team::TeamStatus;

/// How a notice is meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Success,
    Error,
}

/// The latest message for the user.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub text: String,
    pub tone: Tone,
    /// True when the message is about an edit that Undo takes back.
    pub undoable: bool,
}

impl Notice {
    pub fn info(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            tone: Tone::Info,
            undoable: false,
        }
    }

    pub fn success(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            tone: Tone::Success,
            undoable: false,
        }
    }

    pub fn error(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            tone: Tone::Error,
            undoable: false,
        }
    }

    /// A success that Undo can take back ("Deleted #FitTok — Undo").
    pub fn undoable(text: impl Into<String>) -> Self {
        Self {
            undoable: true,
            ..Self::success(text)
        }
    }
}

/// What the status bar shows.
pub struct StatusLine<'a> {
    pub path: &'a Path,
    /// `None` while the counts could not be read.
    pub counts: Option<&'a StatusCounts>,
    /// Live (not deleted) accounts.
    pub accounts: usize,
    pub notice: Option<&'a Notice>,
    pub can_undo: bool,
    pub jobs: &'a JobRunner,
    /// The team the workspace syncs with, if any.
    pub team: Option<&'a TeamStatus>,
    /// Where the team sync stands (`None` before it said anything).
    pub sync: Option<&'a Connection>,
}

/// The team's name, where the sync stands (synced, waiting, offline, refused), and Sync now.
fn team_ui(
    ui: &mut egui::Ui,
    team: &TeamStatus,
    sync: Option<&Connection>,
    actions: &mut Vec<Action>,
) {
    let palette = theme::palette(ui);
    ui.label(theme::muted(ui, format!("Team {}", team.team)).small())
        .on_hover_text(format!("Syncs with {}", team.server));
    let waiting = match (team.waiting, team.analytics_waiting) {
        (0, false) => None,
        (0, true) => Some("imported analytics waiting".to_string()),
        (n, false) => Some(format!("{} waiting", plural(n, "change", "changes"))),
        (n, true) => Some(format!(
            "{} and imported analytics waiting",
            plural(n, "change", "changes")
        )),
    };
    let (text, colour, hover) = match sync {
        Some(Connection::Offline { since, reason }) => (
            format!(
                "Offline since {}{}",
                since.format("%H:%M"),
                waiting.map(|w| format!(" · {w}")).unwrap_or_default()
            ),
            palette.warn,
            format!("{reason}\nYour changes are kept and sent once the server answers."),
        ),
        Some(Connection::Syncing) => (
            "Syncing…".to_string(),
            palette.info,
            "Sending your changes and fetching the team's".to_string(),
        ),
        _ if waiting.is_some() => (
            waiting.unwrap_or_default(),
            palette.warn,
            "Sent at the next sync".to_string(),
        ),
        Some(Connection::Synced { at }) => (
            format!("Synced {}", team_sync::ago(*at, chrono::Local::now())),
            palette.ok,
            "Everything you changed has reached the team".to_string(),
        ),
        None => (
            "synced".to_string(),
            palette.ok,
            "Nothing waits to be sent".to_string(),
        ),
    };
    ui.label(RichText::new(text).small().color(colour))
        .on_hover_text(hover);
    if let Some(first) = team.refused.first() {
        ui.label(
            RichText::new(format!("Refused: {first}"))
                .small()
                .color(palette.error),
        )
        .on_hover_text(team.refused.join("\n"));
    }
    let sync_now = ui
        .add_enabled(
            sync != Some(&Connection::Syncing),
            egui::Button::new("Sync now").small(),
        )
        .on_hover_text("Send your changes to the team and fetch theirs");
    if sync_now.clicked() {
        actions.push(Action::SyncTeam);
    }
}

/// Draws the status bar's contents.
pub fn ui(ui: &mut egui::Ui, line: &StatusLine<'_>, actions: &mut Vec<Action>) {
    let palette = theme::palette(ui);
    ui.horizontal(|ui| {
        ui.label(theme::muted(ui, "Workspace").small());
        ui.label(
            RichText::new(line.path.display().to_string())
                .small()
                .monospace(),
        )
        .on_hover_text("The SQLite file that holds this workspace");
        if let Some(c) = line.counts {
            ui.separator();
            let n = |count: u64| usize::try_from(count).unwrap_or(usize::MAX);
            let counts = [
                plural(line.accounts, "account", "accounts"),
                plural(n(c.drafts), "draft", "drafts"),
                plural(n(c.videos), "video", "videos"),
                plural(n(c.trend_items), "trend item", "trend items"),
                plural(n(c.plan_entries), "plan entry", "plan entries"),
            ]
            .join(" · ");
            ui.label(theme::muted(ui, counts).small());
        }
        if let Some(team) = line.team {
            ui.separator();
            team_ui(ui, team, line.sync, actions);
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if line.jobs.is_busy() {
                ui.vertical(|ui| line.jobs.ui(ui, 160.0));
                return;
            }
            let Some(notice) = line.notice else {
                return;
            };
            if notice.undoable && line.can_undo {
                let undo = ui
                    .small_button("Undo")
                    .on_hover_text("Take the last edit back (Ctrl+Z)");
                if undo.clicked() {
                    actions.push(Action::Undo);
                }
            }
            let colour = match notice.tone {
                Tone::Info => palette.info,
                Tone::Success => palette.ok,
                Tone::Error => palette.error,
            };
            let text = if notice.undoable && line.can_undo {
                format!("{} —", notice.text)
            } else {
                notice.text.clone()
            };
            ui.add(egui::Label::new(RichText::new(text).small().color(colour)).truncate());
        });
    });
}
