//! A history that is a top-posts list: TikTok Studio's Content export lists an account's most
//! viewed posts, sorted by views, not all of them. Taken as the whole history, its level is
//! that of the account's best posts and every draft is over-promised.
//!
//! Where the account's number of posts is known (every post of the "Download your data" file,
//! or ids seen in other imports), the list is read as the top `n` of those `P` posts: each
//! post's log views against the normal quantile of its rank (`1 - (rank - 0.5) / P`), fitted by
//! least squares. The intercept is the typical post's level; the history's counts are scaled
//! down by the gap between it and the list's own median, so the model fits the account as its
//! typical posts are. Without the count, nothing is guessed: the forecast only says that it
//! rests on the most viewed posts.

use super::History;

/// How a history was corrected for being a top-posts list.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TopListCorrection {
    /// Posts the list holds.
    pub listed: usize,
    /// Posts the account is known to have (at least `listed`).
    pub known_posts: usize,
    /// log10 of the factor the counts were scaled by (0 or less); `None` when the number of
    /// posts was not known, so nothing was corrected.
    pub shift_log10: Option<f64>,
}

impl TopListCorrection {
    /// The confidence badge's words.
    pub fn label(&self) -> String {
        format!(
            "from your {} most viewed posts; typical posts reach less",
            self.listed
        )
    }

    /// What the correction did, or what would let it correct.
    pub fn advice(&self) -> String {
        match self.shift_log10 {
            Some(shift) => format!(
                "corrected to your {} known posts: about {:.0}% of what the list alone suggests",
                self.known_posts,
                100.0 * 10f64.powf(shift)
            ),
            None => "import your \"Download your data\" file so Scrollstop knows all your posts and can correct for it".to_string(),
        }
    }
}

/// Corrects `history` (the account's videos, the top `listed` of `known_posts`) for being a
/// top-posts list.
pub fn correct_top_list(
    history: History,
    listed: usize,
    known_posts: usize,
) -> (History, TopListCorrection) {
    let mut correction = TopListCorrection {
        listed,
        known_posts: known_posts.max(listed),
        shift_log10: None,
    };
    let mut latest: Vec<f64> = history
        .videos()
        .iter()
        .filter_map(|v| v.counts.last().map(|c| c.views))
        .filter(|v| *v > 0.0)
        .map(f64::log10)
        .collect();
    if known_posts <= latest.len() || latest.len() < 3 {
        return (history, correction);
    }
    latest.sort_by(|a, b| b.total_cmp(a));
    let p = known_posts as f64;
    let points: Vec<(f64, f64)> = latest
        .iter()
        .enumerate()
        .map(|(i, y)| (normal_quantile(1.0 - (i as f64 + 0.5) / p), *y))
        .collect();
    let Some(typical) = intercept(&points) else {
        return (history, correction);
    };
    let list_median = latest[latest.len() / 2];
    let shift = (typical - list_median).min(0.0);
    correction.shift_log10 = Some(shift);
    (history.with_counts_scaled(10f64.powf(shift)), correction)
}

/// The intercept of the least-squares line through `points` with a slope of at least 0 (a
/// spread cannot be negative); `None` when the points do not fix a line.
fn intercept(points: &[(f64, f64)]) -> Option<f64> {
    let n = points.len() as f64;
    let mx = points.iter().map(|p| p.0).sum::<f64>() / n;
    let my = points.iter().map(|p| p.1).sum::<f64>() / n;
    let sxx: f64 = points.iter().map(|p| (p.0 - mx).powi(2)).sum();
    if sxx <= f64::EPSILON {
        return None;
    }
    let sxy: f64 = points.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    let slope = (sxy / sxx).max(0.0);
    let value = my - slope * mx;
    value.is_finite().then_some(value)
}

