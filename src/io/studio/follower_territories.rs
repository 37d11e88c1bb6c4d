//! FollowerTopTerritories.csv: where followers are (`"Top territories","Distribution"`), as
//! ISO-3166 alpha-2 codes (`XK` included) plus `Others`.
//!
//! It only names the layout and the keys; shares are read as every share report reads them.
//! It never turns a name it does not know into a code.

use super::columns::{Layout, required};
use super::{Parsed, StudioFile, shares};
use crate::domain::AudienceDimension;
use crate::io::{ImportError, ReportKind};

pub(super) const LAYOUT: Layout = Layout {
    kind: ReportKind::FollowerTopTerritories,
    columns: &[
        required(&[
            "top territories",
            "territory",
            "territories",
            "country/region",
        ]),
        required(&["distribution", "share", "percentage"]),
    ],
    ignored: &[],
};

pub(super) fn read(input: &StudioFile<'_>) -> Result<Parsed, ImportError> {
    shares::read(input, &LAYOUT, AudienceDimension::Territory, territory)
}

/// A two-letter code in upper case, or `Others`.
fn territory(text: &str) -> Result<String, String> {
    let trimmed = text.trim();
    if trimmed.eq_ignore_ascii_case("others") || trimmed.eq_ignore_ascii_case("other") {
        return Ok("Others".to_string());
    }
    if trimmed.len() == 2 && trimmed.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Ok(trimmed.to_ascii_uppercase());
    }
    Err(format!(
        "\"{trimmed}\" is not a two-letter territory code (like NL or XK) or Others"
    ))
}
