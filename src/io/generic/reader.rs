//! Streams a video-history CSV through a [`Mapping`] into a [`Sink`]: one [`VideoRecord`]
//! (with its count snapshot) per row, a [`Rejected`] entry with file, line and reason for each
//! row that cannot be read, and one [`FileSummary`] with what the preview must say.
//!
//! It reads rows one at a time into one reused CSV record, so a million-row file costs the
//! records and nothing more; it never stops at a bad row, and never writes anywhere but the sink.
//!
//! [`VideoRecord`]: crate::io::VideoRecord

use chrono::{DateTime, Utc};

use super::lengths::row_too_long;
use super::mapping::{Field, Mapping};
use super::row::{Tally, read_row};
use crate::io::csv_table::{ChunkedRows, CsvRows, Row, RowSource, TableError};
use crate::io::text::{Decoded, Encoding, decode};
use crate::io::{FileSummary, ImportError, Rejected, ReportKind, Sink};
use crate::text::thousands;

/// How to read a video-history file.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryOptions {
    /// When the counts were measured, for files without a measured-at column (or an empty
    /// cell in it): the import time.
    pub import_time: DateTime<Utc>,
    /// Columns chosen by the user (`--map FIELD=COLUMN`), applied over the suggestions in order;
    /// an empty column drops the field.
    pub overrides: Vec<(Field, String)>,
}

impl HistoryOptions {
    /// Suggested columns only, counts measured at `import_time` unless the file says.
    pub fn at(import_time: DateTime<Utc>) -> HistoryOptions {
        HistoryOptions {
            import_time,
            overrides: Vec::new(),
        }
    }
}

/// Whether a header looks like a video history: a views column and a video id or link column.
/// For recognising dropped files by their header; a sheet told apart by post time alone
/// (`Date`, `Views` could be Overview.csv) is read only when the user says it is a history.
pub fn recognises<S: AsRef<str>>(headers: &[S]) -> bool {
    let mapping = Mapping::suggest(headers);
    let identified = [Field::VideoId, Field::Link]
        .into_iter()
        .any(|f| mapping.column(f).is_some());
    mapping.column(Field::Views).is_some() && identified
}

/// The suggested mapping for a file, read from its header only (for the preview's choices).
pub fn suggest_mapping(file: &str, bytes: &[u8]) -> Result<Mapping, ImportError> {
    let decoded = decode(bytes).map_err(|e| unreadable(file, e.to_string()))?;
    let rows = open_rows(file, &decoded)?;
    Ok(Mapping::suggest(&rows.headers))
}

/// Reads every row of a video-history CSV into `sink`. The file is refused as a whole (and
/// whatever it pushed is [discarded](Sink::discard)) when it is not text, has no header, no
/// column tells its videos apart, or its quoting is broken.
pub fn read_history(
    file: &str,
    bytes: &[u8],
    options: &HistoryOptions,
    sink: &mut dyn Sink,
) -> Result<(), ImportError> {
    let decoded = decode(bytes).map_err(|e| unreadable(file, e.to_string()))?;
    read_history_text(file, &decoded, options, sink)
}

/// [`read_history`] for text already decoded (the importer decoded it to recognise it).
pub fn read_history_text(
    file: &str,
    decoded: &Decoded,
    options: &HistoryOptions,
    sink: &mut dyn Sink,
) -> Result<(), ImportError> {
    let mut rows = open_rows(file, decoded)?;
    let headers = std::mem::take(&mut rows.headers);
    read_rows(file, &mut rows, &headers, decoded.encoding, options, sink)
}

/// [`read_history`] for a file read from disk piece by piece (a history too big to hold).
pub fn read_history_rows(
    file: &str,
    rows: &mut ChunkedRows,
    options: &HistoryOptions,
    sink: &mut dyn Sink,
) -> Result<(), ImportError> {
    let headers = std::mem::take(&mut rows.headers);
    let encoding = rows.encoding;
    let result = read_rows(file, rows, &headers, encoding, options, sink);
    rows.headers = headers;
    result
}

/// How many rows are read between asking the sink whether to go on.
const ROWS_BETWEEN_CHECKS: usize = 4096;

