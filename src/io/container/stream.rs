//! Reading a big plain-text file from disk piece by piece instead of whole, when the reader
//! its header calls for can (a video history of a million rows: memory stays flat).
//!
//! Anything else is left to the whole-file path, which says exactly what is wrong: a file
//! that is not plain UTF-8, a TikTok Studio report, a header no streaming reader takes. A file
//! that turns out not to be plain UTF-8 further down is handed back the same way (its reader
//! has discarded what it pushed), to be decoded whole.

use std::path::Path;

use super::ReadOptions;
use super::bounded::Bounded;
use crate::io::csv_table::ChunkedRows;
use crate::io::studio::detect;
use crate::io::{ImportError, Sink};

/// Reads `path` (`size` bytes, shown as `shown_as`) piece by piece; `None` when it must be
/// read whole instead.
pub(super) fn read_streaming(
    path: &Path,
    shown_as: &str,
    size: u64,
    options: &ReadOptions,
    sink: &mut dyn Sink,
) -> Option<Result<(), ImportError>> {
    let file = std::fs::File::open(path).ok()?;
    // Bounded: a file that grows while it is read still stops at the limit.
    let file = Bounded::new(file, options.limits.max_file_bytes);
    let mut rows = ChunkedRows::open(Box::new(file), size).ok()??;
    if rows.headers.first().is_some_and(|h| h.starts_with('{')) || detect(&rows.headers).is_some() {
        return None;
    }
    let reader = options
        .table_readers
        .iter()
        .find(|r| r.recognises(&rows.headers))?;
    let result = reader.read_rows(shown_as, &mut rows, sink)?;
    if rows.not_plain_text() {
        return None;
    }
    Some(result)
}
