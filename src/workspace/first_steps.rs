//! A new user's first steps, read from what the workspace really holds: analytics imported,
//! the audience's hours looked at, a subculture of their own, a draft written until it passes
//! the checks, its predicted reach looked at, a week auto-planned and the calendar exported.
//!
//! Most steps are plain queries on the stored data (undoing the edit takes the tick back).
//! Three are about looking at or sending something out, which leaves no other trace: they are
//! recorded as workspace settings when they happen ([`Workspace::record_first_step`]).

use chrono::{DateTime, Utc};

use super::{Workspace, WorkspaceError, demo};
use crate::checks::Severity;
use crate::domain::{Draft, in_catalogue};

/// Settings key prefix of the steps that are recorded when they happen.
const SEEN_PREFIX: &str = "first_steps.";
/// Settings key: the user closed the "Getting started" checklist.
const DISMISSED_KEY: &str = "first_steps.dismissed";

/// One step of the "Getting started" checklist, in the order a new user takes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FirstStep {
    ImportAnalytics,
    CheckAudienceHours,
    AddSubculture,
    WriteCleanDraft,
    LookAtReach,
    AutoPlanWeek,
    ExportCalendar,
}

impl FirstStep {
    /// Every step, in checklist order.
    pub const ALL: [FirstStep; 7] = [
        FirstStep::ImportAnalytics,
        FirstStep::CheckAudienceHours,
        FirstStep::AddSubculture,
        FirstStep::WriteCleanDraft,
        FirstStep::LookAtReach,
        FirstStep::AutoPlanWeek,
        FirstStep::ExportCalendar,
    ];

    /// The checklist's line.
    pub fn title(self) -> &'static str {
        match self {
            FirstStep::ImportAnalytics => "Import your TikTok Studio analytics",
            FirstStep::CheckAudienceHours => "Check when your audience is online",
            FirstStep::AddSubculture => "Add a subculture you post into",
            FirstStep::WriteCleanDraft => "Write a draft and fix its findings",
            FirstStep::LookAtReach => "Look at a draft's predicted reach",
            FirstStep::AutoPlanWeek => "Auto-plan a week",
            FirstStep::ExportCalendar => "Export the posting calendar",
        }
    }

    /// What ticks the step, shown on hover.
    pub fn how(self) -> &'static str {
        match self {
            FirstStep::ImportAnalytics => {
                "Ticks once the workspace holds imported videos or an import is logged. Use \
                 Import files… (Ctrl+I) with the Overview, Content and Followers exports."
            }
            FirstStep::CheckAudienceHours => {
                "Ticks once a FollowerActivity export is imported and you looked at the \
                 audience heat map (Analytics, Calendar or Reach)."
            }
            FirstStep::AddSubculture => {
                "Ticks once the workspace holds a subculture you added (the catalogue a new \
                 workspace starts with does not count)."
            }
            FirstStep::WriteCleanDraft => {
                "Ticks once one of your drafts has a title or caption and no error findings."
            }
            FirstStep::LookAtReach => {
                "Ticks once you opened the Reach view with a draft open in the editor."
            }
            FirstStep::AutoPlanWeek => {
                "Ticks once the plan holds posts placed by the planner (Calendar → Auto-plan)."
            }
            FirstStep::ExportCalendar => {
                "Ticks once the posting calendar was exported to a file (Calendar → Export)."
            }
        }
    }

    /// The settings key of a step recorded when it happens; `None` for steps read from data.
    fn seen_key(self) -> Option<String> {
        let name = match self {
            FirstStep::CheckAudienceHours => "audience_hours_seen",
            FirstStep::LookAtReach => "reach_seen",
            FirstStep::ExportCalendar => "calendar_exported",
            _ => return None,
        };
        Some(format!("{SEEN_PREFIX}{name}"))
    }
}

/// Which steps are done, and whether the user closed the checklist.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FirstSteps {
    done: Vec<FirstStep>,
    pub dismissed: bool,
}

impl FirstSteps {
    /// True when `step` is done.
    pub fn is_done(&self, step: FirstStep) -> bool {
        self.done.contains(&step)
    }

    /// How many steps are done.
    pub fn done_count(&self) -> usize {
        self.done.len()
    }

    /// True when every step is done.
    pub fn all_done(&self) -> bool {
        self.done.len() == FirstStep::ALL.len()
    }
}

