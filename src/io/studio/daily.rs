//! The shared reading of Studio's one-row-per-day reports (Overview, Viewers,
//! FollowerHistory): a date column placed in its year, and counts filled into
//! [`DailyMetrics`].
//!
//! It never drops a bad row silently (each is rejected with its line and reason), never keeps
//! two rows for one day, and never places a date it cannot justify.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::columns::{Layout, Located, width_problem};
use super::{Parsed, Record, StudioFile, unplaceable};
use crate::domain::DailyMetrics;
use crate::io::ImportError;
use crate::io::dates::{WrittenDate, parse_date, place_in_order};

/// Which field of [`DailyMetrics`] a column fills.
pub(super) type Field = fn(&mut DailyMetrics) -> &mut Option<i64>;

/// The date column is the first of every daily layout.
pub(super) const DATE: usize = 0;

/// Finds a layout's columns or says the header does not fit.
pub(super) fn locate(input: &StudioFile<'_>, layout: &Layout) -> Result<Located, ImportError> {
    layout
        .locate(&input.table.headers)
        .ok_or_else(|| ImportError::NotRecognised {
            file: input.file.to_string(),
            detail: format!("its header is not a {} header", layout.kind.label()),
        })
}

/// Reads a daily report: `fields` pairs a layout column with the metric it fills.
pub(super) fn read(
    input: &StudioFile<'_>,
    layout: &Layout,
    fields: &[(usize, Field)],
) -> Result<Parsed, ImportError> {
    let located = locate(input, layout)?;
    let mut parsed = Parsed::default();
    let mut rows: Vec<(usize, WrittenDate, DailyMetrics)> = Vec::new();
    for row in &input.table.rows {
        if row.is_blank() {
            parsed.skipped += 1;
            continue;
        }
        if let Some(problem) = width_problem(input.table, row) {
            parsed.reject(row.line(), problem);
            continue;
        }
        let Some(date_text) = located.cell(row, DATE) else {
            parsed.reject(row.line(), format!("{} is empty", located.name(DATE)));
            continue;
        };
        let date = match parse_date(date_text) {
            Ok(date) => date,
            Err(err) => {
                parsed.reject(row.line(), format!("{}: {err}", located.name(DATE)));
                continue;
            }
        };
        let mut metrics = DailyMetrics::default();
        let mut problems = Vec::new();
        for (column, field) in fields {
            match located.count(row, *column) {
                Ok(value) => *field(&mut metrics) = value,
                Err(problem) => problems.push(problem),
            }
        }
        if problems.is_empty() {
            rows.push((row.line(), date, metrics));
        } else {
            parsed.reject(row.line(), problems.join("; "));
        }
    }
    let export = input.clues.export_date();
    let written: Vec<(usize, WrittenDate)> = rows.iter().map(|(l, d, _)| (*l, *d)).collect();
    let placed = place_in_order(&written, export.as_ref().map(|e| e.date))
        .map_err(|err| unplaceable(input.file, &err))?;
    let mut seen: HashMap<NaiveDate, usize> = HashMap::new();
    for ((line, _, mut metrics), date) in rows.into_iter().zip(placed) {
        if let Some(first) = seen.insert(date, line) {
            seen.insert(date, first);
            parsed.reject(line, format!("{date} is already on line {first}"));
            continue;
        }
        metrics.date = Some(date);
        parsed.dates.push(date);
        parsed.records.push(Record::Daily(metrics));
    }
    parsed.export_date = export;
    Ok(parsed)
}
