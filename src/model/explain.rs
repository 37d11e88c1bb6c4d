//! Stage 8, explanation: re-run the forecast with one input changed, on the same random
//! numbers (common random numbers), and report `100 (P50_with / P50_without - 1)` and
//! `P_with(views > X) - P_without(views > X)`. "With" is the draft with the driver's choice:
//! for a choice the draft lacks, the what-if (trending sound, 15 s, 9:16, surprise opening,
//! Duet/Stitch on, native features, the best slot) against the draft as it is; for a choice it
//! already makes, the draft against the draft without it. Content drivers compare 30-day
//! views; the slot driver compares first-day views (timing barely moves the 30-day total).
//! Each driver says what it rests on: "based on N of your videos" where the account's history
//! varies that choice, "prior from general guidance" where only the seed's figures speak.

use chrono::Duration;

use super::AccountModel;
use super::driver::{Basis, Driver, WhatIf};
use super::features::{DraftFeatures, Feature, Slot};
use super::forecast::{FINAL_HOURS, ForecastContext};

/// A candidate re-run: the other draft and slot, and how to describe it.
pub(super) struct Candidate {
    pub label: String,
    pub features: DraftFeatures,
    pub slot: Slot,
    pub in_use: bool,
    pub what_if: Option<WhatIf>,
    pub basis: Basis,
    pub feature: Option<Feature>,
    pub hours: f64,
}

/// Sets a yes/no feature of a draft.
type Setter = fn(&mut DraftFeatures, bool);

const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

impl AccountModel {
    fn basis(&self, feature: Feature) -> Basis {
        match self.heads.support[feature.index()] {
            0 => Basis::Prior,
            videos => Basis::History { videos },
        }
    }

    /// A yes/no driver: the what-if when the draft lacks it, its contribution when not.
    fn toggle(
        &self,
        draft: &DraftFeatures,
        slot: Slot,
        feature: Feature,
        has: Option<bool>,
        what_if: WhatIf,
        set: Setter,
    ) -> Candidate {
        let in_use = has == Some(true);
        let mut features = draft.clone();
        set(&mut features, !in_use);
        Candidate {
            label: feature.label().to_string(),
            features,
            slot,
            in_use,
            what_if: (!in_use).then_some(what_if),
            basis: self.basis(feature),
            feature: Some(feature),
            hours: FINAL_HOURS,
        }
    }

