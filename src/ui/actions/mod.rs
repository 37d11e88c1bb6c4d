//! The one place where what the user asked for changes the workspace or the window: every
//! [`Action`] collected during a frame and every finished background job is applied here,
//! after the frame. Every change to the workspace is an `Edit` handed to `Workspace::apply`
//! (which logs it and keeps it for Undo); each bumps the revision so the views re-read. The
//! actions that start background jobs, and the jobs' results, are in `actions/jobs.rs`.

mod jobs;
mod role;

use eframe::egui;

use super::app::ScrollstopApp;
use super::file_dialog::NO_MEDIA_CHOSEN;
use super::path_prompt::Purpose as PathPurpose;
use super::status_bar::Notice;
use super::view::Action;
use super::welcome::Welcome;
use crate::domain::Draft;
use crate::workspace::{Edit, Outcome, WorkspaceError};

/// What applying one action did.
enum Applied {
    /// The window changed (navigation, a notice); the workspace did not.
    Window,
    /// The workspace changed.
    Edit,
    /// The workspace changed from the draft editor (autosave, a comment): the views re-read,
    /// but the current view's forms are not its own edits and stay as they are.
    EditorEdit,
}

impl ScrollstopApp {
    /// Applies the frame's actions in order. Refused edits go back to the screen that asked
    /// (the welcome screen or the current view) to be shown next to their form.
    pub(super) fn apply_all(&mut self, ctx: &egui::Context, actions: Vec<Action>, welcome: bool) {
        for action in actions {
            match self.apply(ctx, action) {
                Ok(Applied::Window) => {}
                Ok(Applied::EditorEdit) => self.revision += 1,
                Ok(Applied::Edit) => {
                    self.revision += 1;
                    if welcome {
                        self.welcome = Welcome::default();
                    } else {
                        self.views.get_mut(self.section).edit_applied();
                    }
                }
                Err(message) => {
                    if welcome {
                        self.welcome.edit_refused(&message);
                    } else {
                        self.views.get_mut(self.section).edit_refused(&message);
                    }
                    self.notice = Some(Notice::error(message));
                }
            }
        }
    }

