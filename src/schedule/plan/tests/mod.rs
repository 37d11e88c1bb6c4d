//! Auto-plan: worked examples, and (in `properties`) property tests that every constraint
//! holds.

use chrono::{Duration, NaiveDate, Timelike};
mod exhaustive;
mod properties;

use super::*;
use crate::domain::Cadence;
use crate::schedule::cadence::day_allowed;
use crate::schedule::cadence::{MixGroup, SubcultureMix};
use crate::schedule::slots::{candidates, hourly_grid};

pub(super) fn date(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
}

fn rules(per_day: u8, spacing: f32) -> CadenceRules {
    CadenceRules::new(
        &Cadence {
            posts_per_day: per_day,
            min_spacing_hours: spacing,
            allowed_days: 0b111_1111,
            first_hour: 8,
            last_hour: 22,
        },
        SubcultureMix::default(),
    )
}

fn drafts(n: usize) -> Vec<PlanDraft> {
    (0..n)
        .map(|i| PlanDraft {
            id: DraftId(i as i64 + 1),
            subculture: None,
            fading: false,
        })
        .collect()
}

/// Every hard constraint, checked from the outside; returns what is broken.
pub(super) fn violations(input: &PlanInput<'_>, plan: &Plan) -> Vec<String> {
    let mut bad = Vec::new();
    let r = input.rules;
    let mut seen_drafts = std::collections::HashSet::new();
    let mut seen_slots = std::collections::HashSet::new();
    for p in &plan.placements {
        if !seen_drafts.insert(p.draft) {
            bad.push(format!("{:?} placed twice", p.draft));
        }
        if !seen_slots.insert(p.slot) {
            bad.push(format!("slot {} used twice", p.slot));
        }
        if !input.drafts.iter().any(|d| d.id == p.draft) {
            bad.push(format!("{:?} is not a candidate", p.draft));
        }
        if input.fixed.iter().any(|f| f.draft == p.draft) {
            bad.push(format!("{:?} is fixed but was placed", p.draft));
        }
        let slot = &input.slots[p.slot];
        if slot.instant != p.instant || slot.wall != p.wall {
            bad.push("placement differs from its slot".into());
        }
        if !day_allowed(r.allowed_days, p.date) || !r.hour_allowed(p.wall.hour()) {
            bad.push(format!("{} is outside the allowed days and hours", p.wall));
        }
    }
    // Every post, placed and fixed: (draft, date, instant, subculture).
    let sub = |id: DraftId| {
        input
            .drafts
            .iter()
            .find(|d| d.id == id)
            .and_then(|d| d.subculture)
    };
    let mut all: Vec<_> = plan
        .placements
        .iter()
        .map(|p| (p.draft, p.date, p.instant, sub(p.draft), false))
        .chain(
            input
                .fixed
                .iter()
                .map(|f| (f.draft, f.date, f.instant, f.subculture, true)),
        )
        .collect();
    all.sort_by_key(|e| e.2);
    let dates: std::collections::BTreeSet<_> = input.slots.iter().map(|s| s.date).collect();
    for day in &dates {
        let n = all.iter().filter(|e| e.1 == *day).count();
        let fixed = input.fixed.iter().filter(|f| f.date == *day).count();
        if n > usize::from(r.posts_per_day).max(fixed) {
            bad.push(format!("{day} has {n} posts"));
        }
    }
    let spacing = Duration::seconds((f64::from(r.min_spacing_hours) * 3600.0).round() as i64);
    let gap = Duration::seconds((f64::from(r.duplicate_gap_hours) * 3600.0).round() as i64);
    for i in 0..all.len() {
        for j in i + 1..all.len() {
            let (a, b) = (&all[i], &all[j]);
            if a.4 && b.4 {
                continue; // two fixed entries are the user's business
            }
            let apart = (b.2 - a.2).abs();
            if apart < spacing || apart == Duration::zero() {
                bad.push(format!("{:?} and {:?} are {apart} apart", a.0, b.0));
            }
            let similar = input
                .near_duplicates
                .iter()
                .any(|(x, y)| (*x == a.0 && *y == b.0) || (*x == b.0 && *y == a.0));
            if similar && apart < gap {
                bad.push(format!(
                    "near-duplicates {:?} and {:?} are {apart} apart",
                    a.0, b.0
                ));
            }
        }
    }
    if !r.mix.is_empty() {
        let capacity = usize::from(r.posts_per_day) * dates.len();
        let mut groups: Vec<MixGroup> = all
            .iter()
            .filter(|e| dates.contains(&e.1))
            .map(|e| r.mix.group(e.3))
            .collect();
        groups.sort();
        for g in groups
            .iter()
            .copied()
            .collect::<std::collections::BTreeSet<_>>()
        {
            let n = groups.iter().filter(|x| **x == g).count();
            let fixed = input
                .fixed
                .iter()
                .filter(|f| dates.contains(&f.date) && r.mix.group(f.subculture) == g)
                .count();
            let cap = r.mix.cap(g, capacity).unwrap_or(usize::MAX);
            if n > cap.max(fixed) {
                bad.push(format!("{g:?} has {n} posts, cap {cap}"));
            }
        }
    }
    let placed: usize = plan.placements.len();
    if placed + plan.unplaced.len() != input.drafts.len() {
        bad.push("placed + unplaced != candidates".into());
    }
    bad
}

