//! The one reading of the trend lists: each item's lifecycle, last rank and whether its list
//! is out of date, as of an instant. The checks, the editor's sound picker and the reach model
//! all read sounds through [`read_trends`], so a sound shown as rising when it is picked is
//! not called fading by the checks or counted as dead by the model.
//!
//! Pure: the caller hands in the items with their captures and the instant.

use chrono::{DateTime, Utc};

use super::{Lifecycle, TrendCapture, TrendItem, TrendKind, lifecycle};

/// A trend item read from its captures.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendReading {
    pub item: TrendItem,
    pub lifecycle: Lifecycle,
    /// The rank at the last capture.
    pub rank: Option<u32>,
    pub last_seen: DateTime<Utc>,
    /// The list period of the last capture, in days.
    pub period_days: u16,
}

impl TrendReading {
    /// True when the last capture is older than its list's period: the list may have moved on.
    /// An old list says nothing new about the lifecycle, which stays as last read.
    pub fn is_stale(&self, now: DateTime<Utc>) -> bool {
        (now - self.last_seen).num_days() > i64::from(self.period_days)
    }

    /// Still worth following: not fading, and its list is not out of date.
    pub fn is_live(&self, now: DateTime<Utc>) -> bool {
        self.lifecycle != Lifecycle::Fading && !self.is_stale(now)
    }
}

/// Every item with captures (given oldest first), read once. A sound listed under the same
/// name on several lists (two regions) is one reading: the one captured last, then the better
/// ranked.
pub fn read_trends(trends: &[(TrendItem, Vec<TrendCapture>)]) -> Vec<TrendReading> {
    let mut readings: Vec<TrendReading> = Vec::new();
    for (item, captures) in trends {
        let Some(last) = captures.last() else {
            continue;
        };
        let reading = TrendReading {
            item: item.clone(),
            lifecycle: lifecycle(captures),
            rank: last.rank,
            last_seen: last.captured_at,
            period_days: last.period_days,
        };
        let same = readings.iter().position(|r| {
            r.item.kind == TrendKind::Sound
                && item.kind == TrendKind::Sound
                && same_name(&r.item.name, &item.name)
        });
        match same {
            Some(i) if supersedes(&reading, &readings[i]) => readings[i] = reading,
            Some(_) => {}
            None => readings.push(reading),
        }
    }
    readings
}

/// True when two names are the same but for case and spacing.
pub fn same_name(a: &str, b: &str) -> bool {
    name_key(a) == name_key(b)
}

/// A name without case or spacing: two names are the [`same_name`] when their keys are equal.
pub fn name_key(name: &str) -> String {
    normalised(name)
}

/// A sound's title without case, spacing or the `- author` part, to match a sound typed
/// without its author.
pub fn sound_key(name: &str) -> String {
    normalised(name.split(" - ").next().unwrap_or(name))
}

fn normalised(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// True when `new` is the better reading of one sound: captured later, or as recently and
/// ranked better.
fn supersedes(new: &TrendReading, old: &TrendReading) -> bool {
    (
        new.last_seen,
        std::cmp::Reverse(new.rank.unwrap_or(u32::MAX)),
    ) > (
        old.last_seen,
        std::cmp::Reverse(old.rank.unwrap_or(u32::MAX)),
    )
}
