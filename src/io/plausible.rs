//! The bounds every imported record is held to, whichever reader made it: counts are not
//! below zero, a video lasts at most a day, a video is posted and measured within TikTok's
//! lifetime (not before September 2016, not more than a day after the export or the import),
//! and a snapshot is never measured before its video was posted.
//!
//! [`Checked`] stands between the readers and the sink in [`crate::io::read_paths`] and
//! [`crate::io::read_bytes`], so no reader can forget a check and the window, the command line
//! and the tests all get the same ones. A record out of bounds becomes a rejected row (file,
//! line, every reason) and goes no further; the `--skip-bad-rows` rules then apply as for any
//! row a reader refused. It never changes a value to make it fit.
//!
//! TikTok's own exports may count comments below zero (deleted comments are taken off a total
//! or a day), so comments from a Studio report, and daily metrics, keep their sign; a video
//! history (a table people or tools wrote) may have no count below zero.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::{
    ActivityRecord, DraftRecord, FileSummary, Rejected, ReportKind, ShareRecord, Sink, TrendRecord,
    VideoRecord,
};
use crate::domain::DailyMetrics;
use crate::quick_hash::QuickHashing;

/// The longest video taken, in seconds: a day. TikTok takes uploads of up to an hour today;
/// a duration of days is a misread column (milliseconds read as seconds, a date).
pub const LONGEST_VIDEO_S: f32 = 24.0 * 3600.0;

/// The first day a TikTok (or Douyin) video can have been posted: Douyin opened in September
/// 2016.
pub fn first_post_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2016, 9, 1).expect("1 September 2016 is a day")
}

/// How far past the export (or the import) a post or a measurement may lie: clocks and time
/// zones differ by up to a day.
const SLACK: Duration = Duration::days(1);

/// Where a video record comes from, for the one count whose sign depends on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// TikTok's own export (a Studio report): it takes deleted comments off a video's total,
    /// which can then be below zero (FORMATS.md, section 1). Those are kept as TikTok says.
    TikTok,
    /// A table people or tools wrote (a video history): no count may be below zero.
    Table,
}

/// Why a video record is out of bounds (each reason, in the record's order), judged at `now`
/// when the record has no measurement of its own to compare with.
pub fn video_problems(video: &VideoRecord, source: Source, now: DateTime<Utc>) -> Vec<String> {
    let mut problems = Vec::new();
    if let Some(snapshot) = &video.snapshot {
        let comments = snapshot.comments.filter(|_| source == Source::Table);
        let counts = [
            ("views", Some(snapshot.views)),
            ("likes", snapshot.likes),
            ("comments", comments),
            ("shares", snapshot.shares),
            ("saves", snapshot.saves),
        ];
        for (name, count) in counts {
            if let Some(count) = count.filter(|c| *c < 0) {
                problems.push(negative(name, count));
            }
        }
    }
    if let Some(followers) = video.followers.filter(|f| *f < 0) {
        problems.push(negative("followers", followers));
    }
    if let Some(problem) = video.duration_s.and_then(duration_problem) {
        problems.push(problem);
    }
    let measured = video.snapshot.as_ref().map(|s| s.captured_at);
    if let Some(at) = measured {
        problems.extend(time_problem("measured", at, now, "the import"));
    }
    if let Some(posted) = video.posted_at {
        match time_problem("posted", posted, now, "the import") {
            Some(problem) => problems.push(problem),
            // A snapshot is the export's own clock: a post after it is one of the two wrong.
            None => {
                if let Some(at) = measured.filter(|at| *at < posted) {
                    problems.push(format!(
                        "measured {}, before the video was posted ({}): the measured-at and post times cannot both be right",
                        shown(at),
                        shown(posted)
                    ));
                }
            }
        }
    }
    problems
}

fn negative(name: &str, count: i64) -> String {
    format!("{name} is {count}: a count cannot be below zero; fix the cell or leave it empty")
}

