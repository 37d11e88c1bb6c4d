//! The walk-forward backtest MODEL.md judges the model by: for each account, in order of
//! posting, every video from the `min_history`-th on is predicted by a model fitted on only the
//! videos posted before it, from its pre-posting features, at the age its count was measured.
//! Beside it runs the baseline "median of the account's earlier videos". Reported per account
//! and overall: MAE of log10 views (views below 1 count as 1), P10-P90 coverage, the mean
//! within-account Spearman correlation of P50 with realised views, and videos predicted.
//! Earlier videos enter with the counts as imported (a later import of an earlier video is used
//! as is; the age curve puts each count at its age). Pure: the caller loads the accounts.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::calibration::rank_correlation;
use super::features::Slot;
use super::fit;
use super::forecast::ForecastContext;
use super::history::{Audience, History, PastVideo};
use super::stats::median_of_sorted;
use super::trends::TrendContext;

/// Seed and paths of the standard backtest.
pub const BACKTEST_SEED: u64 = 20_250_605;
pub const BACKTEST_PATHS: usize = 4_000;

/// One account to walk through.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AccountHistory {
    pub account: String,
    pub history: History,
    #[serde(skip)]
    pub audience: Audience,
}

impl AccountHistory {
    pub fn new(account: impl Into<String>, history: History) -> Self {
        Self {
            account: account.into(),
            history,
            audience: Audience::unknown(),
        }
    }
}

/// One predicted video.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BacktestRow {
    pub account: String,
    pub video_id: String,
    pub posted_at: DateTime<Utc>,
    pub age_hours: f64,
    pub actual_views: f64,
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
    pub baseline_p50: f64,
}

/// Accuracy of the model beside the baseline, for one account or overall.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BacktestSummary {
    /// `None` for the overall summary.
    pub account: Option<String>,
    pub videos_predicted: usize,
    pub mae_log10: Option<f64>,
    pub baseline_mae_log10: Option<f64>,
    pub coverage: Option<f64>,
    /// Within-account rank correlation (overall: the mean over accounts with three or more
    /// predicted videos).
    pub spearman: Option<f64>,
    pub baseline_spearman: Option<f64>,
    /// Accounts in the Spearman mean (overall only).
    pub accounts_ranked: usize,
}

/// Rows and summaries.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Backtest {
    pub min_history: usize,
    pub overall: BacktestSummary,
    pub accounts: Vec<BacktestSummary>,
    pub rows: Vec<BacktestRow>,
}

/// The standard backtest (seed and 4,000 paths fixed, no drivers).
pub fn backtest(accounts: &[AccountHistory], min_history: usize) -> Backtest {
    let mut context = ForecastContext::with_paths(BACKTEST_SEED, BACKTEST_PATHS);
    context.drivers = false;
    backtest_with(accounts, min_history, &context)
}

/// The standard backtest, given up as soon as `stop` returns true (asked before each refit):
/// `None` then. A long history (thousands of videos, each a refit on the ones before it) takes
/// minutes; the window's worker gives it up when the user asks for something newer.
pub fn backtest_unless(
    accounts: &[AccountHistory],
    min_history: usize,
    stop: &mut dyn FnMut() -> bool,
) -> Option<Backtest> {
    let mut context = ForecastContext::with_paths(BACKTEST_SEED, BACKTEST_PATHS);
    context.drivers = false;
    walk(accounts, min_history, &context, stop)
}

/// The backtest with a caller's context (seed, paths).
pub fn backtest_with(
    accounts: &[AccountHistory],
    min_history: usize,
    context: &ForecastContext,
) -> Backtest {
    walk(accounts, min_history, context, &mut || false)
        .expect("a backtest that is never stopped runs to its end")
}

fn walk(
    accounts: &[AccountHistory],
    min_history: usize,
    context: &ForecastContext,
    stop: &mut dyn FnMut() -> bool,
) -> Option<Backtest> {
    let min_history = min_history.max(1);
    let trends = TrendContext::empty();
    let mut rows = Vec::new();
    let mut summaries = Vec::new();
    for account in accounts {
        let usable: Vec<&PastVideo> = account
            .history
            .videos()
            .iter()
            .filter(|v| v.latest().is_some())
            .collect();
        let mut earlier = History::new(Vec::new(), account.history.followers());
        // log10 views of the earlier videos, ascending: the baseline is their median (for an
        // even count, the geometric mean of the middle two).
        let mut earlier_views: Vec<f64> = Vec::new();
        let first = rows.len();
        for (j, video) in usable.iter().enumerate() {
            let Some(counts) = video.latest() else {
                continue;
            };
            if j >= min_history {
                if stop() {
                    return None;
                }
                let model = fit(&earlier, &account.audience, &trends);
                let slot = Slot::new(video.posted_at, chrono_tz::UTC);
                let forecast = model.forecast(&video.features, slot, context);
                let q = forecast.quantiles_at(counts.age_hours);
                rows.push(BacktestRow {
                    account: account.account.clone(),
                    video_id: video.id.clone(),
                    posted_at: video.posted_at,
                    age_hours: counts.age_hours,
                    actual_views: counts.views,
                    p10: q.p10,
                    p50: q.p50,
                    p90: q.p90,
                    baseline_p50: 10f64.powf(median_of_sorted(&earlier_views)),
                });
            }
            earlier.push((*video).clone());
            let log = log10_views(counts.views);
            let at = earlier_views.partition_point(|v| *v < log);
            earlier_views.insert(at, log);
        }
        summaries.push(summarise(Some(account.account.clone()), &rows[first..]));
    }
    let mut overall = summarise(None, &rows);
    let ranked: Vec<&BacktestSummary> = summaries.iter().filter(|s| s.spearman.is_some()).collect();
    let mean = |f: fn(&BacktestSummary) -> Option<f64>| {
        let values: Vec<f64> = ranked.iter().filter_map(|s| f(s)).collect();
        (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
    };
    overall.spearman = mean(|s| s.spearman);
    overall.baseline_spearman = mean(|s| s.baseline_spearman);
    overall.accounts_ranked = ranked.len();
    Some(Backtest {
        min_history,
        overall,
        accounts: summaries,
        rows,
    })
}

fn log10_views(v: f64) -> f64 {
    v.max(1.0).log10()
}

fn summarise(account: Option<String>, rows: &[BacktestRow]) -> BacktestSummary {
    let n = rows.len();
    let mean = |f: &dyn Fn(&BacktestRow) -> f64| {
        (n > 0).then(|| rows.iter().map(f).sum::<f64>() / n as f64)
    };
    let actual: Vec<f64> = rows.iter().map(|r| log10_views(r.actual_views)).collect();
    let p50: Vec<f64> = rows.iter().map(|r| log10_views(r.p50)).collect();
    let base: Vec<f64> = rows.iter().map(|r| log10_views(r.baseline_p50)).collect();
    BacktestSummary {
        account,
        videos_predicted: n,
        mae_log10: mean(&|r| (log10_views(r.actual_views) - log10_views(r.p50)).abs()),
        baseline_mae_log10: mean(&|r| {
            (log10_views(r.actual_views) - log10_views(r.baseline_p50)).abs()
        }),
        coverage: mean(&|r| {
            f64::from(u8::from(r.actual_views >= r.p10 && r.actual_views <= r.p90))
        }),
        spearman: rank_correlation(&p50, &actual),
        baseline_spearman: rank_correlation(&base, &actual),
        accounts_ranked: 0,
    }
}
