//! The status bar at the bottom of the window: the workspace file, what it holds, the running
//! job and the latest notice (with Undo when the notice is about an edit that can be taken
//! back).

use std::path::Path;

use eframe::egui::{self, RichText};

use super::jobs::JobRunner;
use super::theme;
use super::view::Action;
use crate::text::plural;
use crate::workspace::TableCounts;

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
    pub counts: Option<&'a TableCounts>,
    /// Live (not deleted) accounts.
    pub accounts: usize,
    pub notice: Option<&'a Notice>,
    pub can_undo: bool,
    pub jobs: &'a JobRunner,
    /// The team the workspace syncs with, if any.
    pub team: Option<&'a crate::workspace::team::TeamStatus>,
}

/// The team's name, what waits to be sent or was refused, and Sync now.
fn team_ui(
    ui: &mut egui::Ui,
    team: &crate::workspace::team::TeamStatus,
    busy: bool,
    actions: &mut Vec<Action>,
) {
    let palette = theme::palette(ui);
    ui.label(theme::muted(ui, format!("Team {}", team.team)).small())
        .on_hover_text(format!("Synced with {}", team.server));
    let (text, colour) = if team.waiting == 0 {
        ("synced".to_string(), palette.ok)
    } else {
        (
            format!("{} waiting", plural(team.waiting, "change", "changes")),
            palette.warn,
        )
    };
    ui.label(RichText::new(text).small().color(colour));
    if !team.refused.is_empty() {
        ui.label(
            RichText::new(format!("{} refused", team.refused.len()))
                .small()
                .color(palette.error),
        )
        .on_hover_text(team.refused.join("\n"));
    }
    let sync = ui
        .add_enabled(!busy, egui::Button::new("Sync now").small())
        .on_hover_text("Send your changes to the team and fetch theirs");
    if sync.clicked() {
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
            team_ui(ui, team, line.jobs.is_busy(), actions);
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
