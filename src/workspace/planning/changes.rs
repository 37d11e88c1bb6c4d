//! Turning the planner's answer into store changes and a report: existing entries of re-placed
//! drafts keep their UID (so calendars update the event) and move; new placements get a new
//! UID; entries whose draft lost its slot are removed; approved drafts that got a slot become
//! scheduled, and scheduled drafts that lost theirs go back to approved.

use sha2::{Digest, Sha256};

use super::inputs::Inputs;
use super::{PlacementChange, PlanReport, PlanRequest, PlannedPost, Unplaced};
use crate::domain::{Account, Draft, DraftId, DraftStatus, PlanEntry, PlanEntryId};
use crate::schedule::{CadenceRules, Plan};
use crate::store::PlanChanges;

/// A new calendar UID: unique, and stored with the entry so it never changes.
fn new_uid(account: &Account, draft: DraftId, index: usize) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let seed = format!(
        "{}:{}:{}:{}:{}",
        account.id.0,
        draft.0,
        nanos,
        std::process::id(),
        index
    );
    let digest = Sha256::digest(seed.as_bytes());
    let hex: String = digest.iter().take(16).map(|b| format!("{b:02x}")).collect();
    format!("{hex}@scrollstop")
}

fn unplaced(d: &Draft) -> Unplaced {
    Unplaced {
        draft_id: d.id.0,
        title: d.display_title().to_string(),
    }
}

pub(super) fn build(
    account: &Account,
    rules: &CadenceRules,
    request: &PlanRequest,
    inputs: &Inputs,
    plan: &Plan,
) -> (PlanChanges, PlanReport) {
    let row = |id: DraftId| inputs.draft_rows.iter().find(|d| d.id == id);
    let mut changes = PlanChanges::default();
    let mut posts = Vec::with_capacity(plan.placements.len());
    for (i, p) in plan.placements.iter().enumerate() {
        let Some(draft) = row(p.draft) else { continue };
        let earlier = inputs.replanned.get(&p.draft).and_then(|v| v.first());
        let entry = PlanEntry {
            id: earlier.map_or(PlanEntryId(0), |e| e.id),
            account: account.id,
            draft: p.draft,
            wall_time: p.wall,
            zone: account.time_zone,
            instant: p.instant,
            uid: earlier.map_or_else(|| new_uid(account, p.draft, i), |e| e.uid.clone()),
            sequence: earlier.map_or(0, |e| e.sequence),
            pinned: false,
            reason: p.reason.clone(),
        };
        let change = match earlier {
            None => PlacementChange::New,
            Some(e) if e.instant == p.instant && e.wall_time == p.wall => PlacementChange::Kept,
            Some(_) => PlacementChange::Moved,
        };
        // Further entries of the same draft (a draft is posted once) are removed.
        if let Some(rest) = inputs.replanned.get(&p.draft) {
            changes.remove.extend(rest.iter().skip(1).map(|e| e.id));
        }
        if draft.status == DraftStatus::Approved {
            changes.statuses.push((draft.id, DraftStatus::Scheduled));
        }
        posts.push(PlannedPost {
            draft_id: p.draft.0,
            title: draft.display_title().to_string(),
            wall_time: p.wall.format("%Y-%m-%dT%H:%M").to_string(),
            zone: account.time_zone.name().to_string(),
            instant: p.instant,
            predicted_median_24h: p.score.round(),
            reason: p.reason.clone(),
            uid: entry.uid.clone(),
            change,
        });
        if earlier.is_some() {
            changes.update.push(entry);
        } else {
            changes.insert.push(entry);
        }
    }
    let mut removed = Vec::new();
    for id in &plan.unplaced {
        let Some(entries) = inputs.replanned.get(id) else {
            continue;
        };
        changes.remove.extend(entries.iter().map(|e| e.id));
        if let Some(d) = row(*id) {
            removed.push(unplaced(d));
            if d.status == DraftStatus::Scheduled {
                changes.statuses.push((d.id, DraftStatus::Approved));
            }
        }
    }
    let mut warnings = Vec::new();
    if rules.outside_advice() {
        warnings.push(format!(
            "posting-frequency: {} posts a day is outside TikTok's advice of 1-4 a day (seed tip 6).",
            rules.posts_per_day
        ));
    }
    if inputs.slots.is_empty() {
        warnings.push(format!(
            "No free slot from {} to {}: the range is over, or the cadence allows no day or hour in it.",
            request.from, request.to
        ));
    }
    if inputs.drafts.is_empty() {
        warnings.push(
            "No approved drafts without a slot: approve drafts to let the planner place them."
                .into(),
        );
    }
    let report = PlanReport {
        account: account.at_handle(),
        zone: account.time_zone.name().to_string(),
        from: request.from,
        to: request.to,
        posts_per_day: rules.posts_per_day,
        best_times: inputs.best.source.label(),
        total_predicted_median_24h: plan.total_score.round(),
        placements: posts,
        kept: inputs.kept,
        removed,
        unplaced: plan
            .unplaced
            .iter()
            .filter(|id| !inputs.replanned.contains_key(id))
            .filter_map(|id| row(*id).map(unplaced))
            .collect(),
        needs_choice: inputs.needs_choice.clone(),
        warnings,
        written: false,
    };
    (changes, report)
}
