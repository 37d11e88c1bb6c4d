//! Year inference for yearless dates: anchor on the export date and walk back through rows in
//! date order, stepping one year back each time the month wraps (365-day exports do wrap).
//!
//! It never invents a year it cannot justify: rows without an export date, a `February 29`
//! landing in a common year and rows out of order are errors naming the line.

use chrono::{Datelike, Days, NaiveDate};
use thiserror::Error;

use super::WrittenDate;

/// A newest row may be this many days after the export date (time zones: the export's "today"
/// can be the anchor's tomorrow) before it is read as last year's.
const SLACK_DAYS: u64 = 2;

/// Consecutive rows of a dated report are days apart; a larger jump means they are not in
/// date order and any year given to them would be a guess.
const MAX_GAP_DAYS: i64 = 200;

/// Why a yearless date could not be given a year.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PlaceError {
    #[error(
        "line {line}: the dates have no year and Scrollstop cannot tell when the file was exported; give the export date and import again"
    )]
    NoExportDate { line: usize },
    #[error("line {line}: the date cannot be placed in a year: {reason}")]
    CannotPlace { line: usize, reason: String },
}

/// The latest date with this month and day on or about `anchor` (up to two days after it):
/// how a lone yearless date (Content's `Post time`) is read. `None` only for impossible days.
pub fn place_latest(month: u32, day: u32, anchor: NaiveDate) -> Option<NaiveDate> {
    let latest = anchor
        .checked_add_days(Days::new(SLACK_DAYS))
        .unwrap_or(anchor);
    // Eight years always reach a leap year for `February 29`.
    (0..=8)
        .filter_map(|back| NaiveDate::from_ymd_opt(anchor.year() - back, month, day))
        .find(|date| *date <= latest)
}

/// The newest row of a walk: in the export date's year, or the year before when its day comes
/// after the export date. Never searched further back: that would be a guess.
fn place_newest(month: u32, day: u32, anchor: NaiveDate) -> Option<NaiveDate> {
    let latest = anchor
        .checked_add_days(Days::new(SLACK_DAYS))
        .unwrap_or(anchor);
    let after = (month, day) > (latest.month(), latest.day());
    NaiveDate::from_ymd_opt(latest.year() - i32::from(after), month, day)
}

/// Gives every row a year. `rows` are (line, date) in the file's order, which is date order
/// (oldest first or newest first); rows with a year keep it and re-anchor the walk.
pub fn place_in_order(
    rows: &[(usize, WrittenDate)],
    anchor: Option<NaiveDate>,
) -> Result<Vec<NaiveDate>, PlaceError> {
    let newest_first = is_newest_first(rows);
    let walk: Vec<usize> = if newest_first {
        (0..rows.len()).collect()
    } else {
        (0..rows.len()).rev().collect()
    };
    let mut placed: Vec<Option<NaiveDate>> = vec![None; rows.len()];
    let mut later: Option<(usize, NaiveDate)> = None;
    for index in walk {
        let (line, written) = rows[index];
        let date = match (written, later) {
            (WrittenDate::Full(date), _) => date,
            (WrittenDate::Yearless { month, day }, None) => {
                let anchor = anchor.ok_or(PlaceError::NoExportDate { line })?;
                place_newest(month, day, anchor).ok_or_else(|| {
                    cannot(line, &format!("{month}/{day} does not exist in the year of the export date ({anchor}); is the export date right?"))
                })?
            }
            (WrittenDate::Yearless { month, day }, Some((later_line, later_date))) => {
                let wrapped = (month, day) > (later_date.month(), later_date.day());
                let year = later_date.year() - i32::from(wrapped);
                let date = NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
                    cannot(line, &format!("{month}/{day} falls in {year}, which has no such day; are the rows in date order and is the export date right?"))
                })?;
                let gap = (later_date - date).num_days();
                if gap > MAX_GAP_DAYS {
                    return Err(cannot(
                        line,
                        &format!(
                            "it would be {gap} days before line {later_line}; the rows are not in date order"
                        ),
                    ));
                }
                date
            }
        };
        placed[index] = Some(date);
        later = Some((line, date));
    }
    Ok(placed.into_iter().flatten().collect())
}

fn cannot(line: usize, reason: &str) -> PlaceError {
    PlaceError::CannotPlace {
        line,
        reason: reason.to_string(),
    }
}

/// Whether the rows run newest first: most steps between neighbours go down in month and day
/// (a single year wrap is the one step against the flow).
fn is_newest_first(rows: &[(usize, WrittenDate)]) -> bool {
    let (mut up, mut down) = (0usize, 0usize);
    for pair in rows.windows(2) {
        let (a, b) = (pair[0].1.month_day(), pair[1].1.month_day());
        if a < b {
            up += 1;
        } else if a > b {
            down += 1;
        }
    }
    down > up
}
