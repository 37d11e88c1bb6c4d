//! Reading CSV text into a header and rows that remember their line numbers: quoted fields
//! (with commas, quotes and line breaks inside), a BOM, no final newline, TikTok's `undefined`
//! read as a missing cell. Spreadsheet sheets become the same [`Table`]. Records are split as
//! the `csv` crate splits them, in one pass of their own (`splitting.rs`).
//!
//! It never repairs broken quoting by guessing: a quote that is never closed, or text after a
//! closing quote, is a [`TableError`] naming the line. It knows nothing of what the columns
//! mean, and it never panics, whatever the text.

use thiserror::Error;

/// The cell text TikTok Studio writes for a missing value.
const MISSING: &str = "undefined";

/// Why a text could not be read as CSV.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TableError {
    #[error("line {line}: {reason}")]
    Malformed { line: usize, reason: String },
    #[error("the file has no header row")]
    NoHeader,
    /// One row is longer than the streaming reader holds: it was read past, not kept, and the
    /// rows after it are still read. `column` is the 0-based column of its longest cell.
    #[error(
        "line {line}: the row is longer than a row can be (its column {} alone holds {chars} characters)",
        column + 1
    )]
    RowTooLong {
        line: usize,
        column: usize,
        chars: usize,
    },
}

/// `cell.trim()`, quicker for the usual cell, which has no space around it: reading a row trims
/// its cells several times over (about 50 million trims for a million-row history, 8% of its
/// reading before this fast path).
pub(crate) fn trim_cell(cell: &str) -> &str {
    match (cell.as_bytes().first(), cell.as_bytes().last()) {
        (Some(first), Some(last)) if first.is_ascii_graphic() && last.is_ascii_graphic() => cell,
        _ => cell.trim(),
    }
}

/// The bytes a row's text has room for at least (a video history's row takes about 300).
const ROW_ROOM: usize = 512;

/// One row of cells and the line (or spreadsheet row) it starts on.
///
/// The cells are kept as one text, with where each cell ends: a cell of its own each was an
/// allocation per cell.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Row {
    line: usize,
    /// Every cell's text, one after another.
    text: String,
    /// Where each cell ends in `text`.
    ends: Vec<usize>,
}

impl Row {
    /// A row from cells read elsewhere (a spreadsheet).
    pub fn from_cells(line: usize, cells: Vec<String>) -> Row {
        let mut row = Row {
            line,
            ..Row::default()
        };
        for cell in &cells {
            row.text.push_str(cell);
            row.ends.push(row.text.len());
        }
        row
    }

    /// The 1-based line the row starts on, as the user's text editor counts.
    pub fn line(&self) -> usize {
        self.line
    }

    /// How many cells the row has.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The bytes of all its cells together: no cell is longer.
    pub fn text_len(&self) -> usize {
        self.text.len()
    }

    /// The cell in `column` as written; `None` past the row's end and for TikTok's
    /// `undefined`.
    pub fn get(&self, column: usize) -> Option<&str> {
        self.cell(column)
            .filter(|cell| cell.len() < MISSING.len() || trim_cell(cell) != MISSING)
    }

    /// The cell in `column` as written, `undefined` included.
    fn cell(&self, column: usize) -> Option<&str> {
        let end = *self.ends.get(column)?;
        let start = match column {
            0 => 0,
            _ => *self.ends.get(column - 1)?,
        };
        self.text.get(start..end)
    }

    /// Every cell as written, in order.
    fn cells(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).filter_map(|column| self.cell(column))
    }

    /// Whether every cell is empty (spreadsheets leave such rows behind).
    pub fn is_blank(&self) -> bool {
        self.cells().all(|cell| trim_cell(cell).is_empty())
    }
}

/// A header and its rows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// Column names as written, trimmed, without BOM.
    pub headers: Vec<String>,
    /// The line the header is on.
    pub header_line: usize,
    pub rows: Vec<Row>,
}

/// Reads a whole CSV text. `delimiter` is the one a `sep=` line named, else it is sniffed from
/// the header line; `first_line` is the file's line number of the text's first line.
pub fn read_table(
    text: &str,
    delimiter: Option<u8>,
    first_line: usize,
) -> Result<Table, TableError> {
    let mut rows = CsvRows::open(text, delimiter, first_line)?;
    let headers = rows.headers.clone();
    let header_line = rows.header_line;
    let body: Result<Vec<Row>, TableError> = rows.by_ref().collect();
    Ok(Table {
        headers,
        header_line,
        rows: body?,
    })
}

/// Where rows come from, one at a time: a text in memory ([`CsvRows`]) or a file read a few
/// megabytes at a time ([`ChunkedRows`]).
pub trait RowSource {
    /// Reads the next row into `row`, reusing its storage. `Ok(false)` at the end; after an
    /// error every call is `Ok(false)`, except after [`TableError::RowTooLong`]: that row is
    /// passed over and the next call reads the row after it.
    fn read_into(&mut self, row: &mut Row) -> Result<bool, TableError>;
    /// How far through its text the source has read, from 0 to 1.
    fn done(&self) -> f32;
}

/// Rows of a CSV text read one at a time, for files too big to hold as a [`Table`].
pub struct CsvRows<'a> {
    text: &'a str,
    /// Where the next record may start.
    at: usize,
    delimiter: u8,
    /// Where the last record read starts, and whether it failed for a quote never closed
    /// (in a piece of a file: the record goes on in the next piece).
    last_start: usize,
    unclosed: bool,
    /// Lines counted up to `counted_to` (only as far as a record is asked for).
    counted_to: usize,
    line_at_counted: usize,
    finished: bool,
    /// Column names as written, trimmed, without BOM.
    pub headers: Vec<String>,
    pub header_line: usize,
}

