//! What the background checks and forecasts said about each draft, kept by draft id apart from
//! the rows read from the workspace. A fresh read of 10,000 rows (after every edit) takes them
//! over whole, where copying them into each new row had cost the window's thread 9 ms on a
//! team's workspace (`perf`: each row's memory, written by the reading thread, fetched from the
//! other core). A draft without an entry is still being checked and forecast.

use std::borrow::Cow;
use std::collections::HashMap;

use super::FindingSummary;
use crate::domain::DraftId;
use crate::ui::widgets::format::compact_count;

/// What the predicted-reach cell knows about a draft.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Prediction {
    /// The forecast is still being computed in the background.
    Computing,
    /// The 30-day median views.
    Median(f64),
    /// The account has no posted videos to fit a model on yet.
    NoModel,
    /// The draft is already posted: its real reach is in Analytics.
    Posted,
    /// The model could not be fitted (the reason is in the status line of the view).
    Failed,
}

/// One draft's findings and predicted reach, prepared for drawing and sorting.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    /// `None` while the checks run.
    pub findings: Option<FindingSummary>,
    /// The predicted 30-day median views; `None` while computing or without a model.
    pub predicted_median: Option<f64>,
    /// What the reach cell shows: `12.3K`, `…` while computing, `—` without a forecast.
    pub predicted: Cow<'static, str>,
    /// The reach cell's hover text.
    pub predicted_hover: &'static str,
}

/// A draft nothing was said about yet.
static PENDING: Assessment = Assessment {
    findings: None,
    predicted_median: None,
    predicted: Cow::Borrowed(COMPUTING.0),
    predicted_hover: COMPUTING.1,
};

/// The reach cell while the forecast runs.
const COMPUTING: (&str, &str) = ("…", "Forecasting in the background…");

impl Assessment {
    /// True while the forecast of the draft is still awaited.
    pub fn is_forecasting(&self) -> bool {
        self.predicted_median.is_none() && self.predicted == COMPUTING.0
    }

    /// Fills the reach cell.
    pub fn set_prediction(&mut self, prediction: Prediction) {
        let (median, text, hover) = match prediction {
            Prediction::Computing => (None, Cow::Borrowed(COMPUTING.0), COMPUTING.1),
            Prediction::Median(views) => (
                Some(views),
                Cow::Owned(compact_count(views.round() as i64)),
                "Predicted median views 30 days after posting (planned slot, or now when unplanned)",
            ),
            Prediction::NoModel => (
                None,
                Cow::Borrowed("—"),
                "Predicted once the account has a model",
            ),
            Prediction::Posted => (
                None,
                Cow::Borrowed("—"),
                "Already posted: its real views are in Analytics",
            ),
            Prediction::Failed => (
                None,
                Cow::Borrowed("—"),
                "The forecast could not be computed; see the note above the table",
            ),
        };
        self.predicted_median = median;
        self.predicted = text;
        self.predicted_hover = hover;
    }
}

/// Every draft's [`Assessment`] by id.
#[derive(Debug, Clone, Default)]
pub struct Assessments(HashMap<DraftId, Assessment>);

impl Assessments {
    /// What is known of `draft`: still pending when nothing arrived for it.
    pub fn of(&self, draft: DraftId) -> &Assessment {
        self.0.get(&draft).unwrap_or(&PENDING)
    }

    fn entry(&mut self, draft: DraftId) -> &mut Assessment {
        self.0.entry(draft).or_insert_with(|| PENDING.clone())
    }

    /// Notes the findings of `draft`'s checks.
    pub fn set_findings(&mut self, draft: DraftId, findings: FindingSummary) {
        self.entry(draft).findings = Some(findings);
    }

    /// Notes `draft`'s forecast.
    pub fn set_prediction(&mut self, draft: DraftId, prediction: Prediction) {
        self.entry(draft).set_prediction(prediction);
    }

    /// Keeps only the drafts `keep` says are still shown.
    pub fn retain(&mut self, keep: impl Fn(DraftId) -> bool) {
        self.0.retain(|id, _| keep(*id));
    }
}
