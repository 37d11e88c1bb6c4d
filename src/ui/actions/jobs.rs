//! The actions that start long work on a background job (the demo, an export, an import's
//! reading and writing) and the one place every finished job's result is applied.

use std::path::PathBuf;

use eframe::egui;

use super::Applied;
use crate::text::plural;
use crate::ui::app::ScrollstopApp;
use crate::ui::file_dialog::{NOTHING_CHOSEN, export_extension};
use crate::ui::import;
use crate::ui::jobs::{JobDone, JobOutcome};
use crate::ui::path_prompt::{self, Purpose as PathPurpose};
use crate::ui::status_bar::Notice;
use crate::ui::view::Action;
use crate::workspace::{DEFAULT_DEMO_SEED, ExportRequest, WorkspaceError};

impl ScrollstopApp {
    /// Starts filling the empty workspace with the demo data on its own connection.
    pub(super) fn start_demo(&mut self, ctx: &egui::Context) {
        let started = self.jobs.start(
            ctx,
            "Creating the demo workspace",
            &self.path,
            |workspace, progress| {
                workspace
                    .create_demo(DEFAULT_DEMO_SEED, progress)
                    .map(JobDone::DemoCreated)
            },
        );
        if let Err(refused) = started {
            self.notice = Some(Notice::error(refused.to_string()));
        }
    }

    /// Asks where to save the export, then prepares it on its own connection (the predicted
    /// ranges need the model); the file is written when the job ends.
    pub(super) fn start_export(&mut self, ctx: &egui::Context, request: ExportRequest) {
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
    pub(super) fn export_to(
        &mut self,
        ctx: &egui::Context,
        request: ExportRequest,
        target: PathBuf,
    ) {
        let started = self.jobs.start(
            ctx,
            "Exporting the posting calendar",
            &self.path,
            move |workspace, _progress| {
                let output = workspace.export_calendar_to(&request, chrono::Utc::now(), &target)?;
                Ok(JobDone::CalendarExported {
                    path: target,
                    output,
                })
            },
        );
        if let Err(refused) = started {
            self.notice = Some(Notice::error(refused.to_string()));
        }
    }

    /// Applies the import dialog's actions (`None` for every other action). Choosing files
    /// and folders happens here, after the frame, so the chooser never opens mid-frame.
    pub(super) fn apply_import(
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
    pub(in crate::ui) fn job_finished(&mut self, outcome: JobOutcome) {
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
            Ok(JobDone::BackedUp { path, bytes }) => crate::ui::access::backed_up(&path, bytes),
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
