//! The sink an import writes through: records are written into the import's batch as the
//! readers push them, so a million-row history never sits in memory, and the tally of what
//! changed (per file), what was refused and which accounts were created is kept as it goes.
//!
//! Rows of a streaming reader (a video history) are written at once, inside a savepoint of
//! their file, so a file found broken halfway is undone alone. Other files (Studio reports,
//! JSON, trend lists: small) are held until their summary, which says the account they go to.
//! Records already read ([`Collected`]) are written through the same functions by
//! [`Writer::replay`]. Writing stops at the first store error or when the user cancels, and
//! [`Writer::finish`] returns it: the caller then drops the batch, so nothing is written.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::{ChangeCounts, FileReport, ImportOptions, ImportReport};
use crate::domain::{
    AccountId, AudienceShare, DailyMetrics, FollowerActivity, Handle, HandleError, NewAccount,
    TrendCapture,
};
use crate::io::{
    ActivityRecord, Collected, DraftRecord, FileSummary, PostList, Rejected, ReportKind,
    ShareRecord, Sink, TrendRecord, VideoRecord,
};
use crate::stable_hash::hash_parts;
use crate::store::{Batch, Change, StoreError, VideoFields, VideoWrites};
use crate::workspace::draft_import::{DraftRow, store_draft};
use crate::workspace::forecasting::{known_posts_key, top_posts_key};
use crate::workspace::{Progress, WorkspaceError};

/// How many records are written between looks at the Cancel button.
const RECORDS_BETWEEN_CHECKS: usize = 2048;

/// Handles resolved to accounts, creating missing ones once.
#[derive(Clone)]
struct Accounts {
    zone: Tz,
    /// By handle as the files write it (`@Knitwit `), so a row costs one lookup.
    by_written: HashMap<String, AccountId>,
    by_handle: HashMap<Handle, AccountId>,
    /// `@handle` of each account created.
    created: Vec<String>,
}

impl Accounts {
    /// The account of a handle as written, creating it once; `Ok(Err)` when the text is not
    /// a TikTok handle.
    fn resolve(
        &mut self,
        batch: &Batch<'_>,
        written: &str,
    ) -> Result<Result<AccountId, HandleError>, StoreError> {
        if let Some(id) = self.by_written.get(written) {
            return Ok(Ok(*id));
        }
        let handle = match Handle::parse(written) {
            Ok(handle) => handle,
            Err(error) => return Ok(Err(error)),
        };
        let id = match self.by_handle.get(&handle) {
            Some(id) => *id,
            None => {
                let id = match batch.find_account(&handle)? {
                    Some(id) => id,
                    None => {
                        self.created.push(handle.to_string());
                        batch.add_account(&NewAccount {
                            handle: handle.clone(),
                            display_name: handle.as_str().to_string(),
                            time_zone: self.zone,
                            region: String::new(),
                            language: String::new(),
                        })?
                    }
                };
                self.by_handle.insert(handle, id);
                id
            }
        };
        self.by_written.insert(written.to_string(), id);
        Ok(Ok(id))
    }
}

/// A file whose rows are written as they are read.
struct Streaming {
    file: String,
    rows_name_accounts: bool,
    /// Rows naming no account in a file whose rows may: they wait for the summary's hint.
    waiting: Vec<VideoRecord>,
    /// What the tally was before the file, for [`Sink::discard`].
    before: Box<Before>,
}

struct Before {
    accounts: Accounts,
    read_rejected: usize,
    write_rejected: usize,
}

