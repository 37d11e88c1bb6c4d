use proptest::prelude::*;

use super::*;
use crate::io::csv_table::read_table;

fn open(text: &str, piece: usize) -> Option<ChunkedRows> {
    let bytes = text.as_bytes().to_vec();
    let total = bytes.len() as u64;
    ChunkedRows::open_in_pieces(Box::new(std::io::Cursor::new(bytes)), total, piece)
        .expect("reading memory does not fail")
}

/// Every row (line and cells) or the first error, as the whole-text reader gives them.
fn whole(text: &str) -> Result<Vec<(usize, Vec<String>)>, TableError> {
    let table = read_table(text, None, 1)?;
    Ok(table
        .rows
        .iter()
        .map(|r| {
            (
                r.line(),
                (0..r.len())
                    .map(|i| r.get(i).unwrap_or("?").to_string())
                    .collect(),
            )
        })
        .collect())
}

fn chunked(rows: &mut ChunkedRows) -> Result<Vec<(usize, Vec<String>)>, TableError> {
    let mut out = Vec::new();
    let mut row = Row::default();
    while rows.read_into(&mut row)? {
        out.push((
            row.line(),
            (0..row.len())
                .map(|i| row.get(i).unwrap_or("?").to_string())
                .collect(),
        ));
    }
    Ok(out)
}

#[test]
fn rows_spanning_pieces_read_as_in_the_whole_text() {
    let text = "\u{FEFF}id,caption,views\n1,\"two\nlines, and a comma\",5\r\n\r\n2,plain,6\n3,\"\"\"quoted\"\"\",7";
    for piece in [1, 2, 5, 13, 40, 4096] {
        let mut rows = open(text, piece).expect("plain UTF-8");
        assert_eq!(rows.headers, ["id", "caption", "views"]);
        assert_eq!(rows.encoding, Encoding::Utf8WithBom);
        assert_eq!(chunked(&mut rows), whole(text), "piece of {piece} bytes");
        assert!((rows.done() - 1.0).abs() < 1e-6);
    }
}

#[test]
fn a_quote_never_closed_is_the_same_error_at_the_same_line() {
    let text = "id,caption\n1,ok\n2,\"never closed\n3,x\n4,y\n";
    for piece in [3, 8, 64] {
        let mut rows = open(text, piece).expect("plain UTF-8");
        assert_eq!(chunked(&mut rows), whole(text), "piece of {piece} bytes");
    }
}

#[test]
fn files_that_are_not_plain_utf8_are_left_to_the_whole_file_reader() {
    let utf16 = b"\xFF\xFEi\0d\0".to_vec();
    let sep = b"sep=;\nid;views\n1;2\n".to_vec();
    for bytes in [
        utf16,
        sep,
        b"id,caf\xE9\n1,2\n".to_vec(),
        b"\0\0\0".to_vec(),
    ] {
        let total = bytes.len() as u64;
        let opened = ChunkedRows::open_in_pieces(Box::new(std::io::Cursor::new(bytes)), total, 64)
            .expect("memory");
        assert!(opened.is_none());
    }
    let mut later = b"id,views\n1,2\n".to_vec();
    later.extend_from_slice(b"2,caf\xE9\n");
    let total = later.len() as u64;
    let mut rows = ChunkedRows::open_in_pieces(Box::new(std::io::Cursor::new(later)), total, 12)
        .expect("memory")
        .expect("the head is plain");
    assert!(chunked(&mut rows).is_err());
    assert!(rows.not_plain_text());
}

proptest! {
    #[test]
    fn any_text_reads_as_the_whole_text_reads(
        body in "[a\",\r\n]{0,60}",
        piece in 1usize..24,
    ) {
        let text = format!("h1,h2\n{body}");
        if let Some(mut rows) = open(&text, piece) {
            prop_assert_eq!(chunked(&mut rows), whole(&text));
        }
    }
}

/// Every row or rejection, reading on after a row too long to hold.
fn chunked_past_long_rows(
    text: &str,
    piece: usize,
    longest: usize,
) -> Vec<Result<usize, TableError>> {
    let mut rows = open(text, piece).expect("plain CSV");
    rows.longest_row = longest;
    let mut out = Vec::new();
    let mut row = Row::default();
    loop {
        match rows.read_into(&mut row) {
            Ok(true) => out.push(Ok(row.line())),
            Ok(false) => return out,
            Err(error) => out.push(Err(error)),
        }
    }
}

#[test]
fn a_row_too_long_to_hold_is_read_past_with_its_line_and_the_rows_after_it_are_read() {
    let caption = "x".repeat(300);
    for ending in ["\n", "\r\n"] {
        let text = [
            "id,caption,views".to_string(),
            "1,short,5".to_string(),
            format!("2,\"{caption}\nsecond line\",6"),
            format!("3,{caption},7"),
            "4,\"two\nlines\",8".to_string(),
        ]
        .join(ending);
        for piece in [8, 64] {
            let got = chunked_past_long_rows(&text, piece, 128);
            assert_eq!(
                got,
                vec![
                    Ok(2),
                    Err(TableError::RowTooLong {
                        line: 3,
                        column: 1,
                        chars: 312
                    }),
                    Err(TableError::RowTooLong {
                        line: 5,
                        column: 1,
                        chars: 300
                    }),
                    Ok(6),
                ],
                "piece {piece}, ending {ending:?}"
            );
        }
    }
}

#[test]
fn a_quote_that_never_closes_is_still_refused_without_reading_the_file_in() {
    let text = format!("id,caption\n1,ok\n2,\"{}", "y".repeat(500));
    let got = chunked_past_long_rows(&text, 16, 64);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(
        got[1],
        Err(TableError::Malformed {
            line: 3,
            reason: crate::io::csv_table::NEVER_CLOSED.to_string()
        })
    );
}
