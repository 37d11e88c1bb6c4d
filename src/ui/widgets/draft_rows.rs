//! The drafts table's rows: one prepared row per draft, the status filter and word search
//! over them, and sorting by any column. Rows are built once per load and the visible order once
//! per query, so a frame with 10,000 drafts formats and sorts nothing. Pure: no workspace, no
//! drawing.

use std::cmp::Ordering;

use chrono::{DateTime, Local, Utc};
use chrono_tz::Tz;
use eframe::egui::Color32;

use super::format::{duration_seconds, slot};
use crate::domain::{Draft, DraftStatus};

/// A column users can sort the table by, in the order they are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftColumn {
    Status,
    Title,
    Subculture,
    Duration,
    Sound,
    Aspect,
    Assignee,
    PlannedSlot,
    Updated,
}

impl DraftColumn {
    pub const ALL: [DraftColumn; 9] = [
        DraftColumn::Status,
        DraftColumn::Title,
        DraftColumn::Subculture,
        DraftColumn::Duration,
        DraftColumn::Sound,
        DraftColumn::Aspect,
        DraftColumn::Assignee,
        DraftColumn::PlannedSlot,
        DraftColumn::Updated,
    ];

    /// The header's text.
    pub fn label(self) -> &'static str {
        match self {
            DraftColumn::Status => "Status",
            DraftColumn::Title => "Title",
            DraftColumn::Subculture => "Subculture",
            DraftColumn::Duration => "Length",
            DraftColumn::Sound => "Sound",
            DraftColumn::Aspect => "Aspect",
            DraftColumn::Assignee => "Assignee",
            DraftColumn::PlannedSlot => "Planned slot",
            DraftColumn::Updated => "Updated",
        }
    }
}

/// The table's order: a column and its direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DraftSort {
    pub column: DraftColumn,
    pub descending: bool,
}

impl Default for DraftSort {
    /// Most recently updated first: what the team touched last is what it looks for.
    fn default() -> Self {
        Self {
            column: DraftColumn::Updated,
            descending: true,
        }
    }
}

impl DraftSort {
    /// The order after a click on `column`'s header: the same column flips, another starts
    /// ascending (newest first for Updated).
    pub fn clicked(self, column: DraftColumn) -> Self {
        if self.column == column {
            Self {
                column,
                descending: !self.descending,
            }
        } else {
            Self {
                column,
                descending: column == DraftColumn::Updated,
            }
        }
    }
}

