//! FollowerActivity.csv: active followers per hour over the last 7 days
//! (`"Date","Hour","Active followers"`, 168 rows), the raw material of the hour-of-week
//! audience profile that weekly imports build up.
//!
//! The hours of the export day that had not happened yet are zero-filled by TikTok: they are
//! skipped and counted as skipped, never read as "nobody was active". It never guesses the
//! hours' time zone: they are kept as written (the account's local hours).

use std::collections::HashMap;

use chrono::NaiveDate;

use super::columns::{Layout, required, width_problem};
use super::daily::locate;
use super::{Parsed, Record, StudioFile, unplaceable};
use crate::io::dates::{WrittenDate, parse_date, place_in_order};
use crate::io::numbers::parse_count;
use crate::io::{ActivityRecord, ImportError, ReportKind};

const DATE: usize = 0;
const HOUR: usize = 1;
const ACTIVE: usize = 2;

pub(super) const LAYOUT: Layout = Layout {
    kind: ReportKind::FollowerActivity,
    columns: &[
        required(&["date"]),
        required(&["hour", "hour of day"]),
        required(&["active followers", "active follower count"]),
    ],
    ignored: &[],
};

pub(super) fn read(input: &StudioFile<'_>) -> Result<Parsed, ImportError> {
    let located = locate(input, &LAYOUT)?;
    let mut parsed = Parsed::default();
    let mut rows: Vec<(usize, WrittenDate, u8, i64)> = Vec::new();
    for row in &input.table.rows {
        if row.is_blank() {
            parsed.skipped += 1;
            continue;
        }
        if let Some(problem) = width_problem(input.table, row) {
            parsed.reject(row.line(), problem);
            continue;
        }
        let date = located
            .cell(row, DATE)
            .ok_or_else(|| format!("{} is empty", located.name(DATE)))
            .and_then(|t| parse_date(t).map_err(|e| format!("{}: {e}", located.name(DATE))));
        let hour = located
            .parse(row, HOUR, parse_hour)
            .and_then(|h| h.ok_or_else(|| format!("{} is empty", located.name(HOUR))));
        let active = located
            .count(row, ACTIVE)
            .and_then(|c| c.ok_or_else(|| format!("{} is empty", located.name(ACTIVE))));
        match (date, hour, active) {
            (Ok(date), Ok(hour), Ok(active)) => rows.push((row.line(), date, hour, active)),
            (date, hour, active) => {
                let problems: Vec<String> = [date.err(), hour.err(), active.err()]
                    .into_iter()
                    .flatten()
                    .collect();
                parsed.reject(row.line(), problems.join("; "));
            }
        }
    }
    let export = input.clues.export_date();
    let written: Vec<(usize, WrittenDate)> = rows.iter().map(|r| (r.0, r.1)).collect();
    let placed = place_in_order(&written, export.as_ref().map(|e| e.date))
        .map_err(|err| unplaceable(input.file, &err))?;
    let future = zero_filled_future(&rows, &placed);
    let mut seen: HashMap<(NaiveDate, u8), usize> = HashMap::new();
    for (index, ((line, _, hour, active), date)) in rows.into_iter().zip(placed).enumerate() {
        if future.contains(&index) {
            parsed.skipped += 1;
            continue;
        }
        if let Some(first) = seen.get(&(date, hour)) {
            parsed.reject(
                line,
                format!("{date} hour {hour} is already on line {first}"),
            );
            continue;
        }
        seen.insert((date, hour), line);
        parsed.dates.push(date);
        parsed.records.push(Record::Activity(ActivityRecord {
            date,
            hour,
            active_followers: active,
        }));
    }
    if !future.is_empty() {
        parsed.notes.push(format!(
            "skipped {} zero-filled hours of the export day (they had not happened yet)",
            future.len()
        ));
    }
    parsed.export_date = export;
    Ok(parsed)
}

/// An hour of the day: `0`..`23`, also written `13:00`.
fn parse_hour(text: &str) -> Result<u8, crate::io::numbers::NumberError> {
    let whole = text.trim().strip_suffix(":00").unwrap_or(text);
    let hour = parse_count(whole)?;
    u8::try_from(hour)
        .ok()
        .filter(|h| *h < 24)
        .ok_or_else(|| crate::io::numbers::NumberError::NotANumber(format!("hour {hour}")))
}

/// Rows (by index) of the export day (the newest day in the file: TikTok's last 7 days end
/// today) that are zero from some hour to the end of the day: hours that had not happened yet.
fn zero_filled_future(rows: &[(usize, WrittenDate, u8, i64)], placed: &[NaiveDate]) -> Vec<usize> {
    let Some(export_day) = placed.iter().max().copied() else {
        return Vec::new();
    };
    let mut today: Vec<(u8, i64, usize)> = placed
        .iter()
        .enumerate()
        .filter(|(_, date)| **date == export_day)
        .map(|(index, _)| (rows[index].2, rows[index].3, index))
        .collect();
    today.sort_by_key(|(hour, _, _)| std::cmp::Reverse(*hour));
    today
        .iter()
        .take_while(|(_, active, _)| *active == 0)
        .map(|(_, _, index)| *index)
        .collect()
}
