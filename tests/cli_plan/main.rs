//! `scrollstop plan` and `scrollstop export` on a demo workspace: dry runs, written plans,
//! re-plans, stable UIDs across exports, CSV columns, clear errors, and 09:00 staying 09:00
//! local across the spring and autumn clock changes in three zones.
//!
//! This file holds the helpers that run the binary and read its output; the stories are in
//! `dry_run.rs`, `written_plans.rs`, `refusals.rs` and `clock_changes.rs`.

mod clock_changes;
mod dry_run;
mod refusals;
mod written_plans;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};

use chrono::{NaiveDateTime, TimeZone, Timelike, Utc};
use scrollstop::domain::DraftStatus;
use scrollstop::workspace::{DEFAULT_DEMO_SEED, Silent, Workspace};

fn scrollstop(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_scrollstop"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn ok(args: &[&str]) -> String {
    let out = scrollstop(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn demo(dir: &Path) -> String {
    let path = dir.join("demo.sqlite");
    let mut ws = Workspace::open(&path).expect("the workspace opens");
    ws.create_demo(DEFAULT_DEMO_SEED, &Silent)
        .expect("the demo is written");
    path.to_str().expect("a UTF-8 temp path").to_string()
}

fn plan_entries(ws: &str) -> u64 {
    let info: serde_json::Value = serde_json::from_str(&ok(&["info", "--workspace", ws, "--json"]))
        .expect("info prints JSON");
    info["counts"]["plan_entries"]
        .as_u64()
        .expect("a row count")
}

/// The VEVENTs of an .ics file, unfolded strictly (CRLF + one space), as property maps.
fn events(ics: &str) -> Vec<BTreeMap<String, String>> {
    assert!(!ics.replace("\r\n", "").contains('\n'), "CRLF only");
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{line}");
    }
    let unfolded = ics.replace("\r\n ", "");
    let mut out = Vec::new();
    let mut current: Option<BTreeMap<String, String>> = None;
    for line in unfolded.split("\r\n") {
        match line {
            "BEGIN:VEVENT" => current = Some(BTreeMap::new()),
            "END:VEVENT" => out.extend(current.take()),
            _ => {
                if let (Some(map), Some((k, v))) = (current.as_mut(), line.split_once(':')) {
                    map.entry(k.to_string()).or_insert_with(|| v.to_string());
                }
            }
        }
    }
    out
}

fn approve_everything(ws_path: &str) {
    let ws = Workspace::open(Path::new(ws_path)).expect("the workspace opens");
    for account in ws.accounts().expect("accounts read") {
        let mut drafts = ws.drafts(account.id).expect("drafts read");
        drafts.retain(|d| d.status != DraftStatus::Posted && d.status != DraftStatus::Scheduled);
        for d in &mut drafts {
            d.status = DraftStatus::Approved;
        }
        scrollstop::store::Store::open(ws.path())
            .expect("the store opens")
            .update_drafts(&drafts)
            .expect("drafts saved");
    }
}
