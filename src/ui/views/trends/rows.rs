//! One trend item prepared for the Trends table: its latest rank and how it moved, how often
//! and since when it was captured, its age (time since its first capture, `3 weeks`) and its
//! lifecycle from the rank history. Pure: no drawing, no workspace.

use chrono::{DateTime, TimeDelta, Utc};

use crate::domain::{Lifecycle, TrendCapture, TrendItem, TrendKind, lifecycle};
use crate::ui::widgets::format::{long_date, plural};

/// One trend item, prepared for drawing.
pub(super) struct TrendRow {
    pub kind: TrendKind,
    pub name: String,
    pub region: String,
    pub rank: Option<u32>,
    /// Places climbed since the previous capture (negative: fell).
    pub change: Option<i64>,
    pub captures: usize,
    /// Time since the first capture, in words.
    pub age: String,
    pub first_seen: String,
    pub last_seen: String,
    pub bpm: String,
    pub lifecycle: Lifecycle,
    pub ranks: Vec<u32>,
}

impl TrendRow {
    /// The row of `item` with its captures (oldest first), its age counted to `now`.
    pub fn new(item: &TrendItem, captures: &[TrendCapture], now: DateTime<Utc>) -> Self {
        let ranks: Vec<u32> = captures.iter().filter_map(|c| c.rank).collect();
        let latest = captures.last();
        // The list's own rank change when it gave one, else the move since the last capture.
        let change = latest
            .and_then(|c| c.rank_change)
            .map(i64::from)
            .or_else(|| {
                let [.., before, now] = ranks.as_slice() else {
                    return None;
                };
                Some(i64::from(*before) - i64::from(*now))
            });
        let first = captures.first();
        Self {
            kind: item.kind,
            name: match item.kind {
                TrendKind::Hashtag => format!("#{}", item.name),
                _ => item.name.clone(),
            },
            region: if item.region.is_empty() {
                "Worldwide".into()
            } else {
                item.region.clone()
            },
            rank: latest.and_then(|c| c.rank),
            change,
            captures: captures.len(),
            age: first.map(|c| age(now - c.captured_at)).unwrap_or_default(),
            first_seen: first
                .map(|c| long_date(c.captured_at.date_naive()))
                .unwrap_or_default(),
            last_seen: latest
                .map(|c| long_date(c.captured_at.date_naive()))
                .unwrap_or_default(),
            bpm: item.bpm.map(|b| b.to_string()).unwrap_or_default(),
            lifecycle: lifecycle(captures),
            ranks,
        }
    }
}

/// How long ago, in the largest whole unit: `today` (under a day), `1 day`, `12 days`,
/// `3 weeks`, `4 months`, `2 years`. Days up to two weeks, weeks up to two months, months up to
/// two years; counted in whole days to the nearest (20 days and 14 hours is 3 weeks).
pub(super) fn age(since: TimeDelta) -> String {
    if since < TimeDelta::days(1) {
        return "today".to_string();
    }
    let days = (since.num_seconds() as f64 / 86_400.0).round() as i64;
    let (n, one, many) = match days {
        1..=13 => (days, "day", "days"),
        14..=59 => (days / 7, "week", "weeks"),
        60..=729 => (days * 12 / 365, "month", "months"),
        _ => (days / 365, "year", "years"),
    };
    plural(n.unsigned_abs() as usize, one, many)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_read_in_the_largest_whole_unit() {
        let days = TimeDelta::days;
        assert_eq!(age(TimeDelta::hours(5)), "today");
        assert_eq!(
            age(TimeDelta::hours(-5)),
            "today",
            "a capture stamped ahead"
        );
        assert_eq!(age(days(1)), "1 day");
        assert_eq!(age(days(13)), "13 days");
        assert_eq!(age(days(14)), "2 weeks");
        assert_eq!(age(days(21)), "3 weeks");
        assert_eq!(age(days(20) + TimeDelta::hours(14)), "3 weeks");
        assert_eq!(age(days(59)), "8 weeks");
        assert_eq!(age(days(61)), "2 months");
        assert_eq!(age(days(400)), "13 months");
        assert_eq!(age(days(800)), "2 years");
    }
}
