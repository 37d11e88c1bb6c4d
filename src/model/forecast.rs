//! A forecast for one draft in one slot: P10/P50/P90 views at 1 h, 24 h, 7 d and 30 d, the
//! band over time, `P(views > X)`, the engagement rates, the percentile among the account's
//! own videos, the confidence badge, the drivers and the account's walk-forward accuracy.
//!
//! Quantiles over time follow the paths that end at P10, P50 and P90 of 30-day views (views
//! at every age grow with a path's final reach, so ranks hold over time). `P(views > X)` counts
//! paths. With reach model 2 (three or more videos) the quantiles and `P(views > X)` are read
//! from its band instead (learned_run.rs). Everything is a pure function of the fitted model, the inputs and the seed.

use std::sync::Arc;

use serde::Serialize;

use super::calibration::Accuracy;
use super::draws::Draws;
use super::driver::Driver;
use super::heads::{HEADS, typical_watch_share};
use super::learned_run::LearnedBand;
use super::pools::PathEnd;

/// Horizons of the headline numbers, in hours.
pub const HORIZONS: [(f64, &str); 4] = [
    (1.0, "1 h"),
    (24.0, "24 h"),
    (168.0, "7 days"),
    (720.0, "30 days"),
];
/// The horizon "final reach" means.
pub const FINAL_HOURS: f64 = 720.0;
/// Points of the band over time (log-spaced 1 h .. 30 d).
pub const CURVE_POINTS: usize = 48;

/// How to forecast: the seed (and its random numbers), path counts, the threshold `X` and the
/// plan around the slot. Cloning shares the random numbers.
#[derive(Debug, Clone)]
pub struct ForecastContext {
    draws: Arc<Draws>,
    /// Paths for the forecast itself.
    pub paths: usize,
    /// Paths for each driver's re-run (common random numbers keep differences precise).
    pub driver_paths: usize,
    /// Paths for the heat map.
    pub heat_map_paths: usize,
    /// Whether to compute drivers (the backtest skips them).
    pub drivers: bool,
    /// `X` of `P(views > X)`; `None`: the account's typical reach.
    pub threshold: Option<f64>,
    /// Posts planned the same day, this one included.
    pub posts_same_day: u32,
    /// The heat map shows the median views at this age.
    pub heat_map_hours: f64,
    /// Forecast with the account model alone even where reach model 2 applies (the
    /// backtest's comparison with the model before it).
    pub account_model_only: bool,
}

impl ForecastContext {
    /// 10,000 paths drawn from `seed`.
    pub fn new(seed: u64) -> Self {
        Self::with_paths(seed, 10_000)
    }

    /// `paths` paths drawn from `seed` (drivers use at most 2,000, the heat map 1,000).
    pub fn with_paths(seed: u64, paths: usize) -> Self {
        let paths = paths.max(10);
        Self {
            draws: Arc::new(Draws::new(seed, paths)),
            paths,
            driver_paths: paths.min(2_000),
            heat_map_paths: paths.min(1_000),
            drivers: true,
            threshold: None,
            posts_same_day: 1,
            heat_map_hours: 24.0,
            account_model_only: false,
        }
    }

    pub fn seed(&self) -> u64 {
        self.draws.seed()
    }

    pub(crate) fn draws(&self) -> &Draws {
        &self.draws
    }
}

/// P10, P50 and P90 of views at one age.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Quantiles {
    pub hours: f64,
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
}

/// One headline horizon.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Horizon {
    pub label: &'static str,
    #[serde(flatten)]
    pub views: Quantiles,
}

/// Predicted per-view rates (0..1).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EngagementRates {
    pub play: f64,
    /// Expected share of the video watched.
    pub watch_share: f64,
    pub complete: f64,
    pub like: f64,
    pub comment: f64,
    pub share: f64,
    pub save: f64,
    pub negative: f64,
}

impl EngagementRates {
    pub(crate) fn from_heads(rates: &[f64; HEADS], duration_s: Option<f64>) -> Self {
        let relative = rates[1] / (1.0 - rates[1]);
        Self {
            play: rates[0],
            watch_share: (relative * typical_watch_share(duration_s.unwrap_or(15.0))).min(1.0),
            complete: rates[2],
            like: rates[3],
            comment: rates[4],
            share: rates[5],
            save: rates[6],
            negative: rates[7],
        }
    }
}

/// How much the forecast rests on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Confidence {
    pub videos: usize,
    pub prior_only: bool,
    /// `based on 86 of your videos` or `prior only: import analytics to personalise`.
    pub label: String,
    /// `import 12 more to sharpen`, while the history is short.
    pub advice: Option<String>,
}

impl Confidence {
    pub(crate) fn of(videos: usize) -> Self {
        let prior_only = videos == 0;
        let label = match videos {
            0 => "prior only: import analytics to personalise".to_string(),
            1 => "based on 1 of your videos".to_string(),
            n => format!("based on {n} of your videos"),
        };
        let advice = (videos < 30).then(|| format!("import {} more to sharpen", 30 - videos));
        Self {
            videos,
            prior_only,
            label,
            advice,
        }
    }
}

