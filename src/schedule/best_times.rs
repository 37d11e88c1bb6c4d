//! When to post: the account's hour-of-week audience profile when it rests on enough weeks of
//! FollowerActivity imports, else a general prior that is labelled as such and never shown as
//! the account's own data.
//!
//! The general prior has the shape that published best-time-to-post studies of TikTok report
//! (weekday afternoons and evenings best, nights worst, weekends flatter). It is a shape only:
//! the weights below are ours, not numbers from those studies.

use serde::Serialize;

/// Weeks of activity data the account's own profile needs before it replaces the prior.
pub const MIN_PROFILE_WEEKS: u32 = 3;

/// What the best times rest on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum BestTimeSource {
    /// The account's followers' activity, accumulated over `weeks` weeks.
    Account { weeks: u32 },
    /// Too little data (`weeks` weeks): the general prior.
    GeneralPrior { weeks: u32 },
}

impl BestTimeSource {
    /// What the user reads next to the heat map.
    pub fn label(self) -> String {
        match self {
            BestTimeSource::Account { weeks } => format!(
                "Your audience: follower activity from {} of imports",
                crate::text::plural(weeks as usize, "week", "weeks")
            ),
            BestTimeSource::GeneralPrior { weeks } => format!(
                "General prior from published best-time studies (weekday afternoons and evenings), not your audience: {weeks} of the {MIN_PROFILE_WEEKS} weeks of follower activity needed"
            ),
        }
    }

    pub fn is_prior(self) -> bool {
        matches!(self, BestTimeSource::GeneralPrior { .. })
    }
}

/// An hour-of-week weight (mean 1 over the week) and where it comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BestTimes {
    pub source: BestTimeSource,
    #[serde(skip)]
    weights: [f64; 168],
}

/// The prior's weight of a local hour on a weekday; weekends are flatter.
fn prior_hour(hour: usize, weekend: bool) -> f64 {
    let weekday = match hour {
        0..=5 => 0.3,
        6..=8 => 0.6,
        9..=11 => 0.8,
        12..=14 => 1.1,
        15..=17 => 1.35,
        18..=21 => 1.5,
        _ => 0.9,
    };
    if weekend {
        0.5 * weekday + 0.5 * 0.9
    } else {
        weekday
    }
}

fn normalised(mut w: [f64; 168]) -> [f64; 168] {
    let mean = w.iter().sum::<f64>() / 168.0;
    if mean > 0.0 {
        for v in &mut w {
            *v /= mean;
        }
    }
    w
}

impl BestTimes {
    /// The general prior.
    pub fn prior(weeks: u32) -> Self {
        let mut w = [0.0; 168];
        for (h, v) in w.iter_mut().enumerate() {
            *v = prior_hour(h % 24, h / 24 >= 5);
        }
        Self {
            source: BestTimeSource::GeneralPrior { weeks },
            weights: normalised(w),
        }
    }

    /// From the account's mean active followers per hour of the week: its own profile with
    /// [`MIN_PROFILE_WEEKS`] weeks or more, else the prior.
    pub fn from_profile(mean_active: &[f64; 168], weeks: u32) -> Self {
        let total: f64 = mean_active
            .iter()
            .filter(|v| v.is_finite() && **v > 0.0)
            .sum();
        if weeks < MIN_PROFILE_WEEKS || total <= 0.0 {
            return Self::prior(weeks);
        }
        let clean = mean_active.map(|v| if v.is_finite() { v.max(0.0) } else { 0.0 });
        Self {
            source: BestTimeSource::Account { weeks },
            weights: normalised(clean),
        }
    }

    /// The weight of an hour of the week (mean 1).
    pub fn weight(&self, hour_of_week: u8) -> f64 {
        self.weights[usize::from(hour_of_week) % 168]
    }

    /// All 168 weights, Monday 00:00 first.
    pub fn weights(&self) -> &[f64; 168] {
        &self.weights
    }

    /// True when the hour is among the `n` best of its day.
    pub fn is_peak(&self, hour_of_week: u8, n: usize) -> bool {
        let h = usize::from(hour_of_week) % 168;
        let day = &self.weights[h / 24 * 24..h / 24 * 24 + 24];
        day.iter().filter(|w| **w > self.weights[h]).count() < n
    }

    /// The factor the prior applies to a forecast: `clamp(w^0.3, 0.6, 1.5)`, the exponent and
    /// clamp of the model's Following-feed timing effect. 1 for the account's own profile,
    /// which the model already reads.
    pub fn prior_factor(&self, hour_of_week: u8) -> f64 {
        match self.source {
            BestTimeSource::Account { .. } => 1.0,
            BestTimeSource::GeneralPrior { .. } => {
                self.weight(hour_of_week).powf(0.3).clamp(0.6, 1.5)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prior_favours_weekday_evenings_and_says_it_is_a_prior() {
        let prior = BestTimes::from_profile(&[5.0; 168], 1);
        assert!(prior.source.is_prior());
        assert!(prior.source.label().contains("not your audience"));
        let tue_19 = 24 + 19;
        let tue_04 = 24 + 4;
        assert!(prior.weight(tue_19) > 1.2 && prior.weight(tue_04) < 0.5);
        assert!(prior.is_peak(tue_19, 4));
        assert!(prior.prior_factor(tue_19) > 1.0);
        let mean = prior.weights().iter().sum::<f64>() / 168.0;
        assert!((mean - 1.0).abs() < 1e-9);
    }

    #[test]
    fn enough_weeks_of_activity_replace_the_prior() {
        let mut activity = [10.0; 168];
        activity[7] = 100.0; // Monday 07:00
        let own = BestTimes::from_profile(&activity, 4);
        assert_eq!(own.source, BestTimeSource::Account { weeks: 4 });
        assert!(own.is_peak(7, 1));
        assert_eq!(own.prior_factor(7), 1.0);
        assert!(own.source.label().contains("4 weeks"));
    }
}
