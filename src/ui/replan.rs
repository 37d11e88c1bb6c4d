//! "Re-plan" for an overdue post (the editor's one-click fix): places the draft in its best
//! free slot from now on, the calendar's "place in best free slot", on a background job with
//! its own workspace connection. The placement is one edit in the workspace's log, so Undo
//! takes it back like any planning run. It never draws; it only starts the job.

use chrono::{DateTime, Utc};
use eframe::egui;

use super::app::ScrollstopApp;
use super::jobs::JobDone;
use super::status_bar::Notice;
use crate::domain::DraftId;
use crate::workspace::{PlanRequest, Workspace, WorkspaceError};

/// Days ahead a re-planned post may land (as the calendar's "place in best free slot").
const REPLAN_DAYS_AHEAD: u64 = 30;

/// Places `draft` in its best free slot in the next [`REPLAN_DAYS_AHEAD`] days from `now`;
/// returns what it did, in words.
pub fn replan(
    workspace: &mut Workspace,
    draft: DraftId,
    now: DateTime<Utc>,
) -> Result<String, WorkspaceError> {
    let account = workspace.draft(draft)?.account;
    let today = now.date_naive();
    let request = PlanRequest {
        account,
        from: today,
        to: today + chrono::Days::new(REPLAN_DAYS_AHEAD),
        per_day: None,
        dry_run: false,
    };
    let report = workspace.place_in_best_free_slot(&request, draft, now)?;
    let summary = match report.placements.iter().find(|p| p.draft_id == draft.0) {
        Some(p) => format!(
            "Re-planned \"{}\" for {}",
            p.title,
            p.wall_time.replace('T', " ")
        ),
        None => "Re-plan found no free slot in the next 30 days".to_string(),
    };
    Ok(summary)
}

impl ScrollstopApp {
    /// Starts re-planning `draft` on its own connection.
    pub(super) fn start_replan(&mut self, ctx: &egui::Context, draft: DraftId) {
        let started = self.jobs.start(
            ctx,
            "Re-planning the post",
            &self.path,
            move |workspace, _progress| {
                replan(workspace, draft, Utc::now()).map(JobDone::Replanned)
            },
        );
        if let Err(refused) = started {
            self.notice = Some(Notice::error(refused.to_string()));
        }
    }
}
