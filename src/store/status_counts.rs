//! The row counts the window's status bar shows (drafts, videos, trend items, plan entries),
//! read after every change. Counting is a scan, so it counts only these small tables and never
//! the video snapshots, which in a team's history run to a million rows (`scrollstop info`
//! counts every table with [`Store::counts`]). It only reads.

use super::{Store, StoreError};

/// Rows of the tables the status bar names, counted as [`Store::counts`] counts them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StatusCounts {
    pub drafts: u64,
    pub videos: u64,
    pub trend_items: u64,
    pub plan_entries: u64,
}

impl Store {
    /// The status bar's counts, without reading the snapshots.
    pub fn status_counts(&self) -> Result<StatusCounts, StoreError> {
        Ok(self.conn.query_row(
            "SELECT (SELECT COUNT(*) FROM drafts), (SELECT COUNT(*) FROM videos),
                 (SELECT COUNT(*) FROM trend_items), (SELECT COUNT(*) FROM plan_entries)",
            [],
            |r| {
                let n = |i: usize| r.get::<_, i64>(i).map(|n| n.max(0) as u64);
                Ok(StatusCounts {
                    drafts: n(0)?,
                    videos: n(1)?,
                    trend_items: n(2)?,
                    plan_entries: n(3)?,
                })
            },
        )?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace::{DEFAULT_DEMO_SEED, Silent, Workspace};

    #[test]
    fn the_status_counts_are_those_of_every_table() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let path = dir.path().join("w.sqlite");
        let empty = Store::open(&path).expect("opens");
        assert_eq!(
            empty.status_counts().expect("counts"),
            StatusCounts::default()
        );
        drop(empty);
        Workspace::open(&path)
            .expect("opens")
            .create_demo(DEFAULT_DEMO_SEED, &Silent)
            .expect("demo");
        let store = Store::open(&path).expect("reopens");
        let all = store.counts().expect("every count");
        let status = store.status_counts().expect("status counts");
        assert!(status.drafts > 0 && status.videos > 0 && status.plan_entries > 0);
        assert_eq!(
            status,
            StatusCounts {
                drafts: all.drafts,
                videos: all.videos,
                trend_items: all.trend_items,
                plan_entries: all.plan_entries,
            }
        );
    }
}
