//! The Activity view: comments that mention you (`@YourName`), new ones marked until you mark
//! them read, and the team's latest changes from the edit log ("Sam changed the caption of
//! "Gratitude jar" · Thu 3 Dec 14:02"), each with a way to open the draft it concerns.

use chrono::{Local, Utc};
use eframe::egui::{self, RichText};

use crate::ui::theme;
use crate::ui::view::{Action, View, ViewContext};
use crate::ui::widgets::format::slot;
use crate::workspace::{ActivityEntry, Mention};

/// Changes listed at most.
const CHANGES: usize = 60;

/// The view's state: what was read at the last revision.
#[derive(Default)]
pub struct ActivityView {
    loaded: Option<u64>,
    member: String,
    mentions: Vec<Mention>,
    changes: Vec<ActivityEntry>,
    load_error: Option<String>,
}

impl ActivityView {
    fn reload(&mut self, ctx: &ViewContext<'_>) {
        if self.loaded == Some(ctx.revision) {
            return;
        }
        self.loaded = Some(ctx.revision);
        self.member = ctx.workspace.member_name();
        let read = ctx
            .workspace
            .mentions_of(&self.member)
            .and_then(|m| Ok((m, ctx.workspace.activity(CHANGES)?)));
        match read {
            Ok((mentions, changes)) => {
                self.mentions = mentions;
                self.changes = changes;
                self.load_error = None;
            }
            Err(e) => self.load_error = Some(e.to_string()),
        }
    }

    fn mentions_section(&self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let unread = self.mentions.iter().filter(|m| m.unread).count();
        egui::Sides::new().show(
            ui,
            |ui| {
                ui.label(theme::section_title(&format!(
                    "Mentions of @{}",
                    self.member.split_whitespace().next().unwrap_or("you")
                )));
                if unread > 0 {
                    ui.label(
                        RichText::new(format!("{unread} new"))
                            .color(theme::palette(ui).warn)
                            .strong(),
                    );
                }
            },
            |ui| {
                if ui
                    .add_enabled(unread > 0, egui::Button::new("Mark all as read"))
                    .clicked()
                {
                    actions.push(Action::MarkMentionsRead(Utc::now()));
                }
            },
        );
        ui.add_space(theme::SPACE_S);
        if self.mentions.is_empty() {
            ui.label(theme::muted(
                ui,
                format!(
                    "No comment mentions you yet. Teammates mention you with @{} in a draft's review thread.",
                    self.member.split_whitespace().next().unwrap_or("YourName")
                ),
            ));
        }
        for mention in &self.mentions {
            theme::card(ui).show(ui, |ui| {
                ui.set_width(ui.available_width());
                egui::Sides::new().show(
                    ui,
                    |ui| {
                        let who = RichText::new(&mention.comment.author).strong();
                        ui.label(if mention.unread { who.underline() } else { who });
                        ui.label(theme::muted(
                            ui,
                            format!(
                                "on \"{}\" · {}",
                                mention.draft_title,
                                slot(mention.comment.at.with_timezone(&Local))
                            ),
                        ));
                        if mention.unread {
                            ui.label(RichText::new("new").color(theme::palette(ui).warn));
                        }
                    },
                    |ui| {
                        let open = ui
                            .button("Open draft")
                            .accessible_name(format!("Open \"{}\"", mention.draft_title));
                        if open.clicked() {
                            actions.push(Action::OpenDraft(Some(mention.comment.draft)));
                        }
                    },
                );
                ui.label(&mention.comment.text);
            });
        }
    }

    fn changes_section(&self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        ui.add_space(theme::SPACE_L);
        ui.label(theme::section_title("Latest changes"));
        ui.add_space(theme::SPACE_S);
        if self.changes.is_empty() {
            ui.label(theme::muted(
                ui,
                "Nothing changed yet. Every edit made in this workspace (by you or, in a team, by your teammates) is listed here.",
            ));
        }
        for entry in &self.changes {
            ui.horizontal_wrapped(|ui| {
                ui.label(&entry.change.sentence);
                if let Some((id, title)) = &entry.draft {
                    let link = ui.link(format!("\"{title}\""));
                    if link.clicked() {
                        actions.push(Action::OpenDraft(Some(*id)));
                    }
                }
                ui.label(theme::muted(ui, slot(entry.change.at.with_timezone(&Local))).small());
            });
        }
    }
}

impl View for ActivityView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewContext<'_>) {
        self.reload(ctx);
        theme::view_heading(
            ui,
            "Activity",
            "Comments that mention you, and who changed what in this workspace.",
        );
        if let Some(error) = &self.load_error {
            ui.label(theme::error_text(
                ui,
                format!("The activity could not be read: {error}"),
            ));
        }
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                self.mentions_section(ui, ctx.actions);
                self.changes_section(ui, ctx.actions);
            });
    }
}
