//! The table readers for files that are not TikTok Studio reports, plugged into the one
//! dispatch of [`crate::io::read_paths`]: video-history spreadsheets (through a column
//! mapping), trend lists and drafts CSVs. Holding choices only; reading happens in their own modules.

use std::sync::Arc;

use chrono::{DateTime, Utc};

use super::csv_table::ChunkedRows;
use super::drafts_csv::{read_drafts, recognises as is_drafts};
use super::generic::{
    Field, HistoryOptions, read_history, read_history_rows, recognises as is_history,
};
use super::trend_list::{TrendListOptions, read_trend_list, recognises as is_trend_list};
use super::{ImportError, Sink, TableReader};

struct HistoryReader(HistoryOptions);

impl TableReader for HistoryReader {
    fn recognises(&self, headers: &[String]) -> bool {
        is_history(headers)
    }

    fn read(&self, file: &str, bytes: &[u8], sink: &mut dyn Sink) -> Result<(), ImportError> {
        read_history(file, bytes, &self.0, sink)
    }

    fn read_rows(
        &self,
        file: &str,
        rows: &mut ChunkedRows,
        sink: &mut dyn Sink,
    ) -> Option<Result<(), ImportError>> {
        Some(read_history_rows(file, rows, &self.0, sink))
    }
}

struct TrendListReader(TrendListOptions);

impl TableReader for TrendListReader {
    fn recognises(&self, headers: &[String]) -> bool {
        is_trend_list(headers)
    }

    fn read(&self, file: &str, bytes: &[u8], sink: &mut dyn Sink) -> Result<(), ImportError> {
        read_trend_list(file, bytes, &self.0, sink)
    }
}

struct DraftsReader;

impl TableReader for DraftsReader {
    fn recognises(&self, headers: &[String]) -> bool {
        is_drafts(headers)
    }

    fn read(&self, file: &str, bytes: &[u8], sink: &mut dyn Sink) -> Result<(), ImportError> {
        read_drafts(file, bytes, sink)
    }
}

/// Drafts, video-history and trend-list readers for an import running at `now`, with the user's
/// column choices for history files.
pub fn table_readers(
    now: DateTime<Utc>,
    overrides: Vec<(Field, String)>,
) -> Vec<Arc<dyn TableReader>> {
    vec![
        Arc::new(DraftsReader),
        Arc::new(TrendListReader(TrendListOptions::at(now))),
        Arc::new(HistoryReader(HistoryOptions {
            import_time: now,
            overrides,
        })),
    ]
}
