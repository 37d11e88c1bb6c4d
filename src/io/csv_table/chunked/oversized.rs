//! Reading past a row too long to hold (a 50 MB caption, a quote that opens and runs on): the
//! bytes are looked at as they arrive and thrown away, keeping only where the row ends, which
//! of its cells is the longest and how many characters it holds.
//!
//! It follows the quoting the `csv` crate reads (a quote opens a field only at its start, `""`
//! inside one is a quote, a line break outside quotes ends the row), so the row after it starts
//! where the `csv` crate would start it. It never holds the bytes it is fed.

/// Where a row being passed over stands after the bytes fed so far.
#[derive(Debug, Default)]
pub(super) struct PassOver {
    quoted: bool,
    /// The last byte closed a quoted field: a quote now is a doubled (literal) quote.
    just_closed: bool,
    at_field_start: bool,
    /// The line a quoted field still open was opened on, counted from the row's first line.
    opened_after_lines: usize,
    /// Line breaks inside the row so far.
    lines: usize,
    column: usize,
    chars: usize,
    /// The longest cell so far: its column and characters.
    pub longest: (usize, usize),
}

impl PassOver {
    /// A row about to be passed over from its first byte.
    pub fn new() -> PassOver {
        PassOver {
            at_field_start: true,
            ..PassOver::default()
        }
    }

    /// Whether the text ended inside a quoted field, and how many lines after the row's first
    /// that field opened.
    pub fn open_quote(&self) -> Option<usize> {
        self.quoted.then_some(self.opened_after_lines)
    }

    /// Feeds the next bytes of the row; `Some(n)` when the row ends within them, `n` being the
    /// bytes that belong to it (its line break included).
    pub fn feed(&mut self, bytes: &[u8], delimiter: u8) -> Option<usize> {
        for (at, &byte) in bytes.iter().enumerate() {
            if self.quoted {
                match byte {
                    b'"' => {
                        self.quoted = false;
                        self.just_closed = true;
                    }
                    b'\n' => {
                        self.lines += 1;
                        self.chars += 1;
                    }
                    _ => self.count(byte),
                }
                continue;
            }
            let reopens = self.just_closed;
            self.just_closed = false;
            match byte {
                b'"' if self.at_field_start || reopens => {
                    self.quoted = true;
                    self.at_field_start = false;
                    self.opened_after_lines = self.lines;
                    // A doubled quote is one character of the cell.
                    self.chars += usize::from(reopens);
                }
                b'\n' | b'\r' => {
                    self.end_cell();
                    return Some(at + 1);
                }
                d if d == delimiter => {
                    self.end_cell();
                    self.column += 1;
                    self.at_field_start = true;
                }
                _ => {
                    self.at_field_start = false;
                    self.count(byte);
                }
            }
        }
        None
    }

    /// Ends the row at the end of the text (a file with no final line break).
    pub fn finish(&mut self) {
        self.end_cell();
    }

    /// Line breaks inside the row so far.
    pub fn lines(&self) -> usize {
        self.lines
    }

    /// Counts a character at its first byte (UTF-8 continuation bytes are not characters).
    fn count(&mut self, byte: u8) {
        self.chars += usize::from(byte & 0xC0 != 0x80);
    }

    fn end_cell(&mut self) {
        if self.chars > self.longest.1 {
            self.longest = (self.column, self.chars);
        }
        self.chars = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::PassOver;

    fn pass(text: &str) -> (Option<usize>, PassOver) {
        let mut over = PassOver::new();
        let end = over.feed(text.as_bytes(), b',');
        (end, over)
    }

    #[test]
    fn a_row_ends_at_its_first_line_break_outside_quotes() {
        let (end, over) = pass("1,\"a\nb, \"\"c\"\"\",xyz\n2,next\n");
        assert_eq!(end, Some(19));
        assert_eq!(over.longest, (1, 8));
        assert_eq!(over.lines(), 1);
        assert_eq!(over.open_quote(), None);
    }

    #[test]
    fn a_quote_inside_an_unquoted_cell_opens_nothing() {
        let (end, over) = pass("ab\"cd,é\"x\nrest");
        assert_eq!(end, Some(11));
        assert_eq!(over.longest, (0, 5));
    }

    #[test]
    fn the_row_goes_on_across_pieces_and_a_quote_left_open_is_told() {
        let mut over = PassOver::new();
        assert_eq!(over.feed(b"1,\"long", b','), None);
        assert_eq!(over.feed(b" caption\nstill", b','), None);
        assert_eq!(over.open_quote(), Some(0));
        assert_eq!(over.feed(b"\",3\n4", b','), Some(4));
        assert_eq!(over.longest, (1, 18));
    }
}