fn read_rows(
    file: &str,
    rows: &mut dyn RowSource,
    headers: &[String],
    encoding: Encoding,
    options: &HistoryOptions,
    sink: &mut dyn Sink,
) -> Result<(), ImportError> {
    let mut mapping = Mapping::suggest(headers);
    mapping
        .apply(&options.overrides)
        .map_err(|e| unreadable(file, e.to_string()))?;
    mapping.check().map_err(|e| ImportError::NotRecognised {
        file: file.to_string(),
        detail: e.to_string(),
    })?;
    let rows_name_accounts =
        mapping.column(Field::Account).is_some() || mapping.column(Field::Link).is_some();
    sink.streaming(file, ReportKind::GenericHistory, rows_name_accounts);
    let width = headers.len();
    let mut tally = Tally::default();
    let mut spare_tags = Vec::new();
    let (mut read, mut skipped, mut rejected) = (0, 0, 0);
    let mut row = Row::default();
    let mut seen = 0usize;
    loop {
        seen += 1;
        if seen.is_multiple_of(ROWS_BETWEEN_CHECKS) && !sink.keep_going(file, rows.done()) {
            return Ok(());
        }
        match rows.read_into(&mut row) {
            Ok(true) => {}
            Ok(false) => break,
            Err(TableError::RowTooLong {
                line,
                column,
                chars,
            }) => {
                rejected += 1;
                sink.reject(Rejected {
                    file: file.to_string(),
                    line,
                    reason: row_too_long(&mapping, column, chars),
                });
                continue;
            }
            Err(error) => {
                sink.discard(file);
                return Err(table_error(file, error));
            }
        }
        if row.is_blank() {
            skipped += 1;
            continue;
        }
        let video = if row.len() == width {
            let mut record = sink.spare_video().unwrap_or_default();
            read_row(
                &row,
                &mapping,
                options.import_time,
                &mut tally,
                &mut spare_tags,
                &mut record,
            )
            .map(|()| record)
        } else {
            Err(format!(
                "the row has {} cells but the header has {} columns (a quote or separator may be missing)",
                row.len(),
                width
            ))
        };
        match video {
            Ok(video) => {
                read += 1;
                sink.video(file, video);
            }
            Err(reason) => {
                rejected += 1;
                sink.reject(Rejected {
                    file: file.to_string(),
                    line: row.line(),
                    reason,
                });
            }
        }
    }
    let notes = notes(encoding, &mapping, &tally, options, read + rejected);
    sink.file(FileSummary {
        file: file.to_string(),
        kind: ReportKind::GenericHistory,
        encoding: encoding.label().to_string(),
        account_hint: match tally.accounts.len() {
            1 => tally.accounts.iter().next().cloned(),
            _ => None,
        },
        export_date: None,
        export_date_source: None,
        first_date: tally.first_post,
        last_date: tally.last_post,
        rows: read,
        skipped,
        rejected,
        notes,
        post_list: None,
    });
    Ok(())
}

/// What the user should know about the file besides its rows.
fn notes(
    encoding: Encoding,
    mapping: &Mapping,
    tally: &Tally,
    options: &HistoryOptions,
    rows: usize,
) -> Vec<String> {
    let mut notes: Vec<String> = encoding.note().into_iter().collect();
    notes.push(format!("columns read: {}", mapping.describe()));
    let ignored = mapping.ignored_columns();
    if !ignored.is_empty() {
        notes.push(format!("columns ignored: {}", ignored.join(", ")));
    }
    if rows == 0 {
        notes.push("the file has a header but no rows".into());
    }
    if mapping.column(Field::MeasuredAt).is_none() {
        let at = options.import_time.format("%Y-%m-%d %H:%M UTC");
        notes.push(format!(
            "no measured-at column: counts are taken as measured at {at}"
        ));
    }
    if tally.ids_without_precision > 0 {
        notes.push(format!(
            "{} video ids were written as floats (like 7.47e+18) and lost their last digits; those videos are identified by their link or post time instead",
            tally.ids_without_precision
        ));
    }
    if tally.post_times_from_ids > 0 {
        notes.push(format!(
            "{} post times were read from the video id (TikTok ids hold the post second)",
            tally.post_times_from_ids
        ));
    }
    if tally.yearless_post_times > 0 {
        notes.push(format!(
            "{} post dates had no year: each was placed in the year before its measurement",
            tally.yearless_post_times
        ));
    }
    if tally.rows_without_views > 0 {
        notes.push(format!(
            "{} rows have no views: their videos are kept without a count snapshot",
            thousands(tally.rows_without_views as i64)
        ));
    }
    if tally.accounts.len() > 1 {
        let names = tally.first_accounts(5);
        let more = tally.accounts.len().saturating_sub(names.len());
        let more = if more > 0 {
            format!(" and {} more", thousands(more as i64))
        } else {
            String::new()
        };
        notes.push(format!(
            "{} accounts: {}{more}",
            thousands(tally.accounts.len() as i64),
            names.join(", ")
        ));
    }
    notes
}

/// The file's rows, its header read.
pub(crate) fn open_rows<'a>(file: &str, decoded: &'a Decoded) -> Result<CsvRows<'a>, ImportError> {
    CsvRows::open(&decoded.text, decoded.delimiter, decoded.first_line)
        .map_err(|e| table_error(file, e))
}

/// A whole-file CSV error, naming the line when there is one.
pub(crate) fn table_error(file: &str, error: TableError) -> ImportError {
    match error {
        TableError::Malformed { line, reason } => ImportError::AtLine {
            file: file.to_string(),
            line,
            reason,
        },
        TableError::RowTooLong { line, .. } => ImportError::AtLine {
            file: file.to_string(),
            line,
            reason: error.to_string(),
        },
        TableError::NoHeader => unreadable(file, error.to_string()),
    }
}

fn unreadable(file: &str, reason: String) -> ImportError {
    ImportError::Unreadable {
        file: file.to_string(),
        reason,
    }
}
