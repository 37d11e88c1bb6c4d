//! The posting calendar leaves the app: iCalendar ([`ics`], FORMATS.md section 4) and CSV
//! ([`csv`], section 5). Writers take plain [`CalendarEvent`]s the workspace builds from its
//! plan entries; they never touch the workspace and never fail on user text (any caption,
//! emoji or control character is escaped, folded or neutralised).

pub mod csv;
pub mod ics;
#[cfg(test)]
mod tests;

use crate::text::round_views;
use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use crate::domain::{DraftStatus, Handle};

/// How long an exported posting event lasts.
pub const EVENT_MINUTES: i64 = 15;
/// The reminder fires this many minutes before the post.
pub const REMINDER_MINUTES: i64 = 15;

/// iCalendar STATUS of a planned post.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum EventStatus {
    /// Ideas and drafts not yet approved.
    Tentative,
    /// Approved, scheduled or posted.
    Confirmed,
    /// Removed (its draft is in the Trash).
    Cancelled,
}

impl EventStatus {
    /// The status of a draft's event.
    pub fn of(status: DraftStatus, removed: bool) -> Self {
        if removed {
            return Self::Cancelled;
        }
        match status {
            DraftStatus::Idea | DraftStatus::Draft | DraftStatus::InReview => Self::Tentative,
            DraftStatus::Approved | DraftStatus::Scheduled | DraftStatus::Posted => Self::Confirmed,
        }
    }

    pub fn as_ics(self) -> &'static str {
        match self {
            Self::Tentative => "TENTATIVE",
            Self::Confirmed => "CONFIRMED",
            Self::Cancelled => "CANCELLED",
        }
    }
}

/// The model's 30-day views range for the post.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PredictedRange {
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
}

/// One planned post as the exports write it.
#[derive(Debug, Clone, PartialEq)]
pub struct CalendarEvent {
    /// Stable forever: re-exports update the user's calendar instead of duplicating.
    pub uid: String,
    /// Goes up on every reschedule.
    pub sequence: u32,
    pub account: Handle,
    pub zone: Tz,
    /// The intended local wall time.
    pub wall: NaiveDateTime,
    pub instant: DateTime<Utc>,
    pub title: String,
    pub caption: String,
    pub hashtags: Vec<String>,
    pub sound: Option<String>,
    pub subculture: Option<String>,
    pub draft_status: DraftStatus,
    pub status: EventStatus,
    pub predicted: Option<PredictedRange>,
    /// Why the planner chose the slot, when it did.
    pub reason: String,
    pub created: DateTime<Utc>,
    pub last_modified: DateTime<Utc>,
}

impl CalendarEvent {
    pub fn end(&self) -> DateTime<Utc> {
        self.instant + Duration::minutes(EVENT_MINUTES)
    }

    /// `title (@handle)`: the title first, so a calendar's narrow cell shows what to post.
    pub fn summary(&self) -> String {
        let title = if self.title.trim().is_empty() {
            "(untitled)"
        } else {
            self.title.trim()
        };
        format!("{title} ({})", self.account)
    }

    /// `#a #b`.
    pub fn hashtag_text(&self) -> String {
        self.hashtags
            .iter()
            .map(|t| format!("#{}", t.trim_start_matches('#')))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The plain-text description both formats carry.
    pub fn description(&self) -> String {
        let mut lines = vec![self.caption.clone(), String::new()];
        if !self.hashtags.is_empty() {
            lines.push(format!("Hashtags: {}", self.hashtag_text()));
        }
        lines.push(format!(
            "Sound: {}",
            self.sound.as_deref().unwrap_or("none (original audio)")
        ));
        lines.push(format!("Status: {}", self.draft_status.label()));
        if let Some(p) = self.predicted {
            lines.push(format!(
                "Predicted 30-day views: {} to {} (median {})",
                round_views(p.p10),
                round_views(p.p90),
                round_views(p.p50)
            ));
        }
        lines.push(format!(
            "Planned for {} {}",
            self.wall.format("%a %-d %b %Y %H:%M"),
            self.zone.name()
        ));
        if !self.reason.is_empty() {
            lines.push(format!("Why this slot: {}", self.reason));
        }
        lines.join("\n")
    }
}

#[cfg(test)]
pub(crate) mod sample {
    use chrono::{NaiveDate, TimeZone, Utc};

    use super::*;

    /// An event with every field set, including text that needs escaping.
    pub fn event() -> CalendarEvent {
        let zone = chrono_tz::Europe::Amsterdam;
        let wall = NaiveDate::from_ymd_opt(2026, 12, 1)
            .unwrap()
            .and_hms_opt(18, 0, 0)
            .unwrap();
        CalendarEvent {
            uid: "0123456789abcdef0123456789abcdef@scrollstop".into(),
            sequence: 2,
            account: "mossandmoor".parse().unwrap(),
            zone,
            wall,
            instant: Utc.with_ymd_and_hms(2026, 12, 1, 17, 0, 0).unwrap(),
            title: "Herfstkrans; bos, mos & meer".into(),
            caption: "Drie kransen 🍂🧶 uit het bos, één middag\\ klaar? Vertel het me!\n#cottagecore #diy".into(),
            hashtags: vec!["cottagecore".into(), "diy".into()],
            sound: Some("Autumn Leaves - Café Trio".into()),
            subculture: Some("#CottageCore, slow living".into()),
            draft_status: DraftStatus::Approved,
            status: EventStatus::Confirmed,
            predicted: Some(PredictedRange {
                p10: 1234.0,
                p50: 4567.0,
                p90: 23456.0,
            }),
            reason: "Tue 1 Dec 18:00: audience peak, +40% over the day's median slot".into(),
            created: Utc.with_ymd_and_hms(2026, 11, 20, 12, 0, 0).unwrap(),
            last_modified: Utc.with_ymd_and_hms(2026, 11, 21, 9, 30, 0).unwrap(),
        }
    }

    #[test]
    fn statuses_follow_the_draft() {
        assert_eq!(
            EventStatus::of(DraftStatus::Idea, false),
            EventStatus::Tentative
        );
        assert_eq!(
            EventStatus::of(DraftStatus::Scheduled, false),
            EventStatus::Confirmed
        );
        assert_eq!(
            EventStatus::of(DraftStatus::Approved, true),
            EventStatus::Cancelled
        );
        assert_eq!(round_views(23456.0), "23,000");
        assert_eq!(round_views(1234567.0), "1,200,000");
        assert_eq!(round_views(42.4), "42");
    }
}
