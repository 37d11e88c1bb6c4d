//! A draft's feature row, exactly as scripts/model/features.py computes it (change one,
//! change the other, retrain): the account's last [`MAX_HISTORY`] videos relative to its
//! level (age-normalised with the account's age curve), the age at which views are read,
//! cadence up to the planned posting time, earlier engagement rates and the draft's own
//! length, caption and sound. [`AccountState`] holds everything that does not depend on the
//! draft, computed once per fit.

use chrono::{DateTime, Utc};

use super::band::ResidualBand;
use super::walk::OWN_WEIGHT;
use super::Learned;
use crate::model::age_curve::AgeCurve;
use crate::model::calibration::MIN_HISTORY;
use crate::model::features::{DraftFeatures, is_original_sound};
use crate::model::history::{History, PastVideo};

/// History features read at most this many earlier videos (the last ones).
pub(crate) const MAX_HISTORY: usize = 20;
const SHORT_HALF_LIFE: f64 = 1.5;
const LONG_HALF_LIFE: f64 = 5.0;
const DEFAULT_DURATION_S: f64 = 15.0;
const MAX_HASHTAGS: usize = 30;
const DAY_S: f64 = 86_400.0;

pub(crate) const INPUTS: usize = 27;
pub(crate) const FEATURE_NAMES: [&str; INPUTS] = [
    "last_vs_level",
    "short_recency_vs_level",
    "long_recency_vs_level",
    "mean_vs_level",
    "spread",
    "min_vs_level",
    "max_vs_level",
    "trend",
    "earlier_videos",
    "second_last_vs_level",
    "last_3_vs_level",
    "last_5_vs_level",
    "log_last_age",
    "log_age",
    "history_age_vs_age",
    "log_days_since_previous",
    "posts_last_7_days",
    "log_typical_gap_days",
    "like_rate",
    "share_rate",
    "comment_rate",
    "duration_vs_usual",
    "log_duration",
    "log_caption_chars",
    "caption_vs_usual",
    "hashtags",
    "original_sound",
];

/// Positions of the inputs the forecast rewrites (age) or explains by name.
pub(crate) struct Input;

impl Input {
    pub(crate) const LOG_AGE: usize = 13;
    pub(crate) const HISTORY_AGE_VS_AGE: usize = 14;
    pub(crate) const DURATION_VS_USUAL: usize = 21;
    /// Inputs that are the account's alone (its history), up to and including this one.
    const LAST_HISTORY: usize = 12;
    const RATES: usize = 18;
}

/// What the model needs of an account's history, whatever the draft.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct AccountState {
    /// Median age-normalised log10 reach of the last videos.
    pub level: f64,
    /// Earlier videos with counts (all of them: the history group reads this).
    pub videos: usize,
    /// Videos the history features read (at most [`MAX_HISTORY`]).
    pub recent: usize,
    history: [f64; Input::LAST_HISTORY + 1],
    rates: [f64; 3],
    median_age_hours: f64,
    posted: Vec<DateTime<Utc>>,
    log_typical_gap: f64,
    /// Median duration of the recent videos (seconds).
    pub usual_duration_s: f64,
    median_log_chars: f64,
    tau_hours: f64,
    shape: f64,
    /// The history group's band calibrated with the account's own residuals (set by the fit).
    calibrated: Option<ResidualBand>,
}

fn median(values: &[f64]) -> f64 {
    let mut s = values.to_vec();
    s.sort_by(f64::total_cmp);
    let n = s.len();
    match n {
        0 => 0.0,
        _ if n % 2 == 1 => s[n / 2],
        _ => 0.5 * (s[n / 2 - 1] + s[n / 2]),
    }
}

fn recency_mean(ys: &[f64], half_life: f64) -> f64 {
    let n = ys.len();
    let (mut num, mut den) = (0.0, 0.0);
    for (i, y) in ys.iter().enumerate() {
        let w = 0.5f64.powf((n - 1 - i) as f64 / half_life);
        num += w * y;
        den += w;
    }
    num / den
}

/// The videos with counts, in order of posting.
pub(crate) fn usable(history: &History) -> Vec<&PastVideo> {
    history
        .videos()
        .iter()
        .filter(|v| v.latest().is_some())
        .collect()
}

pub(crate) fn log10_views(views: f64) -> f64 {
    views.max(1.0).log10()
}

fn seconds_between(later: DateTime<Utc>, earlier: DateTime<Utc>) -> f64 {
    (later - earlier).num_milliseconds() as f64 / 1000.0
}

impl AccountState {
    /// The summary of `history` (videos with counts), `None` below three videos.
    pub(crate) fn of(history: &History, curve: &AgeCurve) -> Option<Self> {
        Self::of_usable(&usable(history), curve)
    }