/// The standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9).
fn normal_quantile(p: f64) -> f64 {
    const A: [f64; 6] = [
        -3.969_683_028_665_376e1,
        2.209_460_984_245_205e2,
        -2.759_285_104_469_687e2,
        1.383_577_518_672_69e2,
        -3.066_479_806_614_716e1,
        2.506_628_277_459_239,
    ];
    const B: [f64; 5] = [
        -5.447_609_879_822_406e1,
        1.615_858_368_580_409e2,
        -1.556_989_798_598_866e2,
        6.680_131_188_771_972e1,
        -1.328_068_155_288_572e1,
    ];
    const C: [f64; 6] = [
        -7.784_894_002_430_293e-3,
        -3.223_964_580_411_365e-1,
        -2.400_758_277_161_838,
        -2.549_732_539_343_734,
        4.374_664_141_464_968,
        2.938_163_982_698_783,
    ];
    const D: [f64; 4] = [
        7.784_695_709_041_462e-3,
        3.224_671_290_700_398e-1,
        2.445_134_137_142_996,
        3.754_408_661_907_416,
    ];
    let p = p.clamp(1e-12, 1.0 - 1e-12);
    let tail = |q: f64| {
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    };
    if p < 0.024_25 {
        tail((-2.0 * p.ln()).sqrt())
    } else if p > 1.0 - 0.024_25 {
        -tail((-2.0 * (1.0 - p).ln()).sqrt())
    } else {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone, Utc};

    use super::*;
    use crate::model::{Counts, DraftFeatures, PastVideo};

    #[test]
    fn the_normal_quantile_matches_known_values() {
        for (p, z) in [
            (0.5, 0.0),
            (0.975, 1.959_963_985),
            (0.1, -1.281_551_566),
            (0.001, -3.090_232_306),
        ] {
            assert!((normal_quantile(p) - z).abs() < 1e-6, "{p}");
        }
    }

    /// `known` posts with log10 views spread normally around `level` (sd 0.4), keeping the
    /// `listed` most viewed, as Studio's Content export does.
    fn top_list(level: f64, known: usize, listed: usize) -> History {
        let mut logs: Vec<f64> = (0..known)
            .map(|i| level + 0.4 * normal_quantile((i as f64 + 0.5) / known as f64))
            .collect();
        logs.sort_by(|a, b| b.total_cmp(a));
        let start = Utc.with_ymd_and_hms(2026, 1, 1, 12, 0, 0).unwrap();
        let videos = logs
            .iter()
            .take(listed)
            .enumerate()
            .map(|(i, y)| {
                let posted = start + Duration::days(i as i64);
                PastVideo::new(
                    format!("{i}"),
                    posted,
                    DraftFeatures::default(),
                    vec![Counts {
                        age_hours: 24.0 * 30.0,
                        views: 10f64.powf(*y),
                        likes: Some(10f64.powf(*y) * 0.05),
                        comments: None,
                        shares: None,
                        saves: None,
                        avg_watch_s: None,
                        full_watch_rate: None,
                    }],
                )
            })
            .collect();
        History::new(videos, None)
    }

    fn median_log_views(history: &History) -> f64 {
        let mut logs: Vec<f64> = history
            .videos()
            .iter()
            .map(|v| v.counts[0].views.log10())
            .collect();
        logs.sort_by(f64::total_cmp);
        logs[logs.len() / 2]
    }

    #[test]
    fn a_top_list_of_known_posts_is_brought_down_to_the_typical_post() {
        let history = top_list(3.0, 60, 13);
        let listed = median_log_views(&history);
        assert!(
            listed > 3.4,
            "the list alone is far above the level: {listed}"
        );
        let (corrected, correction) = correct_top_list(history, 13, 60);
        let shift = correction.shift_log10.expect("the count is known");
        // The typical post's level (3.0) is found again, within what 13 points allow.
        assert!((listed + shift - 3.0).abs() < 0.05, "{listed} {shift}");
        assert!((median_log_views(&corrected) - (listed + shift)).abs() < 1e-9);
        assert!(correction.label().contains("13 most viewed posts"));
        assert!(correction.advice().contains("60 known posts"));
    }

    #[test]
    fn without_the_number_of_posts_nothing_is_guessed() {
        let history = top_list(3.0, 60, 13);
        let before = median_log_views(&history);
        let (same, correction) = correct_top_list(history, 13, 13);
        assert_eq!(correction.shift_log10, None);
        assert_eq!(median_log_views(&same), before);
        assert!(correction.advice().contains("Download your data"));
    }
}
