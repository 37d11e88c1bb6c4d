//! How the account's own earlier videos that resemble the draft did, exactly as
//! scripts/model/similar.py computes it (change one, change the other, retrain): the earlier
//! videos' reach against the level weighted by how close their length and their caption
//! length are to the draft's, the account's own slope of reach on length, and the videos
//! with the draft's very sound. All shrunk toward the level by a pseudo-video, so one similar
//! video says little.

/// ln-length distance at which a video's weight falls to 1/e.
const LENGTH_WIDTH: f64 = 0.3;
/// ln(1 + characters) distance at which a video's weight falls to 1/e.
const CAPTION_WIDTH: f64 = 0.5;
/// Pseudo-videos at the level in every weighted mean.
const PRIOR_WEIGHT: f64 = 1.0;
/// Ridge on the slope of reach on ln length.
const SLOPE_PRIOR: f64 = 1.0;

/// Inputs this file adds, in the order [`SimilarHistory::inputs`] returns them.
pub(crate) const SIMILAR_INPUTS: usize = 5;

/// The recent videos as the similarity inputs read them, in order of posting.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct SimilarHistory {
    /// Age-normalised log10 reach minus the account's level.
    rel: Vec<f64>,
    /// ln seconds (the usual length where a video's is unknown).
    log_durations: Vec<f64>,
    /// ln(1 + caption characters).
    log_chars: Vec<f64>,
    /// The sound's name, trimmed; `None` for none.
    sounds: Vec<Option<String>>,
}

fn weighted_vs_level(rel: &[f64], values: &[f64], at: f64, width: f64) -> f64 {
    let (mut num, mut den) = (0.0, PRIOR_WEIGHT);
    for (r, v) in rel.iter().zip(values) {
        let w = (-(v - at).abs() / width).exp();
        num += w * r;
        den += w;
    }
    num / den
}

fn slope_effect(rel: &[f64], xs: &[f64], x: f64) -> f64 {
    let n = xs.len() as f64;
    let (mut mx, mut my) = (0.0, 0.0);
    for (a, r) in xs.iter().zip(rel) {
        mx += a;
        my += r;
    }
    mx /= n;
    my /= n;
    let (mut sxx, mut sxy) = (SLOPE_PRIOR, 0.0);
    for (a, r) in xs.iter().zip(rel) {
        sxx += (a - mx) * (a - mx);
        sxy += (a - mx) * (r - my);
    }
    sxy / sxx * (x - mx)
}

impl SimilarHistory {
    /// From the recent videos' reach against the level, ln lengths, ln(1 + caption
    /// characters) and sound names (all in order of posting, one per video).
    pub(crate) fn new(
        rel: Vec<f64>,
        log_durations: Vec<f64>,
        log_chars: Vec<f64>,
        sounds: Vec<Option<String>>,
    ) -> Self {
        Self {
            rel,
            log_durations,
            log_chars,
            sounds: sounds
                .into_iter()
                .map(|s| s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty()))
                .collect(),
        }
    }

    /// The inputs for a draft of ln length `log_duration`, ln(1 + caption characters)
    /// `log_chars` and sound `sound`: similar length, length slope effect, similar caption,
    /// same sound against the level, videos with the same sound.
    pub(crate) fn inputs(
        &self,
        log_duration: f64,
        log_chars: f64,
        sound: Option<&str>,
    ) -> [f64; SIMILAR_INPUTS] {
        let (mut same, mut count) = (0.0, 0usize);
        if let Some(sound) = sound.map(str::trim).filter(|s| !s.is_empty()) {
            for (r, s) in self.rel.iter().zip(&self.sounds) {
                if s.as_deref() == Some(sound) {
                    same += r;
                    count += 1;
                }
            }
        }
        [
            weighted_vs_level(&self.rel, &self.log_durations, log_duration, LENGTH_WIDTH),
            slope_effect(&self.rel, &self.log_durations, log_duration),
            weighted_vs_level(&self.rel, &self.log_chars, log_chars, CAPTION_WIDTH),
            same / (count as f64 + PRIOR_WEIGHT),
            count as f64,
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn history() -> SimilarHistory {
        SimilarHistory::new(
            vec![0.5, -0.5, 0.2],
            vec![15f64.ln(), 60f64.ln(), 15f64.ln()],
            vec![3.0, 1.0, 3.0],
            vec![Some(" a song ".into()), None, Some("other".into())],
        )
    }

    #[test]
    fn videos_like_the_draft_weigh_most() {
        let h = history();
        let short = h.inputs(15f64.ln(), 3.0, None);
        let long = h.inputs(60f64.ln(), 1.0, None);
        assert!(short[0] > 0.0 && long[0] < 0.0);
        assert!(short[2] > 0.0 && long[2] < 0.0);
        // Shorter videos did better here, so the slope favours the short draft.
        assert!(short[1] > 0.0 && long[1] < 0.0);
    }

    #[test]
    fn the_same_sound_is_matched_by_its_trimmed_name() {
        let h = history();
        let x = h.inputs(15f64.ln(), 3.0, Some("a song"));
        assert_eq!(x[4], 1.0);
        assert!((x[3] - 0.25).abs() < 1e-12);
        assert_eq!(
            h.inputs(15f64.ln(), 3.0, Some("  ")),
            h.inputs(15f64.ln(), 3.0, None)
        );
    }
}