/// Writes what readers push into a batch, counting what changed.
pub(super) struct Writer<'w, 'b> {
    batch: &'w Batch<'b>,
    options: &'w ImportOptions,
    progress: &'w dyn Progress,
    /// What the progress bar says while this writer runs.
    stage: &'static str,
    accounts: Accounts,
    summaries: Vec<FileSummary>,
    per_file: Vec<(String, ChangeCounts)>,
    /// Per file, the accounts its rows went to (`@handle`), in the order first met.
    file_accounts: HashMap<String, Vec<String>>,
    /// Rows the readers refused, then rows refused while writing (in that order, as shown).
    read_rejected: Vec<Rejected>,
    write_rejected: Vec<Rejected>,
    /// Per file, where in `write_rejected` its rows naming no account are, and how many.
    unowned: HashMap<String, (usize, usize)>,
    /// Per file, where in `write_rejected` its rows naming another account than an explicit
    /// `--account` are, and how many.
    contradicted: HashMap<String, (usize, usize)>,
    /// The accounts the files of this import name (`@handle`, first met first): a file naming
    /// none goes to the one its siblings name, when they name exactly one.
    siblings: Vec<String>,
    /// Records of files that name no account, held until every file of the import was read
    /// and their siblings' account is known.
    orphans: Collected,
    held: Collected,
    /// The draft rows of drafts CSVs as written (the preview lists them).
    drafts: Vec<DraftRow>,
    streaming: Option<Streaming>,
    /// Prepared at the first video and reused for the rest.
    videos: Option<VideoWrites<'w>>,
    failure: Option<WorkspaceError>,
    written: usize,
    done: f32,
}

/// A handle cell worth resolving: blank ones leave the record to its file's account.
fn named(handle: &str) -> Option<&str> {
    (!handle.trim().is_empty()).then_some(handle)
}

impl<'w, 'b> Writer<'w, 'b> {
    pub(super) fn new(
        batch: &'w Batch<'b>,
        options: &'w ImportOptions,
        progress: &'w dyn Progress,
        stage: &'static str,
    ) -> Self {
        Writer {
            batch,
            options,
            progress,
            stage,
            accounts: Accounts {
                zone: options.new_account_zone,
                by_written: HashMap::new(),
                by_handle: HashMap::new(),
                created: Vec::new(),
            },
            summaries: Vec::new(),
            per_file: Vec::new(),
            file_accounts: HashMap::new(),
            read_rejected: Vec::new(),
            write_rejected: Vec::new(),
            unowned: HashMap::new(),
            contradicted: HashMap::new(),
            siblings: Vec::new(),
            orphans: Collected::default(),
            held: Collected::default(),
            drafts: Vec::new(),
            streaming: None,
            videos: None,
            failure: None,
            written: 0,
            done: 0.0,
        }
    }

    /// Writes records read before (a preview's), in the order the first import wrote them:
    /// daily metrics, follower activity, audience shares, videos, trend captures.
    pub(super) fn replay(&mut self, c: &Collected) {
        self.siblings = named_accounts(c);
        self.summaries.extend(c.files.iter().cloned());
        for r in &c.rejected {
            self.count(&r.file).rejected += 1;
            self.read_rejected.push(r.clone());
        }
        self.write_held(c);
    }

    /// The report of everything written, or the error that stopped the writing.
    pub(super) fn finish(mut self) -> Result<ImportReport, WorkspaceError> {
        let orphans = std::mem::take(&mut self.orphans);
        if !orphans.is_empty() {
            // In the order the files were read, so the message names them the same each time.
            for summary in &self.summaries {
                for a in self.file_accounts.get(&summary.file).into_iter().flatten() {
                    if !self.siblings.contains(a) {
                        self.siblings.push(a.clone());
                    }
                }
            }
            self.write_held(&orphans);
        }
        self.attempt(|w| w.note_top_lists());
        if let Some(failure) = self.failure.take() {
            return Err(failure);
        }
        self.progress.step(1.0, "Checked every record")?;
        let files = std::mem::take(&mut self.summaries)
            .into_iter()
            .map(|summary| {
                let accounts = match self.file_accounts.get(&summary.file) {
                    Some(accounts) => accounts.clone(),
                    None => self
                        .file_handle_in(&summary)
                        .and_then(|hint| Handle::parse(&hint).ok())
                        .map(|h| h.to_string())
                        .into_iter()
                        .collect(),
                };
                let changes = self
                    .per_file
                    .iter()
                    .find(|(f, _)| *f == summary.file)
                    .map(|(_, c)| *c)
                    .unwrap_or_default();
                FileReport {
                    summary,
                    accounts,
                    changes,
                }
            })
            .collect();
        let mut rejected = self.read_rejected;
        rejected.append(&mut self.write_rejected);
        Ok(ImportReport {
            files,
            rejected,
            errors: Vec::new(),
            new_accounts: self.accounts.created,
            drafts: self.drafts,
            committed: false,
        })
    }

