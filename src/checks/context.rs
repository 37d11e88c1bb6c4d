//! What the checks need besides the draft: the subculture, the trend lists, the account's
//! other captions, and the plan around the draft's day. Built once by the caller, shared by
//! every draft checked in the same pass.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

use super::DuplicateIndex;
use crate::domain::{Lifecycle, Subculture, TrendCapture, TrendItem, TrendKind, lifecycle};

/// A trend item as the checks see it.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendEntry {
    pub item: TrendItem,
    pub lifecycle: Lifecycle,
    /// The rank at the last capture.
    pub rank: Option<u32>,
    pub last_seen: DateTime<Utc>,
    /// The list period of the last capture, in days.
    pub period_days: u16,
}

impl TrendEntry {
    /// True when the last capture is older than its list's period: the list may have moved on.
    pub fn is_stale(&self, now: DateTime<Utc>) -> bool {
        (now - self.last_seen).num_days() > i64::from(self.period_days)
    }
}

/// The trend lists, indexed for lookups by kind and name.
#[derive(Debug, Clone, Default)]
pub struct TrendBook {
    entries: Vec<TrendEntry>,
    now: Option<DateTime<Utc>>,
}

/// Sound names are compared without case, spacing or the `- author` part.
fn sound_key(name: &str) -> String {
    let title = name.split(" - ").next().unwrap_or(name);
    normalised(title)
}

/// A name without case or extra spacing.
fn normalised(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl TrendBook {
    /// Builds the book from every item with its captures (oldest first), as of `now`. This is
    /// the one place a lifecycle is read for the checks and the editor's picker: a sound that
    /// is on several lists (two regions) is one entry, the one captured last (then the better
    /// ranked), so what the picker shows is what the checks say once it is picked.
    pub fn new(trends: &[(TrendItem, Vec<TrendCapture>)], now: DateTime<Utc>) -> Self {
        let mut entries: Vec<TrendEntry> = Vec::new();
        for (item, captures) in trends {
            let Some(last) = captures.last() else {
                continue;
            };
            let entry = TrendEntry {
                item: item.clone(),
                lifecycle: lifecycle(captures),
                rank: last.rank,
                last_seen: last.captured_at,
                period_days: last.period_days,
            };
            let same = entries.iter().position(|e| {
                e.item.kind == TrendKind::Sound
                    && item.kind == TrendKind::Sound
                    && normalised(&e.item.name) == normalised(&item.name)
            });
            match same {
                Some(i) if supersedes(&entry, &entries[i]) => entries[i] = entry,
                Some(_) => {}
                None => entries.push(entry),
            }
        }
        Self {
            entries,
            now: Some(now),
        }
    }

    /// The instant the book was built for.
    pub fn now(&self) -> DateTime<Utc> {
        self.now.unwrap_or(DateTime::<Utc>::MIN_UTC)
    }

    /// The trend entry of a sound: the one of exactly this name (any case or spacing), else
    /// one with the same title by another author.
    pub fn sound(&self, name: &str) -> Option<&TrendEntry> {
        let exact = normalised(name);
        let key = sound_key(name);
        self.of_kind(TrendKind::Sound)
            .find(|e| normalised(&e.item.name) == exact)
            .or_else(|| {
                self.of_kind(TrendKind::Sound)
                    .find(|e| sound_key(&e.item.name) == key)
            })
    }

    /// The trend entry of a hashtag (without `#`, any case).
    pub fn hashtag(&self, tag: &str) -> Option<&TrendEntry> {
        let tag = tag.trim_start_matches('#');
        self.of_kind(TrendKind::Hashtag).find(|e| {
            e.item
                .name
                .trim_start_matches('#')
                .eq_ignore_ascii_case(tag)
        })
    }

    /// Entries of one kind.
    pub fn of_kind(&self, kind: TrendKind) -> impl Iterator<Item = &TrendEntry> {
        self.entries.iter().filter(move |e| e.item.kind == kind)
    }

    /// The best-ranked sound that is rising or peaking and not stale, for a one-click fix.
    pub fn best_live_sound(&self) -> Option<&TrendEntry> {
        let now = self.now();
        self.of_kind(TrendKind::Sound)
            .filter(|e| {
                matches!(
                    e.lifecycle,
                    Lifecycle::Rising | Lifecycle::Peaking | Lifecycle::New
                ) && !e.is_stale(now)
            })
            .min_by_key(|e| e.rank.unwrap_or(u32::MAX))
    }
}

/// True when `new` is the better reading of a sound on two lists: captured later, or as
/// recently and ranked better.
fn supersedes(new: &TrendEntry, old: &TrendEntry) -> bool {
    (
        new.last_seen,
        std::cmp::Reverse(new.rank.unwrap_or(u32::MAX)),
    ) > (
        old.last_seen,
        std::cmp::Reverse(old.rank.unwrap_or(u32::MAX)),
    )
}

/// The plan around the draft's posting day, for the cadence check.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanDay {
    pub date: NaiveDate,
    /// The draft's planned wall time in its account's zone, and the instant it stands for.
    pub wall_time: NaiveDateTime,
    pub at: DateTime<Utc>,
    /// Posts planned that day for the account, this draft included.
    pub posts: usize,
    /// Days without posts between posting days in the same week, when the user marked that
    /// week active.
    pub empty_days_between: Vec<NaiveDate>,
}

/// Everything besides the draft that the checks read.
#[derive(Debug, Clone, Copy)]
pub struct CheckContext<'a> {
    pub subculture: Option<&'a Subculture>,
    pub trends: &'a TrendBook,
    pub duplicates: &'a DuplicateIndex,
    pub plan_day: Option<&'a PlanDay>,
    /// The instant the checks run for (a scheduled post before it is overdue).
    pub now: DateTime<Utc>,
}
