use proptest::prelude::*;

use super::{NEVER_CLOSED, TEXT_AFTER_QUOTE};
use crate::io::csv_table::{CsvRows, Row, TableError};

/// The quoting a record may not have, as a state machine over every byte: the definition the
/// splitting's jumps follow (the `csv` crate itself reads such records without a word).
fn check_quotes_by_byte(raw: &[u8], delimiter: u8, first_line: usize) -> Result<(), TableError> {
    enum State {
        FieldStart,
        Unquoted,
        Quoted { opened_on: usize },
        AfterQuote { opened_on: usize },
    }
    let mut state = State::FieldStart;
    let mut line = first_line;
    for &byte in raw {
        state = match (state, byte) {
            (State::FieldStart, b'"') => State::Quoted { opened_on: line },
            (State::Quoted { opened_on }, b'"') => State::AfterQuote { opened_on },
            (State::AfterQuote { opened_on }, b'"') => State::Quoted { opened_on },
            (State::Quoted { opened_on }, other) => {
                line += usize::from(other == b'\n');
                State::Quoted { opened_on }
            }
            (_, b'\n') => {
                line += 1;
                State::FieldStart
            }
            (_, b'\r') => State::FieldStart,
            (_, d) if d == delimiter => State::FieldStart,
            (State::AfterQuote { .. }, _) => {
                return Err(TableError::Malformed {
                    line,
                    reason: TEXT_AFTER_QUOTE.to_string(),
                });
            }
            (_, _) => State::Unquoted,
        };
    }
    match state {
        State::Quoted { opened_on } => Err(TableError::Malformed {
            line: opened_on,
            reason: NEVER_CLOSED.to_string(),
        }),
        _ => Ok(()),
    }
}

type Rows = Vec<(usize, Vec<String>)>;

/// What reading gave when the `csv` crate split the records: its records, each refused when
/// the byte-by-byte definition refuses its raw text, with the line each starts on.
fn through_the_csv_crate(text: &str, delimiter: u8) -> (Rows, Option<TableError>) {
    let bytes = text.as_bytes();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes);
    let mut record = csv::ByteRecord::new();
    let mut rows = Vec::new();
    loop {
        let read = reader.read_byte_record(&mut record).expect("memory reads");
        if !read {
            return (rows, None);
        }
        // The crate may report the end of the previous line as the record's start.
        let reported = record.position().map_or(0, |p| p.byte() as usize);
        let start = reported
            + bytes[reported..]
                .iter()
                .take_while(|b| matches!(b, b'\r' | b'\n'))
                .count();
        let end = (reader.position().byte() as usize).min(bytes.len());
        let line = 1 + bytes[..start].iter().filter(|&&b| b == b'\n').count();
        if let Err(error) = check_quotes_by_byte(&bytes[start..end], delimiter, line) {
            return (rows, Some(error));
        }
        let cells = record
            .iter()
            .map(|cell| String::from_utf8(cell.to_vec()).expect("cells of UTF-8 text"))
            .collect();
        rows.push((line, cells));
    }
}

/// What the reading gives now.
fn split_here(text: &str, delimiter: u8) -> (Rows, Option<TableError>) {
    let mut rows = CsvRows::body(text, delimiter, 1);
    let mut row = Row::default();
    let mut read = Vec::new();
    loop {
        match rows.read_into(&mut row) {
            Ok(true) => read.push((row.line(), row.cells().map(str::to_string).collect())),
            Ok(false) => return (read, None),
            Err(error) => return (read, Some(error)),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    #[test]
    fn records_split_as_the_csv_crate_splits_them_and_bad_quoting_is_refused_where_it_starts(
        text in "[\"a ,;\t\r\né松]{0,40}",
        delimiter in prop::sample::select(vec![b',', b';', b'\t', b' ', b'"']),
    ) {
        prop_assert_eq!(split_here(&text, delimiter), through_the_csv_crate(&text, delimiter));
    }
}

#[test]
fn quotes_open_a_field_only_at_its_start_and_any_line_break_ends_a_record() {
    let (rows, error) = split_here(
        "5\" screen,\"a, \"\"b\"\"\"\r\nc\rd\n\n\"multi\nline\",e",
        b',',
    );
    assert_eq!(error, None);
    let cells: Vec<Vec<String>> = rows.iter().map(|(_, cells)| cells.clone()).collect();
    assert_eq!(
        cells,
        [
            vec!["5\" screen".to_string(), "a, \"b\"".to_string()],
            vec!["c".to_string()],
            vec!["d".to_string()],
            vec!["multi\nline".to_string(), "e".to_string()],
        ]
    );
    let lines: Vec<usize> = rows.iter().map(|(line, _)| *line).collect();
    assert_eq!(lines, [1, 2, 2, 4], "a lone \\r starts no new line");
}

#[test]
fn bad_quoting_names_the_line_it_starts_on() {
    let (rows, error) = split_here("a,b\n\"never\nclosed,c\n", b',');
    assert_eq!(rows.len(), 1);
    assert_eq!(
        error,
        Some(TableError::Malformed {
            line: 2,
            reason: NEVER_CLOSED.to_string()
        })
    );
    let (_, error) = split_here("a,b\n\"two\nlines\"x,c\n", b',');
    assert_eq!(
        error,
        Some(TableError::Malformed {
            line: 3,
            reason: TEXT_AFTER_QUOTE.to_string()
        })
    );
}