    /// Runs one write unless writing already stopped; keeps the first error.
    fn attempt(&mut self, write: impl FnOnce(&mut Self) -> Result<(), WorkspaceError>) {
        if self.failure.is_some() {
            return;
        }
        if let Err(error) = write(self) {
            self.failure = Some(error);
        }
    }

    /// Counts one record written, looking at the Cancel button now and then.
    fn tick(&mut self) -> Result<(), WorkspaceError> {
        self.written += 1;
        if self.written.is_multiple_of(RECORDS_BETWEEN_CHECKS) {
            self.progress.step(self.done, self.stage)?;
        }
        Ok(())
    }

    fn count(&mut self, file: &str) -> &mut ChangeCounts {
        let at = match self.per_file.iter().rposition(|(f, _)| f == file) {
            Some(at) => at,
            None => {
                self.per_file
                    .push((file.to_string(), ChangeCounts::default()));
                self.per_file.len() - 1
            }
        };
        &mut self.per_file[at].1
    }

    fn reject_write(&mut self, file: &str, line: usize, reason: String) {
        self.count(file).rejected += 1;
        self.write_rejected.push(Rejected {
            file: file.to_string(),
            line,
            reason,
        });
    }

    /// Rejects a row that names no account, in a file that names none either: the file gets
    /// one rejection that counts its rows (the cause and the cure are the same for each), at
    /// the line of its first such row.
    fn reject_unowned(&mut self, file: &str, line: usize) {
        self.count(file).rejected += 1;
        let rows = match self.unowned.get_mut(file) {
            Some((at, rows)) => {
                *rows += 1;
                let (at, rows) = (*at, *rows);
                self.write_rejected[at].reason = unowned_reason(rows, &self.siblings);
                return;
            }
            None => 1,
        };
        self.unowned
            .insert(file.to_string(), (self.write_rejected.len(), rows));
        self.write_rejected.push(Rejected {
            file: file.to_string(),
            line,
            reason: unowned_reason(rows, &self.siblings),
        });
    }

    /// Rejects a row (or, at line 0, a file) that names another account than the one given
    /// explicitly: one rejection per file, counting its rows, showing both handles.
    fn reject_contradicted(&mut self, file: &str, line: usize, named: &str) {
        self.count(file).rejected += 1;
        let chosen = self
            .options
            .account
            .as_ref()
            .map(Handle::to_string)
            .unwrap_or_default();
        let named = Handle::parse(named).map_or_else(|_| named.to_string(), |h| h.to_string());
        let reason = |rows: usize| {
            let what = if rows == 1 {
                "this row belongs".to_string()
            } else {
                format!("this row and {} more of the file belong", rows - 1)
            };
            format!(
                "{what} to {named}, but --account says {chosen}: leave out --account to import each file to the account it names, or pass --account {named}"
            )
        };
        if let Some((at, rows)) = self.contradicted.get_mut(file) {
            *rows += 1;
            let (at, rows) = (*at, *rows);
            self.write_rejected[at].reason = reason(rows);
            return;
        }
        self.contradicted
            .insert(file.to_string(), (self.write_rejected.len(), 1));
        self.write_rejected.push(Rejected {
            file: file.to_string(),
            line,
            reason: reason(1),
        });
    }

