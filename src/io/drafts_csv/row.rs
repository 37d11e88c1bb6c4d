//! One row of a drafts CSV turned into a [`DraftRecord`]: every cell read with the app's one
//! number parsers and the draft's own words (status, opening, aspect). A cell it cannot read
//! rejects the row with a reason naming the column and the value; it never guesses.

use chrono::{DateTime, NaiveDateTime};

use super::columns::{Column, Columns};
use crate::domain::{AspectRatio, DraftStatus, Handle, OpeningType, hashtags_in};
use crate::io::csv_table::Row;
use crate::io::numbers::{is_missing, parse_decimal, parse_duration_s};
use crate::io::{DraftRecord, PlannedAt};

/// The longest video TikTok takes, in seconds (60 minutes).
const LONGEST_VIDEO_S: f32 = 3600.0;

/// Reads one row; `Err` is the reason it cannot be read.
pub(super) fn read_row(cells: &Row, columns: &Columns) -> Result<DraftRecord, String> {
    let text = |column: Column| -> String {
        columns
            .get(column)
            .and_then(|i| cells.get(i))
            .unwrap_or("")
            .trim()
            .to_string()
    };
    // A structured cell: `None` when empty or a missing-value word (`N/A`, `-`).
    let cell = |column: Column| -> Option<String> {
        let t = text(column);
        (!is_missing(&t)).then_some(t)
    };
    let title = text(Column::Title);
    let hook = text(Column::Hook);
    let caption = text(Column::Caption);
    if title.is_empty() && hook.is_empty() && caption.is_empty() {
        return Err("the row has no title, hook or caption".into());
    }
    let mut hashtags = tag_list(&text(Column::Hashtags));
    for tag in hashtags_in(&caption) {
        if !hashtags.iter().any(|t| t.eq_ignore_ascii_case(&tag)) {
            hashtags.push(tag);
        }
    }
    let duration_s = cell(Column::DurationS)
        .map(|t| read_duration(&t))
        .transpose()?;
    let aspect = cell(Column::Aspect).map(|t| read_aspect(&t)).transpose()?;
    let bpm = cell(Column::Bpm).map(|t| read_bpm(&t)).transpose()?;
    let opening = cell(Column::Opening)
        .map(|t| read_opening(&t))
        .transpose()?;
    let status = cell(Column::Status).map(|t| read_status(&t)).transpose()?;
    let planned_at = match cell(Column::PlannedAt) {
        Some(t) => Some(parse_planned(&t).ok_or_else(|| {
            format!(
                "planned at \"{}\" is not RFC 3339 (2026-03-01T18:00:00+01:00) or YYYY-MM-DD HH:MM",
                shown(&t)
            )
        })?),
        None => None,
    };
    let region = match cell(Column::Region) {
        Some(t) if t.len() == 2 && t.bytes().all(|b| b.is_ascii_alphabetic()) => {
            t.to_ascii_uppercase()
        }
        Some(t) => {
            return Err(format!(
                "region \"{}\" is not a two-letter code like US",
                shown(&t)
            ));
        }
        None => String::new(),
    };
    let flag = |column: Column, what: &str| -> Result<Option<bool>, String> {
        cell(column).map(|t| read_flag(&t, what)).transpose()
    };
    let account = match cell(Column::Account) {
        Some(written) => Some(
            Handle::parse(&written)
                .map_err(|error| format!("account: {error}"))?
                .as_str()
                .to_string(),
        ),
        None => None,
    };
    Ok(DraftRecord {
        account,
        title,
        hook,
        caption,
        hashtags,
        subculture: cell(Column::Subculture),
        duration_s,
        aspect,
        sound: cell(Column::Sound),
        bpm,
        opening,
        status,
        assignee: text(Column::Assignee),
        notes: text(Column::Notes),
        planned_at,
        language: cell(Column::Language).unwrap_or_default(),
        region,
        allow_duet: flag(Column::AllowDuet, "allow duet")?,
        allow_stitch: flag(Column::AllowStitch, "allow stitch")?,
        allow_comments: flag(Column::AllowComments, "allow comments")?,
        line: cells.line(),
    })
}

/// A video's length in seconds (`45`, `1:30`, `90s`), between 1 second and 60 minutes.
pub(crate) fn read_duration(t: &str) -> Result<f32, String> {
    let seconds = parse_duration_s(t).map_err(|e| format!("duration: {e}"))?;
    if seconds <= 0.0 || seconds > LONGEST_VIDEO_S {
        return Err(format!(
            "duration \"{}\" is not between 1 second and 60 minutes",
            shown(t)
        ));
    }
    Ok(seconds)
}

