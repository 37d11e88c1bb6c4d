//! Account handles follow TikTok's rules wherever they come from: `--account`, a file's
//! account column, a drafts CSV. A bad one is refused with the rule and creates no account,
//! and a bad handle an old workspace already holds never reaches the terminal raw.

use std::path::Path;
use std::process::{Command, Output};

use chrono::{TimeZone, Utc};
use scrollstop::workspace::{ImportOptions, Silent, Workspace};

const RULE: &str = "a handle has 2-24 letters, digits, \"_\" or \".\"";

const HISTORY: &str = "\
user_name,vid_id,vid_postTime,vid_nview
knitwit,7546034661848194061,2025-09-04 01:08,1200
";

fn scrollstop(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_scrollstop"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn path_arg(p: &Path) -> &str {
    p.to_str().expect("utf-8 temp path")
}

fn handles_in(path: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(path).expect("open");
    conn.prepare("SELECT handle FROM accounts ORDER BY id")
        .expect("select")
        .query_map([], |r| r.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("handles")
}

fn assert_no_control_characters(output: &Output) {
    for stream in [&output.stdout, &output.stderr] {
        let shown = text(stream);
        assert!(
            !shown.chars().any(|c| c.is_control() && c != '\n'),
            "raw control characters: {shown:?}"
        );
    }
}

#[test]
fn import_refuses_a_bad_account_argument_before_creating_anything() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("history.csv");
    std::fs::write(&file, HISTORY).expect("write");
    let fresh = dir.path().join("fresh.sqlite");
    for bad in [
        "",
        "@",
        "bad\nname",
        "\u{1b}[31mred",
        "knitwit.",
        &"a".repeat(100_000),
    ] {
        let out = scrollstop(&[
            "import",
            "--workspace",
            path_arg(&fresh),
            "--account",
            bad,
            path_arg(&file),
        ]);
        assert!(!out.status.success(), "{bad:?} was accepted");
        let error = text(&out.stderr);
        assert!(error.contains("is not a TikTok handle"), "{error}");
        assert!(error.contains(RULE), "{error}");
        assert!(error.len() < 1000, "the refused text is cut short: {error}");
        assert_no_control_characters(&out);
        assert!(!fresh.exists(), "{bad:?} created the workspace");
    }

    let ws = dir.path().join("w.sqlite");
    let ok = scrollstop(&[
        "import",
        "--workspace",
        path_arg(&ws),
        "--account",
        " @KnitWit ",
        path_arg(&file),
    ]);
    assert!(ok.status.success(), "{}", text(&ok.stderr));
    for bad in ["", "bad\nname"] {
        let out = scrollstop(&[
            "import",
            "--workspace",
            path_arg(&ws),
            "--account",
            bad,
            path_arg(&file),
        ]);
        assert!(!out.status.success(), "{bad:?} was accepted");
        assert!(text(&out.stderr).contains(RULE), "{}", text(&out.stderr));
    }
    assert_eq!(handles_in(&ws), vec!["knitwit"], "no account was added");
}

#[test]
fn a_file_naming_a_bad_handle_has_that_row_rejected_with_file_line_and_rule() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("history.csv");
    std::fs::write(
        &file,
        "user_name,vid_id,vid_postTime,vid_nview\n\
         knitwit,7546034661848194061,2025-09-04 01:08,1200\n\
         bad name,7546034661848194062,2025-09-05 01:08,1300\n\
         knitwit.,7546034661848194063,2025-09-06 01:08,1400\n\
         knit\u{202e}wit,7546034661848194064,2025-09-07 01:08,1500\n\
         @,7546034661848194065,2025-09-08 01:08,1600\n",
    )
    .expect("write");
    let ws = dir.path().join("w.sqlite");

    let out = scrollstop(&["import", "--workspace", path_arg(&ws), path_arg(&file)]);
    assert!(!out.status.success(), "{}", text(&out.stdout));
    assert_no_control_characters(&out);
    assert!(handles_in(&ws).is_empty(), "nothing is written");

    let mut workspace = Workspace::open(&ws).expect("open");
    let prepared = workspace
        .prepare_import(
            std::slice::from_ref(&file),
            ImportOptions::default(),
            &Silent,
        )
        .expect("preview");
    let rejected = &prepared.report.rejected;
    assert_eq!(
        rejected.iter().map(|r| r.line).collect::<Vec<_>>(),
        vec![3, 4, 5, 6],
        "{rejected:?}"
    );
    for r in rejected {
        assert!(r.file.ends_with("history.csv"), "{r:?}");
        assert!(r.reason.contains(RULE), "{r:?}");
        assert!(!r.reason.contains('\u{202e}'), "{r:?}");
    }

    let options = ImportOptions {
        skip_bad_rows: true,
        ..ImportOptions::default()
    };
    let report = workspace
        .import_now(&[file], options, &Silent)
        .expect("import");
    assert!(report.committed);
    assert_eq!(handles_in(&ws), vec!["knitwit"]);
}

#[test]
fn a_drafts_csv_naming_a_bad_handle_has_that_row_rejected() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("drafts.csv");
    std::fs::write(
        &file,
        "Title,Caption,Account\n\
         Jam jars,Summer jam,@meadow\n\
         Sneaky,Caption,\"bad\nname\"\n\
         Empty,Caption,@\n",
    )
    .expect("write");
    let ws = dir.path().join("w.sqlite");
    let mut workspace = Workspace::open(&ws).expect("open");
    let options = ImportOptions {
        imported_at: Utc
            .with_ymd_and_hms(2026, 2, 20, 9, 0, 0)
            .single()
            .expect("instant"),
        ..ImportOptions::default()
    };
    let prepared = workspace
        .prepare_import(&[file], options, &Silent)
        .expect("preview");
    let rejected = &prepared.report.rejected;
    assert_eq!(rejected.len(), 2, "{rejected:?}");
    for r in rejected {
        assert!(r.reason.contains(RULE), "{r:?}");
        assert!(!r.reason.chars().any(char::is_control), "{r:?}");
    }
    assert_eq!(prepared.report.new_accounts, vec!["@meadow"]);
}

#[test]
fn a_bad_handle_an_old_workspace_holds_is_printed_escaped() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = dir.path().join("w.sqlite");
    let file = dir.path().join("history.csv");
    std::fs::write(&file, HISTORY).expect("write");
    let made = scrollstop(&["import", "--workspace", path_arg(&ws), path_arg(&file)]);
    assert!(made.status.success(), "{}", text(&made.stderr));
    // What an earlier Scrollstop let through.
    rusqlite::Connection::open(&ws)
        .expect("open")
        .execute("UPDATE accounts SET handle = ?1", ["bad\nname\u{1b}[2J"])
        .expect("update");

    let out = scrollstop(&["check", "--workspace", path_arg(&ws)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_no_control_characters(&out);
    assert!(
        text(&out.stdout).contains("@bad\\nname\\u{1b}[2J"),
        "{}",
        text(&out.stdout)
    );
    let workspace = Workspace::open(&ws).expect("open");
    let accounts = workspace.accounts().expect("accounts");
    let mut account = accounts[0].clone();
    account.cadence.posts_per_day = 1;
    let workspace = workspace;
    let refused = scrollstop::store::Store::open(workspace.path())
        .expect("the store opens")
        .update_account(&account);
    assert!(
        refused.is_err_and(|e| e.to_string().contains(RULE)),
        "a bad handle is renamed, never written back"
    );
}
