//! The pruned planner against the exhaustive one it replaced: the same greedy and improvement
//! passes written as before (every draft for every slot, every pair sorted), run on the same
//! state. On generated inputs (fading drafts, near-duplicates, pinned entries, subculture
//! caps, hour-of-week and slot-by-slot scores) both must reach the same objective and the same
//! total predicted score; tolerance 1e-9 relative, for float rounding only.

use chrono::{Duration, NaiveDate};
use proptest::prelude::*;

use super::super::state::State;
use super::super::{finish, greedy};
use super::{date, grid};
use crate::domain::{Cadence, DraftId, SubcultureId};
use crate::schedule::cadence::SubcultureMix;
use crate::schedule::plan::*;
use crate::schedule::{BestTimes, CadenceRules};

const EPSILON: f64 = 1e-9;

/// The old step 1: every (draft, slot) pair sorted, best effective score first.
fn exhaustive_greedy(state: &mut State<'_>) {
    let mut pairs: Vec<(f64, u32, u32)> = Vec::new();
    for d in 0..state.drafts() {
        for &s in &state.usable {
            pairs.push((state.eff(d, s), d as u32, s as u32));
        }
    }
    pairs.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.2.cmp(&b.2)).then(a.1.cmp(&b.1)));
    let capacity = state.capacity();
    let mut placed = 0;
    for (_, d, s) in pairs {
        if placed >= capacity {
            break;
        }
        let (d, s) = (d as usize, s as usize);
        if state.fits(d, s) {
            state.place(d, s);
            placed += 1;
        }
    }
}

