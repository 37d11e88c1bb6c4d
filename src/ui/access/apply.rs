//! The app's side of the workspace file: "Back up now", restoring a backup, switching to
//! another (or a new) workspace, Retry and read-only after another window had it, and the
//! one clear refusal of every edit while the workspace is read-only.

use std::path::{Path, PathBuf};

use eframe::egui;

use super::{Access, OpenFor};
use crate::ui::app::{Cache, ScrollstopApp};
use crate::ui::editor::DraftEditor;
use crate::ui::import::ImportDialog;
use crate::ui::jobs::{JobDone, NotStarted};
use crate::ui::status_bar::Notice;
use crate::ui::view::Action;
use crate::ui::views::Views;
use crate::ui::welcome::Welcome;
use crate::ui::widgets::format::file_size;
use crate::workspace::Restored;
use crate::workspace::Workspace;

/// True for the actions that write to the workspace (directly or through a job).
fn writes(action: &Action) -> bool {
    matches!(
        action,
        Action::CreateDemo
            | Action::AddSubculture { .. }
            | Action::UpdateSubculture(_)
            | Action::DeleteSubculture(_)
            | Action::AddAccount(_)
            | Action::UpdateAccount(_)
            | Action::DeleteAccount(_)
            | Action::SetSubcultureMix { .. }
            | Action::NewDraft
            | Action::SaveDrafts(_)
            | Action::AutosaveDraft(_)
            | Action::AddDraftComment { .. }
            | Action::PickDraftMedia(_)
            | Action::TrashDrafts(_)
            | Action::RestoreDrafts(_)
            | Action::RecordTrends(_)
            | Action::Undo
            | Action::Redo
            | Action::SetSetting { .. }
            | Action::PickConflict { .. }
            | Action::MarkMentionsRead(_)
            | Action::SyncTeam
            | Action::ImportFiles
            | Action::ImportFolder
            | Action::TypeImportPath
            | Action::ImportPaths(_)
            | Action::CommitImport
            | Action::MovePlanEntry { .. }
            | Action::ReplanDraft(_)
            | Action::RestoreBackup(_)
    )
}

impl ScrollstopApp {
    /// Once a frame: starts the daily backup after the first frame, says when it failed, and
    /// re-reads when another connection changed the workspace. A backup taken changes only
    /// the list of backups ([`ViewContext::backups_taken`]): the views keep what they read
    /// (a new revision would read a big workspace all over again, the old copies still held).
    ///
    /// [`ViewContext::backups_taken`]: crate::ui::view::ViewContext::backups_taken
    pub(in crate::ui) fn watch_workspace(&mut self, ctx: &egui::Context) {
        let Ok(workspace) = &self.workspace else {
            return;
        };
        if !self.access.is_read_only() {
            self.access.daily.start_once(ctx, &self.path);
        }
        if let Some(Err(e)) = self.access.daily.poll() {
            self.notice = Some(Notice::error(format!(
                "The daily backup could not be written: {e}"
            )));
        }
        if self.access.changed_elsewhere(ctx, workspace) {
            self.revision += 1;
        }
    }

    /// On exit: the daily backup when it is still due.
    pub(in crate::ui) fn exit_workspace(&self) {
        if let Ok(workspace) = &self.workspace
            && !self.access.is_read_only()
        {
            self.access.daily.on_exit(workspace);
        }
    }

    /// The refusal of an edit while the workspace is read-only (`None`: go ahead).
    pub(in crate::ui) fn refused_read_only(&self, action: &Action) -> Option<String> {
        let reason = self.access.read_only.as_ref()?;
        writes(action).then(|| reason.banner())
    }

    /// Applies the actions about the workspace file (`None` for every other action).
    pub(in crate::ui) fn apply_access(
        &mut self,
        ctx: &egui::Context,
        action: &Action,
    ) -> Option<Result<(), String>> {
        Some(match action {
            Action::BackUpNow => self.back_up_now(ctx),
            Action::RestoreBackup(backup) => self.start_restore(ctx, backup.clone()),
            Action::OpenAnotherWorkspace => match self.file_dialog.pick_workspace() {
                Some(path) => self.switch_to(path, "Opened"),
                None => {
                    self.notice = Some(Notice::info(
                        "No workspace was chosen. Without a file chooser on this desktop, start \
                         Scrollstop with --workspace PATH.",
                    ));
                    Ok(())
                }
            },
            Action::StartNewWorkspace => match self.file_dialog.new_workspace() {
                Some(path) => self.switch_to(path, "Started"),
                None => {
                    self.notice = Some(Notice::info(
                        "No file name was given. Without a file chooser on this desktop, start \
                         Scrollstop with --workspace NEW-FILE.",
                    ));
                    Ok(())
                }
            },
            Action::RetryWorkspace => {
                let reopened = self.reopen(self.path.clone(), OpenFor::Editing);
                if reopened.is_ok() && self.workspace.is_ok() && !self.access.is_read_only() {
                    self.notice = Some(Notice::success("The workspace is open for editing."));
                }
                reopened
            }
            Action::OpenReadOnly => self.reopen(self.path.clone(), OpenFor::Reading),
            Action::OpenWorkspace(path) => self.switch_to(path.clone(), "Opened"),
            Action::ShowInFolder(path) => {
                show_in_folder(path).map_err(|e| format!("Could not open the file manager: {e}"))
            }
            _ => return None,
        })
    }

