//! The caption's live counter, `143/150`, counted as TikTok counts (user-perceived characters,
//! so an emoji or a flag is one) with the same function the `caption-too-long` check uses.

use crate::checks::{CAPTION_ADVICE, caption_length};

/// What the counter under the caption shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaptionCount {
    /// Characters as TikTok counts them.
    pub used: usize,
    /// `143/150`.
    pub text: String,
    /// True past the limit.
    pub over: bool,
    /// True in the last tenth before the limit.
    pub near: bool,
}

/// Counts `caption` against the limit.
pub fn caption_count(caption: &str) -> CaptionCount {
    let used = caption_length(caption);
    CaptionCount {
        used,
        text: format!("{used}/{CAPTION_ADVICE}"),
        over: used > CAPTION_ADVICE,
        near: used > CAPTION_ADVICE - CAPTION_ADVICE / 10 && used <= CAPTION_ADVICE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emoji_flags_and_accents_count_once() {
        assert_eq!(caption_count("").text, "0/150");
        assert_eq!(
            caption_count("Hi 👋🏽").text,
            "4/150",
            "emoji with skin tone is one"
        );
        assert_eq!(
            caption_count("🇳🇱 e\u{301}").text,
            "3/150",
            "flag and accented e"
        );
        assert_eq!(caption_count("👩‍👩‍👧‍👦").used, 1, "a family emoji is one");
    }

    #[test]
    fn the_counter_turns_at_the_limit() {
        let at_limit = format!("{}🌧️", "a".repeat(149));
        let count = caption_count(&at_limit);
        assert_eq!(count.text, "150/150");
        assert!(!count.over && count.near);
        let over = format!("{at_limit}🌧️");
        let count = caption_count(&over);
        assert_eq!(count.text, "151/150");
        assert!(count.over && !count.near);
        assert!(!caption_count("short").near);
    }
}
