//! Importing files: read them into records (io), preview what committing would change, and
//! commit in one transaction. The preview runs the very same writes inside a transaction that
//! is rolled back, so what the user is shown is exactly what a commit does.
//!
//! Records are written as the readers push them ([`writer::Writer`]), so memory does not grow
//! with the file: a preview keeps no records, and its commit reads the files again (refusing
//! when one changed in between, by its content hash).

mod relay;
mod writer;

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use sha2::{Digest, Sha256};

use self::writer::Writer;
use super::draft_import::DraftRow;
use super::{Progress, Workspace, WorkspaceError};
use crate::domain::{Handle, ImportRecord};
use crate::io::generic::Field;
use crate::io::{Collected, FileSummary, ReadOptions, Rejected, read_paths, table_readers};
use crate::store::{Batch, Change};

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

/// Rows added, updated, left as they were, and rejected.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ChangeCounts {
    pub added: usize,
    pub updated: usize,
    pub skipped: usize,
    pub rejected: usize,
}

impl ChangeCounts {
    fn count(&mut self, change: Change) {
        match change {
            Change::Added => self.added += 1,
            Change::Updated => self.updated += 1,
            Change::Unchanged => self.skipped += 1,
        }
    }

    /// `12 added, 3 updated, 40 unchanged, 1 rejected`.
    pub fn describe(&self) -> String {
        format!(
            "{} added, {} updated, {} unchanged, {} rejected",
            self.added, self.updated, self.skipped, self.rejected
        )
    }
}

/// One file in the preview and the result.
#[derive(Debug, Clone, Serialize)]
pub struct FileReport {
    #[serde(flatten)]
    pub summary: FileSummary,
    /// The accounts the file's rows go to (`@handle`), in the order first met: a video
    /// history or a drafts CSV may name several. Empty when the file names none.
    pub accounts: Vec<String>,
    pub changes: ChangeCounts,
}

/// What an import would do (before commit) or did (after).
#[derive(Debug, Clone, Default, Serialize)]
pub struct ImportReport {
    pub files: Vec<FileReport>,
    pub rejected: Vec<Rejected>,
    /// Files that could not be read at all.
    pub errors: Vec<String>,
    /// Accounts the import creates.
    pub new_accounts: Vec<String>,
    /// The draft rows of drafts CSVs, each added or already there.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub drafts: Vec<DraftRow>,
    pub committed: bool,
}

impl ImportReport {
    /// True when some row or file could not be read.
    pub fn has_problems(&self) -> bool {
        !self.rejected.is_empty() || !self.errors.is_empty()
    }
}

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

/// SHA-256 of a regular file's bytes as hex; folders, unreadable paths and anything that is
/// not a regular file hash to an empty string. The file is read in pieces, so hashing a big
/// file does not hold it in memory. A FIFO or a device is never read here: a FIFO's bytes
/// go to one reader only (the import's), and a device may never end.
pub fn content_hash(path: &std::path::Path) -> String {
    let hash = || -> std::io::Result<String> {
        if !std::fs::metadata(path)?.is_file() {
            return Ok(String::new());
        }
        // A file that grows past the size limit while it is hashed is refused by the reading.
        let limit = crate::io::Limits::default().max_file_bytes;
        let mut file = std::io::Read::take(std::fs::File::open(path)?, limit.saturating_add(1));
        let mut hasher = Sha256::new();
        let mut buffer = vec![0u8; 1 << 20];
        loop {
            match std::io::Read::read(&mut file, &mut buffer) {
                Ok(0) => break,
                Ok(n) => hasher.update(&buffer[..n]),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(format!("{:x}", hasher.finalize()))
    };
    hash().unwrap_or_default()
}

/// Each path's display name and [content hash](content_hash).
fn file_hashes(paths: &[PathBuf]) -> Vec<(String, String)> {
    paths
        .iter()
        .map(|p| (display_name(p), content_hash(p)))
        .collect()
}

/// Reads `paths` into `writer` with [`file_hashes`] alongside. The readers run on a thread of
/// their own and [relay](relay) what they read to this one, which writes it: parsing and
/// SQLite each get a core. Hashing rereads the files on a third thread. Returns the
/// whole-file errors and the hashes.
fn read_and_hash(
    paths: &[PathBuf],
    options: &ImportOptions,
    writer: &mut Writer<'_, '_>,
) -> (Vec<String>, Vec<(String, String)>) {
    let stopped = AtomicBool::new(false);
    let read_options = read_options(options);
    std::thread::scope(|scope| {
        let hashing = scope.spawn(|| file_hashes(paths));
        let (mut relay, delivery) = relay::relay(&stopped);
        let reading = scope.spawn(|| {
            let errors = read_paths(paths, &read_options, &mut relay);
            drop(relay); // sends what is left, and tells the writing side the reading is over
            errors
        });
        delivery.deliver(writer, &stopped);
        let errors = match reading.join() {
            Ok(errors) => errors.iter().map(ToString::to_string).collect(),
            Err(_) => vec!["the files could not be read to the end: the reader stopped unexpectedly; nothing was written".to_string()],
        };
        let hashes = hashing.join().unwrap_or_else(|_| file_hashes(paths));
        (errors, hashes)
    })
}

/// What the readers need of an import's options.
fn read_options(options: &ImportOptions) -> ReadOptions {
    ReadOptions {
        export_date: options.export_date,
        table_readers: table_readers(options.imported_at, options.mapping.clone()),
        ..ReadOptions::default()
    }
}

/// Writes the records of `paths` into `batch`: the report (with whole-file errors) and the
/// files' hashes.
fn write_files(
    batch: &Batch<'_>,
    paths: &[PathBuf],
    options: &ImportOptions,
    progress: &dyn Progress,
    stage: &'static str,
) -> Result<(ImportReport, Vec<(String, String)>), WorkspaceError> {
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

/// Reads every dropped file and folder into records; whole-file failures come back as
/// messages. Writes nothing.
pub fn read_files(paths: &[PathBuf], options: &ImportOptions) -> (Collected, Vec<String>) {
    let mut collected = Collected::default();
    let errors = read_paths(paths, &read_options(options), &mut collected);
    (collected, errors.iter().map(ToString::to_string).collect())
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
        let batch = self.store_mut().import_batch()?;
        let (report, hashes) =
            write_files(&batch, paths, &options, progress, "Reading and checking")?;
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
        let batch = self.store_mut().import_batch()?;
        let (mut report, hashes) = write_files(&batch, paths, &options, progress, "Importing")?;
        if report.has_problems() && !options.skip_bad_rows {
            drop(batch); // rolled back: a refused import writes nothing
            return Ok(report);
        }
        log_files(&batch, &report, &hashes, &options)?;
        batch.commit()?;
        report.committed = true;
        Ok(report)
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
        let batch = self.store_mut().import_batch()?;
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
        let batch = self.store_mut().import_batch()?;
        let (mut report, hashes) = match &prepared.source {
            Source::Files(paths) => {
                let (report, hashes) = write_files(&batch, paths, options, progress, "Writing")?;
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
        batch.commit()?;
        report.committed = true;
        Ok(report)
    }
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

fn display_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