/// One draft, prepared for drawing and sorting.
#[derive(Debug, Clone)]
pub struct DraftRow {
    pub status: DraftStatus,
    pub title: String,
    pub subculture: String,
    pub subculture_colour: Option<Color32>,
    pub duration_s: Option<f32>,
    pub duration: String,
    pub sound: String,
    pub aspect: &'static str,
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
        Self {
            status: d.status,
            title: if d.title.is_empty() {
                "(untitled)".to_string()
            } else {
                d.title.clone()
            },
            subculture_colour: subculture.map(|(_, c)| c),
            subculture: subculture_name,
            duration_s: d.duration_s,
            duration: d.duration_s.map(duration_seconds).unwrap_or_default(),
            sound,
            aspect: d.aspect.as_str(),
            assignee: d.assignee.clone(),
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
}

/// Indices of the rows with `status` (all when `None`) that contain every word of `search`,
/// in `sort`'s order. Empty values sort last in either direction; ties newest first.
pub fn visible_rows(
    rows: &[DraftRow],
    status: Option<DraftStatus>,
    search: &str,
    sort: DraftSort,
) -> Vec<usize> {
    let words: Vec<String> = search.split_whitespace().map(str::to_lowercase).collect();
    let mut visible: Vec<usize> = (0..rows.len())
        .filter(|i| {
            let r = &rows[*i];
            status.is_none_or(|s| r.status == s)
                && words.iter().all(|w| r.haystack.contains(w.as_str()))
        })
        .collect();
    visible.sort_by(|a, b| compare(&rows[*a], &rows[*b], sort));
    visible
}

fn compare(a: &DraftRow, b: &DraftRow, sort: DraftSort) -> Ordering {
    let flip = |o: Ordering| if sort.descending { o.reverse() } else { o };
    // Present values first, then the column's order, flipped when descending.
    let present = |x: bool, y: bool, order: &dyn Fn() -> Ordering| match (x, y) {
        (true, true) => flip(order()),
        (false, false) => Ordering::Equal,
        (true, false) => Ordering::Less,
        (false, true) => Ordering::Greater,
    };
    let text = |x: &str, y: &str| {
        present(!x.is_empty(), !y.is_empty(), &|| {
            let y = y.chars().flat_map(char::to_lowercase);
            x.chars().flat_map(char::to_lowercase).cmp(y)
        })
    };
    let primary = match sort.column {
        DraftColumn::Status => flip(a.status.cmp(&b.status)),
        DraftColumn::Title => text(&a.title, &b.title),
        DraftColumn::Subculture => text(&a.subculture, &b.subculture),
        DraftColumn::Duration => present(a.duration_s.is_some(), b.duration_s.is_some(), &|| {
            a.duration_s
                .unwrap_or(0.0)
                .total_cmp(&b.duration_s.unwrap_or(0.0))
        }),
        DraftColumn::Sound => text(&a.sound, &b.sound),
        DraftColumn::Aspect => text(a.aspect, b.aspect),
        DraftColumn::Assignee => text(&a.assignee, &b.assignee),
        DraftColumn::PlannedSlot => present(a.slot_at.is_some(), b.slot_at.is_some(), &|| {
            a.slot_at.cmp(&b.slot_at)
        }),
        DraftColumn::Updated => flip(a.updated_at.cmp(&b.updated_at)),
    };
    primary.then_with(|| b.updated_at.cmp(&a.updated_at))
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::domain::AccountId;

    fn draft(title: &str, status: DraftStatus, duration: Option<f32>, minute: u32) -> DraftRow {
        let at = Utc
            .with_ymd_and_hms(2026, 5, 1, 12, minute, 0)
            .single()
            .expect("valid instant");
        let mut d = Draft::blank(AccountId(1), at);
        d.title = title.to_string();
        d.status = status;
        d.duration_s = duration;
        d.caption = format!("{title} #knitting");
        DraftRow::new(&d, None, None, chrono_tz::UTC)
    }

    fn rows() -> Vec<DraftRow> {
        vec![
            draft("Rainy knits", DraftStatus::Idea, Some(14.0), 1),
            draft("apple cake", DraftStatus::Approved, None, 2),
            draft("Burpee ladder", DraftStatus::Idea, Some(31.0), 3),
        ]
    }

    #[test]
    fn newest_first_by_default() {
        assert_eq!(
            visible_rows(&rows(), None, "", DraftSort::default()),
            vec![2, 1, 0]
        );
    }

    #[test]
    fn titles_sort_case_insensitively_and_flip() {
        let sort = DraftSort::default().clicked(DraftColumn::Title);
        assert_eq!(visible_rows(&rows(), None, "", sort), vec![1, 2, 0]);
        assert_eq!(
            visible_rows(&rows(), None, "", sort.clicked(DraftColumn::Title)),
            vec![0, 2, 1]
        );
    }

    #[test]
    fn missing_lengths_sort_last_both_ways() {
        let sort = DraftSort::default().clicked(DraftColumn::Duration);
        assert_eq!(visible_rows(&rows(), None, "", sort), vec![0, 2, 1]);
        let sort = sort.clicked(DraftColumn::Duration);
        assert_eq!(visible_rows(&rows(), None, "", sort), vec![2, 0, 1]);
    }

    #[test]
    fn status_and_every_search_word_filter() {
        let sort = DraftSort::default();
        assert_eq!(
            visible_rows(&rows(), Some(DraftStatus::Idea), "", sort),
            vec![2, 0]
        );
        assert_eq!(visible_rows(&rows(), None, "KNITTING rainy", sort), vec![0]);
        assert!(visible_rows(&rows(), Some(DraftStatus::Posted), "", sort).is_empty());
    }
}
