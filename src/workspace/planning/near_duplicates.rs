//! The near-duplicate pairs the planner keeps apart: candidate drafts whose captions are at
//! least [`NEAR_DUPLICATE_SIMILARITY`] alike, or whose video file is the same, among themselves
//! and against the drafts already planned.
//!
//! Each caption is fingerprinted once, and only pairs that can reach the threshold are
//! compared: the similarity is the mean of the word and the word-pair Jaccard indexes, so one
//! of the two is at least the threshold, and two sets that alike share one of the rarest
//! `n - ceil(t * n) + 1` tokens of each (prefix filtering, Bayardo et al.). The answer is the
//! one comparing every pair would give; it never reads the store.

use std::collections::{BTreeSet, HashMap};

use super::NEAR_DUPLICATE_SIMILARITY;
use crate::checks::{Fingerprint, caption_print, print_similarity};
use crate::domain::{Draft, DraftId};

/// How many of a set's rarest tokens a set at Jaccard `t` or more must share one of.
fn prefix_len(tokens: usize, t: f64) -> usize {
    let needed = (t * tokens as f64 - 1e-9).ceil().max(0.0) as usize;
    (tokens - needed.min(tokens) + 1).min(tokens)
}

/// Pairs `(i, j)`, `i < j`, of `sets` whose Jaccard index may reach `t`.
fn similar_sets(sets: &[&[u64]], t: f64, out: &mut BTreeSet<(usize, usize)>) {
    let mut frequency: HashMap<u64, u32> = HashMap::new();
    for set in sets {
        for token in *set {
            *frequency.entry(*token).or_default() += 1;
        }
    }
    let mut by_token: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, set) in sets.iter().enumerate() {
        let mut tokens = set.to_vec();
        tokens.sort_unstable_by_key(|w| (frequency[w], *w));
        for token in &tokens[..prefix_len(tokens.len(), t)] {
            let seen = by_token.entry(*token).or_default();
            for &j in seen.iter() {
                // Sizes too far apart cannot reach `t`.
                let (a, b) = (sets[j].len() as f64, set.len() as f64);
                if a.min(b) >= t * a.max(b) - 1e-9 {
                    out.insert((j, i));
                }
            }
            seen.push(i);
        }
    }
}

/// Near-duplicate pairs of `candidates` among themselves and with `others`.
pub(super) fn pairs(candidates: &[Draft], others: &[&Draft]) -> Vec<(DraftId, DraftId)> {
    let all: Vec<&Draft> = candidates.iter().chain(others.iter().copied()).collect();
    let prints: Vec<Fingerprint> = all.iter().map(|d| caption_print(&d.caption)).collect();
    let mut maybe = BTreeSet::new();
    let singles: Vec<&[u64]> = prints.iter().map(|p| p.singles.as_slice()).collect();
    similar_sets(&singles, NEAR_DUPLICATE_SIMILARITY, &mut maybe);
    let pairs: Vec<&[u64]> = prints.iter().map(|p| p.pairs.as_slice()).collect();
    similar_sets(&pairs, NEAR_DUPLICATE_SIMILARITY, &mut maybe);
    let mut by_media: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, d) in all.iter().enumerate() {
        if let Some(h) = d.media_hash.as_deref().filter(|h| !h.is_empty()) {
            by_media.entry(h).or_default().push(i);
        }
    }
    for same in by_media.values() {
        for (k, &i) in same.iter().enumerate() {
            for &j in &same[k + 1..] {
                maybe.insert((i, j));
            }
        }
    }
    let n = candidates.len();
    let same_media = |a: &Draft, b: &Draft| {
        a.media_hash
            .as_deref()
            .is_some_and(|h| !h.is_empty() && b.media_hash.as_deref() == Some(h))
    };
    maybe
        .into_iter()
        // At least one candidate; two planned drafts are not this run's business.
        .filter(|&(i, _)| i < n)
        .filter(|&(i, j)| {
            let (a, b) = (all[i], all[j]);
            a.id != b.id
                && (same_media(a, b)
                    || print_similarity(&prints[i], &prints[j]) >= NEAR_DUPLICATE_SIMILARITY)
        })
        .map(|(i, j)| (all[i].id, all[j].id))
        .collect()
}

#[cfg(test)]
mod tests {
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
