//! The account's own walk-forward check of reach model 2: each video from the third on is
//! predicted from the videos before it (at the age its count was read), beside the baseline
//! "median of the earlier videos". This is the accuracy the Reach view shows for the account;
//! it costs one feature row and one tree pass per video. Each video's band is calibrated with
//! the residuals of the videos before it, as the forecast's band is with all of them.

use super::Learned;
use super::inputs::{AccountState, log10_views, usable};
use crate::model::age_curve::AgeCurve;
use crate::model::calibration::{Accuracy, MIN_HISTORY, rank_correlation};
use crate::model::features::DraftFeatures;
use crate::model::history::History;
use crate::model::stats::median_of_sorted;

/// The walk-forward accuracy of reach model 2 on `history`, and its residuals (log10 views,
/// ascending) for the account's calibration.
/// `shift` is the log10 effect of a video's choices the trees do not read (the account
/// model's heads).
pub(crate) fn walk_forward(
    history: &History,
    curve: &AgeCurve,
    shift: impl Fn(&DraftFeatures) -> f64,
) -> (Accuracy, Vec<f64>) {
    let videos = usable(history);
    let model = Learned::get();
    let mut earlier: Vec<f64> = Vec::with_capacity(videos.len());
    let (mut err, mut base_err, mut inside) = (0.0, 0.0, 0usize);
    let (mut predicted, mut baseline, mut actual) = (Vec::new(), Vec::new(), Vec::new());
    let mut residuals = Vec::new();
    for (j, video) in videos.iter().enumerate() {
        let counts = video.latest().expect("usable videos have counts");
        let y = log10_views(counts.views);
        if j >= MIN_HISTORY
            && let Some(state) = AccountState::of_usable(&videos[..j], curve)
        {
            let x = state.inputs(&video.features, video.posted_at);
            let centre = state.level
                + state.log10_fraction(counts.age_hours)
                + model.predict(&x)
                + shift(&video.features);
            let band = model.band(state.videos).calibrated(&residuals, OWN_WEIGHT);
            let r = y - centre;
            let at = residuals.partition_point(|v| *v < r);
            residuals.insert(at, r);
            let base = median_of_sorted(&earlier);
            err += (y - centre).abs();
            base_err += (y - base).abs();
            if y >= centre + band.p10() && y <= centre + band.p90() {
                inside += 1;
            }
            predicted.push(centre);
            baseline.push(base);
            actual.push(y);
        }
        let at = earlier.partition_point(|v| *v < y);
        earlier.insert(at, y);
    }
    let n = actual.len();
    let mean = |total: f64| (n > 0).then(|| total / n as f64);
    let accuracy = Accuracy {
        videos: n,
        mae_log10: mean(err),
        baseline_mae_log10: mean(base_err),
        coverage: mean(inside as f64),
        spearman: rank_correlation(&predicted, &actual),
        baseline_spearman: rank_correlation(&baseline, &actual),
    };
    (accuracy, residuals)
}

/// Weight of the shipped band against an account's own residuals: the account's quantiles
/// count `n / (n + 40)`. Tuned by scripts/model/train.py (coverage stays near 80% in each
/// history group on creators the model never saw).
pub(crate) const OWN_WEIGHT: f64 = 40.0;
