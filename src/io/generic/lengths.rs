//! How long a cell of a video history may be: a caption (and a hashtag list, which is part of
//! the caption) up to TikTok's in-app limit from the one table of platform limits
//! ([`crate::checks::platform_limits`]), any other cell up to [`LONGEST_OTHER_CELL`] characters.
//!
//! A longer cell makes its row a rejection that names the limit; it is never cut short and
//! stored. The numbers are never copied here: the caption's comes from the table.

use super::mapping::{Field, Mapping};
use crate::checks::platform_limits;
use crate::io::csv_table::Row;
use crate::text::thousands;

/// The longest sound name, account, link, date or count taken: far beyond any TikTok writes.
pub(super) const LONGEST_OTHER_CELL: usize = 1_000;

/// The most characters `field` may hold (asked for every cell of every row, so it only looks
/// the number up).
fn most_chars(field: Field) -> usize {
    match field {
        Field::Caption | Field::Hashtags => platform_limits().caption_in_app.count(),
        _ => LONGEST_OTHER_CELL,
    }
}

/// What the limit of `field` is, for the message refusing a longer cell.
fn limit_source(field: Field) -> String {
    match field {
        Field::Caption | Field::Hashtags => {
            let caption = &platform_limits().caption_in_app;
            format!("{} ({})", caption.what, caption.cited())
        }
        _ => format!(
            "far more than any {} TikTok writes",
            field.label().to_lowercase()
        ),
    }
}

/// Why a cell of `chars` characters is refused for `field` (the column named `column`).
pub(super) fn too_long(field: Field, column: &str, chars: usize) -> String {
    let (most, what) = (most_chars(field), limit_source(field));
    format!(
        "{} ({column}): {} characters, more than the {} allowed: {what}",
        field.label(),
        thousands(chars as i64),
        thousands(most as i64),
    )
}

/// Every mapped cell of `row` longer than its field allows, as reasons.
pub(super) fn over_long_cells(row: &Row, mapping: &Mapping) -> Vec<String> {
    let mut reasons = Vec::new();
    if row.text_len() <= LONGEST_OTHER_CELL.min(most_chars(Field::Caption)) {
        // The usual row: all its cells together are shorter than any limit.
        return reasons;
    }
    for field in Field::ALL {
        let Some(text) = mapping.column(field).and_then(|i| row.get(i)) else {
            continue;
        };
        let most = most_chars(field);
        // Bytes bound characters from above: only a long cell is counted.
        if text.len() > most {
            let chars = text.chars().count();
            if chars > most {
                let column = mapping.column_name(field).unwrap_or_default();
                reasons.push(too_long(field, column, chars));
            }
        }
    }
    reasons
}

/// Why a row too long to hold is refused: its longest cell (`column`, `chars` characters) named
/// by the field it maps to and that field's limit.
pub(super) fn row_too_long(mapping: &Mapping, column: usize, chars: usize) -> String {
    let header = mapping
        .headers()
        .get(column)
        .map(String::as_str)
        .unwrap_or_default();
    match Field::ALL
        .into_iter()
        .find(|f| mapping.column(*f) == Some(column))
    {
        Some(field) => too_long(field, header, chars),
        None => format!(
            "the row is too long to read: its column {} ({header}) holds {} characters",
            column + 1,
            thousands(chars as i64)
        ),
    }
}
