//! Trust, round 2: no command may destroy, half-apply or duplicate a team's work. Each test
//! runs the real `scrollstop` binary (several at once where the issue was concurrency) on a
//! workspace in a temporary folder, and looks at the files and rows afterwards.

mod export;
mod plan;
mod workspace;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use scrollstop::workspace::{DEFAULT_DEMO_SEED, Workspace};

/// The binary under test.
fn binary() -> Command {
    Command::new(env!("CARGO_BIN_EXE_scrollstop"))
}

fn scrollstop(args: &[&str]) -> Output {
    binary().args(args).output().expect("the binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Runs and expects success; returns stdout.
fn ok(args: &[&str]) -> String {
    let out = scrollstop(args);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Runs and expects failure; returns stderr.
fn fails(args: &[&str]) -> String {
    let out = scrollstop(args);
    assert!(
        !out.status.success(),
        "{args:?} should fail: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    stderr(&out)
}

fn arg(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 temp path")
}

/// The demo workspace `demo.sqlite` in `dir`.
fn demo(dir: &Path) -> PathBuf {
    let path = dir.join("demo.sqlite");
    Workspace::create_demo_at(&path, DEFAULT_DEMO_SEED, &scrollstop::workspace::Silent)
        .expect("the demo is written");
    path
}

/// Every plan entry as (account, draft, local wall time), in a stable order.
fn plan_rows(path: &Path) -> Vec<(i64, i64, String)> {
    let conn = rusqlite::Connection::open(path).expect("the workspace opens");
    let mut stmt = conn
        .prepare("SELECT account_id, draft_id, wall_time FROM plan_entries ORDER BY 1, 2, 3")
        .expect("query");
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("rows read")
}

/// The names in `dir`, sorted.
fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("the folder lists")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}
