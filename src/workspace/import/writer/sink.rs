//! How pushed records flow into the writer: a streaming file's rows are written at once
//! (inside a savepoint of their file, undone alone when the file is discarded), other files'
//! records are held until their summary names the account, and a file naming none waits for
//! its siblings.

use super::Writer;
use super::accounts::{Accounts, named, named_accounts};
use crate::domain::{DailyMetrics, Handle};
use crate::io::{
    ActivityRecord, DraftRecord, FileSummary, Rejected, ReportKind, ShareRecord, Sink, TrendRecord,
    VideoRecord,
};

/// How many written rows' records the writer keeps for [`Sink::spare_video`] at most.
const SPARE_VIDEOS: usize = 1024;

/// A file whose rows are written as they are read.
pub(super) struct Streaming {
    pub(super) file: String,
    rows_name_accounts: bool,
    /// Rows naming no account in a file whose rows may: they wait for the summary's hint.
    waiting: Vec<VideoRecord>,
    /// What the tally was before the file, for [`Sink::discard`].
    before: Box<Before>,
}

pub(super) struct Before {
    accounts: Accounts,
    read_rejected: usize,
    write_rejected: usize,
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

    fn video(&mut self, file: &str, video: Box<VideoRecord>) {
        let Some(streaming) = self.streaming.as_mut().filter(|s| s.file == file) else {
            return self.held.video(file, video);
        };
        let is_named = video.account.as_deref().and_then(named).is_some();
        if !is_named && streaming.rows_name_accounts {
            return streaming.waiting.push(*video);
        }
        // No row of the file names an account, so the file has no hint of its own.
        let chosen = self.options.account.as_ref().map(Handle::as_str);
        self.attempt(|w| w.write_video(file, &video, false, chosen));
        if self.spare_videos.len() < SPARE_VIDEOS {
            self.spare_videos.push(video);
        }
    }

    fn spare_video(&mut self) -> Option<Box<VideoRecord>> {
        self.spare_videos.pop()
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
