//! Importing files: read them into records (io), preview what committing would change, and
//! commit in one transaction. The preview runs the very same writes inside a transaction that
//! is rolled back, so what the user is shown is exactly what a commit does.
//!
//! Records are written as the readers push them ([`writer::Writer`]), so memory does not grow
//! with the file: a preview keeps no records, and its commit reads the files again (refusing
//! when one changed in between, by its content hash).
//!
//! This file holds the options and the preview-then-commit flow; `reading.rs` reads the files
//! (then hashes them) on threads of their own, `relay.rs` carries what they read to the writing
//! thread, `writer/` writes it, and `report.rs` is what the user is shown.

mod reading;
mod relay;
mod report;
mod writer;

use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

use self::reading::{PendingHashes, file_hashes, read_and_hash};
use self::writer::Writer;
use super::{Progress, Workspace, WorkspaceError};
use crate::domain::{Handle, ImportRecord};
use crate::io::Collected;
use crate::io::generic::Field;
use crate::store::Batch;

pub use reading::{content_hash, read_files};
pub use report::{ChangeCounts, FileReport, ImportReport};

/// Choices that apply to a whole import.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// The account for files that do not name one (nor do the files imported with them).
    pub account: Option<Handle>,
    /// `account` was given explicitly (`--account`): a file naming another account is
    /// refused, showing both handles, instead of going to the account it names.
    pub account_must_match: bool,
    /// The time zone given to accounts an import creates.
    pub new_account_zone: Tz,
    /// When the import runs: the snapshot instant for files without a measured-at column,
    /// and the import log's time.
    pub imported_at: DateTime<Utc>,
    /// The export date for yearless dates when no file states one.
    pub export_date: Option<NaiveDate>,
    /// Column choices for video-history files (`--map FIELD=COLUMN`).
    pub mapping: Vec<(Field, String)>,
    /// Write the rows that could be read even when others were rejected.
    pub skip_bad_rows: bool,
}

impl Default for ImportOptions {
    fn default() -> Self {
        Self {
            account: None,
            account_must_match: false,
            new_account_zone: chrono_tz::UTC,
            imported_at: Utc::now(),
            export_date: None,
            mapping: Vec::new(),
            skip_bad_rows: false,
        }
    }
}

/// What a committing import says while it builds the video index again after the rows (a
/// big import sets it aside: for a million rows that takes a few tenths of a second).
const INDEXING: &str = "Indexing the imported videos";
/// What it says while it commits; cancelling until then leaves the workspace as it was.
const SAVING: &str = "Saving the import";

/// Where the records of an import come from.
enum Source {
    /// Files read again at commit (nothing of them is held in memory).
    Files(Vec<PathBuf>),
    /// Records read before (by [`read_files`]).
    Records(Collected),
}

/// An import previewed, waiting to be committed or dropped.
pub struct PreparedImport {
    source: Source,
    options: ImportOptions,
    hashes: Vec<(String, String)>,
    pub report: ImportReport,
}

/// Writes the records of `paths` into `batch`: the report (with whole-file errors) and the
/// files' hashes to come.
fn write_files(
    batch: &Batch<'_>,
    paths: &[PathBuf],
    options: &ImportOptions,
    progress: &dyn Progress,
    stage: &'static str,
) -> Result<(ImportReport, PendingHashes), WorkspaceError> {
    let mut writer = Writer::new(batch, options, progress, stage);
    let (errors, hashes) = read_and_hash(paths, options, &mut writer);
    let mut report = writer.finish()?;
    report.errors = errors;
    Ok((report, hashes))
}

/// Writes records read before into `batch`.
fn write_records(
    batch: &Batch<'_>,
    collected: &Collected,
    options: &ImportOptions,
    progress: &dyn Progress,
) -> Result<ImportReport, WorkspaceError> {
    let mut writer = Writer::new(batch, options, progress, "Writing records");
    writer.replay(collected);
    writer.finish()
}

impl PreparedImport {
    /// True when committing would write something: nothing was refused (or the user chose to
    /// skip bad rows) and at least one row changes.
    pub fn can_commit(&self) -> bool {
        let clean = !self.report.has_problems() || self.options.skip_bad_rows;
        let changes = self
            .report
            .files
            .iter()
            .any(|f| f.changes.added + f.changes.updated > 0);
        clean && changes
    }
}

impl Workspace {
    /// Reads `paths` and previews the import: nothing is written.
    pub fn prepare_import(
        &mut self,
        paths: &[PathBuf],
        options: ImportOptions,
        progress: &dyn Progress,
    ) -> Result<PreparedImport, WorkspaceError> {
        progress.step(0.0, "Reading files")?;
        let mut batch = self.store_mut().import_batch()?;
        batch.expect_videos(expected_videos(paths))?;
        let (report, hashes) =
            write_files(&batch, paths, &options, progress, "Reading and checking")?;
        let hashes = hashes.wait();
        drop(batch); // rolled back: the preview writes nothing
        Ok(PreparedImport {
            source: Source::Files(paths.to_vec()),
            options,
            hashes,
            report,
        })
    }

