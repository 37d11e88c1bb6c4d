//! Importing files: read them into records (io), preview what committing would change, and
//! commit in one transaction. The preview runs the very same writes inside a transaction that
//! is rolled back, so what the user is shown is exactly what a commit does.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::draft_import::{DraftRow, store_draft};
use super::{Progress, Workspace, WorkspaceError};
use crate::domain::{
    AccountId, AudienceShare, FollowerActivity, ImportRecord, NewAccount, Snapshot, Video, VideoId,
};
use crate::io::generic::Field;
use crate::io::{
    Collected, FileSummary, ReadOptions, Rejected, ReportKind, VideoRecord, read_paths,
    table_readers,
};
use crate::store::{Batch, Change, StoreError};

/// Choices that apply to a whole import.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// The account for files that do not name one (handle, with or without `@`).
    pub account: Option<String>,
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
    /// The account the file's rows go to (generic files may name several: the first).
    pub account: Option<String>,
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

/// Records read from files, with their preview, waiting to be committed or dropped.
pub struct PreparedImport {
    collected: Collected,
    options: ImportOptions,
    hashes: Vec<(String, String)>,
    pub report: ImportReport,
}

/// SHA-256 of a file's bytes as hex; folders and unreadable paths hash to an empty string.
/// The file is read in pieces, so hashing a big file does not hold it in memory.
pub fn content_hash(path: &std::path::Path) -> String {
    let hash = || -> std::io::Result<String> {
        let mut file = std::fs::File::open(path)?;
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

/// [`read_files`] and [`file_hashes`] side by side: hashing rereads the files, on another core.
fn read_and_hash(
    paths: &[PathBuf],
    options: &ImportOptions,
) -> (Collected, Vec<String>, Vec<(String, String)>) {
    std::thread::scope(|scope| {
        let hashing = scope.spawn(|| file_hashes(paths));
        let (collected, errors) = read_files(paths, options);
        let hashes = hashing.join().unwrap_or_else(|_| file_hashes(paths));
        (collected, errors, hashes)
    })
}

/// Reads every dropped file and folder into records; whole-file failures come back as
/// messages. Writes nothing.
pub fn read_files(paths: &[PathBuf], options: &ImportOptions) -> (Collected, Vec<String>) {
    let read = ReadOptions {
        export_date: options.export_date,
        table_readers: table_readers(options.imported_at, options.mapping.clone()),
        ..ReadOptions::default()
    };
    let mut collected = Collected::default();
    let errors = read_paths(paths, &read, &mut collected);
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
        let (collected, errors, hashes) = read_and_hash(paths, &options);
        progress.step(0.3, "Comparing with the workspace")?;
        self.preview_hashed(hashes, collected, errors, options, progress)
    }

    /// Reads `paths` and commits at once, without a preview to show first (the CLI without
    /// `--dry-run`): the very report [`prepare_import`](Self::prepare_import) followed by
    /// [`commit_import`](Self::commit_import) gives, and the same refusal (nothing written when
    /// rows or files were rejected, unless the user chose to skip bad rows), but the records
    /// are written once instead of twice.
    pub fn import_now(
        &mut self,
        paths: &[PathBuf],
        options: ImportOptions,
        progress: &dyn Progress,
    ) -> Result<ImportReport, WorkspaceError> {
        progress.step(0.0, "Reading files")?;
        let (collected, errors, hashes) = read_and_hash(paths, &options);
        progress.step(0.3, "Comparing with the workspace")?;
        let batch = self.store_mut().batch()?;
        let mut report = apply(&batch, &collected, &options, progress)?;
        report.errors = errors;
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
        self.preview_hashed(file_hashes(paths), collected, errors, options, progress)
    }

    fn preview_hashed(
        &mut self,
        hashes: Vec<(String, String)>,
        collected: Collected,
        errors: Vec<String>,
        options: ImportOptions,
        progress: &dyn Progress,
    ) -> Result<PreparedImport, WorkspaceError> {
        let batch = self.store_mut().batch()?;
        let mut report = apply(&batch, &collected, &options, progress)?;
        drop(batch); // rolled back: the preview writes nothing
        report.errors = errors;
        Ok(PreparedImport {
            collected,
            options,
            hashes,
            report,
        })
    }

    /// Commits a prepared import in one transaction and logs every file. Refuses (writing
    /// nothing) when rows or files were rejected, unless the user chose to skip bad rows.
    pub fn commit_import(
        &mut self,
        prepared: PreparedImport,
        progress: &dyn Progress,
    ) -> Result<ImportReport, WorkspaceError> {
        if prepared.report.has_problems() && !prepared.options.skip_bad_rows {
            return Ok(prepared.report);
        }
        let batch = self.store_mut().batch()?;
        let mut report = apply(&batch, &prepared.collected, &prepared.options, progress)?;
        log_files(&batch, &report, &prepared.hashes, &prepared.options)?;
        batch.commit()?;
        report.errors = prepared.report.errors;
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
        let account = match &file.account {
            Some(handle) => batch.find_account(handle)?,
            None => None,
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

/// Resolves handles to accounts, creating missing ones once.
struct Accounts<'b, 'a> {
    batch: &'b Batch<'a>,
    zone: Tz,
    known: BTreeMap<String, AccountId>,
    created: Vec<String>,
}

impl Accounts<'_, '_> {
    fn resolve(&mut self, handle: &str) -> Result<AccountId, StoreError> {
        let key = handle.trim().trim_start_matches('@').to_lowercase();
        if let Some(id) = self.known.get(&key) {
            return Ok(*id);
        }
        let id = match self.batch.find_account(&key)? {
            Some(id) => id,
            None => {
                self.created.push(format!("@{key}"));
                self.batch.add_account(&NewAccount {
                    handle: key.clone(),
                    display_name: key.clone(),
                    time_zone: self.zone,
                    region: String::new(),
                    language: String::new(),
                })?
            }
        };
        self.known.insert(key, id);
        Ok(id)
    }
}

/// What an apply pass counted per file: changes, rejections and the account each file went to.
#[derive(Default)]
struct Tally {
    per_file: BTreeMap<String, ChangeCounts>,
    first_account: BTreeMap<String, String>,
    rejected: Vec<Rejected>,
}

impl Tally {
    fn count(&mut self, file: &str, change: Change) {
        self.per_file
            .entry(file.to_string())
            .or_default()
            .count(change);
    }

    fn reject(&mut self, file: &str, line: usize, reason: String) {
        self.rejected.push(Rejected {
            file: file.to_string(),
            line,
            reason,
        });
        self.per_file.entry(file.to_string()).or_default().rejected += 1;
    }

    /// Resolves the row's account (creating it once), or rejects the row when the file and
    /// the options name none.
    fn account(
        &mut self,
        accounts: &mut Accounts<'_, '_>,
        file: &str,
        line: usize,
        handle: Option<String>,
    ) -> Result<Option<AccountId>, StoreError> {
        let Some(handle) = handle else {
            self.reject(
                file,
                line,
                "the file does not say which account it belongs to: choose the account (--account HANDLE)".into(),
            );
            return Ok(None);
        };
        let id = accounts.resolve(&handle)?;
        self.first_account
            .entry(file.to_string())
            .or_insert_with(|| format!("@{handle}"));
        Ok(Some(id))
    }
}

fn apply(
    batch: &Batch<'_>,
    c: &Collected,
    options: &ImportOptions,
    progress: &dyn Progress,
) -> Result<ImportReport, WorkspaceError> {
    let mut accounts = Accounts {
        batch,
        zone: options.new_account_zone,
        known: BTreeMap::new(),
        created: Vec::new(),
    };
    let mut tally = Tally::default();
    for r in &c.rejected {
        tally.reject(&r.file, r.line, r.reason.clone());
    }
    let summary_of = |file: &str| c.files.iter().find(|s| s.file == file);
    let file_handle = |file: &str| -> Option<String> {
        summary_of(file)
            .and_then(|s| s.account_hint.clone())
            .or_else(|| options.account.clone())
            .map(|h| h.trim().trim_start_matches('@').to_string())
    };
    let total = (c.daily.len()
        + c.videos.len()
        + c.activity.len()
        + c.shares.len()
        + c.trends.len()
        + c.drafts.len())
    .max(1);
    let mut done = 0usize;
    let mut tick = || -> Result<(), WorkspaceError> {
        done += 1;
        if done.is_multiple_of(2048) {
            progress.step(done as f32 / total as f32, "Writing records")?;
        }
        Ok(())
    };

    for (file, m) in &c.daily {
        tick()?;
        if let Some(account) = tally.account(&mut accounts, file, 0, file_handle(file))? {
            tally.count(file, batch.upsert_daily_metrics(account, m)?);
        }
    }
    for (file, a) in &c.activity {
        tick()?;
        if let Some(account) = tally.account(&mut accounts, file, 0, file_handle(file))? {
            let change = batch.upsert_follower_activity(&FollowerActivity {
                account,
                date: a.date,
                hour: a.hour,
                active_followers: a.active_followers,
            })?;
            tally.count(file, change);
        }
    }
    for (file, s) in &c.shares {
        tick()?;
        if let Some(account) = tally.account(&mut accounts, file, 0, file_handle(file))? {
            let change = batch.upsert_audience_share(&AudienceShare {
                account,
                dimension: s.dimension,
                key: s.key.clone(),
                share: s.share,
                captured_on: s.captured_on,
            })?;
            tally.count(file, change);
        }
    }
    for (file, v) in &c.videos {
        tick()?;
        let handle = v
            .account
            .clone()
            .map(|h| h.trim().trim_start_matches('@').to_string())
            .filter(|h| !h.is_empty())
            .or_else(|| file_handle(file));
        let Some(account) = tally.account(&mut accounts, file, v.line, handle)? else {
            continue;
        };
        let enrichment = summary_of(file).is_some_and(|s| s.kind == ReportKind::AccountData);
        match store_video(batch, account, v, enrichment)? {
            Ok(change) => tally.count(file, change),
            Err(reason) => tally.reject(file, v.line, reason),
        }
    }
    for (file, t) in &c.trends {
        tick()?;
        let id = batch.upsert_trend_item(&t.item)?;
        let added = batch.add_trend_capture(&crate::domain::TrendCapture {
            item: id,
            ..t.capture.clone()
        })?;
        tally.count(
            file,
            if added {
                Change::Added
            } else {
                Change::Unchanged
            },
        );
    }
    let mut drafts = Vec::new();
    for (file, d) in &c.drafts {
        tick()?;
        let handle = d.account.clone().or_else(|| file_handle(file));
        let Some(account) = tally.account(&mut accounts, file, d.line, handle.clone())? else {
            continue;
        };
        match store_draft(batch, account, d, options.imported_at)? {
            Ok((change, planned)) => {
                tally.count(file, change);
                let handle = handle.unwrap_or_default();
                drafts.push(DraftRow::new(file, &handle, d, change, planned));
            }
            Err(reason) => tally.reject(file, d.line, reason),
        }
    }
    progress.step(1.0, "Checked every record")?;

    let files = c
        .files
        .iter()
        .map(|s| FileReport {
            summary: s.clone(),
            account: tally
                .first_account
                .get(&s.file)
                .cloned()
                .or_else(|| file_handle(&s.file).map(|h| format!("@{h}"))),
            changes: tally.per_file.get(&s.file).copied().unwrap_or_default(),
        })
        .collect();
    Ok(ImportReport {
        files,
        rejected: tally.rejected,
        errors: Vec::new(),
        new_accounts: accounts.created,
        drafts,
        committed: false,
    })
}

/// FNV-1a of the parts, for videos that come without TikTok's id.
fn derived_id(parts: &[&str]) -> String {
    let h = parts
        .iter()
        .flat_map(|p| p.bytes().chain(std::iter::once(0)))
        .fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
    format!("derived-{h:016x}")
}

/// Stores one video record; `Err(reason)` rejects the row.
fn store_video(
    batch: &Batch<'_>,
    account: AccountId,
    v: &VideoRecord,
    enrichment_only: bool,
) -> Result<Result<Change, String>, StoreError> {
    let platform_id = match (&v.platform_id, v.posted_at) {
        (Some(id), _) if !id.trim().is_empty() => id.trim().to_string(),
        (_, Some(at)) => derived_id(&[&at.to_rfc3339(), v.caption.as_deref().unwrap_or("")]),
        _ => {
            return Ok(Err(
                "no video id, link or post time to tell which video this is".into(),
            ));
        }
    };
    // Only enrichment and a missing post time need to know whether the video is stored.
    let existing = if enrichment_only || v.posted_at.is_none() {
        batch.find_video(account, &platform_id)?
    } else {
        None
    };
    if enrichment_only && existing.is_none() {
        return Ok(Ok(Change::Unchanged));
    }
    let Some(posted_at) = v
        .posted_at
        .or_else(|| existing.map(|_| DateTime::<Utc>::MIN_UTC))
    else {
        return Ok(Err("no post time".into()));
    };
    let video = Video {
        id: VideoId(0),
        account,
        platform_id,
        posted_at,
        caption: v.caption.clone().unwrap_or_default(),
        hashtags: v.hashtags.clone(),
        duration_s: v.duration_s,
        sound: v.sound.clone(),
        link: v.link.clone(),
        allow_duet: v.allow_duet,
        allow_stitch: v.allow_stitch,
        allow_comments: v.allow_comments,
    };
    let (id, mut change) = batch.upsert_video(&video)?;
    if let Some(s) = &v.snapshot {
        let added = batch.add_snapshot(&Snapshot {
            video: id,
            captured_at: s.captured_at,
            views: s.views,
            likes: s.likes,
            comments: s.comments,
            shares: s.shares,
            saves: s.saves,
            avg_watch_s: s.avg_watch_s,
            full_watch_rate: s.full_watch_rate,
        })?;
        if added && change == Change::Unchanged {
            change = Change::Updated;
        }
    }
    Ok(Ok(change))
}
