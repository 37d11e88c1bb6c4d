//! A planted length effect through reach model 2, which reads how the account's own videos
//! of a similar length did as well as what it learned across creators.

use super::*;

/// Length is an input of reach model 2, which also reads how the account's own videos of a
/// similar length did: on one history that evidence carries the history's luck (the last 20
/// videos, 0.25 log10 of noise each), so the planted effect is recovered across accounts (the
/// median of 30 histories), not on every one.
#[test]
fn a_planted_length_effect_is_recovered_across_accounts() {
    let planted = Planted::standard();
    let short = plain_draft();
    let long = DraftFeatures {
        duration_s: Some(60.0),
        ..short.clone()
    };
    let truth = planted.reach_ratio(&short, &long);
    let mut got: Vec<f64> = (1..=30)
        .map(|seed| {
            let history = planted.history(seed, 300);
            let model = fit(&history, &Audience::unknown(), &TrendContext::empty());
            p50_ratio(&model, &short, &long, slot_after(&history))
        })
        .collect();
    got.sort_by(f64::total_cmp);
    assert_recovered("short duration", 0.5 * (got[14] + got[15]), truth);
}
