//! Stage 6, time: when the views arrive. Pools land after delays that are shorter when the
//! audience is active at the posting hour, and bigger videos (more pools) land later. Both act
//! as a time warp on the account's age curve `A`:
//! `views(t) = F * f_slot * A(3 t m) + pools * A(t m / 1.15^(L - L_typ))`, where
//! `m = clamp((a_w / a_mean)^0.5, 0.5, 2)` with `a_w` the mean activity of the posting hour
//! and the two after it and `a_mean` the week's mean (no profile: `m = 1`), `L` the path's
//! pool level and `L_typ` the typical draft's. The Following feed lands three times faster;
//! its size follows the followers online at the posting hour,
//! `f_slot = clamp((a_h / a_mean)^0.3, 0.6, 1.5) / (1 + 0.5 (posts that day - 1))`.
//! The exponents and the 1.15 lag per pool are priors (no public source gives them).

use serde::Serialize;

use super::age_curve::AgeCurve;
use super::features::Slot;
use super::history::Audience;
use super::pools::PathEnd;

const SPEED_EXPONENT: f64 = 0.5;
const FOLLOW_EXPONENT: f64 = 0.3;
const LAG_PER_POOL: f64 = 1.15;
const FOLLOW_SPEEDUP: f64 = 3.0;
const SAME_DAY_SPLIT: f64 = 0.5;

/// What the slot does to one forecast.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SlotEffect {
    /// Time runs `speed` times faster than for a typical hour.
    pub speed: f64,
    /// Multiplier of the Following-feed views.
    pub follow_factor: f64,
}

impl SlotEffect {
    pub fn neutral() -> Self {
        Self {
            speed: 1.0,
            follow_factor: 1.0,
        }
    }

    /// The effect of posting in `slot` with `posts_same_day` posts that day (this one
    /// included).
    pub fn of(audience: &Audience, slot: &Slot, posts_same_day: u32) -> Self {
        let split = 1.0 / (1.0 + SAME_DAY_SPLIT * f64::from(posts_same_day.max(1) - 1));
        let Some(activity) = audience.activity() else {
            return Self {
                speed: 1.0,
                follow_factor: split,
            };
        };
        let mean = activity.iter().sum::<f64>() / 168.0;
        if mean <= 0.0 {
            return Self::neutral();
        }
        let h = usize::from(slot.hour_of_week) % 168;
        let window = (0..3).map(|i| activity[(h + i) % 168]).sum::<f64>() / 3.0;
        Self {
            speed: (window / mean).powf(SPEED_EXPONENT).clamp(0.5, 2.0),
            follow_factor: (activity[h] / mean).powf(FOLLOW_EXPONENT).clamp(0.6, 1.5) * split,
        }
    }
}

/// Evaluates path curves for one account, one slot.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Clock<'a> {
    pub curve: &'a AgeCurve,
    pub effect: SlotEffect,
    pub typical_level: f64,
}

impl Clock<'_> {
    /// Views of `path` at the age whose `u = ln(t m / tau)` the caller computed once with
    /// [`Clock::ln_time`].
    pub fn views_at_ln(&self, path: &PathEnd, u: f64) -> f64 {
        let follow = f64::from(path.follow) * self.effect.follow_factor;
        let lag = (f64::from(path.level) - self.typical_level) * LAG_PER_POOL.ln();
        follow * self.curve.fraction_ln(u + FOLLOW_SPEEDUP.ln())
            + f64::from(path.pools) * self.curve.fraction_ln(u - lag)
    }

    /// `u` for a horizon.
    pub fn ln_time(&self, hours: f64) -> f64 {
        (hours.max(1e-3) * self.effect.speed / self.curve.tau_hours).ln()
    }
}

/// `n` horizons spaced evenly in log time from `from` to `to` hours.
pub fn log_spaced(from: f64, to: f64, n: usize) -> Vec<f64> {
    let (a, b) = (from.ln(), to.ln());
    (0..n)
        .map(|i| (a + (b - a) * i as f64 / (n.max(2) - 1) as f64).exp())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    #[test]
    fn an_active_hour_speeds_the_curve_and_a_quiet_one_slows_it() {
        let mut activity = [10.0; 168];
        for (h, a) in activity.iter_mut().enumerate() {
            if h % 24 >= 18 {
                *a = 40.0;
            }
        }
        let audience = Audience::from_activity(activity, 4);
        let week = Utc
            .with_ymd_and_hms(2026, 3, 2, 0, 0, 0)
            .single()
            .expect("date");
        let evening = SlotEffect::of(&audience, &Slot::in_week(week, 19), 1);
        let night = SlotEffect::of(&audience, &Slot::in_week(week, 3), 1);
        assert!(evening.speed > 1.2 && night.speed < 1.0);
        let curve = AgeCurve::prior();
        let path = PathEnd {
            follow: 100.0,
            pools: 10_000.0,
            level: 3.0,
        };
        let fast = Clock {
            curve: &curve,
            effect: evening,
            typical_level: 3.0,
        };
        let slow = Clock {
            effect: night,
            ..fast
        };
        let at = |clock: &Clock, hours: f64| clock.views_at_ln(&path, clock.ln_time(hours));
        assert!(at(&fast, 12.0) > at(&slow, 12.0));
        assert!(at(&fast, 12.0) < at(&fast, 24.0));
        let grid = log_spaced(1.0, 720.0, 48);
        assert_eq!(grid.len(), 48);
        assert!((grid[47] - 720.0).abs() < 1e-9);
    }
}
