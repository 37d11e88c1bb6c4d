//! Which drafts the table shows: status, subculture, assignee, finding and every word of a
//! free-text search over title, hook, caption, hashtags, sound and notes. Pure: it reads the
//! prepared rows and their assessments only.

use super::{Assessment, Assessments, DraftRow, compare};
use crate::domain::{DraftStatus, SubcultureId};
use crate::ui::widgets::draft_rows::DraftSort;

/// A finding the table can be narrowed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FindingFilter {
    /// At least one error.
    AnyError,
    /// At least one warning.
    AnyWarning,
    /// Nothing found at all.
    Clean,
    /// This rule id, e.g. `caption-too-long`.
    Rule(&'static str),
}

impl FindingFilter {
    /// What the filter's combo box says.
    pub fn label(self) -> String {
        match self {
            FindingFilter::AnyError => "Any error".to_string(),
            FindingFilter::AnyWarning => "Any warning".to_string(),
            FindingFilter::Clean => "No findings".to_string(),
            FindingFilter::Rule(rule) => rule.to_string(),
        }
    }

    fn matches(self, assessment: &Assessment) -> bool {
        // Rows whose checks are still running match no finding filter until they are known.
        let Some(f) = &assessment.findings else {
            return false;
        };
        match self {
            FindingFilter::AnyError => f.errors > 0,
            FindingFilter::AnyWarning => f.warnings > 0,
            FindingFilter::Clean => f.is_clean(),
            FindingFilter::Rule(rule) => f.rules.contains(&rule),
        }
    }
}

/// What the filter bar asks for; `None` everywhere shows every draft.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DraftFilter {
    pub status: Option<DraftStatus>,
    /// `Some(None)`: drafts without a subculture.
    pub subculture: Option<Option<SubcultureId>>,
    /// `Some("")`: drafts nobody is assigned to.
    pub assignee: Option<String>,
    pub finding: Option<FindingFilter>,
    pub search: String,
}

impl DraftFilter {
    /// True when anything narrows the table.
    pub fn is_active(&self) -> bool {
        self.status.is_some()
            || self.subculture.is_some()
            || self.assignee.is_some()
            || self.finding.is_some()
            || !self.search.trim().is_empty()
    }
}

/// Indices of the rows that pass `filter`, in `sort`'s order (findings and reach from
/// `assessed`).
pub fn visible_rows(
    rows: &[DraftRow],
    assessed: &Assessments,
    filter: &DraftFilter,
    sort: DraftSort,
) -> Vec<usize> {
    let words: Vec<String> = filter
        .search
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    let mut visible: Vec<usize> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            filter.status.is_none_or(|s| r.status == s)
                && filter.subculture.is_none_or(|s| r.subculture_id == s)
                && filter.assignee.as_ref().is_none_or(|a| r.assignee == *a)
                && filter.finding.is_none_or(|f| f.matches(assessed.of(r.id)))
                && words.iter().all(|w| r.haystack.contains(w.as_str()))
        })
        .map(|(i, _)| i)
        .collect();
    visible.sort_by(|a, b| compare(&rows[*a], &rows[*b], assessed, sort));
    visible
}
