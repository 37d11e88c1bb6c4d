//! The near-duplicate pairs the planner keeps apart: candidate drafts whose captions are at
//! least [`NEAR_DUPLICATE_SIMILARITY`] alike, or whose video file is the same, among themselves
//! and against the drafts already planned.
//!
//! Each caption is fingerprinted once (the checks' duplicate index has most of them already),
//! and only pairs that can reach the threshold are compared. The similarity of two captions of
//! four words or more is the mean of their word and word-pair Jaccard indexes, so at a
//! threshold of 1/2 or more the two indexes add up to at least 1: either the captions share a
//! word pair, or they share none and their word sets are equal (a word index of exactly 1).
//! Shorter captions match only with an equal fingerprint, so with the same word set too. The
//! pairs are therefore found through lists of the captions by word pair (short in practice: a
//! pair of words is far rarer than a word) and by whole word set, not through single words,
//! which a small vocabulary shares across almost every caption. Walking a caption's pair lists
//! counts the pairs it shares with each caption found, and its words are marked in a table, so
//! a comparison counts shared words in one pass over the other's words; the checks' own
//! similarity turns the counts into the same number as comparing the two fingerprints. The
//! answer is the one comparing every pair would give; it never reads the store.

use std::borrow::Cow;
use std::collections::HashMap;

use super::NEAR_DUPLICATE_SIMILARITY;
use crate::checks::{Fingerprint, caption_print, print_similarity_of_counts};
use crate::domain::{Draft, DraftId};

// The candidate lists below find every pair only from a threshold of 1/2 on.
const _: () = assert!(NEAR_DUPLICATE_SIMILARITY >= 0.5);

/// Indexes of the sets holding each item, ascending.
fn lists<K: std::hash::Hash + Eq>(keys: impl Iterator<Item = (usize, K)>) -> HashMap<K, Vec<u32>> {
    let mut by: HashMap<K, Vec<u32>> = HashMap::new();
    for (i, key) in keys {
        by.entry(key).or_default().push(i as u32);
    }
    by
}

/// The members of `list` after `i`.
fn after(list: &[u32], i: usize) -> &[u32] {
    &list[list.partition_point(|&j| (j as usize) <= i)..]
}

