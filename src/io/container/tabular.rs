//! Reading one table (a decoded CSV, or a workbook sheet): as the TikTok Studio report its
//! header says it is, else through the first [`TableReader`](super::TableReader) that takes it, else refused as
//! not recognised, naming its header.
//!
//! It never guesses a report from a file name, and never reads a non-Studio table itself.

use std::borrow::Cow;

use super::{Origin, ReadOptions, unreadable};
use crate::io::csv_table::{CsvRows, Table, TableError, read_table};
use crate::io::studio::{ExportClues, StudioFile, detect, read_report};
use crate::io::text::{TextError, decode};
use crate::io::{ImportError, Sink};

pub(super) fn read_text(
    file: &str,
    bytes: &[u8],
    origin: &Origin,
    options: &ReadOptions,
    sink: &mut dyn Sink,
) -> Result<(), ImportError> {
    let decoded = decode(bytes).map_err(|err| match err {
        TextError::Binary(..) => ImportError::NotRecognised {
            file: file.to_string(),
            detail: err.to_string(),
        },
        other => unreadable(file, other.to_string()),
    })?;
    let table_error = |err: TableError| match err {
        TableError::Malformed { line, reason } => ImportError::AtLine {
            file: file.to_string(),
            line,
            reason,
        },
        TableError::RowTooLong { line, .. } => ImportError::AtLine {
            file: file.to_string(),
            line,
            reason: err.to_string(),
        },
        TableError::NoHeader => unreadable(file, "the file has no header row"),
    };
    let header =
        CsvRows::open(&decoded.text, decoded.delimiter, decoded.first_line).map_err(table_error)?;
    let mut notes: Vec<String> = decoded.encoding.note().into_iter().collect();
    if decoded.delimiter.is_some() {
        notes.push("its first line (sep=) only named the delimiter and was skipped".to_string());
    }
    let table = if detect(&header.headers).is_some() {
        read_table(&decoded.text, decoded.delimiter, decoded.first_line).map_err(table_error)?
    } else {
        Table {
            headers: header.headers,
            header_line: header.header_line,
            rows: Vec::new(),
        }
    };
    let sheet = Sheet {
        file,
        table: &table,
        encoding: decoded.encoding.label(),
        notes: &notes,
        origin,
    };
    // The file's own bytes, not a copy: a history file can be hundreds of megabytes.
    read_tabular(&sheet, options, sink, &|| Cow::Borrowed(bytes))
}

/// One table to read, and what is known about it.
pub(super) struct Sheet<'a> {
    /// The file as the user knows it (a workbook's sheet: `Stats.xlsx[Week 2]`).
    pub file: &'a str,
    pub table: &'a Table,
    pub encoding: &'a str,
    pub notes: &'a [String],
    pub origin: &'a Origin,
}

/// Reads a table as the Studio report it is, else through the first table reader that takes
/// it (`raw` gives that reader the file's bytes); else the file is not recognised.
pub(super) fn read_tabular<'b>(
    sheet: &Sheet<'_>,
    options: &ReadOptions,
    sink: &mut dyn Sink,
    raw: &dyn Fn() -> Cow<'b, [u8]>,
) -> Result<(), ImportError> {
    let Sheet {
        file,
        table,
        encoding,
        notes,
        origin,
    } = *sheet;
    if let Some(kind) = detect(&table.headers) {
        let clues = ExportClues {
            stated: origin.stated,
            given: options.export_date,
            modified: origin.modified,
        };
        let input = StudioFile {
            file,
            table,
            encoding,
            account_hint: origin.account_hint.as_deref(),
            clues: &clues,
            notes,
        };
        return read_report(kind, &input, sink);
    }
    if let Some(reader) = options
        .table_readers
        .iter()
        .find(|r| r.recognises(&table.headers))
    {
        return reader.read(file, &raw(), sink);
    }
    let mut header: String = table.headers.join(", ").chars().take(200).collect();
    if header.trim().is_empty() {
        header = "(empty)".to_string();
    }
    Err(ImportError::NotRecognised {
        file: file.to_string(),
        detail: format!("its header is: {header}"),
    })
}

/// A sheet written out as CSV, for readers that take CSV bytes.
pub(super) fn table_as_csv(table: &Table) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut write = || -> Result<(), csv::Error> {
        writer.write_record(&table.headers)?;
        for row in &table.rows {
            writer.write_record((0..row.len()).map(|i| row.get(i).unwrap_or("undefined")))?;
        }
        writer.flush()?;
        Ok(())
    };
    // Writing to memory only fails on a bug; an empty result then reads as "not recognised".
    let _ = write();
    writer.into_inner().unwrap_or_default()
}
