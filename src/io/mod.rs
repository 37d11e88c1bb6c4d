//! Files in, files out: TikTok Studio exports, generic video-history spreadsheets, trend
//! lists, and (later) the calendar exports.
//!
//! Importers turn bytes into records pushed into a [`Sink`], plus a [`FileSummary`] per file
//! and a [`Rejected`] entry (file, line, reason) for every row they could not read. They never
//! touch the workspace: the workspace previews what a sink collected and commits it in one
//! transaction. A parser must never panic, whatever the bytes (they are fuzzed).

pub mod account_data;
pub mod container;
pub mod csv_table;
pub mod dates;
pub mod drafts_csv;
pub mod export;
pub mod generic;
pub mod numbers;
pub mod plausible;
mod readers;
mod records;
pub mod studio;
pub mod text;
pub mod trend_list;
pub mod whole_file;

pub use container::{Limits, ReadOptions, TableReader, read_bytes, read_paths};
pub use readers::table_readers;
pub use records::{
    ActivityRecord, Collected, DraftRecord, FileSummary, ImportError, PlannedAt, PostList,
    Rejected, ReportKind, ShareRecord, Sink, SnapshotRecord, SpareVideos, TrendRecord, VideoRecord,
};
