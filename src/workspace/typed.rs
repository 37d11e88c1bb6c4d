//! What a person types or pastes that the importers also read: a trend list pasted into the
//! Trends view, a count like `12.3K`, a `--map field=column` choice. The window and the command
//! line read them here, with the importers' own rules, and never call the `io` parsers.

use chrono::{DateTime, Utc};

use crate::domain::TrendKind;
pub use crate::io::TrendRecord;
pub use crate::io::generic::{MappingError, parse_map_arg};

/// A pasted trend list as read: each item once (the first line wins), and every line left out
/// or cut short with its number and why.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PastedList {
    pub trends: Vec<TrendRecord>,
    pub problems: Vec<(usize, String)>,
}

/// Reads a list copied from the Creative Center or a chat, one item per line (`1. #fyp`,
/// `2) name`, `3<TAB>name`), as captured at `at`.
pub fn read_pasted_trends(text: &str, kind: TrendKind, at: DateTime<Utc>) -> PastedList {
    let mut trends = crate::io::trend_list::parse_pasted(text, kind, at);
    let mut seen: Vec<String> = Vec::new();
    trends.retain(|r| {
        let key = r.item.name.to_lowercase();
        let first = !seen.contains(&key);
        seen.push(key);
        first
    });
    PastedList {
        trends,
        problems: crate::io::trend_list::pasted_problems(text, kind),
    }
}

/// A count as people write it (`1200`, `12.3K`, `1.4M`); `None` for anything else or a
/// negative count.
pub fn read_count(text: &str) -> Option<u64> {
    crate::io::numbers::parse_count(text)
        .ok()
        .and_then(|n| u64::try_from(n).ok())
}
