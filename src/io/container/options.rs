//! What the user chooses for an import ([`ReadOptions`]): the export date for yearless
//! dates, the size and count [`Limits`], and the [`TableReader`]s that other modules plug in
//! for tables that are not TikTok Studio reports.
//!
//! It holds choices only; it never reads a file.

use std::fmt;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::io::csv_table::ChunkedRows;
use crate::io::{ImportError, Sink};

/// How much Scrollstop reads before refusing; tests shrink these to try the refusals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Files larger than this are read from disk piece by piece when their reader can (a
    /// video history), rather than whole.
    pub stream_over_bytes: u64,
    /// Largest file read (checked before reading), and largest file unpacked from a ZIP.
    pub max_file_bytes: u64,
    /// Most entries one ZIP may hold (TikTok's hold one to four).
    pub max_zip_entries: usize,
    /// Largest entry a ZIP may unpack to.
    pub max_entry_bytes: u64,
    /// Most files taken from one dropped folder, and how deep folders may nest.
    pub max_folder_files: usize,
    pub max_folder_depth: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            stream_over_bytes: 8 * 1024 * 1024,
            max_file_bytes: 512 * 1024 * 1024,
            max_zip_entries: 200,
            max_entry_bytes: 256 * 1024 * 1024,
            max_folder_files: 2000,
            max_folder_depth: 8,
        }
    }
}

/// A reader for tables that are not TikTok Studio reports. The video-history and trend-list
/// readers plug in here through [`ReadOptions::table_readers`], so one dispatch serves every
/// file; Studio reports are always tried first.
pub trait TableReader: Send + Sync {
    /// Whether this reader takes a file with this header.
    fn recognises(&self, headers: &[String]) -> bool;
    /// Reads the whole file into `sink`: its bytes as found, or for a spreadsheet sheet, the
    /// sheet written out as UTF-8 CSV.
    fn read(&self, file: &str, bytes: &[u8], sink: &mut dyn Sink) -> Result<(), ImportError>;
    /// Reads a file too big to hold, piece by piece from disk (its header already read).
    /// `None` when this reader only reads whole files: the file is then read whole.
    fn read_rows(
        &self,
        file: &str,
        rows: &mut ChunkedRows,
        sink: &mut dyn Sink,
    ) -> Option<Result<(), ImportError>> {
        let _ = (file, rows, sink);
        None
    }
}

/// What the user chose for an import.
#[derive(Clone, Default)]
pub struct ReadOptions {
    /// The export date for files whose dates have no year, when the file's container does not
    /// state one (Content.csv's `Time` column and an Overview ZIP's name come first; the
    /// file's modification time comes after this).
    pub export_date: Option<NaiveDate>,
    pub limits: Limits,
    /// Readers for non-Studio tables, tried in order (see [`TableReader`]).
    pub table_readers: Vec<Arc<dyn TableReader>>,
}

impl fmt::Debug for ReadOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ReadOptions")
            .field("export_date", &self.export_date)
            .field("limits", &self.limits)
            .field("table_readers", &self.table_readers.len())
            .finish()
    }
}
