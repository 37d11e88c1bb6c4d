//! Rows of a CSV file read from disk a few megabytes at a time, for files too big to hold in
//! memory (a million-row video history is 300 MB): memory stays at about two pieces, whatever
//! the size of the file.
//!
//! Each piece ends after a line break and is read with the same [`CsvRows`] as a whole text,
//! so rows, line numbers and quoting errors are exactly what reading the whole file gives. A
//! record whose quoted field runs past the end of a piece is read again with the next piece.
//!
//! A row longer than [`LONGEST_ROW`] (no valid row comes near it: a caption TikTok accepts is
//! 4,000 characters) is read past without being held, and told as [`TableError::RowTooLong`]
//! with its line; reading goes on after it, so memory stays bounded whatever the file holds.
//!
//! It only takes plain UTF-8 (with or without BOM): [`ChunkedRows::open`] says `None` for
//! anything else, and a later piece that is not plain UTF-8 text stops the reading with
//! [`ChunkedRows::not_plain_text`] set, so the caller can read the file whole instead (and
//! decode it as Windows-1252, or refuse it as binary, as [`crate::io::text`] does).

use std::io::Read;

use super::{CsvRows, Row, RowSource, TableError};
use crate::io::text::Encoding;

/// How many bytes are read from the file at a time.
const PIECE: usize = 4 << 20;
/// The longest row held: a longer one is read past (a quoted field left open, a 50 MB caption
/// would otherwise be read in whole).
pub const LONGEST_ROW: usize = 1 << 20;

mod oversized;
use oversized::PassOver;

/// The rows of a CSV file read piece by piece.
pub struct ChunkedRows {
    source: Box<dyn Read + Send>,
    /// How many bytes are read at a time.
    piece: usize,
    /// The longest row held ([`LONGEST_ROW`]; tests make it smaller).
    longest_row: usize,
    delimiter: u8,
    pub encoding: Encoding,
    /// Column names as written, trimmed, without BOM.
    pub headers: Vec<String>,
    pub header_line: usize,
    /// Bytes read from the file and not yet made into rows; they start at a record.
    pending: Vec<u8>,
    /// The file's line number of `pending`'s first byte.
    line: usize,
    /// Rows read from the last piece, handed out in order (their storage is reused).
    ready: Vec<Row>,
    ready_len: usize,
    next: usize,
    at_end_of_file: bool,
    finished: bool,
    not_plain_text: bool,
    bytes_read: u64,
    total_bytes: u64,
}

/// Whether the bytes hold a control character no spreadsheet writes (the test of
/// [`crate::io::text::decode`]).
fn has_control_bytes(bytes: &[u8]) -> bool {
    let control = |b: u8| (b < 0x20 && !matches!(b, b'\n' | b'\t' | b'\r' | 0x0C)) || b == 0x7F;
    // A chunk at a time without stopping inside it, which compiles to vector instructions:
    // byte by byte, this was about 6% of a history's reading.
    bytes
        .chunks(64)
        .any(|chunk| chunk.iter().fold(false, |found, &b| found | control(b)))
}

impl ChunkedRows {
    /// Reads the header of the file `source` (`total_bytes` long, for progress). `None` when the
    /// file does not start as plain UTF-8 CSV text (a BOM of UTF-16, bytes that are not UTF-8
    /// or are control characters, a `sep=` line, no header): read such a file whole.
    pub fn open(
        source: Box<dyn Read + Send>,
        total_bytes: u64,
    ) -> Result<Option<ChunkedRows>, std::io::Error> {
        Self::open_in_pieces(source, total_bytes, PIECE)
    }

