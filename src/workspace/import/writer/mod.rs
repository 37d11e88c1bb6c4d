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
//!
//! One file a part: this one holds the writer and its tally; `sink.rs` how pushed records are
//! held, streamed or discarded; `accounts.rs` which account a record goes to; `records.rs`
//! the writes of each kind of record; `refusals.rs` why a row is refused.

mod accounts;
mod records;
mod refusals;
mod sink;

use std::collections::HashMap;

use super::{ChangeCounts, FileReport, ImportOptions, ImportReport};
use crate::domain::Handle;
use crate::io::{Collected, FileSummary, Rejected, SpareVideos};
use crate::quick_hash::QuickHashing;
use crate::store::{Batch, VideoWrites};
use crate::workspace::draft_import::DraftRow;
use crate::workspace::{Progress, WorkspaceError};
use accounts::{Accounts, FileAccounts, named_accounts};
use sink::Streaming;

/// How many records are written between looks at the Cancel button.
const RECORDS_BETWEEN_CHECKS: usize = 2048;

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
    /// Per file, the accounts its rows went to.
    file_accounts: HashMap<String, FileAccounts, QuickHashing>,
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
    /// Records of streamed rows already written, to be filled again by the readers.
    spare_videos: SpareVideos,
    /// Prepared at the first video and reused for the rest.
    videos: Option<VideoWrites<'w>>,
    failure: Option<WorkspaceError>,
    written: usize,
    done: f32,
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
            accounts: Accounts::new(options.new_account_zone),
            summaries: Vec::new(),
            per_file: Vec::new(),
            file_accounts: HashMap::default(),
            read_rejected: Vec::new(),
            write_rejected: Vec::new(),
            unowned: HashMap::new(),
            contradicted: HashMap::new(),
            siblings: Vec::new(),
            orphans: Collected::default(),
            held: Collected::default(),
            drafts: Vec::new(),
            streaming: None,
            spare_videos: Vec::new(),
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
                for a in self
                    .file_accounts
                    .get(&summary.file)
                    .into_iter()
                    .flat_map(|f| &f.shown)
                {
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
                    Some(accounts) => accounts.shown.clone(),
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
    pub(super) fn attempt(&mut self, write: impl FnOnce(&mut Self) -> Result<(), WorkspaceError>) {
        if self.failure.is_some() {
            return;
        }
        if let Err(error) = write(self) {
            self.failure = Some(error);
        }
    }

    /// Counts one record written, looking at the Cancel button now and then.
    pub(super) fn tick(&mut self) -> Result<(), WorkspaceError> {
        self.written += 1;
        if self.written.is_multiple_of(RECORDS_BETWEEN_CHECKS) {
            self.progress.step(self.done, self.stage)?;
        }
        Ok(())
    }

    pub(super) fn count(&mut self, file: &str) -> &mut ChangeCounts {
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

    pub(super) fn is_streaming(&self, file: &str) -> bool {
        self.streaming.as_ref().is_some_and(|s| s.file == file)
    }
}
