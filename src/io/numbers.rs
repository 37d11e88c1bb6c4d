//! The one number parser of the app: counts as people and tools write them (`304.9K`, `1,234`,
//! `12 345`, `-3`, `"3669 videos"`, the label `Share` standing for 0), video ids (also in
//! float notation, saying when precision was lost), audience shares (`59%`, `0.59`), plain
//! decimals and durations (`00:31`, `1:02:03`, `31s`, `31.5`).
//!
//! Every importer reads numbers through these functions; none may parse a number another way.
//! This module never guesses silently: a text that reads two ways (`1.234`: 1234 or 1.234) is
//! refused with a reason, never picked, and it never panics, whatever the text.

mod duration;
mod written;

use std::borrow::Cow;

use crate::io::csv_table::trim_cell;
use thiserror::Error;

use duration::{clock_seconds, unit_seconds};
use written::{Fraction, Reading, read, split_suffix, strip_unit_word};

/// Why a text is not the number that was expected. Messages quote (a short form of) the text.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum NumberError {
    #[error("the value is empty")]
    Empty,
    #[error("\"{0}\" is not a number")]
    NotANumber(String),
    #[error("\"{0}\" reads two ways (1.234 could be 1234 or 1.234): write 1234 or 1,234")]
    Ambiguous(String),
    #[error("\"{0}\" is not a whole number")]
    NotWhole(String),
    #[error("\"{0}\" cannot be negative")]
    Negative(String),
    #[error("\"{0}\" is too large")]
    TooLarge(String),
    #[error("\"{0}\" is not a share: write a fraction (0.59) or a percent (59%)")]
    NotAShare(String),
    #[error("\"{0}\" is not a duration: write seconds (31, 31s), mm:ss (00:31) or h:mm:ss")]
    NotADuration(String),
}

/// Words some tables print instead of a zero count (TikTok shows the button's label).
const ZERO_LABELS: &[&str] = &[
    "like", "likes", "comment", "comments", "share", "shares", "save", "saves",
];

/// Words that may follow a count: `3669 videos`, `12K posts`.
const UNIT_WORDS: &[&str] = &[
    "video",
    "videos",
    "post",
    "posts",
    "view",
    "views",
    "play",
    "plays",
    "like",
    "likes",
    "comment",
    "comments",
    "share",
    "shares",
    "save",
    "saves",
    "follower",
    "followers",
    "fans",
];

/// Texts that mean "no value" in exports and spreadsheets (`undefined` is TikTok Studio's).
const MISSING: &[&str] = &[
    "",
    "undefined",
    "null",
    "none",
    "n/a",
    "na",
    "nan",
    "-",
    "–",
    "—",
];

/// Longest text worth reading as a number; anything longer is refused before any work.
const MAX_LEN: usize = 64;

/// Whether a cell means "no value" (empty, `undefined`, `N/A`, `-`, ...).
pub fn is_missing(text: &str) -> bool {
    let text = trim_cell(text);
    // Every missing word is short; most cells are not, so they skip the comparisons.
    text.len() <= "undefined".len() && MISSING.iter().any(|m| m.eq_ignore_ascii_case(text))
}

/// Reads an optional value: `None` when the cell [is missing](is_missing), else `parse`.
pub fn optional<T>(
    text: &str,
    parse: impl FnOnce(&str) -> Result<T, NumberError>,
) -> Result<Option<T>, NumberError> {
    if is_missing(text) {
        Ok(None)
    } else {
        parse(text).map(Some)
    }
}

/// A count: `304.9K`, `1.4M`, `2B`, `1,234`, `1.234.567`, `12 345`, `-3`, `1.2e6`,
/// `3669 videos`, `21.1K videos`, and `Share`/`Like`/`Comment`/`Save` meaning 0. Abbreviated
/// counts are rounded to the nearest whole number; a bare `1.234` is refused as ambiguous.
pub fn parse_count(text: &str) -> Result<i64, NumberError> {
    let trimmed = trim_cell(text);
    if let Some(plain) = plain_digits(trimmed) {
        // Most cells are plain digits: read them without the general machinery (same result).
        return plain.parse().map_err(|_| too_large(text));
    }
    if let Some(count) = plain_abbreviated(trimmed) {
        // Most of the rest are like `11.3K`: read the same way (the tests hold the two together).
        return Ok(count);
    }
    written_count(text, trimmed)
}

/// A count read by the general machinery; `trimmed` is `text` trimmed.
fn written_count(text: &str, trimmed: &str) -> Result<i64, NumberError> {
    if ZERO_LABELS.iter().any(|l| l.eq_ignore_ascii_case(trimmed)) {
        return Ok(0);
    }
    let body = strip_unit_word(trimmed);
    let (body, suffix) = split_suffix(body);
    let written = read(
        text,
        body,
        Reading::Count {
            abbreviated: suffix > 0,
        },
    )?;
    let (whole, fraction) = written.scaled(suffix).ok_or_else(|| too_large(text))?;
    let rounded = match fraction {
        Fraction::None => whole,
        Fraction::Some { half_or_more } if suffix > 0 => whole + u128::from(half_or_more),
        Fraction::Some { .. } => return Err(NumberError::NotWhole(short(text))),
    };
    let value = i64::try_from(rounded).map_err(|_| too_large(text))?;
    Ok(if written.negative { -value } else { value })
}

