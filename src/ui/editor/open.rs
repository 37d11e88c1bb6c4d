//! The draft open in the editor: the copy being edited, what the workspace holds, the
//! editor's undo history, the autosave timer, the facts read from the workspace for the
//! pickers and checks, and the findings of the latest version. Drawing it lays the sections
//! out in one scrolling form under a header with the close button.

use std::path::Path;
use std::time::Instant;

use eframe::egui::{self, RichText};

use super::autosave::Autosave;
use super::comments::{self, CommentBox, default_author};
use super::facts::Facts;
use super::findings;
use super::form::{self, Fields};
use super::history::EditHistory;
use super::media::{Hashed, stored_path};
use super::{caption, changes, conflicts, sound, video};
use crate::checks::{Finding, Fix};
use crate::domain::{Draft, hashtags_after};
use crate::ui::theme;
use crate::ui::view::Action;
use crate::ui::widgets::status_chip::status_chip;
use crate::workspace::Workspace;
use crate::workspace::team::{Capability, Permissions};

/// True when two versions of a draft hold the same content (write times aside).
fn same_content(a: &Draft, b: &Draft) -> bool {
    let mut b = b.clone();
    b.created_at = a.created_at;
    b.updated_at = a.updated_at;
    *a == b
}

pub struct OpenDraft {
    /// The draft as the user edits it.
    pub draft: Draft,
    /// The draft as last read from or handed to the workspace.
    stored: Draft,
    history: EditHistory,
    pub autosave: Autosave,
    /// The revision the facts were read at.
    pub revision: u64,
    facts: Facts,
    findings: Vec<Finding>,
    comment: CommentBox,
    media_error: Option<String>,
    /// True from handing the draft over for writing until the next re-read.
    handed_over: bool,
}

impl OpenDraft {
    /// Reads draft `id` and what the editor shows around it.
    pub fn load(
        workspace: &Workspace,
        id: crate::domain::DraftId,
        revision: u64,
    ) -> Result<Self, String> {
        let draft = workspace.draft(id).map_err(|e| e.to_string())?;
        if draft.trashed_at.is_some() {
            return Err("This draft is in the Trash; restore it to edit it.".to_string());
        }
        let mut open = Self {
            facts: Facts::read(workspace, &draft),
            stored: draft.clone(),
            history: EditHistory::new(draft.clone()),
            draft,
            autosave: Autosave::default(),
            revision,
            findings: Vec::new(),
            comment: CommentBox {
                author: default_author(workspace),
                text: String::new(),
            },
            media_error: None,
            handed_over: false,
        };
        open.recheck();
        Ok(open)
    }

    /// Re-reads after the workspace changed. A draft changed elsewhere (the window's Undo, a
    /// bulk change in the table) replaces the editor's copy unless the editor holds unsaved
    /// edits, which win and are written next.
    ///
    /// When the only change was the editor's own autosave, nothing else is re-read: the
    /// checks' context of a large account costs more than a keystroke should.
    pub fn refresh(&mut self, workspace: &Workspace, revision: u64) {
        let just_one_change = revision == self.revision + 1;
        let handed_over = std::mem::take(&mut self.handed_over);
        self.revision = revision;
        let mut own_save = false;
        if let Ok(stored) = workspace.draft(self.draft.id) {
            let same = same_content(&stored, &self.stored);
            own_save = same && handed_over && just_one_change;
            if !same && !self.autosave.is_pending() {
                self.draft = stored.clone();
                self.history = EditHistory::new(stored.clone());
            }
            self.stored = stored;
        }
        if !own_save {
            self.facts = Facts::read(workspace, &self.draft);
            self.recheck();
        }
    }

    /// Hands the draft over for writing and restarts the autosave timer.
    pub fn saved(&mut self) -> Draft {
        self.autosave.saved();
        self.handed_over = true;
        self.stored = self.draft.clone();
        self.draft.clone()
    }

    fn recheck(&mut self) {
        self.findings = self
            .facts
            .session
            .as_ref()
            .map(|s| s.check(&self.draft))
            .unwrap_or_default();
    }

    /// Notes a change to the draft made this frame: it joins the history (typing grouped),
    /// the hashtags follow the caption, the autosave timer starts and the checks run again.
    fn changed(&mut self, now: Instant, own_step: bool) {
        if self.draft == *self.history.current() {
            return;
        }
        let before = self.history.current();
        if self.draft.caption != before.caption {
            self.draft.hashtags =
                hashtags_after(&before.caption, &before.hashtags, &self.draft.caption);
        }
        if own_step {
            self.history.record_step(self.draft.clone(), now);
        } else {
            self.history.record(self.draft.clone(), now);
        }
        self.autosave.changed(now);
        self.recheck();
    }

    /// Ctrl+Z (`back`) or Ctrl+Shift+Z in the editor.
    pub fn step(&mut self, back: bool, now: Instant) {
        let snapshot = if back {
            self.history.undo()
        } else {
            self.history.redo()
        };
        if let Some(draft) = snapshot.cloned() {
            self.draft = draft;
            self.autosave.changed(now);
            self.recheck();
        }
    }

    /// The user chose a media file: its path is stored now, its hash when it is read.
    pub fn set_media(&mut self, path: &Path, now: Instant) {
        self.draft.media_path = Some(stored_path(path));
        self.draft.media_hash = None;
        self.media_error = None;
        self.changed(now, true);
    }