    /// With an explicit `--account`, a record or file naming another account is refused
    /// (true: rejected here).
    fn contradicts_choice(&mut self, file: &str, line: usize, named: Option<&str>) -> bool {
        let (Some(chosen), Some(named)) = (&self.options.account, named) else {
            return false;
        };
        if !self.options.account_must_match {
            return false;
        }
        let same = Handle::parse(named).is_ok_and(|h| h == *chosen);
        if !same {
            self.reject_contradicted(file, line, named);
        }
        !same
    }

    /// The account a file's records go to when a record does not say: the file's own hint
    /// (a ZIP's name, a history naming one account), else the one chosen for the import, else
    /// the one account the files imported with it name.
    fn file_handle_in(&self, summary: &FileSummary) -> Option<String> {
        summary
            .account_hint
            .clone()
            .or_else(|| self.chosen_or_sibling())
    }

    fn chosen_or_sibling(&self) -> Option<String> {
        match (&self.options.account, self.siblings.as_slice()) {
            (Some(chosen), _) => Some(chosen.as_str().to_string()),
            (None, [one]) => Some(one.trim_start_matches('@').to_string()),
            _ => None,
        }
    }

    fn file_handle(&self, file: &str) -> Option<String> {
        match self.summaries.iter().rev().find(|s| s.file == file) {
            Some(summary) => self.file_handle_in(summary),
            None => self.chosen_or_sibling(),
        }
    }

    /// Resolves the record's account (creating it once), or rejects the record when neither
    /// it, its file nor the options name one.
    fn account(
        &mut self,
        file: &str,
        line: usize,
        handle: Option<&str>,
    ) -> Result<Option<AccountId>, StoreError> {
        let Some(handle) = handle else {
            self.reject_unowned(file, line);
            return Ok(None);
        };
        let id = match self.accounts.resolve(self.batch, handle)? {
            Ok(id) => id,
            Err(error) => {
                self.reject_write(file, line, error.to_string());
                return Ok(None);
            }
        };
        if let Ok(handle) = Handle::parse(handle) {
            self.note_account(file, &handle);
        }
        Ok(Some(id))
    }

    /// Remembers, for each account a top-posts list (Studio's Content export) or a list of all
    /// posts ("Download your data") went to, how many posts it holds: forecasts correct the
    /// account's level for a top-posts list, knowing how many posts there are.
    fn note_top_lists(&mut self) -> Result<(), WorkspaceError> {
        for summary in &self.summaries {
            let (key, listed): (fn(AccountId) -> String, usize) = match summary.post_list {
                Some(PostList::MostViewed(n)) => (top_posts_key, n),
                Some(PostList::All(n)) => (known_posts_key, n),
                None => continue,
            };
            for shown in self.file_accounts.get(&summary.file).into_iter().flatten() {
                let Ok(handle) = Handle::parse(shown) else {
                    continue;
                };
                if let Some(account) = self.batch.find_account(&handle)? {
                    self.batch.set_setting(&key(account), &listed.to_string())?;
                }
            }
        }
        Ok(())
    }

    /// Adds `handle` to the accounts `file` went to, unless it is there (rows come grouped
    /// by account, so the last one is looked at first).
    fn note_account(&mut self, file: &str, handle: &Handle) {
        let shown = handle.to_string();
        let known = self.file_accounts.entry(file.to_string()).or_default();
        if !known.iter().rev().any(|k| *k == shown) {
            known.push(shown);
        }
    }

    fn file_account(&mut self, file: &str, line: usize) -> Result<Option<AccountId>, StoreError> {
        let handle = self.file_handle(file);
        self.account(file, line, handle.as_deref())
    }

    fn write_daily(&mut self, file: &str, m: &DailyMetrics) -> Result<(), WorkspaceError> {
        self.tick()?;
        if let Some(account) = self.file_account(file, 0)? {
            let change = self.batch.upsert_daily_metrics(account, m)?;
            self.count(file).count(change);
        }
        Ok(())
    }

