//! Quoting the `csv` crate would silently accept, refused with the line it starts on: text
//! after a closing quote, or a quoted field that never closes (which would swallow the rest of
//! the file). A fast scan that jumps from quote to quote, held to a byte-by-byte state machine
//! by a property test.

use super::TableError;

/// Why a quoted field is refused when the text ends inside it.
pub(crate) const NEVER_CLOSED: &str = "a quoted field opens here and is never closed";

/// Checks one record's raw bytes for quoting the `csv` crate would silently accept: text after
/// a closing quote, or a quoted field that never closes (which swallows the rest of the file).
///
/// Only quotes matter, so it jumps from quote to quote rather than walking every byte through
/// a state machine; lines are counted only for an error.
pub(super) fn check_quotes(raw: &[u8], delimiter: u8, first_line: usize) -> Result<(), TableError> {
    if delimiter == b'"' {
        // A `sep="` line: quotes are separators too; walk every byte.
        return check_quotes_by_byte(raw, delimiter, first_line);
    }
    let line_of = |at: usize| first_line + raw[..at].iter().filter(|&&b| b == b'\n').count();
    let ends_field = |b: u8| b == delimiter || b == b'\n' || b == b'\r';
    let next_quote = |from: usize| {
        raw.get(from..)
            .and_then(|rest| memchr::memchr(b'"', rest))
            .map(|at| from + at)
    };
    let mut from = 0;
    // Outside quoted fields: a quote opens one only at the start of a field.
    while let Some(open) = next_quote(from) {
        let at_start = open == 0 || ends_field(raw[open - 1]);
        if !at_start {
            from = open + 1;
            continue;
        }
        // Inside the quoted field: `""` is a quote; a lone quote closes it.
        let mut inside = open + 1;
        let close = loop {
            let Some(quote) = next_quote(inside) else {
                return Err(TableError::Malformed {
                    line: line_of(open),
                    reason: NEVER_CLOSED.to_string(),
                });
            };
            if raw.get(quote + 1) == Some(&b'"') {
                inside = quote + 2;
            } else {
                break quote;
            }
        };
        match raw.get(close + 1) {
            None => return Ok(()),
            Some(&b) if ends_field(b) => from = close + 1,
            Some(_) => {
                return Err(TableError::Malformed {
                    line: line_of(close + 1),
                    reason: "text follows a closing quote inside a field (a quote inside a quoted field must be doubled: \"\")".to_string(),
                });
            }
        }
    }
    Ok(())
}

/// [`check_quotes`] as a state machine over every byte: the definition the fast scan follows.
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
                    reason: "text follows a closing quote inside a field (a quote inside a quoted field must be doubled: \"\")".to_string(),
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

#[cfg(test)]
mod tests {
    use super::{check_quotes, check_quotes_by_byte};
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn the_quote_scan_agrees_with_the_byte_state_machine(
            raw in "[a\",;\t\r\n]{0,24}",
            delimiter in prop::sample::select(vec![b',', b';', b'\t']),
        ) {
            prop_assert_eq!(
                check_quotes(raw.as_bytes(), delimiter, 3),
                check_quotes_by_byte(raw.as_bytes(), delimiter, 3)
            );
        }
    }
}
