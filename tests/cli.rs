//! The headless command line: `info` and `demo`, their output and their errors.

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

fn path_arg(p: &Path) -> &str {
    p.to_str().expect("utf-8 temp path")
}

#[test]
fn info_json_reports_path_schema_and_counts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = dir.path().join("w.sqlite");
    drop(scrollstop::workspace::Workspace::open(&ws).expect("a new empty workspace"));
    let out = scrollstop(&["info", "--workspace", path_arg(&ws), "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    assert_eq!(json["path"], path_arg(&ws));
    assert_eq!(json["schema_version"], scrollstop::store::LATEST_VERSION);
    assert_eq!(json["counts"]["accounts"], 0);
    assert_eq!(json["counts"]["drafts"], 0);
    assert!(json["counts"].as_object().expect("object").len() >= 14);
}

#[test]
fn demo_fills_a_new_workspace_and_info_shows_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = dir.path().join("demo.sqlite");
    let out = scrollstop(&["demo", "--workspace", path_arg(&ws), "--seed", "7"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Created the demo workspace (seed 7)"));

    let out = scrollstop(&["--workspace", path_arg(&ws), "info", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    assert_eq!(json["counts"]["accounts"], 2);
    assert!(json["counts"]["drafts"].as_u64().expect("number") >= 30);
    assert!(json["counts"]["videos"].as_u64().expect("number") > 100);

    let text = stdout(&scrollstop(&["info", "--workspace", path_arg(&ws)]));
    let version = format!("Schema version  {}", scrollstop::store::LATEST_VERSION);
    assert!(text.contains(&version), "{text}");
}

#[test]
fn demo_refuses_to_overwrite_a_workspace_with_data() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = dir.path().join("demo.sqlite");
    assert!(
        scrollstop(&["demo", "--workspace", path_arg(&ws)])
            .status
            .success()
    );
    let before = std::fs::read(&ws).expect("read");
    let out = scrollstop(&["demo", "--workspace", path_arg(&ws)]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("already holds data"),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).is_empty());
    assert_eq!(std::fs::read(&ws).expect("read"), before);
}

#[test]
fn demo_without_a_workspace_says_how_to_choose_one() {
    let out = scrollstop(&["demo"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("--workspace PATH"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_bad_workspace_file_is_an_error_on_stderr_with_a_non_zero_exit() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = dir.path().join("notes.txt");
    std::fs::write(&ws, "just some notes, not a database at all").expect("write");
    let out = scrollstop(&["info", "--workspace", path_arg(&ws)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("not a Scrollstop workspace"),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).is_empty());
}

#[test]
fn check_json_lists_every_draft_with_its_findings() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = dir.path().join("demo.sqlite");
    assert!(
        scrollstop(&["demo", "--workspace", path_arg(&ws)])
            .status
            .success()
    );
    let out = scrollstop(&["check", "--workspace", path_arg(&ws), "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    let drafts = json.as_array().expect("a list");
    assert!(drafts.len() >= 30);
    let findings: Vec<&serde_json::Value> = drafts
        .iter()
        .flat_map(|d| d["findings"].as_array().expect("findings").iter())
        .collect();
    assert!(
        !findings.is_empty(),
        "the demo breaks some rules on purpose"
    );
    for f in &findings {
        for key in ["rule", "severity", "field", "message"] {
            assert!(f[key].is_string(), "{key} in {f}");
        }
    }
    assert!(
        drafts
            .iter()
            .all(|d| d["draft_id"].is_i64() && d["title"].is_string())
    );

    let one = scrollstop(&[
        "check",
        "--workspace",
        path_arg(&ws),
        "--account",
        "@nobody",
    ]);
    assert!(!one.status.success());
    assert!(
        stderr(&one).contains("no account @nobody"),
        "{}",
        stderr(&one)
    );
}

#[test]
fn check_lists_a_scheduled_post_whose_time_has_passed_as_overdue() {
    use scrollstop::workspace::{DEFAULT_DEMO_SEED, Silent, Workspace};
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = dir.path().join("old-demo.sqlite");
    let two_weeks_ago = chrono::Utc::now().date_naive() - chrono::Days::new(14);
    Workspace::open(&ws)
        .expect("a new workspace")
        .create_demo_on(DEFAULT_DEMO_SEED, two_weeks_ago, &Silent)
        .expect("the demo as of two weeks ago");

    let out = scrollstop(&["check", "--workspace", path_arg(&ws), "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    let overdue: Vec<&serde_json::Value> = json
        .as_array()
        .expect("a list")
        .iter()
        .flat_map(|d| d["findings"].as_array().expect("findings").iter())
        .filter(|f| f["rule"] == "scheduled-overdue")
        .collect();
    assert!(!overdue.is_empty(), "the demo's plan has passed");
    for f in &overdue {
        assert_eq!(f["severity"], "warning");
        assert_eq!(f["fix"]["kind"], "mark_posted");
        assert_eq!(f["also"][0]["kind"], "replan");
    }

    let text = stdout(&scrollstop(&["check", "--workspace", path_arg(&ws)]));
    assert!(text.contains("scheduled-overdue"), "{text}");
    assert!(text.contains("Overdue: scheduled for"), "{text}");
}