    fn write_activity(&mut self, file: &str, a: &ActivityRecord) -> Result<(), WorkspaceError> {
        self.tick()?;
        if let Some(account) = self.file_account(file, 0)? {
            let change = self.batch.upsert_follower_activity(&FollowerActivity {
                account,
                date: a.date,
                hour: a.hour,
                active_followers: a.active_followers,
            })?;
            self.count(file).count(change);
        }
        Ok(())
    }

    fn write_share(&mut self, file: &str, s: &ShareRecord) -> Result<(), WorkspaceError> {
        self.tick()?;
        if let Some(account) = self.file_account(file, 0)? {
            let change = self.batch.upsert_audience_share(&AudienceShare {
                account,
                dimension: s.dimension,
                key: s.key.clone(),
                share: s.share,
                captured_on: s.captured_on,
            })?;
            self.count(file).count(change);
        }
        Ok(())
    }

    fn write_trend(&mut self, file: &str, t: &TrendRecord) -> Result<(), WorkspaceError> {
        self.tick()?;
        let id = self.batch.upsert_trend_item(&t.item)?;
        let added = self.batch.add_trend_capture(&TrendCapture {
            item: id,
            ..t.capture.clone()
        })?;
        let change = if added {
            Change::Added
        } else {
            Change::Unchanged
        };
        self.count(file).count(change);
        Ok(())
    }

    /// Writes a video; `file_handle` is the file's account for a row naming none (`None`:
    /// look it up from the file's summary).
    fn write_video(
        &mut self,
        file: &str,
        v: &VideoRecord,
        enrichment: bool,
        file_handle: Option<&str>,
    ) -> Result<(), WorkspaceError> {
        self.tick()?;
        let own = v.account.as_deref().and_then(named);
        if self.contradicts_choice(file, v.line, own) {
            return Ok(());
        }
        let looked_up;
        let handle = match own {
            Some(handle) => Some(handle),
            None if file_handle.is_some() => file_handle,
            None => {
                looked_up = self.file_handle(file);
                looked_up.as_deref()
            }
        };
        let Some(account) = self.account(file, v.line, handle)? else {
            return Ok(());
        };
        if self.videos.is_none() {
            self.videos = Some(self.batch.video_writes()?);
        }
        let Some(writes) = self.videos.as_mut() else {
            return Ok(());
        };
        match store_video(self.batch, writes, account, v, enrichment)? {
            Ok(change) => self.count(file).count(change),
            Err(reason) => self.reject_write(file, v.line, reason),
        }
        Ok(())
    }

    /// Writes every record of `c` (held for a file, or read before), in the order of the
    /// first import.
    fn write_held(&mut self, c: &Collected) {
        let enrichment = |s: &[FileSummary], file: &str| {
            s.iter()
                .any(|s| s.file == file && s.kind == ReportKind::AccountData)
        };
        for (file, m) in &c.daily {
            self.attempt(|w| w.write_daily(file, m));
        }
        for (file, a) in &c.activity {
            self.attempt(|w| w.write_activity(file, a));
        }
        for (file, s) in &c.shares {
            self.attempt(|w| w.write_share(file, s));
        }
        for (file, v) in &c.videos {
            let enrichment = enrichment(&self.summaries, file);
            self.attempt(|w| w.write_video(file, v, enrichment, None));
        }
        for (file, t) in &c.trends {
            self.attempt(|w| w.write_trend(file, t));
        }
        for (file, d) in &c.drafts {
            self.attempt(|w| w.write_draft(file, d));
        }
    }

    /// Writes a draft of a drafts CSV (and its plan entry), or rejects it with the reason.
    fn write_draft(&mut self, file: &str, d: &DraftRecord) -> Result<(), WorkspaceError> {
        self.tick()?;
        let handle = d
            .account
            .as_deref()
            .and_then(named)
            .map(str::to_string)
            .or_else(|| self.file_handle(file));
        let Some(account) = self.account(file, d.line, handle.as_deref())? else {
            return Ok(());
        };
        match store_draft(self.batch, account, d, self.options.imported_at)? {
            Ok(stored) => {
                self.count(file).count(stored.change);
                if let Some(note) = &stored.note
                    && let Some(summary) = self.summaries.iter_mut().rev().find(|s| s.file == file)
                {
                    summary.notes.push(format!("line {}: {note}", d.line));
                }
                let handle = handle
                    .as_deref()
                    .and_then(|h| Handle::parse(h).ok())
                    .expect("the row's account resolved, so it names a valid handle");
                self.drafts.push(DraftRow::new(file, &handle, d, stored));
            }
            Err(reason) => self.reject_write(file, d.line, reason),
        }
        Ok(())
    }