/// Near-duplicate pairs of `candidates` among themselves and with `others`; `known` hands
/// back a fingerprint already taken of a draft's caption, if any.
pub(super) fn pairs<'k>(
    candidates: &[Draft],
    others: &[&Draft],
    known: impl Fn(&Draft) -> Option<&'k Fingerprint>,
) -> Vec<(DraftId, DraftId)> {
    let t = NEAR_DUPLICATE_SIMILARITY;
    let all: Vec<&Draft> = candidates.iter().chain(others.iter().copied()).collect();
    let prints: Vec<Cow<'k, Fingerprint>> = all
        .iter()
        .map(|d| known(d).map_or_else(|| Cow::Owned(caption_print(&d.caption)), Cow::Borrowed))
        .collect();
    let by_pair = lists(
        prints
            .iter()
            .enumerate()
            .flat_map(|(i, p)| p.pairs.iter().map(move |pair| (i, *pair))),
    );
    // An empty word set matches nothing (two empty captions are not duplicates).
    let by_words = lists(
        prints
            .iter()
            .enumerate()
            .filter(|(_, p)| !p.singles.is_empty())
            .map(|(i, p)| (i, p.singles.as_slice())),
    );
    let media_of = |i: usize| all[i].media_hash.as_deref().filter(|h| !h.is_empty());
    let by_media = lists((0..all.len()).filter_map(|i| media_of(i).map(|h| (i, h))));
    // Each word as a small number, to mark a caption's words in a table.
    let mut word_ids: HashMap<u64, u32> = HashMap::new();
    let words: Vec<Vec<u32>> = prints
        .iter()
        .map(|p| {
            p.singles
                .iter()
                .map(|w| {
                    let next = word_ids.len() as u32;
                    *word_ids.entry(*w).or_insert(next)
                })
                .collect()
        })
        .collect();
    let mut out = Vec::new();
    // `marked[w] == i + 1`: caption `i` holds word `w`; `settled[j] == i + 1`: the pair (i, j)
    // is listed for comparison already; `shared_pairs[j]`: word pairs `i` and `j` share.
    let mut marked = vec![0usize; word_ids.len()];
    let mut settled = vec![0usize; all.len()];
    let mut shared_pairs = vec![0usize; all.len()];
    let mut maybe: Vec<u32> = Vec::new();
    for i in 0..candidates.len() {
        maybe.clear();
        for pair in &prints[i].pairs {
            for &j in by_pair.get(pair).map_or(&[][..], |l| after(l, i)) {
                shared_pairs[j as usize] += 1;
                maybe.push(j);
            }
        }
        let same_words = by_words.get(prints[i].singles.as_slice());
        maybe.extend(same_words.map_or(&[][..], |l| after(l, i)));
        let same_media = media_of(i).and_then(|h| by_media.get(h));
        maybe.extend(same_media.map_or(&[][..], |l| after(l, i)));
        maybe.sort_unstable();
        for &w in &words[i] {
            marked[w as usize] = i + 1;
        }
        for &j in &maybe {
            let j = j as usize;
            if settled[j] == i + 1 {
                continue;
            }
            settled[j] = i + 1;
            let pairs = std::mem::take(&mut shared_pairs[j]);
            let (a, b) = (all[i], all[j]);
            let alike = || {
                let singles = words[j].iter().filter(|&&w| marked[w as usize] == i + 1);
                print_similarity_of_counts(&prints[i], &prints[j], singles.count(), pairs) >= t
            };
            if a.id != b.id && ((media_of(i).is_some() && media_of(i) == media_of(j)) || alike()) {
                out.push((a.id, b.id));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::checks::caption_similarity;
    use crate::domain::AccountId;
    use crate::random::Rng;

    const WORDS: &[&str] = &[
        "rainy",
        "knit",
        "cozy",
        "bread",
        "moss",
        "tips",
        "for",
        "the",
        "slow",
        "morning",
        "cake",
        "day",
        "in",
        "my",
        "life",
        "#fyp",
        "#knitting",
        "#baking",
    ];

    /// What comparing every pair gives, as the planner did before.
    fn every_pair(candidates: &[Draft], others: &[&Draft]) -> BTreeSet<(DraftId, DraftId)> {
        let mut out = BTreeSet::new();
        for (i, a) in candidates.iter().enumerate() {
            for b in candidates[i + 1..].iter().chain(others.iter().copied()) {
                let media = a.media_hash.is_some() && a.media_hash == b.media_hash;
                if a.id != b.id
                    && (media
                        || caption_similarity(&a.caption, &b.caption) >= NEAR_DUPLICATE_SIMILARITY)
                {
                    out.insert((a.id, b.id));
                }
            }
        }
        out
    }

    /// The same words in another order share no word pair, yet are alike at 1/2.
    #[test]
    fn reordered_words_are_found_without_a_shared_word_pair() {
        let draft = |id: i64, caption: &str| {
            let mut d = Draft::blank(AccountId(1), chrono::Utc::now());
            d.id = DraftId(id);
            d.caption = caption.into();
            d
        };
        let a = draft(1, "rainy knit cozy bread moss");
        let b = draft(2, "moss bread cozy knit rainy");
        let c = draft(3, "");
        let d = draft(4, "");
        assert_eq!(
            caption_similarity(&a.caption, &b.caption),
            NEAR_DUPLICATE_SIMILARITY
        );
        let found = pairs(&[a, b, c], &[&d], |_| None);
        assert_eq!(found, vec![(DraftId(1), DraftId(2))]);
        let expected: Vec<_> = every_pair(
            &[
                draft(1, "rainy knit cozy bread moss"),
                draft(2, "moss bread cozy knit rainy"),
            ],
            &[],
        )
        .into_iter()
        .collect();
        assert_eq!(expected, vec![(DraftId(1), DraftId(2))]);
    }

    #[test]
    fn the_filtered_pairs_are_the_pairs_every_comparison_finds() {
        for seed in 0..20 {
            let mut rng = Rng::new(seed);
            let drafts: Vec<Draft> = (0..120)
                .map(|i| {
                    let mut d = Draft::blank(AccountId(1), chrono::Utc::now());
                    d.id = DraftId(i + 1);
                    let n = 1 + rng.below(9) as usize;
                    d.caption = (0..n)
                        .map(|_| *rng.pick(WORDS))
                        .collect::<Vec<_>>()
                        .join(" ");
                    if rng.chance(0.05) {
                        d.media_hash = Some(format!("{}", rng.below(4)));
                    }
                    d
                })
                .collect();
            let (candidates, planned) = drafts.split_at(90);
            let others: Vec<&Draft> = planned.iter().collect();
            let found: BTreeSet<_> = pairs(candidates, &others, |_| None).into_iter().collect();
            let expected = every_pair(candidates, &others);
            assert!(!expected.is_empty());
            assert_eq!(found, expected, "seed {seed}");
            // Fingerprints handed in (as the checks' index does) change nothing.
            let known: std::collections::HashMap<DraftId, Fingerprint> = drafts
                .iter()
                .filter(|d| d.id.0 % 2 == 0)
                .map(|d| (d.id, caption_print(&d.caption)))
                .collect();
            let reused: BTreeSet<_> = pairs(candidates, &others, |d| known.get(&d.id))
                .into_iter()
                .collect();
            assert_eq!(reused, expected, "seed {seed}, fingerprints handed in");
        }
    }
}
