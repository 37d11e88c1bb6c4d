//! Items 2, 3 and 10: one `plan` run is one transaction over every account it covers (a
//! process killed between accounts leaves both as they were), runs at once never place a
//! draft twice, and a range longer than a year is refused.

use std::collections::{BTreeMap, HashSet};
use std::process::Stdio;
use std::time::Duration;

use super::*;

const WEEK: [&str; 4] = ["--from", "2027-01-04", "--to", "2027-01-10"];

fn plan_args(ws: &str) -> Vec<&str> {
    let mut args = vec!["plan", "--workspace", ws];
    args.extend(WEEK);
    args.extend(["--per-day", "2"]);
    args
}

#[test]
fn a_plan_killed_between_accounts_leaves_every_account_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let ws = demo(dir.path());
    let before = plan_rows(&ws);
    let out = binary()
        .args(plan_args(arg(&ws)))
        .env(
            scrollstop::workspace::FAILPOINT_VARIABLE,
            "plan.between-accounts",
        )
        .output()
        .unwrap();
    assert!(!out.status.success(), "the failpoint ends the process");
    assert_eq!(plan_rows(&ws), before, "neither account was re-planned");

    // Without the failpoint the same run plans both accounts.
    ok(&plan_args(arg(&ws)));
    let after = plan_rows(&ws);
    let accounts: HashSet<i64> = after.iter().map(|r| r.0).collect();
    assert_eq!(accounts.len(), 2, "{after:?}");
    assert_ne!(after, before);
}

#[test]
fn plans_run_at_once_never_place_a_draft_twice() {
    let dir = tempfile::tempdir().unwrap();
    let ws = demo(dir.path());
    for round in 0..3 {
        let children: Vec<_> = (0..4)
            .map(|_| {
                binary()
                    .args(plan_args(arg(&ws)))
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let out = child.wait_with_output().unwrap();
            assert!(out.status.success(), "round {round}: {}", stderr(&out));
        }
        let rows = plan_rows(&ws);
        let mut per_draft: BTreeMap<i64, usize> = BTreeMap::new();
        let mut per_day: BTreeMap<(i64, String), usize> = BTreeMap::new();
        for (account, draft, wall) in &rows {
            *per_draft.entry(*draft).or_default() += 1;
            *per_day
                .entry((*account, wall[..10].to_string()))
                .or_default() += 1;
        }
        assert!(per_draft.values().all(|&n| n == 1), "{rows:?}");
        let busy: Vec<_> = per_day
            .iter()
            .filter(|(day, n)| day.1.as_str() >= "2027-01-04" && **n > 2)
            .collect();
        assert!(busy.is_empty(), "more than 2 posts a day: {busy:?}");
    }
    // The calendar lists each planned draft once.
    let target = dir.path().join("plan.csv");
    let mut args = vec!["export", "--workspace", arg(&ws), "--format", "csv"];
    args.extend(WEEK);
    args.extend(["--output", arg(&target)]);
    ok(&args);
    let mut reader = csv::Reader::from_path(&target).unwrap();
    let column = reader
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "post_id")
        .expect("a post_id column");
    let ids: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[column].to_string())
        .collect();
    let unique: HashSet<&String> = ids.iter().collect();
    assert!(!ids.is_empty());
    assert_eq!(unique.len(), ids.len(), "{ids:?}");
}

#[test]
fn a_range_longer_than_a_year_is_refused_before_any_work() {
    let dir = tempfile::tempdir().unwrap();
    let ws = demo(dir.path());
    let message = fails(&[
        "plan",
        "--workspace",
        arg(&ws),
        "--from",
        "2027-01-01",
        "--to",
        "9999-12-31",
        "--dry-run",
    ]);
    assert!(message.contains("at most 366 days"), "{message}");
    assert!(message.contains("--to 2028-01-01"), "{message}");
    // A whole year is still one run.
    ok(&[
        "plan",
        "--workspace",
        arg(&ws),
        "--from",
        "2027-01-01",
        "--to",
        "2027-12-31",
        "--dry-run",
    ]);
}

/// `kill -9` at moments spread over a plan run: afterwards the workspace is healthy and each
/// account's plan is the one from before the run or the one the whole run writes.
#[test]
fn plans_killed_at_any_moment_leave_the_before_or_the_after() {
    let dir = tempfile::tempdir().unwrap();
    let pristine = demo(dir.path());
    let whole = dir.path().join("whole.sqlite");
    std::fs::copy(&pristine, &whole).unwrap();
    let before = plan_rows(&pristine);
    ok(&plan_args(arg(&whole)));
    let after = without_times(plan_rows(&whole));
    let mut survived = 0;
    let runs = 12;
    for run in 0..runs {
        let ws = dir.path().join(format!("run{run}.sqlite"));
        std::fs::copy(&pristine, &ws).unwrap();
        let mut child = binary()
            .args(plan_args(arg(&ws)))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(run * 15));
        let _ = child.kill();
        let status = child.wait().unwrap();
        survived += usize::from(status.success());
        let conn = rusqlite::Connection::open(&ws).unwrap();
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok", "run {run}");
        let rows = plan_rows(&ws);
        assert!(
            rows == before || without_times(rows.clone()) == after,
            "run {run}: a half-written plan {rows:?}"
        );
    }
    eprintln!("{runs} runs killed, {survived} finished before the kill");
}

/// Rows without their times: which drafts are planned for which account.
fn without_times(rows: Vec<(i64, i64, String)>) -> Vec<(i64, i64)> {
    rows.into_iter().map(|(a, d, _)| (a, d)).collect()
}
