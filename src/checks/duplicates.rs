//! Duplicate content (the seed's "not recommended" list): For You does not recommend
//! duplicates, so a draft whose media file or caption matches another draft or an already
//! posted video of the account is an error.
//!
//! Captions are compared by word shingles: lower-cased words (emoji and punctuation dropped),
//! hashtags as an unordered set. Similarity is the mean of the Jaccard index of single words
//! (hashtags included) and of word pairs (hashtags excluded). Two captions are near-identical
//! at [`DUPLICATE_THRESHOLD`] or above; one changed word in a twelve-word caption scores about
//! 0.77, two unrelated captions on the same topic stay below 0.3. Captions of fewer than four
//! words only count when their words and hashtags are exactly equal.
//!
//! Finding the candidates does not compare a caption with every other one: [`DuplicateIndex`]
//! (in `duplicates/index.rs`) lists the account's captions by word pair and hands back only
//! those that can reach the threshold, so a check looks at a handful of captions even in a
//! 10,000-draft workspace, and an edited draft updates the index without rebuilding it.

mod index;

use super::{CheckContext, Field, Finding, Severity};
use crate::domain::{Draft, DraftId, DraftStatus, VideoId};
use crate::stable_hash::hash_text;

pub use index::DuplicateIndex;
use index::Entry;

/// Similarity at or above which two captions are the same content.
pub const DUPLICATE_THRESHOLD: f64 = 0.7;

const MIN_WORDS: usize = 4;

/// Where a comparable caption comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Draft(DraftId),
    Video(VideoId),
}

/// A caption's words (hashtags included) and word pairs, hashed, sorted and deduplicated.
#[derive(Debug, Clone)]
pub(crate) struct Fingerprint {
    words: usize,
    pub(crate) singles: Vec<u64>,
    pub(crate) pairs: Vec<u64>,
}

pub(crate) fn fingerprint(caption: &str) -> Fingerprint {
    let mut words = Vec::new();
    let mut tags = Vec::new();
    for raw in caption.split(|c: char| c.is_whitespace()) {
        for (i, part) in raw.split('#').enumerate() {
            let token: String = part
                .chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect();
            if token.is_empty() {
                continue;
            }
            if i > 0 {
                tags.push(token)
            } else {
                words.push(token)
            }
        }
    }
    let mut singles: Vec<u64> = words
        .iter()
        .map(|w| hash_text(w))
        .chain(tags.iter().map(|t| hash_text(&format!("#{t}"))))
        .collect();
    let mut pairs: Vec<u64> = words
        .windows(2)
        .map(|p| hash_text(&format!("{} {}", p[0], p[1])))
        .collect();
    singles.sort_unstable();
    singles.dedup();
    pairs.sort_unstable();
    pairs.dedup();
    Fingerprint {
        words: words.len(),
        singles,
        pairs,
    }
}

