//! Stage 2, the baseline: the account's recency-weighted robust centre and spread of
//! age-normalised log10 reach `y_j = log10 V_j - log10 A(age_j)`.
//!
//! Weights fall by half every `H_c = 2` videos and every `H_t = 168` hours (one week):
//! `w_j = 2^-((n-1-j)/H_c) * 2^-((t_last - t_j)/H_t)`. With `m_w` the weighted mean, `med`
//! and `sd` the median and standard deviation of the last 60 videos:
//! `centre = 0.75 * m_w + 0.25 * med - 0.2 * sd` (the mean follows the account's current
//! form, the median resists one-off hits, and the next video lands a fifth of a spread below
//! a mean that past hits pulled up), `spread = sqrt(((n-1) sd^2 + 3 * 0.55^2) / (n + 2))`
//! times `sqrt(1 + 1/n_eff)` for the uncertainty of the level (`n_eff = (sum w)^2 / sum w^2`).
//! With no history the centre is `log10(followers)` (spread 0.85) or, without a follower
//! count, 1,000 views (spread 1.0): a wide prior, labelled as such. The constants were chosen
//! on the development set's walk-forward backtest; there are five, on purpose.
//! Never reads the store or the clock.

use serde::Serialize;

use super::age_curve::AgeCurve;
use super::history::PastVideo;
use super::stats::median_of_sorted;

const HALF_LIFE_VIDEOS: f64 = 2.0;
const HALF_LIFE_HOURS: f64 = 168.0;
const MEAN_SHARE: f64 = 0.75;
const HIT_DISCOUNT: f64 = 0.2;
const WINDOW: usize = 60;
/// Typical spread of log10 reach within an account, and its weight in videos.
const TYPICAL_SPREAD: f64 = 0.55;
const TYPICAL_SPREAD_WEIGHT: f64 = 3.0;
/// Prior for an account without history.
const PRIOR_CENTRE_NO_FOLLOWERS: f64 = 3.0;
const PRIOR_SPREAD_FOLLOWERS: f64 = 0.85;
const PRIOR_SPREAD_NO_FOLLOWERS: f64 = 1.0;

/// One past video's reach, normalised for its age.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct ReachPoint {
    /// Posting time in hours since the Unix epoch.
    pub posted_hours: f64,
    pub age_hours: f64,
    /// log10 of the views at that age (views below 1 count as 1).
    pub log10_views: f64,
    /// `log10 V - log10 A(age)`: the reach the video is heading for.
    pub reach: f64,
}

/// A video's latest snapshot normalised by the age curve; `None` without snapshots.
pub(crate) fn reach_point(video: &PastVideo, curve: &AgeCurve) -> Option<ReachPoint> {
    let c = video.latest()?;
    let log10_views = c.views.max(1.0).log10();
    Some(ReachPoint {
        posted_hours: video.posted_at.timestamp() as f64 / 3600.0,
        age_hours: c.age_hours,
        log10_views,
        reach: log10_views - curve.log10_fraction(c.age_hours),
    })
}

/// Where the centre comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BaselineSource {
    /// No videos: follower count or a general prior.
    Prior,
    History,
}

/// The account's expected age-normalised log10 reach and its spread.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Baseline {
    pub centre: f64,
    pub spread: f64,
    pub videos: usize,
    pub source: BaselineSource,
}

impl Baseline {
    /// The prior of an account with no videos.
    pub fn prior(followers: Option<f64>) -> Self {
        let (centre, spread) = match followers {
            Some(f) if f >= 1.0 => (f.log10(), PRIOR_SPREAD_FOLLOWERS),
            _ => (PRIOR_CENTRE_NO_FOLLOWERS, PRIOR_SPREAD_NO_FOLLOWERS),
        };
        Self {
            centre,
            spread,
            videos: 0,
            source: BaselineSource::Prior,
        }
    }

    /// The baseline from the videos so far (in posting order).
    pub(crate) fn from_points(points: &[ReachPoint], followers: Option<f64>) -> Self {
        let n = points.len();
        let Some(last) = points.last() else {
            return Self::prior(followers);
        };
        let recent = &points[n.saturating_sub(WINDOW)..];
        let (mut sum_w, mut sum_wy, mut sum_w2) = (0.0, 0.0, 0.0);
        for (back, p) in recent.iter().rev().enumerate() {
            let halvings = back as f64 / HALF_LIFE_VIDEOS
                + (last.posted_hours - p.posted_hours).max(0.0) / HALF_LIFE_HOURS;
            let w = (-halvings * std::f64::consts::LN_2).exp();
            sum_w += w;
            sum_wy += w * p.reach;
            sum_w2 += w * w;
        }
        let weighted_mean = sum_wy / sum_w;
        let mut values: Vec<f64> = recent.iter().map(|p| p.reach).collect();
        values.sort_by(f64::total_cmp);
        let median = median_of_sorted(&values);
        let k = values.len() as f64;
        let mean = values.iter().sum::<f64>() / k;
        let sd = if values.len() > 1 {
            (values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (k - 1.0)).sqrt()
        } else {
            0.0
        };
        let centre = MEAN_SHARE * weighted_mean + (1.0 - MEAN_SHARE) * median - HIT_DISCOUNT * sd;
        let within = (((k - 1.0) * sd * sd + TYPICAL_SPREAD_WEIGHT * TYPICAL_SPREAD.powi(2))
            / (k - 1.0 + TYPICAL_SPREAD_WEIGHT))
            .sqrt();
        let n_eff = sum_w * sum_w / sum_w2;
        Self {
            centre,
            spread: within * (1.0 + 1.0 / n_eff).sqrt(),
            videos: n,
            source: BaselineSource::History,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(i: usize, reach: f64) -> ReachPoint {
        ReachPoint {
            posted_hours: i as f64 * 24.0,
            age_hours: 1000.0,
            log10_views: reach,
            reach,
        }
    }

    #[test]
    fn no_history_gives_a_wide_labelled_prior() {
        let b = Baseline::from_points(&[], Some(20_000.0));
        assert_eq!(b.source, BaselineSource::Prior);
        assert!((b.centre - 20_000f64.log10()).abs() < 1e-9);
        assert!(b.spread >= 0.8);
    }

    #[test]
    fn recent_videos_count_more_and_a_hit_counts_less() {
        let rising: Vec<_> = (0..10).map(|i| point(i, 3.0 + 0.1 * i as f64)).collect();
        let b = Baseline::from_points(&rising, None);
        assert!(b.centre > 3.5, "{}", b.centre);
        let mut flat: Vec<_> = (0..10).map(|i| point(i, 4.0)).collect();
        let calm = Baseline::from_points(&flat, None).centre;
        flat[5].reach = 6.0;
        let with_hit = Baseline::from_points(&flat, None).centre;
        assert!(with_hit - calm < 0.1, "{calm} {with_hit}");
    }
}