    /// [`open`](Self::open) reading `piece` bytes at a time (tests cut small pieces).
    fn open_in_pieces(
        source: Box<dyn Read + Send>,
        total_bytes: u64,
        piece: usize,
    ) -> Result<Option<ChunkedRows>, std::io::Error> {
        let mut rows = ChunkedRows {
            source,
            piece,
            longest_row: LONGEST_ROW,
            delimiter: b',',
            encoding: Encoding::Utf8,
            headers: Vec::new(),
            header_line: 1,
            pending: Vec::with_capacity(piece + piece / 4),
            line: 1,
            ready: Vec::new(),
            ready_len: 0,
            next: 0,
            at_end_of_file: false,
            finished: false,
            not_plain_text: false,
            bytes_read: 0,
            total_bytes,
        };
        rows.fill(piece.max(4))?;
        if rows.pending.starts_with(b"\xEF\xBB\xBF") {
            rows.encoding = Encoding::Utf8WithBom;
            rows.pending.drain(..3);
        }
        let mut want = piece;
        let cut = loop {
            let cut = rows.cut();
            let head = &rows.pending[..cut];
            let header_complete = std::str::from_utf8(head)
                .is_ok_and(|text| CsvRows::open(text, None, 1).is_ok() || text.is_empty());
            if (cut > 0 && header_complete) || rows.at_end_of_file || want >= LONGEST_ROW {
                break cut;
            }
            want *= 2;
            rows.fill(want)?;
        };
        let head = &rows.pending[..cut];
        let starts_with_sep = head
            .get(..4)
            .is_some_and(|p| p.eq_ignore_ascii_case(b"sep="));
        if head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") || starts_with_sep {
            return Ok(None);
        }
        let Ok(text) = std::str::from_utf8(head) else {
            return Ok(None);
        };
        if has_control_bytes(head) || text.trim().is_empty() {
            return Ok(None);
        }
        let Ok(mut header) = CsvRows::open(text, None, 1) else {
            return Ok(None);
        };
        let consumed = header.consumed().min(cut);
        let line = header.line_at(consumed);
        let delimiter = header.delimiter();
        let header_line = header.header_line;
        let headers = std::mem::take(&mut header.headers);
        rows.line = line;
        rows.pending.drain(..consumed);
        rows.delimiter = delimiter;
        rows.headers = headers;
        rows.header_line = header_line;
        Ok(Some(rows))
    }

    /// True when a piece was not plain UTF-8 text: the reading stopped, and the file should be
    /// read whole (and decoded) instead.
    pub fn not_plain_text(&self) -> bool {
        self.not_plain_text
    }

    /// Reads from the file until `pending` holds at least `want` bytes or the file ends.
    fn fill(&mut self, want: usize) -> Result<(), std::io::Error> {
        while self.pending.len() < want && !self.at_end_of_file {
            let start = self.pending.len();
            self.pending.resize(want, 0);
            let mut filled = start;
            loop {
                match self.source.read(&mut self.pending[filled..]) {
                    Ok(0) => {
                        self.at_end_of_file = true;
                        break;
                    }
                    Ok(n) => {
                        filled += n;
                        if filled == self.pending.len() {
                            break;
                        }
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    Err(e) => {
                        self.pending.truncate(filled);
                        return Err(e);
                    }
                }
            }
            self.bytes_read += (filled - start) as u64;
            self.pending.truncate(filled);
        }
        Ok(())
    }

    /// Where the next piece ends: after the last line break, or at the end of the file.
    fn cut(&self) -> usize {
        if self.at_end_of_file {
            return self.pending.len();
        }
        self.pending
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |at| at + 1)
    }

    /// Reads the next piece into `ready`. `Ok(false)` when the file has no more rows.
    fn next_piece(&mut self) -> Result<bool, TableError> {
        let mut want = self.piece;
        loop {
            if let Err(e) = self.fill(want) {
                return Err(TableError::Malformed {
                    line: self.line,
                    reason: format!("the file could not be read further: {e}"),
                });
            }
            let cut = self.cut();
            if cut == 0 {
                if self.at_end_of_file {
                    return Ok(false);
                }
                if self.pending.len() >= self.longest_row {
                    return Err(self.pass_over_row());
                }
                want = (want * 2).max(self.piece);
                continue;
            }
            let piece = &self.pending[..cut];
            let text = match simdutf8::basic::from_utf8(piece) {
                Ok(text) if !has_control_bytes(piece) => text,
                _ => {
                    self.not_plain_text = true;
                    return Err(TableError::Malformed {
                        line: self.line,
                        reason: "the file is not plain UTF-8 text from here on".to_string(),
                    });
                }
            };
            let mut rows = CsvRows::body(text, self.delimiter, self.line);
            let mut count = 0;
            let mut used = cut;
            loop {
                if self.ready.len() == count {
                    self.ready.push(Row::default());
                }
                match rows.read_into(&mut self.ready[count]) {
                    Ok(true) => count += 1,
                    Ok(false) => break,
                    Err(error) => match rows.unclosed_record() {
                        // The record goes on in the next piece.
                        Some(start) if !self.at_end_of_file => {
                            used = start;
                            break;
                        }
                        _ => return Err(error),
                    },
                }
            }
            if count == 0 && used < cut {
                // One record longer than the piece: read more of it, or past it.
                if self.pending.len() - used >= self.longest_row {
                    self.line = rows.line_at(used);
                    self.pending.drain(..used);
                    return Err(self.pass_over_row());
                }
                want = (self.pending.len() * 2).max(self.piece);
                continue;
            }
            self.line = rows.line_at(used);
            self.pending.drain(..used);
            self.ready_len = count;
            self.next = 0;
            if count > 0 {
                return Ok(true);
            }
        }
    }

    /// Reads past the row at the start of `pending` without keeping it: the error names its
    /// line and longest cell ([`TableError::RowTooLong`]), or is the quote that never closes
    /// when the file ends inside it.
    fn pass_over_row(&mut self) -> TableError {
        let line = self.line;
        let mut over = PassOver::new();
        let mut ended_line = false;
        loop {
            if let Some(end) = over.feed(&self.pending, self.delimiter) {
                // After `\r` the `\n` is still ahead, and counted when read.
                ended_line = self.pending.get(end - 1) == Some(&b'\n');
                self.pending.drain(..end);
                break;
            }
            self.pending.clear();
            if let Err(e) = self.fill(self.piece) {
                return TableError::Malformed {
                    line,
                    reason: format!("the file could not be read further: {e}"),
                };
            }
            if self.pending.is_empty() {
                if let Some(after) = over.open_quote() {
                    return TableError::Malformed {
                        line: line + after,
                        reason: super::NEVER_CLOSED.to_string(),
                    };
                }
                over.finish();
                break;
            }
        }
        self.line = line + over.lines() + usize::from(ended_line);
        // Give back what the long row made the buffer grow to.
        self.pending.shrink_to(self.piece + self.piece / 4);
        let (column, chars) = over.longest;
        TableError::RowTooLong {
            line,
            column,
            chars,
        }
    }
}

impl RowSource for ChunkedRows {
    fn read_into(&mut self, row: &mut Row) -> Result<bool, TableError> {
        if self.finished {
            return Ok(false);
        }
        if self.next == self.ready_len {
            match self.next_piece() {
                Ok(true) => {}
                Ok(false) => {
                    self.finished = true;
                    return Ok(false);
                }
                Err(error) => {
                    self.finished = !matches!(error, TableError::RowTooLong { .. });
                    return Err(error);
                }
            }
        }
        std::mem::swap(row, &mut self.ready[self.next]);
        self.next += 1;
        Ok(true)
    }

    fn done(&self) -> f32 {
        if self.total_bytes == 0 {
            return 1.0;
        }
        let parsed = self.bytes_read.saturating_sub(self.pending.len() as u64);
        (parsed as f64 / self.total_bytes as f64).min(1.0) as f32
    }
}

#[cfg(test)]
mod tests;
