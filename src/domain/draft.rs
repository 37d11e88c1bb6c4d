//! A draft: a planned TikTok video with everything the checks and the model read.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{AccountId, SubcultureId};

/// Row id of a draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct DraftId(pub i64);

/// Generates `ALL`, `as_str` (the stored spelling), `label` (what users read) and `parse` for a
/// plain enum stored as text.
macro_rules! stored_enum {
    ($name:ident { $($variant:ident => $stored:literal, $label:literal;)+ }) => {
        impl $name {
            /// Every value, in the order users see them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The spelling stored in the workspace and used on the command line.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $stored),+ }
            }

            /// The words shown to users.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// Reads the stored spelling or the label, case-insensitively.
            pub fn parse(text: &str) -> Option<Self> {
                let text = text.trim();
                Self::ALL.iter().copied().find(|v| {
                    v.as_str().eq_ignore_ascii_case(text) || v.label().eq_ignore_ascii_case(text)
                })
            }
        }
    };
}
pub(crate) use stored_enum;

/// Where a draft is in the team's review flow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DraftStatus {
    Idea,
    Draft,
    InReview,
    Approved,
    Scheduled,
    Posted,
}

stored_enum!(DraftStatus {
    Idea => "idea", "Idea";
    Draft => "draft", "Draft";
    InReview => "in_review", "In review";
    Approved => "approved", "Approved";
    Scheduled => "scheduled", "Scheduled";
    Posted => "posted", "Posted";
});

/// How the first seconds open (seed tip 3: a surprise opening gave a 1.7x lift).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OpeningType {
    Surprise,
    Question,
    Statement,
    Neutral,
    Other,
}

stored_enum!(OpeningType {
    Surprise => "surprise", "Surprise";
    Question => "question", "Question";
    Statement => "statement", "Statement";
    Neutral => "neutral", "Neutral";
    Other => "other", "Other";
});

/// The video's frame shape (seed tip 5: shoot 9:16).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AspectRatio {
    Vertical,
    Square,
    Portrait,
    Landscape,
}

stored_enum!(AspectRatio {
    Vertical => "9:16", "9:16 vertical";
    Square => "1:1", "1:1 square";
    Portrait => "4:5", "4:5 portrait";
    Landscape => "16:9", "16:9 landscape";
});

/// TikTok's own editing features used in the video (seed tip 5).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NativeFeatures {
    pub text: bool,
    pub effects: bool,
    pub green_screen: bool,
    /// Name of a trending effect from the trend list, if one is used.
    pub trending_effect: Option<String>,
}

impl NativeFeatures {
    /// True when at least one native feature is used.
    pub fn any(&self) -> bool {
        self.text || self.effects || self.green_screen || self.trending_effect.is_some()
    }
}

/// A planned video.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub id: DraftId,
    pub account: AccountId,
    /// Short working title shown in tables.
    pub title: String,
    /// The first-seconds idea that must stop the scroll.
    pub hook: String,
    pub opening: OpeningType,
    /// Caption including hashtags, as it will be posted.
    pub caption: String,
    /// Hashtags without `#`: those in the caption plus any added separately.
    pub hashtags: Vec<String>,
    pub subculture: Option<SubcultureId>,
    /// `title - author` or whatever the user typed; `None` for no sound.
    pub sound: Option<String>,
    pub sound_bpm: Option<u16>,
    pub duration_s: Option<f32>,
    pub aspect: AspectRatio,
    pub features: NativeFeatures,
    pub allow_duet: bool,
    pub allow_stitch: bool,
    pub allow_comments: bool,
    pub language: String,
    pub region: String,
    pub media_path: Option<String>,
    /// Content hash of the media file, for duplicate detection.
    pub media_hash: Option<String>,
    pub status: DraftStatus,
    pub assignee: String,
    pub notes: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Set when the draft is in the Trash.
    pub trashed_at: Option<DateTime<Utc>>,
}

impl Draft {
    /// A blank draft for `account` with TikTok's defaults (Duet, Stitch and comments on,
    /// vertical video).
    pub fn blank(account: AccountId, now: DateTime<Utc>) -> Self {
        Self {
            id: DraftId(0),
            account,
            title: String::new(),
            hook: String::new(),
            opening: OpeningType::Neutral,
            caption: String::new(),
            hashtags: Vec::new(),
            subculture: None,
            sound: None,
            sound_bpm: None,
            duration_s: None,
            aspect: AspectRatio::Vertical,
            features: NativeFeatures::default(),
            allow_duet: true,
            allow_stitch: true,
            allow_comments: true,
            language: String::new(),
            region: String::new(),
            media_path: None,
            media_hash: None,
            status: DraftStatus::Idea,
            assignee: String::new(),
            notes: String::new(),
            created_at: now,
            updated_at: now,
            trashed_at: None,
        }
    }

    /// The title, or "(untitled)" for a draft that has none yet.
    pub fn display_title(&self) -> &str {
        display_title(&self.title)
    }
}

/// What a picker lists of a draft, read without the rest of it (a team's 10,000 drafts in at
/// most a quarter of the time it takes to read them whole).
#[derive(Debug, Clone, PartialEq)]
pub struct DraftOutline {
    pub id: DraftId,
    pub title: String,
    pub status: DraftStatus,
}

impl DraftOutline {
    /// The title, or "(untitled)" for a draft that has none yet.
    pub fn display_title(&self) -> &str {
        display_title(&self.title)
    }
}

fn display_title(title: &str) -> &str {
    if title.trim().is_empty() {
        "(untitled)"
    } else {
        title
    }
}

/// One message in a draft's review thread.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftComment {
    pub id: i64,
    pub draft: DraftId,
    pub author: String,
    pub at: DateTime<Utc>,
    pub text: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_spellings_and_labels_parse_back() {
        for s in DraftStatus::ALL {
            assert_eq!(DraftStatus::parse(s.as_str()), Some(*s));
            assert_eq!(DraftStatus::parse(s.label()), Some(*s));
        }
        assert_eq!(AspectRatio::parse("16:9"), Some(AspectRatio::Landscape));
        assert_eq!(OpeningType::parse("nonsense"), None);
    }
}
