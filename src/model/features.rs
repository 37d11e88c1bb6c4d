//! What the model reads about a video, planned or posted: the draft's choices as a fixed set of
//! named features, the trend lists it is checked against, and the posting slot.
//!
//! Each feature is encoded as one number (`x_f` below) so the engagement heads can fit a slope
//! per feature; a feature the source does not know is `None` and is read as the account's
//! typical value, so it moves nothing. Encoding: `Duration: ln(seconds / 15)`,
//! `Hashtags: count / 5`, every other feature `1` when present and `0` when not.
//! This module only converts plain values; it never reads the store, a file or the clock.

use chrono::{DateTime, Datelike, Duration, Timelike, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use super::trends::TrendContext;
use crate::domain::{AspectRatio, Draft, OpeningType, Video};

/// Number of features the heads read.
pub const FEATURES: usize = 9;

/// One choice the model knows how to weigh.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Feature {
    Duration,
    Vertical,
    SurpriseOpening,
    TrendingSound,
    FastSound,
    NativeFeatures,
    DuetStitch,
    Hashtags,
    OriginalSound,
}

impl Feature {
    /// Every feature, in the order of the encoded vector.
    pub const ALL: [Feature; FEATURES] = [
        Feature::Duration,
        Feature::Vertical,
        Feature::SurpriseOpening,
        Feature::TrendingSound,
        Feature::FastSound,
        Feature::NativeFeatures,
        Feature::DuetStitch,
        Feature::Hashtags,
        Feature::OriginalSound,
    ];

    /// Position in the encoded vector.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The words shown to users.
    pub fn label(self) -> &'static str {
        match self {
            Feature::Duration => "duration",
            Feature::Vertical => "9:16 vertical",
            Feature::SurpriseOpening => "surprise opening",
            Feature::TrendingSound => "trending sound",
            Feature::FastSound => "120+ BPM sound",
            Feature::NativeFeatures => "native features",
            Feature::DuetStitch => "Duet and Stitch on",
            Feature::Hashtags => "hashtag count",
            Feature::OriginalSound => "original sound",
        }
    }

    /// What the seed article says about this choice, with the tip it comes from. These are
    /// figures from TikTok ads and surveys (or plain advice), used as weak priors only.
    pub fn seed_note(self) -> &'static str {
        match self {
            Feature::Duration => {
                "SEED tip 5: videos can run 5 seconds to 3 minutes; aim for 12-15 seconds."
            }
            Feature::Vertical => {
                "SEED tip 5: vertical 9:16 videos get on average 25% more 6-second views (an ads figure)."
            }
            Feature::SurpriseOpening => {
                "SEED tip 3: opening on surprise gave a 1.7x lift over a neutral expression (an ads figure)."
            }
            Feature::TrendingSound => {
                "SEED tip 9: 67% prefer brand videos with popular or trending songs (a survey)."
            }
            Feature::FastSound => {
                "SEED tip 5: fast songs at 120+ BPM have the highest watch-through rate."
            }
            Feature::NativeFeatures => {
                "SEED tip 5: use TikTok's native features (effects, text edits, green screen)."
            }
            Feature::DuetStitch => {
                "SEED tip 7: Duet and Stitch are on by default; switching them off limits discovery."
            }
            Feature::Hashtags => "SEED tip 8: use search-optimised and trending hashtags.",
            Feature::OriginalSound => {
                "SEED tip 5: design for sound on; 88% of users call sound essential (a survey)."
            }
        }
    }
}

/// The encoded value a feature takes for a typical TikTok video, used where neither the
/// draft nor the history says (a 15-second vertical video with three hashtags, Duet and
/// Stitch on, no surprise opening, no trending or fast sound).
pub(crate) const TYPICAL: [f64; FEATURES] = [0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.6, 0.0];

/// A video's choices as the model sees them; `None` where the source does not say.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DraftFeatures {
    pub duration_s: Option<f64>,
    pub vertical: Option<bool>,
    pub surprise_opening: Option<bool>,
    /// The sound's name as typed (`title - author`), `None` for no sound or unknown.
    pub sound: Option<String>,
    pub trending_sound: Option<bool>,
    pub original_sound: Option<bool>,
    pub sound_bpm: Option<u16>,
    pub native_features: Option<bool>,
    pub duet_stitch: Option<bool>,
    pub hashtags: Option<usize>,
    /// Characters of the caption without its hashtags ([`caption_chars`]).
    pub caption_chars: Option<usize>,
    /// True when a check found duplicate, spam or disturbing content: For You does not
    /// recommend it, so only followers see it.
    pub not_recommended: bool,
}

/// Check rules whose findings keep a video out of For You (seed: what the feed does not
/// recommend).
pub const NOT_RECOMMENDED_RULES: [&str; 3] =
    ["duplicate-content", "spam-pattern", "disturbing-content"];

