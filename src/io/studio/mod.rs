//! TikTok Studio's seven analytics reports (Overview, Content, Viewers, FollowerHistory,
//! FollowerActivity, FollowerGender, FollowerTopTerritories), one reader per report as in
//! atuin's importers: each turns a [`Table`] into records pushed into a [`Sink`], with a
//! [`FileSummary`] and a [`Rejected`] entry for every row it could not read.
//!
//! A report is recognised by its header ([`detect`]), never by its file name. A reader never
//! touches the workspace, never makes up a year, a count or a date, and pushes nothing from a
//! file it refuses as a whole (it parses everything first, then pushes).

mod columns;
mod content;
mod daily;
mod detect;
mod follower_activity;
mod follower_gender;
mod follower_history;
mod follower_territories;
mod overview;
mod shares;
mod viewers;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

pub use detect::detect;

use crate::domain::DailyMetrics;
use crate::io::csv_table::Table;
use crate::io::dates::PlaceError;
use crate::io::{
    ActivityRecord, FileSummary, ImportError, Rejected, ReportKind, ShareRecord, Sink, VideoRecord,
};

pub(crate) use content::{posted_at_from_id, video_id_in_link};

/// 2016-01-01 00:00 UTC, in Unix seconds: TikTok launched in 2016, so an earlier instant (a ZIP
/// entry's 1980 "zero", a small number in a name or an id) is no TikTok time at all.
pub(crate) const FIRST_TIKTOK_SECOND: i64 = 1_451_606_400;

/// What is known about when a file was exported, from outside its rows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExportClues {
    /// An exact instant the file's container states (the epoch in an Overview ZIP's name).
    pub stated: Option<DateTime<Utc>>,
    /// The export date the user gave.
    pub given: Option<NaiveDate>,
    /// When the file was last modified (the ZIP entry's time for a file inside a ZIP).
    pub modified: Option<DateTime<Utc>>,
}

/// The date yearless dates are placed from, and where it came from (for the preview).
#[derive(Debug, Clone, PartialEq)]
pub struct ExportDate {
    pub date: NaiveDate,
    /// The exact instant, when a source gave one for this date.
    pub instant: Option<DateTime<Utc>>,
    pub source: String,
}

impl ExportClues {
    /// The best export date: stated by the container, else given by the user, else the
    /// modification time. `None` means the user must be asked.
    pub fn export_date(&self) -> Option<ExportDate> {
        if let Some(stated) = self.stated {
            return Some(ExportDate {
                date: stated.date_naive(),
                instant: Some(stated),
                source: "the date in the ZIP file's name".to_string(),
            });
        }
        let dated = |date: NaiveDate, source: &str| ExportDate {
            date,
            instant: None,
            source: source.to_string(),
        };
        if let Some(given) = self.given {
            return Some(dated(given, "the export date you gave"));
        }
        self.modified
            .map(|m| dated(m.date_naive(), "the file's modification time"))
    }

    /// The stated export instant, when it falls on `date`. Modification times are never used
    /// as instants: copying a file changes them, and a snapshot must not move when re-imported.
    pub fn instant_on(&self, date: NaiveDate) -> Option<DateTime<Utc>> {
        self.stated.filter(|i| i.date_naive() == date)
    }
}

impl ExportDate {
    /// The instant a snapshot was taken: the stated one if known, else noon UTC of the date
    /// (off by at most half a day in most zones, and the same on every re-import), never
    /// before `not_before` (the newest post).
    pub fn capture_instant(&self, not_before: Option<DateTime<Utc>>) -> DateTime<Utc> {
        let noon = self
            .date
            .and_time(NaiveTime::from_hms_opt(12, 0, 0).expect("noon is a time of day"));
        let instant = self.instant.unwrap_or_else(|| noon.and_utc());
        not_before.map_or(instant, |post| instant.max(post))
    }
}

