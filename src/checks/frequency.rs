//! Posting frequency (seed tip 6: TikTok recommends posting 1-4 times a day).

use super::{Field, Finding, PlanDay, Severity};
use crate::schedule::cadence::above_advice;

const SOURCE: &str = "Tip 6: TikTok recommends posting 1-4 times a day.";

pub(super) fn check(plan_day: Option<&PlanDay>, out: &mut Vec<Finding>) {
    let Some(day) = plan_day else {
        return;
    };
    if above_advice(day.posts) {
        out.push(Finding::new(
            "posting-frequency",
            Severity::Warning,
            Field::Schedule,
            SOURCE,
            format!(
                "{} has {} posts planned; TikTok recommends 1-4 a day.",
                day.date.format("%a %d %b"),
                day.posts
            ),
        ));
    }
    if !day.empty_days_between.is_empty() {
        let days: Vec<String> = day
            .empty_days_between
            .iter()
            .map(|d| d.format("%a %d %b").to_string())
            .collect();
        out.push(Finding::new(
            "posting-frequency",
            Severity::Warning,
            Field::Schedule,
            SOURCE,
            format!(
                "No post on {} in an active week: TikTok recommends posting every day, 1-4 times.",
                days.join(", ")
            ),
        ));
    }
}
