//! Caption length, counted as TikTok counts: user-perceived characters, so an emoji or a flag
//! is one. Two kinds of number meet here and must not be confused: TikTok's own limits (the
//! table in [`super::limits`]: past them the post is refused, an error) and the seed article's
//! advice (tip 4: at most 150 characters, hashtags included, which is about what the feed
//! shows before "more"; past it, a warning).

use unicode_segmentation::UnicodeSegmentation;

use super::limits::platform_limits;
use super::{Field, Finding, Fix, Severity};
use crate::domain::Draft;

/// The seed article's advice (tip 4): at most 150 characters, hashtags included. Not a
/// platform limit: the feed shows about this much before "more".
pub const CAPTION_ADVICE: usize = 150;

const SEED_SOURCE: &str = "Tip 4: a caption has at most 150 characters, hashtags included.";

/// The caption's length in user-perceived characters (grapheme clusters).
pub fn caption_length(caption: &str) -> usize {
    caption.graphemes(true).count()
}

/// Shortens a caption to the seed's 150 characters; see [`trim_caption_to`].
pub fn trim_caption(caption: &str) -> String {
    trim_caption_to(caption, CAPTION_ADVICE)
}

/// Shortens a caption to `limit` characters. The text is cut at the end of a sentence when
/// one ends in the second half of the room, else after a whole word (ended with `…`); only a
/// single word longer than the room is cut inside. Every hashtag is kept: the ones at the end
/// stay there, and those in the part cut away move to the end, as long as the hashtags alone
/// fit in the limit.
pub fn trim_caption_to(caption: &str, limit: usize) -> String {
    if caption_length(caption) <= limit {
        return caption.to_string();
    }
    let (body, mut tags) = split_trailing_tags(caption);
    // The hashtags take at most the whole limit less one word's room; the last ones go first.
    let room_for_tags = limit.saturating_sub(2).max(1);
    while caption_length(&tags.join(" ")) > room_for_tags {
        tags.pop();
    }
    loop {
        let tail = tags.join(" ");
        let budget = limit
            .saturating_sub(caption_length(&tail))
            .saturating_sub(usize::from(!tail.is_empty()));
        let (kept, cut_away) = cut_body(body, budget);
        let mut more = tags.clone();
        for tag in cut_away.split_whitespace().filter(|w| is_tag(w)) {
            if !more.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
                more.push(tag.to_string());
            }
        }
        // Hashtags from the part cut away join the end and the text is cut again with less
        // room (the list only grows, so this ends), unless they would not all fit.
        if more.len() == tags.len() || caption_length(&more.join(" ")) > room_for_tags {
            return join(&kept, &tail);
        }
        tags = more;
    }
}

/// The caption without its closing run of hashtags, and those hashtags in order.
fn split_trailing_tags(caption: &str) -> (&str, Vec<String>) {
    let mut end = caption.trim_end().len();
    let mut tags = Vec::new();
    loop {
        let head = caption[..end].trim_end();
        let start = head.rfind(char::is_whitespace).map_or(0, |i| {
            i + head[i..].chars().next().map_or(1, char::len_utf8)
        });
        let word = &head[start..];
        if word.is_empty() || !is_tag(word) {
            break;
        }
        tags.push(word.to_string());
        end = start;
    }
    tags.reverse();
    (caption[..end].trim_end(), tags)
}

fn is_tag(word: &str) -> bool {
    word.len() > 1 && word.starts_with('#')
}

/// The longest start of `body` within `budget` characters that ends a sentence (when it keeps
/// at least half the room) or a word (then `…` is added), and the rest.
fn cut_body(body: &str, budget: usize) -> (String, &str) {
    if caption_length(body) <= budget {
        return (body.to_string(), "");
    }
    let room = budget.saturating_sub(1); // for the `…`
    let mut sentence_end = None;
    let mut word_end = None;
    let mut previous: Option<&str> = None;
    let mut word_start = 0;
    for (count, (i, g)) in body.grapheme_indices(true).enumerate() {
        if count > budget {
            break;
        }
        let space = g.chars().all(char::is_whitespace);
        if space && let Some(p) = previous {
            if matches!(p, "." | "!" | "?" | "…") && count <= budget && count * 2 >= budget {
                sentence_end = Some(i);
            }
            // Never right after a hashtag: the `…` would become part of it. The hashtag goes
            // with the part cut away, which moves its hashtags to the end.
            let after_tag = is_tag(&body[word_start..i]);
            if count <= room && !matches!(p, " " | "\n" | "\t") && !after_tag {
                word_end = Some(i);
            }
        }
        if space {
            word_start = i + g.len();
        }
        previous = Some(g);
    }
    if let Some(i) = sentence_end {
        return (body[..i].trim_end().to_string(), &body[i..]);
    }
    if let Some(i) = word_end {
        let kept = body[..i].trim_end().trim_end_matches([',', ';', ':', '-']);
        return (format!("{kept}…"), &body[i..]);
    }
    let kept: String = body.graphemes(true).take(room).collect();
    let at = kept.len();
    (format!("{kept}…"), &body[at..])
}

fn join(body: &str, tail: &str) -> String {
    match (body.is_empty(), tail.is_empty()) {
        (_, true) => body.to_string(),
        (true, false) => tail.to_string(),
        (false, false) => format!("{body} {tail}"),
    }
}

