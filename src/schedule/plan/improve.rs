//! Step 2 of auto-planning: improvement passes over the greedy plan. Each step keeps every
//! constraint and raises the objective by more than [`EPSILON`], so the passes end.
//!
//! Each step picks what a look at every draft or every slot would pick, but looks only where
//! the answer can be: a slot's candidates in its column's ranking down to the score to beat,
//! and a draft's new slot among the days that can still take a post.

use super::state::State;

/// The smallest gain a step must bring (guards against float noise cycling).
const EPSILON: f64 = 1e-9;
/// A bound on passes for adversarial inputs; real plans settle in a few.
const MAX_PASSES: usize = 50;

/// Runs replace, move, swap and fill passes until one changes nothing.
pub(super) fn until_stable(state: &mut State<'_>) {
    for _ in 0..MAX_PASSES {
        let changed = replace(state) | relocate(state) | swap(state) | fill(state);
        if !changed {
            break;
        }
    }
}

fn placed(state: &State<'_>) -> Vec<(usize, usize)> {
    state.placed().collect()
}

/// Which candidates count: any score, or only those above (or at least at) a bar.
#[derive(Debug, Clone, Copy)]
enum Bar {
    Any,
    Above(f64),
    AtLeast(f64),
}

impl Bar {
    fn clears(self, eff: f64) -> bool {
        match self {
            Bar::Any => true,
            Bar::Above(bar) => eff > bar,
            Bar::AtLeast(bar) => eff >= bar,
        }
    }
}

/// The best unplaced draft that fits slot `s` and clears `bar`: highest effective score, then
/// lowest index. Each ranking is walked best first and stops at the bar.
fn best_for_slot(state: &State<'_>, s: usize, bar: Bar) -> Option<(f64, usize)> {
    let column = state.input.scores.column(s);
    let first_fitting = |list: &[u32], factor: Option<f64>| {
        list.iter()
            .map(|&d| {
                let d = d as usize;
                let v = state.input.scores.at_column(d, column);
                (factor.map_or(v, |f| v * f), d)
            })
            .take_while(|&(eff, _)| bar.clears(eff))
            .find(|&(_, d)| state.draft_open(d) && state.pair_fits(d, s))
    };
    let steady = first_fitting(state.ranking.steady(column), None);
    let fading = first_fitting(state.ranking.fading(column), Some(state.fade(s)));
    match (steady, fading) {
        (Some(a), Some(b)) => Some(if better(b, a) { b } else { a }),
        (a, b) => a.or(b),
    }
}

/// True when `(eff, index)` `a` beats `b`: a higher score, or the same score and a lower index.
fn better(a: (f64, usize), b: (f64, usize)) -> bool {
    a.0 > b.0 || (a.0 == b.0 && a.1 < b.1)
}

/// An unplaced draft that scores more in a placed draft's slot takes it.
fn replace(state: &mut State<'_>) -> bool {
    let mut changed = false;
    for (d, s) in placed(state) {
        let current = state.eff(d, s);
        state.remove(d);
        // `d` is unplaced now but cannot clear its own score.
        let best = best_for_slot(state, s, Bar::Above(current + EPSILON));
        match best {
            Some((_, u)) => {
                state.place(u, s);
                changed = true;
            }
            None => state.place(d, s),
        }
    }
    changed
}

/// A placed draft moves to a better free slot (only a day with room can take it).
fn relocate(state: &mut State<'_>) -> bool {
    let mut changed = false;
    for (d, s) in placed(state) {
        let current = state.eff(d, s);
        state.remove(d);
        let mut best: Option<(f64, usize)> = None;
        let candidates: Vec<usize> = state.usable_on_open_days().collect();
        for t in candidates {
            let v = state.eff(d, t);
            if t == s || v <= current + EPSILON || best.is_some_and(|b| !better((v, t), b)) {
                continue;
            }
            if state.fits(d, t) {
                best = Some((v, t));
            }
        }
        state.place(d, best.map_or(s, |(_, t)| t));
        changed |= best.is_some();
    }
    changed
}

/// Two placed drafts trade slots when that raises the total.
fn swap(state: &mut State<'_>) -> bool {
    let mut changed = false;
    let list = placed(state);
    for i in 0..list.len() {
        for j in i + 1..list.len() {
            let (a, _) = list[i];
            let (b, _) = list[j];
            let (Some(sa), Some(sb)) = (state.slot_of(a), state.slot_of(b)) else {
                continue;
            };
            let gain = state.eff(a, sb) + state.eff(b, sa) - state.eff(a, sa) - state.eff(b, sb);
            if gain <= EPSILON {
                continue;
            }
            state.remove(a);
            state.remove(b);
            if state.fits(a, sb) {
                state.place(a, sb);
                if state.fits(b, sa) {
                    state.place(b, sa);
                    changed = true;
                    continue;
                }
                state.remove(a);
            }
            state.place(a, sa);
            state.place(b, sb);
        }
    }
    changed
}

/// Unplaced drafts go into the best free slot that still fits them, best pairs first (ties:
/// lower draft, then lower slot).
fn fill(state: &mut State<'_>) -> bool {
    let mut changed = false;
    loop {
        // (eff, draft, slot)
        let mut best: Option<(f64, usize, usize)> = None;
        let open: Vec<usize> = state
            .usable_on_open_days()
            .filter(|&s| state.slot_open(s))
            .collect();
        for s in open {
            let bar = best.map_or(Bar::Any, |(v, _, _)| Bar::AtLeast(v));
            let Some((v, d)) = best_for_slot(state, s, bar) else {
                continue;
            };
            let wins = best.is_none_or(|(bv, bd, bs)| {
                better((v, d), (bv, bd)) || (v == bv && d == bd && s < bs)
            });
            if wins {
                best = Some((v, d, s));
            }
        }
        match best {
            Some((_, d, s)) => {
                state.place(d, s);
                changed = true;
            }
            None => return changed,
        }
    }
}