/// One Studio file to read: its table and what is known about it from outside.
#[derive(Debug, Clone)]
pub struct StudioFile<'a> {
    /// The file as the user knows it (`Followers_x.zip/FollowerActivity.csv`).
    pub file: &'a str,
    pub table: &'a Table,
    /// `UTF-8 with BOM`, `XLSX`, ...
    pub encoding: &'a str,
    pub account_hint: Option<&'a str>,
    pub clues: &'a ExportClues,
    /// Notes from opening the file (the encoding used, ...).
    pub notes: &'a [String],
}

/// A record read from a report, held back until the whole file has been read.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Record {
    Daily(DailyMetrics),
    Video(VideoRecord),
    Activity(ActivityRecord),
    Share(ShareRecord),
}

/// What a report reader made of a file, before anything is pushed.
#[derive(Debug, Default)]
pub(crate) struct Parsed {
    pub records: Vec<Record>,
    pub rejected: Vec<(usize, String)>,
    pub skipped: usize,
    pub dates: Vec<NaiveDate>,
    pub export_date: Option<ExportDate>,
    pub notes: Vec<String>,
    /// See [`FileSummary::post_list`].
    pub post_list: Option<crate::io::PostList>,
}

impl Parsed {
    pub fn reject(&mut self, line: usize, reason: impl Into<String>) {
        self.rejected.push((line, reason.into()));
    }
}

/// Reads one Studio report into `sink`: records, rejections, then the file's summary. A file
/// refused as a whole pushes nothing.
pub fn read_report(
    kind: ReportKind,
    input: &StudioFile<'_>,
    sink: &mut dyn Sink,
) -> Result<(), ImportError> {
    let parsed = match kind {
        ReportKind::Overview => overview::read(input),
        ReportKind::Content => content::read(input),
        ReportKind::Viewers => viewers::read(input),
        ReportKind::FollowerHistory => follower_history::read(input),
        ReportKind::FollowerActivity => follower_activity::read(input),
        ReportKind::FollowerGender => follower_gender::read(input),
        ReportKind::FollowerTopTerritories => follower_territories::read(input),
        other => {
            return Err(ImportError::NotRecognised {
                file: input.file.to_string(),
                detail: format!("{} is not a TikTok Studio report", other.label()),
            });
        }
    }?;
    let rows = parsed.records.len();
    for record in parsed.records {
        match record {
            Record::Daily(metrics) => sink.daily(input.file, metrics),
            Record::Video(video) => sink.video(input.file, Box::new(video)),
            Record::Activity(hour) => sink.activity(input.file, hour),
            Record::Share(share) => sink.share(input.file, share),
        }
    }
    let rejected = parsed.rejected.len();
    for (line, reason) in parsed.rejected {
        sink.reject(Rejected {
            file: input.file.to_string(),
            line,
            reason,
        });
    }
    let mut notes = input.notes.to_vec();
    notes.extend(parsed.notes);
    sink.file(FileSummary {
        file: input.file.to_string(),
        kind,
        encoding: input.encoding.to_string(),
        account_hint: input.account_hint.map(str::to_string),
        export_date: parsed.export_date.as_ref().map(|e| e.date),
        export_date_source: parsed.export_date.map(|e| e.source),
        first_date: parsed.dates.iter().min().copied(),
        last_date: parsed.dates.iter().max().copied(),
        rows,
        skipped: parsed.skipped,
        rejected,
        notes,
        post_list: parsed.post_list,
    });
    Ok(())
}

/// The whole-file error for dates that cannot be placed in a year.
pub(crate) fn unplaceable(file: &str, err: &PlaceError) -> ImportError {
    let (line, reason) = match err {
        PlaceError::NoExportDate { line } => (
            *line,
            "the dates have no year and Scrollstop cannot tell when the file was exported; give the export date and import again".to_string(),
        ),
        PlaceError::CannotPlace { line, reason } => {
            (*line, format!("the date cannot be placed in a year: {reason}"))
        }
    };
    ImportError::AtLine {
        file: file.to_string(),
        line,
        reason,
    }
}

#[cfg(test)]
mod tests;