impl<'a> CsvRows<'a> {
    /// Reads the header row and stands ready to read the rest.
    pub fn open(
        text: &'a str,
        delimiter: Option<u8>,
        first_line: usize,
    ) -> Result<CsvRows<'a>, TableError> {
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let delimiter = delimiter.unwrap_or_else(|| sniff_delimiter(text));
        let mut rows = CsvRows::body(text, delimiter, first_line);
        let header = rows.next().ok_or(TableError::NoHeader)??;
        rows.header_line = header.line;
        rows.headers = header.cells().map(|h| h.trim().to_string()).collect();
        if rows.headers.iter().all(String::is_empty) {
            return Err(TableError::NoHeader);
        }
        Ok(rows)
    }

    /// Rows of a text without a header row (a piece of a file after its header), its first
    /// line being the file's line `first_line`.
    pub(crate) fn body(text: &'a str, delimiter: u8, first_line: usize) -> CsvRows<'a> {
        CsvRows {
            text,
            at: 0,
            delimiter,
            last_start: 0,
            unclosed: false,
            counted_to: 0,
            line_at_counted: first_line,
            finished: false,
            headers: Vec::new(),
            header_line: first_line,
        }
    }

    /// The delimiter in use (named or sniffed).
    pub(crate) fn delimiter(&self) -> u8 {
        self.delimiter
    }

    /// Bytes of the text read so far (the header, after [`open`](Self::open)).
    pub(crate) fn consumed(&self) -> usize {
        self.at
    }

    /// Where the last record read starts, when it failed only because a quoted field was still
    /// open at the end of the text.
    pub(crate) fn unclosed_record(&self) -> Option<usize> {
        self.unclosed.then_some(self.last_start)
    }
}

impl CsvRows<'_> {
    /// The 1-based line of byte `at`, counting forward from the last record.
    pub(crate) fn line_at(&mut self, at: usize) -> usize {
        if at > self.counted_to {
            let between = self
                .text
                .as_bytes()
                .get(self.counted_to..at)
                .unwrap_or_default();
            self.line_at_counted += memchr::memchr_iter(b'\n', between).count();
            self.counted_to = at;
        }
        self.line_at_counted
    }

    /// Reads the next row into `row`, reusing its storage (a million-row file then costs no
    /// allocation per row). `Ok(false)` at the end; after an error every call is `Ok(false)`.
    pub fn read_into(&mut self, row: &mut Row) -> Result<bool, TableError> {
        if self.finished {
            return Ok(false);
        }
        // Blank lines between records are no records.
        let bytes = self.text.as_bytes();
        let blank = bytes
            .get(self.at..)
            .unwrap_or_default()
            .iter()
            .take_while(|b| matches!(b, b'\r' | b'\n'))
            .count();
        let start = self.at + blank;
        let line = self.line_at(start);
        row.line = line;
        self.last_start = start;
        if start >= bytes.len() {
            self.at = bytes.len();
            self.finished = true;
            return Ok(false);
        }
        row.text.clear();
        row.ends.clear();
        // Room for a usual row at once: a row reused for a longer one grew again and again.
        row.text.reserve(ROW_ROOM);
        match split_record(
            self.text,
            start,
            self.delimiter,
            &mut row.text,
            &mut row.ends,
        ) {
            Ok(next) => {
                self.at = next;
                Ok(true)
            }
            Err(bad) => {
                self.finished = true;
                self.unclosed = matches!(bad, BadQuoting::NeverClosed(_));
                let before = bytes.get(start..bad.at()).unwrap_or_default();
                Err(TableError::Malformed {
                    line: line + memchr::memchr_iter(b'\n', before).count(),
                    reason: bad.reason().to_string(),
                })
            }
        }
    }
}

impl RowSource for CsvRows<'_> {
    fn read_into(&mut self, row: &mut Row) -> Result<bool, TableError> {
        CsvRows::read_into(self, row)
    }

    fn done(&self) -> f32 {
        if self.text.is_empty() {
            return 1.0;
        }
        (self.consumed().min(self.text.len()) as f64 / self.text.len() as f64) as f32
    }
}

impl Iterator for CsvRows<'_> {
    type Item = Result<Row, TableError>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut row = Row::default();
        match self.read_into(&mut row) {
            Ok(true) => Some(Ok(row)),
            Ok(false) => None,
            Err(err) => Some(Err(err)),
        }
    }
}

/// The delimiter of a header line: the most frequent of `,` `;` and tab outside quotes.
pub fn sniff_delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for byte in header.bytes() {
        if byte == b'"' {
            quoted = !quoted;
        } else if !quoted {
            for (delimiter, count) in &mut counts {
                *count += usize::from(byte == *delimiter);
            }
        }
    }
    // The first of the most frequent wins, so a header with none of them reads as CSV.
    counts
        .iter()
        .fold(
            (b',', 0),
            |best, &(d, n)| if n > best.1 { (d, n) } else { best },
        )
        .0
}

mod chunked;
mod splitting;

pub use chunked::ChunkedRows;
pub(crate) use splitting::NEVER_CLOSED;
use splitting::{BadQuoting, split_record};

#[cfg(test)]
mod tests;