/// Timing of the band paths, kept so any age can be read later.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct BandTiming {
    pub tau_hours: f64,
    pub shape: f64,
    pub speed: f64,
    pub follow_factor: f64,
    pub typical_level: f64,
}

impl BandTiming {
    fn views(&self, path: &PathEnd, hours: f64) -> f64 {
        let a = |t: f64| -(-(t / self.tau_hours).powf(self.shape)).exp_m1();
        let t = hours.max(1e-3) * self.speed;
        let lag = 1.15f64.powf(f64::from(path.level) - self.typical_level);
        f64::from(path.follow) * self.follow_factor * a(3.0 * t)
            + f64::from(path.pools) * a(t / lag)
    }
}

/// The forecast of one draft in one slot.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Forecast {
    pub horizons: Vec<Horizon>,
    /// The band over time, log-spaced from 1 h to 30 days.
    pub curve: Vec<Quantiles>,
    /// `X` and `P(views at 30 days > X)`.
    pub threshold: f64,
    pub prob_above_threshold: f64,
    pub rates: EngagementRates,
    /// The draft's score relative to the account's typical video (1 = typical).
    pub score: f64,
    /// Percentile of the 30-day P50 among the account's own videos (age-normalised).
    pub percentile: Option<f64>,
    pub confidence: Confidence,
    pub drivers: Vec<Driver>,
    pub accuracy: Accuracy,
    /// False when the checks keep the video out of For You: only followers see it.
    pub recommended: bool,
    /// Monte Carlo paths (0 when reach model 2 forecasts: it reads its band directly).
    pub paths: usize,
    pub seed: u64,
    #[serde(skip)]
    pub(crate) final_views: Vec<f32>,
    #[serde(skip)]
    pub(crate) band_paths: [PathEnd; 3],
    #[serde(skip)]
    pub(crate) timing: BandTiming,
    /// Reach model 2's band (three or more videos); `None`: the account model's paths.
    #[serde(skip)]
    pub(crate) learned: Option<LearnedBand>,
}

impl Forecast {
    /// P10, P50 and P90 of views at `hours` after posting.
    pub fn quantiles_at(&self, hours: f64) -> Quantiles {
        if let Some(band) = &self.learned {
            return band.quantiles(hours);
        }
        let [lo, mid, hi] = self
            .band_paths
            .map(|p| self.timing.views(&p, hours).max(0.0));
        Quantiles {
            hours,
            p10: lo.min(mid),
            p50: mid,
            p90: hi.max(mid),
        }
    }

    /// `P(views at 30 days > views)`.
    pub fn prob_above(&self, views: f64) -> f64 {
        if let Some(band) = &self.learned {
            return band.prob_above(views);
        }
        if self.final_views.is_empty() {
            return 0.0;
        }
        let above = self
            .final_views
            .iter()
            .filter(|v| f64::from(**v) > views)
            .count();
        above as f64 / self.final_views.len() as f64
    }

    /// The 30-day median.
    pub fn final_p50(&self) -> f64 {
        self.quantiles_at(FINAL_HOURS).p50
    }

    pub(crate) fn fill_horizons(&mut self) {
        self.horizons = HORIZONS
            .iter()
            .map(|&(hours, label)| Horizon {
                label,
                views: self.quantiles_at(hours),
            })
            .collect();
        self.curve = super::timing::log_spaced(1.0, FINAL_HOURS, CURVE_POINTS)
            .into_iter()
            .map(|h| self.quantiles_at(h))
            .collect();
    }
}

/// The paths at ranks 10%, 50% and 90% of `keys`: one selection for the median, then one in
/// each half (about two passes over the paths); `scratch` is reused.
pub(crate) fn band_ranks(keys: &[f32], scratch: &mut Vec<(f32, u32)>) -> [usize; 3] {
    scratch.clear();
    scratch.extend(keys.iter().enumerate().map(|(i, &k)| (k, i as u32)));
    let n = scratch.len();
    if n == 0 {
        return [0; 3];
    }
    let rank = |q: f64| ((n - 1) as f64 * q).round() as usize;
    let (r10, r50, r90) = (rank(0.1), rank(0.5), rank(0.9));
    let order = |a: &(f32, u32), b: &(f32, u32)| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1));
    let (low, mid, high) = scratch.select_nth_unstable_by(r50, order);
    let mid = mid.1 as usize;
    let lo = if r10 < r50 {
        low.select_nth_unstable_by(r10, order).1.1 as usize
    } else {
        mid
    };
    let hi = if r90 > r50 {
        high.select_nth_unstable_by(r90 - r50 - 1, order).1.1 as usize
    } else {
        mid
    };
    [lo, mid, hi]
}

/// The value at rank `q` of `values` (reordered in place), O(n).
pub(crate) fn value_at_rank(values: &mut [f32], q: f64) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    let rank = ((values.len() - 1) as f64 * q).round() as usize;
    let (_, nth, _) = values.select_nth_unstable_by(rank, |a, b| a.total_cmp(b));
    f64::from(*nth)
}