    /// Reads `paths` and commits at once, without a preview to show first (the CLI without
    /// `--dry-run`): the very report [`prepare_import`](Self::prepare_import) followed by
    /// [`commit_import`](Self::commit_import) gives, and the same refusal (nothing written when
    /// rows or files were rejected, unless the user chose to skip bad rows), but the files
    /// are read and written once instead of twice.
    pub fn import_now(
        &mut self,
        paths: &[PathBuf],
        options: ImportOptions,
        progress: &dyn Progress,
    ) -> Result<ImportReport, WorkspaceError> {
        progress.step(0.0, "Reading files")?;
        self.analytics_changed()?;
        let mut batch = self.store_mut().import_batch()?;
        batch.expect_videos(expected_videos(paths))?;
        let (mut report, hashes) = write_files(&batch, paths, &options, progress, "Importing")?;
        if report.has_problems() && !options.skip_bad_rows {
            drop(batch); // rolled back: a refused import writes nothing
            return Ok(report);
        }
        // The identity index is built again while the files' hashes are worked out.
        progress.step(1.0, INDEXING)?;
        batch.restore_identity_index()?;
        log_files(&batch, &report, &hashes.wait(), &options)?;
        progress.step(1.0, SAVING)?;
        batch.commit()?;
        report.committed = true;
        self.share_import()?;
        Ok(report)
    }

    /// After an import in a team workspace: the rows it made wait to be sent (its analytics
    /// were marked waiting before it began, so a crash in between loses nothing).
    fn share_import(&mut self) -> Result<(), WorkspaceError> {
        let author = self.member_name();
        self.share_unlogged(&author)?;
        Ok(())
    }

    /// Previews an import of records already read from `paths` (plus whole-file `errors`):
    /// nothing is written.
    pub fn preview_records(
        &mut self,
        paths: &[PathBuf],
        collected: Collected,
        errors: Vec<String>,
        options: ImportOptions,
        progress: &dyn Progress,
    ) -> Result<PreparedImport, WorkspaceError> {
        let hashes = file_hashes(paths);
        let mut batch = self.store_mut().import_batch()?;
        batch.expect_videos(collected.videos.len() as u64)?;
        let mut report = write_records(&batch, &collected, &options, progress)?;
        drop(batch); // rolled back: the preview writes nothing
        report.errors = errors;
        Ok(PreparedImport {
            source: Source::Records(collected),
            options,
            hashes,
            report,
        })
    }

    /// Commits a prepared import in one transaction and logs every file. Refuses (writing
    /// nothing) when rows or files were rejected, unless the user chose to skip bad rows, and
    /// when a file changed since the preview (the user would get something they did not see).
    pub fn commit_import(
        &mut self,
        prepared: PreparedImport,
        progress: &dyn Progress,
    ) -> Result<ImportReport, WorkspaceError> {
        if prepared.report.has_problems() && !prepared.options.skip_bad_rows {
            return Ok(prepared.report);
        }
        let options = &prepared.options;
        self.analytics_changed()?;
        let mut batch = self.store_mut().import_batch()?;
        batch.expect_videos(match &prepared.source {
            Source::Files(paths) => expected_videos(paths),
            Source::Records(collected) => collected.videos.len() as u64,
        })?;
        let (mut report, hashes) = match &prepared.source {
            Source::Files(paths) => {
                let (report, hashes) = write_files(&batch, paths, options, progress, "Writing")?;
                progress.step(1.0, INDEXING)?;
                batch.restore_identity_index()?;
                let hashes = hashes.wait();
                let changed: Vec<String> = hashes
                    .iter()
                    .filter(|h| !prepared.hashes.contains(h))
                    .map(|(name, _)| {
                        format!("{name} changed since the preview: nothing was written; import it again to see what it holds now")
                    })
                    .collect();
                if !changed.is_empty() {
                    drop(batch); // rolled back
                    let mut refused = prepared.report;
                    refused.errors.extend(changed);
                    return Ok(refused);
                }
                (report, hashes)
            }
            Source::Records(collected) => {
                let mut report = write_records(&batch, collected, options, progress)?;
                report.errors = prepared.report.errors.clone();
                (report, prepared.hashes.clone())
            }
        };
        log_files(&batch, &report, &hashes, options)?;
        progress.step(1.0, SAVING)?;
        batch.commit()?;
        report.committed = true;
        self.share_import()?;
        Ok(report)
    }
}

/// How many videos the files at `paths` may hold, at most about: their bytes (a folder's
/// files' too) over the fewest a history row takes. A big import of new videos writes them
/// faster with the identity index set aside ([`Batch::expect_videos`]).
fn expected_videos(paths: &[PathBuf]) -> u64 {
    /// The fewest bytes a history row with an id, a link and counts takes.
    const ROW_BYTES: u64 = 100;
    let size = |path: &std::path::Path| std::fs::metadata(path).map_or(0, |m| m.len());
    let bytes: u64 = paths
        .iter()
        .map(|path| match std::fs::read_dir(path) {
            Ok(entries) => entries.flatten().map(|e| size(&e.path())).sum(),
            Err(_) => size(path),
        })
        .sum();
    bytes / ROW_BYTES
}

/// Logs every file of a committing import, with its content hash.
fn log_files(
    batch: &Batch<'_>,
    report: &ImportReport,
    hashes: &[(String, String)],
    options: &ImportOptions,
) -> Result<(), WorkspaceError> {
    for file in &report.files {
        let hash = hashes
            .iter()
            .find(|(name, _)| {
                file.summary.file == *name || file.summary.file.starts_with(&format!("{name}/"))
            })
            .map(|(_, h)| h.clone())
            .unwrap_or_default();
        // The log has one account per file: a file naming several is logged under the first.
        let account = match file.accounts.first().map(|h| Handle::parse(h)) {
            Some(Ok(handle)) => batch.find_account(&handle)?,
            _ => None,
        };
        batch.log_import(&ImportRecord {
            id: 0,
            file_name: file.summary.file.clone(),
            content_hash: hash,
            imported_at: options.imported_at,
            report_kind: file.summary.kind.label().to_string(),
            account,
            summary: file.changes.describe(),
        })?;
    }
    Ok(())
}
