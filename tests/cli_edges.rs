//! The command line at its edges: output into a pipe that closes early, a dry run on a
//! workspace that does not exist, a draft number that names no draft, and an export error
//! that must name the user's file.

use std::path::Path;
use std::process::{Command, Output, Stdio};

fn scrollstop(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_scrollstop"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn arg(p: &Path) -> &str {
    p.to_str().expect("utf-8 temp path")
}

fn demo(dir: &Path) -> std::path::PathBuf {
    let ws = dir.join("demo.sqlite");
    let out = scrollstop(&["demo", "--workspace", arg(&ws)]);
    assert!(out.status.success(), "{}", stderr(&out));
    ws
}

/// Runs `args` with stdout a pipe that is closed before the command writes (`… | head -0`).
fn into_a_closed_pipe(args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_scrollstop"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    drop(child.stdout.take());
    child.wait_with_output().expect("the binary ends")
}

#[test]
fn check_into_a_closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let ws = demo(dir.path());
    for args in [
        vec!["check", "--workspace", arg(&ws)],
        vec!["check", "--json", "--workspace", arg(&ws)],
    ] {
        let out = into_a_closed_pipe(&args);
        assert_eq!(stderr(&out), "", "{args:?}: nothing on stderr");
        assert!(
            out.status.success(),
            "{args:?}: a closed pipe is no failure"
        );
    }
}

#[test]
fn a_dry_run_import_into_a_missing_workspace_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("new.sqlite");
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/studio/Content.csv");
    let out = scrollstop(&[
        "import",
        "--dry-run",
        "--workspace",
        arg(&ws),
        arg(&content),
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(text.contains("3 added"), "the preview is shown: {text}");
    assert!(text.contains("Dry run: nothing was written."), "{text}");
    assert!(text.contains("does not exist yet"), "{text}");
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert!(left.is_empty(), "no workspace, no companions: {left:?}");
}

#[test]
fn predicting_an_unknown_draft_says_it_does_not_exist() {
    let dir = tempfile::tempdir().unwrap();
    let ws = demo(dir.path());
    let out = scrollstop(&["predict", "--draft", "9999", "--workspace", arg(&ws)]);
    assert!(!out.status.success());
    let message = stderr(&out);
    assert!(
        message.contains("there is no draft 9999 in this workspace"),
        "{message}"
    );
    assert!(message.contains("scrollstop check"), "{message}");
    assert!(!message.contains("no longer exists"), "{message}");
}

#[test]
fn an_export_error_names_the_users_file_not_a_partial() {
    let dir = tempfile::tempdir().unwrap();
    let ws = demo(dir.path());
    let target = dir.path().join("missing folder").join("plan.ics");
    let out = scrollstop(&[
        "export",
        "--workspace",
        arg(&ws),
        "--format",
        "ics",
        "--from",
        "2026-01-01",
        "--to",
        "2026-12-31",
        "--output",
        arg(&target),
    ]);
    assert!(!out.status.success());
    let message = stderr(&out);
    assert!(message.contains("plan.ics"), "{message}");
    assert!(!message.contains(".partial"), "{message}");
}
