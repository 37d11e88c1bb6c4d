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
//! Finding the candidates does not compare a caption with every other one: a similarity of
//! [`DUPLICATE_THRESHOLD`] needs a word Jaccard index of at least `2 * threshold - 1` (the
//! pair index is at most 1), and two word sets that similar must share one of the first
//! `n - ceil(t * n) + 1` words of each when words are ordered rarest first (prefix filtering,
//! as in Bayardo et al., "Scaling up all pairs similarity search"). The index keeps only those
//! prefix words, so a check looks at a handful of captions even in a 10,000-draft workspace.

use std::collections::HashMap;

use super::{CheckContext, Field, Finding, Severity};
use crate::domain::{Draft, DraftId, DraftStatus, VideoId};

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

#[derive(Debug, Clone)]
struct Entry {
    origin: Origin,
    label: String,
    media_hash: Option<String>,
    print: Fingerprint,
}

/// The account's drafts and posted videos, fingerprinted once for fast comparison.
#[derive(Debug, Clone, Default)]
pub struct DuplicateIndex {
    entries: Vec<Entry>,
    /// How many entries hold each word (the rarest-first order of the prefix filter).
    frequency: HashMap<u64, u32>,
    /// Entries by each word of their prefix.
    by_prefix_word: HashMap<u64, Vec<usize>>,
    /// Entries by media hash.
    by_media: HashMap<String, Vec<usize>>,
}

/// The lowest word Jaccard index a pair at [`DUPLICATE_THRESHOLD`] can have.
fn word_threshold() -> f64 {
    (2.0 * DUPLICATE_THRESHOLD - 1.0).max(0.0)
}

/// How many of a set's rarest words a pair above the word threshold must share one of.
fn prefix_len(words: usize) -> usize {
    let t = word_threshold();
    let needed = (t * words as f64 - 1e-9).ceil().max(0.0) as usize;
    (words - needed.min(words) + 1).min(words)
}

/// FNV-1a: stable across runs and platforms, unlike the standard hasher.
fn hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
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
        .map(|w| hash(w))
        .chain(tags.iter().map(|t| hash(&format!("#{t}"))))
        .collect();
    let mut pairs: Vec<u64> = words
        .windows(2)
        .map(|p| hash(&format!("{} {}", p[0], p[1])))
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

fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
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
    shared as f64 / (a.len() + b.len() - shared) as f64
}

/// [`caption_similarity`] of two fingerprinted captions. It is never above the larger of the
/// word and the pair Jaccard index (it is their mean, or 0 or 1 for short captions with equal
/// words), so a caller may look for candidates by either index.
pub(crate) fn similarity(a: &Fingerprint, b: &Fingerprint) -> f64 {
    if a.words < MIN_WORDS || b.words < MIN_WORDS {
        let same = a.words == b.words
            && a.singles == b.singles
            && a.pairs == b.pairs
            && !a.singles.is_empty();
        return if same { 1.0 } else { 0.0 };
    }
    0.5 * jaccard(&a.singles, &b.singles) + 0.5 * jaccard(&a.pairs, &b.pairs)
}

/// How alike two captions are, 0 (nothing shared) to 1 (the same words and hashtags).
pub fn caption_similarity(a: &str, b: &str) -> f64 {
    similarity(&fingerprint(a), &fingerprint(b))
}

impl DuplicateIndex {
    /// Adds a draft or video: `label` names it in messages. [`DuplicateIndex::of`] indexes the
    /// prefixes once everything is added.
    fn add(&mut self, origin: Origin, label: &str, caption: &str, media_hash: Option<&str>) {
        let entry = Entry {
            origin,
            label: label.to_string(),
            media_hash: media_hash.filter(|h| !h.is_empty()).map(str::to_string),
            print: fingerprint(caption),
        };
        let at = self.entries.len();
        if let Some(hash) = &entry.media_hash {
            self.by_media.entry(hash.clone()).or_default().push(at);
        }
        for word in &entry.print.singles {
            *self.frequency.entry(*word).or_default() += 1;
        }
        self.entries.push(entry);
    }

    /// The words of `print` rarest first (ties by value, so every caller orders alike).
    fn rarest_first(&self, print: &Fingerprint) -> Vec<u64> {
        let mut words = print.singles.clone();
        words.sort_unstable_by_key(|w| (self.frequency.get(w).copied().unwrap_or(0), *w));
        words
    }

    /// Indexes every entry by the words of its prefix (after the last [`DuplicateIndex::add`]).
    fn index_prefixes(&mut self) {
        let mut by_word: HashMap<u64, Vec<usize>> = HashMap::new();
        for (at, entry) in self.entries.iter().enumerate() {
            let words = self.rarest_first(&entry.print);
            for word in &words[..prefix_len(words.len())] {
                by_word.entry(*word).or_default().push(at);
            }
        }
        self.by_prefix_word = by_word;
    }

    /// Entries whose caption may be near-identical to `print`, in the order they were added.
    fn candidates(&self, print: &Fingerprint) -> Vec<usize> {
        let words = self.rarest_first(print);
        let mut found: Vec<usize> = words[..prefix_len(words.len())]
            .iter()
            .filter_map(|w| self.by_prefix_word.get(w))
            .flatten()
            .copied()
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }

    /// Builds an index of drafts (trashed ones are skipped by the caller) and posted videos.
    pub fn of<'a>(
        drafts: impl IntoIterator<Item = &'a Draft>,
        videos: impl IntoIterator<Item = (VideoId, &'a str)>,
    ) -> Self {
        let mut index = Self::default();
        for d in drafts {
            let label = if d.title.is_empty() {
                format!("draft {}", d.id.0)
            } else {
                format!("draft \"{}\"", d.title)
            };
            index.add(
                Origin::Draft(d.id),
                &label,
                &d.caption,
                d.media_hash.as_deref(),
            );
        }
        for (id, caption) in videos {
            index.add(Origin::Video(id), "a posted video", caption, None);
        }
        index.index_prefixes();
        index
    }

    /// How many captions the index holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

pub(super) fn check(draft: &Draft, ctx: &CheckContext<'_>, out: &mut Vec<Finding>) {
    // A posted draft is the video itself: comparing it with the account's videos finds itself.
    if draft.status == DraftStatus::Posted {
        return;
    }
    let own = Origin::Draft(draft.id);
    let media = draft.media_hash.as_deref().filter(|h| !h.is_empty());
    let print = fingerprint(&draft.caption);
    let index = ctx.duplicates;
    let same_media = media
        .and_then(|m| index.by_media.get(m))
        .into_iter()
        .flatten()
        .map(|&at| &index.entries[at])
        .find(|e| e.origin != own);
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
        .candidates(&print)
        .iter()
        .map(|&at| &index.entries[at])
        .filter(|e| e.origin != own)
    {
        let s = similarity(&print, &entry.print);
        if s >= DUPLICATE_THRESHOLD && best.is_none_or(|(b, _)| s > b) {
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
