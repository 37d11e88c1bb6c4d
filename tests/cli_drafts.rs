//! The command line makes every draft edit the window makes: `draft list/show/new/set/comment/
//! trash/restore`, `undo`, `redo` and `history`, signed with `--as`. A bad field or value exits
//! non-zero and writes nothing; a draft is named by its number or its UUID.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

struct Demo {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

impl Demo {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("demo.sqlite");
        let demo = Self { _dir: dir, path };
        demo.ok(&["demo"]);
        demo
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_scrollstop"))
            .args(args)
            .args(["--workspace", arg(&self.path)])
            .output()
            .expect("the binary runs")
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn fails(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(!out.status.success(), "{args:?} should fail");
        String::from_utf8_lossy(&out.stderr).into_owned()
    }

    fn json(&self, args: &[&str]) -> serde_json::Value {
        serde_json::from_str(&self.ok(args)).expect("JSON")
    }
}

fn arg(p: &Path) -> &str {
    p.to_str().expect("utf-8 temp path")
}

/// Creates a draft and returns its number.
fn new_draft(demo: &Demo, fields: &[&str]) -> String {
    let mut args = vec!["draft", "new", "--account", "lunchboxlab", "--as", "Priya"];
    args.extend_from_slice(fields);
    let out = demo.ok(&args);
    let number = out
        .split('#')
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .expect("the new draft's number")
        .to_string();
    assert!(number.parse::<i64>().is_ok(), "{out}");
    number
}

#[test]
fn a_draft_is_created_changed_shown_and_listed() {
    let demo = Demo::new();
    let id = new_draft(
        &demo,
        &[
            "title=Gratitude jar",
            "caption=Jar of thanks #gratitude",
            "duration_s=0:45",
        ],
    );
    demo.ok(&[
        "draft",
        "set",
        &id,
        "status=approved",
        "assignee=Sam",
        "--as",
        "Sam",
    ]);

    let shown = demo.json(&["draft", "show", &id, "--json"]);
    assert_eq!(shown["draft"]["title"], "Gratitude jar");
    assert_eq!(shown["draft"]["status"], "Approved");
    assert_eq!(shown["draft"]["duration_s"], 45.0);
    assert_eq!(shown["draft"]["hashtags"][0], "gratitude");
    assert!(
        shown["findings"].as_array().is_some_and(|f| !f.is_empty()),
        "the checks' findings are shown"
    );
    let history = shown["history"].as_array().expect("history");
    assert_eq!(history[0]["sentence"], "Priya created the draft");
    assert_eq!(history[1]["author"], "Sam");

    // The UUID names the same draft.
    let uuid = shown["uuid"].as_str().expect("uuid").to_string();
    let text = demo.ok(&["draft", "show", &uuid]);
    assert!(text.contains("Gratitude jar"), "{text}");
    assert!(
        text.contains("Sam changed the assignee and the status"),
        "{text}"
    );

    let listed = demo.json(&["draft", "list", "--status", "approved", "--json"]);
    assert!(
        listed
            .as_array()
            .expect("a list")
            .iter()
            .any(|d| d["uuid"] == uuid.as_str()),
        "{listed}"
    );
}

#[test]
fn bad_fields_and_values_exit_non_zero_and_write_nothing() {
    let demo = Demo::new();
    let id = new_draft(&demo, &["title=Keep me"]);
    let before = demo.ok(&["draft", "show", &id, "--json"]);
    for (args, says) in [
        (vec!["status=done"], "is not one of idea"),
        (vec!["title=Changed", "duration_s=5 hours"], "duration"),
        (vec!["colour=red"], "not a draft field"),
        (vec!["caption"], "is not FIELD=VALUE"),
        (vec!["subculture=#Nowhere"], "not in this workspace"),
    ] {
        let mut full = vec!["draft", "set", id.as_str()];
        full.extend(args);
        let error = demo.fails(&full);
        assert!(error.contains(says), "{error}");
    }
    assert_eq!(
        demo.ok(&["draft", "show", &id, "--json"]),
        before,
        "nothing written"
    );
    let error = demo.fails(&["draft", "show", "99999"]);
    assert!(error.contains("there is no draft 99999"), "{error}");
}

#[test]
fn comments_trash_restore_undo_and_redo_work_from_the_command_line() {
    let demo = Demo::new();
    let id = new_draft(&demo, &["title=Muffins"]);
    demo.ok(&["draft", "comment", &id, "Shoot it on Friday", "--as", "Sam"]);
    let shown = demo.json(&["draft", "show", &id, "--json"]);
    assert_eq!(shown["comments"][0]["author"], "Sam");
    assert_eq!(shown["comments"][0]["text"], "Shoot it on Friday");

    demo.ok(&["draft", "trash", &id, "--as", "Priya"]);
    let listed = demo.ok(&["draft", "list"]);
    assert!(!listed.contains("Muffins"), "trashed drafts are not listed");
    demo.ok(&["draft", "restore", &id, "--as", "Priya"]);
    assert!(demo.ok(&["draft", "list"]).contains("Muffins"));

    // Priya's newest edit was the restore: undo puts the draft back in the trash.
    let undone = demo.ok(&["undo", "--as", "Priya"]);
    assert!(undone.contains("Moved the draft to the trash"), "{undone}");
    assert!(!demo.ok(&["draft", "list"]).contains("Muffins"));
    let redone = demo.ok(&["redo", "--as", "Priya"]);
    assert!(redone.contains("Restored the draft"), "{redone}");
    assert!(demo.ok(&["draft", "list"]).contains("Muffins"));
    // Sam has nothing of his own to undo (a comment cannot be taken back).
    let nothing = demo.ok(&["undo", "--as", "Sam"]);
    assert!(nothing.contains("Nothing of Sam's to undo"), "{nothing}");

    let history = demo.json(&["history", "--json", "--limit", "3"]);
    let history = history.as_array().expect("a list");
    assert_eq!(history.len(), 3);
    assert_eq!(history[0]["author"], "Priya", "newest first");
    let text = demo.ok(&["history", "--draft", &id]);
    assert!(text.contains("Priya created the draft"), "{text}");
}
