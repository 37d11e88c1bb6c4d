//! Writing the drafts of a drafts CSV inside an import's batch: the row's subculture and
//! planned time resolved against the workspace, the draft added with its plan entry, and a row
//! already there (same account, title and caption) left alone, so importing the same file twice
//! adds nothing. The import preview runs the very same writes and rolls them back.

use chrono::{DateTime, LocalResult, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use crate::domain::{AccountId, Draft, DraftId, DraftStatus, Handle, PlanEntry, PlanEntryId};
use crate::io::{DraftRecord, PlannedAt};
use crate::store::{Batch, Change, StoreError};

/// One draft row of a drafts CSV as the preview lists it (rejected rows are in the report's
/// rejections instead).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DraftRow {
    pub file: String,
    pub line: usize,
    /// The title, else the hook, else the start of the caption.
    pub title: String,
    /// `@handle`.
    pub account: String,
    /// `2026-03-01 18:30 Europe/Amsterdam` when the row plans the draft.
    pub planned: Option<String>,
    /// `Added` for a new draft, `Unchanged` for one already in the workspace.
    pub change: Change,
}

impl DraftRow {
    pub(super) fn new(
        file: &str,
        account: &Handle,
        d: &DraftRecord,
        change: Change,
        planned: Option<String>,
    ) -> DraftRow {
        let title = [&d.title, &d.hook, &d.caption]
            .into_iter()
            .find(|t| !t.is_empty())
            .map(|t| t.chars().take(60).collect())
            .unwrap_or_default();
        DraftRow {
            file: file.to_string(),
            line: d.line,
            title,
            account: account.to_string(),
            planned,
            change,
        }
    }
}

/// What storing one draft row did: its change and planned time as shown, or why it is refused.
pub(super) type Stored = Result<(Change, Option<String>), String>;

/// Stores one draft row for `account` (unless an identical one is there); `Err(reason)` rejects
/// the row.
pub(super) fn store_draft(
    batch: &Batch<'_>,
    account: AccountId,
    d: &DraftRecord,
    now: DateTime<Utc>,
) -> Result<Stored, StoreError> {
    let subculture = match &d.subculture {
        Some(name) => match batch.find_subculture(name)? {
            Some(id) => Some(id),
            None => {
                return Ok(Err(format!(
                    "subculture \"{}\" is not in the workspace: add it under Subcultures, or leave the cell empty",
                    name.chars().take(40).collect::<String>()
                )));
            }
        },
        None => None,
    };
    let planned = match d.planned_at {
        Some(at) => {
            let zone = batch.account_zone(account)?;
            match resolve(at, zone) {
                Ok(slot) => Some((slot.0, slot.1, zone)),
                Err(reason) => return Ok(Err(reason)),
            }
        }
        None => None,
    };
    let shown =
        planned.map(|(wall, _, zone)| format!("{} {}", wall.format("%Y-%m-%d %H:%M"), zone));
    if batch.find_draft(account, &d.title, &d.caption)?.is_some() {
        return Ok(Ok((Change::Unchanged, shown)));
    }
    let blank = Draft::blank(account, now);
    let draft = Draft {
        title: d.title.clone(),
        hook: d.hook.clone(),
        opening: d.opening.unwrap_or(blank.opening),
        caption: d.caption.clone(),
        hashtags: d.hashtags.clone(),
        subculture,
        sound: d.sound.clone(),
        sound_bpm: d.bpm,
        duration_s: d.duration_s,
        aspect: d.aspect.unwrap_or(blank.aspect),
        allow_duet: d.allow_duet.unwrap_or(blank.allow_duet),
        allow_stitch: d.allow_stitch.unwrap_or(blank.allow_stitch),
        allow_comments: d.allow_comments.unwrap_or(blank.allow_comments),
        language: d.language.clone(),
        region: d.region.clone(),
        status: d.status.unwrap_or(if planned.is_some() {
            DraftStatus::Scheduled
        } else {
            DraftStatus::Draft
        }),
        assignee: d.assignee.clone(),
        notes: d.notes.clone(),
        ..blank
    };
    let id = batch.add_draft(&draft)?;
    if let Some((wall_time, instant, zone)) = planned {
        batch.add_plan_entry(&PlanEntry {
            id: PlanEntryId(0),
            account,
            draft: id,
            wall_time,
            zone,
            instant,
            uid: plan_uid(id, &draft, now),
            sequence: 0,
            pinned: false,
            reason: "planned in a drafts CSV".into(),
        })?;
    }
    Ok(Ok((Change::Added, shown)))
}

/// The wall time in the account's zone and the instant of a planned time, or why it cannot be
/// placed (a wall time inside a clock change's gap).
fn resolve(at: PlannedAt, zone: Tz) -> Result<(NaiveDateTime, DateTime<Utc>), String> {
    match at {
        PlannedAt::At(instant) => Ok((instant.with_timezone(&zone).naive_local(), instant)),
        PlannedAt::Wall(wall) => match zone.from_local_datetime(&wall) {
            LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => {
                Ok((wall, t.with_timezone(&Utc)))
            }
            LocalResult::None => Err(format!(
                "planned at {} does not exist in {zone} (the clocks go forward then): pick another time",
                wall.format("%Y-%m-%d %H:%M")
            )),
        },
    }
}

/// A calendar UID that never repeats: the draft's id plus a hash of what it is and when it was
/// imported.
fn plan_uid(id: DraftId, d: &Draft, now: DateTime<Utc>) -> String {
    let stamp = now.timestamp_nanos_opt().unwrap_or_default().to_string();
    let h = [d.title.as_str(), d.caption.as_str(), stamp.as_str()]
        .iter()
        .flat_map(|p| p.bytes().chain(std::iter::once(0)))
        .fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
    format!("draft-{}-{h:016x}@scrollstop", id.0)
}