/// A decimal number: `31.5`, `1,234.5`, `1.234,5`, `0,59`, `7.4e+18`. A lone `1,234` is refused
/// as ambiguous (1234 or 1.234).
pub fn parse_decimal(text: &str) -> Result<f64, NumberError> {
    if let Some(plain) = plain_digits(trim_cell(text)) {
        return plain
            .parse()
            .map_err(|_| NumberError::NotANumber(short(text)));
    }
    let written = read(text, trim_cell(text), Reading::Decimal)?;
    let exponent = i64::from(written.exponent) - i64::from(written.fraction_digits);
    let value: f64 = format!("{}e{exponent}", written.mantissa)
        .parse()
        .map_err(|_| NumberError::NotANumber(short(text)))?;
    if !value.is_finite() {
        return Err(too_large(text));
    }
    Ok(if written.negative { -value } else { value })
}

/// A video or sound id as digits. Spreadsheets turn long ids into floats
/// (`7.471985734489755e+18`): such an id is read, but `precision_lost` says its last digits
/// are zeros made up by the float and cannot be trusted to identify anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedId<'a> {
    /// The id's digits: the cell itself when it is written as digits.
    pub id: Cow<'a, str>,
    pub precision_lost: bool,
}

/// Reads an id: plain digits (kept as written, any length) or float notation.
pub fn parse_id(text: &str) -> Result<ParsedId<'_>, NumberError> {
    let trimmed = trim_cell(text);
    if !trimmed.is_empty() && trimmed.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(ParsedId {
            id: Cow::Borrowed(trimmed),
            precision_lost: false,
        });
    }
    let written = read(text, trimmed, Reading::Id)?;
    if written.negative {
        return Err(NumberError::Negative(short(text)));
    }
    let (whole, fraction) = written.scaled(0).ok_or_else(|| too_large(text))?;
    if fraction != Fraction::None {
        return Err(NumberError::NotWhole(short(text)));
    }
    // A double holds every whole number up to 2^53 exactly; above it, digits were lost.
    let precision_lost = written.exponent != 0 && whole > (1u128 << 53);
    Ok(ParsedId {
        id: Cow::Owned(whole.to_string()),
        precision_lost,
    })
}

/// An audience share as a fraction 0..=1: `0.59`, `59%`, `59 %`, `0,59`.
pub fn parse_share(text: &str) -> Result<f64, NumberError> {
    let trimmed = trim_cell(text);
    let not_a_share = || NumberError::NotAShare(short(text));
    let share = match trimmed.strip_suffix('%') {
        Some(percent) => parse_decimal(percent).map_err(|_| not_a_share())? / 100.0,
        None => parse_decimal(trimmed).map_err(|_| not_a_share())?,
    };
    if (0.0..=1.0).contains(&share) {
        Ok(share)
    } else {
        Err(not_a_share())
    }
}

/// A duration in seconds: `31`, `31.5`, `31s`, `31 sec`, `00:31` (mm:ss), `1:02:03`,
/// `1m 5s`, `2 min`, `PT1M5S`.
pub fn parse_duration_s(text: &str) -> Result<f32, NumberError> {
    let bad = || NumberError::NotADuration(short(text));
    let trimmed = trim_cell(text);
    if trimmed.is_empty() {
        return Err(NumberError::Empty);
    }
    let seconds = if trimmed.contains(':') {
        clock_seconds(trimmed).ok_or_else(bad)?
    } else {
        unit_seconds(trimmed).ok_or_else(bad)?
    };
    if seconds.is_finite() && seconds >= 0.0 && seconds < f64::from(f32::MAX) {
        Ok(seconds as f32)
    } else {
        Err(bad())
    }
}

/// `11.3K`, `2M`, `1.25B`: up to twelve digits, at most two after a `.`, and a K, M or B; its
/// value, exact (no rounding is needed). `None` for any other text, and for a count too large.
fn plain_abbreviated(text: &str) -> Option<i64> {
    let (body, power) = split_suffix(text);
    // No suffix, or a space before it (`1 K`): the general reading's.
    if power == 0 || body.len() + 1 != text.len() {
        return None;
    }
    let (whole, fraction) = match body.split_once('.') {
        // `1.K`: the general reading's.
        Some((_, "")) => return None,
        Some((whole, fraction)) => (whole.as_bytes(), fraction.as_bytes()),
        None => (body.as_bytes(), &[][..]),
    };
    let digits = |part: &[u8]| part.iter().all(u8::is_ascii_digit);
    let plain =
        (1..=12).contains(&whole.len()) && digits(whole) && fraction.len() <= 2 && digits(fraction);
    if !plain {
        return None;
    }
    // Too large for a count: the general reading says so.
    let mut scale = 10i64.pow(power);
    let mut value = whole
        .iter()
        .fold(0i64, |n, d| n * 10 + i64::from(d - b'0'))
        .checked_mul(scale)?;
    for d in fraction {
        scale /= 10;
        value = value.checked_add(i64::from(d - b'0') * scale)?;
    }
    Some(value)
}

/// The text when it is 1 to 18 ASCII digits (always fits an `i64`), the common case.
fn plain_digits(text: &str) -> Option<&str> {
    let plain = (1..=18).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit());
    plain.then_some(text)
}

fn too_large(text: &str) -> NumberError {
    NumberError::TooLarge(short(text))
}

/// The text as quoted in messages: trimmed and cut at 40 characters.
fn short(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests;
