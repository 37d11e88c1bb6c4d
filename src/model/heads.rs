//! Stage 3, the engagement heads: per-view rates for the draft, each a small regularised
//! logistic model `logit P_a(x) = b_a + sum_f beta_af (x_f - c_f)`.
//!
//! * Intercept `b_a`: the account's mean logit rate, shrunk toward the global default with the
//!   weight of three videos: `b_a = (sum_j logit r_aj + 3 logit p0_a) / (n_a + 3)`.
//! * Slopes: Bayesian ridge around the seed's priors, `beta ~ N(beta0, 0.5^2)`, solved as
//!   `(X'X / s^2 + I / 0.25) beta = X'y / s^2 + beta0 / 0.25` with `X` the account's centred
//!   features and `s^2` the residual variance of its logit rates. A feature the history does
//!   not vary keeps its prior slope.
//! * Playtime is debiased for duration as in Kuaishou's D2Q: the head predicts the watch share
//!   relative to the share typical for the video's length, `r = share / e(d)` with
//!   `e(d) = 1 / (1 + (d / 40 s)^0.7)`, as the probability `r / (1 + r)`; finishing a long
//!   video then counts as much as a short one.
//!
//! Heads without data in the history (P_play, P_negative; playtime and completion unless the
//! export has watch time) stay at the defaults and priors, which are labelled as priors.
//! The seed's numbers are ads and survey figures, used only as weak starting slopes.

use serde::Serialize;

use super::features::{DraftFeatures, FEATURES, TYPICAL};
use super::history::History;

/// Number of heads.
pub const HEADS: usize = 8;

/// One per-view action the score weighs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Head {
    /// The viewer stays past the first seconds.
    Play,
    /// Watch share relative to videos of similar length (D2Q).
    Playtime,
    Complete,
    Like,
    Comment,
    Share,
    Save,
    /// "Not interested", hide or report.
    Negative,
}

impl Head {
    pub const ALL: [Head; HEADS] = [
        Head::Play,
        Head::Playtime,
        Head::Complete,
        Head::Like,
        Head::Comment,
        Head::Share,
        Head::Save,
        Head::Negative,
    ];
}

/// Global defaults (a general prior, not any account's numbers).
const DEFAULT_RATE: [f64; HEADS] = [0.60, 0.50, 0.25, 0.06, 0.002, 0.004, 0.006, 0.01];
const INTERCEPT_PRIOR_VIDEOS: f64 = 3.0;
const SLOPE_PRIOR_SD: f64 = 0.5;

/// Prior slopes in logit units per encoded feature unit. Columns follow `Feature::ALL`:
/// duration, vertical, surprise, trending sound, 120+ BPM, native features, Duet/Stitch,
/// hashtags, original sound. Sources (all weak): 9:16 gets 25% more 6-second views (ads);
/// a surprise opening lifted ads 1.7x; fast songs have the highest watch-through; 67% prefer
/// trending songs (survey); switching Duet/Stitch off limits discovery; aim for 12-15 s.
const PRIOR_SLOPES: [[f64; FEATURES]; HEADS] = [
    [-0.05, 0.45, 0.53, 0.10, 0.0, 0.05, 0.0, 0.0, 0.0],
    [0.0, 0.10, 0.10, 0.0, 0.15, 0.05, 0.0, 0.0, 0.0],
    [-0.50, 0.10, 0.10, 0.0, 0.15, 0.0, 0.0, 0.0, 0.0],
    [0.0, 0.05, 0.05, 0.20, 0.0, 0.05, 0.0, 0.0, 0.0],
    [0.0, 0.0, 0.05, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
    [0.0, 0.0, 0.0, 0.20, 0.0, 0.0, 0.15, 0.0, 0.0],
    [0.0; FEATURES],
    [0.0; FEATURES],
];

/// Watch share typical for a video of `seconds` (an assumption used for debiasing only).
pub fn typical_watch_share(seconds: f64) -> f64 {
    1.0 / (1.0 + (seconds.max(1.0) / 40.0).powf(0.7))
}

/// The fitted heads of one account.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Heads {
    intercept: [f64; HEADS],
    slopes: [[f64; FEATURES]; HEADS],
    centre: [f64; FEATURES],
    /// Videos that observed each head.
    pub observed: [usize; HEADS],
    /// Videos whose history varies each feature (0: the slope is the prior).
    pub support: [usize; FEATURES],
    /// Rates of the account's typical video (features at their centre).
    pub typical: [f64; HEADS],
}

