//! The seed article's rules as live checks on a draft.
//!
//! Each check is a pure function from a draft (plus the context it needs: the subculture, the
//! trend lists, the account's other drafts and posted videos, the plan) to findings. A finding
//! has a stable rule id, a severity, the field it concerns, a message that cites the seed's
//! number, and a one-click fix where one exists. Checks never read the store or the clock
//! themselves: the caller hands in everything, so the same draft always gets the same verdict.

mod caption;
mod context;
mod duplicates;
mod features;
mod fix;
mod frequency;
mod hashtags;
mod limits;
mod overdue;
mod safety;
mod sound;
mod spam;
mod video;

use serde::Serialize;

pub use caption::{CAPTION_ADVICE, caption_length, trim_caption, trim_caption_to};
pub use context::{CheckContext, PlanDay, TrendBook};
pub use duplicates::{DUPLICATE_THRESHOLD, DuplicateIndex, caption_similarity};
pub(crate) use duplicates::{
    Fingerprint, fingerprint as caption_print, similarity_of_counts as print_similarity_of_counts,
};
pub use fix::Fix;
pub use limits::{PlatformLimit, PlatformLimits, platform_limits};

use crate::domain::Draft;

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// TikTok refuses it (a limit in `assets/platform_limits.json`) or it keeps the video
    /// out of For You.
    Error,
    /// Likely costs reach.
    Warning,
    /// Could gain reach.
    Tip,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Tip => "tip",
        }
    }
}

/// The draft field a finding is about; the editor shows the finding next to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Caption,
    Hashtags,
    Duration,
    Aspect,
    Sound,
    Opening,
    Features,
    Interaction,
    Media,
    Schedule,
}

impl Field {
    pub fn label(self) -> &'static str {
        match self {
            Field::Caption => "caption",
            Field::Hashtags => "hashtags",
            Field::Duration => "duration",
            Field::Aspect => "aspect",
            Field::Sound => "sound",
            Field::Opening => "opening",
            Field::Features => "features",
            Field::Interaction => "interaction",
            Field::Media => "media",
            Field::Schedule => "schedule",
        }
    }
}

/// One check's verdict on a draft.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// Stable id used by tests, the CLI and the UI, e.g. `caption-too-long`.
    pub rule: &'static str,
    pub severity: Severity,
    pub field: Field,
    /// What is wrong and why, citing the seed's number.
    pub message: String,
    /// The line of the seed article the rule comes from.
    #[serde(skip)]
    pub source: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
    /// Further one-click fixes offered beside `fix` (an overdue post: posted, or re-plan).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<Fix>,
}

impl Finding {
    fn new(
        rule: &'static str,
        severity: Severity,
        field: Field,
        source: &'static str,
        message: String,
    ) -> Self {
        Self {
            rule,
            severity,
            field,
            message,
            source,
            fix: None,
            also: Vec::new(),
        }
    }

    fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }
}

/// Every check on one draft, most severe first.
pub fn check_draft(draft: &Draft, ctx: &CheckContext<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    caption::check(draft, &mut findings);
    hashtags::check(draft, ctx, &mut findings);
    video::check(draft, &mut findings);
    sound::check(draft, ctx, &mut findings);
    features::check(draft, &mut findings);
    duplicates::check(draft, ctx, &mut findings);
    spam::check(draft, &mut findings);
    safety::check(draft, &mut findings);
    frequency::check(ctx.plan_day, &mut findings);
    overdue::check(draft, ctx, &mut findings);
    findings.sort_by_key(|f| f.severity);
    findings
}

/// The `posting-frequency` findings of a draft planned on `day` (what the calendar marks),
/// without the rest of the checks' context.
pub fn frequency_findings(day: &PlanDay) -> Vec<Finding> {
    let mut findings = Vec::new();
    frequency::check(Some(day), &mut findings);
    findings
}

/// Counts findings per severity: `(errors, warnings, tips)`.
pub fn tally(findings: &[Finding]) -> (usize, usize, usize) {
    findings
        .iter()
        .fold((0, 0, 0), |(e, w, t), f| match f.severity {
            Severity::Error => (e + 1, w, t),
            Severity::Warning => (e, w + 1, t),
            Severity::Tip => (e, w, t + 1),
        })
}

#[cfg(test)]
mod tests;
