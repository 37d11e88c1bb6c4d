//! A draft's feature row, exactly as scripts/model/features.py computes it (change one,
//! change the other, retrain): the account's last [`MAX_HISTORY`] videos relative to its
//! level (age-normalised with the age curve: the account's own where its repeated imports
//! fitted one, else the model's), the same videos as counted, earlier engagement rates,
//! cadence up to the planned posting time, the draft's own length, caption and sound, and how
//! the account's earlier videos like the draft did ([`super::similar`]).
//! No input depends on the age at which views are read: the age curve carries that.
//! [`AccountState`] holds everything that does not depend on the draft, computed once per fit.

use chrono::{DateTime, Utc};

use super::Learned;
use super::band::ResidualBand;
use super::similar::{SIMILAR_INPUTS, SimilarHistory};
use super::walk::OWN_WEIGHT;
use crate::model::age_curve::AgeCurve;
use crate::model::calibration::MIN_HISTORY;
use crate::model::features::{DraftFeatures, is_original_sound};
use crate::model::history::{History, PastVideo};
use crate::model::stats::median_of_sorted;

/// History features read at most this many earlier videos (the last ones).
pub(crate) const MAX_HISTORY: usize = 20;
const SHORT_HALF_LIFE: f64 = 1.5;
const LONG_HALF_LIFE: f64 = 5.0;
const DEFAULT_DURATION_S: f64 = 15.0;
const MAX_HASHTAGS: usize = 30;
const DAY_S: f64 = 86_400.0;

pub(crate) const INPUTS: usize = 47;
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
    "recency_1_vs_level",
    "recency_3_vs_level",
    "recency_10_vs_level",
    "min_last_5_vs_level",
    "max_last_5_vs_level",
    "max_last_3_vs_level",
    "log_last_age",
    "raw_last_vs_median",
    "raw_median_vs_level",
    "raw_second_last_vs_median",
    "raw_last_3_vs_median",
    "raw_short_recency_vs_median",
    "raw_max_vs_median",
    "raw_min_vs_median",
    "like_rate",
    "share_rate",
    "comment_rate",
    "last_like_rate_vs_usual",
    "last_share_rate_vs_usual",
    "log_days_since_previous",
    "posts_last_7_days",
    "log_typical_gap_days",
    "log_history_span_days",
    "posts_last_30_days",
    "duration_vs_usual",
    "log_duration",
    "log_caption_chars",
    "caption_vs_usual",
    "hashtags",
    "original_sound",
    "similar_length_vs_level",
    "length_slope_effect",
    "similar_caption_vs_level",
    "same_sound_vs_level",
    "same_sound_videos",
];

/// Inputs before this one are the account's alone (its history and engagement).
const CADENCE: usize = 31;
/// Inputs from this one on are the draft's (its length, caption, hashtags and sound, then how
/// the account's earlier videos like it did); those before it depend only on the account and
/// the posting time.
pub(crate) const DRAFT_INPUTS: usize = CADENCE + 5;
/// Inputs from this one on compare the draft with the account's earlier videos.
const SIMILAR: usize = INPUTS - SIMILAR_INPUTS;
/// The input that counts the recent videos with the draft's sound.
pub(crate) const SAME_SOUND_VIDEOS: usize = INPUTS - 1;

/// What the model needs of an account's history, whatever the draft.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct AccountState {
    /// Median age-normalised log10 reach of the last videos.
    pub level: f64,
    /// Earlier videos with counts (all of them: the history group reads this).
    pub videos: usize,
    /// Videos the history features read (at most [`MAX_HISTORY`]).
    pub recent: usize,
    history: [f64; CADENCE],
    posted: Vec<DateTime<Utc>>,
    log_typical_gap: f64,
    log_span: f64,
    /// Median duration of the recent videos (seconds).
    pub usual_duration_s: f64,
    median_log_chars: f64,
    similar: SimilarHistory,
    tau_hours: f64,
    shape: f64,
    /// The history group's band calibrated with the account's own residuals (set by the fit).
    calibrated: Option<ResidualBand>,
}