    fn is_streaming(&self, file: &str) -> bool {
        self.streaming.as_ref().is_some_and(|s| s.file == file)
    }
}

impl Sink for Writer<'_, '_> {
    fn file(&mut self, summary: FileSummary) {
        let file = summary.file.clone();
        self.summaries.push(summary);
        if self.is_streaming(&file) {
            let Some(streaming) = self.streaming.take() else {
                return;
            };
            for v in &streaming.waiting {
                self.attempt(|w| w.write_video(&file, v, false, None));
            }
            self.attempt(|w| Ok(w.batch.end_part()?));
            return;
        }
        let held = std::mem::take(&mut self.held);
        for r in &held.rejected {
            self.count(&r.file).rejected += 1;
        }
        self.read_rejected.extend(held.rejected.iter().cloned());
        let hint = self.summaries.last().and_then(|s| s.account_hint.clone());
        if self.contradicts_choice(&file, 0, hint.as_deref()) {
            return;
        }
        if hint.is_none() && self.options.account.is_none() && named_accounts(&held).is_empty() {
            // Its siblings may name the account: written once every file was read.
            self.orphans.append(held);
            return;
        }
        self.write_held(&held);
    }

    fn daily(&mut self, file: &str, metrics: DailyMetrics) {
        self.held.daily(file, metrics);
    }

    fn video(&mut self, file: &str, video: VideoRecord) {
        let Some(streaming) = self.streaming.as_mut().filter(|s| s.file == file) else {
            return self.held.video(file, video);
        };
        let is_named = video.account.as_deref().and_then(named).is_some();
        if !is_named && streaming.rows_name_accounts {
            return streaming.waiting.push(video);
        }
        // No row of the file names an account, so the file has no hint of its own.
        let chosen = self.options.account.as_ref().map(Handle::as_str);
        self.attempt(|w| w.write_video(file, &video, false, chosen));
    }

    fn activity(&mut self, file: &str, hour: ActivityRecord) {
        self.held.activity(file, hour);
    }

    fn share(&mut self, file: &str, share: ShareRecord) {
        self.held.share(file, share);
    }

    fn trend(&mut self, file: &str, trend: TrendRecord) {
        self.held.trend(file, trend);
    }

    fn draft(&mut self, file: &str, draft: DraftRecord) {
        self.held.draft(file, draft);
    }

    fn reject(&mut self, rejected: Rejected) {
        if self.is_streaming(&rejected.file) {
            self.count(&rejected.file).rejected += 1;
            self.read_rejected.push(rejected);
        } else {
            self.held.reject(rejected);
        }
    }

    fn discard(&mut self, file: &str) {
        self.held.discard(file);
        let Some(streaming) = self.streaming.take_if(|s| s.file == file) else {
            return;
        };
        let before = *streaming.before;
        self.accounts = before.accounts;
        self.read_rejected.truncate(before.read_rejected);
        self.write_rejected.truncate(before.write_rejected);
        self.per_file.retain(|(f, _)| f != file);
        self.file_accounts.remove(file);
        self.unowned.remove(file);
        if self.failure.is_none()
            && let Err(error) = self.batch.undo_part()
        {
            self.failure = Some(error.into());
        }
    }

