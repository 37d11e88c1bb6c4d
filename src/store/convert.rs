//! Conversions between stored column values and domain values. One place, so every table
//! stores instants, dates, wall times, zones and lists the same way. Readers take a row and a
//! column index and fail like any other column read when a stored value is unreadable.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Utc};
use chrono_tz::Tz;
use rusqlite::Row;
use rusqlite::types::Type;

fn unreadable(idx: usize, what: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(idx, Type::Text, what.into())
}

/// Instants are stored as unix seconds.
pub(crate) fn to_unix(at: DateTime<Utc>) -> i64 {
    at.timestamp()
}

pub(crate) fn instant(row: &Row<'_>, idx: usize) -> rusqlite::Result<DateTime<Utc>> {
    let secs: i64 = row.get(idx)?;
    DateTime::from_timestamp(secs, 0).ok_or_else(|| unreadable(idx, format!("instant {secs}")))
}

pub(crate) fn instant_opt(row: &Row<'_>, idx: usize) -> rusqlite::Result<Option<DateTime<Utc>>> {
    match row.get::<_, Option<i64>>(idx)? {
        None => Ok(None),
        Some(_) => instant(row, idx).map(Some),
    }
}

/// Calendar dates are stored as `YYYY-MM-DD`.
pub(crate) fn to_date(date: NaiveDate) -> String {
    // Written by hand: chrono's format string is parsed anew on every call, and an import of
    // a year of hourly follower activity stores a date twice per row.
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

pub(crate) fn date(row: &Row<'_>, idx: usize) -> rusqlite::Result<NaiveDate> {
    let text: String = row.get(idx)?;
    text.parse::<NaiveDate>()
        .map_err(|_| unreadable(idx, format!("date {text:?}")))
}

/// Wall times are stored as `YYYY-MM-DDTHH:MM:SS`, local to the row's zone.
pub(crate) fn to_wall(wall: NaiveDateTime) -> String {
    wall.format("%Y-%m-%dT%H:%M:%S").to_string()
}

pub(crate) fn wall(row: &Row<'_>, idx: usize) -> rusqlite::Result<NaiveDateTime> {
    let text: String = row.get(idx)?;
    NaiveDateTime::parse_from_str(&text, "%Y-%m-%dT%H:%M:%S")
        .map_err(|_| unreadable(idx, format!("wall time {text:?}")))
}

/// Zones are stored by IANA name.
pub(crate) fn zone(row: &Row<'_>, idx: usize) -> rusqlite::Result<Tz> {
    let text: String = row.get(idx)?;
    text.parse::<Tz>()
        .map_err(|_| unreadable(idx, format!("time zone {text:?}")))
}

/// Lists (hashtags) are stored space-separated; items never contain whitespace.
pub(crate) fn to_list(items: &[String]) -> String {
    let mut list = String::new();
    write_list(items, &mut list);
    list
}

/// [`to_list`] appended to `list` (an import reuses one buffer for every row).
pub(crate) fn write_list(items: &[String], list: &mut String) {
    for item in items {
        if item.is_empty() {
            continue;
        }
        if item.is_ascii() && !item.bytes().any(|b| b.is_ascii_whitespace()) {
            if !list.is_empty() {
                list.push(' ');
            }
            list.push_str(item);
            continue;
        }
        let mut words = item.split_whitespace().peekable();
        if words.peek().is_none() {
            continue;
        }
        if !list.is_empty() {
            list.push(' ');
        }
        words.for_each(|word| list.push_str(word));
    }
}

pub(crate) fn list(row: &Row<'_>, idx: usize) -> rusqlite::Result<Vec<String>> {
    let text: String = row.get(idx)?;
    Ok(text.split_whitespace().map(str::to_string).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_drop_whitespace_inside_items() {
        let items = vec!["cottagecore".to_string(), "slow living".to_string()];
        assert_eq!(to_list(&items), "cottagecore slowliving");
    }
}
