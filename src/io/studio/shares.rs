//! The shared reading of Studio's audience-share reports (FollowerGender,
//! FollowerTopTerritories): one group per row and its share, written as a fraction (`0.59`)
//! or a percent (`59%`), captured on the export date.
//!
//! It never rescales shares that do not add up (it notes it) and never reads a share outside
//! 0..1 or two rows for one group.

use super::columns::{Layout, width_problem};
use super::daily::locate;
use super::{Parsed, Record, StudioFile};
use crate::domain::AudienceDimension;
use crate::io::numbers::parse_share;
use crate::io::{ImportError, ShareRecord};

const KEY: usize = 0;
const SHARE: usize = 1;

/// Reads a share report whose layout has the group first and the share second; `key` turns a
/// group as written into the key kept (`Female`, `NL`, `Others`).
pub(super) fn read(
    input: &StudioFile<'_>,
    layout: &Layout,
    dimension: AudienceDimension,
    key: fn(&str) -> Result<String, String>,
) -> Result<Parsed, ImportError> {
    let located = locate(input, layout)?;
    if input.table.rows.iter().all(|row| row.is_blank()) {
        // A header-only file has no day to describe: nothing to place, nothing to ask.
        let skipped = input.table.rows.len();
        return Ok(Parsed {
            skipped,
            export_date: input.clues.export_date(),
            ..Parsed::default()
        });
    }
    let export = input.clues.export_date().ok_or_else(|| ImportError::AtLine {
        file: input.file.to_string(),
        line: input.table.header_line,
        reason: "Scrollstop cannot tell when this file was exported, so not which day these shares describe; give the export date and import again".to_string(),
    })?;
    let mut parsed = Parsed::default();
    let mut seen: Vec<(String, usize)> = Vec::new();
    let mut total = 0.0;
    for row in &input.table.rows {
        if row.is_blank() {
            parsed.skipped += 1;
            continue;
        }
        if let Some(problem) = width_problem(input.table, row) {
            parsed.reject(row.line(), problem);
            continue;
        }
        let group = located
            .cell(row, KEY)
            .ok_or_else(|| format!("{} is empty", located.name(KEY)))
            .and_then(key);
        let share = located
            .parse(row, SHARE, parse_share)
            .and_then(|s| s.ok_or_else(|| format!("{} is empty", located.name(SHARE))));
        let (group, share) = match (group, share) {
            (Ok(group), Ok(share)) => (group, share),
            (group, share) => {
                let problems: Vec<String> =
                    [group.err(), share.err()].into_iter().flatten().collect();
                parsed.reject(row.line(), problems.join("; "));
                continue;
            }
        };
        if let Some((_, first)) = seen.iter().find(|(g, _)| g.eq_ignore_ascii_case(&group)) {
            parsed.reject(row.line(), format!("{group} is already on line {first}"));
            continue;
        }
        seen.push((group.clone(), row.line()));
        total += share;
        parsed.records.push(Record::Share(ShareRecord {
            dimension,
            key: group,
            share,
            captured_on: export.date,
        }));
    }
    if !parsed.records.is_empty() && !(0.98..=1.02).contains(&total) {
        parsed.notes.push(format!(
            "the shares add up to {:.0}%, not 100%",
            total * 100.0
        ));
    }
    parsed.dates.push(export.date);
    parsed.export_date = Some(export);
    Ok(parsed)
}
