//! FollowerGender.csv: the followers' gender split (`"Gender","Distribution"`, rows Female,
//! Male, Other with fractions `"0.59"` or percents `"59%"`).
//!
//! It only names the layout and the groups; shares are read as every share report reads them.

use super::columns::{Layout, required};
use super::{Parsed, StudioFile, shares};
use crate::domain::AudienceDimension;
use crate::io::{ImportError, ReportKind};

pub(super) const LAYOUT: Layout = Layout {
    kind: ReportKind::FollowerGender,
    columns: &[
        required(&["gender"]),
        required(&["distribution", "share", "percentage"]),
    ],
    ignored: &[],
};

pub(super) fn read(input: &StudioFile<'_>) -> Result<Parsed, ImportError> {
    shares::read(input, &LAYOUT, AudienceDimension::Gender, gender)
}

/// `Female`, `Male`, `Other` in that spelling, whatever the case in the file.
fn gender(text: &str) -> Result<String, String> {
    let trimmed = text.trim();
    ["Female", "Male", "Other"]
        .into_iter()
        .find(|g| g.eq_ignore_ascii_case(trimmed))
        .map(str::to_string)
        .ok_or_else(|| {
            format!("\"{trimmed}\" is not a gender TikTok reports (Female, Male, Other)")
        })
}
