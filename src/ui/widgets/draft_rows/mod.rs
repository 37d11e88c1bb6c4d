//! The drafts table's rows: one prepared row per draft (display strings formatted once per
//! load), the findings and predicted reach of each draft by its id as the background checks
//! and forecasts finish ([`assessment`]), and the filter and order over them ([`filter`],
//! [`sort`]). Rows are built once per load and the visible order once per query, so a frame
//! with 10,000 drafts formats and sorts nothing. Pure: no workspace, no drawing.

mod assessment;
mod filter;
mod findings;
mod sort;

use chrono::{DateTime, Local, Utc};
use chrono_tz::Tz;
use eframe::egui::Color32;

use super::format::{duration_seconds, slot};
use crate::domain::{Draft, DraftId, DraftStatus, SubcultureId};

pub use assessment::{Assessment, Assessments, Prediction};
pub use filter::{DraftFilter, FindingFilter, visible_rows};
pub use findings::FindingSummary;
use sort::compare;
pub use sort::{DraftColumn, DraftSort};

/// One draft, prepared for drawing, filtering and sorting.
#[derive(Debug, Clone)]
pub struct DraftRow {
    pub id: DraftId,
    pub status: DraftStatus,
    /// The title, or the hook when there is no title, or "(untitled)".
    pub title: String,
    pub hook: String,
    pub subculture_id: Option<SubcultureId>,
    pub subculture: String,
    pub subculture_colour: Option<Color32>,
    pub duration_s: Option<f32>,
    pub duration: String,
    pub sound: String,
    pub assignee: String,
    pub slot_at: Option<DateTime<Utc>>,
    pub slot: String,
    pub updated_at: DateTime<Utc>,
    pub updated: String,
    /// Lower-case title, hook, caption, hashtags, sound, notes, assignee and subculture.
    pub haystack: String,
}

impl DraftRow {
    /// The row of `d`: `subculture` is its name and colour, `slot_at` its planned instant,
    /// shown in the account's `zone`; the update time is shown in the viewer's local time.
    pub fn new(
        d: &Draft,
        subculture: Option<(&str, Color32)>,
        slot_at: Option<DateTime<Utc>>,
        zone: Tz,
    ) -> Self {
        let subculture_name = subculture.map(|(n, _)| n.to_string()).unwrap_or_default();
        let sound = d.sound.clone().unwrap_or_default();
        let haystack = [
            d.title.as_str(),
            &d.hook,
            &d.caption,
            &d.hashtags.join(" "),
            &sound,
            &d.notes,
            &d.assignee,
            &subculture_name,
        ]
        .join("\n")
        .to_lowercase();
        let title = [d.title.trim(), d.hook.trim()]
            .into_iter()
            .find(|t| !t.is_empty())
            .unwrap_or("(untitled)")
            .to_string();
        Self {
            id: d.id,
            status: d.status,
            title,
            hook: d.hook.clone(),
            subculture_id: d.subculture,
            subculture_colour: subculture.map(|(_, c)| c),
            subculture: subculture_name,
            duration_s: d.duration_s,
            duration: d.duration_s.map(duration_seconds).unwrap_or_default(),
            sound,
            assignee: d.assignee.trim().to_string(),
            slot_at,
            slot: slot_at
                .map(|at| slot(at.with_timezone(&zone)))
                .unwrap_or_default(),
            updated_at: d.updated_at,
            updated: d
                .updated_at
                .with_timezone(&Local)
                .format("%-d %b %H:%M")
                .to_string(),
            haystack,
        }
    }

    /// Scheduled for a time that has passed as of `now`: the post went out or needs a new slot.
    pub fn is_overdue(&self, now: DateTime<Utc>) -> bool {
        self.status == DraftStatus::Scheduled && self.slot_at.is_some_and(|at| at <= now)
    }
}

#[cfg(test)]
mod tests;
