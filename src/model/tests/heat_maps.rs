//! The batch heat maps (`model/heat_maps.rs`) against one [`AccountModel::heat_map`] call per
//! draft: the same numbers to the last bit, by reach model 2, by the account model and for
//! drafts For You does not recommend, in weeks before, around and after the account's posts.

use chrono::Duration;

use super::synthetic::{Planted, start};
use super::*;
use crate::model::learned::{DRAFT_INPUTS, INPUTS};
use crate::random::Rng;

/// Drafts as a team's backlog varies them, every eighth kept out of For You.
fn drafts(n: usize) -> Vec<DraftFeatures> {
    let planted = Planted::standard();
    let mut rng = Rng::new(18);
    (0..n)
        .map(|i| {
            let mut d = planted.draft(&mut rng);
            d.caption_chars = (i % 5 != 0).then(|| rng.below(300) as usize);
            d.original_sound = (i % 3 != 0).then(|| rng.chance(0.3));
            if i % 4 == 0 {
                // Alike drafts share their predictions: some repeat an earlier draft's length.
                d.duration_s = Some(15.0);
            }
            d.not_recommended = i % 8 == 7;
            d
        })
        .collect()
}

fn audience() -> Audience {
    let mut activity = [5.0; 168];
    for (h, a) in activity.iter_mut().enumerate() {
        if (17..23).contains(&(h % 24)) {
            *a = 50.0 + h as f64 / 4.0;
        }
    }
    Audience::from_activity(activity, 6)
}

fn assert_same_maps(model: &AccountModel, drafts: &[DraftFeatures], context: &ForecastContext) {
    let last = start() + Duration::days(59);
    for week in [
        start() - Duration::hours(12),
        last - Duration::days(2),
        last + Duration::days(20),
    ] {
        let batch = model.heat_maps(drafts, week, context);
        assert_eq!(batch.len(), drafts.len());
        for (d, map) in drafts.iter().zip(&batch) {
            let one = model.heat_map(d, week, context);
            let bits = |m: &[f64; 168]| m.map(f64::to_bits);
            assert_eq!(bits(map), bits(&one), "{d:?} in the week of {week}");
        }
    }
}

#[test]
fn batch_heat_maps_are_each_drafts_heat_map_to_the_last_bit() {
    let history = Planted::standard().history(6, 60);
    let model = fit(&history, &audience(), &TrendContext::empty());
    assert!(model.learned.is_some(), "sixty videos: reach model 2");
    let context = ForecastContext::with_paths(7, 200);
    assert_same_maps(&model, &drafts(120), &context);
    let mut per_day = context.clone();
    per_day.posts_same_day = 3;
    per_day.heat_map_hours = 720.0;
    assert_same_maps(&model, &drafts(40), &per_day);
}

#[test]
fn batch_heat_maps_match_by_the_account_model_too() {
    let history = Planted::standard().history(6, 60);
    let model = fit(&history, &audience(), &TrendContext::empty());
    let mut context = ForecastContext::with_paths(7, 200);
    context.account_model_only = true;
    assert_same_maps(&model, &drafts(24), &context);
    let two = fit(&history.first(2), &audience(), &TrendContext::empty());
    assert!(two.learned.is_none(), "two videos: the account model");
    assert_same_maps(&two, &drafts(24), &ForecastContext::with_paths(7, 200));
}

/// What the batch relies on: the row's inputs before `DRAFT_INPUTS` do not read the draft,
/// those from it on do not read the posting time.
#[test]
fn a_rows_inputs_split_into_the_slots_and_the_drafts() {
    let history = Planted::standard().history(6, 60);
    let model = fit(&history, &audience(), &TrendContext::empty());
    let state = model.learned.as_ref().expect("reach model 2");
    let drafts = drafts(6);
    let times = [start() + Duration::days(3), start() + Duration::days(61)];
    for a in &drafts {
        for b in &drafts {
            let (x, y) = (state.inputs(a, times[0]), state.inputs(b, times[0]));
            assert_eq!(x[..DRAFT_INPUTS], y[..DRAFT_INPUTS]);
        }
        let (x, y) = (state.inputs(a, times[0]), state.inputs(a, times[1]));
        assert_eq!(x[DRAFT_INPUTS..INPUTS], y[DRAFT_INPUTS..INPUTS]);
        assert_ne!(x[..DRAFT_INPUTS], y[..DRAFT_INPUTS], "the cadence moved");
    }
}
