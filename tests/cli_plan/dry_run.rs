//! A dry run prints the plan as JSON and writes nothing.

use super::*;

#[test]
fn a_dry_run_prints_the_plan_as_json_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let ws = demo(dir.path());
    approve_everything(&ws);
    let before = plan_entries(&ws);
    let text = ok(&[
        "plan",
        "--workspace",
        &ws,
        "--from",
        "2027-01-04",
        "--to",
        "2027-01-10",
        "--per-day",
        "2",
        "--dry-run",
        "--json",
    ]);
    let reports: serde_json::Value = serde_json::from_str(&text).unwrap();
    let reports = reports.as_array().unwrap();
    assert_eq!(reports.len(), 2, "both demo accounts");
    for r in reports {
        assert_eq!(r["written"], false);
        assert_eq!(r["posts_per_day"], 2);
        let placements = r["placements"].as_array().unwrap();
        assert!(!placements.is_empty());
        for p in placements {
            assert!(p["reason"].as_str().unwrap().contains("median slot"));
            assert_eq!(p["change"], "new");
        }
    }
    assert_eq!(plan_entries(&ws), before);

    let text = ok(&[
        "plan",
        "--workspace",
        &ws,
        "--account",
        "lunchboxlab",
        "--from",
        "2027-01-04",
        "--to",
        "2027-01-10",
        "--dry-run",
    ]);
    assert!(text.contains("@lunchboxlab (America/New_York)"), "{text}");
    assert!(text.contains("Dry run: nothing was written."));
    assert!(!text.contains("@fernandfable"));
}
