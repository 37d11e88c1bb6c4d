//! What the Drafts view read from the workspace for one revision and account: the drafts, their
//! prepared rows, the trash, the choices the filters offer, and the findings and forecasts
//! merged in as the background thread sends them.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use chrono::{DateTime, Utc};

use super::background::{Computed, Request};
use crate::domain::{Account, Draft, DraftId, DraftStatus, SubcultureId};
use crate::ui::theme;
use crate::ui::widgets::draft_rows::{Assessments, DraftRow, Prediction};
use crate::ui::widgets::planned::planned_slots;
use crate::workspace::Workspace;
use crate::workspace::WorkspaceError;

/// The drafts of one account as read for one revision.
pub(super) struct Loaded {
    /// Shared with the background thread.
    pub drafts: Arc<Vec<Draft>>,
    /// `rows[i]` is `drafts[i]`.
    pub rows: Vec<DraftRow>,
    pub index: HashMap<DraftId, usize>,
    pub trash: Vec<DraftRow>,
    pub counts: Vec<(DraftStatus, usize)>,
    /// The subcultures, for the filter (id, name), by name.
    pub subcultures: Vec<(SubcultureId, String)>,
    /// Everyone a draft is assigned to, by name.
    pub assignees: Vec<String>,
    /// Every rule id found so far, for the finding filter.
    pub rules: BTreeSet<&'static str>,
    /// The findings and forecasts that arrived, by draft.
    pub assessed: Assessments,
}

impl Loaded {
    /// Reads the account's drafts and trash and prepares their rows; the request starts the
    /// background checks and forecasts.
    pub fn read(
        workspace: &Workspace,
        account: &Account,
        now: DateTime<Utc>,
    ) -> Result<(Self, Request), WorkspaceError> {
        let drafts = workspace.drafts(account.id)?;
        let trashed = workspace.trashed_drafts(account.id)?;
        let subcultures = workspace.subcultures()?;
        let (from, to) = (DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC);
        let entries = workspace.plan_entries(account.id, from, to)?;
        let names: HashMap<_, _> = subcultures
            .iter()
            .map(|s| (s.id, (s.name.as_str(), theme::colour(s.colour))))
            .collect();
        let slots = planned_slots(&entries, now);
        let row = |d: &Draft| {
            let sub = d.subculture.and_then(|id| names.get(&id)).copied();
            DraftRow::new(d, sub, slots.get(&d.id).copied(), account.time_zone)
        };
        let rows: Vec<DraftRow> = drafts.iter().map(row).collect();
        let trash = trashed.iter().map(row).collect();
        let counts = DraftStatus::ALL
            .iter()
            .map(|s| (*s, rows.iter().filter(|r| r.status == *s).count()))
            .collect();
        let assignees: BTreeSet<String> = rows
            .iter()
            .filter(|r| !r.assignee.is_empty())
            .map(|r| r.assignee.clone())
            .collect();
        let mut subculture_names: Vec<(SubcultureId, String)> =
            subcultures.into_iter().map(|s| (s.id, s.name)).collect();
        subculture_names.sort_by_key(|(_, name)| name.to_lowercase());
        let drafts = Arc::new(drafts);
        let request = Request {
            path: workspace.path().to_path_buf(),
            account: account.clone(),
            now,
            drafts: Arc::clone(&drafts),
            slots,
        };
        let index = rows.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
        let loaded = Self {
            drafts,
            rows,
            index,
            trash,
            counts,
            subcultures: subculture_names,
            assignees: assignees.into_iter().collect(),
            rules: BTreeSet::new(),
            assessed: Assessments::default(),
        };
        Ok((loaded, request))
    }

    /// Shows the findings and forecasts of `earlier` (the previous load, which gives them up)
    /// until the background thread sends fresh ones, so an edit does not blank the columns.
    /// They are kept by draft, so this touches no row.
    pub fn carry_over(&mut self, earlier: &mut Loaded) {
        self.assessed = std::mem::take(&mut earlier.assessed);
        self.rules = std::mem::take(&mut earlier.rules);
    }

    /// Merges what the background thread sent; true when rows changed.
    pub fn merge(&mut self, computed: Computed) -> bool {
        match computed {
            Computed::Findings(found) => {
                for (id, summary) in found {
                    self.rules.extend(summary.rules.iter().copied());
                    if self.index.contains_key(&id) {
                        self.assessed.set_findings(id, summary);
                    }
                }
                true
            }
            Computed::Predictions(predicted) => {
                for (id, prediction) in predicted {
                    if self.index.contains_key(&id) {
                        self.assessed.set_prediction(id, prediction);
                    }
                }
                true
            }
            Computed::Problem(_) | Computed::Finished => false,
        }
    }

    /// Marks every row still waiting as failed (the thread stopped early), and forgets what
    /// was carried over for drafts no longer listed.
    pub fn give_up(&mut self) {
        for row in &self.rows {
            if self.assessed.of(row.id).is_forecasting() {
                self.assessed.set_prediction(row.id, Prediction::Failed);
            }
        }
        let index = &self.index;
        self.assessed.retain(|id| index.contains_key(&id));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::widgets::draft_rows::FindingSummary;
    use crate::workspace::demo_in_temporary_folder;

    /// A fresh read of the drafts (after an edit) shows what the checks and forecasts said
    /// about the earlier read's drafts until fresh results come; a draft no longer listed is
    /// forgotten once they have all come.
    #[test]
    fn a_fresh_read_keeps_the_findings_and_forecasts_that_arrived() {
        let (_dir, workspace, account) = demo_in_temporary_folder();
        let (mut earlier, _) = Loaded::read(&workspace, &account, Utc::now()).unwrap();
        let (first, second) = (earlier.rows[0].id, earlier.rows[1].id);
        let gone = DraftId(i64::MAX);
        earlier.index.insert(gone, 0);
        assert!(earlier.merge(Computed::Findings(vec![
            (first, FindingSummary::of(&[])),
            (gone, FindingSummary::of(&[])),
        ])));
        assert!(earlier.merge(Computed::Predictions(vec![(
            second,
            Prediction::Median(1234.0)
        )])));

        let (mut fresh, _) = Loaded::read(&workspace, &account, Utc::now()).unwrap();
        fresh.carry_over(&mut earlier);
        assert!(fresh.assessed.of(first).findings.is_some(), "findings kept");
        assert_eq!(fresh.assessed.of(second).predicted_median, Some(1234.0));
        assert!(
            fresh.assessed.of(gone).findings.is_some(),
            "kept until the end"
        );
        fresh.give_up();
        assert!(
            fresh.assessed.of(gone).findings.is_none(),
            "not listed: forgotten"
        );
        assert!(fresh.assessed.of(first).findings.is_some());
        assert_eq!(
            fresh.assessed.of(first).predicted,
            "—",
            "no forecast came: failed"
        );
        assert_eq!(fresh.assessed.of(second).predicted_median, Some(1234.0));
    }
}
