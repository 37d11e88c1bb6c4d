//! FollowerHistory.csv: followers per day and the change from the day before
//! (`"Date","Followers","Difference in followers from previous day"`); the change is often
//! negative.
//!
//! It only maps columns to [`DailyMetrics`](crate::domain::DailyMetrics); dates, counts and
//! rejections are read as every daily report reads them.

use super::columns::{Layout, required};
use super::daily::{self, Field};
use super::{Parsed, StudioFile};
use crate::io::{ImportError, ReportKind};

pub(super) const LAYOUT: Layout = Layout {
    kind: ReportKind::FollowerHistory,
    columns: &[
        required(&["date"]),
        required(&["followers"]),
        required(&[
            "difference in followers from previous day",
            "difference in followers",
        ]),
    ],
    ignored: &[],
};

const FIELDS: &[(usize, Field)] = &[(1, |m| &mut m.followers), (2, |m| &mut m.follower_change)];

pub(super) fn read(input: &StudioFile<'_>) -> Result<Parsed, ImportError> {
    daily::read(input, &LAYOUT, FIELDS)
}
