//! The one date parser of the app: the yearless, localised dates TikTok Studio writes
//! (`April 12`, `Apr 12`, `8 de marzo`, `25 de setembro`, `11 septembre`, `15 Ιανουαρίου`) in
//! en, es, pt, fr, de, nl, it and el, full and short month names, plus `2026/05/10`,
//! `2026-05-10` and `2025-02-23 10:48:59`; and the year inference that places yearless dates.
//!
//! It never guesses silently: a text that is not a date, or a day that cannot be placed in a
//! year (`February 29` landing in 2025, rows out of order), is an error naming the text or the
//! line, never a made-up date. It never panics, whatever the text.

mod months;
mod placing;

use crate::io::csv_table::trim_cell;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use thiserror::Error;

pub use placing::{PlaceError, place_in_order, place_latest};

/// A date as written: with its year, or month and day only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WrittenDate {
    Full(NaiveDate),
    Yearless { month: u32, day: u32 },
}

impl WrittenDate {
    /// Month and day, for ordering rows within a year.
    pub fn month_day(self) -> (u32, u32) {
        match self {
            WrittenDate::Full(date) => {
                use chrono::Datelike;
                (date.month(), date.day())
            }
            WrittenDate::Yearless { month, day } => (month, day),
        }
    }
}

/// Why a text is not a date.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DateError {
    #[error(
        "\"{0}\" is not a date Scrollstop reads (it reads e.g. \"April 12\", \"8 de marzo\", \"15 Ιανουαρίου\" or \"2026-05-10\")"
    )]
    NotADate(String),
    #[error("\"{0}\" names a day that does not exist")]
    NoSuchDay(String),
}

/// Longest text worth reading as a date.
const MAX_LEN: usize = 64;

/// Reads a date, with or without its year (a time of day after it is ignored).
pub fn parse_date(text: &str) -> Result<WrittenDate, DateError> {
    let trimmed = trim_cell(text);
    if trimmed.len() > MAX_LEN {
        return Err(not_a_date(text));
    }
    if let Some(date) = numeric_date(trimmed) {
        return date.map(WrittenDate::Full);
    }
    worded_date(trimmed)
}

/// Reads a date with a time of day (`2025-02-23 10:48:59`, `2025-02-23T10:48:59Z`); a date
/// alone reads as its midnight. The time is as written: the caller knows its zone.
pub fn parse_date_time(text: &str) -> Result<NaiveDateTime, DateError> {
    let trimmed = text.trim();
    let (date_part, time_part) = match trimmed.find(['T', ' ']) {
        Some(at) if at >= 8 => (&trimmed[..at], Some(trimmed[at + 1..].trim())),
        _ => (trimmed, None),
    };
    let date = match numeric_date(date_part) {
        Some(date) => date?,
        None => return Err(not_a_date(text)),
    };
    let time = match time_part {
        None | Some("") => NaiveTime::MIN,
        Some(time) => {
            let mut time = time.trim_end_matches('Z');
            // `trim_end_matches("+00:00")` without setting up a substring search each time.
            while let Some(rest) = time.strip_suffix("+00:00") {
                time = rest;
            }
            if let Some(time) = clock_time(time) {
                return Ok(date.and_time(time));
            }
            NaiveTime::parse_from_str(time, "%H:%M:%S")
                .or_else(|_| NaiveTime::parse_from_str(time, "%H:%M"))
                .map_err(|_| not_a_date(text))?
        }
    };
    Ok(date.and_time(time))
}

/// `HH:MM:SS` or `HH:MM` written with two digits each, read by hand (the common case, where
/// chrono's format parser is slow); `None` for anything else, which chrono then reads.
fn clock_time(text: &str) -> Option<NaiveTime> {
    let b = text.as_bytes();
    let two = |at: usize| -> Option<u32> {
        let (tens, ones) = (*b.get(at)?, *b.get(at + 1)?);
        (tens.is_ascii_digit() && ones.is_ascii_digit())
            .then(|| u32::from(tens - b'0') * 10 + u32::from(ones - b'0'))
    };
    match b.len() {
        8 if b[2] == b':' && b[5] == b':' => NaiveTime::from_hms_opt(two(0)?, two(3)?, two(6)?),
        5 if b[2] == b':' => NaiveTime::from_hms_opt(two(0)?, two(3)?, 0),
        _ => None,
    }
}