    fn streaming(&mut self, file: &str, kind: ReportKind, rows_name_accounts: bool) {
        if kind != ReportKind::GenericHistory || self.failure.is_some() {
            return;
        }
        if let Err(error) = self.batch.begin_part() {
            self.failure = Some(error.into());
            return;
        }
        self.streaming = Some(Streaming {
            file: file.to_string(),
            rows_name_accounts,
            waiting: Vec::new(),
            before: Box::new(Before {
                accounts: self.accounts.clone(),
                read_rejected: self.read_rejected.len(),
                write_rejected: self.write_rejected.len(),
            }),
        });
    }

    fn keep_going(&mut self, _file: &str, done: f32) -> bool {
        self.done = done;
        if self.failure.is_none()
            && let Err(cancelled) = self.progress.step(done, self.stage)
        {
            self.failure = Some(cancelled.into());
        }
        self.failure.is_none()
    }
}

/// The accounts a collection's files and rows name (`@handle`, first met first).
fn named_accounts(c: &Collected) -> Vec<String> {
    let hints = c.files.iter().filter_map(|f| f.account_hint.as_deref());
    let videos = c.videos.iter().filter_map(|(_, v)| v.account.as_deref());
    let drafts = c.drafts.iter().filter_map(|(_, d)| d.account.as_deref());
    let mut found: Vec<String> = Vec::new();
    for handle in hints.chain(videos).chain(drafts) {
        if let Ok(handle) = Handle::parse(handle) {
            let shown = handle.to_string();
            if !found.contains(&shown) {
                found.push(shown);
            }
        }
    }
    found
}

/// Why the rows of a file naming no account were refused; `rows` of them, among files that
/// name `siblings`.
fn unowned_reason(rows: usize, siblings: &[String]) -> String {
    let what = if rows == 1 {
        "this row does not say which account it belongs to".to_string()
    } else {
        format!(
            "this row and {} more of the file do not say which account they belong to",
            rows - 1
        )
    };
    if siblings.len() > 1 {
        return format!(
            "{what}, and the files imported with it name several ({}): import it on its own with --account HANDLE (in the window: choose the account for files without one)",
            siblings.join(", ")
        );
    }
    format!(
        "{what}, and neither do the file or the files imported with it: choose the account (--account HANDLE; in the window: the account for files without one)"
    )
}

/// FNV-1a of the parts, for videos that come without TikTok's id.
fn derived_id(parts: &[&str]) -> String {
    format!("derived-{:016x}", hash_parts(parts))
}

/// Stores one video record; `Err(reason)` rejects the row.
fn store_video(
    batch: &Batch<'_>,
    writes: &mut VideoWrites<'_>,
    account: AccountId,
    v: &VideoRecord,
    enrichment_only: bool,
) -> Result<Result<Change, String>, StoreError> {
    let derived;
    let platform_id = match (&v.platform_id, v.posted_at) {
        (Some(id), _) if !id.trim().is_empty() => id.trim(),
        (_, Some(at)) => {
            derived = derived_id(&[&at.to_rfc3339(), v.caption.as_deref().unwrap_or("")]);
            derived.as_str()
        }
        _ => {
            return Ok(Err(
                "no video id, link or post time to tell which video this is".into(),
            ));
        }
    };
    // Only enrichment and a missing post time need to know whether the video is stored.
    let existing = if enrichment_only || v.posted_at.is_none() {
        batch.find_video(account, platform_id)?
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
    let video = VideoFields {
        account,
        platform_id,
        posted_at,
        caption: v.caption.as_deref().unwrap_or_default(),
        hashtags: &v.hashtags,
        duration_s: v.duration_s,
        sound: v.sound.as_deref(),
        link: v.link.as_deref(),
        allow_duet: v.allow_duet,
        allow_stitch: v.allow_stitch,
        allow_comments: v.allow_comments,
    };
    let (id, mut change) = writes.upsert(&video)?;
    if let Some(s) = &v.snapshot {
        let added = writes.add_snapshot(&s.for_video(id))?;
        if added && change == Change::Unchanged {
            change = Change::Updated;
        }
    }
    Ok(Ok(change))
}
