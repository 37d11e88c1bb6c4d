//! One row of a trend-list CSV turned into a [`TrendRecord`]: every cell read with the app's
//! one number and date parsers and the trend words of [`cells`](super::cells).
//!
//! A cell it cannot read rejects the row with a reason naming the cell; it never fills a value
//! the row does not give, except the documented defaults of [`TrendListOptions`].

use super::cells::{
    item_name, parse_flag, parse_kind, parse_period, parse_rank_change, parse_region,
};
use super::{Column, Columns, TrendListOptions};
use crate::domain::{TrendCapture, TrendItem, TrendItemId, TrendKind};
use crate::io::TrendRecord;
use crate::io::csv_table::Row;
use crate::io::dates::place_latest;
use crate::io::generic::{WrittenTime, read_instant};
use crate::io::numbers::{is_missing, optional, parse_count, parse_decimal, parse_duration_s};

/// Reads one row; `Err` is the reason it cannot be read.
pub(super) fn read_row(
    cells: &Row,
    columns: &Columns,
    file: &str,
    options: &TrendListOptions,
) -> Result<TrendRecord, String> {
    let cell = |column: Column| {
        let text = columns.get(column).and_then(|i| cells.get(i)).unwrap_or("");
        if is_missing(text) {
            None
        } else {
            Some(text.trim())
        }
    };
    let number = |column: Column, what: &str| {
        optional(cell(column).unwrap_or(""), parse_count).map_err(|e| format!("{what}: {e}"))
    };
    let kind = match cell(Column::Kind) {
        Some(text) => parse_kind(text).ok_or_else(|| {
            format!(
                "kind \"{}\" is not one of hashtag, sound, effect, topic, creator",
                shown(text)
            )
        })?,
        None => options.kind.ok_or("the kind is empty")?,
    };
    let name = item_name(cell(Column::Name).unwrap_or(""), kind).ok_or("the name is empty")?;
    let rank = match number(Column::Rank, "rank")? {
        Some(rank) => Some(
            u32::try_from(rank)
                .ok()
                .filter(|r| *r >= 1)
                .ok_or("the rank must be 1 or more")?,
        ),
        None => None,
    };
    let rank_change = match cell(Column::RankChange) {
        Some(text) => parse_rank_change(text).map_err(|e| format!("rank change: {e}"))?,
        None => None,
    };
    let unsigned = |value: Option<i64>, what: &str| match value {
        Some(v) => u64::try_from(v)
            .map(Some)
            .map_err(|_| format!("{what} cannot be negative")),
        None => Ok(None),
    };
    let posts = unsigned(number(Column::Posts, "posts")?, "posts")?;
    let views = unsigned(number(Column::Views, "views")?, "views")?;
    let period_days = match cell(Column::PeriodDays) {
        Some(text) => parse_period(text)
            .ok_or_else(|| format!("period \"{}\" is not 7, 30 or 120 days", shown(text)))?,
        None => options.period_days,
    };
    let region = match cell(Column::Region) {
        Some(text) => parse_region(text).ok_or_else(|| {
            let region = shown(text);
            format!("region \"{region}\" is not a two-letter code like US (or empty for worldwide)")
        })?,
        None => String::new(),
    };
    let captured_at = match cell(Column::CapturedAt).map(read_instant) {
        None => options.captured_at,
        Some(Ok(WrittenTime::At(at))) => at,
        Some(Ok(WrittenTime::Yearless { month, day })) => {
            place_latest(month, day, options.captured_at.date_naive())
                .and_then(|d| d.and_hms_opt(0, 0, 0))
                .map(|at| at.and_utc())
                .ok_or("captured at: the day does not exist")?
        }
        Some(Err(reason)) => return Err(format!("captured at: {reason}")),
    };
    let sound = kind == TrendKind::Sound;
    let bpm = match cell(Column::Bpm).filter(|_| sound).map(parse_decimal) {
        Some(Ok(bpm)) if (1.0..=400.0).contains(&bpm) => Some(bpm.round() as u16),
        Some(_) => return Err("bpm must be a number from 1 to 400".into()),
        None => None,
    };
    let duration_s = match cell(Column::DurationS)
        .filter(|_| sound)
        .map(parse_duration_s)
    {
        Some(duration) => Some(duration.map_err(|e| format!("duration: {e}"))?),
        None => None,
    };
    let commercial_ok = match cell(Column::CommercialOk).filter(|_| sound) {
        Some(text) => Some(
            parse_flag(text)
                .ok_or_else(|| format!("commercial use \"{}\" is not yes or no", shown(text)))?,
        ),
        None => None,
    };
    let source = cell(Column::Source).unwrap_or(file).to_string();
    let industry = cell(Column::Industry).unwrap_or("").to_string();
    let item = TrendItem {
        id: TrendItemId(0),
        kind,
        name,
        region,
        industry,
        bpm,
        duration_s,
        commercial_ok,
    };
    let capture = TrendCapture {
        item: TrendItemId(0),
        captured_at,
        rank,
        rank_change,
        posts,
        views,
        period_days,
        source,
    };
    Ok(TrendRecord {
        item,
        capture,
        line: cells.line(),
    })
}

/// A cell as quoted in a reason: cut at 40 characters, however long the cell.
fn shown(text: &str) -> String {
    text.chars().take(40).collect()
}
