//! Native features and interaction (seed tips 5 and 7): use TikTok's own effects and text, and
//! leave Duet and Stitch on.

use super::{Field, Finding, Fix, Severity};
use crate::domain::Draft;

pub(super) fn check(draft: &Draft, out: &mut Vec<Finding>) {
    if !draft.features.any() {
        out.push(Finding::new(
            "no-native-features",
            Severity::Tip,
            Field::Features,
            "Tip 5: use native features (effects, text edits, green screen); try trending effects.",
            "No native features: add text, an effect, green screen or a trending effect.".into(),
        ));
    }
    if !draft.allow_duet || !draft.allow_stitch {
        let off = match (draft.allow_duet, draft.allow_stitch) {
            (false, false) => "Duet and Stitch are",
            (false, true) => "Duet is",
            _ => "Stitch is",
        };
        out.push(
            Finding::new(
                "duet-stitch-off",
                Severity::Tip,
                Field::Interaction,
                "Tip 7: Duet and Stitch are on by default; switching them off limits discovery.",
                format!("{off} off: that limits discovery."),
            )
            .with_fix(Fix::AllowDuetAndStitch),
        );
    }
}
