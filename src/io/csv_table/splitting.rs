//! One CSV record split into its cells in a single pass over its text, refusing the quoting
//! a spreadsheet would misread: text after a closing quote, or a quoted field that never
//! closes (which would swallow the rest of the file).
//!
//! It reads what the `csv` crate reads (a property test holds the two together): a quote opens
//! a quoted field only at a field's start (elsewhere it is text), `""` inside one is a quote,
//! and `\n`, `\r\n` or a lone `\r` ends a record. It jumps from one special byte to the next
//! (`memchr`) instead of walking every byte through a state machine: the `csv` crate's walk,
//! then a second scan for the quoting it lets pass, were a quarter of reading a big history.

/// Why a record's quoting is refused.
pub(crate) const NEVER_CLOSED: &str = "a quoted field opens here and is never closed";
pub(super) const TEXT_AFTER_QUOTE: &str = "text follows a closing quote inside a field (a quote inside a quoted field must be doubled: \"\")";

/// Quoting that cannot be read, at a byte of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum BadQuoting {
    /// The quoted field opening at this byte never closes.
    NeverClosed(usize),
    /// Text follows a closing quote, from this byte.
    TextAfterQuote(usize),
}

impl BadQuoting {
    pub(super) fn at(self) -> usize {
        match self {
            BadQuoting::NeverClosed(at) | BadQuoting::TextAfterQuote(at) => at,
        }
    }

    pub(super) fn reason(self) -> &'static str {
        match self {
            BadQuoting::NeverClosed(_) => NEVER_CLOSED,
            BadQuoting::TextAfterQuote(_) => TEXT_AFTER_QUOTE,
        }
    }
}

/// Where the record ending at the line break `at` lets the next one start.
fn after_line_break(bytes: &[u8], at: usize) -> usize {
    match bytes.get(at..at + 2) {
        Some(b"\r\n") => at + 2,
        _ => at + 1,
    }
}

/// Splits the record starting at byte `start` of `text` (not at a line break): its cells'
/// text, one after another, onto `cells` and where each ends in `cells` onto `ends`. Returns
/// where the next record can start (past this one's line break).
pub(super) fn split_record(
    text: &str,
    start: usize,
    delimiter: u8,
    cells: &mut String,
    ends: &mut Vec<usize>,
) -> Result<usize, BadQuoting> {
    let bytes = text.as_bytes();
    let mut at = start;
    loop {
        if bytes.get(at) == Some(&b'"') {
            let open = at;
            at += 1;
            // Inside the quotes: `""` is a quote; a lone quote closes them.
            loop {
                let rest = bytes.get(at..).unwrap_or_default();
                let Some(quote) = memchr::memchr(b'"', rest).map(|q| at + q) else {
                    return Err(BadQuoting::NeverClosed(open));
                };
                // Cells part at ASCII bytes, so these are always character boundaries.
                cells.push_str(text.get(at..quote).unwrap_or_default());
                if bytes.get(quote + 1) == Some(&b'"') {
                    cells.push('"');
                    at = quote + 2;
                } else {
                    at = quote + 1;
                    break;
                }
            }
            ends.push(cells.len());
            match bytes.get(at) {
                None => return Ok(at),
                Some(&b) if b == delimiter => at += 1,
                Some(b'\n' | b'\r') => return Ok(after_line_break(bytes, at)),
                Some(_) => return Err(BadQuoting::TextAfterQuote(at)),
            }
            continue;
        }
        let rest = bytes.get(at..).unwrap_or_default();
        let end = memchr::memchr3(delimiter, b'\n', b'\r', rest).map_or(bytes.len(), |e| at + e);
        cells.push_str(text.get(at..end).unwrap_or_default());
        ends.push(cells.len());
        match bytes.get(end) {
            None => return Ok(end),
            Some(b'\n' | b'\r') => return Ok(after_line_break(bytes, end)),
            Some(_) => at = end + 1,
        }
    }
}

#[cfg(test)]
mod tests;
