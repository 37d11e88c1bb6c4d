//! Reading XLSX workbooks (Studio's Viewers.xlsx and spreadsheets users save) into the same
//! [`Table`] a CSV becomes: every cell as text, numbers included, each row with its
//! spreadsheet row number.
//!
//! It only reads plain workbooks: macro-enabled files, workbooks with external links,
//! ActiveX controls or binary (.xlsb) parts are refused with a clear reason, never opened.
//! It never builds a dense grid from a sheet's declared size (a crafted sheet could claim a
//! billion cells): only the cells actually present are read.

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{DataRef, Reader, Xlsx};
use chrono::{Days, NaiveDate};

use super::archive::Archive;
use crate::io::csv_table::{Row, Table};

/// Wider than any export or history table; a wider sheet is refused rather than read.
const MAX_COLUMNS: u32 = 1024;

/// Whether an archive is a workbook rather than a ZIP of files.
pub(crate) fn is_workbook(archive: &Archive<'_>) -> bool {
    archive.has("xl/workbook.xml") || archive.has("xl/workbook.bin")
}

/// Why a ZIP-shaped document that is no workbook (ODS, DOCX, PPTX ...) is not read, if it is one.
pub(crate) fn other_document(archive: &Archive<'_>) -> Option<&'static str> {
    if archive.has("mimetype") && archive.has("content.xml") {
        return Some(
            "this is an OpenDocument file (.ods, .odt ...); save it as .xlsx or CSV and import that",
        );
    }
    archive.has("[Content_Types].xml").then_some(
        "this is an Office document but not a workbook (a .docx or .pptx?); Scrollstop reads .xlsx and CSV",
    )
}

/// Refuses anything that is not a plain workbook, before calamine sees it.
pub(crate) fn check_plain(archive: &mut Archive<'_>) -> Result<(), String> {
    let names: Vec<String> = archive
        .names()
        .into_iter()
        .map(|(_, n)| n.to_ascii_lowercase())
        .collect();
    if names.iter().any(|n| n.ends_with("vbaproject.bin")) {
        return Err("this workbook contains macros; Scrollstop does not open macro-enabled workbooks. Save it as a plain .xlsx (or CSV) and import that".to_string());
    }
    if names.iter().any(|n| n.starts_with("xl/externallinks/")) {
        return Err("this workbook links to other files (external links); save a copy with the links broken (Data > Edit Links > Break Link) or as CSV, and import that".to_string());
    }
    if names.iter().any(|n| n.starts_with("xl/activex/")) {
        return Err(
            "this workbook contains ActiveX controls; save a plain .xlsx or CSV and import that"
                .to_string(),
        );
    }
    if names.iter().any(|n| n == "xl/workbook.bin") {
        return Err(
            "this is a binary workbook (.xlsb); save it as .xlsx or CSV and import that"
                .to_string(),
        );
    }
    let types = archive
        .names()
        .into_iter()
        .find(|(_, n)| n == "[Content_Types].xml")
        .map(|(index, _)| archive.read(index))
        .transpose()?
        .flatten()
        .map(|entry| String::from_utf8_lossy(&entry.bytes).to_ascii_lowercase())
        .unwrap_or_default();
    // Decided from what the package holds (a VBA part, checked above) and from the workbook
    // part's own type, never from the file name or the defaults list: many writers (and Excel,
    // after macros were removed) keep a `.bin` -> vbaProject default with no such part.
    if workbook_type(&types).is_some_and(|t| t.contains("macroenabled")) {
        return Err(
            "this workbook is macro-enabled; save it as a plain .xlsx (or CSV) and import that"
                .to_string(),
        );
    }
    Ok(())
}

/// The content type `[Content_Types].xml` (lower-cased) gives the workbook part itself.
fn workbook_type(types: &str) -> Option<&str> {
    types.split("<override").skip(1).find_map(|element| {
        let element = &element[..element.find('>').unwrap_or(element.len())];
        let part = attribute(element, "partname")?;
        if part.trim_start_matches('/') != "xl/workbook.xml" {
            return None;
        }
        attribute(element, "contenttype")
    })
}

/// The value of `name="..."` (or `'...'`) in an element's text.
fn attribute<'a>(element: &'a str, name: &str) -> Option<&'a str> {
    let at = element.find(&format!("{name}="))? + name.len() + 1;
    let rest = &element[at..];
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let rest = &rest[1..];
    Some(&rest[..rest.find(quote)?])
}