impl Workspace {
    /// Reads which first steps are done. Checks the user's drafts as of `now`.
    pub fn first_steps(&self, now: DateTime<Utc>) -> Result<FirstSteps, WorkspaceError> {
        let mut done = Vec::new();
        for step in FirstStep::ALL {
            if self.step_done(step, now)? {
                done.push(step);
            }
        }
        let dismissed = self.store().setting(DISMISSED_KEY)?.is_some();
        Ok(FirstSteps { done, dismissed })
    }

    /// Records that `step` happened (looking at the audience hours or a forecast, exporting);
    /// returns true when it was not recorded before. Steps read from data are never recorded.
    pub fn record_first_step(&mut self, step: FirstStep) -> Result<bool, WorkspaceError> {
        let Some(key) = step.seen_key() else {
            return Ok(false);
        };
        if self.store().setting(&key)?.is_some() {
            return Ok(false);
        }
        self.store_mut()
            .set_setting(&key, &Utc::now().to_rfc3339())?;
        Ok(true)
    }

    /// Closes (or reopens) the checklist for this workspace.
    pub fn dismiss_first_steps(&mut self, dismissed: bool) -> Result<(), WorkspaceError> {
        if dismissed {
            self.store_mut().set_setting(DISMISSED_KEY, "yes")?;
        } else {
            self.store_mut().remove_setting(DISMISSED_KEY)?;
        }
        Ok(())
    }

    fn step_done(&self, step: FirstStep, now: DateTime<Utc>) -> Result<bool, WorkspaceError> {
        let store = self.store();
        let seen = match step.seen_key() {
            Some(key) => store.setting(&key)?.is_some(),
            None => true,
        };
        Ok(match step {
            FirstStep::ImportAnalytics => {
                store.has_rows("import_log")? || store.has_rows("videos")?
            }
            FirstStep::CheckAudienceHours => seen && store.has_rows("follower_activity")?,
            FirstStep::AddSubculture => self.has_own_subculture()?,
            FirstStep::WriteCleanDraft => self.has_clean_draft(now)?,
            FirstStep::LookAtReach | FirstStep::ExportCalendar => seen,
            FirstStep::AutoPlanWeek => self.has_planned_posts()?,
        })
    }

    /// True when the demo filled this workspace.
    fn is_demo(&self) -> Result<bool, WorkspaceError> {
        Ok(self.store().setting("demo_seed")?.is_some())
    }

    /// A live subculture the user added: one whose name is not in the catalogue every new
    /// workspace (and the demo) starts with.
    fn has_own_subculture(&self) -> Result<bool, WorkspaceError> {
        let live = self.store().subcultures()?;
        Ok(live.iter().any(|s| !in_catalogue(&s.name)))
    }

    /// A draft the user wrote (a title or caption; in the demo, one edited after the demo was
    /// generated) that has no error findings.
    fn has_clean_draft(&self, now: DateTime<Utc>) -> Result<bool, WorkspaceError> {
        let demo_made = if self.is_demo()? {
            let day = self.store().setting(demo::DEMO_DAY_KEY)?;
            Some(demo::anchor_of(day.as_deref()))
        } else {
            None
        };
        let written = |d: &Draft| {
            (!d.title.trim().is_empty() || !d.caption.trim().is_empty())
                && demo_made.is_none_or(|made| d.updated_at > made)
        };
        for account in self.store().accounts()? {
            let drafts: Vec<Draft> = self
                .store()
                .drafts(account.id)?
                .into_iter()
                .filter(written)
                .collect();
            if drafts.is_empty() {
                continue;
            }
            let session = self.check_session(account.id, now)?;
            let clean = drafts.iter().any(|d| {
                !session
                    .check(d)
                    .iter()
                    .any(|f| f.severity == Severity::Error)
            });
            if clean {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Posts placed by the planner (auto-plan, re-plan or best free slot): they carry the
    /// planner's reason and are not pinned; posts moved by hand are pinned, and the demo's
    /// carry no reason.
    fn has_planned_posts(&self) -> Result<bool, WorkspaceError> {
        for account in self.store().accounts()? {
            let entries = self.store().plan_entries(
                account.id,
                DateTime::<Utc>::MIN_UTC,
                DateTime::<Utc>::MAX_UTC,
            )?;
            if entries.iter().any(|e| !e.reason.is_empty() && !e.pinned) {
                return Ok(true);
            }
        }
        Ok(false)
    }
}
