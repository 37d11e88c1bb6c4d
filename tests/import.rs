//! Importing files into a real workspace: preview equals commit, re-imports change nothing,
//! newer exports add snapshots, and bad input leaves the workspace exactly as it was.

use std::path::{Path, PathBuf};

use scrollstop::workspace::{ImportOptions, Silent, Workspace};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/studio")
}

fn options() -> ImportOptions {
    ImportOptions {
        account: Some("@knitwit".parse().expect("a valid handle")),
        export_date: chrono::NaiveDate::from_ymd_opt(2026, 1, 3),
        imported_at: chrono::DateTime::from_timestamp(1_767_441_600, 0).expect("instant"),
        ..ImportOptions::default()
    }
}

/// Every row of every table, as text, to compare workspaces before and after.
fn dump(path: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(path).expect("open");
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .expect("tables")
        .query_map([], |r| r.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("names");
    let mut rows = Vec::new();
    for t in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM {t}")).expect("select");
        let n = stmt.column_count();
        let mut q = stmt.query([]).expect("rows");
        while let Some(r) = q.next().expect("row") {
            let cells: Vec<String> = (0..n)
                .map(|i| format!("{:?}", r.get_ref(i).expect("cell")))
                .collect();
            rows.push(format!("{t}: {}", cells.join(" | ")));
        }
    }
    rows
}

#[test]
fn the_preview_matches_the_commit_and_a_reimport_changes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("w.sqlite");
    let mut ws = Workspace::open(&path).expect("open");
    let files = vec![
        fixtures().join("Content.csv"),
        fixtures().join("Overview.csv"),
        fixtures().join("FollowerActivity.csv"),
    ];

    let before = dump(&path);
    let prepared = ws
        .prepare_import(&files, options(), &Silent)
        .expect("preview");
    assert_eq!(dump(&path), before, "a preview writes nothing");
    assert!(prepared.can_commit());
    let preview = prepared.report.clone();
    let done = ws.commit_import(prepared, &Silent).expect("commit");
    assert!(done.committed);
    for (p, d) in preview.files.iter().zip(&done.files) {
        assert_eq!(p.changes, d.changes, "{}", p.summary.file);
    }
    let added: usize = done.files.iter().map(|f| f.changes.added).sum();
    assert!(added > 0);
    let videos = ws.counts().expect("counts").videos;
    assert!(videos > 0);

    let again = ws
        .prepare_import(&files, options(), &Silent)
        .expect("again");
    assert!(
        again
            .report
            .files
            .iter()
            .all(|f| f.changes.added == 0 && f.changes.updated == 0)
    );
    assert!(!again.can_commit(), "nothing new to write");
    let log_before = ws.import_log().expect("log").len();
    assert_eq!(log_before, 3, "one log entry per file");
}

#[test]
fn a_newer_content_export_adds_snapshots_not_videos() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("w.sqlite");
    let mut ws = Workspace::open(&path).expect("open");
    let first = ws
        .prepare_import(&[fixtures().join("Content.csv")], options(), &Silent)
        .expect("first");
    ws.commit_import(first, &Silent).expect("commit");
    let counts = ws.counts().expect("counts");

    let text = std::fs::read_to_string(fixtures().join("Content.csv")).expect("fixture");
    // The same videos, exported a week later with more views.
    let later = text.replace("\"January 3\"", "\"January 10\"");
    let bumped: String = later
        .lines()
        .enumerate()
        .map(|(i, l)| if i == 0 { l.to_string() } else { bump_views(l) })
        .collect::<Vec<_>>()
        .join("\n");
    let newer = dir.path().join("Content 2.csv");
    std::fs::write(&newer, bumped).expect("write");
    let second = ws
        .prepare_import(&[newer], options(), &Silent)
        .expect("second");
    assert!(
        second.report.files[0].changes.updated > 0,
        "{:?}",
        second.report.files[0]
    );
    ws.commit_import(second, &Silent).expect("commit");
    let after = ws.counts().expect("counts");
    assert_eq!(after.videos, counts.videos, "no duplicate videos");
    assert!(
        after.video_snapshots > counts.video_snapshots,
        "a later snapshot is added"
    );
}

fn bump_views(line: &str) -> String {
    match line.rfind(",\"") {
        Some(i) => {
            let (head, tail) = line.split_at(i + 2);
            let digits: String = tail.chars().take_while(char::is_ascii_digit).collect();
            match digits.parse::<i64>() {
                Ok(n) => format!("{head}{}\"", n + 1000),
                Err(_) => line.to_string(),
            }
        }
        None => line.to_string(),
    }
}

#[test]
fn bad_input_leaves_the_workspace_exactly_as_it_was() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("w.sqlite");
    let mut ws = Workspace::open(&path).expect("open");
    let first = ws
        .prepare_import(&[fixtures().join("Content.csv")], options(), &Silent)
        .expect("first");
    ws.commit_import(first, &Silent).expect("commit");
    let before = dump(&path);

    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty.csv", Vec::new()),
        ("binary.csv", (0..=255u8).cycle().take(4096).collect()),
        (
            "other-tool.csv",
            b"Name,Email\nAda,ada@example.com\n".to_vec(),
        ),
        (
            "broken.csv",
            b"\xef\xbb\xbf\"Date\",\"Video Views\"\n\"April 12\",\"12\n\"April 13\",\"4\"".to_vec(),
        ),
        ("not-a-zip.zip", b"PK\x03\x04 truncated".to_vec()),
    ];
    for (name, bytes) in cases {
        let bad = dir.path().join(name);
        std::fs::write(&bad, &bytes).expect("write");
        let prepared = ws
            .prepare_import(&[bad, fixtures().join("Overview.csv")], options(), &Silent)
            .expect("preview");
        assert!(prepared.report.has_problems(), "{name} must be refused");
        let message = prepared.report.errors.join(" ")
            + &prepared
                .report
                .rejected
                .iter()
                .map(|r| r.reason.clone())
                .collect::<String>();
        assert!(
            prepared.report.errors.iter().any(|e| e.contains(name))
                || prepared
                    .report
                    .rejected
                    .iter()
                    .any(|r| r.file.contains(name)),
            "{name}: the message names the file: {message}"
        );
        let report = ws
            .commit_import(prepared, &Silent)
            .expect("refused commit returns the report");
        assert!(!report.committed);
        assert_eq!(dump(&path), before, "{name} changed the workspace");
    }
}

#[test]
fn files_naming_no_account_get_one_rejection_each_not_one_per_row() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::open(&dir.path().join("w.sqlite")).expect("open");
    let files = vec![
        fixtures().join("Overview.csv"),
        fixtures().join("FollowerActivity.csv"),
    ];
    let report = ws
        .import_now(
            &files,
            ImportOptions {
                account: None,
                ..options()
            },
            &Silent,
        )
        .expect("import");
    assert!(!report.committed);
    let files: Vec<&str> = report.rejected.iter().map(|r| r.file.as_str()).collect();
    assert_eq!(
        files,
        ["Overview.csv", "FollowerActivity.csv"],
        "{report:#?}"
    );
    for (rejected, file) in report.rejected.iter().zip(&report.files) {
        let rows = file.changes.rejected;
        assert!(rows > 1, "every row of {} is counted", rejected.file);
        assert!(
            rejected
                .reason
                .contains(&format!("this row and {} more of the file", rows - 1)),
            "{}",
            rejected.reason
        );
        assert!(rejected.reason.contains("--account"), "{}", rejected.reason);
    }
}
