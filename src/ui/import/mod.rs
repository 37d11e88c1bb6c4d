//! Importing files from the window: the dialog's state from the moment the user picks or drops
//! files until the import is written or dropped. Reading and previewing run as one background
//! job, writing as another (each on its own workspace connection); in between the user sees
//! the preview (`preview.rs`) and decides. Drag and drop lives in `drop.rs`.
//!
//! Nothing here writes to the workspace itself: the workspace's one-transaction commit does,
//! and only after the user pressed Import.

mod draft_rows;
mod drop;
mod preview;

use std::path::{Path, PathBuf};

use chrono::Utc;
use eframe::egui;

use super::jobs::{JobDone, JobRunner};
use super::view::Action;
use crate::domain::{Account, Handle};
use crate::text::{plural, thousands};
use crate::workspace::{ImportOptions, ImportReport, PreparedImport};

pub use drop::{dropped_paths, hover_overlay};

/// Where the import stands.
enum Stage {
    /// No import under way.
    Closed,
    /// The files are being read and compared with the workspace.
    Reading,
    /// The preview waits for the user.
    Preview(Box<PreparedImport>),
    /// The import is being written.
    Writing,
}

/// The import dialog's state: the files, the user's choices and where the import stands.
pub struct ImportDialog {
    stage: Stage,
    paths: Vec<PathBuf>,
    /// The account for files that do not name one.
    account: Option<Handle>,
    /// A handle typed for a new account, before the user applies it.
    new_account: String,
    skip_bad_rows: bool,
    /// Where the dialog was drawn last frame: while it still moves (its scrolled parts learn
    /// their height a frame late) another frame is asked for, so it never rests half-placed.
    placed: Option<egui::Rect>,
}

impl Default for ImportDialog {
    fn default() -> Self {
        Self {
            stage: Stage::Closed,
            paths: Vec::new(),
            account: None,
            new_account: String::new(),
            skip_bad_rows: false,
            placed: None,
        }
    }
}

/// What the window hands the dialog each frame.
pub struct DialogContext<'a> {
    pub accounts: &'a [Account],
    pub jobs: &'a JobRunner,
    pub actions: &'a mut Vec<Action>,
}

impl ImportDialog {
    /// True while an import is under way (reading, previewing or writing).
    pub fn is_open(&self) -> bool {
        !matches!(self.stage, Stage::Closed)
    }

    /// Starts reading `paths` for a new import whose files without an account go to
    /// `account` (the current account).
    pub fn start(
        &mut self,
        ctx: &egui::Context,
        jobs: &mut JobRunner,
        workspace: &Path,
        paths: Vec<PathBuf>,
        account: Option<&Account>,
    ) -> Result<(), String> {
        if self.is_open() {
            return Err("An import is already open: finish or cancel it first.".into());
        }
        *self = Self {
            paths,
            account: account.map(|a| a.handle.clone()),
            ..Self::default()
        };
        self.read(ctx, jobs, workspace)
    }

    /// Reads the files again with changed choices (another account, skip bad rows).
    pub fn choose(
        &mut self,
        ctx: &egui::Context,
        jobs: &mut JobRunner,
        workspace: &Path,
        account: Option<Handle>,
        skip_bad_rows: bool,
    ) -> Result<(), String> {
        if !matches!(self.stage, Stage::Preview(_)) {
            return Ok(());
        }
        self.account = account;
        self.skip_bad_rows = skip_bad_rows;
        self.read(ctx, jobs, workspace)
    }

    fn read(
        &mut self,
        ctx: &egui::Context,
        jobs: &mut JobRunner,
        workspace: &Path,
    ) -> Result<(), String> {
        let options = ImportOptions {
            account: self.account.clone(),
            imported_at: Utc::now(),
            skip_bad_rows: self.skip_bad_rows,
            ..ImportOptions::default()
        };
        let paths = self.paths.clone();
        let title = format!("Reading {}", plural(paths.len(), "file", "files"));
        jobs.start(ctx, &title, workspace, move |workspace, progress| {
            let prepared = workspace.prepare_import(&paths, options, progress)?;
            Ok(JobDone::ImportPrepared(Box::new(prepared)))
        })
        .map_err(|refused| refused.to_string())?;
        self.stage = Stage::Reading;
        Ok(())
    }

    /// Writes the previewed import (when it may be written).
    pub fn commit(
        &mut self,
        ctx: &egui::Context,
        jobs: &mut JobRunner,
        workspace: &Path,
    ) -> Result<(), String> {
        let Stage::Preview(prepared) = std::mem::replace(&mut self.stage, Stage::Closed) else {
            return Ok(());
        };
        if !prepared.can_commit() {
            self.stage = Stage::Preview(prepared);
            return Err("Nothing can be imported yet: see the preview.".into());
        }
        jobs.start(ctx, "Importing", workspace, move |workspace, progress| {
            workspace
                .commit_import(*prepared, progress)
                .map(JobDone::Imported)
        })
        .map_err(|refused| refused.to_string())?;
        self.stage = Stage::Writing;
        Ok(())
    }

    /// Drops the import; nothing was written.
    pub fn close(&mut self) {
        *self = Self::default();
    }

    /// The preview is ready.
    pub fn prepared(&mut self, prepared: Box<PreparedImport>) {
        if matches!(self.stage, Stage::Reading) {
            self.stage = Stage::Preview(prepared);
        }
    }

    /// The import was written (or refused): the dialog closes.
    pub fn finished(&mut self, _report: &ImportReport) {
        self.close();
    }

    /// A job of this dialog failed or was cancelled: nothing was written, the dialog closes.
    pub fn job_failed(&mut self) {
        if matches!(self.stage, Stage::Reading | Stage::Writing) {
            self.close();
        }
    }

    /// Draws the dialog (when an import is under way) above the window.
    pub fn ui(&mut self, ctx: &egui::Context, dialog: &mut DialogContext<'_>) {
        if !self.is_open() {
            return;
        }
        let id = egui::Id::unique("import-dialog");
        // Pinned to the top, so the buttons move less while the preview finds its height.
        let area =
            egui::Modal::default_area(id).anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 40.0));
        let modal = egui::Modal::new(id)
            .area(area)
            .frame(preview::frame(ctx))
            .show(ctx, |ui| preview::ui(ui, self, dialog));
        let rect = modal.response.rect;
        if self.placed.replace(rect) != Some(rect) {
            ctx.request_repaint();
        }
        let busy = matches!(self.stage, Stage::Reading | Stage::Writing);
        if modal.should_close() && !busy {
            dialog.actions.push(Action::CancelImport);
        }
    }
}

/// "Imported 3 files: 120 added, 4 updated." for the status bar.
pub fn imported_message(report: &ImportReport) -> String {
    let (added, updated) = report.files.iter().fold((0, 0), |(a, u), f| {
        (a + f.changes.added, u + f.changes.updated)
    });
    let (added, updated) = (thousands(added as i64), thousands(updated as i64));
    let files = plural(report.files.len(), "file", "files");
    let skipped = report.rejected.len();
    if skipped > 0 {
        let skipped = plural(skipped, "bad row", "bad rows");
        format!("Imported {files}: {added} added, {updated} updated; {skipped} skipped.")
    } else {
        format!("Imported {files}: {added} added, {updated} updated.")
    }
}
