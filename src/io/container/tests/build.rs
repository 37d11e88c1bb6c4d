//! Test files built in memory: ZIPs (with the `zip` crate), minimal XLSX workbooks written by
//! hand (inline-string and `t="str"` cells, as Studio writes them), Studio-framed CSVs.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

pub fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/studio/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(path).expect("the fixture exists")
}

/// Studio framing: BOM, every field quoted, `\n`, no final newline.
pub fn studio_csv(rows: &[&[&str]]) -> Vec<u8> {
    let lines: Vec<String> = rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|c| format!("\"{}\"", c.replace('"', "\"\"")))
                .collect::<Vec<_>>()
                .join(",")
        })
        .collect();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(lines.join("\n").as_bytes());
    bytes
}

/// A ZIP of `entries` at the root, every entry dated 2026-01-03 10:00.
pub fn zip_of(entries: &[(&str, Vec<u8>)], deflated: bool) -> Vec<u8> {
    let method = if deflated {
        CompressionMethod::Deflated
    } else {
        CompressionMethod::Stored
    };
    let time = zip::DateTime::from_date_and_time(2026, 1, 3, 10, 0, 0).expect("a ZIP time");
    let options = SimpleFileOptions::default()
        .compression_method(method)
        .last_modified_time(time);
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        writer.start_file(*name, options).expect("an entry");
        writer.write_all(bytes).expect("written");
    }
    writer.finish().expect("a ZIP").into_inner()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn column_letter(index: usize) -> String {
    let mut letters = String::new();
    let mut n = index + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.insert(0, char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters
}

/// A one-sheet workbook: the first column as `t="str"` cells, the rest as inline strings.
/// `extra` entries are added as they are (a `vbaProject.bin`, external links ...).
pub fn xlsx(sheet: &str, rows: &[&[&str]], extra: &[(&str, Vec<u8>)]) -> Vec<u8> {
    xlsx_typed(
        sheet,
        rows,
        extra,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    )
}

/// As [`xlsx`], the workbook part declared with `workbook_type` in `[Content_Types].xml`.
pub fn xlsx_typed(
    sheet: &str,
    rows: &[&[&str]],
    extra: &[(&str, Vec<u8>)],
    workbook_type: &str,
) -> Vec<u8> {
    let mut data = String::new();
    for (r, row) in rows.iter().enumerate() {
        data.push_str(&format!("<row r=\"{}\">", r + 1));
        for (c, cell) in row.iter().enumerate() {
            let at = format!("{}{}", column_letter(c), r + 1);
            if c == 0 {
                data.push_str(&format!(
                    "<c r=\"{at}\" t=\"str\"><v>{}</v></c>",
                    escape(cell)
                ));
            } else {
                data.push_str(&format!(
                    "<c r=\"{at}\" t=\"inlineStr\"><is><t>{}</t></is></c>",
                    escape(cell)
                ));
            }
        }
        data.push_str("</row>");
    }
    let sheet_xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>{data}</sheetData></worksheet>"
    );
    let content_types = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"{workbook_type}\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>"
    );
    let rels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
    let workbook = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"{}\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
        escape(sheet)
    );
    let workbook_rels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>";
    let mut entries: Vec<(&str, Vec<u8>)> = vec![
        ("[Content_Types].xml", content_types.as_bytes().to_vec()),
        ("_rels/.rels", rels.as_bytes().to_vec()),
        ("xl/workbook.xml", workbook.into_bytes()),
        (
            "xl/_rels/workbook.xml.rels",
            workbook_rels.as_bytes().to_vec(),
        ),
        ("xl/worksheets/sheet1.xml", sheet_xml.into_bytes()),
    ];
    entries.extend(extra.iter().cloned());
    zip_of(&entries, true)
}