pub(super) fn grid(
    r: &CadenceRules,
    zone: chrono_tz::Tz,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<CandidateSlot> {
    candidates(&hourly_grid(r, zone, from, to)).0
}

#[test]
fn the_best_drafts_go_to_the_best_hours_within_the_cadence() {
    let r = rules(2, 3.0);
    let slots = grid(&r, chrono_tz::Europe::Amsterdam, date(1), date(3));
    let ds = drafts(10);
    // Draft i scores 100 + i; 18:00 and 12:00 are the best hours.
    let scores = ScoreMatrix::from_fn(ds.len(), slots.len(), |d, s| {
        let bonus = match slots[s].wall.hour() {
            18 => 2.0,
            12 => 1.5,
            _ => 1.0,
        };
        (100.0 + d as f64) * bonus
    });
    let best = BestTimes::prior(0);
    let input = PlanInput {
        rules: &r,
        slots: &slots,
        drafts: &ds,
        scores: &scores,
        fixed: &[],
        near_duplicates: &[],
        best_times: &best,
    };
    let plan = auto_plan(&input).unwrap();
    assert!(
        violations(&input, &plan).is_empty(),
        "{:?}",
        violations(&input, &plan)
    );
    assert_eq!(plan.placements.len(), 6);
    let hours: Vec<u32> = plan.placements.iter().map(|p| p.wall.hour()).collect();
    assert_eq!(hours, [12, 18, 12, 18, 12, 18]);
    let mut placed: Vec<i64> = plan.placements.iter().map(|p| p.draft.0).collect();
    placed.sort();
    assert_eq!(placed, [5, 6, 7, 8, 9, 10], "the six best drafts");
    let first = &plan.placements[1];
    assert!(
        first
            .reason
            .starts_with("Tue 1 Dec 18:00: peak hour of the general prior"),
        "{}",
        first.reason
    );
    assert!(
        first.reason.contains("over the day's median slot"),
        "{}",
        first.reason
    );
}

#[test]
fn fading_drafts_go_first_when_slots_are_alike() {
    let r = rules(1, 0.0);
    let slots = grid(&r, chrono_tz::UTC, date(1), date(4));
    let mut ds = drafts(4);
    ds[3].fading = true;
    let scores = ScoreMatrix::from_fn(4, slots.len(), |_, _| 50.0);
    let best = BestTimes::prior(0);
    let input = PlanInput {
        rules: &r,
        slots: &slots,
        drafts: &ds,
        scores: &scores,
        fixed: &[],
        near_duplicates: &[],
        best_times: &best,
    };
    let plan = auto_plan(&input).unwrap();
    assert_eq!(plan.placements[0].draft, DraftId(4));
    assert!(plan.placements[0].reason.contains("fading"));
}

#[test]
fn a_pinned_entry_keeps_its_place_and_its_day_counts() {
    let r = rules(2, 4.0);
    let slots = grid(&r, chrono_tz::UTC, date(1), date(1));
    let ds = drafts(5);
    let scores = ScoreMatrix::from_fn(5, slots.len(), |_, s| {
        if slots[s].wall.hour() == 18 { 9.0 } else { 1.0 }
    });
    let pinned = Fixed {
        draft: DraftId(99),
        subculture: None,
        date: date(1),
        instant: slots.iter().find(|s| s.wall.hour() == 17).unwrap().instant,
    };
    let best = BestTimes::prior(0);
    let input = PlanInput {
        rules: &r,
        slots: &slots,
        drafts: &ds,
        scores: &scores,
        fixed: std::slice::from_ref(&pinned),
        near_duplicates: &[],
        best_times: &best,
    };
    let plan = auto_plan(&input).unwrap();
    assert!(violations(&input, &plan).is_empty());
    assert_eq!(
        plan.placements.len(),
        1,
        "the pinned entry takes one of the day's two posts"
    );
    let h = plan.placements[0].wall.hour();
    assert!(h <= 13 || h >= 21, "4 h from the pinned 17:00, got {h}");
}

#[test]
fn a_score_matrix_of_the_wrong_shape_is_refused() {
    let r = rules(2, 3.0);
    let slots = grid(&r, chrono_tz::UTC, date(1), date(1));
    let ds = drafts(3);
    let scores = ScoreMatrix::from_fn(2, slots.len(), |_, _| 1.0);
    let best = BestTimes::prior(0);
    let input = PlanInput {
        rules: &r,
        slots: &slots,
        drafts: &ds,
        scores: &scores,
        fixed: &[],
        near_duplicates: &[],
        best_times: &best,
    };
    assert!(matches!(
        auto_plan(&input),
        Err(PlanError::ScoreShape { .. })
    ));
}
