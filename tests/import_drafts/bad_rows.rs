//! Bad rows are listed with line and reason and block the import unless skipped; a file
//! without an account column needs the account chosen.

use super::*;

#[test]
fn bad_rows_are_listed_with_line_and_reason_and_nothing_is_written() {
    let setup = setup();
    let file = write(&setup, "bad.csv", BAD);
    let before = dump(&setup.path);
    let mut ws = Workspace::open(&setup.path).expect("open");
    let report = ws.import_now(&[file], options(), &Silent).expect("import");
    assert!(!report.committed);
    // Cells the parser refuses come first, rows the workspace refuses after: by line here.
    let mut lines: Vec<(usize, &str)> = report
        .rejected
        .iter()
        .map(|r| (r.line, r.reason.as_str()))
        .collect();
    lines.sort();
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert_eq!(lines[0].0, 3);
    assert!(
        lines[0].1.contains("subculture \"#NoSuchTok\""),
        "{lines:?}"
    );
    assert_eq!(lines[1].0, 4);
    assert!(lines[1].1.contains("aspect \"3:2\""), "{lines:?}");
    assert_eq!(lines[2].0, 5);
    assert!(
        lines[2].1.contains("does not exist in Europe/Amsterdam"),
        "{lines:?}"
    );
    assert!(report.rejected.iter().all(|r| r.file == "bad.csv"));
    drop(ws);
    assert_eq!(dump(&setup.path), before, "a refused import writes nothing");
}

#[test]
fn skip_bad_rows_imports_the_rest() {
    let setup = setup();
    let file = write(&setup, "bad.csv", BAD);
    let mut ws = Workspace::open(&setup.path).expect("open");
    let options = ImportOptions {
        skip_bad_rows: true,
        ..options()
    };
    let report = ws.import_now(&[file], options, &Silent).expect("import");
    assert!(report.committed);
    assert_eq!(report.rejected.len(), 3);
    assert_eq!(report.files[0].changes.added, 2);
    let account = ws.accounts().expect("accounts")[0].id;
    let titles: Vec<String> = ws
        .drafts(account)
        .expect("drafts")
        .into_iter()
        .map(|d| d.title)
        .collect();
    assert_eq!(titles.len(), 2);
    assert!(titles.contains(&"Fine one".to_string()) && titles.contains(&"Also fine".to_string()));
}

#[test]
fn a_file_without_an_account_column_needs_the_account_chosen() {
    let setup = setup();
    let file = write(&setup, "plain.csv", "title,caption\nA,b\n");
    let mut ws = Workspace::open(&setup.path).expect("open");
    let report = ws
        .import_now(std::slice::from_ref(&file), options(), &Silent)
        .expect("import");
    assert!(!report.committed);
    assert!(
        report.rejected[0].reason.contains("which account"),
        "{report:?}"
    );
    let chosen = ImportOptions {
        account: Some("@meadow".parse().expect("a valid handle")),
        ..options()
    };
    let report = ws.import_now(&[file], chosen, &Silent).expect("import");
    assert!(report.committed);
    assert_eq!(report.files[0].changes.added, 1);
}