    /// The summary of videos with counts in order of posting, `None` below three.
    pub(crate) fn of_usable(usable: &[&PastVideo], curve: &AgeCurve) -> Option<Self> {
        if usable.len() < MIN_HISTORY {
            return None;
        }
        let recent = &usable[usable.len().saturating_sub(MAX_HISTORY)..];
        let log10_fraction = |age: f64| {
            let z = (age.max(1e-3) / curve.tau_hours).powf(curve.shape);
            (-(-z).exp_m1()).max(1e-12).log10()
        };
        let mut ys = Vec::with_capacity(recent.len());
        let mut ages = Vec::with_capacity(recent.len());
        let mut rates: [Vec<f64>; 3] = Default::default();
        let mut durations = Vec::new();
        let mut chars = Vec::with_capacity(recent.len());
        for video in recent {
            let counts = video.latest().expect("usable videos have counts");
            ys.push(log10_views(counts.views) - log10_fraction(counts.age_hours));
            ages.push(counts.age_hours);
            for (list, count) in rates
                .iter_mut()
                .zip([counts.likes, counts.shares, counts.comments])
            {
                if let Some(c) = count {
                    list.push(((c + 1.0) / (counts.views + 1.0)).log10());
                }
            }
            if let Some(d) = video.features.duration_s.filter(|d| *d > 0.0) {
                durations.push(d);
            }
            chars.push((video.features.caption_chars.unwrap_or(0) as f64).ln_1p());
        }
        let n = ys.len();
        let nf = n as f64;
        let level = median(&ys);
        let mut sum = 0.0;
        for y in &ys {
            sum += y;
        }
        let mean = sum / nf;
        let mut ss = 0.0;
        for y in &ys {
            ss += (y - mean) * (y - mean);
        }
        let spread = (ss / nf).sqrt();
        let xbar = (nf - 1.0) / 2.0;
        let (mut sxx, mut sxy) = (0.0, 0.0);
        for i in 0..n {
            let dx = i as f64 - xbar;
            sxx += dx * dx;
        }
        for (i, y) in ys.iter().enumerate() {
            sxy += (i as f64 - xbar) * (y - mean);
        }
        let min = ys.iter().copied().fold(f64::INFINITY, f64::min);
        let max = ys.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let last = recent[n - 1].latest().expect("usable").age_hours;
        let history = [
            ys[n - 1] - level,
            recency_mean(&ys, SHORT_HALF_LIFE) - level,
            recency_mean(&ys, LONG_HALF_LIFE) - level,
            mean - level,
            spread,
            min - level,
            max - level,
            sxy / sxx,
            nf,
            ys[n - 2] - level,
            median(&ys[n - 3..]) - level,
            median(&ys[n.saturating_sub(5)..]) - level,
            last.max(1.0).ln(),
        ];
        let posted: Vec<DateTime<Utc>> = recent.iter().map(|v| v.posted_at).collect();
        let gaps: Vec<f64> = posted
            .windows(2)
            .map(|w| seconds_between(w[1], w[0]).max(0.0) / DAY_S)
            .collect();
        Some(Self {
            level,
            videos: usable.len(),
            recent: n,
            history,
            rates: rates.map(|r| median(&r)),
            median_age_hours: median(&ages),
            posted,
            log_typical_gap: median(&gaps).ln_1p(),
            usual_duration_s: if durations.is_empty() {
                DEFAULT_DURATION_S
            } else {
                median(&durations)
            },
            median_log_chars: median(&chars),
            tau_hours: curve.tau_hours,
            shape: curve.shape,
            calibrated: None,
        })
    }

    /// The state with its band calibrated by the account's walk-forward residuals
    /// (ascending).
    pub(crate) fn calibrate(mut self, residuals: &[f64]) -> Self {
        let group = Learned::get().band(self.videos);
        self.calibrated = Some(group.calibrated(residuals, OWN_WEIGHT));
        self
    }

    /// The account's band: its history group's, calibrated where the fit did.
    pub(crate) fn band(&self) -> &ResidualBand {
        self.calibrated
            .as_ref()
            .unwrap_or_else(|| Learned::get().band(self.videos))
    }

    /// `log10 A(age)` of the account's age curve, exactly (no table).
    pub(crate) fn log10_fraction(&self, age_hours: f64) -> f64 {
        let z = (age_hours.max(1e-3) / self.tau_hours).powf(self.shape);
        (-(-z).exp_m1()).max(1e-12).log10()
    }

    /// The feature row of `draft` posted at `at`, its views read at `age_hours`.
    pub(crate) fn inputs(
        &self,
        draft: &DraftFeatures,
        at: DateTime<Utc>,
        age_hours: f64,
    ) -> [f64; INPUTS] {
        let mut x = [0.0; INPUTS];
        x[..=Input::LAST_HISTORY].copy_from_slice(&self.history);
        Self::set_age(&mut x, self.median_age_hours, age_hours);
        let last = *self.posted.last().expect("a state has three or more videos");
        let since = seconds_between(at, last).max(0.0) / DAY_S;
        let week = self
            .posted
            .iter()
            .filter(|p| (0.0..=7.0 * DAY_S).contains(&seconds_between(at, **p)))
            .count();
        x[15] = since.ln_1p();
        x[16] = week as f64;
        x[17] = self.log_typical_gap;
        x[Input::RATES..Input::RATES + 3].copy_from_slice(&self.rates);
        let duration = draft
            .duration_s
            .filter(|d| *d > 0.0)
            .unwrap_or(self.usual_duration_s);
        x[Input::DURATION_VS_USUAL] = (duration / self.usual_duration_s).ln();
        x[22] = duration.ln();
        let chars = draft
            .caption_chars
            .map_or(self.median_log_chars, |c| (c as f64).ln_1p());
        x[23] = chars;
        x[24] = chars - self.median_log_chars;
        x[25] = draft.hashtags.unwrap_or(0).min(MAX_HASHTAGS) as f64;
        let original = draft
            .original_sound
            .unwrap_or_else(|| draft.sound.as_deref().is_some_and(is_original_sound));
        x[26] = if original { 1.0 } else { 0.0 };
        x
    }

    /// Rewrites the row's age inputs for views read at `age_hours`.
    pub(crate) fn with_age(&self, x: &[f64; INPUTS], age_hours: f64) -> [f64; INPUTS] {
        let mut x = *x;
        Self::set_age(&mut x, self.median_age_hours, age_hours);
        x
    }

    fn set_age(x: &mut [f64; INPUTS], median_age_hours: f64, age_hours: f64) {
        let log_age = age_hours.max(1.0).ln();
        x[Input::LOG_AGE] = log_age;
        x[Input::HISTORY_AGE_VS_AGE] = median_age_hours.max(1.0).ln() - log_age;
    }
}
