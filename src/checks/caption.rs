//! Caption length (seed tip 4: at most 150 characters including hashtags), counted as TikTok
//! counts: user-perceived characters, so an emoji or a flag is one.

use unicode_segmentation::UnicodeSegmentation;

use super::{Field, Finding, Fix, Severity};
use crate::domain::Draft;

/// TikTok's caption limit from the seed, hashtags included.
pub const CAPTION_LIMIT: usize = 150;

const SOURCE: &str = "Tip 4: a caption has at most 150 characters, hashtags included.";

/// The caption's length in user-perceived characters (grapheme clusters).
pub fn caption_length(caption: &str) -> usize {
    caption.graphemes(true).count()
}

/// Shortens a caption to the limit: the text is cut at a word boundary and ended with `…`,
/// and the hashtags at its end are kept when they fit.
pub fn trim_caption(caption: &str) -> String {
    if caption_length(caption) <= CAPTION_LIMIT {
        return caption.to_string();
    }
    let words: Vec<&str> = caption.split_whitespace().collect();
    let (tags, text): (Vec<&str>, Vec<&str>) = words.iter().partition(|w| w.starts_with('#'));
    let mut tail = tags.join(" ");
    while caption_length(&tail) > CAPTION_LIMIT / 2 {
        match tail.rfind(' ') {
            Some(i) => tail.truncate(i),
            None => tail.clear(),
        }
    }
    let budget = CAPTION_LIMIT - caption_length(&tail) - usize::from(!tail.is_empty());
    let mut body = String::new();
    for word in text {
        let candidate = if body.is_empty() {
            word.to_string()
        } else {
            format!("{body} {word}")
        };
        if caption_length(&candidate) + 1 > budget {
            break;
        }
        body = candidate;
    }
    if body.is_empty() {
        body = caption
            .graphemes(true)
            .take(budget.saturating_sub(1))
            .collect();
    }
    body.push('…');
    if tail.is_empty() {
        body
    } else {
        format!("{body} {tail}")
    }
}

pub(super) fn check(draft: &Draft, out: &mut Vec<Finding>) {
    let n = caption_length(&draft.caption);
    if n > CAPTION_LIMIT {
        out.push(
            Finding::new(
                "caption-too-long",
                Severity::Error,
                Field::Caption,
                SOURCE,
                format!(
                    "The caption has {n} characters; TikTok allows 150 including hashtags. Cut {} characters.",
                    n - CAPTION_LIMIT
                ),
            )
            .with_fix(Fix::TrimCaption),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emoji_and_flags_count_as_one_character() {
        assert_eq!(caption_length("ab"), 2);
        assert_eq!(caption_length("🌧️"), 1);
        assert_eq!(caption_length("👩‍👧‍👦🇳🇱"), 2);
        assert_eq!(caption_length("é"), 1, "e + combining accent");
    }

    #[test]
    fn trimming_keeps_hashtags_and_lands_at_the_limit_or_below() {
        let long = format!(
            "{} #cottagecore #knitting",
            "slow mornings with wool ".repeat(10)
        );
        let trimmed = trim_caption(&long);
        assert!(caption_length(&trimmed) <= CAPTION_LIMIT, "{trimmed}");
        assert!(trimmed.ends_with("#cottagecore #knitting"));
        assert!(trimmed.contains('…'));
        let one_word = "x".repeat(400);
        assert!(caption_length(&trim_caption(&one_word)) <= CAPTION_LIMIT);
    }
}
