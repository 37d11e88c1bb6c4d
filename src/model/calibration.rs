//! Stage 7, calibration: walk forward through the account's own history, predicting each
//! video `j` from the videos before it, and widen or shift the P10-P90 band on the log scale
//! so that 80% of past videos fell inside (conformal correction).
//!
//! For each `j >= 3`: `c_j, s_j` = the baseline of videos `< j`; the residual
//! `r_j = y_j - c_j` (age-normalised log10 reach) fits the elasticity `alpha` (score.rs);
//! the model's prediction is `c_j + alpha ln s_j / ln 10` and its standardised residual
//! `e_j = (y_j - c_j - alpha ln s_j / ln 10) / s_j`. The band is `[c + s z10, c + s z90]` with
//! `z_q = (n q_e + 20 z_q^pooled) / (n + 20)`: the account's empirical residual quantile
//! blended with a pooled prior (`z10 = -1.05`, `z90 = +1.55`, from the development set's
//! accounts: log reach is right-skewed, hits overshoot more than flops undershoot).
//! The same walk gives the accuracy report (MAE of log10 views, P10-P90 coverage with the
//! band known at the time, within-account rank correlation), each beside the baseline
//! "median of the earlier videos". Cost: one baseline per video, about 60 operations each.

use serde::Serialize;

use super::baseline::{Baseline, ReachPoint};
use super::stats::{median_of_sorted, quantile};

/// Videos needed before a video is predicted.
pub const MIN_HISTORY: usize = 3;
pub(crate) const POOLED_Z10: f64 = -1.05;
pub(crate) const POOLED_Z90: f64 = 1.55;
const POOLED_WEIGHT: f64 = 20.0;

/// The conformal band in units of the baseline's spread.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Band {
    pub z10: f64,
    pub z90: f64,
    /// Own residuals it rests on.
    pub residuals: usize,
}

impl Band {
    /// The pooled prior band.
    pub fn pooled() -> Self {
        Self {
            z10: POOLED_Z10,
            z90: POOLED_Z90,
            residuals: 0,
        }
    }

    fn from_residuals(sorted: &[f64]) -> Self {
        let n = sorted.len() as f64;
        if sorted.is_empty() {
            return Self::pooled();
        }
        let blend = |q: f64, pooled: f64| {
            let own = quantile(sorted, q).expect("residuals are not empty");
            (n * own + POOLED_WEIGHT * pooled) / (n + POOLED_WEIGHT)
        };
        Self {
            z10: blend(0.1, POOLED_Z10),
            z90: blend(0.9, POOLED_Z90),
            residuals: sorted.len(),
        }
    }
}

/// The model's walk-forward accuracy on one account, beside the baseline's.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Accuracy {
    /// Videos predicted (each from the ones before it).
    pub videos: usize,
    pub mae_log10: Option<f64>,
    pub baseline_mae_log10: Option<f64>,
    /// Share of videos inside the P10-P90 band known at the time.
    pub coverage: Option<f64>,
    pub spearman: Option<f64>,
    pub baseline_spearman: Option<f64>,
}

/// What the walk yields for the fit.
#[derive(Debug, Clone)]
pub(crate) struct Walk {
    /// `(ln s_j, r_j)` pairs for the elasticity.
    pub residuals: Vec<(f64, f64)>,
}

/// Pass 1: baseline residuals of every video with enough history before it.
pub(crate) fn baseline_residuals(
    points: &[ReachPoint],
    ln_s: &[f64],
    followers: Option<f64>,
) -> (Walk, Vec<Baseline>) {
    let mut residuals = Vec::new();
    let mut baselines = Vec::new();
    for j in MIN_HISTORY..points.len() {
        let b = Baseline::from_points(&points[..j], followers);
        residuals.push((ln_s[j], points[j].reach - b.centre));
        baselines.push(b);
    }
    (Walk { residuals }, baselines)
}

