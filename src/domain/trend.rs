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
#[derive(Debug, Clone, PartialEq)]
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
#[derive(Debug, Clone, PartialEq)]
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
