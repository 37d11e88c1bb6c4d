//! Viewers.csv / Viewers.xlsx: total, new and returning viewers per day
//! (`"Date","Total Viewers","New Viewers","Returning Viewers"`).
//!
//! It only maps columns to [`DailyMetrics`](crate::domain::DailyMetrics); dates, counts and
//! rejections are read as every daily report reads them.

use super::columns::{Layout, optional, required};
use super::daily::{self, Field};
use super::{Parsed, StudioFile};
use crate::io::{ImportError, ReportKind};

pub(super) const LAYOUT: Layout = Layout {
    kind: ReportKind::Viewers,
    columns: &[
        required(&["date"]),
        required(&["total viewers"]),
        optional(&["new viewers"]),
        optional(&["returning viewers"]),
    ],
    ignored: &[],
};

const FIELDS: &[(usize, Field)] = &[
    (1, |m| &mut m.total_viewers),
    (2, |m| &mut m.new_viewers),
    (3, |m| &mut m.returning_viewers),
];

pub(super) fn read(input: &StudioFile<'_>) -> Result<Parsed, ImportError> {
    daily::read(input, &LAYOUT, FIELDS)
}
