//! The one place where what the user asked for changes the workspace or the window: every
//! [`Action`] collected during a frame and every finished background job is applied here,
//! after the frame. Every change to the workspace is an `Edit` handed to `Workspace::apply`
//! (which logs it and keeps it for Undo); each bumps the revision so the views re-read.

use eframe::egui;

use super::app::ScrollstopApp;
use super::file_dialog::{NO_MEDIA_CHOSEN, NOTHING_CHOSEN, export_extension};
use super::import;
use super::jobs::{JobDone, JobOutcome};
use super::path_prompt::{self, Purpose as PathPurpose};
use super::status_bar::Notice;
use super::view::Action;
use super::welcome::Welcome;
use crate::domain::Draft;
use crate::text::plural;
use std::path::PathBuf;

use crate::workspace::{
    DEFAULT_DEMO_SEED, Edit, ExportRequest, Outcome, Workspace, WorkspaceError,
};

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

    /// Starts filling the empty workspace with the demo data on its own connection.
    fn start_demo(&mut self, ctx: &egui::Context) {
        let path = self.path.clone();
        let started = self
            .jobs
            .start(ctx, "Creating the demo workspace", move |progress| {
                let mut workspace = Workspace::open(&path)?;
                workspace
                    .create_demo(DEFAULT_DEMO_SEED, progress)
                    .map(JobDone::DemoCreated)
            });
        if !started {
            self.notice = Some(Notice::error(
                "Another job is still running; wait for it or cancel it first.",
            ));
        }
    }

    /// Asks where to save the export, then prepares it on its own connection (the predicted
    /// ranges need the model); the file is written when the job ends.
    fn start_export(&mut self, ctx: &egui::Context, request: ExportRequest) {
        let (extension, _) = export_extension(request.format);
        let name = format!(
            "scrollstop-plan-{}-{}.{extension}",
            request.from, request.to
        );
        let Some(target) = self.file_dialog.save_export(&name, request.format) else {
            self.path_prompt
                .open(PathPurpose::Export(request), path_prompt::NO_CHOOSER);
            return;
        };
        self.export_to(ctx, request, target);
    }

    /// Prepares the export on its own connection and writes it to `target` when the job ends
    /// (the workspace refuses targets that are its own files, folders or devices).
    fn export_to(&mut self, ctx: &egui::Context, request: ExportRequest, target: PathBuf) {
        let path = self.path.clone();
        let started = self
            .jobs
            .start(ctx, "Exporting the posting calendar", move |_progress| {
                let workspace = Workspace::open(&path)?;
                let output = workspace.export_calendar_to(&request, chrono::Utc::now(), &target)?;
                Ok(JobDone::CalendarExported {
                    path: target,
                    output,
                })
            });
        if !started {
            self.notice = Some(Notice::error(
                "Another job is still running; wait for it or cancel it first.",
            ));
        }
    }

    /// Applies the import dialog's actions (`None` for every other action). Choosing files
    /// and folders happens here, after the frame, so the chooser never opens mid-frame.
    fn apply_import(
        &mut self,
        ctx: &egui::Context,
        action: &Action,
    ) -> Option<Result<Applied, String>> {
        let current = self
            .cache
            .accounts
            .iter()
            .find(|a| Some(a.id) == self.account);
        let started = match action {
            Action::ImportFiles | Action::ImportFolder | Action::ImportPaths(_) => {
                let paths = match action {
                    Action::ImportFiles => self.file_dialog.pick_import(),
                    Action::ImportFolder => self.file_dialog.pick_folder().into_iter().collect(),
                    Action::ImportPaths(paths) => paths.clone(),
                    _ => Vec::new(),
                };
                if paths.is_empty() {
                    self.notice = Some(Notice::info(NOTHING_CHOSEN));
                    self.path_prompt
                        .open(PathPurpose::Import, path_prompt::NO_CHOOSER);
                    return Some(Ok(Applied::Window));
                }
                if self.path_prompt.is_open() {
                    // A typed path: say in the prompt what is wrong with it.
                    if let Some(missing) = paths.iter().find(|p| !p.exists()) {
                        self.path_prompt.refused(format!(
                            "There is no file or folder at {}.",
                            missing.display()
                        ));
                        return Some(Ok(Applied::Window));
                    }
                    self.path_prompt.close();
                }
                self.import
                    .start(ctx, &mut self.jobs, &self.path, paths, current)
            }
            Action::ChooseImport {
                account,
                skip_bad_rows,
            } => self.import.choose(
                ctx,
                &mut self.jobs,
                &self.path,
                account.clone(),
                *skip_bad_rows,
            ),
            Action::CommitImport => self.import.commit(ctx, &mut self.jobs, &self.path),
            Action::CancelImport => {
                self.import.close();
                self.notice = Some(Notice::info("Import cancelled; nothing was written."));
                Ok(())
            }
            _ => return None,
        };
        // A refused import only needs the status bar: the dialog (or nothing) stays as it was.
        if let Err(message) = started {
            self.notice = Some(Notice::error(message));
        }
        Some(Ok(Applied::Window))
    }

    /// Applies a finished background job.
    pub(super) fn job_finished(&mut self, outcome: JobOutcome) {
        if outcome.result.is_err() {
            self.import.job_failed();
        }
        self.notice = Some(match outcome.result {
            Ok(JobDone::ImportPrepared(prepared)) => {
                let files = plural(prepared.report.files.len(), "file", "files");
                self.import.prepared(prepared);
                Notice::info(format!("Read {files}: check the preview, then import."))
            }
            Ok(JobDone::Imported(report)) => {
                self.import.finished(&report);
                if report.committed {
                    Notice::success(import::imported_message(&report))
                } else {
                    Notice::error("Nothing was imported: some rows or files were rejected.")
                }
            }
            Ok(JobDone::CalendarExported { path, output }) => {
                self.path_prompt.close();
                self.record_first_step(crate::workspace::FirstStep::ExportCalendar);
                Notice::success(format!(
                    "Exported {} to {}.",
                    plural(output.events, "post", "posts"),
                    path.display()
                ))
            }
            Ok(JobDone::BackedUp { path, bytes }) => super::access::backed_up(&path, bytes),
            Ok(JobDone::Restored(restored)) => self.backup_restored(restored),
            Ok(JobDone::Replanned(summary)) => Notice::undoable(summary),
            Ok(JobDone::DemoCreated(info)) => {
                let n = |count: u64| usize::try_from(count).unwrap_or(usize::MAX);
                let c = &info.counts;
                Notice::success(format!(
                    "Demo workspace ready: {}, {}, {}, {}.",
                    plural(n(c.accounts), "account", "accounts"),
                    plural(n(c.subcultures), "subculture", "subcultures"),
                    plural(n(c.drafts), "draft", "drafts"),
                    plural(n(c.videos), "video", "videos")
                ))
            }
            Err(WorkspaceError::Cancelled) => Notice::info(format!(
                "{}: cancelled; nothing was written.",
                outcome.title
            )),
            Err(e) => {
                if self.path_prompt.waits_for_export() {
                    self.path_prompt.refused(e.to_string());
                }
                Notice::error(format!("{} failed: {e}", outcome.title))
            }
        });
        // Whatever the job did, the views re-read.
        self.revision += 1;
    }
}

/// The message of an edit the workspace refused.
fn refusal(error: WorkspaceError) -> String {
    error.to_string()
}
