//! Spam patterns (the seed's "not recommended" list: content flagged as spam): engagement bait,
//! repeated hashtags, ALL-CAPS captions and link spam.

use super::{Field, Finding, Severity};
use crate::domain::Draft;

/// Engagement-bait phrases, matched as whole words in the lower-cased caption.
const BAIT: &[&str] = &[
    "like if",
    "like for like",
    "l4l",
    "follow for follow",
    "follow 4 follow",
    "f4f",
    "follow back",
    "sub4sub",
    "comment if",
    "share if",
    "double tap if",
    "tag 3 friends",
    "tag three friends",
    "tag a friend who",
    "like and follow",
];

const SHORTENERS: &[&str] = &[
    "bit.ly/",
    "tinyurl.com/",
    "t.co/",
    "goo.gl/",
    "cutt.ly/",
    "rb.gy/",
];

const SOURCE: &str = "Not recommended by For You: content flagged as spam.";

fn words_of(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_lowercase().next().unwrap_or(c)
            } else {
                ' '
            }
        })
        .collect();
    format!(
        " {} ",
        cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
    )
}

fn reasons(caption: &str) -> Vec<String> {
    let mut why = Vec::new();
    let words = words_of(caption);
    if let Some(bait) = BAIT.iter().find(|b| words.contains(&format!(" {b} "))) {
        why.push(format!("engagement bait (\"{bait}\")"));
    }
    let mut tags: Vec<String> = caption
        .split_whitespace()
        .filter(|w| w.starts_with('#') && w.len() > 1)
        .map(|w| {
            w.trim_end_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let total = tags.len();
    tags.sort();
    tags.dedup();
    if tags.len() < total {
        why.push("the same hashtag more than once".into());
    }
    let body: String = caption
        .split_whitespace()
        .filter(|w| !w.starts_with('#'))
        .collect();
    let letters = body.chars().filter(|c| c.is_alphabetic()).count();
    let upper = body.chars().filter(|c| c.is_uppercase()).count();
    if letters >= 12 && upper * 10 >= letters * 8 {
        why.push("an ALL-CAPS caption".into());
    }
    let lower = caption.to_lowercase();
    let links = lower.matches("http://").count()
        + lower.matches("https://").count()
        + lower.matches("www.").count()
        - lower.matches("://www.").count();
    if links >= 2 || SHORTENERS.iter().any(|s| lower.contains(s)) {
        why.push("links or link shorteners in the caption".into());
    }
    why
}

pub(super) fn check(draft: &Draft, out: &mut Vec<Finding>) {
    let why = reasons(&draft.caption);
    if !why.is_empty() {
        out.push(Finding::new(
            "spam-pattern",
            Severity::Warning,
            Field::Caption,
            SOURCE,
            format!("Looks like spam to a feed: {}. For You does not recommend content flagged as spam.", why.join(", ")),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::reasons;

    #[test]
    fn bait_repeats_caps_and_links_are_spotted() {
        assert!(reasons("Like if you agree! #fyp")[0].contains("like if"));
        assert!(reasons("F4F anyone?")[0].contains("f4f"));
        assert_eq!(reasons("#fyp nice #FYP").len(), 1);
        assert!(reasons("BUY NOW THE BEST DEAL EVER")[0].contains("ALL-CAPS"));
        assert!(reasons("see https://a.example and https://b.example")[0].contains("links"));
        assert!(reasons("deal at bit.ly/x")[0].contains("links"));
    }

    #[test]
    fn ordinary_captions_are_not_spam() {
        assert!(
            reasons(
                "Three knits for a rainy day. Which one would you wear? #cottagecore #knitting"
            )
            .is_empty()
        );
        assert!(
            reasons("I like it if it rains").is_empty(),
            "'like it if' is not 'like if'"
        );
        assert!(
            reasons("NYC in the fall").is_empty(),
            "short acronyms are not shouting"
        );
        assert!(
            reasons("shop at https://www.example.com").is_empty(),
            "one link is fine"
        );
    }
}