    pub(super) fn candidates(&self, draft: &DraftFeatures, slot: &Slot) -> Vec<Candidate> {
        let slot = *slot;
        let mut out = Vec::new();
        if draft.trending_sound == Some(true) {
            let mut features = draft.clone();
            features.trending_sound = Some(false);
            out.push(Candidate {
                label: Feature::TrendingSound.label().to_string(),
                features,
                slot,
                in_use: true,
                what_if: None,
                basis: self.basis(Feature::TrendingSound),
                feature: Some(Feature::TrendingSound),
                hours: FINAL_HOURS,
            });
        } else if let Some(sound) = self.trends().best_sound() {
            let mut features = draft.clone();
            features.trending_sound = Some(true);
            features.original_sound = Some(false);
            features.sound = Some(sound.name.clone());
            features.sound_bpm = sound.bpm.or(draft.sound_bpm);
            out.push(Candidate {
                label: format!("trending sound \"{}\"", sound.name),
                features,
                slot,
                in_use: false,
                what_if: Some(WhatIf::UseSound {
                    name: sound.name.clone(),
                    bpm: sound.bpm,
                }),
                basis: self.basis(Feature::TrendingSound),
                feature: Some(Feature::TrendingSound),
                hours: FINAL_HOURS,
            });
        }
        if let Some(d) = draft.duration_s.filter(|d| !(12.0..=15.0).contains(d)) {
            let mut features = draft.clone();
            features.duration_s = Some(15.0);
            out.push(Candidate {
                label: format!("15 s instead of {d:.0} s"),
                features,
                slot,
                in_use: false,
                what_if: Some(WhatIf::SetDuration { seconds: 15.0 }),
                basis: self.basis(Feature::Duration),
                feature: Some(Feature::Duration),
                hours: FINAL_HOURS,
            });
        }
        let toggles: [(Feature, Option<bool>, WhatIf, Setter); 4] = [
            (
                Feature::Vertical,
                draft.vertical,
                WhatIf::MakeVertical,
                |f, v| f.vertical = Some(v),
            ),
            (
                Feature::SurpriseOpening,
                draft.surprise_opening,
                WhatIf::UseSurpriseOpening,
                |f, v| f.surprise_opening = Some(v),
            ),
            (
                Feature::DuetStitch,
                draft.duet_stitch,
                WhatIf::AllowDuetAndStitch,
                |f, v| f.duet_stitch = Some(v),
            ),
            (
                Feature::NativeFeatures,
                draft.native_features,
                WhatIf::AddNativeFeatures,
                |f, v| f.native_features = Some(v),
            ),
        ];
        for (feature, has, what_if, set) in toggles {
            out.push(self.toggle(draft, slot, feature, has, what_if, set));
        }
        if let Some(activity) = self.audience().activity() {
            let window = |h: usize| (0..3).map(|i| activity[(h + i) % 168]).sum::<f64>();
            let here = usize::from(slot.hour_of_week) % 168;
            let best = (0..168)
                .max_by(|&a, &b| window(a).total_cmp(&window(b)).then(b.cmp(&a)))
                .unwrap_or(here);
            if window(best) > window(here) * 1.02 {
                let ahead = (best + 168 - here) % 168;
                let at = slot.at + Duration::hours(ahead as i64);
                let hour_of_week = best as u8;
                out.push(Candidate {
                    label: format!("post {} {:02}:00 instead", DAYS[best / 24], best % 24),
                    features: draft.clone(),
                    slot: Slot { at, hour_of_week },
                    in_use: false,
                    what_if: Some(WhatIf::MoveToSlot { at, hour_of_week }),
                    basis: Basis::Audience {
                        weeks: self.audience().weeks(),
                    },
                    feature: None,
                    hours: 24.0,
                });
            }
        }
        out
    }

    /// The drivers of a draft's forecast, largest effect first.
    pub(crate) fn drivers(
        &self,
        draft: &DraftFeatures,
        slot: &Slot,
        context: &ForecastContext,
        threshold: f64,
    ) -> Vec<Driver> {
        let mut buffers = (
            Vec::with_capacity(context.driver_paths),
            Vec::with_capacity(context.driver_paths),
        );
        let mut base_final = None;
        let mut drivers: Vec<Driver> = self
            .candidates(draft, slot)
            .into_iter()
            .map(|c| {
                let base = if c.hours == FINAL_HOURS {
                    *base_final.get_or_insert_with(|| {
                        self.summary(draft, slot, context, c.hours, threshold, &mut buffers)
                    })
                } else {
                    self.summary(draft, slot, context, c.hours, threshold, &mut buffers)
                };
                let alt = self.summary(
                    &c.features,
                    &c.slot,
                    context,
                    c.hours,
                    threshold,
                    &mut buffers,
                );
                let (with, without) = if c.in_use { (base, alt) } else { (alt, base) };
                let change = 100.0 * (with.0.max(1.0) / without.0.max(1.0) - 1.0);
                let what = if c.hours < FINAL_HOURS {
                    "median first-day views"
                } else {
                    "median reach"
                };
                let used = if c.in_use { " (in use)" } else { "" };
                Driver {
                    text: format!(
                        "{change:+.0}% {what}: {}{used} ({})",
                        c.label,
                        c.basis.text()
                    ),
                    label: c.label,
                    change_p50_pct: change,
                    change_prob_above: with.1 - without.1,
                    horizon_hours: c.hours,
                    in_use: c.in_use,
                    what_if: c.what_if,
                    basis: c.basis,
                    controllable: true,
                    feature: c.feature,
                }
            })
            .collect();
        // A change below half a percent and half a point is noise, not a driver.
        drivers.retain(|d| d.change_p50_pct.abs() >= 0.5 || d.change_prob_above.abs() >= 0.005);
        drivers.sort_by(|a, b| b.change_p50_pct.abs().total_cmp(&a.change_p50_pct.abs()));
        drivers
    }
}
