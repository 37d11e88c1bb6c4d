//! `scrollstop predict` and `scrollstop backtest`: the reach model's forecast of one draft and
//! its walk-forward accuracy on the stored videos, as readable text or JSON. Both go through
//! the workspace facade (`Workspace::predict`, `Workspace::backtest`); this file only prints.

use std::io::Write;

use chrono::{DateTime, FixedOffset, Utc};

use crate::domain::{Account, DraftId};
use crate::model::{BacktestSummary, Forecast, ForecastContext};
use crate::text::{compact_count, percent};
use crate::workspace::{FORECAST_SEED, Prediction, Workspace};

/// Forecasts draft `id` and prints it.
pub(super) fn predict(
    workspace: &Workspace,
    id: i64,
    at: Option<DateTime<FixedOffset>>,
    above: Option<f64>,
    json: bool,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    if let Some(x) = above.filter(|x| !x.is_finite() || *x < 0.0) {
        anyhow::bail!("--above takes a number of views (0 or more), not {x}.");
    }
    let mut context = ForecastContext::new(FORECAST_SEED);
    context.threshold = above;
    let at = at.map(|t| t.with_timezone(&Utc));
    let prediction = workspace.predict(DraftId(id), at, &context, Utc::now())?;
    if json {
        serde_json::to_writer_pretty(&mut *out, &prediction)?;
        writeln!(out)?;
    } else {
        print_prediction(&prediction, out)?;
    }
    Ok(())
}

fn views(v: f64) -> String {
    compact_count(v.round() as i64)
}

fn print_prediction(p: &Prediction, out: &mut dyn Write) -> std::io::Result<()> {
    let f = &p.forecast;
    let zone: chrono_tz::Tz = p.time_zone.parse().unwrap_or(chrono_tz::UTC);
    let local = p.at.with_timezone(&zone).format("%a %-d %b %Y %H:%M");
    writeln!(
        out,
        "Draft #{} \"{}\" on {}",
        p.draft_id, p.title, p.account
    )?;
    writeln!(
        out,
        "Posted {local} ({}), {}",
        p.time_zone,
        p.slot_source.label()
    )?;
    let advice = f
        .confidence
        .advice
        .as_deref()
        .map_or(String::new(), |a| format!(" ({a})"));
    writeln!(out, "Confidence: {}{advice}", f.confidence.label)?;
    if !f.recommended {
        writeln!(
            out,
            "Not recommended by the checks (duplicate, spam or disturbing content): only \
             followers are expected to see it."
        )?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "{:<10}{:>10}{:>10}{:>10}",
        "Views", "P10", "P50", "P90"
    )?;
    for h in &f.horizons {
        let q = &h.views;
        writeln!(
            out,
            "{:<10}{:>10}{:>10}{:>10}",
            h.label,
            views(q.p10),
            views(q.p50),
            views(q.p90)
        )?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "P(views > {} after 30 days): {}",
        views(f.threshold),
        percent(f.prob_above_threshold)
    )?;
    if let Some(pct) = f.percentile {
        writeln!(
            out,
            "The median beats {pct:.0}% of the account's own videos."
        )?;
    }
    print_rates(f, out)?;
    if !f.drivers.is_empty() {
        writeln!(out)?;
        let how = if f.paths == 0 {
            "contributions to this forecast, and what-ifs re-scored"
        } else {
            "same random numbers, one input changed"
        };
        writeln!(out, "Drivers ({how}):")?;
        for d in &f.drivers {
            writeln!(out, "  {}", d.text)?;
        }
    }
    let a = &f.accuracy;
    if let (Some(mae), Some(base)) = (a.mae_log10, a.baseline_mae_log10) {
        writeln!(out)?;
        writeln!(
            out,
            "Accuracy on this account (walk-forward, {} videos): MAE log10 {mae:.3} (baseline \
             {base:.3}), P10-P90 coverage {}, rank correlation {} (baseline {})",
            a.videos,
            a.coverage.map_or("-".into(), percent),
            fixed(a.spearman),
            fixed(a.baseline_spearman)
        )?;
    }
    if f.paths == 0 {
        writeln!(
            out,
            "Scrollstop's own model: learned across creators like you and read through this \
             account's imported history; not TikTok's numbers."
        )
    } else {
        writeln!(
            out,
            "Scrollstop's own model ({} paths, seed {}): fitted on this account's imported \
             history and general guidance; not TikTok's numbers.",
            f.paths, f.seed
        )
    }
}

fn print_rates(f: &Forecast, out: &mut dyn Write) -> std::io::Result<()> {
    let r = &f.rates;
    writeln!(
        out,
        "Predicted per view: plays past the opening {}, watches {} of the video, completes {}, \
         likes {}, comments {}, shares {}, saves {}, negative {}",
        percent(r.play),
        percent(r.watch_share),
        percent(r.complete),
        percent(r.like),
        percent(r.comment),
        percent(r.share),
        percent(r.save),
        percent(r.negative)
    )
}

fn fixed(v: Option<f64>) -> String {
    v.map_or("-".into(), |v| format!("{v:.3}"))
}

/// Runs the walk-forward backtest over `accounts` and prints it.
pub(super) fn backtest(
    workspace: &Workspace,
    accounts: &[Account],
    min_history: usize,
    json: bool,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let result = workspace.backtest(accounts, min_history)?;
    if json {
        serde_json::to_writer_pretty(&mut *out, &result)?;
        writeln!(out)?;
        return Ok(());
    }
    writeln!(
        out,
        "Walk-forward backtest: each video predicted from the {} or more posted before it.",
        result.min_history
    )?;
    writeln!(
        out,
        "{:<28}{:>7}{:>10}{:>10}{:>10}{:>10}{:>10}",
        "Account", "Videos", "MAE", "Baseline", "Coverage", "Spearman", "Baseline"
    )?;
    for s in &result.accounts {
        print_summary(s.account.as_deref().unwrap_or("-"), s, out)?;
    }
    print_summary("Overall", &result.overall, out)?;
    writeln!(
        out,
        "MAE of log10 views (lower is better); coverage: share inside P10-P90 (aim 80%); \
         Spearman: rank correlation within an account (overall: the mean over {} accounts).",
        result.overall.accounts_ranked
    )?;
    Ok(())
}

fn print_summary(name: &str, s: &BacktestSummary, out: &mut dyn Write) -> std::io::Result<()> {
    let name: String = name.chars().take(27).collect();
    writeln!(
        out,
        "{name:<28}{:>7}{:>10}{:>10}{:>10}{:>10}{:>10}",
        s.videos_predicted,
        fixed(s.mae_log10),
        fixed(s.baseline_mae_log10),
        s.coverage.map_or("-".into(), percent),
        fixed(s.spearman),
        fixed(s.baseline_spearman)
    )
}