/// The old step 2: replace, move, swap and fill, each looking at every draft or slot.
fn exhaustive_improve(state: &mut State<'_>) {
    for _ in 0..50 {
        let mut changed = false;
        for (d, s) in state.placed().collect::<Vec<_>>() {
            let current = state.eff(d, s);
            state.remove(d);
            let best = (0..state.drafts())
                .filter(|&u| u != d && state.slot_of(u).is_none())
                .filter(|&u| state.eff(u, s) > current + EPSILON)
                .filter(|&u| state.fits(u, s))
                .max_by(|&a, &b| state.eff(a, s).total_cmp(&state.eff(b, s)).then(b.cmp(&a)));
            state.place(best.unwrap_or(d), s);
            changed |= best.is_some();
        }
        for (d, s) in state.placed().collect::<Vec<_>>() {
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
        let list: Vec<_> = state.placed().collect();
        for i in 0..list.len() {
            for j in i + 1..list.len() {
                let (a, b) = (list[i].0, list[j].0);
                let (Some(sa), Some(sb)) = (state.slot_of(a), state.slot_of(b)) else {
                    continue;
                };
                let gain =
                    state.eff(a, sb) + state.eff(b, sa) - state.eff(a, sa) - state.eff(b, sb);
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
                None => break,
            }
        }
        if !changed {
            break;
        }
    }
}

fn exhaustive_plan(input: &PlanInput<'_>) -> Plan {
    let mut state = State::new(input);
    exhaustive_greedy(&mut state);
    exhaustive_improve(&mut state);
    finish(input, &state)
}

fn pruned_greedy_only(input: &PlanInput<'_>) -> Vec<(usize, usize)> {
    let mut state = State::new(input);
    greedy::fill(&mut state);
    state.placed().collect()
}

fn exhaustive_greedy_only(input: &PlanInput<'_>) -> Vec<(usize, usize)> {
    let mut state = State::new(input);
    exhaustive_greedy(&mut state);
    state.placed().collect()
}

#[derive(Debug, Clone)]
struct Case {
    per_day: u8,
    spacing: f32,
    gap: f32,
    days: u32,
    by_hour: bool,
    mix: Vec<f32>,
    drafts: Vec<(Option<i64>, bool, f64)>,
    noise: Vec<f64>,
    pairs: Vec<(usize, usize)>,
    fixed: Vec<(u32, u32)>,
}

fn case() -> impl Strategy<Value = Case> {
    (
        1u8..=4,
        prop_oneof![Just(0.0f32), 1.0f32..4.0],
        prop_oneof![Just(0.0f32), 6.0f32..96.0],
        1u32..=10,
        any::<bool>(),
        prop::collection::vec(0.05f32..0.6, 0..3),
        1usize..=40,
    )
        .prop_flat_map(|(per_day, spacing, gap, days, by_hour, mix, n)| {
            (
                Just((per_day, spacing, gap, days, by_hour, mix)),
                prop::collection::vec(
                    (
                        prop::option::of(1i64..=3),
                        prop::bool::weighted(0.2),
                        // Few distinct qualities, so ties happen.
                        prop_oneof![
                            (1u32..=5).prop_map(|q| f64::from(q) * 100.0),
                            1.0f64..1000.0
                        ],
                    ),
                    n,
                ),
                prop::collection::vec(0.5f64..1.5, 168),
                prop::collection::vec((0..n, 0..n), 0..n),
                prop::collection::vec((1u32..=days, 8u32..=22), 0..4),
            )
        })
        .prop_map(
            |((per_day, spacing, gap, days, by_hour, mix), drafts, noise, pairs, fixed)| Case {
                per_day,
                spacing,
                gap,
                days,
                by_hour,
                mix,
                drafts,
                noise,
                pairs,
                fixed,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn the_pruned_planner_scores_what_the_exhaustive_one_scores(c in case()) {
        let mut rules = CadenceRules::new(
            &Cadence {
                posts_per_day: c.per_day,
                min_spacing_hours: c.spacing,
                allowed_days: 0b111_1111,
                first_hour: 8,
                last_hour: 22,
            },
            SubcultureMix {
                shares: c.mix.iter().enumerate().map(|(i, s)| (SubcultureId(i as i64 + 1), *s)).collect(),
            },
        );
        rules.duplicate_gap_hours = c.gap;
        let start: NaiveDate = date(1);
        let to = start + Duration::days(i64::from(c.days) - 1);
        let slots = grid(&rules, chrono_tz::Europe::Amsterdam, start, to);
        let drafts: Vec<PlanDraft> = c.drafts.iter().enumerate().map(|(i, (sub, fading, _))| PlanDraft {
            id: DraftId(i as i64 + 1),
            subculture: sub.map(SubcultureId),
            fading: *fading,
        }).collect();
        let quality = |d: usize| c.drafts[d].2;
        let scores = if c.by_hour {
            let column_of = slots.iter().map(|s| u32::from(s.hour_of_week)).collect();
            ScoreMatrix::by_column(drafts.len(), 168, column_of, |d, h| {
                // Coarse hour weights, so slots and drafts tie now and then.
                (quality(d) * (c.noise[h] * 4.0).round() / 4.0).round()
            })
        } else {
            ScoreMatrix::from_fn(drafts.len(), slots.len(), |d, s| {
                quality(d) * c.noise[(s * 7 + d) % 168]
            })
        };
        let near: Vec<(DraftId, DraftId)> = c.pairs.iter()
            .map(|(a, b)| (DraftId(*a as i64 + 1), DraftId(*b as i64 + 1)))
            .collect();
        let fixed: Vec<Fixed> = c.fixed.iter().enumerate().filter_map(|(i, (day, hour))| {
            let wall = (start + Duration::days(i64::from(*day) - 1)).and_hms_opt(*hour, 0, 0)?;
            let instant = crate::schedule::wall::resolve(chrono_tz::Europe::Amsterdam, wall).exact()?;
            Some(Fixed { draft: DraftId(1000 + i as i64), subculture: None, date: wall.date(), instant })
        }).collect();
        let best = BestTimes::prior(0);
        let input = PlanInput {
            rules: &rules, slots: &slots, drafts: &drafts, scores: &scores,
            fixed: &fixed, near_duplicates: &near, best_times: &best,
        };
        // Step 1 alone picks exactly the same pairs.
        let mut ours = pruned_greedy_only(&input);
        let mut theirs = exhaustive_greedy_only(&input);
        ours.sort_unstable();
        theirs.sort_unstable();
        prop_assert_eq!(ours, theirs);

        let fast = auto_plan(&input).unwrap();
        let slow = exhaustive_plan(&input);
        let tolerance = 1e-9 * slow.objective.abs().max(1.0);
        prop_assert!((fast.objective - slow.objective).abs() <= tolerance,
            "objective {} vs exhaustive {}", fast.objective, slow.objective);
        prop_assert!((fast.total_score - slow.total_score).abs() <= 1e-9 * slow.total_score.abs().max(1.0),
            "total {} vs exhaustive {}", fast.total_score, slow.total_score);
        prop_assert!(super::violations(&input, &fast).is_empty());
    }
}
