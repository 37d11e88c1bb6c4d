//! Turning a file's bytes into text, and saying how: UTF-8 (with or without BOM) first, then
//! UTF-16LE/BE when a BOM says so, then Windows-1252. A Meta-style `sep=,` first line is read
//! for its delimiter and dropped.
//!
//! It never guesses silently: the caller gets the [`Encoding`] used so the preview can tell the
//! user, and bytes that are not text at all (NULs, control characters, an empty file) are
//! refused rather than decoded into garbage. It never panics, whatever the bytes.

use std::borrow::Cow;

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};
use thiserror::Error;

/// How a file's bytes were turned into text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8WithBom,
    Utf16Le,
    Utf16Be,
    Windows1252,
}

impl Encoding {
    /// The name shown in the preview (`FileSummary::encoding`).
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8WithBom => "UTF-8 with BOM",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Windows1252 => "Windows-1252",
        }
    }

    /// A note for the preview when the file was not plain UTF-8, so nobody is surprised.
    pub fn note(self) -> Option<String> {
        match self {
            Encoding::Utf8 | Encoding::Utf8WithBom => None,
            Encoding::Utf16Le | Encoding::Utf16Be => Some(format!(
                "decoded as {} (its byte order mark says so)",
                self.label()
            )),
            Encoding::Windows1252 => Some(
                "decoded as Windows-1252 because it is not valid UTF-8; check accented letters"
                    .to_string(),
            ),
        }
    }
}

/// A file's text, ready for the CSV reader. Valid UTF-8 is borrowed from the file's bytes, not
/// copied (a big history file would otherwise be held twice).
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded<'a> {
    /// The text without BOM and without a `sep=` line.
    pub text: Cow<'a, str>,
    pub encoding: Encoding,
    /// The delimiter a `sep=` first line named, if there was one.
    pub delimiter: Option<u8>,
    /// The file's line number of the first line of `text` (2 after a dropped `sep=` line).
    pub first_line: usize,
}

/// Why bytes are not text Scrollstop can read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TextError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is binary, not text (found a {0} byte near the start of line {1})")]
    Binary(&'static str, usize),
    #[error("the file says it is {0} but holds bytes that are not valid {0}")]
    BrokenUtf16(&'static str),
}

/// Decodes `bytes`: UTF-8 (BOM or not), UTF-16 with a BOM, else Windows-1252.
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, TextError> {
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        match std::str::from_utf8(rest) {
            Ok(text) => (Cow::Borrowed(text), Encoding::Utf8WithBom),
            Err(_) => (Cow::Owned(windows_1252(rest)), Encoding::Windows1252),
        }
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        (
            Cow::Owned(utf16(rest, Encoding::Utf16Le)?),
            Encoding::Utf16Le,
        )
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        (
            Cow::Owned(utf16(rest, Encoding::Utf16Be)?),
            Encoding::Utf16Be,
        )
    } else {
        match std::str::from_utf8(bytes) {
            Ok(text) => (Cow::Borrowed(text), Encoding::Utf8),
            Err(_) => (Cow::Owned(windows_1252(bytes)), Encoding::Windows1252),
        }
    };
    check_is_text(&text)?;
    let (text, delimiter) = drop_sep_line(text);
    let first_line = if delimiter.is_some() { 2 } else { 1 };
    if text.trim().is_empty() {
        return Err(TextError::Empty);
    }
    Ok(Decoded {
        text,
        encoding,
        delimiter,
        first_line,
    })
}

fn windows_1252(bytes: &[u8]) -> String {
    // Windows-1252 maps every byte to a character, so decoding itself cannot fail.
    WINDOWS_1252
        .decode_without_bom_handling(bytes)
        .0
        .into_owned()
}

fn utf16(bytes: &[u8], encoding: Encoding) -> Result<String, TextError> {
    let codec = if encoding == Encoding::Utf16Le {
        UTF_16LE
    } else {
        UTF_16BE
    };
    let (text, had_errors) = codec.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(TextError::BrokenUtf16(encoding.label()));
    }
    Ok(text.into_owned())
}

/// Refuses text holding NULs or other control characters that no spreadsheet writes.
fn check_is_text(text: &str) -> Result<(), TextError> {
    // In UTF-8 every byte below 0x80 is its own character, so a byte scan is exact. The scan
    // looks for the first bad byte only; lines are counted when there is one.
    let bytes = text.as_bytes();
    let bad = |b: u8| (b < 0x20 && !matches!(b, b'\n' | b'\t' | b'\r' | 0x0C)) || b == 0x7F;
    let Some(at) = bytes.iter().position(|&b| bad(b)) else {
        return Ok(());
    };
    let line = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count();
    match bytes[at] {
        0 => Err(TextError::Binary("NUL", line)),
        _ => Err(TextError::Binary("control", line)),
    }
}

