//! Video history from any spreadsheet or scraper export (FORMATS.md section 2): columns are
//! mapped to fields by their header names, overridable per field, and each row becomes a video
//! with the counts measured at one moment.
//!
//! Like every importer it only pushes records into a [`Sink`](crate::io::Sink); it never
//! touches the workspace, never panics whatever the bytes, and never loses a row silently:
//! each row is either a record or a rejection with its line and reason.

mod lengths;
mod mapping;
mod reader;
mod row;

pub use mapping::{Field, Mapping, MappingError, parse_map_arg};
pub use reader::{
    HistoryOptions, read_history, read_history_rows, read_history_text, recognises, suggest_mapping,
};
// Shared with the trend-list reader.
pub(crate) use mapping::header_key;
pub(crate) use reader::{open_rows, table_error};
pub(crate) use row::{WrittenTime, read_instant};

#[cfg(test)]
mod tests;
