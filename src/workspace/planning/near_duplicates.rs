//! The near-duplicate pairs the planner keeps apart: candidate drafts whose captions are at
//! least [`NEAR_DUPLICATE_SIMILARITY`] alike, or whose video file is the same, among themselves
//! and against the drafts already planned.
//!
//! Each caption is fingerprinted once, and only pairs that can reach the threshold are
//! compared: the similarity is the mean of the word and the word-pair Jaccard indexes, so one
//! of the two is at least the threshold, and two sets that alike share one of the rarest
//! `n - ceil(t * n) + 1` tokens of each (prefix filtering, Bayardo et al.). The answer is the
//! one comparing every pair would give; it never reads the store.

use std::collections::HashMap;

use super::NEAR_DUPLICATE_SIMILARITY;
use crate::checks::{Fingerprint, caption_print, print_similarity};
use crate::domain::{Draft, DraftId};

/// How many of a set's rarest tokens a set at Jaccard `t` or more must share one of.
fn prefix_len(tokens: usize, t: f64) -> usize {
    let needed = (t * tokens as f64 - 1e-9).ceil().max(0.0) as usize;
    (tokens - needed.min(tokens) + 1).min(tokens)
}

/// The rarest-first prefixes of a family of sets, indexed by token.
struct PrefixIndex {
    by_token: HashMap<u64, Vec<u32>>,
    prefixes: Vec<Vec<u64>>,
}

impl PrefixIndex {
    fn new(sets: &[&[u64]], t: f64) -> Self {
        let mut frequency: HashMap<u64, u32> = HashMap::new();
        for set in sets {
            for token in *set {
                *frequency.entry(*token).or_default() += 1;
            }
        }
        let mut by_token: HashMap<u64, Vec<u32>> = HashMap::new();
        let prefixes = sets
            .iter()
            .enumerate()
            .map(|(i, set)| {
                let mut tokens = set.to_vec();
                tokens.sort_unstable_by_key(|w| (frequency[w], *w));
                tokens.truncate(prefix_len(tokens.len(), t));
                for token in &tokens {
                    by_token.entry(*token).or_default().push(i as u32);
                }
                tokens
            })
            .collect();
        Self { by_token, prefixes }
    }

    /// Calls `found(j)` for every set after `i` that shares a prefix token with set `i` (once
    /// per shared token).
    fn later(&self, i: usize, mut found: impl FnMut(usize)) {
        for token in &self.prefixes[i] {
            let list = &self.by_token[token];
            let from = list.partition_point(|&j| (j as usize) <= i);
            for &j in &list[from..] {
                found(j as usize);
            }
        }
    }
}

/// Near-duplicate pairs of `candidates` among themselves and with `others`.
pub(super) fn pairs(candidates: &[Draft], others: &[&Draft]) -> Vec<(DraftId, DraftId)> {
    let t = NEAR_DUPLICATE_SIMILARITY;
    let all: Vec<&Draft> = candidates.iter().chain(others.iter().copied()).collect();
    let prints: Vec<Fingerprint> = all.iter().map(|d| caption_print(&d.caption)).collect();
    let singles: Vec<&[u64]> = prints.iter().map(|p| p.singles.as_slice()).collect();
    let word_pairs: Vec<&[u64]> = prints.iter().map(|p| p.pairs.as_slice()).collect();
    let by_words = PrefixIndex::new(&singles, t);
    let by_pairs = PrefixIndex::new(&word_pairs, t);
    let media_of = |i: usize| all[i].media_hash.as_deref().filter(|h| !h.is_empty());
    let mut by_media: HashMap<&str, Vec<usize>> = HashMap::new();
    for i in 0..all.len() {
        if let Some(h) = media_of(i) {
            by_media.entry(h).or_default().push(i);
        }
    }
    // Sizes too far apart cannot reach `t`.
    let sizes_allow = |a: usize, b: usize| {
        let (a, b) = (a as f64, b as f64);
        a.min(b) >= t * a.max(b) - 1e-9
    };
    let mut out = Vec::new();
    // `settled[j] == i + 1`: the pair (i, j) is decided already.
    let mut settled = vec![0usize; all.len()];
    let mut maybe: Vec<usize> = Vec::new();
    for i in 0..candidates.len() {
        maybe.clear();
        by_words.later(i, |j| {
            if sizes_allow(singles[i].len(), singles[j].len()) {
                maybe.push(j);
            }
        });
        by_pairs.later(i, |j| {
            if sizes_allow(word_pairs[i].len(), word_pairs[j].len()) {
                maybe.push(j);
            }
        });
        let same_media = media_of(i).and_then(|h| by_media.get(h));
        maybe.extend(same_media.into_iter().flatten().filter(|&&j| j > i));
        maybe.sort_unstable();
        for &j in &maybe {
            if settled[j] == i + 1 {
                continue;
            }
            settled[j] = i + 1;
            let (a, b) = (all[i], all[j]);
            if a.id != b.id
                && ((media_of(i).is_some() && media_of(i) == media_of(j))
                    || print_similarity(&prints[i], &prints[j]) >= t)
            {
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
            let found: BTreeSet<_> = pairs(candidates, &others).into_iter().collect();
            let expected = every_pair(candidates, &others);
            assert!(!expected.is_empty());
            assert_eq!(found, expected, "seed {seed}");
        }
    }
}
