//! What the checks need besides the draft: the subculture, the trend lists, the account's
//! other captions, and the plan around the draft's day. Built once by the caller, shared by
//! every draft checked in the same pass.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

use super::DuplicateIndex;
use crate::domain::{
    Subculture, TrendCapture, TrendItem, TrendKind, TrendReading, name_key, read_trends, sound_key,
};

/// A trend item as the checks see it: the domain's one reading of the trend lists.
pub type TrendEntry = TrendReading;

/// The trend lists, indexed for lookups by kind and name.
#[derive(Debug, Clone, Default)]
pub struct TrendBook {
    entries: Vec<TrendEntry>,
    /// Each entry's [`name_key`] and [`sound_key`], worked out once rather than per draft.
    keys: Vec<(String, String)>,
    now: Option<DateTime<Utc>>,
}

impl TrendBook {
    /// Builds the book from every item with its captures (oldest first), as of `now`, through
    /// [`read_trends`]: the reading the editor's picker shows is the one the checks judge.
    pub fn new(trends: &[(TrendItem, Vec<TrendCapture>)], now: DateTime<Utc>) -> Self {
        let entries = read_trends(trends);
        let keys = entries
            .iter()
            .map(|e| (name_key(&e.item.name), sound_key(&e.item.name)))
            .collect();
        Self {
            entries,
            keys,
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
        let sounds = || {
            self.entries
                .iter()
                .zip(&self.keys)
                .filter(|(e, _)| e.item.kind == TrendKind::Sound)
        };
        let same = name_key(name);
        let key = sound_key(name);
        sounds()
            .find(|(_, (n, _))| *n == same)
            .or_else(|| sounds().find(|(_, (_, k))| *k == key))
            .map(|(e, _)| e)
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
            .filter(|e| e.is_live(now))
            .min_by_key(|e| e.rank.unwrap_or(u32::MAX))
    }
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
