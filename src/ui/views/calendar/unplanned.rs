//! The drafts without a slot that the toolbar offers to place ("Place in best free slot"):
//! the account's live drafts that are neither planned nor posted, approved ones first. A
//! team's account has thousands, so they are read in the background ([`Reading`]) once per
//! revision and account, while the calendar itself is drawn at once.

use chrono::{DateTime, Utc};

use super::data::titled;
use crate::domain::{Account, AccountId, DraftId, DraftStatus};
use crate::ui::reading::Reading;
use crate::ui::widgets::draft_picker::DraftChoice;
use crate::workspace::{Workspace, WorkspaceError};

/// The drafts to place, read for a revision and an account.
pub type Unplanned = Reading<(u64, AccountId), Vec<DraftChoice>>;

/// Reads the drafts of `account` that can be placed.
pub fn read(workspace: &Workspace, account: AccountId) -> Result<Vec<DraftChoice>, WorkspaceError> {
    let planned: std::collections::HashSet<DraftId> = workspace
        .plan_entries(account, DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC)?
        .iter()
        .map(|e| e.draft)
        .collect();
    let mut unplanned: Vec<DraftChoice> = workspace
        .draft_outlines(account)?
        .iter()
        .filter(|d| !planned.contains(&d.id) && d.status != DraftStatus::Posted)
        .map(|d| DraftChoice::new(d.id, &titled(&d.title), d.status))
        .collect();
    unplanned.sort_by_key(|u| (u.status != DraftStatus::Approved, u.id));
    Ok(unplanned)
}

/// Starts reading `account`'s drafts to place when the revision or the account moved.
pub fn refresh(
    unplanned: &mut Unplanned,
    egui_ctx: &eframe::egui::Context,
    workspace: &Workspace,
    revision: u64,
    account: &Account,
) {
    unplanned.poll();
    let key = (revision, account.id);
    if unplanned.needs(&key) {
        let id = account.id;
        unplanned.start(
            egui_ctx,
            "calendar drafts to place",
            workspace.path(),
            key,
            move |w| read(w, id),
        );
    }
}

/// The drafts to place of `account`, once read; `Err` says why they could not be.
pub fn of(unplanned: &Unplanned, account: AccountId) -> Option<Result<&[DraftChoice], &str>> {
    unplanned
        .latest_if(|(_, read_for)| *read_for == account)
        .map(|drafts| drafts.map(Vec::as_slice))
}
