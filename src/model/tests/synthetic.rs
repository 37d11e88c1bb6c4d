//! Synthetic accounts with known planted effects: the generator follows the model's own world
//! (features move per-view rates on the logit scale; reach follows the score with elasticity
//! 1 and log-normal luck; counts grow along an age curve), so a correct fit must recover the
//! effects' signs and rough sizes.

use chrono::{DateTime, Duration, TimeZone, Utc};

use crate::model::heads::{HEADS, typical_watch_share};
use crate::model::score::score;
use crate::model::{AgeCurve, Counts, DraftFeatures, FEATURES, History, PastVideo};
use crate::random::Rng;

/// True slopes (logit per encoded feature unit) on the heads an export observes.
pub(crate) struct Planted {
    pub slopes: [[f64; FEATURES]; HEADS],
    /// log10 of the typical final reach.
    pub level: f64,
    /// Luck: standard deviation of log10 reach.
    pub luck: f64,
}

const BASE: [f64; HEADS] = [0.6, 0.5, 0.25, 0.06, 0.002, 0.004, 0.006, 0.01];

impl Planted {
    /// Vertical lifts completion, likes and shares; a trending sound lifts likes and shares;
    /// longer videos are completed and liked less.
    pub fn standard() -> Self {
        let mut slopes = [[0.0; FEATURES]; HEADS];
        // columns: duration, vertical, surprise, trending, fast, native, duet, hashtags, original
        slopes[2][0] = -0.8;
        slopes[3][0] = -0.2;
        slopes[2][1] = 0.6;
        slopes[3][1] = 0.6;
        slopes[5][1] = 0.6;
        slopes[3][3] = 0.5;
        slopes[5][3] = 0.8;
        Self {
            slopes,
            level: 4.0,
            luck: 0.25,
        }
    }

    /// True per-view rates of encoded features (relative to a 15 s vertical video with no
    /// trending sound and the typical hashtags).
    pub fn rates(&self, f: &DraftFeatures) -> [f64; HEADS] {
        let x = f.encode();
        let reference = [0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.6, 0.0];
        std::array::from_fn(|h| {
            let z = (BASE[h] / (1.0 - BASE[h])).ln()
                + (0..FEATURES)
                    .map(|i| self.slopes[h][i] * (x[i].unwrap_or(reference[i]) - reference[i]))
                    .sum::<f64>();
            1.0 / (1.0 + (-z).exp())
        })
    }

    /// The true ratio of median reach between two drafts.
    pub fn reach_ratio(&self, with: &DraftFeatures, without: &DraftFeatures) -> f64 {
        score(&self.rates(with), &BASE) / score(&self.rates(without), &BASE)
    }

    /// A random draft (the mix of choices a team makes).
    pub fn draft(&self, rng: &mut Rng) -> DraftFeatures {
        DraftFeatures {
            duration_s: Some((rng.uniform() * (90f64 / 8.0).ln()).exp() * 8.0),
            vertical: Some(rng.chance(0.6)),
            surprise_opening: None,
            trending_sound: Some(rng.chance(0.4)),
            original_sound: Some(false),
            native_features: Some(rng.chance(0.5)),
            duet_stitch: Some(rng.chance(0.8)),
            hashtags: Some(rng.below(8) as usize),
            ..DraftFeatures::default()
        }
    }

    /// A posted video with two snapshots (at `age / 4` and `age`).
    pub fn video(&self, rng: &mut Rng, i: usize, posted_at: DateTime<Utc>, age: f64) -> PastVideo {
        let features = self.draft(rng);
        let rates = self.rates(&features);
        let s = score(&rates, &BASE);
        let reach = 10f64.powf(self.level + self.luck * rng.normal()) * s;
        let curve = AgeCurve::prior();
        let counts = [age / 4.0, age]
            .iter()
            .map(|&t| {
                let views = (reach * curve.fraction(t)).round().max(1.0);
                let d = features.duration_s.unwrap_or(15.0);
                let relative = rates[1] / (1.0 - rates[1]);
                Counts {
                    age_hours: t,
                    views,
                    likes: Some((views * rates[3]).round()),
                    comments: Some((views * rates[4]).round()),
                    shares: Some((views * rates[5]).round()),
                    saves: Some((views * rates[6]).round()),
                    avg_watch_s: Some(d * typical_watch_share(d) * relative),
                    full_watch_rate: Some(rates[2]),
                }
            })
            .collect();
        PastVideo::new(format!("v{i}"), posted_at, features, counts)
    }

    /// `n` videos posted a day apart, measured `now` (the last is a day old).
    pub fn history(&self, seed: u64, n: usize) -> History {
        let mut rng = Rng::new(seed);
        let start = start();
        let videos = (0..n)
            .map(|i| {
                let posted = start + Duration::hours(24 * i as i64);
                let age = 24.0 * (n - i) as f64 + 24.0;
                self.video(&mut rng, i, posted, age)
            })
            .collect();
        History::new(videos, Some(50_000.0))
    }
}

/// The first posting instant of every synthetic account.
pub(crate) fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 5, 12, 0, 0)
        .single()
        .expect("valid date")
}