fn duration_problem(seconds: f32) -> Option<String> {
    if seconds.is_finite() && (0.0..=LONGEST_VIDEO_S).contains(&seconds) {
        return None;
    }
    let days = f64::from(seconds) / 86_400.0;
    Some(format!(
        "a duration of {seconds} s ({days:.1} days) is not a video's length: Scrollstop takes videos of up to 24 hours; check that the column holds seconds or mm:ss"
    ))
}

/// A post or measurement time before TikTok existed, or more than a day after `reference`.
fn time_problem(
    what: &str,
    at: DateTime<Utc>,
    reference: DateTime<Utc>,
    reference_is: &str,
) -> Option<String> {
    let first = first_post_day();
    if at.date_naive() < first {
        return Some(format!(
            "{what} {}, before TikTok existed (September 2016): check the date column",
            shown(at)
        ));
    }
    if at > reference + SLACK {
        return Some(format!(
            "{what} {}, more than a day after {reference_is} ({}): check the date column",
            shown(at),
            shown(reference)
        ));
    }
    None
}

fn shown(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%d %H:%M UTC").to_string()
}

/// A sink that holds every record to the bounds before passing it on to `inner`.
pub struct Checked<'s> {
    inner: &'s mut dyn Sink,
    now: DateTime<Utc>,
    /// Rows this check refused, by file, to correct the file's summary.
    refused: HashMap<String, usize>,
    /// Files that said they are video histories (see [`Source`]).
    tables: HashSet<String, QuickHashing>,
}

impl<'s> Checked<'s> {
    /// Checks what is pushed into `inner`; `now` stands in for the time of measurement of
    /// records that carry none.
    pub fn new(inner: &'s mut dyn Sink, now: DateTime<Utc>) -> Self {
        Checked {
            inner,
            now,
            refused: HashMap::new(),
            tables: HashSet::default(),
        }
    }

    /// Passes the record on when `problems` is empty, else rejects its row.
    fn pass(&mut self, file: &str, line: usize, problems: Vec<String>) -> bool {
        if problems.is_empty() {
            return true;
        }
        *self.refused.entry(file.to_string()).or_default() += 1;
        self.inner.reject(Rejected {
            file: file.to_string(),
            line,
            reason: problems.join("; "),
        });
        false
    }
}

impl Sink for Checked<'_> {
    fn file(&mut self, mut summary: FileSummary) {
        if let Some(refused) = self.refused.remove(&summary.file) {
            summary.rows = summary.rows.saturating_sub(refused);
            summary.rejected += refused;
        }
        self.inner.file(summary);
    }
    fn daily(&mut self, file: &str, metrics: DailyMetrics) {
        self.inner.daily(file, metrics);
    }
    fn video(&mut self, file: &str, video: Box<VideoRecord>) {
        let source = if self.tables.contains(file) {
            Source::Table
        } else {
            Source::TikTok
        };
        let problems = video_problems(&video, source, self.now);
        if self.pass(file, video.line, problems) {
            self.inner.video(file, video);
        }
    }
    fn spare_video(&mut self) -> Option<Box<VideoRecord>> {
        self.inner.spare_video()
    }
    fn activity(&mut self, file: &str, hour: ActivityRecord) {
        self.inner.activity(file, hour);
    }
    fn share(&mut self, file: &str, share: ShareRecord) {
        self.inner.share(file, share);
    }
    fn trend(&mut self, file: &str, trend: TrendRecord) {
        self.inner.trend(file, trend);
    }
    fn draft(&mut self, file: &str, draft: DraftRecord) {
        // The drafts reader holds durations to TikTok's hour itself.
        self.inner.draft(file, draft);
    }
    fn reject(&mut self, rejected: Rejected) {
        self.inner.reject(rejected);
    }
    fn discard(&mut self, file: &str) {
        self.refused.remove(file);
        self.inner.discard(file);
    }
    fn streaming(&mut self, file: &str, kind: ReportKind, rows_name_accounts: bool) {
        if kind == ReportKind::GenericHistory {
            self.tables.insert(file.to_string());
        }
        self.inner.streaming(file, kind, rows_name_accounts);
    }
    fn keep_going(&mut self, file: &str, done: f32) -> bool {
        self.inner.keep_going(file, done)
    }
}

#[cfg(test)]
mod tests;