/// An aspect ratio as people write it (`9:16`, `9x16`, `vertical`).
pub(crate) fn read_aspect(t: &str) -> Result<AspectRatio, String> {
    parse_aspect(t)
        .ok_or_else(|| format!("aspect \"{}\" is not one of 9:16, 1:1, 4:5, 16:9", shown(t)))
}

/// A sound's beats per minute, 1 to 400.
pub(crate) fn read_bpm(t: &str) -> Result<u16, String> {
    match parse_decimal(t) {
        Ok(bpm) if (1.0..=400.0).contains(&bpm) => Ok(bpm.round() as u16),
        _ => Err(format!(
            "bpm \"{}\" is not a number from 1 to 400",
            shown(t)
        )),
    }
}

/// How the video opens.
pub(crate) fn read_opening(t: &str) -> Result<OpeningType, String> {
    OpeningType::parse(t).ok_or_else(|| {
        format!(
            "opening \"{}\" is not one of surprise, question, statement, neutral, other",
            shown(t)
        )
    })
}

/// A draft's status by its stored spelling or label (`in review`, `in-review`, `review`).
pub(crate) fn read_status(t: &str) -> Result<DraftStatus, String> {
    parse_status(t).ok_or_else(|| {
        format!(
            "status \"{}\" is not one of idea, draft, in review, approved, scheduled, posted",
            shown(t)
        )
    })
}

/// Yes or no; `what` names the setting in the message.
pub(crate) fn read_flag(t: &str, what: &str) -> Result<bool, String> {
    parse_flag(t).ok_or_else(|| format!("{what} \"{}\" is not yes or no", shown(t)))
}

/// `a, b, c`, `#a #b`, `#a,#b`, `a; b`: tags without `#`, deduplicated ignoring case.
fn tag_list(text: &str) -> Vec<String> {
    let separators = |c: char| matches!(c, ',' | ';' | '#') || c.is_whitespace();
    let mut tags: Vec<String> = Vec::new();
    for tag in text.split(separators).filter(|t| !t.is_empty()) {
        if !tags.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
            tags.push(tag.to_string());
        }
    }
    tags
}

/// `9:16`, `9x16`, `9/16`, `9 : 16`, `vertical`, `square`, `portrait`, `landscape`.
fn parse_aspect(text: &str) -> Option<AspectRatio> {
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| {
            if matches!(c, 'x' | 'X' | '/' | '×') {
                ':'
            } else {
                c
            }
        })
        .collect();
    AspectRatio::parse(&compact)
        .or_else(|| AspectRatio::parse(text))
        .or(match text.trim().to_lowercase().as_str() {
            "vertical" => Some(AspectRatio::Vertical),
            "square" => Some(AspectRatio::Square),
            "portrait" => Some(AspectRatio::Portrait),
            "landscape" | "horizontal" => Some(AspectRatio::Landscape),
            _ => None,
        })
}

/// The stored spelling or the label, also `in-review`, `In Review`, `review`.
fn parse_status(text: &str) -> Option<DraftStatus> {
    let snake: String = text
        .trim()
        .chars()
        .map(|c| {
            if c == '-' || c.is_whitespace() {
                '_'
            } else {
                c
            }
        })
        .collect();
    DraftStatus::parse(text)
        .or_else(|| DraftStatus::parse(&snake))
        .or_else(|| (snake.eq_ignore_ascii_case("review")).then_some(DraftStatus::InReview))
}

/// RFC 3339 (an instant), else `YYYY-MM-DD HH:MM[:SS]` or with a `T` (a wall time).
fn parse_planned(text: &str) -> Option<PlannedAt> {
    if let Ok(at) = DateTime::parse_from_rfc3339(text) {
        return Some(PlannedAt::At(at.to_utc()));
    }
    [
        "%Y-%m-%d %H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%dT%H:%M:%S",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())
    .map(PlannedAt::Wall)
}

/// Yes or no as spreadsheets write it.
fn parse_flag(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "yes" | "y" | "true" | "1" | "on" | "✓" | "✔" | "x" => Some(true),
        "no" | "n" | "false" | "0" | "off" | "✗" | "✘" => Some(false),
        _ => None,
    }
}

/// A cell as quoted in a reason: cut at 40 characters, however long the cell.
fn shown(text: &str) -> String {
    text.chars().take(40).collect()
}