fn logit(p: f64) -> f64 {
    let p = p.clamp(1e-6, 1.0 - 1e-6);
    (p / (1.0 - p)).ln()
}

fn logistic(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// The observed value of each head for one snapshot, where the export has it.
fn observed_rates(features: &DraftFeatures, c: &super::history::Counts) -> [Option<f64>; HEADS] {
    let mut out = [None; HEADS];
    if c.views < 20.0 {
        return out;
    }
    let per_view = |n: Option<f64>| n.map(|n| (n / c.views).clamp(1e-5, 0.99));
    if let (Some(watch), Some(d)) = (c.avg_watch_s, features.duration_s) {
        let relative = (watch / d.max(1.0)).min(3.0) / typical_watch_share(d);
        out[1] = Some(relative / (1.0 + relative));
    }
    out[2] = c.full_watch_rate.map(|r| r.clamp(1e-4, 0.999));
    out[3] = per_view(c.likes);
    out[4] = per_view(c.comments);
    out[5] = per_view(c.shares);
    out[6] = per_view(c.saves);
    out
}

impl Heads {
    /// Defaults and priors only.
    pub fn prior() -> Self {
        Self::fit(&History::empty())
    }

    /// Fits every head on the account's history.
    pub fn fit(history: &History) -> Self {
        let videos = history.videos();
        let encoded: Vec<[Option<f64>; FEATURES]> =
            videos.iter().map(|v| v.features.encode()).collect();
        let mut centre = TYPICAL;
        let mut support = [0usize; FEATURES];
        for f in 0..FEATURES {
            let known: Vec<f64> = encoded.iter().filter_map(|x| x[f]).collect();
            if !known.is_empty() {
                centre[f] = known.iter().sum::<f64>() / known.len() as f64;
                if known.iter().any(|v| (v - centre[f]).abs() > 1e-9) {
                    support[f] = known.len();
                }
            }
        }
        let filled: Vec<[f64; FEATURES]> = encoded
            .iter()
            .map(|x| std::array::from_fn(|f| x[f].unwrap_or(centre[f])))
            .collect();
        let observed_all: Vec<[Option<f64>; HEADS]> = videos
            .iter()
            .map(|v| match v.latest() {
                Some(c) => observed_rates(&v.features, c),
                None => [None; HEADS],
            })
            .collect();

        let mut intercept = DEFAULT_RATE.map(logit);
        let mut slopes = PRIOR_SLOPES;
        let mut observed = [0usize; HEADS];
        for h in 0..HEADS {
            let rows: Vec<(&[f64; FEATURES], f64)> = filled
                .iter()
                .zip(&observed_all)
                .filter_map(|(x, o)| o[h].map(|r| (x, logit(r))))
                .collect();
            observed[h] = rows.len();
            if rows.is_empty() {
                continue;
            }
            let n = rows.len() as f64;
            let mean_y = rows.iter().map(|r| r.1).sum::<f64>() / n;
            intercept[h] =
                (n * mean_y + INTERCEPT_PRIOR_VIDEOS * intercept[h]) / (n + INTERCEPT_PRIOR_VIDEOS);
            slopes[h] = ridge(&rows, mean_y, &PRIOR_SLOPES[h]);
        }
        let mut heads = Self {
            intercept,
            slopes,
            centre,
            observed,
            support,
            typical: [0.0; HEADS],
        };
        heads.typical = heads.rates_encoded(&[None; FEATURES]);
        heads
    }

    /// Per-view rates of a draft.
    pub fn rates(&self, features: &DraftFeatures) -> [f64; HEADS] {
        self.rates_encoded(&features.encode())
    }

    /// Per-view rates of encoded features (`None` reads as the account's typical value).
    pub(crate) fn rates_encoded(&self, x: &[Option<f64>; FEATURES]) -> [f64; HEADS] {
        std::array::from_fn(|h| {
            let z = self.intercept[h]
                + (0..FEATURES)
                    .map(|f| self.slopes[h][f] * (x[f].unwrap_or(self.centre[f]) - self.centre[f]))
                    .sum::<f64>();
            logistic(z)
        })
    }

    /// True when the slope of `feature` rests on the account's own videos.
    pub fn fitted(&self, feature: usize) -> bool {
        self.support.get(feature).is_some_and(|&n| n > 0)
    }
}

/// Bayesian ridge of centred logit rates on centred features around the prior slopes.
fn ridge(
    rows: &[(&[f64; FEATURES], f64)],
    mean_y: f64,
    prior: &[f64; FEATURES],
) -> [f64; FEATURES] {
    let n = rows.len() as f64;
    let mean_x: [f64; FEATURES] =
        std::array::from_fn(|f| rows.iter().map(|r| r.0[f]).sum::<f64>() / n);
    let noise = (rows.iter().map(|r| (r.1 - mean_y).powi(2)).sum::<f64>() / n).max(0.05);
    let precision = 1.0 / (SLOPE_PRIOR_SD * SLOPE_PRIOR_SD);
    let mut a = [[0.0; FEATURES]; FEATURES];
    let mut b = [0.0; FEATURES];
    for (x, y) in rows {
        let xc: [f64; FEATURES] = std::array::from_fn(|f| x[f] - mean_x[f]);
        for i in 0..FEATURES {
            b[i] += xc[i] * (y - mean_y) / noise;
            for j in 0..FEATURES {
                a[i][j] += xc[i] * xc[j] / noise;
            }
        }
    }
    for i in 0..FEATURES {
        a[i][i] += precision;
        b[i] += precision * prior[i];
    }
    solve(a, b).unwrap_or(*prior)
}

/// Gaussian elimination with partial pivoting; `None` when the system is singular.
pub(crate) fn solve<const N: usize>(mut a: [[f64; N]; N], mut b: [f64; N]) -> Option<[f64; N]> {
    for col in 0..N {
        let pivot = (col..N).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))?;
        if a[pivot][col].abs() < 1e-12 {
            return None;
        }
        a.swap(col, pivot);
        b.swap(col, pivot);
        for row in col + 1..N {
            let factor = a[row][col] / a[col][col];
            let pivot_row = a[col];
            for (x, p) in a[row][col..].iter_mut().zip(&pivot_row[col..]) {
                *x -= factor * p;
            }
            b[row] -= factor * b[col];
        }
    }
    let mut x = [0.0; N];
    for row in (0..N).rev() {
        let tail: f64 = (row + 1..N).map(|k| a[row][k] * x[k]).sum();
        x[row] = (b[row] - tail) / a[row][row];
    }
    Some(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_system_solves() {
        let x = solve([[2.0, 1.0], [1.0, 3.0]], [3.0, 5.0]).expect("regular");
        assert!((x[0] - 0.8).abs() < 1e-12 && (x[1] - 1.4).abs() < 1e-12);
        assert!(solve([[1.0, 2.0], [2.0, 4.0]], [1.0, 2.0]).is_none());
    }

    #[test]
    fn priors_point_the_way_the_seed_says() {
        let heads = Heads::prior();
        let mut draft = DraftFeatures {
            vertical: Some(false),
            ..DraftFeatures::default()
        };
        let flat = heads.rates(&draft);
        draft.vertical = Some(true);
        assert!(heads.rates(&draft)[0] > flat[0]);
        assert!(typical_watch_share(60.0) < typical_watch_share(15.0));
    }
}
