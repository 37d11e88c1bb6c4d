//! The development set's walk-forward backtest (skips when ../shared/data is absent). Run in
//! release: `cargo test --release --lib model::tests::dev_set -- --ignored --nocapture`.

use crate::model::backtest::{BACKTEST_PATHS, BACKTEST_SEED, backtest_with};
use crate::model::{AccountHistory, ForecastContext, backtest};

pub(crate) const DEV_SET: &str = "../shared/data/tiktok-creators-dev.csv";

/// The development set, one history per account.
pub(crate) fn load(path: &str) -> Option<Vec<AccountHistory>> {
    crate::workspace::histories_in_file(std::path::Path::new(path))
}

#[test]
#[ignore = "slow in debug builds; run in release with --ignored"]
fn the_development_set_backtest_beats_the_baseline() {
    let Some(accounts) = load(DEV_SET) else {
        eprintln!("skipped: {DEV_SET} is absent");
        return;
    };
    let started = std::time::Instant::now();
    let result = backtest(&accounts, 3);
    let o = &result.overall;
    eprintln!(
        "dev set: {} accounts, {} videos predicted in {:.1} s\n  MAE log10 {:.4} (baseline {:.4}, ratio {:.3})\n  coverage P10-P90 {:.3}\n  Spearman {:.4} (baseline {:.4}) over {} accounts",
        accounts.len(),
        o.videos_predicted,
        started.elapsed().as_secs_f64(),
        o.mae_log10.unwrap_or(f64::NAN),
        o.baseline_mae_log10.unwrap_or(f64::NAN),
        o.mae_log10.unwrap_or(f64::NAN) / o.baseline_mae_log10.unwrap_or(f64::NAN),
        o.coverage.unwrap_or(f64::NAN),
        o.spearman.unwrap_or(f64::NAN),
        o.baseline_spearman.unwrap_or(f64::NAN),
        o.accounts_ranked
    );
    if let Ok(path) = std::env::var("SCROLLSTOP_BACKTEST_JSON") {
        let json = serde_json::to_string_pretty(&result).expect("backtest serialises");
        std::fs::write(path, json).expect("backtest JSON written");
    }
    let mae = o.mae_log10.expect("videos predicted");
    let base = o.baseline_mae_log10.expect("videos predicted");
    assert!(mae <= 0.9 * base, "MAE {mae} vs baseline {base}");
    let coverage = o.coverage.expect("videos predicted");
    assert!((0.75..=0.85).contains(&coverage), "coverage {coverage}");
    assert!(o.spearman > o.baseline_spearman);
}

/// The account model alone (the model before reach model 2) on the same walk, for the
/// comparison table: `SCROLLSTOP_BACKTEST_JSON` receives its rows.
#[test]
#[ignore = "slow in debug builds; run in release with --ignored"]
fn the_account_model_alone_on_the_development_set() {
    let Some(accounts) = load(DEV_SET) else {
        eprintln!("skipped: {DEV_SET} is absent");
        return;
    };
    let mut context = ForecastContext::with_paths(BACKTEST_SEED, BACKTEST_PATHS);
    context.drivers = false;
    context.account_model_only = true;
    let result = backtest_with(&accounts, 3, &context);
    let o = &result.overall;
    eprintln!(
        "account model alone: MAE log10 {:.4} (baseline {:.4}), coverage {:.3}, Spearman {:.4}",
        o.mae_log10.unwrap_or(f64::NAN),
        o.baseline_mae_log10.unwrap_or(f64::NAN),
        o.coverage.unwrap_or(f64::NAN),
        o.spearman.unwrap_or(f64::NAN),
    );
    if let Ok(path) = std::env::var("SCROLLSTOP_BACKTEST_JSON") {
        let json = serde_json::to_string_pretty(&result).expect("backtest serialises");
        std::fs::write(path, json).expect("backtest JSON written");
    }
    assert!(o.videos_predicted > 0);
}