fn median(values: &[f64]) -> f64 {
    let mut s = values.to_vec();
    s.sort_by(f64::total_cmp);
    median_of_sorted(&s)
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
        let (tau_hours, shape) = if curve.videos > 0 {
            (curve.tau_hours, curve.shape)
        } else {
            Learned::get().age_curve()
        };
        let log10_fraction = |age: f64| log10_fraction(age, tau_hours, shape);
        let mut ys = Vec::with_capacity(recent.len());
        let mut raw = Vec::with_capacity(recent.len());
        let mut rates: [Vec<f64>; 3] = Default::default();
        let mut durations = Vec::new();
        let mut own_durations = Vec::with_capacity(recent.len());
        let mut sounds = Vec::with_capacity(recent.len());
        let mut chars = Vec::with_capacity(recent.len());
        for video in recent {
            let counts = video.latest().expect("usable videos have counts");
            raw.push(log10_views(counts.views));
            ys.push(log10_views(counts.views) - log10_fraction(counts.age_hours));
            for (list, count) in
                rates
                    .iter_mut()
                    .zip([counts.likes, counts.shares, counts.comments])
            {
                if let Some(c) = count {
                    list.push(((c + 1.0) / (counts.views + 1.0)).log10());
                }
            }
            let duration = video.features.duration_s.filter(|d| *d > 0.0);
            if let Some(d) = duration {
                durations.push(d);
            }
            own_durations.push(duration);
            sounds.push(video.features.sound.clone());
            chars.push((video.features.caption_chars.unwrap_or(0) as f64).ln_1p());
        }
        let n = ys.len();
        let nf = n as f64;
        let level = median(&ys);
        let mr = median(&raw);
        let mut mean = 0.0;
        for y in &ys {
            mean += y;
        }
        mean /= nf;
        let mut ss = 0.0;
        for y in &ys {
            ss += (y - mean) * (y - mean);
        }
        let xbar = (nf - 1.0) / 2.0;
        let (mut sxx, mut sxy) = (0.0, 0.0);
        for i in 0..n {
            sxx += (i as f64 - xbar) * (i as f64 - xbar);
        }
        for (i, y) in ys.iter().enumerate() {
            sxy += (i as f64 - xbar) * (y - mean);
        }
        let min = |v: &[f64]| v.iter().copied().fold(f64::INFINITY, f64::min);
        let max = |v: &[f64]| v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let tail = |v: &[f64], k: usize| v[v.len().saturating_sub(k)..].to_vec();
        let last_age = recent[n - 1].latest().expect("usable").age_hours;
        let [likes, shares, comments] = &rates;
        let last_vs_usual = |r: &[f64]| r.last().map_or(0.0, |last| last - median(r));
        let history = [
            ys[n - 1] - level,
            recency_mean(&ys, SHORT_HALF_LIFE) - level,
            recency_mean(&ys, LONG_HALF_LIFE) - level,
            mean - level,
            (ss / nf).sqrt(),
            min(&ys) - level,
            max(&ys) - level,
            sxy / sxx,
            nf,
            ys[n - 2] - level,
            median(&tail(&ys, 3)) - level,
            median(&tail(&ys, 5)) - level,
            recency_mean(&ys, 1.0) - level,
            recency_mean(&ys, 3.0) - level,
            recency_mean(&ys, 10.0) - level,
            min(&tail(&ys, 5)) - level,
            max(&tail(&ys, 5)) - level,
            max(&tail(&ys, 3)) - level,
            last_age.max(1.0).ln(),
            raw[n - 1] - mr,
            mr - level,
            raw[n - 2] - mr,
            median(&tail(&raw, 3)) - mr,
            recency_mean(&raw, SHORT_HALF_LIFE) - mr,
            max(&raw) - mr,
            min(&raw) - mr,
            median(likes),
            median(shares),
            median(comments),
            last_vs_usual(likes),
            last_vs_usual(shares),
        ];
        let posted: Vec<DateTime<Utc>> = recent.iter().map(|v| v.posted_at).collect();
        let gaps: Vec<f64> = posted
            .windows(2)
            .map(|w| seconds_between(w[1], w[0]).max(0.0) / DAY_S)
            .collect();
        let span = seconds_between(posted[n - 1], posted[0]).max(0.0) / DAY_S;
        let usual_duration_s = if durations.is_empty() {
            DEFAULT_DURATION_S
        } else {
            median(&durations)
        };
        let similar = SimilarHistory::new(
            ys.iter().map(|y| y - level).collect(),
            own_durations
                .iter()
                .map(|d| d.unwrap_or(usual_duration_s).ln())
                .collect(),
            chars.clone(),
            sounds,
        );
        Some(Self {
            level,
            videos: usable.len(),
            recent: n,
            history,
            posted,
            log_typical_gap: median(&gaps).ln_1p(),
            log_span: span.ln_1p(),
            usual_duration_s,
            median_log_chars: median(&chars),
            similar,
            tau_hours,
            shape,
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
        log10_fraction(age_hours, self.tau_hours, self.shape)
    }

    /// The feature row of `draft` posted at `at`.
    pub(crate) fn inputs(&self, draft: &DraftFeatures, at: DateTime<Utc>) -> [f64; INPUTS] {
        let mut x = [0.0; INPUTS];
        x[..CADENCE].copy_from_slice(&self.history);
        let duration = draft
            .duration_s
            .filter(|d| *d > 0.0)
            .unwrap_or(self.usual_duration_s);
        let chars = draft
            .caption_chars
            .map_or(self.median_log_chars, |c| (c as f64).ln_1p());
        let original = draft
            .original_sound
            .unwrap_or_else(|| draft.sound.as_deref().is_some_and(is_original_sound));
        x[DRAFT_INPUTS..SIMILAR].copy_from_slice(&[
            (duration / self.usual_duration_s).ln(),
            duration.ln(),
            chars,
            chars - self.median_log_chars,
            draft.hashtags.unwrap_or(0).min(MAX_HASHTAGS) as f64,
            if original { 1.0 } else { 0.0 },
        ]);
        x[SIMILAR..].copy_from_slice(&self.similar.inputs(
            duration.ln(),
            chars,
            draft.sound.as_deref(),
        ));
        self.set_slot(&mut x, at);
        x
    }

    /// Rewrites the cadence inputs of a feature row for posting at `at` (the only inputs
    /// that depend on the time: a heat map builds the row once and moves it hour by hour).
    pub(crate) fn set_slot(&self, x: &mut [f64; INPUTS], at: DateTime<Utc>) {
        let last = *self
            .posted
            .last()
            .expect("a state has three or more videos");
        let since = seconds_between(at, last).max(0.0) / DAY_S;
        let within = |days: f64| {
            self.posted
                .iter()
                .filter(|p| (0.0..=days * DAY_S).contains(&seconds_between(at, **p)))
                .count() as f64
        };
        x[CADENCE..DRAFT_INPUTS].copy_from_slice(&[
            since.ln_1p(),
            within(7.0),
            self.log_typical_gap,
            self.log_span,
            within(30.0),
        ]);
    }
}

/// `log10 A(age)` with `A(t) = 1 - exp(-(t / tau)^k)`, as the trainer computes it.
fn log10_fraction(age_hours: f64, tau_hours: f64, shape: f64) -> f64 {
    let z = (age_hours.max(1e-3) / tau_hours).powf(shape);
    (-(-z).exp_m1()).max(1e-12).log10()
}
