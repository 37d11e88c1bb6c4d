//! The video itself (seed tips 3 and 5): length, shape, and how the first seconds open.

use super::{Field, Finding, Fix, Severity};
use crate::domain::{AspectRatio, Draft, OpeningType};

/// TikTok's allowed length from the seed: 5 seconds to 3 minutes.
pub const MIN_SECONDS: f32 = 5.0;
pub const MAX_SECONDS: f32 = 180.0;
/// The seed's sweet spot: 12-15 seconds.
pub const SWEET_SPOT: (f32, f32) = (12.0, 15.0);

pub(super) fn check(draft: &Draft, out: &mut Vec<Finding>) {
    if let Some(d) = draft.duration_s {
        if !(MIN_SECONDS..=MAX_SECONDS).contains(&d) {
            out.push(Finding::new(
                "duration-out-of-range",
                Severity::Error,
                Field::Duration,
                "Tip 5: videos can be 5 seconds to 3 minutes.",
                format!("{d} s is outside TikTok's 5 s - 3 min range."),
            ));
        } else if !(SWEET_SPOT.0..=SWEET_SPOT.1).contains(&d) {
            let off = if d < SWEET_SPOT.0 {
                SWEET_SPOT.0 - d
            } else {
                d - SWEET_SPOT.1
            };
            let direction = if d < SWEET_SPOT.0 {
                "shorter"
            } else {
                "longer"
            };
            out.push(Finding::new(
                "duration-off-sweet-spot",
                Severity::Tip,
                Field::Duration,
                "Tip 5: aim for 12-15 seconds.",
                format!("{d} s is {off:.1} s {direction} than the 12-15 s sweet spot."),
            ));
        }
    }
    if draft.aspect != AspectRatio::Vertical {
        out.push(
            Finding::new(
                "not-vertical",
                Severity::Warning,
                Field::Aspect,
                "Tip 5: shoot 9:16; vertical videos get on average 25% more 6-second views.",
                format!(
                    "{} is not 9:16: vertical videos get about 25% more 6-second views.",
                    draft.aspect.as_str()
                ),
            )
            .with_fix(Fix::MakeVertical),
        );
    }
    if draft.opening == OpeningType::Neutral {
        out.push(Finding::new(
            "neutral-opening",
            Severity::Tip,
            Field::Opening,
            "Tip 3: opening with surprise gave a 1.7x lift over a neutral expression (an ads figure).",
            "A neutral opening: in TikTok's ads study, opening with surprise gave a 1.7x lift. Lead with the hook.".into(),
        ));
    }
}
