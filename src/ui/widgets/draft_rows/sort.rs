//! The drafts table's columns and its order: the column a header click sorts by, the direction,
//! and the comparison of two prepared rows. Empty values (no length, no slot, findings or a
//! forecast still being computed) sort last in either direction; ties are newest first.

use std::cmp::Ordering;

use super::{Assessments, DraftRow};

/// A column of the drafts table, in the order they are shown; every one sorts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftColumn {
    Status,
    Title,
    Subculture,
    Duration,
    Sound,
    Assignee,
    PlannedSlot,
    Findings,
    PredictedReach,
    Updated,
}

impl DraftColumn {
    pub const ALL: [DraftColumn; 10] = [
        DraftColumn::Status,
        DraftColumn::Title,
        DraftColumn::Findings,
        DraftColumn::PredictedReach,
        DraftColumn::PlannedSlot,
        DraftColumn::Subculture,
        DraftColumn::Duration,
        DraftColumn::Sound,
        DraftColumn::Assignee,
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
            DraftColumn::Assignee => "Assignee",
            DraftColumn::PlannedSlot => "Planned slot",
            DraftColumn::Findings => "Findings",
            DraftColumn::PredictedReach => "Reach P50",
            DraftColumn::Updated => "Updated",
        }
    }

    /// What the header says on hover besides "sort".
    pub fn explanation(self) -> &'static str {
        match self {
            DraftColumn::Findings => {
                "Errors, warnings and tips from the checks. Sort: most severe first."
            }
            DraftColumn::PredictedReach => {
                "Predicted median views after 30 days in the planned slot (or now when unplanned)."
            }
            DraftColumn::Title => "The working title, or the hook when there is no title.",
            _ => "",
        }
    }

    /// True when a first click should sort biggest / newest first.
    fn starts_descending(self) -> bool {
        matches!(
            self,
            DraftColumn::Updated | DraftColumn::Findings | DraftColumn::PredictedReach
        )
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
    /// ascending (biggest first for Updated, Findings and Reach).
    pub fn clicked(self, column: DraftColumn) -> Self {
        if self.column == column {
            Self {
                column,
                descending: !self.descending,
            }
        } else {
            Self {
                column,
                descending: column.starts_descending(),
            }
        }
    }
}

/// The order of two rows under `sort`.
pub(super) fn compare(
    a: &DraftRow,
    b: &DraftRow,
    assessed: &Assessments,
    sort: DraftSort,
) -> Ordering {
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
        DraftColumn::Assignee => text(&a.assignee, &b.assignee),
        DraftColumn::PlannedSlot => present(a.slot_at.is_some(), b.slot_at.is_some(), &|| {
            a.slot_at.cmp(&b.slot_at)
        }),
        DraftColumn::Findings => {
            let key = |r: &DraftRow| {
                (assessed.of(r.id).findings.as_ref()).map(|f| (f.errors, f.warnings, f.tips))
            };
            let (x, y) = (key(a), key(b));
            present(x.is_some(), y.is_some(), &|| x.cmp(&y))
        }
        DraftColumn::PredictedReach => {
            let (x, y) = (
                assessed.of(a.id).predicted_median,
                assessed.of(b.id).predicted_median,
            );
            present(x.is_some(), y.is_some(), &|| {
                x.unwrap_or(0.0).total_cmp(&y.unwrap_or(0.0))
            })
        }
        DraftColumn::Updated => flip(a.updated_at.cmp(&b.updated_at)),
    };
    primary.then_with(|| b.updated_at.cmp(&a.updated_at))
}
