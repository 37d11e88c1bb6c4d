//! Drivers of a reach-model-2 forecast, exact and honest. Two kinds:
//! - contributions: the trees' exact Shapley values (TreeSHAP) for this draft at 30 days,
//!   summed per group: what a person controls (length, caption, cadence, sound) and what they
//!   do not (the account's momentum: its recent videos against its level, their spread and
//!   trend, earlier engagement rates). Shown "from creators like you" (the trees learned them
//!   across creators) or "based on N of your videos" (momentum reads the account's videos).
//!   The length, caption and sound groups include how the account's own earlier videos like
//!   the draft did (the trees learned how much that counts across creators).
//! - what-ifs: the account model's candidates (15 s, 9:16, surprise opening, trending sound,
//!   Duet/Stitch, native features, the best slot) re-scored through the same forecast, so a
//!   button's promise is the forecast the user gets after pressing it.
//!
//! Wording as the account model's: `+8% median reach: length 45 s (from creators like you)`.

use super::AccountModel;
use super::driver::{Basis, Driver};
use super::features::{DraftFeatures, Feature, Slot};
use super::forecast::{FINAL_HOURS, Forecast, ForecastContext};
use super::learned::{GROUPS, INPUTS, Learned, SAME_SOUND_VIDEOS};
use super::learned_run::LearnedBand;
use super::timing::SlotEffect;

impl AccountModel {
    /// The drivers of a reach-model-2 forecast, largest effect first.
    pub(crate) fn learned_drivers(
        &self,
        draft: &DraftFeatures,
        slot: &Slot,
        forecast: &Forecast,
        context: &ForecastContext,
    ) -> Vec<Driver> {
        let Some(band) = forecast.learned.as_ref() else {
            return Vec::new();
        };
        let threshold = forecast.threshold;
        let mut drivers = self.contributions(draft, band, threshold);
        for c in self.candidates(draft, slot) {
            let speed = SlotEffect::of(self.audience(), &c.slot, context.posts_same_day).speed;
            let Some(alt) = self.learned_band(&c.features, c.slot.at, speed) else {
                continue;
            };
            let (with, without) = if c.in_use { (band, &alt) } else { (&alt, band) };
            let delta = with.centre(c.hours) - without.centre(c.hours);
            let change = 100.0 * (10f64.powf(delta) - 1.0);
            let what = if c.hours < FINAL_HOURS {
                "median first-day views"
            } else {
                "median reach"
            };
            let used = if c.in_use { " (in use)" } else { "" };
            // Choices the trees read rest on creators like this one; the others on the
            // account's heads (its videos or the seed's prior), the slot on its audience.
            let basis = match c.feature {
                Some(Feature::Duration | Feature::Hashtags | Feature::OriginalSound) => {
                    Basis::Creators
                }
                _ => c.basis,
            };
            drivers.push(Driver {
                text: format!("{change:+.0}% {what}: {}{used} ({})", c.label, basis.text()),
                label: c.label,
                change_p50_pct: change,
                change_prob_above: with.prob_above(threshold) - without.prob_above(threshold),
                horizon_hours: c.hours,
                in_use: c.in_use,
                what_if: c.what_if,
                basis,
                controllable: true,
                feature: c.feature,
            });
        }
        // A change below half a percent and half a point is noise, not a driver.
        drivers.retain(|d| d.change_p50_pct.abs() >= 0.5 || d.change_prob_above.abs() >= 0.005);
        drivers.sort_by(|a, b| b.change_p50_pct.abs().total_cmp(&a.change_p50_pct.abs()));
        drivers
    }

    /// One driver per group of the trees' inputs (the age group excepted).
    fn contributions(
        &self,
        draft: &DraftFeatures,
        band: &LearnedBand,
        threshold: f64,
    ) -> Vec<Driver> {
        let model = Learned::get();
        let phi = model.contributions(band.inputs());
        let mut sums = [0.0; GROUPS.len()];
        for (i, p) in phi.iter().enumerate().take(INPUTS) {
            let g = GROUPS
                .iter()
                .position(|g| *g == model.group(i))
                .expect("every input's group is one of GROUPS (checked at load)");
            sums[g] += p;
        }
        let state = band.state();
        let p_now = band.prob_above(threshold);
        let mut out = Vec::new();
        for (group, sum) in GROUPS.iter().zip(sums) {
            let (label, feature, basis) = match *group {
                "length" => {
                    let usual = state.usual_duration_s;
                    let label = match draft.duration_s.filter(|d| *d > 0.0) {
                        Some(d) => format!("length {d:.0} s (your usual {usual:.0} s)"),
                        None => format!("length (your usual {usual:.0} s)"),
                    };
                    (label, Some(Feature::Duration), Basis::Creators)
                }
                "caption" => {
                    let chars = draft.caption_chars.unwrap_or(0);
                    let tags = draft.hashtags.unwrap_or(0);
                    (
                        format!("caption of {chars} characters and {tags} hashtags"),
                        Some(Feature::Hashtags),
                        Basis::Creators,
                    )
                }
                "cadence" => (
                    "posting cadence (time since your last post, posts that week)".to_string(),
                    None,
                    Basis::Creators,
                ),
                "sound" => {
                    let mut label = if draft.original_sound == Some(true) {
                        "original sound".to_string()
                    } else {
                        "a sound that is not your own".to_string()
                    };
                    let same = band.inputs()[SAME_SOUND_VIDEOS] as usize;
                    if same > 0 {
                        label += &format!(", in {same} of your last {} videos", state.recent);
                    }
                    (label, Some(Feature::OriginalSound), Basis::Creators)
                }
                "momentum" => (
                    format!("your last {} videos against your level", state.recent),
                    None,
                    Basis::History {
                        videos: state.recent,
                    },
                ),
                _ => continue,
            };
            let change = 100.0 * (10f64.powf(sum) - 1.0);
            out.push(Driver {
                text: format!("{change:+.0}% median reach: {label} ({})", basis.text()),
                label,
                change_p50_pct: change,
                change_prob_above: p_now - band.prob_above_shifted(threshold, -sum),
                horizon_hours: FINAL_HOURS,
                in_use: true,
                what_if: None,
                basis,
                controllable: *group != "momentum",
                feature,
            });
        }
        out
    }
}
