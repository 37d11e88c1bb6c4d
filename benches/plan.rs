//! Auto-planning 30 days x 4 posts a day from 1,000 candidate drafts (the target: at
//! most 1 s). The score matrix is synthetic (draft quality x hour-of-week weight x noise), as
//! the planner receives it from the workspace; near-duplicate pairs, fading drafts, a
//! subculture mix and pinned entries make every constraint work.

use std::hint::black_box;

use chrono::{NaiveDate, Timelike};
use criterion::{Criterion, criterion_group, criterion_main};
use scrollstop::domain::{Cadence, DraftId, SubcultureId};
use scrollstop::schedule::{
    BestTimes, CadenceRules, Fixed, PlanDraft, PlanInput, ScoreMatrix, SubcultureMix, auto_plan,
    candidates, hourly_grid,
};

/// SplitMix64: a fixed stream of numbers, the same on every run.
struct Numbers(u64);

impl Numbers {
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn plan(c: &mut Criterion) {
    let zone = chrono_tz::Europe::Amsterdam;
    let rules = CadenceRules::new(
        &Cadence {
            posts_per_day: 4,
            min_spacing_hours: 2.0,
            allowed_days: 0b111_1111,
            first_hour: 8,
            last_hour: 22,
        },
        SubcultureMix {
            shares: vec![(SubcultureId(1), 0.4), (SubcultureId(2), 0.3)],
        },
    );
    let from = NaiveDate::from_ymd_opt(2026, 10, 12).expect("date");
    let to = NaiveDate::from_ymd_opt(2026, 11, 10).expect("date");
    let (slots, _) = candidates(&hourly_grid(&rules, zone, from, to));
    let best = BestTimes::prior(0);
    let mut n = Numbers(7);
    let drafts: Vec<PlanDraft> = (0..1_000)
        .map(|i| PlanDraft {
            id: DraftId(i + 1),
            subculture: match i % 4 {
                0 | 1 => Some(SubcultureId(1)),
                2 => Some(SubcultureId(2)),
                _ => None,
            },
            fading: i % 10 == 0,
        })
        .collect();
    let quality: Vec<f64> = (0..drafts.len())
        .map(|_| 500.0 + 5_000.0 * n.next())
        .collect();
    let scores = ScoreMatrix::from_fn(drafts.len(), slots.len(), |d, s| {
        quality[d] * best.weight(slots[s].hour_of_week) * (0.9 + 0.2 * n.next())
    });
    let pairs: Vec<(DraftId, DraftId)> = (0..300)
        .map(|_| {
            let a = (n.next() * 1_000.0) as i64 + 1;
            let b = (n.next() * 1_000.0) as i64 + 1;
            (DraftId(a), DraftId(b))
        })
        .collect();
    let fixed: Vec<Fixed> = slots
        .iter()
        .filter(|s| s.wall.hour() == 12)
        .step_by(5)
        .enumerate()
        .map(|(i, s)| Fixed {
            draft: DraftId(10_000 + i as i64),
            subculture: None,
            date: s.date,
            instant: s.instant,
        })
        .collect();
    let input = PlanInput {
        rules: &rules,
        slots: &slots,
        drafts: &drafts,
        scores: &scores,
        fixed: &fixed,
        near_duplicates: &pairs,
        best_times: &best,
    };
    let once = auto_plan(&input).expect("plan");
    println!(
        "{} slots, {} drafts: {} placed, {} pinned kept",
        slots.len(),
        drafts.len(),
        once.placements.len(),
        fixed.len()
    );
    let mut group = c.benchmark_group("auto_plan");
    group.sample_size(10);
    group.bench_function("30 days x 4 posts from 1,000 drafts", |b| {
        b.iter(|| auto_plan(black_box(&input)).expect("plan"))
    });
    group.finish();
}

criterion_group!(benches, plan);
criterion_main!(benches);
