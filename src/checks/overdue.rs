//! A scheduled post whose time has passed: it either went out (mark it posted) or did not
//! (re-plan it). Not a seed rule but the plan's own bookkeeping; without it a workspace
//! opened after a break shows posts "Scheduled" in the past and forecasts for slots gone by.

use super::{CheckContext, Field, Finding, Fix, Severity};
use crate::domain::{Draft, DraftStatus};

const SOURCE: &str =
    "Tip 6: post at the right time for your audience; a slot that has passed no longer can be.";

pub(super) fn check(draft: &Draft, ctx: &CheckContext<'_>, out: &mut Vec<Finding>) {
    let Some(day) = ctx.plan_day else {
        return;
    };
    if draft.status != DraftStatus::Scheduled || day.at > ctx.now {
        return;
    }
    let mut finding = Finding::new(
        "scheduled-overdue",
        Severity::Warning,
        Field::Schedule,
        SOURCE,
        format!(
            "Overdue: scheduled for {}, which has passed. Mark it posted if it went out, or re-plan it.",
            day.wall_time.format("%a %-d %b %H:%M")
        ),
    )
    .with_fix(Fix::MarkPosted);
    finding.also.push(Fix::Replan);
    out.push(finding);
}
