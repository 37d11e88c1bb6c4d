//! What a forecast says about its inputs: a [`Driver`] (one input and what it does to the
//! forecast), the [`Basis`] its size rests on, and the one-click [`WhatIf`] that applies it.
//! Plain values shared by the account model's re-runs (explain.rs), reach model 2's
//! contributions (learned_drivers.rs), the forecast that carries them and the views that show
//! them; this file computes nothing.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::features::Feature;
use crate::domain::{AspectRatio, Draft, OpeningType};

/// A change the UI can apply in one click.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum WhatIf {
    UseSound {
        name: String,
        bpm: Option<u16>,
    },
    SetDuration {
        seconds: f32,
    },
    MakeVertical,
    UseSurpriseOpening,
    AllowDuetAndStitch,
    AddNativeFeatures,
    /// Move the plan entry (the draft itself does not change).
    MoveToSlot {
        at: DateTime<Utc>,
        hour_of_week: u8,
    },
}

impl WhatIf {
    /// Applies the change to a draft; false when it is a change of plan, not of the draft.
    pub fn apply(&self, draft: &mut Draft) -> bool {
        match self {
            WhatIf::UseSound { name, bpm } => {
                draft.sound = Some(name.clone());
                draft.sound_bpm = *bpm;
            }
            WhatIf::SetDuration { seconds } => draft.duration_s = Some(*seconds),
            WhatIf::MakeVertical => draft.aspect = AspectRatio::Vertical,
            WhatIf::UseSurpriseOpening => draft.opening = OpeningType::Surprise,
            WhatIf::AllowDuetAndStitch => {
                draft.allow_duet = true;
                draft.allow_stitch = true;
            }
            WhatIf::AddNativeFeatures => draft.features.text = true,
            WhatIf::MoveToSlot { .. } => return false,
        }
        true
    }
}

/// What a driver's size rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Basis {
    /// The seed's figures only (ads and surveys): a weak prior.
    Prior,
    History {
        videos: usize,
    },
    Audience {
        weeks: u32,
    },
    /// Reach model 2, learned across creators (the draft's own choices, read through it).
    Creators,
}

impl Basis {
    pub fn text(self) -> String {
        match self {
            Basis::Prior => "prior from general guidance".into(),
            Basis::History { videos } => format!("based on {videos} of your videos"),
            Basis::Audience { weeks } => {
                format!("based on {weeks} weeks of your audience activity")
            }
            Basis::Creators => "from creators like you".into(),
        }
    }
}

/// One input and what it does to the forecast.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Driver {
    pub label: String,
    /// `+8% median reach: trending sound (prior from general guidance)`.
    pub text: String,
    pub change_p50_pct: f64,
    /// Change of `P(views > X)`, in probability (0.05 = 5 points).
    pub change_prob_above: f64,
    pub horizon_hours: f64,
    /// True when the draft already makes this choice (the driver is its contribution).
    pub in_use: bool,
    pub what_if: Option<WhatIf>,
    pub basis: Basis,
    /// True for what a person controls (length, caption, cadence, slot, sound, ...), false
    /// for what they do not (the account's momentum).
    pub controllable: bool,
    /// The draft choice the driver varies (`None` for the posting time).
    #[serde(skip)]
    pub feature: Option<Feature>,
}