    /// Asks where to save, then copies the workspace there on a background job.
    fn back_up_now(&mut self, ctx: &egui::Context) -> Result<(), String> {
        let stem = self
            .path
            .file_stem()
            .map_or_else(|| "scrollstop".into(), |s| s.to_string_lossy().into_owned());
        let today = chrono::Local::now().date_naive();
        let name = format!("{stem}-backup-{}.sqlite", today.format("%Y-%m-%d"));
        let Some(target) = self.file_dialog.save_backup(&name) else {
            self.notice = Some(Notice::info(
                "Backup cancelled: no file was chosen. The daily backups are in the list below.",
            ));
            return Ok(());
        };
        if same_file(&target, &self.path) {
            return Err("That is the workspace itself: choose another file for the backup.".into());
        }
        self.jobs
            .start(
                ctx,
                "Backing up the workspace",
                &self.path,
                move |workspace, progress| {
                    let bytes = workspace.back_up_to(&target, progress)?;
                    Ok(JobDone::BackedUp {
                        path: target,
                        bytes,
                    })
                },
            )
            .map_err(|refused| refused.to_string())
    }

    /// Replaces the workspace's data with `backup` on a background job; the window reopens
    /// the workspace when it ends.
    fn start_restore(&mut self, ctx: &egui::Context, backup: PathBuf) -> Result<(), String> {
        if self.jobs.is_busy() {
            return Err(NotStarted::Busy.to_string());
        }
        self.save_open_draft();
        self.chosen.forget();
        self.jobs
            .start(
                ctx,
                "Restoring a backup",
                &self.path,
                move |workspace, progress| {
                    let now = chrono::Local::now().naive_local();
                    let restored = workspace.restore_from(&backup, now, progress)?;
                    Ok(JobDone::Restored(restored))
                },
            )
            .map_err(|refused| refused.to_string())
    }

    /// A restore ended: reopens the workspace (every view and the undo history start afresh)
    /// and says where the data from before went.
    pub(in crate::ui) fn backup_restored(&mut self, restored: Restored) -> Notice {
        let aside = restored
            .set_aside
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        match self.reopen(self.path.clone(), OpenFor::Editing) {
            Ok(()) => Notice::success(format!(
                "Restored the backup. The data from before is kept as {aside} in the backups \
                 list (Settings), should you want it back."
            )),
            Err(e) => Notice::error(format!("Restored the backup, but reopening failed: {e}")),
        }
    }

    /// Switches the window to the workspace at `path`. When it cannot be opened, the window
    /// stays on the current one and says why.
    fn switch_to(&mut self, path: PathBuf, verb: &str) -> Result<(), String> {
        if same_file(&path, &self.path) {
            self.notice = Some(Notice::info("That workspace is already open."));
            return Ok(());
        }
        if self.jobs.is_busy() {
            return Err(NotStarted::Busy.to_string());
        }
        let (workspace, access) = super::open(&path, OpenFor::Editing);
        let workspace = workspace?;
        self.save_open_draft();
        self.install(path, Ok(workspace), access);
        self.notice = Some(Notice::success(format!("{verb} {}.", self.path.display())));
        Ok(())
    }

    /// Opens this window's workspace again (Retry, read-only, after a restore).
    fn reopen(&mut self, path: PathBuf, open_for: OpenFor) -> Result<(), String> {
        if self.jobs.is_busy() {
            return Err(NotStarted::Busy.to_string());
        }
        self.save_open_draft();
        // Let go of the lock and the read-only mark before taking them again.
        self.workspace = Err(String::new());
        self.access = Access::default();
        let (workspace, access) = super::open(&path, open_for);
        self.install(path, workspace, access);
        match &self.workspace {
            Ok(_) => Ok(()),
            Err(_) if self.access.in_use.is_some() => Ok(()),
            Err(message) => Err(message.clone()),
        }
    }

    /// Makes `workspace` the window's, starting every view and history afresh.
    fn install(&mut self, path: PathBuf, workspace: Result<Workspace, String>, access: Access) {
        self.path = path;
        self.workspace = workspace;
        self.access = access;
        self.chosen.forget();
        self.revision += 1;
        self.cache = Cache::default();
        self.views = Views::default();
        self.welcome = Welcome::default();
        self.editor = DraftEditor::default();
        self.import = ImportDialog::default();
    }

    /// Writes the editor's pending edits before the workspace goes away.
    fn save_open_draft(&mut self) {
        if let (Some(draft), Ok(workspace)) = (self.editor.take_unsaved(), &mut self.workspace)
            && let Err(e) = workspace.apply(
                crate::workspace::Edit::Autosave(Box::new(draft)),
                &workspace.member_name(),
            )
        {
            self.notice = Some(Notice::error(format!("Could not save the open draft: {e}")));
        }
    }
}

/// True when both paths name the same file (also when one is relative).
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// Opens the desktop's file manager at `path` (selecting it where the desktop can).
fn show_in_folder(path: &Path) -> std::io::Result<()> {
    let folder = path.parent().unwrap_or(Path::new("."));
    let mut command = if cfg!(target_os = "windows") {
        let mut c = std::process::Command::new("explorer");
        c.arg(format!("/select,{}", path.display()));
        c
    } else if cfg!(target_os = "macos") {
        let mut c = std::process::Command::new("open");
        c.arg("-R").arg(path);
        c
    } else {
        let mut c = std::process::Command::new("xdg-open");
        c.arg(folder);
        c
    };
    let mut child = command.spawn()?;
    // Reaped in the background so no finished process lingers.
    std::thread::spawn(move || child.wait());
    Ok(())
}

/// The notice for a finished "Back up now".
pub(in crate::ui) fn backed_up(path: &Path, bytes: u64) -> Notice {
    Notice::success(format!(
        "Backed up the workspace to {} ({}).",
        path.display(),
        file_size(bytes)
    ))
}
