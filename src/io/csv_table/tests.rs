use proptest::prelude::*;

use super::*;

/// Overview.csv as TikTok Studio writes it (after the BOM is decoded away): every field
/// quoted, `\n` line ends, no final newline.
const OVERVIEW: &str = "\"Date\",\"Video Views\",\"Profile Views\",\"Likes\",\"Comments\",\"Shares\"\n\"April 11\",\"1204\",\"35\",\"88\",\"-2\",\"4\"\n\"April 12\",\"undefined\",\"40\",\"91\",\"3\",\"5\"";

#[test]
fn studio_framing_reads_with_line_numbers() {
    let table = read_table(OVERVIEW, None, 1).expect("a table");
    assert_eq!(
        table.headers,
        [
            "Date",
            "Video Views",
            "Profile Views",
            "Likes",
            "Comments",
            "Shares"
        ]
    );
    assert_eq!(table.header_line, 1);
    assert_eq!(table.rows.len(), 2);
    assert_eq!(table.rows[0].line(), 2);
    assert_eq!(table.rows[0].get(4), Some("-2"));
    assert_eq!(table.rows[1].line(), 3);
    assert_eq!(table.rows[1].get(1), None, "undefined is missing");
    assert_eq!(
        table.rows[1].get(5),
        Some("5"),
        "the last field has no newline after it"
    );
    assert_eq!(table.rows[1].get(9), None);
}

#[test]
fn a_bom_left_in_the_text_is_dropped() {
    let table = read_table(
        "\u{FEFF}\"Gender\",\"Distribution\"\n\"Female\",\"0.59\"",
        None,
        1,
    )
    .expect("a table");
    assert_eq!(table.headers[0], "Gender");
}

#[test]
fn header_only_files_have_no_rows() {
    let table = read_table(
        "\"Date\",\"Followers\",\"Difference in followers from previous day\"",
        None,
        1,
    )
    .expect("a table");
    assert_eq!(table.headers.len(), 3);
    assert!(table.rows.is_empty());
}

#[test]
fn quoted_fields_hold_commas_quotes_and_line_breaks() {
    let text = "\"Video title\",\"Total views\"\n\"Knits, \"\"cosy\"\" ones\nsecond line\",\"5\"\n\"\",\"6\"";
    let table = read_table(text, None, 1).expect("a table");
    assert_eq!(
        table.rows[0].get(0),
        Some("Knits, \"cosy\" ones\nsecond line")
    );
    assert_eq!(
        table.rows[1].line(),
        4,
        "the line count includes the break inside the caption"
    );
    assert_eq!(
        table.rows[1].get(0),
        Some(""),
        "an empty caption is empty, not missing"
    );
}

#[test]
fn the_first_line_offset_counts_a_dropped_sep_line() {
    let table = read_table("Date;Reach\nmars 1;3", Some(b';'), 2).expect("a table");
    assert_eq!(table.header_line, 2);
    assert_eq!(table.rows[0].line(), 3);
    assert_eq!(table.rows[0].get(1), Some("3"));
}

#[test]
fn delimiters_are_sniffed_from_the_header() {
    assert_eq!(sniff_delimiter("a;b;c\n1,2;3"), b';');
    assert_eq!(sniff_delimiter("a\tb"), b'\t');
    assert_eq!(sniff_delimiter("\"a;b\",c"), b',');
    assert_eq!(sniff_delimiter("single"), b',');
}

#[test]
fn blank_lines_and_crlf_are_tolerated() {
    let table = read_table("a,b\r\n1,2\r\n\r\n3,4\r\n", None, 1).expect("a table");
    let lines: Vec<usize> = table.rows.iter().map(Row::line).collect();
    assert_eq!(lines, [2, 4]);
    assert_eq!(table.rows[1].get(1), Some("4"));
}

#[test]
fn an_unclosed_quote_names_the_line_it_opens_on() {
    let text = "\"Date\",\"Likes\"\n\"April 11\",\"3\"\n\"April 12,\"4\"\n\"April 13\",\"5\"";
    let err = read_table(text, None, 1).expect_err("malformed");
    assert!(
        matches!(
            &err,
            TableError::Malformed { line: 3, .. } | TableError::Malformed { line: 4, .. }
        ),
        "{err}"
    );
    let err = read_table("a,b\n1,\"2\n3,4", None, 1).expect_err("never closed");
    assert_eq!(
        err,
        TableError::Malformed {
            line: 2,
            reason: "a quoted field opens here and is never closed".into()
        }
    );
}

#[test]
fn text_after_a_closing_quote_is_refused() {
    let err = read_table("a,b\n1,2\n\"x\"y,3", None, 1).expect_err("malformed");
    assert!(
        matches!(err, TableError::Malformed { line: 3, .. }),
        "{err}"
    );
}

#[test]
fn a_bare_quote_inside_an_unquoted_field_is_kept() {
    let table = read_table("name,size\nscreen,5\"", None, 1).expect("a table");
    assert_eq!(table.rows[0].get(1), Some("5\""));
}

#[test]
fn nothing_but_blank_is_no_header() {
    assert_eq!(read_table("", None, 1), Err(TableError::NoHeader));
    assert_eq!(read_table(",,\n1,2,3", None, 1), Err(TableError::NoHeader));
}

#[test]
fn rows_stream_one_at_a_time() {
    let mut rows = CsvRows::open(OVERVIEW, None, 1).expect("rows");
    assert_eq!(rows.headers.len(), 6);
    assert_eq!(rows.next().expect("a row").expect("ok").line(), 2);
    assert_eq!(rows.next().expect("a row").expect("ok").line(), 3);
    assert!(rows.next().is_none());
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        let _ = read_table(&text, None, 1);
    }

    #[test]
    fn csv_shaped_text_never_panics(text in "[\"a-z0-9,;\t\r\n ]{0,200}", offset in 0usize..5) {
        if let Ok(table) = read_table(&text, None, offset) {
            for row in &table.rows {
                prop_assert!(row.line() >= table.header_line);
            }
        }
    }
}

#[test]
fn the_quick_trim_of_a_cell_is_the_standard_trim() {
    for cell in [
        "",
        " ",
        "a",
        "3203",
        " 3203",
        "3203 ",
        "\t11.3K\r",
        "đan mưa",
        "mưa ",
        " 我们",
        "x\u{a0}",
        "\u{3000}松弛感\u{3000}",
        "\u{2003}y",
        "\u{1f}z",
        "z\u{7f}",
        "@creator.0",
    ] {
        assert_eq!(super::trim_cell(cell), cell.trim(), "{cell:?}");
    }
}

proptest! {
    #[test]
    fn any_cell_trims_quickly_as_the_standard_trim(cell in "[ \t\u{a0}\u{3000}]{0,2}.{0,6}[ \t\u{a0}\u{3000}]{0,2}") {
        prop_assert_eq!(super::trim_cell(&cell), cell.trim());
    }
}
