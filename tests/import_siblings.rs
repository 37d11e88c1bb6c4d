//! Files imported together (one folder, one ZIP, one drop, one command) that do not name an
//! account take the one their siblings name; where siblings disagree, the file is refused once
//! with the accounts named; an explicit `--account` that contradicts a file's own handle is
//! refused with both handles, once per file. The window's preview and the command line share
//! the path.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use scrollstop::workspace::{ImportOptions, Silent, Workspace};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/studio");

fn scrollstop(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_scrollstop"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// A Studio download: Content (naming @knitwit in its links) beside reports naming no one.
fn download(dir: &Path) -> PathBuf {
    let folder = dir.join("download");
    fs::create_dir(&folder).expect("folder");
    for name in [
        "Content.csv",
        "FollowerActivity.csv",
        "Overview.csv",
        "FollowerGender.csv",
    ] {
        fs::copy(Path::new(FIXTURES).join(name), folder.join(name)).expect("fixture copied");
    }
    folder
}

fn arg(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 temp path")
}

#[test]
fn a_studio_download_imports_in_one_go_to_the_account_its_content_names() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = download(dir.path());
    let ws = dir.path().join("w.sqlite");
    let out = scrollstop(&[
        "import",
        "--workspace",
        arg(&ws),
        "--export-date",
        "2026-01-03",
        arg(&folder),
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("Imported."), "{text}");
    for file in [
        "Content.csv",
        "FollowerActivity.csv",
        "Overview.csv",
        "FollowerGender.csv",
    ] {
        let line = text
            .lines()
            .find(|l| l.contains(file))
            .unwrap_or_else(|| panic!("{file} is reported: {text}"));
        assert!(line.contains("-> @knitwit:"), "{line}");
    }
    assert!(!text.contains("rejected:"), "{text}");
}

#[test]
fn the_window_preview_gives_siblings_the_same_account() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = download(dir.path());
    let mut ws = Workspace::open(&dir.path().join("w.sqlite")).expect("open");
    let options = ImportOptions {
        export_date: chrono::NaiveDate::from_ymd_opt(2026, 1, 3),
        ..ImportOptions::default()
    };
    let prepared = ws
        .prepare_import(&[folder], options, &Silent)
        .expect("preview");
    assert!(
        prepared.report.rejected.is_empty(),
        "{:?}",
        prepared.report.rejected
    );
    for f in &prepared.report.files {
        assert_eq!(f.accounts, ["@knitwit"], "{}", f.summary.file);
    }
}

#[test]
fn an_explicit_account_contradicting_a_files_handle_shows_both_once_per_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = download(dir.path());
    let ws = dir.path().join("w.sqlite");
    let out = scrollstop(&[
        "import",
        "--workspace",
        arg(&ws),
        "--account",
        "fernandfable",
        "--export-date",
        "2026-01-03",
        arg(&folder),
    ]);
    assert!(!out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let rejected: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("rejected:"))
        .collect();
    assert_eq!(
        rejected.len(),
        1,
        "one line for the one file naming @knitwit: {text}"
    );
    assert!(rejected[0].contains("Content.csv"), "{}", rejected[0]);
    assert!(
        rejected[0].contains("belong to @knitwit, but --account says @fernandfable"),
        "{}",
        rejected[0]
    );
}

#[test]
fn siblings_naming_several_accounts_leave_the_choice_to_the_user_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = download(dir.path());
    let other = fs::read_to_string(folder.join("Content.csv"))
        .expect("fixture")
        .replace("@knitwit", "@fernandfable");
    fs::write(folder.join("Content 2.csv"), other).expect("second account's content");
    let ws = dir.path().join("w.sqlite");
    let out = scrollstop(&[
        "import",
        "--workspace",
        arg(&ws),
        "--export-date",
        "2026-01-03",
        arg(&folder),
    ]);
    assert!(!out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let rejected: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("rejected:"))
        .collect();
    assert_eq!(rejected.len(), 3, "one line per file naming no one: {text}");
    for line in rejected {
        // Named in the order the files were read ("Content 2.csv" before "Content.csv").
        assert!(
            line.contains("name several (@fernandfable, @knitwit)"),
            "{line}"
        );
        assert!(line.contains("--account HANDLE"), "{line}");
    }
}