pub(super) fn check(draft: &Draft, out: &mut Vec<Finding>) {
    let n = caption_length(&draft.caption);
    let limits = platform_limits();
    let app = &limits.caption_in_app;
    let api = &limits.caption_posting_api;
    if n > app.count() {
        out.push(
            Finding::new(
                "caption-over-limit",
                Severity::Error,
                Field::Caption,
                SEED_SOURCE,
                format!(
                    "The caption has {n} characters; TikTok refuses captions over {} ({}). Cut {} characters.",
                    app.count(),
                    app.cited(),
                    n - app.count()
                ),
            )
            .with_fix(Fix::TrimCaption { to: app.count() }),
        );
    } else if n > api.count() {
        out.push(
            Finding::new(
                "caption-over-api-limit",
                Severity::Warning,
                Field::Caption,
                SEED_SOURCE,
                format!(
                    "The caption has {n} characters: the TikTok app takes up to {}, but tools that post through TikTok's Content Posting API are refused over {} ({}).",
                    app.count(),
                    api.count(),
                    api.cited()
                ),
            )
            .with_fix(Fix::TrimCaption { to: api.count() }),
        );
    }
    if n > CAPTION_ADVICE {
        out.push(
            Finding::new(
                "caption-too-long",
                Severity::Warning,
                Field::Caption,
                SEED_SOURCE,
                format!(
                    "The caption has {n} characters: the first ~150 show in the feed, and the seed article advises at most 150, hashtags included. Cut {} or put the hook first.",
                    n - CAPTION_ADVICE
                ),
            )
            .with_fix(Fix::TrimCaption { to: CAPTION_ADVICE }),
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
        assert!(caption_length(&trimmed) <= CAPTION_ADVICE, "{trimmed}");
        assert!(trimmed.ends_with("#cottagecore #knitting"));
        assert!(trimmed.contains('…'));
        let one_word = "x".repeat(400);
        assert!(caption_length(&trim_caption(&one_word)) <= CAPTION_ADVICE);
    }

    #[test]
    fn trimming_cuts_after_a_whole_word_and_never_inside_one() {
        let long = format!("{} #booktok", "unputdownable ".repeat(20));
        let trimmed = trim_caption(&long);
        let body = trimmed.trim_end_matches(" #booktok");
        let body = body
            .strip_suffix('…')
            .expect("an ellipsis where the text was cut");
        assert!(body.split(' ').all(|w| w == "unputdownable"), "{trimmed}");
    }

    #[test]
    fn trimming_prefers_the_end_of_a_sentence() {
        let caption = format!(
            "Three books that made me cry on the train this month, and one that made me miss my stop. {} #booktok #reading",
            "And then there is the one I cannot stop thinking about ".repeat(3)
        );
        let trimmed = trim_caption(&caption);
        assert_eq!(
            trimmed,
            "Three books that made me cry on the train this month, and one that made me miss my stop. #booktok #reading"
        );
    }

    #[test]
    fn hashtags_from_the_part_cut_away_move_to_the_end() {
        let caption = format!(
            "Morning run #fittok {} then #gymtok stretches",
            "along the canal ".repeat(12)
        );
        let trimmed = trim_caption(&caption);
        assert!(caption_length(&trimmed) <= CAPTION_ADVICE, "{trimmed}");
        assert!(
            trimmed.starts_with("Morning run #fittok along"),
            "{trimmed}"
        );
        assert!(trimmed.ends_with("… #gymtok"), "{trimmed}");
    }

    #[test]
    fn the_seeds_150_is_a_warning_and_only_tiktoks_own_limit_an_error() {
        let verdict = |n: usize| {
            let mut d = Draft::blank(crate::domain::AccountId(1), chrono::DateTime::UNIX_EPOCH);
            d.caption = "a".repeat(n);
            let mut out = Vec::new();
            check(&d, &mut out);
            out.into_iter()
                .map(|f| (f.rule, f.severity))
                .collect::<Vec<_>>()
        };
        assert_eq!(verdict(150), vec![]);
        assert_eq!(verdict(233), vec![("caption-too-long", Severity::Warning)]);
        assert!(verdict(2201).contains(&("caption-over-api-limit", Severity::Warning)));
        assert!(verdict(4001).contains(&("caption-over-limit", Severity::Error)));
        assert!(!verdict(4000).iter().any(|(_, s)| *s == Severity::Error));
    }

    #[test]
    fn the_ellipsis_never_sticks_to_a_hashtag() {
        let caption = "Knitting again tonight #cosy and then some more words that run on and on";
        let trimmed = trim_caption_to(caption, 40);
        assert!(!trimmed.contains("#cosy…"), "{trimmed:?}");
        assert!(
            trimmed.split_whitespace().any(|w| w == "#cosy"),
            "{trimmed:?}"
        );
        assert!(caption_length(&trimmed) <= 40, "{trimmed:?}");
    }

    proptest::proptest! {
        #[test]
        fn a_trimmed_caption_fits_and_keeps_the_hashtags_that_fit(
            words in proptest::collection::vec("(#?[a-zé🌧]{1,12}[.!,]?)", 0..80),
            limit in 20usize..300,
        ) {
            let caption = words.join(" ");
            let trimmed = trim_caption_to(&caption, limit);
            proptest::prop_assert!(caption_length(&trimmed) <= limit, "{trimmed:?}");
            let mut tags: Vec<String> = Vec::new();
            for w in caption.split_whitespace().filter(|w| is_tag(w)) {
                if !tags.iter().any(|t| t.eq_ignore_ascii_case(w)) {
                    tags.push(w.to_string());
                }
            }
            if caption_length(&tags.join(" ")) * 2 <= limit {
                for tag in &tags {
                    proptest::prop_assert!(
                        trimmed.split_whitespace().any(|w| w.eq_ignore_ascii_case(tag)),
                        "{tag} lost: {trimmed:?}"
                    );
                }
            }
        }
    }
}
