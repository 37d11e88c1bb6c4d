//! The one-click fixes a finding offers, and the one place they are applied to a draft: the
//! editor hands the clicked fix here rather than change the draft itself, and a fix never does
//! more than its finding is about. Moving a post (re-planning) is the planner's work, not an
//! edit of the draft, so [`Fix::Replan`] leaves the draft alone and the editor asks the app.

use serde::Serialize;

use super::trim_caption_to;
use crate::domain::{AspectRatio, Draft, DraftStatus, hashtags_after};

/// A change the editor can apply in one click.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Fix {
    /// Shorten the caption to `to` characters at a sentence or word boundary, keeping the
    /// hashtags.
    TrimCaption { to: usize },
    /// Use this trending sound (name and BPM from the trend list).
    UseSound { name: String, bpm: Option<u16> },
    /// Switch Duet and Stitch on.
    AllowDuetAndStitch,
    /// Mark the video as 9:16.
    MakeVertical,
    /// The scheduled post went out: set its status to posted.
    MarkPosted,
    /// Place the post in its best free slot from now on (the planner's one-draft run).
    Replan,
}

impl Fix {
    /// Applies the fix to `draft` (in the editor, so it autosaves and Ctrl+Z takes it back).
    pub fn apply(&self, draft: &mut Draft) {
        match self {
            Fix::TrimCaption { to } => {
                let trimmed = trim_caption_to(&draft.caption, *to);
                draft.hashtags = hashtags_after(&draft.caption, &draft.hashtags, &trimmed);
                draft.caption = trimmed;
            }
            Fix::UseSound { name, bpm } => {
                draft.sound = Some(name.clone());
                draft.sound_bpm = *bpm;
            }
            Fix::AllowDuetAndStitch => {
                draft.allow_duet = true;
                draft.allow_stitch = true;
            }
            Fix::MakeVertical => draft.aspect = AspectRatio::Vertical,
            Fix::MarkPosted => draft.status = DraftStatus::Posted,
            // Moving the post is the planner's work, not an edit of the draft: the editor asks
            // the app for it (`Action::ReplanDraft`).
            Fix::Replan => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::{CAPTION_ADVICE, caption_length};
    use crate::domain::AccountId;

    #[test]
    fn fixes_change_what_their_finding_is_about() {
        let mut draft = Draft::blank(AccountId(1), chrono::DateTime::UNIX_EPOCH);
        draft.caption = format!("{} #cottagecore", "rainy day knits ".repeat(12));
        draft.hashtags = vec!["cottagecore".into(), "added".into()];
        Fix::TrimCaption { to: CAPTION_ADVICE }.apply(&mut draft);
        assert!(caption_length(&draft.caption) <= CAPTION_ADVICE);
        assert_eq!(
            draft.hashtags,
            vec!["cottagecore", "added"],
            "added tags stay"
        );

        draft.allow_duet = false;
        draft.allow_stitch = false;
        Fix::AllowDuetAndStitch.apply(&mut draft);
        assert!(draft.allow_duet && draft.allow_stitch);

        let sound = Fix::UseSound {
            name: "Espresso - Sabrina Carpenter".into(),
            bpm: Some(104),
        };
        sound.apply(&mut draft);
        assert_eq!(draft.sound.as_deref(), Some("Espresso - Sabrina Carpenter"));
        assert_eq!(draft.sound_bpm, Some(104));

        draft.aspect = AspectRatio::Landscape;
        Fix::MakeVertical.apply(&mut draft);
        assert_eq!(draft.aspect, AspectRatio::Vertical);
    }
}