/// Every sheet with a header, as (sheet name, table).
pub(crate) fn sheets(bytes: &[u8]) -> Result<Vec<(String, Table)>, String> {
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes))
        .map_err(|err| format!("this workbook cannot be read ({err})"))?;
    let mut tables = Vec::new();
    for name in workbook.sheet_names() {
        let mut cells = workbook
            .worksheet_cells_reader(&name)
            .map_err(|err| format!("sheet \"{name}\" cannot be read ({err})"))?;
        let mut rows: BTreeMap<u32, Vec<(u32, String)>> = BTreeMap::new();
        let mut width = 0;
        while let Some(cell) = cells
            .next_cell()
            .map_err(|err| format!("sheet \"{name}\" is damaged ({err})"))?
        {
            let (row, column) = cell.get_position();
            let text = cell_text(cell.get_value());
            if text.is_empty() {
                continue;
            }
            if column >= MAX_COLUMNS {
                return Err(format!(
                    "sheet \"{name}\" is wider than {MAX_COLUMNS} columns; it is not a table Scrollstop reads"
                ));
            }
            width = width.max(column + 1);
            rows.entry(row).or_default().push((column, text));
        }
        if let Some(table) = table_of(rows, width) {
            tables.push((name, table));
        }
    }
    Ok(tables)
}

/// Lays present cells out as rows; the first row with any cell is the header.
fn table_of(rows: BTreeMap<u32, Vec<(u32, String)>>, width: u32) -> Option<Table> {
    let width = usize::try_from(width).ok()?;
    let mut laid_out = rows.into_iter().map(|(row, cells)| {
        let mut line = vec![String::new(); width];
        for (column, text) in cells {
            if let Some(slot) = usize::try_from(column).ok().and_then(|c| line.get_mut(c)) {
                *slot = text;
            }
        }
        (
            usize::try_from(row).unwrap_or(usize::MAX).saturating_add(1),
            line,
        )
    });
    let (header_line, headers) = laid_out.next()?;
    let headers = headers.into_iter().map(|h| h.trim().to_string()).collect();
    let rows = laid_out
        .map(|(line, cells)| Row::from_cells(line, cells))
        .collect();
    Some(Table {
        headers,
        header_line,
        rows,
    })
}

/// A cell as the text a CSV would hold: strings as they are, whole numbers without `.0`,
/// dates as `2026-05-10`.
fn cell_text(value: &DataRef<'_>) -> String {
    match value {
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_string(),
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) if f.fract() == 0.0 && f.abs() < 9e15 => format!("{f:.0}"),
        DataRef::Float(f) => f.to_string(),
        DataRef::Bool(b) => b.to_string(),
        DataRef::DateTime(serial) => excel_date(serial.as_f64()),
        DataRef::Error(err) => format!("#{err:?}"),
        DataRef::Empty => String::new(),
    }
}

/// An Excel serial day (1900 system) as an ISO date, or the number when it is no date.
fn excel_date(serial: f64) -> String {
    let base = NaiveDate::from_ymd_opt(1899, 12, 30).expect("a real day");
    let whole = serial.floor();
    if !(1.0..2_958_466.0).contains(&whole) {
        return serial.to_string();
    }
    // The range check above makes the cast exact.
    base.checked_add_days(Days::new(whole as u64))
        .map_or_else(|| serial.to_string(), |d| d.format("%Y-%m-%d").to_string())
}
