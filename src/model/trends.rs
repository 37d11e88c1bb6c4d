//! The trend lists as the model reads them: which sounds, hashtags and effects trend now, their
//! rank and whether they are still alive (rising, peaking or new, and not stale).
//!
//! Built by the caller from the workspace's trend items and captures as of an instant it hands
//! in; the model never reads the clock or the store.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::domain::{TrendCapture, TrendItem, TrendKind, read_trends, same_name, sound_key};

/// A sound on a trend list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrendingSound {
    /// As listed (`title - author`).
    pub name: String,
    pub rank: Option<u32>,
    pub bpm: Option<u16>,
    /// Rising, peaking or new, and seen within its list's period.
    pub live: bool,
}

/// Trend lists for the model: sounds with rank and life, hashtags and effects by name.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct TrendContext {
    sounds: Vec<TrendingSound>,
    hashtags: Vec<String>,
    effects: Vec<String>,
}

impl TrendContext {
    /// No trend lists: no sound counts as trending.
    pub fn empty() -> Self {
        Self::default()
    }

    /// From every trend item with its captures (oldest first), as of `now`.
    pub fn from_trends(items: &[(TrendItem, Vec<TrendCapture>)], now: DateTime<Utc>) -> Self {
        let mut context = Self::default();
        // The same reading the checks and the editor's picker use: one lifecycle per sound.
        for reading in read_trends(items) {
            let live = reading.is_live(now);
            let item = reading.item;
            match item.kind {
                TrendKind::Sound => context.sounds.push(TrendingSound {
                    name: item.name,
                    rank: reading.rank,
                    bpm: item.bpm,
                    live,
                }),
                TrendKind::Hashtag if live => context
                    .hashtags
                    .push(item.name.trim_start_matches('#').to_lowercase()),
                TrendKind::Effect if live => context.effects.push(item.name.to_lowercase()),
                _ => {}
            }
        }
        context
    }

    /// Adds a sound (for tests and callers that hold their own lists).
    pub fn with_sound(mut self, sound: TrendingSound) -> Self {
        self.sounds.push(sound);
        self
    }

    /// The listed sound with this name, if any.
    pub fn sound(&self, name: &str) -> Option<&TrendingSound> {
        let key = sound_key(name);
        self.sounds
            .iter()
            .find(|s| same_name(&s.name, name))
            .or_else(|| self.sounds.iter().find(|s| sound_key(&s.name) == key))
    }

    /// The best-ranked live sound: the one a what-if proposes.
    pub fn best_sound(&self) -> Option<&TrendingSound> {
        self.sounds
            .iter()
            .filter(|s| s.live)
            .min_by_key(|s| s.rank.unwrap_or(u32::MAX))
    }

    /// True when the hashtag (without `#`, any case) trends.
    pub fn hashtag_trends(&self, tag: &str) -> bool {
        let tag = tag.trim_start_matches('#').to_lowercase();
        self.hashtags.contains(&tag)
    }

    /// True when the effect trends.
    pub fn effect_trends(&self, name: &str) -> bool {
        self.effects.contains(&name.to_lowercase())
    }
}
