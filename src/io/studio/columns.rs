//! Alias tables for Studio report headers: each report lists its columns by every name they
//! are written under (app and business/web variants), matched case-insensitively, and reads
//! cells through them with reasons that name the column.
//!
//! It only finds and reads cells; it never decides what a report means.

use crate::io::ReportKind;
use crate::io::csv_table::{Row, Table};
use crate::io::numbers::{self, NumberError};

/// One column a report knows, under every name it is written with (lower case).
#[derive(Debug)]
pub(crate) struct Column {
    pub aliases: &'static [&'static str],
    pub required: bool,
}

pub(crate) const fn required(aliases: &'static [&'static str]) -> Column {
    Column {
        aliases,
        required: true,
    }
}

pub(crate) const fn optional(aliases: &'static [&'static str]) -> Column {
    Column {
        aliases,
        required: false,
    }
}

/// A report's header: the columns it reads (in a fixed order the reader indexes by) and
/// columns it knows but does not read, which still count as recognised.
#[derive(Debug)]
pub(crate) struct Layout {
    pub kind: ReportKind,
    pub columns: &'static [Column],
    pub ignored: &'static [&'static str],
}

/// Where a layout's columns sit in one file's header.
#[derive(Debug)]
pub(crate) struct Located {
    at: Vec<Option<usize>>,
    names: Vec<String>,
}

/// A header name as compared: lower case, single spaces, no BOM or stray quotes.
pub(crate) fn normalise(header: &str) -> String {
    let cleaned = header
        .trim_start_matches('\u{FEFF}')
        .trim()
        .trim_matches('"');
    cleaned
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl Layout {
    /// Finds every column; `None` when a required one is missing.
    pub fn locate(&self, headers: &[String]) -> Option<Located> {
        let normalised: Vec<String> = headers.iter().map(|h| normalise(h)).collect();
        let mut located = Located {
            at: Vec::new(),
            names: Vec::new(),
        };
        for column in self.columns {
            let found = normalised
                .iter()
                .position(|h| column.aliases.contains(&h.as_str()));
            if column.required && found.is_none() {
                return None;
            }
            located.at.push(found);
            let name = found
                .and_then(|i| headers.get(i))
                .map_or(column.aliases.first().copied().unwrap_or("?"), |h| {
                    h.as_str()
                });
            located.names.push(name.trim().to_string());
        }
        Some(located)
    }

    /// How many of the header's non-empty names this layout knows, and how many there are.
    pub fn known_headers(&self, headers: &[String]) -> (usize, usize) {
        let names: Vec<String> = headers
            .iter()
            .map(|h| normalise(h))
            .filter(|h| !h.is_empty())
            .collect();
        let known = names
            .iter()
            .filter(|h| {
                self.columns.iter().any(|c| c.aliases.contains(&h.as_str()))
                    || self.ignored.contains(&h.as_str())
            })
            .count();
        (known, names.len())
    }
}

impl Located {
    /// The column's name as the file writes it, for messages.
    pub fn name(&self, column: usize) -> &str {
        self.names.get(column).map_or("?", String::as_str)
    }

    /// The cell, `None` when the column is absent or the cell is missing (`undefined`, empty).
    pub fn cell<'r>(&self, row: &'r Row, column: usize) -> Option<&'r str> {
        let index = (*self.at.get(column)?)?;
        row.get(index).filter(|text| !numbers::is_missing(text))
    }

    /// The cell as written, keeping `""` (an empty caption is not a missing one).
    pub fn text<'r>(&self, row: &'r Row, column: usize) -> Option<&'r str> {
        let index = (*self.at.get(column)?)?;
        row.get(index)
    }

    /// Reads a cell with `parse`; a missing cell is `None`, a bad one a reason naming the column.
    pub fn parse<T>(
        &self,
        row: &Row,
        column: usize,
        parse: impl FnOnce(&str) -> Result<T, NumberError>,
    ) -> Result<Option<T>, String> {
        self.cell(row, column)
            .map(|text| parse(text).map_err(|e| format!("{}: {e}", self.name(column))))
            .transpose()
    }

    /// A count cell (`1,234`, `-2`, `304.9K`).
    pub fn count(&self, row: &Row, column: usize) -> Result<Option<i64>, String> {
        self.parse(row, column, numbers::parse_count)
    }
}

/// Why a row cannot be read as a whole: fewer or more cells than the header.
pub(crate) fn width_problem(table: &Table, row: &Row) -> Option<String> {
    (row.len() != table.headers.len()).then(|| {
        format!(
            "the row has {} cells but the header has {}",
            row.len(),
            table.headers.len()
        )
    })
}