    /// A hash finished for this draft; ignored when the user chose another file meanwhile.
    pub fn set_hash(&mut self, done: &Hashed, now: Instant) {
        if self.draft.media_path.as_deref() != Some(done.path_text().as_str()) {
            return;
        }
        match &done.hash {
            Ok(hash) => self.draft.media_hash = Some(hash.clone()),
            Err(message) => self.media_error = Some(message.clone()),
        }
        self.changed(now, true);
    }

    /// Draws the editor; true when the user closes it.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        hashing: bool,
        permissions: &Permissions,
        actions: &mut Vec<Action>,
    ) -> bool {
        let close = self.header(ui);
        if let Some(error) = &self.facts.error {
            ui.label(theme::error_text(ui, error).small());
        }
        findings::summary(ui, &self.findings);
        ui.separator();
        let mut fix = None;
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                conflicts::ui(ui, self.draft.id, &self.facts.conflicts, actions);
                let width = (ui.available_width() - theme::FORM_LABEL_WIDTH - theme::SPACE_M * 2.0)
                    .max(160.0);
                let mut fields = Fields {
                    draft: &mut self.draft,
                    findings: &self.findings,
                    facts: &self.facts,
                    fix: &mut fix,
                    width,
                    permissions,
                };
                let may_edit = permissions.why_not(Capability::EditDrafts);
                if let Some(why) = may_edit {
                    ui.label(theme::muted(ui, format!("{why}.")).small());
                }
                let content = ui.add_enabled_ui(may_edit.is_none(), |ui| {
                    section(ui, "Idea", "editor-idea", |ui| {
                        form::idea(ui, &mut fields);
                    });
                    section(ui, "Caption and hashtags", "editor-caption", |ui| {
                        caption::ui(ui, &mut fields);
                        form::subculture(ui, &mut fields);
                    });
                    section(ui, "Sound", "editor-sound", |ui| sound::ui(ui, &mut fields));
                    section(ui, "Video", "editor-video", |ui| {
                        video::shape(ui, &mut fields);
                        video::features(ui, &mut fields);
                        video::interaction(ui, &mut fields);
                        video::media(
                            ui,
                            &mut fields,
                            hashing,
                            self.media_error.as_deref(),
                            actions,
                        );
                    });
                    section(ui, "Audience", "editor-audience", |ui| {
                        form::audience(ui, &mut fields);
                    });
                });
                if let Some(why) = may_edit {
                    content.response.on_disabled_hover_text(why);
                }
                section(ui, "Team", "editor-team", |ui| form::team(ui, &mut fields));
                ui.add_space(theme::SPACE_M);
                ui.label(theme::section_title("Review"));
                ui.add_space(theme::SPACE_S);
                comments::ui(
                    ui,
                    self.draft.id,
                    &self.facts.comments,
                    &mut self.comment,
                    permissions.why_not(Capability::Comment),
                    actions,
                );
                ui.add_space(theme::SPACE_M);
                ui.label(theme::section_title("History"));
                ui.add_space(theme::SPACE_S);
                changes::ui(ui, &self.facts.history);
            });
        let now = Instant::now();
        self.changed(now, false);
        match fix {
            Some(Fix::Replan) => actions.push(Action::ReplanDraft(self.draft.id)),
            Some(fix) => {
                fix.apply(&mut self.draft);
                self.changed(now, true);
            }
            None => {}
        }
        close
    }

    /// Title and close, then status, save state and undo/redo; true when the user closes.
    fn header(&mut self, ui: &mut egui::Ui) -> bool {
        let mut step = None;
        let close = ui
            .horizontal(|ui| {
                ui.label(theme::section_title(self.draft.display_title()));
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.button("Close")
                        .on_hover_text("Close the editor (Escape); edits are saved")
                        .clicked()
                })
                .inner
            })
            .inner;
        ui.horizontal(|ui| {
            status_chip(ui, self.draft.status);
            let saved = if self.autosave.is_pending() {
                "Saving…"
            } else {
                "Saved"
            };
            ui.label(RichText::new(saved).small().color(theme::palette(ui).muted))
                .on_hover_text("Edits are written to the workspace as you type");
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .add_enabled(
                        self.history.can_redo(),
                        egui::Button::new("Redo edit").small(),
                    )
                    .on_hover_text("Redo in this draft (Ctrl+Shift+Z or Ctrl+Y)")
                    .clicked()
                {
                    step = Some(false);
                }
                if ui
                    .add_enabled(
                        self.history.can_undo(),
                        egui::Button::new("Undo edit").small(),
                    )
                    .on_hover_text("Undo in this draft (Ctrl+Z)")
                    .clicked()
                {
                    step = Some(true);
                }
            });
        });
        if let Some(back) = step {
            self.step(back, Instant::now());
        }
        close
    }
}

/// A titled block of the form with its own grid.
fn section(ui: &mut egui::Ui, title: &str, id: &str, add: impl FnOnce(&mut egui::Ui)) {
    ui.add_space(theme::SPACE_M);
    ui.label(theme::section_title(title));
    ui.add_space(theme::SPACE_S);
    crate::ui::widgets::form::grid(id).show(ui, add);
}
