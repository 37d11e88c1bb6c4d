//! Running a fitted model for one draft: the forecast itself and the hour-of-week heat map
//! (by reach model 2 from three videos on, learned_run.rs; by the account's paths before).
//! Both simulate the paths once per scenario on the context's shared random numbers and read
//! them through the slot's clock; nothing here allocates inside the path loop, reads the clock
//! or the store.

use chrono::{DateTime, Utc};

use super::AccountModel;
use super::features::{DraftFeatures, Slot};
use super::forecast::{
    BandTiming, Confidence, EngagementRates, FINAL_HOURS, Forecast, ForecastContext, band_ranks,
    value_at_rank,
};
use super::heads::HEADS;
use super::pools::{PathEnd, Scenario};
use super::score::score;
use super::timing::{Clock, SlotEffect};

/// `sum_a P_a (1 - P_a) / P̄_a^2 / (H-1)^2 / s^2`: the variance of the observed log score
/// that one viewer contributes (binomial, normal approximation).
pub(crate) fn noise_per_viewer(rates: &[f64; HEADS], typical: &[f64; HEADS], s: f64) -> f64 {
    let sum: f64 = (0..HEADS)
        .map(|a| rates[a] * (1.0 - rates[a]) / (typical[a] * typical[a]))
        .sum();
    let divisor = (HEADS - 2) as f64;
    sum / (divisor * divisor) / (s * s)
}

impl AccountModel {
    /// The pool scenario, rates and score of a draft.
    pub(crate) fn scenario(&self, draft: &DraftFeatures) -> (Scenario, [f64; HEADS], f64) {
        let rates = self.heads.rates(draft);
        let s = score(&rates, &self.heads.typical);
        let scenario = Scenario {
            ln_score: s.ln(),
            noise_per_viewer: noise_per_viewer(&rates, &self.heads.typical, s),
            recommended: !draft.not_recommended,
        };
        (scenario, rates, s)
    }

    pub(crate) fn clock(&self, slot: &Slot, context: &ForecastContext) -> Clock<'_> {
        Clock {
            curve: &self.curve,
            effect: SlotEffect::of(&self.audience, slot, context.posts_same_day),
            typical_level: self.pools.typical_level,
        }
    }

    /// The account's typical 30-day reach, rounded to two significant digits.
    pub fn typical_reach(&self) -> f64 {
        let v = 10f64.powf(self.baseline.centre);
        let unit = 10f64.powf(v.max(1.0).log10().floor() - 1.0);
        (v / unit).round() * unit
    }

    /// Forecasts `draft` posted in `slot`.
    pub fn forecast(
        &self,
        draft: &DraftFeatures,
        slot: Slot,
        context: &ForecastContext,
    ) -> Forecast {
        if let Some(forecast) = self.learned_forecast(draft, slot, context) {
            return forecast;
        }
        let (scenario, rates, s) = self.scenario(draft);
        let clock = self.clock(&slot, context);
        let mut ends: Vec<PathEnd> = Vec::with_capacity(context.paths);
        self.pools
            .simulate(&scenario, context.draws(), context.paths, &mut ends);
        let u = clock.ln_time(FINAL_HOURS);
        let final_views: Vec<f32> = ends
            .iter()
            .map(|e| clock.views_at_ln(e, u) as f32)
            .collect();
        let mut scratch = Vec::with_capacity(final_views.len());
        let band_paths = band_ranks(&final_views, &mut scratch).map(|i| ends[i]);
        let threshold = context.threshold.unwrap_or_else(|| self.typical_reach());
        let mut forecast = Forecast {
            horizons: Vec::new(),
            curve: Vec::new(),
            threshold,
            prob_above_threshold: 0.0,
            rates: EngagementRates::from_heads(&rates, draft.duration_s),
            score: s,
            percentile: None,
            confidence: Confidence::of(self.videos()),
            drivers: Vec::new(),
            accuracy: self.accuracy.clone(),
            recommended: scenario.recommended,
            paths: final_views.len(),
            seed: context.seed(),
            final_views,
            band_paths,
            timing: BandTiming {
                tau_hours: self.curve.tau_hours,
                shape: self.curve.shape,
                speed: clock.effect.speed,
                follow_factor: clock.effect.follow_factor,
                typical_level: self.pools.typical_level,
            },
            learned: None,
        };
        forecast.fill_horizons();
        forecast.prob_above_threshold = forecast.prob_above(threshold);
        forecast.percentile = self.percentile_of(forecast.final_p50().max(1.0).log10());
        if context.drivers {
            forecast.drivers = self.drivers(draft, &slot, context, threshold);
        }
        forecast
    }

    /// Median views at the context's heat-map age for each of the 168 hours of the week that
    /// starts at `week_start` (Monday 00:00 in the account's zone). One simulation, read
    /// through each hour's clock: common random numbers across the week.
    pub fn heat_map(
        &self,
        draft: &DraftFeatures,
        week_start: DateTime<Utc>,
        context: &ForecastContext,
    ) -> [f64; 168] {
        if let Some(map) = self.learned_heat_map(draft, week_start, context) {
            return map;
        }
        let (scenario, _, _) = self.scenario(draft);
        let mut ends: Vec<PathEnd> = Vec::with_capacity(context.heat_map_paths);
        self.pools.simulate(
            &scenario,
            context.draws(),
            context.heat_map_paths,
            &mut ends,
        );
        let mut views = vec![0.0f32; ends.len()];
        let mut map = [0.0; 168];
        for (hour, cell) in map.iter_mut().enumerate() {
            let slot = Slot::in_week(week_start, hour as u8);
            let clock = self.clock(&slot, context);
            let u = clock.ln_time(context.heat_map_hours);
            for (v, e) in views.iter_mut().zip(&ends) {
                *v = clock.views_at_ln(e, u) as f32;
            }
            *cell = value_at_rank(&mut views, 0.5);
        }
        map
    }

    /// P50 and `P(views > threshold)` at `hours` for a scenario on the first `paths` paths.
    pub(crate) fn summary(
        &self,
        draft: &DraftFeatures,
        slot: &Slot,
        context: &ForecastContext,
        hours: f64,
        threshold: f64,
        buffers: &mut (Vec<PathEnd>, Vec<f32>),
    ) -> (f64, f64) {
        let (scenario, _, _) = self.scenario(draft);
        let clock = self.clock(slot, context);
        let (ends, views) = buffers;
        self.pools
            .simulate(&scenario, context.draws(), context.driver_paths, ends);
        let u = clock.ln_time(hours);
        views.clear();
        views.extend(ends.iter().map(|e| clock.views_at_ln(e, u) as f32));
        let above = views.iter().filter(|v| f64::from(**v) > threshold).count();
        let p = above as f64 / views.len().max(1) as f64;
        (value_at_rank(views, 0.5), p)
    }
}
