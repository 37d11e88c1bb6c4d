//! Auto-plan, re-plan and "place in best free slot" from the window. Planning fits the
//! account's model and scores every draft in every slot, so it runs on a background [`Task`]
//! the view owns, on its own workspace connection; the window keeps drawing. Auto-plan and
//! re-plan first run as a dry run and show every placement with its reason; only Apply writes
//! (one transaction, the same request and the same "now", so the planner gives the same
//! answer). Each write is one edit in the workspace's log, so one Undo takes the whole run back.

mod dialog;

use std::path::PathBuf;
use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};
use eframe::egui;

use crate::domain::{Account, DraftId};
use crate::schedule::cadence;
use crate::ui::background::Task;
use crate::ui::view::Action;
use crate::ui::widgets::format::plural;
use crate::workspace::{PlanReport, PlanRequest, Workspace, WorkspaceError};

/// Days ahead "place in best free slot" looks for a slot.
pub const PLACE_DAYS_AHEAD: u64 = 30;

/// What a planning thread is asked to do.
#[derive(Debug, Clone)]
enum Work {
    Preview(PlanRequest),
    Apply(PlanRequest),
    Place(PlanRequest, DraftId),
}

struct Done {
    work: Work,
    report: PlanReport,
}

fn run(workspace: &mut Workspace, work: Work, now: DateTime<Utc>) -> Result<Done, WorkspaceError> {
    let report = match &work {
        Work::Preview(request) | Work::Apply(request) => workspace.plan_range(request, now)?,
        Work::Place(request, draft) => workspace.place_in_best_free_slot(request, *draft, now)?,
    };
    Ok(Done { work, report })
}

/// Which draft goes where, to compare a preview with what was written.
fn placements(report: &PlanReport) -> Vec<(i64, DateTime<Utc>)> {
    report
        .placements
        .iter()
        .map(|p| (p.draft_id, p.instant))
        .collect()
}

/// The auto-plan form and its preview.
struct Form {
    title: String,
    from: String,
    to: String,
    per_day: u8,
    error: Option<String>,
    preview: Option<(PlanReport, PlanRequest)>,
}

/// The planning dialog and the thread behind it.
#[derive(Default)]
pub struct Planner {
    form: Option<Form>,
    job: Option<Task<Result<Done, WorkspaceError>>>,
    /// The "now" of the last preview, so Apply plans as of the same instant.
    now: Option<DateTime<Utc>>,
    /// The workspace file the threads open.
    path: Option<PathBuf>,
}

impl Planner {
    /// True while the dialog is open.
    pub fn is_open(&self) -> bool {
        self.form.is_some()
    }

    /// True while a planning thread runs.
    pub fn is_busy(&self) -> bool {
        self.job.is_some()
    }

    /// Opens the form for `from..=to` with the account's posts a day.
    pub fn open(
        &mut self,
        workspace: &Workspace,
        title: &str,
        account: &Account,
        from: NaiveDate,
        to: NaiveDate,
    ) {
        self.path = Some(workspace.path().to_path_buf());
        self.form = Some(Form {
            title: title.to_string(),
            from: from.to_string(),
            to: to.to_string(),
            per_day: cadence::posts_per_day(&account.cadence),
            error: None,
            preview: None,
        });
    }

    fn start(&mut self, ctx: &egui::Context, path: PathBuf, work: Work, now: DateTime<Utc>) {
        let spawned = Task::on_workspace(ctx, "calendar planning", &path, move |workspace| {
            run(workspace, work, now)
        });
        match spawned {
            Ok(task) => self.job = Some(task),
            Err(e) => {
                if let Some(form) = &mut self.form {
                    form.error = Some(format!("Could not start planning: {e}"));
                }
            }
        }
    }

    /// Places one draft in its best free slot in the next [`PLACE_DAYS_AHEAD`] days.
    pub fn place(
        &mut self,
        ctx: &egui::Context,
        workspace: &Workspace,
        account: &Account,
        draft: DraftId,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<(), String> {
        if self.is_busy() {
            return Err("Planning is still running; wait for it to finish.".into());
        }
        let request = PlanRequest {
            account: account.id,
            from: today,
            to: today + chrono::Days::new(PLACE_DAYS_AHEAD),
            per_day: None,
            dry_run: false,
        };
        self.start(
            ctx,
            workspace.path().to_path_buf(),
            Work::Place(request, draft),
            now,
        );
        Ok(())
    }

    /// Picks up a finished thread's answer.
    pub fn poll(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        let Some(job) = &mut self.job else {
            return;
        };
        let Some(ended) = job.poll() else {
            ctx.request_repaint_after(Duration::from_millis(100));
            return;
        };
        // A thread that died reads as cancelled, as it always has.
        let result = ended.unwrap_or(Err(WorkspaceError::Cancelled));
        self.job = None;
        match result {
            Ok(done) => self.finished(done, actions),
            Err(e) => {
                let message = format!("Planning failed: {e}");
                match &mut self.form {
                    Some(form) => form.error = Some(message),
                    None => actions.push(Action::Notify(message)),
                }
            }
        }
    }

    fn finished(&mut self, done: Done, actions: &mut Vec<Action>) {
        let report = done.report;
        match done.work {
            Work::Preview(request) => {
                if let Some(form) = &mut self.form {
                    form.preview = Some((report, request));
                }
            }
            Work::Apply(_) => {
                // The written plan is the previewed one unless the workspace changed between.
                let previewed = self
                    .form
                    .take()
                    .and_then(|f| f.preview)
                    .map(|(p, _)| placements(&p));
                let changed = previewed.is_some_and(|p| p != placements(&report));
                let mut summary = format!(
                    "Planned {} from {} to {}",
                    plural(report.placements.len(), "post", "posts"),
                    report.from.format("%-d %b"),
                    report.to.format("%-d %b")
                );
                if changed {
                    summary
                        .push_str(" (the workspace changed after the preview: check the calendar)");
                }
                actions.push(Action::EditApplied(summary));
            }
            Work::Place(..) => {
                let Some(post) = report.placements.first() else {
                    let why = report
                        .warnings
                        .first()
                        .cloned()
                        .unwrap_or_else(|| "the cadence leaves no free slot".into());
                    actions.push(Action::Notify(format!(
                        "No free slot in the next {PLACE_DAYS_AHEAD} days: {why}"
                    )));
                    return;
                };
                actions.push(Action::EditApplied(format!(
                    "Placed \"{}\" at {}: {}",
                    post.title,
                    post.wall_time.replace('T', " "),
                    post.reason
                )));
            }
        }
    }
}
