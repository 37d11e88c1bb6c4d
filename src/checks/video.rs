//! The video itself (seed tips 3 and 5): length, shape, and how the first seconds open.
//!
//! Only TikTok's own upload limit (the table in [`super::limits`]) makes a length an error;
//! the seed article's 5 s to 3 min (its 2023 range) and 12-15 s sweet spot are advice.

use super::limits::platform_limits;
use super::{Field, Finding, Fix, Severity};
use crate::domain::{AspectRatio, Draft, OpeningType};

/// The seed article's range (tip 5, 2023): 5 seconds to 3 minutes. Advice, not a limit.
pub const MIN_SECONDS: f32 = 5.0;
pub const MAX_SECONDS: f32 = 180.0;
/// The seed's sweet spot: 12-15 seconds.
pub const SWEET_SPOT: (f32, f32) = (12.0, 15.0);

const RANGE_SOURCE: &str = "Tip 5: videos can be 5 seconds to 3 minutes; aim for 12-15 seconds.";

pub(super) fn check(draft: &Draft, out: &mut Vec<Finding>) {
    if let Some(d) = draft.duration_s {
        duration(d, out);
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

fn duration(d: f32, out: &mut Vec<Finding>) {
    let limits = platform_limits();
    let upload = &limits.video_upload;
    let recording = &limits.video_in_app_recording;
    if f64::from(d) > upload.value {
        out.push(Finding::new(
            "duration-over-limit",
            Severity::Error,
            Field::Duration,
            RANGE_SOURCE,
            format!(
                "{} is longer than TikTok takes: uploads run up to {} ({}).",
                minutes(f64::from(d)),
                minutes(upload.value),
                upload.cited()
            ),
        ));
        return;
    }
    if !(MIN_SECONDS..=MAX_SECONDS).contains(&d) {
        let platform = if f64::from(d) > recording.value {
            format!(
                " TikTok takes it as an upload (up to {}; the app's camera records up to {}).",
                minutes(upload.value),
                minutes(recording.value)
            )
        } else if d > MAX_SECONDS {
            format!(
                " TikTok itself takes uploads up to {}.",
                minutes(upload.value)
            )
        } else {
            String::new()
        };
        out.push(Finding::new(
            "duration-out-of-range",
            Severity::Warning,
            Field::Duration,
            RANGE_SOURCE,
            format!(
                "{d} s is outside the seed article's 5 s - 3 min; it advises 12-15 s.{platform}"
            ),
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

/// `60 min`, `10 min`, `90.5 min`.
fn minutes(seconds: f64) -> String {
    let m = seconds / 60.0;
    if (m - m.round()).abs() < 0.05 {
        format!("{m:.0} min")
    } else {
        format!("{m:.1} min")
    }
}