    fn apply(&mut self, ctx: &egui::Context, action: Action) -> Result<Applied, String> {
        if let Some(refusal) = self.refused_read_only(&action) {
            return Err(refusal);
        }
        if let Some(refusal) = role::refusal(&action, &self.cache.permissions) {
            return Err(refusal);
        }
        if let Some(applied) = self.apply_access(ctx, &action) {
            return applied.map(|()| Applied::Window);
        }
        if let Action::CreateDemo = action {
            self.start_demo(ctx);
            return Ok(Applied::Window);
        }
        if let Action::Help(request) = action {
            self.apply_help(request);
            return Ok(Applied::Window);
        }
        if let Action::SyncTeam = action {
            self.team_sync.sync_now();
            return Ok(Applied::Window);
        }
        if let Action::UseTeamPassword(password) = action {
            self.team_sync.use_password(password);
            return Ok(Applied::Window);
        }
        if let Action::ReplanDraft(draft) = action {
            self.start_replan(ctx, draft);
            return Ok(Applied::Window);
        }
        if let Action::ExportCalendar(request) = action {
            self.start_export(ctx, request);
            return Ok(Applied::Window);
        }
        if let Action::ExportCalendarTo { request, path } = action {
            self.path_prompt.exporting(request.clone(), &path);
            self.export_to(ctx, request, path);
            return Ok(Applied::Window);
        }
        if let Action::TypeImportPath = action {
            self.path_prompt.open(
                PathPurpose::Import,
                "Type or paste the path of an export, a ZIP or a folder of them.",
            );
            return Ok(Applied::Window);
        }
        if self.workspace.is_ok()
            && let Some(applied) = self.apply_import(ctx, &action)
        {
            return applied;
        }
        let Ok(workspace) = &mut self.workspace else {
            return Ok(Applied::Window);
        };
        let author = workspace.member_name();
        let edit = match action {
            Action::Notify(text) => {
                self.notice = Some(Notice::info(text));
                return Ok(Applied::Window);
            }
            Action::EditApplied(summary) => {
                self.notice = Some(Notice::undoable(summary));
                return Ok(Applied::Edit);
            }
            Action::Navigate(section) => {
                self.section = section;
                return Ok(Applied::Window);
            }
            Action::SelectAccount(id) => {
                if self.account != Some(id) {
                    self.chosen.forget();
                }
                self.account = Some(id);
                return Ok(Applied::Window);
            }
            Action::CreateDemo
            | Action::Help(_)
            | Action::ExportCalendar(_)
            | Action::ReplanDraft(_)
            | Action::SyncTeam
            | Action::UseTeamPassword(_)
            | Action::OpenWorkspace(_)
            | Action::ExportCalendarTo { .. }
            | Action::TypeImportPath
            | Action::ImportFiles
            | Action::ImportFolder
            | Action::ImportPaths(_)
            | Action::ChooseImport { .. }
            | Action::CommitImport
            | Action::CancelImport
            | Action::BackUpNow
            | Action::RestoreBackup(_)
            | Action::OpenAnotherWorkspace
            | Action::StartNewWorkspace
            | Action::RetryWorkspace
            | Action::OpenReadOnly
            | Action::ShowInFolder(_) => return Ok(Applied::Window),
            Action::Undo | Action::Redo => {
                let undo = matches!(action, Action::Undo);
                let done = if undo {
                    workspace.undo(&author)
                } else {
                    workspace.redo(&author)
                };
                self.notice = Some(match done {
                    Ok(Some(done)) => Notice::success(done.summary),
                    Ok(None) if undo => Notice::info("Nothing to undo."),
                    Ok(None) => Notice::info("Nothing to redo."),
                    Err(e) if undo => Notice::error(format!("Could not undo: {e}")),
                    Err(e) => Notice::error(format!("Could not redo: {e}")),
                });
                return Ok(Applied::Edit);
            }
            Action::AddSubculture {
                name,
                hashtags,
                description,
                colour,
            } => Edit::AddSubculture {
                name,
                hashtags,
                description,
                colour,
            },
            Action::UpdateSubculture(subculture) => Edit::UpdateSubculture(subculture),
            Action::DeleteSubculture(id) => Edit::TrashSubculture(id),
            Action::AddAccount(new) => Edit::AddAccount(new),
            Action::UpdateAccount(account) => Edit::UpdateAccount(account),
            Action::DeleteAccount(id) => Edit::TrashAccount(id),
            Action::SetSubcultureMix { account, mix } => Edit::SetSubcultureMix { account, mix },
            Action::OpenDraft(id) => {
                let before = self.chosen.editing();
                self.chosen.open(id);
                if self.chosen.editing() != before {
                    workspace.end_autosaves(&author).map_err(refusal)?;
                }
                return Ok(Applied::Window);
            }
            Action::ChooseDraft(id) => {
                let before = self.chosen.editing();
                self.chosen.choose(id);
                if self.chosen.editing() != before {
                    workspace.end_autosaves(&author).map_err(refusal)?;
                }
                return Ok(Applied::Window);
            }
            Action::NewDraft => {
                let account = self
                    .account
                    .ok_or("Add an account in Settings before writing drafts.")?;
                Edit::CreateDraft(Box::new(Draft::blank(account, chrono::Utc::now())))
            }
            Action::SaveDrafts(drafts) => Edit::SaveDrafts(drafts),
            Action::AutosaveDraft(draft) => {
                let applied = workspace
                    .apply(Edit::Autosave(draft), &author)
                    .map_err(refusal)?;
                self.notice = Some(Notice::undoable(applied.summary));
                return Ok(Applied::EditorEdit);
            }
            Action::AddDraftComment {
                draft,
                author: signed,
                text,
            } => {
                workspace
                    .apply(Edit::Comment { draft, text }, &signed)
                    .map_err(refusal)?;
                self.notice = Some(Notice::success("Comment posted."));
                return Ok(Applied::EditorEdit);
            }
            Action::PickDraftMedia(draft) => {
                match self.file_dialog.pick_media() {
                    Some(path) => self.editor.media_chosen(ctx, draft, path),
                    None => self.notice = Some(Notice::info(NO_MEDIA_CHOSEN)),
                }
                return Ok(Applied::Window);
            }
            Action::TrashDrafts(ids) => {
                self.chosen.forget_any(&ids);
                Edit::TrashDrafts(ids)
            }
            Action::RestoreDrafts(ids) => Edit::RestoreDrafts(ids),
            Action::SetSetting { key, value } => Edit::SetSetting { key, value },
            Action::MarkMentionsRead(now) => {
                workspace
                    .mark_mentions_read(&author, now)
                    .map_err(refusal)?;
                self.notice = Some(Notice::info("Every mention is marked as read."));
                return Ok(Applied::Edit);
            }
            Action::PickConflict {
                draft,
                field,
                value,
            } => Edit::PickConflict {
                draft,
                field,
                value,
            },
            Action::RecordTrends(entries) => Edit::RecordTrends(entries),
            Action::MovePlanEntry {
                before,
                zone,
                wall_time,
                instant,
            } => Edit::MovePlanEntry(crate::domain::PlanEntry {
                zone,
                wall_time,
                instant,
                pinned: true,
                reason: format!("Moved by hand to {}", wall_time.format("%a %-d %b %H:%M")),
                ..before
            }),
        };
        let applied = workspace.apply(edit, &author).map_err(refusal)?;
        match applied.outcome {
            Outcome::Account(id) => {
                self.account.get_or_insert(id);
            }
            Outcome::Draft(id) => {
                self.chosen.open(Some(id));
                self.editor.focus_title(id);
            }
            _ => {}
        }
        self.notice = Some(Notice::undoable(applied.summary));
        Ok(Applied::Edit)
    }
}

/// The message of an edit the workspace refused.
fn refusal(error: WorkspaceError) -> String {
    error.to_string()
}
