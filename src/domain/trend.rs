//! Trend lists: hashtags, sounds, effects, topics and creators with every capture of their rank.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::draft::stored_enum;

/// Row id of a trend item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct TrendItemId(pub i64);

/// What a trend item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum TrendKind {
    Hashtag,
    Sound,
    Effect,
    Topic,
    Creator,
}

stored_enum!(TrendKind {
    Hashtag => "hashtag", "Hashtag";
    Sound => "sound", "Sound";
    Effect => "effect", "Effect";
    Topic => "topic", "Topic";
    Creator => "creator", "Creator";
});

/// A hashtag, sound, effect, topic or creator that trends in a region.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrendItem {
    pub id: TrendItemId,
    pub kind: TrendKind,
    /// Hashtags without `#`; sounds as `title - author`.
    pub name: String,
    /// ISO-3166 alpha-2 region, or empty for worldwide.
    pub region: String,
    pub industry: String,
    /// Sounds only.
    pub bpm: Option<u16>,
    pub duration_s: Option<f32>,
    pub commercial_ok: Option<bool>,
}

/// One observation of a trend item's rank in a trend list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrendCapture {
    pub item: TrendItemId,
    pub captured_at: DateTime<Utc>,
    pub rank: Option<u32>,
    pub rank_change: Option<i32>,
    pub posts: Option<u64>,
    pub views: Option<u64>,
    /// The list's period: 7, 30 or 120 days.
    pub period_days: u16,
    /// Where it was read: `Creative Center`, `manual`, a file name.
    pub source: String,
}

/// Where a trend item is in its life, read from its rank history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lifecycle {
    /// Seen once: no direction yet.
    New,
    /// Its rank improved at the last capture.
    Rising,
    /// At or near its best rank and holding.
    Peaking,
    /// Its rank worsened, or it is far below its best.
    Fading,
}

impl Lifecycle {
    /// The word shown to users.
    pub fn label(self) -> &'static str {
        match self {
            Lifecycle::New => "new",
            Lifecycle::Rising => "rising",
            Lifecycle::Peaking => "peaking",
            Lifecycle::Fading => "fading",
        }
    }
}

/// How many of the latest captures decide the direction.
const LIFECYCLE_WINDOW: usize = 3;

/// Classifies a rank history (captures oldest first; rank 1 is the top; captures without a
/// rank are ignored). The last three captures decide the direction: a move counts when it is at
/// least 2 places and at least 10% of the starting rank, so rank 4 to 5 is noise but 40 to 30
/// is a climb. Without a clear move, an item within 15% (at least 2 places) of its best rank is
/// peaking; one far below its best is fading.
pub fn lifecycle(captures: &[TrendCapture]) -> Lifecycle {
    let ranks: Vec<u32> = captures.iter().filter_map(|c| c.rank).collect();
    let (Some(best), true) = (ranks.iter().copied().min(), ranks.len() > 1) else {
        return Lifecycle::New;
    };
    let recent = &ranks[ranks.len().saturating_sub(LIFECYCLE_WINDOW)..];
    let (start, end) = (i64::from(recent[0]), i64::from(recent[recent.len() - 1]));
    let threshold = (start / 10).max(2);
    if start - end >= threshold {
        Lifecycle::Rising
    } else if end - start >= threshold {
        Lifecycle::Fading
    } else if end - i64::from(best) <= (i64::from(best) * 15 / 100).max(2) {
        Lifecycle::Peaking
    } else {
        Lifecycle::Fading
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;

    fn history(ranks: &[u32]) -> Vec<TrendCapture> {
        ranks
            .iter()
            .enumerate()
            .map(|(week, &rank)| TrendCapture {
                item: TrendItemId(1),
                captured_at: Utc
                    .with_ymd_and_hms(2026, 1, 1 + week as u32 * 7, 0, 0, 0)
                    .single()
                    .expect("date"),
                rank: Some(rank),
                rank_change: None,
                posts: None,
                views: None,
                period_days: 7,
                source: String::new(),
            })
            .collect()
    }

    #[test]
    fn rank_histories_read_as_lifecycles() {
        assert_eq!(lifecycle(&history(&[5])), Lifecycle::New);
        assert_eq!(lifecycle(&history(&[40, 25, 12])), Lifecycle::Rising);
        assert_eq!(lifecycle(&history(&[40, 3, 2, 3])), Lifecycle::Peaking);
        assert_eq!(lifecycle(&history(&[40, 3, 2, 2])), Lifecycle::Peaking);
        assert_eq!(lifecycle(&history(&[3, 2, 9, 18])), Lifecycle::Fading);
        assert_eq!(
            lifecycle(&history(&[1, 30, 30])),
            Lifecycle::Fading,
            "flat but far below its best"
        );
    }
}
