//! The embedded ranking model (MODEL.md): fit on an account's imported history, forecast a
//! draft's reach as an honest range, and say which choices help or hurt.
//!
//! One entry point each: [`fit`] turns a [`History`], an [`Audience`] and a [`TrendContext`]
//! into an [`AccountModel`]; [`AccountModel::forecast`] turns a draft's [`DraftFeatures`], a
//! [`Slot`] and a [`ForecastContext`] into a [`Forecast`]; [`backtest`] walks forward through
//! accounts. Eight stages, one file each: `age_curve`, `baseline`, `heads`, `score`, `pools`,
//! `timing`, `calibration`, `explain`. From three videos on, the centre and band come from
//! reach model 2 (`learned`: trees trained across creators, embedded) and its drivers from
//! `learned_drivers`; the stages above still give the rates, the effect of choices the trees
//! do not see (aspect, opening, trending sound, ...) and the forecast of newer accounts. The model is pure: it never reads the store, a file,
//! egui or the clock, and the same inputs and seed give the same numbers, exactly.
//! Its copy never claims to know TikTok's weights: it says "based on N of your videos" or
//! "prior from general guidance".

mod age_curve;
pub mod backtest;
mod baseline;
mod calibration;
mod draws;
mod driver;
mod explain;
mod features;
mod forecast;
mod heads;
mod heat_maps;
mod history;
mod learned;
mod learned_drivers;
mod learned_run;
mod pools;
mod run;
mod score;
pub mod stats;
mod timing;
mod top_list;
mod trends;

#[cfg(test)]
mod tests;

pub use age_curve::AgeCurve;
pub use backtest::{
    AccountHistory, Backtest, BacktestRow, BacktestSummary, backtest, backtest_unless,
};
pub use baseline::{Baseline, BaselineSource};
pub use calibration::{Accuracy, Band, MIN_HISTORY, rank_correlation};
pub use draws::Draws;
pub use driver::{Basis, Driver, WhatIf};
pub use features::{
    DraftFeatures, FEATURES, Feature, NOT_RECOMMENDED_RULES, Slot, is_original_sound,
};
pub use forecast::{
    CURVE_POINTS, Confidence, EngagementRates, FINAL_HOURS, Forecast, ForecastContext, HORIZONS,
    Horizon, Quantiles,
};
pub use heads::{HEADS, Head, Heads};
pub use history::{Audience, Counts, History, PastVideo};
pub use pools::Pools;
pub use score::Elasticity;
pub use timing::SlotEffect;
pub use top_list::{TopListCorrection, correct_top_list};
pub use trends::{TrendContext, TrendingSound};

use serde::Serialize;

/// Share of followers who see a post in the Following feed (prior), and the share of the
/// typical reach assumed for it when the follower count is unknown.
const FOLLOW_SHARE: f64 = 0.02;
const FOLLOW_SHARE_OF_REACH: f64 = 0.05;

/// An account's fitted model.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AccountModel {
    pub curve: AgeCurve,
    pub baseline: Baseline,
    pub heads: Heads,
    pub elasticity: Elasticity,
    pub band: Band,
    pub pools: Pools,
    pub accuracy: Accuracy,
    pub followers: Option<f64>,
    #[serde(skip)]
    audience: Audience,
    #[serde(skip)]
    trends: TrendContext,
    /// Age-normalised log10 reach of the account's videos, ascending.
    #[serde(skip)]
    own_reach: Vec<f64>,
    /// What reach model 2 reads of the account (`None` below three videos: the prior).
    #[serde(skip)]
    learned: Option<learned::AccountState>,
}

/// Fits an account: age curve, baseline, heads, elasticity, conformal band, pool calibration.
pub fn fit(history: &History, audience: &Audience, trends: &TrendContext) -> AccountModel {
    let curve = AgeCurve::fit(history);
    let heads = Heads::fit(history);
    let mut points = Vec::with_capacity(history.videos().len());
    let mut ln_s = Vec::with_capacity(history.videos().len());
    for video in history.videos() {
        if let Some(p) = baseline::reach_point(video, &curve) {
            points.push(p);
            ln_s.push(score::score(&heads.rates(&video.features), &heads.typical).ln());
        }
    }
    let followers = history.followers();
    let (walk, baselines) = calibration::baseline_residuals(&points, &ln_s, followers);
    let elasticity = if walk.residuals.is_empty() {
        Elasticity::prior()
    } else {
        Elasticity::fit(&walk.residuals)
    };
    let (band, accuracy) =
        calibration::conformal(&points, &ln_s, &baselines, elasticity.alpha, |j| {
            curve.log10_fraction(points[j].age_hours)
        });
    let baseline = Baseline::from_points(&points, followers);
    let band = if baseline.source == BaselineSource::Prior {
        Band {
            z10: -1.2816,
            z90: 1.2816,
            residuals: 0,
        }
    } else {
        band
    };
    let typical = 10f64.powf(baseline.centre);
    let follow_views = followers.map_or(FOLLOW_SHARE_OF_REACH * typical, |f| FOLLOW_SHARE * f);
    let target = [
        baseline.centre + baseline.spread * band.z10,
        baseline.centre,
        baseline.centre + baseline.spread * band.z90,
    ];
    let noise = run::noise_per_viewer(&heads.typical, &heads.typical, 1.0);
    let pools = Pools::calibrate(target, elasticity.alpha, follow_views, noise);
    let mut own_reach: Vec<f64> = points.iter().map(|p| p.reach).collect();
    own_reach.sort_by(f64::total_cmp);
    let (learned, accuracy) = match learned::AccountState::of(history, &curve) {
        Some(state) => {
            let (accuracy, residuals) = learned::walk_forward(history, &curve, |f| {
                learned_run::unseen_shift(&heads, elasticity.alpha, f)
            });
            (Some(state.calibrate(&residuals)), accuracy)
        }
        None => (None, accuracy),
    };
    AccountModel {
        curve,
        baseline,
        heads,
        elasticity,
        band,
        pools,
        accuracy,
        followers,
        audience: audience.clone(),
        trends: trends.clone(),
        own_reach,
        learned,
    }
}

impl AccountModel {
    /// Videos the model rests on.
    pub fn videos(&self) -> usize {
        self.baseline.videos
    }

    pub fn audience(&self) -> &Audience {
        &self.audience
    }

    pub fn trends(&self) -> &TrendContext {
        &self.trends
    }

    /// Percentile (0..100) of a log10 reach among the account's own videos.
    pub(crate) fn percentile_of(&self, log10_reach: f64) -> Option<f64> {
        if self.own_reach.is_empty() {
            return None;
        }
        let below = self.own_reach.partition_point(|v| *v < log10_reach);
        let upto = self.own_reach.partition_point(|v| *v <= log10_reach);
        Some(100.0 * (below + upto) as f64 / 2.0 / self.own_reach.len() as f64)
    }
}