/// Pass 2: the model's standardised residuals, the final band and the accuracy report.
/// `curve_log10(j)` is `log10 A(age_j)`.
pub(crate) fn conformal(
    points: &[ReachPoint],
    ln_s: &[f64],
    baselines: &[Baseline],
    alpha: f64,
    curve_log10: impl Fn(usize) -> f64,
) -> (Band, Accuracy) {
    let mut sorted: Vec<f64> = Vec::with_capacity(baselines.len());
    let (mut abs_err, mut base_err, mut inside) = (0.0, 0.0, 0usize);
    let (mut predicted, mut base_predicted, mut actual) = (Vec::new(), Vec::new(), Vec::new());
    let mut earlier: Vec<f64> = points
        .iter()
        .take(MIN_HISTORY)
        .map(|p| p.log10_views)
        .collect();
    earlier.sort_by(f64::total_cmp);
    for (i, b) in baselines.iter().enumerate() {
        let j = i + MIN_HISTORY;
        let p = &points[j];
        let centre = b.centre + alpha * ln_s[j] / std::f64::consts::LN_10;
        let e = (p.reach - centre) / b.spread;
        let band = Band::from_residuals(&sorted);
        if e >= band.z10 && e <= band.z90 {
            inside += 1;
        }
        abs_err += (p.reach - centre).abs();
        let base = median_of_sorted(&earlier);
        base_err += (p.log10_views - base).abs();
        predicted.push(centre + curve_log10(j));
        base_predicted.push(base);
        actual.push(p.log10_views);
        let at = sorted.partition_point(|v| *v < e);
        sorted.insert(at, e);
        let at = earlier.partition_point(|v| *v < p.log10_views);
        earlier.insert(at, p.log10_views);
    }
    let n = baselines.len();
    let mean = |x: f64| (n > 0).then(|| x / n as f64);
    let accuracy = Accuracy {
        videos: n,
        mae_log10: mean(abs_err),
        baseline_mae_log10: mean(base_err),
        coverage: mean(inside as f64),
        spearman: rank_correlation(&predicted, &actual),
        baseline_spearman: rank_correlation(&base_predicted, &actual),
    };
    (Band::from_residuals(&sorted), accuracy)
}

/// Spearman's rank correlation with average ranks for ties; `None` below three pairs, `0`
/// when either side is constant.
pub fn rank_correlation(a: &[f64], b: &[f64]) -> Option<f64> {
    if a.len() != b.len() || a.len() < 3 {
        return None;
    }
    let (ra, rb) = (ranks(a), ranks(b));
    let mean = (a.len() as f64 + 1.0) / 2.0;
    let (mut sab, mut saa, mut sbb) = (0.0, 0.0, 0.0);
    for (x, y) in ra.iter().zip(&rb) {
        sab += (x - mean) * (y - mean);
        saa += (x - mean).powi(2);
        sbb += (y - mean).powi(2);
    }
    if saa <= 0.0 || sbb <= 0.0 {
        return Some(0.0);
    }
    Some(sab / (saa * sbb).sqrt())
}

fn ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&i, &j| values[i].total_cmp(&values[j]));
    let mut ranks = vec![0.0; values.len()];
    let mut start = 0;
    while start < order.len() {
        let mut end = start;
        while end + 1 < order.len() && values[order[end + 1]] == values[order[start]] {
            end += 1;
        }
        let rank = (start + end) as f64 / 2.0 + 1.0;
        for &i in &order[start..=end] {
            ranks[i] = rank;
        }
        start = end + 1;
    }
    ranks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rank_correlation_handles_order_ties_and_constants() {
        let up = [1.0, 2.0, 3.0, 4.0];
        assert_eq!(rank_correlation(&up, &[10.0, 20.0, 30.0, 40.0]), Some(1.0));
        assert_eq!(rank_correlation(&up, &[4.0, 3.0, 2.0, 1.0]), Some(-1.0));
        assert_eq!(rank_correlation(&up, &[5.0; 4]), Some(0.0));
        assert_eq!(rank_correlation(&up[..2], &up[..2]), None);
        let tied = rank_correlation(&[1.0, 1.0, 2.0, 3.0], &[1.0, 2.0, 3.0, 4.0]).expect("pairs");
        assert!(tied > 0.9 && tied < 1.0);
    }

    #[test]
    fn the_band_blends_own_residuals_with_the_pooled_prior() {
        assert_eq!(Band::from_residuals(&[]), Band::pooled());
        let wide: Vec<f64> = (0..200).map(|i| (i as f64 - 100.0) / 25.0).collect();
        let band = Band::from_residuals(&wide);
        assert!(band.z10 < -2.5 && band.z90 > 2.5);
    }
}