/// Drops a `sep=,` (or `sep=;`, `sep=\t`) first line, returning the delimiter it names.
fn drop_sep_line(text: Cow<'_, str>) -> (Cow<'_, str>, Option<u8>) {
    let first = text.split('\n').next().unwrap_or_default();
    let declared = first.trim_end_matches('\r');
    let Some(rest) = declared
        .get(..4)
        .filter(|p| p.eq_ignore_ascii_case("sep="))
        .and_then(|_| declared.get(4..))
    else {
        return (text, None);
    };
    let delimiter = match rest.as_bytes() {
        [one] => *one,
        _ => return (text, None),
    };
    let skip = (first.len() + 1).min(text.len());
    let rest = match text {
        Cow::Borrowed(text) => Cow::Borrowed(&text[skip..]),
        Cow::Owned(mut text) => {
            text.drain(..skip);
            Cow::Owned(text)
        }
    };
    (rest, Some(delimiter))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn utf8_with_bom_is_named_and_the_bom_dropped() {
        let decoded = decode(b"\xEF\xBB\xBF\"Date\",\"Likes\"").expect("text");
        assert_eq!(decoded.text, "\"Date\",\"Likes\"");
        assert_eq!(decoded.encoding.label(), "UTF-8 with BOM");
        assert_eq!(decoded.encoding.note(), None);
    }

    #[test]
    fn plain_utf8_keeps_greek_and_emoji() {
        let decoded = decode("15 Ιανουαρίου,🧶".as_bytes()).expect("text");
        assert_eq!(decoded.encoding, Encoding::Utf8);
        assert_eq!(decoded.text, "15 Ιανουαρίου,🧶");
    }

    #[test]
    fn utf16le_with_bom_and_a_sep_line_like_meta_writes() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "sep=,\r\nDate,Reach\r\nmars 1,3".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let decoded = decode(&bytes).expect("text");
        assert_eq!(decoded.encoding, Encoding::Utf16Le);
        assert_eq!(decoded.delimiter, Some(b','));
        assert_eq!(decoded.first_line, 2);
        assert_eq!(decoded.text, "Date,Reach\r\nmars 1,3");
        assert!(
            decoded
                .encoding
                .note()
                .expect("a note")
                .contains("UTF-16LE")
        );
    }

    #[test]
    fn utf16be_with_bom() {
        let mut bytes = vec![0xFE, 0xFF];
        for unit in "Gender,Distribution".encode_utf16() {
            bytes.extend_from_slice(&unit.to_be_bytes());
        }
        let decoded = decode(&bytes).expect("text");
        assert_eq!(decoded.encoding.label(), "UTF-16BE");
        assert_eq!(decoded.text, "Gender,Distribution");
    }

    #[test]
    fn broken_utf16_is_refused_not_patched() {
        // An unpaired high surrogate.
        let bytes = [0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00];
        assert_eq!(decode(&bytes), Err(TextError::BrokenUtf16("UTF-16LE")));
    }

    #[test]
    fn invalid_utf8_falls_back_to_windows_1252_and_says_so() {
        let decoded = decode(b"Caption\n\"Caf\xE9 \x80 5\"").expect("text");
        assert_eq!(decoded.encoding, Encoding::Windows1252);
        assert_eq!(decoded.text, "Caption\n\"Café € 5\"");
        assert!(
            decoded
                .encoding
                .note()
                .expect("a note")
                .contains("Windows-1252")
        );
    }

    #[test]
    fn binary_and_empty_files_are_refused() {
        assert_eq!(decode(b""), Err(TextError::Empty));
        assert_eq!(decode(b"\xEF\xBB\xBF"), Err(TextError::Empty));
        assert_eq!(decode(b"  \n"), Err(TextError::Empty));
        assert_eq!(decode(b"sep=;\n"), Err(TextError::Empty));
        assert_eq!(decode(b"a,b\nc\0d"), Err(TextError::Binary("NUL", 2)));
        assert!(matches!(
            decode(b"\x89PNG\r\n\x1a\n\0\0"),
            Err(TextError::Binary(..))
        ));
    }

    #[test]
    fn sep_lines_name_their_delimiter() {
        assert_eq!(decode(b"sep=;\na;b").expect("text").delimiter, Some(b';'));
        assert_eq!(
            decode(b"SEP=\t\na\tb").expect("text").delimiter,
            Some(b'\t')
        );
        let kept = decode(b"separate,ways\n1,2").expect("text");
        assert_eq!((kept.delimiter, kept.first_line), (None, 1));
    }

    proptest! {
        #[test]
        fn decoding_arbitrary_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            let _ = decode(&bytes);
        }

        #[test]
        fn valid_utf8_text_round_trips(text in "[a-zA-Z0-9,\"\n éΙ🧶]{1,80}") {
            prop_assume!(!text.trim().is_empty() && !text.to_ascii_lowercase().starts_with("sep="));
            let decoded = decode(text.as_bytes()).expect("text");
            prop_assert_eq!(decoded.text, text.as_str());
        }
    }
}
