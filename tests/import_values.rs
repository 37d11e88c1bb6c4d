//! Values no video can have are rejected rows, whatever file they come in: a count below zero,
//! a duration of years, a snapshot measured before its video was posted, a post in year 1 or
//! 9999. Each is listed with file, line and reason; nothing is written unless the user skips
//! bad rows, and then only the good rows are.

use std::path::{Path, PathBuf};

use scrollstop::workspace::{ImportOptions, Silent, Workspace};

/// One good row (line 2), then one bad value per line (3 to 8).
const HISTORY: &str = "video_id,account,post_time,measured_at,duration,views,likes,comments\n\
7546034661705796877,knitwit,2025-09-04 01:08,2025-09-10 12:00,31,1000,10,2\n\
7546034661705796878,knitwit,2025-09-04 01:08,2025-09-10 12:00,31,-5,10,2\n\
7546034661705796879,knitwit,2025-09-04 01:08,2025-09-10 12:00,31536000,1000,10,2\n\
7546034661705796880,knitwit,2025-09-12 01:08,2025-09-10 12:00,31,1000,10,2\n\
7546034661705796881,knitwit,0001-01-01 00:00,2025-09-10 12:00,31,1000,10,2\n\
7546034661705796882,knitwit,9999-01-01 00:00,2025-09-10 12:00,31,1000,10,2\n\
7546034661705796883,knitwit,2025-09-04 01:08,2025-09-10 12:00,31,1000,10,-4\n";

fn options(skip_bad_rows: bool) -> ImportOptions {
    ImportOptions {
        imported_at: chrono::DateTime::from_timestamp(1_767_441_600, 0).expect("instant"),
        skip_bad_rows,
        ..ImportOptions::default()
    }
}

fn history(dir: &Path) -> PathBuf {
    let file = dir.join("history.csv");
    std::fs::write(&file, HISTORY).expect("write the history");
    file
}

#[test]
fn each_impossible_value_is_a_rejected_row_with_its_line_and_reason() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = history(dir.path());
    let mut ws = Workspace::open(&dir.path().join("w.sqlite")).expect("open");
    let report = ws
        .import_now(std::slice::from_ref(&file), options(false), &Silent)
        .expect("import");
    assert!(
        !report.committed,
        "nothing is written while rows are rejected"
    );
    assert_eq!(ws.counts().expect("counts").videos, 0);
    let rows: Vec<(&str, usize, &str)> = report
        .rejected
        .iter()
        .map(|r| (r.file.as_str(), r.line, r.reason.as_str()))
        .collect();
    let expected = [
        (3, "views is -5"),
        (4, "up to 24 hours"),
        (5, "before the video was posted"),
        (6, "before TikTok existed"),
        (7, "more than a day after the import"),
        (8, "comments is -4"),
    ];
    assert_eq!(rows.len(), expected.len(), "{rows:#?}");
    for ((file, line, reason), (want_line, want)) in rows.iter().zip(expected) {
        assert_eq!(*file, "history.csv");
        assert_eq!(*line, want_line, "{reason}");
        assert!(reason.contains(want), "line {line}: {reason}");
    }
    assert_eq!(report.files[0].summary.rows, 1);
    assert_eq!(report.files[0].changes.rejected, 6);
}

#[test]
fn skipping_bad_rows_writes_only_the_good_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = history(dir.path());
    let mut ws = Workspace::open(&dir.path().join("w.sqlite")).expect("open");
    let report = ws
        .import_now(&[file], options(true), &Silent)
        .expect("import");
    assert!(report.committed);
    assert_eq!(report.rejected.len(), 6);
    let counts = ws.counts().expect("counts");
    assert_eq!((counts.videos, counts.video_snapshots), (1, 1));
}

#[test]
fn a_studio_reports_negative_comments_are_kept() {
    // TikTok's Content export counts deleted comments off a video's total (FORMATS.md).
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/studio/Content.csv");
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::open(&dir.path().join("w.sqlite")).expect("open");
    let report = ws
        .import_now(
            &[content],
            ImportOptions {
                account: Some("@knitwit".parse().expect("a valid handle")),
                export_date: chrono::NaiveDate::from_ymd_opt(2026, 1, 3),
                ..options(false)
            },
            &Silent,
        )
        .expect("import");
    assert!(report.rejected.is_empty(), "{:?}", report.rejected);
    assert!(report.committed);
}