/// `YYYY-MM-DD` (or with `/` or `.`) naming a real day, read by hand; `None` for anything
/// else, which the general reader then reads.
fn ymd_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    if b.len() > 10 && !matches!(b[10], b' ' | b'T') {
        return None;
    }
    let head = b.get(..10)?;
    let separator = head[4];
    if !matches!(separator, b'/' | b'-' | b'.') || head[7] != separator {
        return None;
    }
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        head[range].iter().try_fold(0u32, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let year = i32::try_from(digits(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, digits(5..7)?, digits(8..10)?)
}

fn not_a_date(text: &str) -> DateError {
    DateError::NotADate(text.chars().take(MAX_LEN).collect())
}

/// `2026/05/10`, `2026-05-10`, `2026.05.10`, optionally followed by a time; `None` when the
/// text does not start with a four-digit year.
fn numeric_date(text: &str) -> Option<Result<NaiveDate, DateError>> {
    if let Some(date) = ymd_date(text) {
        return Some(Ok(date));
    }
    let head = text.as_bytes().get(..5)?;
    let separator = head[4];
    if !head[..4].iter().all(u8::is_ascii_digit) || !b"/-.".contains(&separator) {
        return None;
    }
    let date_text = text.split([' ', 'T']).next().unwrap_or(text);
    let parts: Vec<&str> = date_text.split(char::from(separator)).collect();
    let numbers: Option<Vec<u32>> = match parts.as_slice() {
        [y, m, d] if m.len() <= 2 && d.len() <= 2 => {
            [y, m, d].iter().map(|p| p.parse::<u32>().ok()).collect()
        }
        _ => None,
    };
    let Some([year, month, day]) = numbers
        .as_deref()
        .and_then(|n| <[u32; 3]>::try_from(n).ok())
    else {
        return Some(Err(not_a_date(text)));
    };
    let year = i32::try_from(year).ok()?;
    Some(NaiveDate::from_ymd_opt(year, month, day).ok_or(DateError::NoSuchDay(text.to_string())))
}

/// `April 12`, `12. April`, `8 de marzo`, `1er mars 2026`, `Apr 12, 2026`, `15 Ιανουαρίου`.
fn worded_date(text: &str) -> Result<WrittenDate, DateError> {
    let (mut month, mut day, mut year) = (None, None, None);
    for token in text.split(|c: char| c.is_whitespace() || c == ',' || c == '.') {
        if token.is_empty() {
            continue;
        }
        if let Some(number) = leading_number(token) {
            let slot = if number > 31 || token.len() == 4 {
                &mut year
            } else {
                &mut day
            };
            if slot.replace(number).is_some() {
                return Err(not_a_date(text));
            }
        } else if months::is_filler(token) {
            continue;
        } else {
            match months::month_of(token) {
                Some(m) if month.is_none() => month = Some(m),
                _ => return Err(not_a_date(text)),
            }
        }
    }
    let (Some(month), Some(day)) = (month, day) else {
        return Err(not_a_date(text));
    };
    match year {
        None if NaiveDate::from_ymd_opt(2000, month, day).is_some() => {
            Ok(WrittenDate::Yearless { month, day })
        }
        None => Err(DateError::NoSuchDay(text.to_string())),
        Some(year) => i32::try_from(year)
            .ok()
            .and_then(|y| NaiveDate::from_ymd_opt(y, month, day))
            .map(WrittenDate::Full)
            .ok_or(DateError::NoSuchDay(text.to_string())),
    }
}

/// `12`, `12th`, `1er`, `1º`: the number a token starts with, when the rest is an ordinal ending.
fn leading_number(token: &str) -> Option<u32> {
    let digits = token.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 4 {
        return None;
    }
    let suffix = token[digits..].to_lowercase();
    let ordinal = [
        "", "st", "nd", "rd", "th", "er", "e", "º", "ª", "o", "a", "η", "ης",
    ];
    if !ordinal.contains(&suffix.as_str()) {
        return None;
    }
    token[..digits].parse().ok()
}

#[cfg(test)]
mod tests;