/// How many members two sorted sets share.
fn shared(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

/// The Jaccard index of sets of `a` and `b` members sharing `shared` (two empty sets: 1).
fn jaccard(a: usize, b: usize, shared: usize) -> f64 {
    if a == 0 && b == 0 {
        return 1.0;
    }
    shared as f64 / (a + b - shared) as f64
}

/// [`caption_similarity`] of two fingerprinted captions. It is never above the larger of the
/// word and the pair Jaccard index (it is their mean, or 0 or 1 for short captions with equal
/// words), so a caller may look for candidates by either index.
pub(crate) fn similarity(a: &Fingerprint, b: &Fingerprint) -> f64 {
    if a.words < MIN_WORDS || b.words < MIN_WORDS {
        return similarity_of_counts(a, b, 0, 0);
    }
    similarity_of_counts(
        a,
        b,
        shared(&a.singles, &b.singles),
        shared(&a.pairs, &b.pairs),
    )
}

/// [`similarity`] of two captions that share `singles` words and `pairs` word pairs (counted
/// by the caller), to the last bit; the counts are not read for short captions.
pub(crate) fn similarity_of_counts(
    a: &Fingerprint,
    b: &Fingerprint,
    singles: usize,
    pairs: usize,
) -> f64 {
    if a.words < MIN_WORDS || b.words < MIN_WORDS {
        let same = a.words == b.words
            && a.singles == b.singles
            && a.pairs == b.pairs
            && !a.singles.is_empty();
        return if same { 1.0 } else { 0.0 };
    }
    0.5 * jaccard(a.singles.len(), b.singles.len(), singles)
        + 0.5 * jaccard(a.pairs.len(), b.pairs.len(), pairs)
}

/// How alike two captions are, 0 (nothing shared) to 1 (the same words and hashtags).
pub fn caption_similarity(a: &str, b: &str) -> f64 {
    similarity(&fingerprint(a), &fingerprint(b))
}

pub(super) fn check(draft: &Draft, ctx: &CheckContext<'_>, out: &mut Vec<Finding>) {
    // A posted draft is the video itself: comparing it with the account's videos finds itself.
    if draft.status == DraftStatus::Posted {
        return;
    }
    let own = Origin::Draft(draft.id);
    let media = draft.media_hash.as_deref().filter(|h| !h.is_empty());
    let index = ctx.duplicates;
    let computed;
    let print = match index.print_of(draft.id, &draft.caption) {
        Some(print) => print,
        None => {
            computed = fingerprint(&draft.caption);
            &computed
        }
    };
    let same_media = media
        .map(|m| index.with_media(m))
        .unwrap_or_default()
        .iter()
        .map(|&at| index.entry(at))
        .filter(|e| e.origin != own)
        .min_by_key(|e| e.rank);
    if let Some(entry) = same_media {
        out.push(Finding::new(
            "duplicate-content",
            Severity::Error,
            Field::Media,
            "For You does not recommend duplicate content.",
            format!(
                "The media file is the same as {}'s: For You does not recommend duplicate content.",
                entry.label
            ),
        ));
        return;
    }
    let mut best: Option<(f64, &Entry)> = None;
    for entry in index
        .candidates(print)
        .iter()
        .map(|&at| index.entry(at))
        .filter(|e| e.origin != own)
    {
        // The most similar; of equals, the first in the index's order.
        let s = similarity(print, &entry.print);
        let better = |(b, e): (f64, &Entry)| s > b || (s == b && entry.rank < e.rank);
        if s >= DUPLICATE_THRESHOLD && best.is_none_or(better) {
            best = Some((s, entry));
        }
    }
    if let Some((s, entry)) = best {
        out.push(Finding::new(
            "duplicate-content",
            Severity::Error,
            Field::Caption,
            "For You does not recommend duplicate content.",
            format!(
                "The caption is {:.0}% the same as {}'s: For You does not recommend duplicate content. Change the idea, not just a word.",
                s * 100.0,
                entry.label
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "Three cosy knits for a rainy autumn day with tea and candles 🌧️ #cottagecore #knitting #fyp";

    #[test]
    fn reordered_hashtags_and_changed_emoji_are_still_the_same_caption() {
        let moved = "Three cosy knits for a rainy autumn day with tea and candles ☕ #fyp #knitting #cottagecore";
        assert!((caption_similarity(BASE, moved) - 1.0).abs() < 1e-9);
    }

    #[test]
    fn one_changed_word_is_near_identical() {
        let changed = "Three cosy knits for a rainy winter day with tea and candles 🌧️ #cottagecore #knitting #fyp";
        let s = caption_similarity(BASE, changed);
        assert!(s >= DUPLICATE_THRESHOLD, "{s}");
    }

    #[test]
    fn a_different_caption_on_the_same_topic_is_not_a_duplicate() {
        let other = "How I store my yarn stash in old apple crates #cottagecore #knitting";
        let s = caption_similarity(BASE, other);
        assert!(s < 0.3, "{s}");
    }

    /// The prefix filter never misses a pair the full comparison finds.
    #[test]
    fn candidates_hold_every_near_identical_caption() {
        let words = [
            "cosy",
            "knits",
            "rainy",
            "autumn",
            "tea",
            "candles",
            "yarn",
            "stash",
            "apple",
            "crates",
            "morning",
            "coffee",
            "#fyp",
            "#knitting",
            "#cottagecore",
            "the",
            "a",
        ];
        let mut seed = 7u64;
        let mut next = || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) as usize
        };
        let captions: Vec<String> = (0..300)
            .map(|_| {
                let n = 3 + next() % 9;
                (0..n)
                    .map(|_| words[next() % words.len()])
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        let mut index = DuplicateIndex::default();
        for (i, c) in captions.iter().enumerate() {
            index.add(Origin::Video(VideoId(i as i64)), "v", c, None);
        }
        index.index_prefixes();
        let mut pairs = 0;
        for (i, a) in captions.iter().enumerate() {
            let print = fingerprint(a);
            let candidates = index.candidates(&print);
            for (j, b) in captions.iter().enumerate() {
                if similarity(&print, &fingerprint(b)) >= DUPLICATE_THRESHOLD {
                    pairs += 1;
                    assert!(candidates.contains(&j), "{i} {a:?} missed {j} {b:?}");
                }
            }
        }
        assert!(
            pairs > 300,
            "the sample has near-identical pairs beyond itself: {pairs}"
        );
    }

    #[test]
    fn short_captions_only_match_exactly() {
        assert_eq!(
            caption_similarity("Good morning ☀️ #coffee", "good morning! #coffee"),
            1.0
        );
        assert_eq!(
            caption_similarity("Good morning #coffee", "Good night #coffee"),
            0.0
        );
        assert_eq!(
            caption_similarity("", ""),
            0.0,
            "two empty captions are not duplicates"
        );
    }
}