/// Words that mark a platform "original sound" in several languages.
const ORIGINAL_SOUND_MARKS: [&str; 9] = [
    "original sound",
    "originalton",
    "son original",
    "sonido original",
    "som original",
    "suono originale",
    "nhạc nền",
    "âm thanh gốc",
    "原声",
];

/// True when a sound's name says it is the creator's own recording.
pub fn is_original_sound(name: &str) -> bool {
    let lower = name.to_lowercase();
    ORIGINAL_SOUND_MARKS.iter().any(|m| lower.contains(m))
}

/// Characters of a caption's words that are not hashtags (what a reader reads).
pub fn caption_chars(caption: &str) -> usize {
    let words: Vec<&str> = caption
        .split_whitespace()
        .filter(|w| !w.starts_with('#'))
        .collect();
    words.join(" ").chars().count()
}

impl DraftFeatures {
    /// A draft's choices, with its sound looked up in the trend lists.
    pub fn from_draft(draft: &Draft, trends: &TrendContext) -> Self {
        let sound = draft.sound.clone().filter(|s| !s.trim().is_empty());
        let trending = sound.as_deref().and_then(|s| trends.sound(s));
        let bpm = draft.sound_bpm.or(trending.and_then(|t| t.bpm));
        Self {
            duration_s: draft.duration_s.map(f64::from),
            vertical: Some(draft.aspect == AspectRatio::Vertical),
            surprise_opening: Some(draft.opening == OpeningType::Surprise),
            trending_sound: Some(trending.is_some_and(|t| t.live)),
            original_sound: Some(sound.as_deref().is_some_and(is_original_sound)),
            sound,
            sound_bpm: bpm,
            native_features: Some(draft.features.any()),
            duet_stitch: Some(draft.allow_duet && draft.allow_stitch),
            hashtags: Some(draft.hashtags.len()),
            caption_chars: Some(caption_chars(&draft.caption)),
            not_recommended: false,
        }
    }

    /// A posted video's choices as far as an import knows them (aspect, opening and BPM are
    /// not in exports; whether its sound trended then is not known either).
    pub fn from_video(video: &Video) -> Self {
        let sound = video.sound.clone().filter(|s| !s.trim().is_empty());
        let duet_stitch = match (video.allow_duet, video.allow_stitch) {
            (Some(d), Some(s)) => Some(d && s),
            _ => None,
        };
        Self {
            duration_s: video.duration_s.map(f64::from).filter(|d| *d > 0.0),
            original_sound: sound.as_deref().map(is_original_sound),
            sound,
            duet_stitch,
            hashtags: Some(video.hashtags.len()),
            caption_chars: Some(caption_chars(&video.caption)),
            ..Self::default()
        }
    }

    /// Marks the draft "not recommended" when the checks found duplicate, spam or
    /// disturbing content (rule ids in [`NOT_RECOMMENDED_RULES`]).
    pub fn with_findings(mut self, findings: &[crate::checks::Finding]) -> Self {
        self.not_recommended = findings
            .iter()
            .any(|f| NOT_RECOMMENDED_RULES.contains(&f.rule));
        self
    }

    /// The encoded vector; `None` where the feature is unknown.
    pub fn encode(&self) -> [Option<f64>; FEATURES] {
        let flag = |b: Option<bool>| b.map(|b| if b { 1.0 } else { 0.0 });
        [
            self.duration_s.map(|d| (d.max(1.0) / 15.0).ln()),
            flag(self.vertical),
            flag(self.surprise_opening),
            flag(self.trending_sound),
            self.sound_bpm.map(|b| if b >= 120 { 1.0 } else { 0.0 }),
            flag(self.native_features),
            flag(self.duet_stitch),
            self.hashtags.map(|n| n.min(15) as f64 / 5.0),
            flag(self.original_sound),
        ]
    }
}

/// When a draft goes out: the instant and the hour of the week in the account's zone
/// (Monday 00:00 = 0 ... Sunday 23:00 = 167), which the audience profile is indexed by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Slot {
    pub at: DateTime<Utc>,
    pub hour_of_week: u8,
}

impl Slot {
    /// The slot at `at`, read in the account's zone.
    pub fn new(at: DateTime<Utc>, zone: Tz) -> Self {
        let local = at.with_timezone(&zone);
        let hour = local.weekday().num_days_from_monday() * 24 + local.hour();
        Self {
            at,
            hour_of_week: hour as u8,
        }
    }

    /// Hour `hour` (0..168) of the week that starts at `week_start` (Monday 00:00 local).
    pub fn in_week(week_start: DateTime<Utc>, hour: u8) -> Self {
        Self {
            at: week_start + Duration::hours(i64::from(hour)),
            hour_of_week: hour % 168,
        }
    }
}
