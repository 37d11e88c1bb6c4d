//! The command line imports drafts with the right exit codes.

use super::*;

fn scrollstop(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_scrollstop"))
        .args(args)
        .output()
        .expect("the binary runs")
}

#[test]
fn the_command_line_imports_drafts_with_the_right_exit_codes() {
    let setup = setup();
    let ws = setup.path.to_str().expect("utf-8 path").to_string();
    let bad = write(&setup, "bad.csv", BAD);
    let bad = bad.to_str().expect("utf-8 path");
    let good = write(&setup, "drafts.csv", GOOD);
    let good = good.to_str().expect("utf-8 path");

    let dry = scrollstop(&["import", "--workspace", &ws, "--dry-run", "--json", good]);
    assert!(
        dry.status.success(),
        "{}",
        String::from_utf8_lossy(&dry.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&dry.stdout).expect("JSON");
    assert_eq!(json["files"][0]["kind"], "Drafts");
    assert_eq!(json["files"][0]["changes"]["added"], 3);
    assert_eq!(json["drafts"][0]["change"], "added");
    assert_eq!(json["committed"], false);

    let refused = scrollstop(&["import", "--workspace", &ws, bad]);
    assert!(!refused.status.success());
    let out = String::from_utf8_lossy(&refused.stdout);
    assert!(out.contains("rejected: bad.csv line 3:"), "{out}");
    assert!(String::from_utf8_lossy(&refused.stderr).contains("nothing was written"));

    let skipped = scrollstop(&["import", "--workspace", &ws, "--skip-bad-rows", bad]);
    assert!(skipped.status.success());
    assert!(String::from_utf8_lossy(&skipped.stdout).contains("Imported."));

    let good_run = scrollstop(&["import", "--workspace", &ws, good]);
    assert!(good_run.status.success());
    let out = String::from_utf8_lossy(&good_run.stdout);
    assert!(
        out.contains("drafts.csv (Drafts, UTF-8 with BOM) -> @meadow: 3 added"),
        "{out}"
    );

    let again = scrollstop(&["import", "--workspace", &ws, good]);
    assert!(again.status.success(), "re-importing is not an error");
    let out = String::from_utf8_lossy(&again.stdout);
    assert!(out.contains("0 added, 0 updated, 3 unchanged"), "{out}");
}
