//! Forecasting with reach model 2 once an account has three or more videos: the centre at any
//! age is the account's level, plus its age curve, plus the trees' prediction for this draft
//! read at that age, plus the effect of the choices the trees do not see (aspect, opening,
//! trending or fast sound, native features, Duet/Stitch: the engagement heads' score, as in
//! the account model). The trees read no age, so the centre rises with age exactly as the
//! age curve does. The band is the conformal residual quantiles of the account's history
//! group; `P(views > X)` reads the same residual distribution. The slot acts as the account
//! model's time warp (an active audience makes views arrive sooner). No Monte Carlo: a
//! forecast is one tree pass (and one per what-if). Drafts the checks keep out of For You stay with the
//! account model, which knows that only followers see them.

use chrono::{DateTime, Utc};

use super::AccountModel;
use super::features::{DraftFeatures, Slot};
use super::forecast::{
    BandTiming, Confidence, EngagementRates, FINAL_HOURS, Forecast, ForecastContext, Quantiles,
};
use super::heads::Heads;
use super::learned::{AccountState, INPUTS, Learned, ResidualBand};
use super::pools::PathEnd;
use super::score::score;
use super::timing::SlotEffect;

/// Reach model 2's reading of one draft in one slot, kept in the forecast so any age can be
/// read later.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LearnedBand {
    state: AccountState,
    /// The draft's feature row.
    x: [f64; INPUTS],
    /// The trees' prediction for it (log10 views against the level, at any age).
    prediction: f64,
    /// log10 effect of the choices the trees do not see.
    shift: f64,
    /// The slot's time warp.
    speed: f64,
    band: ResidualBand,
}

impl LearnedBand {
    /// Median log10 views at `hours` after posting: rises with age as the age curve does.
    pub(crate) fn centre(&self, hours: f64) -> f64 {
        let age = hours.max(1e-3) * self.speed;
        self.state.level + self.state.log10_fraction(age) + self.prediction + self.shift
    }

    pub(crate) fn quantiles(&self, hours: f64) -> Quantiles {
        let c = self.centre(hours);
        Quantiles {
            hours,
            p10: 10f64.powf(c + self.band.p10()),
            p50: 10f64.powf(c),
            p90: 10f64.powf(c + self.band.p90()),
        }
    }

    /// `P(views at 30 days > views)`.
    pub(crate) fn prob_above(&self, views: f64) -> f64 {
        self.prob_above_shifted(views, 0.0)
    }

    /// `P(views at 30 days > views)` with the centre moved by `shift` (log10).
    pub(crate) fn prob_above_shifted(&self, views: f64, shift: f64) -> f64 {
        self.band
            .prob_above(views.max(1.0).log10() - self.centre(FINAL_HOURS) - shift)
    }

    /// The draft's feature row (what drivers explain).
    pub(crate) fn inputs(&self) -> &[f64; INPUTS] {
        &self.x
    }

    pub(crate) fn state(&self) -> &AccountState {
        &self.state
    }
}

/// log10 effect of the draft's choices the trees do not read, through the engagement heads
/// (with the account model's elasticity `alpha`): 0 when the draft does not say.
pub(crate) fn unseen_shift(heads: &Heads, alpha: f64, draft: &DraftFeatures) -> f64 {
    let cleared = DraftFeatures {
        vertical: None,
        surprise_opening: None,
        trending_sound: None,
        sound_bpm: None,
        native_features: None,
        duet_stitch: None,
        ..draft.clone()
    };
    let ln_s = score(&heads.rates(draft), &heads.typical).ln();
    let ln_cleared = score(&heads.rates(&cleared), &heads.typical).ln();
    alpha * (ln_s - ln_cleared) / std::f64::consts::LN_10
}

impl AccountModel {
    pub(crate) fn unseen_shift(&self, draft: &DraftFeatures) -> f64 {
        unseen_shift(&self.heads, self.elasticity.alpha, draft)
    }

    /// Reach model 2's band for a draft posted at `at` with the slot's time warp `speed`;
    /// `None` below three videos.
    pub(crate) fn learned_band(
        &self,
        draft: &DraftFeatures,
        at: DateTime<Utc>,
        speed: f64,
    ) -> Option<LearnedBand> {
        let state = self.learned.as_ref()?;
        let x = state.inputs(draft, at);
        Some(LearnedBand {
            prediction: Learned::get().predict(&x),
            x,
            shift: self.unseen_shift(draft),
            speed,
            band: state.band().clone(),
            state: state.clone(),
        })
    }

    /// The forecast by reach model 2, or `None` when the account model forecasts (fewer than
    /// three videos, or a draft For You does not recommend).
    pub(crate) fn learned_forecast(
        &self,
        draft: &DraftFeatures,
        slot: Slot,
        context: &ForecastContext,
    ) -> Option<Forecast> {
        if draft.not_recommended || context.account_model_only {
            return None;
        }
        let effect = SlotEffect::of(self.audience(), &slot, context.posts_same_day);
        let band = self.learned_band(draft, slot.at, effect.speed)?;
        let (_, rates, s) = self.scenario(draft);
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
            recommended: true,
            paths: 0,
            seed: context.seed(),
            final_views: Vec::new(),
            band_paths: [PathEnd::default(); 3],
            timing: BandTiming {
                tau_hours: self.curve.tau_hours,
                shape: self.curve.shape,
                speed: effect.speed,
                follow_factor: effect.follow_factor,
                typical_level: self.pools.typical_level,
            },
            learned: Some(band),
        };
        forecast.fill_horizons();
        forecast.prob_above_threshold = forecast.prob_above(threshold);
        forecast.percentile = self.percentile_of(forecast.final_p50().max(1.0).log10());
        if context.drivers {
            forecast.drivers = self.learned_drivers(draft, &slot, &forecast, context);
        }
        Some(forecast)
    }

    /// The heat map by reach model 2: median views at the context's age for each hour of the
    /// week (the slot's time warp and the cadence up to that hour change; the rest does not).
    pub(crate) fn learned_heat_map(
        &self,
        draft: &DraftFeatures,
        week_start: DateTime<Utc>,
        context: &ForecastContext,
    ) -> Option<[f64; 168]> {
        if draft.not_recommended || self.learned.is_none() || context.account_model_only {
            return None;
        }
        // LearnedBand::centre for each hour, without a band per hour: the state, the draft's
        // inputs and the choices the trees do not see are the same all week (only the cadence
        // inputs move with the hour; the planner reads 5,000 maps).
        let state = self.learned.as_ref()?;
        let shift = self.unseen_shift(draft);
        let trees = Learned::get();
        let mut map = [0.0; 168];
        let mut x = state.inputs(draft, week_start);
        for (hour, cell) in map.iter_mut().enumerate() {
            let slot = Slot::in_week(week_start, hour as u8);
            let effect = SlotEffect::of(self.audience(), &slot, context.posts_same_day);
            state.set_slot(&mut x, slot.at);
            let prediction = trees.predict(&x);
            let age = context.heat_map_hours.max(1e-3) * effect.speed;
            *cell = 10f64.powf(state.level + state.log10_fraction(age) + prediction + shift);
        }
        Some(map)
    }
}
