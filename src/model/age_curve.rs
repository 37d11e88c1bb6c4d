//! Stage 1, the age curve: views grow and saturate, `V(t) = V_inf * A(t)` with
//! `A(t) = 1 - exp(-(t / tau)^k)`.
//!
//! `tau` and `k` are fitted per account from videos with several snapshots: for two snapshots
//! of one video at ages `t1 < t2` the curve predicts `ln V(t2) - ln V(t1) = ln A(t2) - ln A(t1)`
//! whatever the video's `V_inf`, so the fit minimises the squared misfit of those log ratios
//! plus a Gaussian prior on `ln tau` and `k` (a grid search: cheap and never diverges). With a
//! single snapshot per video the prior stands. Every historical count is turned into the
//! age-normalised reach `log10 V - log10 A(age)` before anything else uses it.
//! Pure arithmetic: no store, no clock.

use serde::Serialize;

use super::history::History;

/// Prior time scale. MODEL.md suggests ~36 h; the development set (one snapshot per video,
/// ages 9 h to 4.5 years) shows videos of 100-200 h still about 0.25 log10 below their
/// account's level and growth lasting weeks, which `tau = 200 h` reproduces (36 h does not).
pub const PRIOR_TAU_HOURS: f64 = 200.0;
/// Prior shape: below 1, growth is fast at first and has a long tail.
pub const PRIOR_SHAPE: f64 = 0.7;
const PRIOR_SD_LN_TAU: f64 = 0.7;
const PRIOR_SD_SHAPE: f64 = 0.2;
/// Noise of an observed log ratio between two snapshots of one video.
const RATIO_SD: f64 = 0.1;

/// Lookup table range and step, in `u = ln(t / tau)`.
const TABLE_MIN: f64 = -14.0;
const TABLE_MAX: f64 = 7.0;
const TABLE_STEP: f64 = 0.01;

/// The fitted curve with a lookup table of `A` so the Monte Carlo can read it without
/// `exp`/`powf` per path.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgeCurve {
    pub tau_hours: f64,
    pub shape: f64,
    /// Videos with two or more snapshots that informed the fit (0: prior only).
    pub videos: usize,
    #[serde(skip)]
    table: Vec<f64>,
}

impl AgeCurve {
    /// A curve with the given parameters.
    pub fn new(tau_hours: f64, shape: f64, videos: usize) -> Self {
        let steps = ((TABLE_MAX - TABLE_MIN) / TABLE_STEP).round() as usize + 1;
        let table = (0..steps)
            .map(|i| {
                let u = TABLE_MIN + i as f64 * TABLE_STEP;
                -(-(shape * u).exp()).exp_m1()
            })
            .collect();
        Self {
            tau_hours,
            shape,
            videos,
            table,
        }
    }

    /// The prior curve.
    pub fn prior() -> Self {
        Self::new(PRIOR_TAU_HOURS, PRIOR_SHAPE, 0)
    }

    /// Fits `tau` and `k` on the account's multi-snapshot videos.
    pub fn fit(history: &History) -> Self {
        let mut pairs: Vec<(f64, f64, f64)> = Vec::new();
        let mut videos = 0;
        for video in history.videos() {
            let usable: Vec<_> = video.counts.iter().filter(|c| c.views >= 1.0).collect();
            if usable.len() < 2 {
                continue;
            }
            videos += 1;
            for w in usable.windows(2) {
                if w[1].age_hours > w[0].age_hours * 1.01 {
                    let ratio = (w[1].views / w[0].views).ln();
                    pairs.push((w[0].age_hours, w[1].age_hours, ratio));
                }
            }
        }
        if pairs.is_empty() {
            return Self::prior();
        }
        let mut best = (f64::INFINITY, PRIOR_TAU_HOURS, PRIOR_SHAPE);
        for i in 0..=40 {
            let ln_tau = PRIOR_TAU_HOURS.ln() + (i as f64 - 20.0) * 0.15;
            for j in 0..=12 {
                let shape = 0.3 + j as f64 * 0.075;
                let misfit: f64 = pairs
                    .iter()
                    .map(|&(t1, t2, r)| {
                        let model = ln_fraction(t2, ln_tau, shape) - ln_fraction(t1, ln_tau, shape);
                        ((r - model) / RATIO_SD).powi(2)
                    })
                    .sum();
                let prior = ((ln_tau - PRIOR_TAU_HOURS.ln()) / PRIOR_SD_LN_TAU).powi(2)
                    + ((shape - PRIOR_SHAPE) / PRIOR_SD_SHAPE).powi(2);
                if misfit + prior < best.0 {
                    best = (misfit + prior, ln_tau.exp(), shape);
                }
            }
        }
        Self::new(best.1, best.2, videos)
    }

    /// `A(t)`, the share of the final reach seen by age `t` hours.
    pub fn fraction(&self, hours: f64) -> f64 {
        self.fraction_ln((hours.max(1e-3) / self.tau_hours).ln())
    }

    /// `A` at `u = ln(t / tau)`, from the table (linear interpolation).
    pub fn fraction_ln(&self, u: f64) -> f64 {
        if u <= TABLE_MIN {
            return (self.shape * u).exp();
        }
        let pos = (u - TABLE_MIN) / TABLE_STEP;
        let i = pos as usize;
        if i + 1 >= self.table.len() {
            return 1.0;
        }
        let frac = pos - i as f64;
        self.table[i] + (self.table[i + 1] - self.table[i]) * frac
    }

    /// `log10 A(t)`.
    pub fn log10_fraction(&self, hours: f64) -> f64 {
        self.fraction(hours).max(1e-12).log10()
    }
}

fn ln_fraction(hours: f64, ln_tau: f64, shape: f64) -> f64 {
    let z = (shape * (hours.max(1e-3).ln() - ln_tau)).exp();
    (-(-z).exp_m1()).max(1e-300).ln()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::features::DraftFeatures;
    use crate::model::history::{Counts, PastVideo};
    use chrono::{TimeZone, Utc};

    fn counts(age: f64, views: f64) -> Counts {
        Counts {
            age_hours: age,
            views,
            likes: None,
            comments: None,
            shares: None,
            saves: None,
            avg_watch_s: None,
            full_watch_rate: None,
        }
    }

    #[test]
    fn the_table_matches_the_formula() {
        let curve = AgeCurve::new(36.0, 0.7, 0);
        for t in [0.5, 3.0, 36.0, 200.0, 5000.0] {
            let exact = 1.0 - (-(t / 36.0f64).powf(0.7)).exp();
            assert!((curve.fraction(t) - exact).abs() < 1e-4, "{t}");
        }
        assert!(curve.fraction(1.0) < curve.fraction(2.0));
    }

    #[test]
    fn repeated_snapshots_move_the_time_scale() {
        let truth = AgeCurve::new(20.0, 0.8, 0);
        let at = Utc
            .with_ymd_and_hms(2026, 1, 1, 0, 0, 0)
            .single()
            .expect("date");
        let videos = (0..12)
            .map(|i| {
                let v_inf = 10_000.0 * (1.0 + i as f64);
                let snaps = [4.0, 12.0, 48.0, 200.0]
                    .iter()
                    .map(|&t| counts(t, v_inf * truth.fraction(t)))
                    .collect();
                PastVideo::new(i.to_string(), at, DraftFeatures::default(), snaps)
            })
            .collect();
        let fitted = AgeCurve::fit(&History::new(videos, None));
        assert_eq!(fitted.videos, 12);
        assert!(fitted.tau_hours < 35.0, "{}", fitted.tau_hours);
    }
}
