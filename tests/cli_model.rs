//! The reach model on the command line: `predict` and `backtest` on the demo workspace.

use std::path::Path;
use std::process::{Command, Output};

fn scrollstop(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_scrollstop"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn demo(dir: &Path) -> String {
    let ws = dir.join("demo.sqlite");
    let ws = ws.to_str().expect("utf-8 temp path").to_string();
    let out = scrollstop(&["demo", "--workspace", &ws]);
    assert!(out.status.success(), "{}", stderr(&out));
    ws
}

fn json(o: &Output) -> serde_json::Value {
    assert!(o.status.success(), "{}", stderr(o));
    serde_json::from_str(&stdout(o)).expect("valid JSON")
}

fn num(v: &serde_json::Value) -> f64 {
    v.as_f64().unwrap_or_else(|| panic!("a number, got {v}"))
}

#[test]
fn predict_gives_ordered_ranges_at_four_horizons_and_is_deterministic() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = demo(dir.path());
    let at = "2026-05-12T18:00:00+02:00";
    let args = [
        "predict",
        "--workspace",
        &ws,
        "--draft",
        "3",
        "--at",
        at,
        "--json",
    ];
    let first = json(&scrollstop(&args));
    assert_eq!(first["draft_id"], 3);
    assert_eq!(first["slot_source"], "chosen");
    assert_eq!(first["at"], "2026-05-12T16:00:00Z");
    let f = &first["forecast"];
    let horizons = f["horizons"].as_array().expect("horizons");
    let labels: Vec<&str> = horizons
        .iter()
        .filter_map(|h| h["label"].as_str())
        .collect();
    assert_eq!(labels, ["1 h", "24 h", "7 days", "30 days"]);
    let mut previous = 0.0;
    for h in horizons {
        let (p10, p50, p90) = (num(&h["p10"]), num(&h["p50"]), num(&h["p90"]));
        assert!(p10 <= p50 && p50 <= p90, "{h}");
        assert!(p50 >= previous, "views grow with age: {h}");
        previous = p50;
    }
    let p = num(&f["prob_above_threshold"]);
    assert!((0.0..=1.0).contains(&p));
    assert!(num(&f["rates"]["like"]) > 0.0);
    assert!(
        f["confidence"]["label"]
            .as_str()
            .expect("label")
            .starts_with("based on ")
    );
    assert!(f["drivers"].as_array().is_some_and(|d| !d.is_empty()));
    assert!(f["percentile"].is_number());
    // Same inputs, same seed: the same numbers.
    assert_eq!(json(&scrollstop(&args)), first);

    let text = stdout(&scrollstop(&[
        "predict",
        "--workspace",
        &ws,
        "--draft",
        "3",
    ]));
    assert!(text.contains("P50") && text.contains("30 days"), "{text}");
    assert!(text.contains("based on"), "{text}");
    assert!(text.contains("not TikTok's numbers"), "{text}");
}

#[test]
fn predict_with_a_threshold_and_an_unknown_draft() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = demo(dir.path());
    let low = json(&scrollstop(&[
        "predict",
        "--workspace",
        &ws,
        "--draft",
        "3",
        "--above",
        "10",
        "--json",
    ]));
    let high = json(&scrollstop(&[
        "predict",
        "--workspace",
        &ws,
        "--draft",
        "3",
        "--above",
        "100000000",
        "--json",
    ]));
    assert_eq!(num(&low["forecast"]["threshold"]), 10.0);
    assert!(num(&low["forecast"]["prob_above_threshold"]) > 0.9);
    assert!(num(&high["forecast"]["prob_above_threshold"]) < 0.01);

    let missing = scrollstop(&["predict", "--workspace", &ws, "--draft", "9999"]);
    assert!(!missing.status.success());
    // A number that names no draft is said not to exist (not "no longer exists").
    assert!(
        stderr(&missing).contains("there is no draft 9999"),
        "{}",
        stderr(&missing)
    );
    assert!(!stderr(&missing).contains("no longer exists"));
}

#[test]
fn backtest_predicts_each_video_from_earlier_ones_per_account_and_overall() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = demo(dir.path());
    let all = json(&scrollstop(&["backtest", "--workspace", &ws, "--json"]));
    let accounts = all["accounts"].as_array().expect("accounts");
    assert_eq!(accounts.len(), 2);
    let rows = all["rows"].as_array().expect("rows");
    let total: u64 = accounts
        .iter()
        .map(|a| a["videos_predicted"].as_u64().expect("count"))
        .sum();
    assert_eq!(rows.len() as u64, total);
    assert_eq!(all["overall"]["videos_predicted"].as_u64(), Some(total));
    for row in rows {
        for field in ["account", "video_id", "posted_at"] {
            assert!(row[field].is_string(), "{field} in {row}");
        }
        for field in ["age_hours", "actual_views", "baseline_p50"] {
            assert!(row[field].is_number(), "{field} in {row}");
        }
        assert!(num(&row["p10"]) <= num(&row["p50"]) && num(&row["p50"]) <= num(&row["p90"]));
    }
    for a in accounts {
        for field in [
            "mae_log10",
            "baseline_mae_log10",
            "coverage",
            "spearman",
            "baseline_spearman",
        ] {
            assert!(a[field].is_number(), "{field} in {a}");
        }
    }
    let coverage = num(&all["overall"]["coverage"]);
    assert!((0.6..=0.95).contains(&coverage), "coverage {coverage}");

    let handle = accounts[0]["account"].as_str().expect("handle").to_string();
    let one = json(&scrollstop(&[
        "backtest",
        "--workspace",
        &ws,
        "--account",
        &handle,
        "--min-history",
        "10",
        "--json",
    ]));
    let one_rows = one["rows"].as_array().expect("rows");
    assert_eq!(one["accounts"].as_array().map(Vec::len), Some(1));
    assert!(one_rows.iter().all(|r| r["account"] == handle.as_str()));
    assert_eq!(
        one_rows.len() + 7,
        accounts[0]["videos_predicted"].as_u64().expect("count") as usize,
        "ten earlier videos instead of three: seven fewer predicted"
    );

    let text = stdout(&scrollstop(&["backtest", "--workspace", &ws]));
    assert!(text.contains("Overall") && text.contains(&handle), "{text}");
    let unknown = scrollstop(&["backtest", "--workspace", &ws, "--account", "nobody"]);
    assert!(!unknown.status.success());
    assert!(stderr(&unknown).contains("no account @nobody"));
}
