//! Conversions between stored column values and domain values. One place, so every table
//! stores instants, dates, wall times, zones and lists the same way. Readers take a row and a
//! column index and fail like any other column read when a stored value is unreadable.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Utc};
use chrono_tz::Tz;
use rusqlite::Row;
use rusqlite::types::{ToSql, ToSqlOutput, Type, ValueRef};

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

/// A TikTok id as the workspace stores it (schema 8): an integer when the id is exactly the
/// decimal text of one, as TikTok's always are (8 bytes instead of 19 characters: a smaller
/// identity index and less for a big import to write); otherwise the text itself (the ids
/// Scrollstop derives for rows without one). Every write and every lookup by TikTok id binds
/// it this way, so one id has one stored form; [`platform_id`] reads it back as text. Made
/// once a row ([`of`](Self::of)): a big import's write path both looks the id up in memory and
/// writes it, and parsed it twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum StoredPlatformId<'a> {
    Number(i64),
    Text(&'a str),
}

impl<'a> StoredPlatformId<'a> {
    /// The stored form of the TikTok id `id`.
    pub(crate) fn of(id: &'a str) -> Self {
        match platform_id_number(id) {
            Some(number) => Self::Number(number),
            None => Self::Text(id),
        }
    }
}

impl ToSql for StoredPlatformId<'_> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(match *self {
            Self::Number(n) => ToSqlOutput::from(n),
            Self::Text(text) => ToSqlOutput::Borrowed(ValueRef::Text(text.as_bytes())),
        })
    }
}

/// The id as an integer when its text is that integer's decimal form and nothing else: digits
/// with no leading zero (`0` itself aside), an optional leading minus, within 64 bits. The
/// same rule, in SQL, is [`stored_platform_id!`].
pub(crate) fn platform_id_number(id: &str) -> Option<i64> {
    let digits = id.strip_prefix('-').unwrap_or(id);
    let decimal = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'))
        && id != "-0";
    if decimal { id.parse().ok() } else { None }
}

/// A stored TikTok id as text, whichever form [`StoredPlatformId`] gave it.
pub(crate) fn platform_id(row: &Row<'_>, idx: usize) -> rusqlite::Result<String> {
    match row.get_ref(idx)? {
        ValueRef::Integer(n) => Ok(n.to_string()),
        _ => row.get(idx),
    }
}

/// SQL for the text `$value` (a TikTok id from a teammate's row) as [`StoredPlatformId`]
/// stores it: an integer when casting it to one and back gives the same text.
macro_rules! stored_platform_id {
    ($value:literal) => {
        concat!(
            "(CASE WHEN CAST(CAST(",
            $value,
            " AS INTEGER) AS TEXT) = ",
            $value,
            " THEN CAST(",
            $value,
            " AS INTEGER) ELSE ",
            $value,
            " END)"
        )
    };
}
pub(crate) use stored_platform_id;

#[cfg(test)]
mod tests {
    use super::*;

    /// Ids of every shape, and the stored form the SQL rule gives each: the two rules agree.
    #[test]
    fn a_tiktok_id_is_stored_as_an_integer_exactly_when_its_text_is_one() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let ids = [
            "7496577707969826276",
            "0",
            "7",
            "-12",
            "9223372036854775807",
            "-9223372036854775808",
            "9223372036854775808",
            "18446744073709551615",
            "007",
            "-0",
            "+5",
            " 5",
            "5 ",
            "1e5",
            "12abc",
            "",
            "-",
            "derived-3f2a",
            "٣",
        ];
        for id in ids {
            let (in_sql, stored): (String, Option<i64>) = conn
                .query_row(
                    concat!(
                        "SELECT typeof(",
                        stored_platform_id!("?1"),
                        "), ",
                        "CASE typeof(?2) WHEN 'integer' THEN ?2 END"
                    ),
                    rusqlite::params![id, StoredPlatformId::of(id)],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .unwrap();
            let expected = id.parse::<i64>().ok().filter(|n| n.to_string() == id);
            assert_eq!(platform_id_number(id), expected, "{id:?}");
            assert_eq!(stored, expected, "bound {id:?}");
            let sql_type = if expected.is_some() {
                "integer"
            } else {
                "text"
            };
            assert_eq!(in_sql, sql_type, "the SQL rule on {id:?}");
        }
    }

    #[test]
    fn lists_drop_whitespace_inside_items() {
        let items = vec!["cottagecore".to_string(), "slow living".to_string()];
        assert_eq!(to_list(&items), "cottagecore slowliving");
    }
}
