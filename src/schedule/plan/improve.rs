//! Step 2 of auto-planning: improvement passes over the greedy plan. Each step keeps every
//! constraint and raises the objective by more than [`EPSILON`], so the passes end.

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

/// An unplaced draft that scores more in a placed draft's slot takes it.
fn replace(state: &mut State<'_>) -> bool {
    let mut changed = false;
    for (d, s) in placed(state) {
        let current = state.eff(d, s);
        state.remove(d);
        let best = (0..state.drafts())
            .filter(|&u| u != d && state.slot_of(u).is_none())
            .filter(|&u| state.eff(u, s) > current + EPSILON)
            .filter(|&u| state.fits(u, s))
            .max_by(|&a, &b| state.eff(a, s).total_cmp(&state.eff(b, s)).then(b.cmp(&a)));
        match best {
            Some(u) => {
                state.place(u, s);
                changed = true;
            }
            None => state.place(d, s),
        }
    }
    changed
}

/// A placed draft moves to a better free slot.
fn relocate(state: &mut State<'_>) -> bool {
    let mut changed = false;
    for (d, s) in placed(state) {
        let current = state.eff(d, s);
        state.remove(d);
        let best = state
            .usable
            .iter()
            .copied()
            .filter(|&t| t != s && state.eff(d, t) > current + EPSILON && state.fits(d, t))
            .max_by(|&a, &b| state.eff(d, a).total_cmp(&state.eff(d, b)).then(b.cmp(&a)));
        state.place(d, best.unwrap_or(s));
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

/// Unplaced drafts go into the best free slot that still fits them, best pairs first.
fn fill(state: &mut State<'_>) -> bool {
    let mut changed = false;
    loop {
        let mut best: Option<(f64, usize, usize)> = None;
        for d in (0..state.drafts()).filter(|&d| state.slot_of(d).is_none()) {
            for &s in &state.usable {
                let v = state.eff(d, s);
                if best.is_some_and(|(b, _, _)| v <= b) || !state.fits(d, s) {
                    continue;
                }
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
