//! Items 4, 8 and 9 (the workspace file): read commands never create anything, creating
//! commands never create folders, first imports at once do not race on the schema, a damaged
//! file's message names only backups that exist and leaves no `-wal`/`-shm`, and `demo` on a
//! full disk leaves no file.

use std::fs;
use std::process::Stdio;

use super::*;

#[test]
fn read_commands_on_a_missing_workspace_create_nothing() {
    let dir = tempfile::tempdir().unwrap();
    for ws in [
        dir.path().join("missing").join("deeper").join("ws.sqlite"),
        dir.path().join("ws.sqlite"),
    ] {
        let ws = arg(&ws);
        let range = ["--from", "2027-01-04", "--to", "2027-01-10"];
        let out_file = dir.path().join("plan.ics");
        let commands: Vec<Vec<&str>> = vec![
            vec!["info", "--workspace", ws],
            vec!["check", "--workspace", ws],
            vec!["videos", "--workspace", ws],
            vec!["backtest", "--workspace", ws],
            vec!["predict", "--workspace", ws, "--draft", "1"],
            [&["plan", "--workspace", ws][..], &range[..]].concat(),
            [
                &["export", "--workspace", ws, "--format", "ics"][..],
                &range[..],
                &["--output", arg(&out_file)][..],
            ]
            .concat(),
        ];
        for args in commands {
            let message = fails(&args);
            assert!(
                message.contains(&format!("there is no workspace at {ws}")),
                "{args:?}: {message}"
            );
        }
        assert!(
            names_in(dir.path()).is_empty(),
            "{:?}",
            names_in(dir.path())
        );
    }
}

#[test]
fn creating_commands_create_the_file_but_never_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let nested = dir.path().join("typo").join("demo.sqlite");
    let message = fails(&["demo", "--workspace", arg(&nested)]);
    assert!(message.contains("there is no folder"), "{message}");
    let csv = dir.path().join("history.csv");
    fs::write(&csv, "video id,posted,views\n1,2026-05-01,100\n").unwrap();
    let message = fails(&[
        "import",
        "--workspace",
        arg(&nested),
        "--account",
        "knitwit",
        arg(&csv),
    ]);
    assert!(message.contains("there is no folder"), "{message}");
    assert_eq!(names_in(dir.path()), ["history.csv"]);

    let ws = dir.path().join("demo.sqlite");
    ok(&["demo", "--workspace", arg(&ws)]);
    assert!(ws.is_file());
}

#[test]
fn first_imports_started_at_once_all_succeed() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("history.csv");
    fs::write(
        &csv,
        "video id,posted,views\n101,2026-05-01,100\n102,2026-05-02,250\n",
    )
    .unwrap();
    for round in 0..4 {
        let ws = dir.path().join(format!("new{round}.sqlite"));
        let children: Vec<_> = (0..4)
            .map(|_| {
                binary()
                    .args(["import", "--workspace", arg(&ws), "--account", "knitwit"])
                    .args(["--map", "video_id=video id", "--map", "post_time=posted"])
                    .args(["--map", "views=views"])
                    .arg(&csv)
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
        let conn = rusqlite::Connection::open(&ws).unwrap();
        let videos: i64 = conn
            .query_row("SELECT count(*) FROM videos", [], |r| r.get(0))
            .unwrap();
        assert_eq!(videos, 2, "imported once, however many ran");
    }
}

/// A file with SQLite's header whose pages are garbage.
fn damaged(path: &std::path::Path) {
    let healthy = path.with_extension("healthy");
    Workspace::create_demo_at(&healthy, 7, &scrollstop::workspace::Silent).expect("the demo");
    let mut bytes = fs::read(&healthy).expect("the demo file reads");
    fs::remove_file(&healthy).expect("removed");
    for b in bytes.iter_mut().skip(100).take(60_000) {
        *b = 0xA5;
    }
    fs::write(path, bytes).expect("the damaged copy is written");
}

#[test]
fn a_damaged_workspace_names_only_backups_that_exist_and_leaves_no_companions() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws.sqlite");
    damaged(&ws);
    let message = fails(&["info", "--workspace", arg(&ws)]);
    assert!(message.contains("is damaged"), "{message}");
    assert!(
        message.contains("No backup copy of it was found"),
        "{message}"
    );
    assert!(!message.contains(".bak"), "{message}");
    assert_eq!(names_in(dir.path()), ["ws.sqlite"], "no -wal/-shm left");

    let copy = dir.path().join("ws.sqlite.v2.bak");
    fs::write(&copy, b"an older copy").unwrap();
    let message = fails(&["check", "--workspace", arg(&ws)]);
    assert!(message.contains(arg(&copy)), "{message}");
    assert_eq!(names_in(dir.path()), ["ws.sqlite", "ws.sqlite.v2.bak"]);
}

#[test]
fn demo_on_a_full_disk_says_so_and_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("demo.sqlite");
    // Files of at most 64 KB for this process: the demo needs more, as on a full disk.
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "trap '' XFSZ; ulimit -f 128; exec '{}' demo --workspace '{}'",
            env!("CARGO_BIN_EXE_scrollstop"),
            arg(&ws)
        ))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let message = stderr(&out);
    assert!(message.contains("could not write to the disk"), "{message}");
    assert!(!message.contains("migration"), "{message}");
    assert!(
        names_in(dir.path()).is_empty(),
        "{:?}",
        names_in(dir.path())
    );
}
