//! Drafts CSV (README, "Drafts CSV"): planned videos typed up in a spreadsheet, one draft per
//! row. The file is recognised by its header (a caption column and a title or hook column,
//! and no views column, which would make it a video history); header names are compared
//! without case, spaces or punctuation, and unknown columns are ignored.
//!
//! Like every importer it only pushes [`DraftRecord`]s into a [`Sink`]; it never touches the
//! workspace (accounts and subcultures are resolved on commit), never panics whatever the
//! bytes, and never loses a row silently: each row is a record or a rejection with its line
//! and reason.

mod columns;
mod row;

pub(crate) use row::{read_aspect, read_bpm, read_duration, read_flag, read_opening, read_status};

use chrono::NaiveDate;

use crate::io::generic::{Field, Mapping, open_rows, table_error};
use crate::io::text::decode;
use crate::io::{DraftRecord, FileSummary, ImportError, PlannedAt, Rejected, ReportKind, Sink};
use columns::Columns;
use row::read_row;

/// Whether a header looks like a drafts CSV: a caption column, a title or hook column, and no
/// views column (a video history also has captions and titles).
pub fn recognises<S: AsRef<str>>(headers: &[S]) -> bool {
    Columns::find(headers).is_drafts() && Mapping::suggest(headers).column(Field::Views).is_none()
}

/// Reads every row of a drafts CSV into `sink`. The file is refused as a whole (and whatever
/// it pushed is [discarded](Sink::discard)) when it is not text, has no title, hook or
/// caption column, or its quoting is broken.
pub fn read_drafts(file: &str, bytes: &[u8], sink: &mut dyn Sink) -> Result<(), ImportError> {
    let decoded = decode(bytes).map_err(|e| ImportError::Unreadable {
        file: file.to_string(),
        reason: e.to_string(),
    })?;
    let mut rows = open_rows(file, &decoded)?;
    let columns = Columns::find(&rows.headers);
    if !columns.is_drafts() {
        return Err(ImportError::NotRecognised {
            file: file.to_string(),
            detail: "a drafts CSV needs a caption column and a title or hook column".into(),
        });
    }
    let mut summary = FileSummary::decoded(file, ReportKind::Drafts, decoded.encoding);
    if !columns.ignored.is_empty() {
        let names: Vec<&str> = columns.ignored.iter().take(8).map(String::as_str).collect();
        let more = columns.ignored.len().saturating_sub(names.len());
        let more = if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        };
        summary
            .notes
            .push(format!("columns ignored: {}{more}", names.join(", ")));
    }
    for row in rows.by_ref() {
        let row = match row {
            Ok(row) => row,
            Err(error) => {
                sink.discard(file);
                return Err(table_error(file, error));
            }
        };
        if row.is_blank() {
            summary.skipped += 1;
            continue;
        }
        match read_row(&row, &columns) {
            Ok(draft) => {
                if let Some(day) = planned_day(&draft) {
                    summary.first_date = Some(summary.first_date.map_or(day, |d| d.min(day)));
                    summary.last_date = Some(summary.last_date.map_or(day, |d| d.max(day)));
                }
                summary.rows += 1;
                sink.draft(file, draft);
            }
            Err(reason) => {
                summary.rejected += 1;
                sink.reject(Rejected {
                    file: file.to_string(),
                    line: row.line(),
                    reason,
                });
            }
        }
    }
    sink.file(summary);
    Ok(())
}

/// The day a draft is planned for, as written (UTC for instants).
fn planned_day(draft: &DraftRecord) -> Option<NaiveDate> {
    match draft.planned_at? {
        PlannedAt::At(at) => Some(at.date_naive()),
        PlannedAt::Wall(wall) => Some(wall.date()),
    }
}

#[cfg(test)]
mod tests;
