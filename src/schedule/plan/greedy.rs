//! Step 1 of auto-planning: every (draft, slot) pair in order of effective score, best first
//! (ties: lower slot, then lower draft), taken when both are free and the placement keeps
//! every constraint, until the days are full.
//!
//! The pairs are never listed: each usable slot offers its best remaining draft (the head of
//! its column's ranking, see [`super::ranking`]) and a heap merges the slots' offers, so the
//! pairs come out in the same order as a full sort would give them, but only as far as the
//! plan needs. Greedy only adds posts, so a check that fails keeps failing: a slot that is
//! taken, full or too close to a post is dropped with all its pairs, and a draft that is placed
//! or whose subculture is full is skipped in every slot.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use super::state::State;

/// A slot's best remaining pair.
#[derive(Debug, Clone, Copy)]
struct Offer {
    eff: f64,
    slot: usize,
    draft: usize,
    /// From the column's fading ranking (else its steady one).
    fading: bool,
}

impl PartialEq for Offer {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Offer {}

impl PartialOrd for Offer {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Offer {
    /// The heap pops the greatest: highest score, then lowest slot, then lowest draft.
    fn cmp(&self, other: &Self) -> Ordering {
        self.eff
            .total_cmp(&other.eff)
            .then(other.slot.cmp(&self.slot))
            .then(other.draft.cmp(&self.draft))
    }
}

/// Where each slot stands in its column's two rankings.
#[derive(Debug, Clone, Copy, Default)]
struct Cursor {
    steady: usize,
    fading: usize,
}

/// Slot `s`'s best pair from `cursor` on, skipping drafts that can no longer be placed.
fn offer(state: &State<'_>, s: usize, cursor: &mut Cursor) -> Option<Offer> {
    let column = state.input.scores.column(s);
    let steady = state.ranking.steady(column);
    while cursor.steady < steady.len() && !state.draft_open(steady[cursor.steady] as usize) {
        cursor.steady += 1;
    }
    let fading = state.ranking.fading(column);
    while cursor.fading < fading.len() && !state.draft_open(fading[cursor.fading] as usize) {
        cursor.fading += 1;
    }
    let from = |list: &[u32], at: usize, fading: bool| {
        list.get(at).map(|&d| Offer {
            eff: state.eff(d as usize, s),
            slot: s,
            draft: d as usize,
            fading,
        })
    };
    match (
        from(steady, cursor.steady, false),
        from(fading, cursor.fading, true),
    ) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

/// Places the best pairs until every day is full or no pair fits.
pub(super) fn fill(state: &mut State<'_>) {
    let capacity = state.capacity();
    if capacity == 0 {
        return;
    }
    let mut cursors = vec![Cursor::default(); state.input.slots.len()];
    let mut heap: BinaryHeap<Offer> = state
        .usable
        .iter()
        .filter_map(|&s| offer(state, s, &mut cursors[s]))
        .collect();
    let mut placed = 0;
    while let Some(best) = heap.pop() {
        let (d, s) = (best.draft, best.slot);
        if !state.slot_open(s) {
            continue;
        }
        if state.draft_open(d) && state.pair_fits(d, s) {
            state.place(d, s);
            placed += 1;
            if placed >= capacity {
                return;
            }
            continue;
        }
        let cursor = &mut cursors[s];
        if best.fading {
            cursor.fading += 1;
        } else {
            cursor.steady += 1;
        }
        if let Some(next) = offer(state, s, cursor) {
            heap.push(next);
        }
    }
}
