//! Hashtags (seed tips 2 and 8): use some, not too many, and the subculture's own.

use super::{CAPTION_ADVICE, CheckContext, Field, Finding, Severity};
use crate::domain::Draft;

/// More than this many hashtags earns a tip: each one eats into the 150-character caption.
pub const HASHTAG_LIMIT: usize = 5;

pub(super) fn check(draft: &Draft, ctx: &CheckContext<'_>, out: &mut Vec<Finding>) {
    let n = draft.hashtags.len();
    if n == 0 {
        out.push(Finding::new(
            "no-hashtags",
            Severity::Warning,
            Field::Hashtags,
            "Tip 8: use the right hashtags (search-optimised, trending, challenges).",
            "No hashtags: communities gather around hashtags, so add your subculture's and a trending one.".into(),
        ));
        return;
    }
    if n > HASHTAG_LIMIT {
        out.push(Finding::new(
            "too-many-hashtags",
            Severity::Tip,
            Field::Hashtags,
            "Tip 4: at most 150 characters including hashtags.",
            format!(
                "{n} hashtags: more than {HASHTAG_LIMIT} cost caption space (the seed advises {CAPTION_ADVICE} characters in all) that a question or a hook could use."
            ),
        ));
    }
    if let Some(sub) = ctx.subculture.filter(|s| !s.hashtags.is_empty()) {
        let uses_one = draft.hashtags.iter().any(|t| {
            sub.hashtags.iter().any(|s| {
                s.trim_start_matches('#')
                    .eq_ignore_ascii_case(t.trim_start_matches('#'))
            })
        });
        if !uses_one {
            let examples: Vec<String> = sub
                .hashtags
                .iter()
                .take(3)
                .map(|t| format!("#{}", t.trim_start_matches('#')))
                .collect();
            out.push(Finding::new(
                "hashtag-off-subculture",
                Severity::Tip,
                Field::Hashtags,
                "Tip 2: find your subculture; communities gather around hashtags.",
                format!(
                    "None of {}'s hashtags is used: try {}.",
                    sub.name,
                    examples.join(", ")
                ),
            ));
        }
    }
}
