mod bad_input;
mod build;
mod endless;
mod fuzz;

use std::sync::{Arc, Mutex};

use chrono::NaiveDate;

use super::*;
use crate::io::{Collected, ReportKind};
use build::{fixture, studio_csv, xlsx, zip_of};

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real day")
}

fn given(date: NaiveDate) -> ReadOptions {
    ReadOptions {
        export_date: Some(date),
        ..ReadOptions::default()
    }
}

fn read(file: &str, bytes: &[u8], options: &ReadOptions) -> (Collected, Vec<ImportError>) {
    let mut sink = Collected::default();
    let errors = read_bytes(file, bytes, options, &mut sink);
    (sink, errors)
}

#[test]
fn a_followers_zip_names_its_files_and_its_account() {
    let zip = zip_of(
        &[
            ("FollowerHistory.csv", fixture("FollowerHistory.csv")),
            ("FollowerActivity.csv", fixture("FollowerActivity.csv")),
            ("FollowerGender.csv", fixture("FollowerGender.csv")),
            (
                "FollowerTopTerritories.csv",
                fixture("FollowerTopTerritories.csv"),
            ),
        ],
        false,
    );
    let (got, errors) = read("Followers_knitwit.zip", &zip, &given(ymd(2026, 1, 3)));
    assert!(errors.is_empty(), "{errors:?}");
    let files: Vec<&str> = got.files.iter().map(|f| f.file.as_str()).collect();
    assert_eq!(
        files,
        [
            "Followers_knitwit.zip/FollowerHistory.csv",
            "Followers_knitwit.zip/FollowerActivity.csv",
            "Followers_knitwit.zip/FollowerGender.csv",
            "Followers_knitwit.zip/FollowerTopTerritories.csv",
        ]
    );
    assert!(
        got.files
            .iter()
            .all(|f| f.account_hint.as_deref() == Some("knitwit"))
    );
    assert_eq!(
        got.activity[0].0,
        "Followers_knitwit.zip/FollowerActivity.csv"
    );
    assert_eq!(got.shares.len(), 7);
}

#[test]
fn an_overview_zip_states_its_export_date() {
    let zip = zip_of(&[("Overview.csv", fixture("Overview.csv"))], false);
    let (got, errors) = read(
        "Overview_1735689600_1767441600_knitwit.zip",
        &zip,
        &ReadOptions::default(),
    );
    assert!(errors.is_empty(), "{errors:?}");
    let summary = &got.files[0];
    assert_eq!(summary.export_date, Some(ymd(2026, 1, 3)));
    assert_eq!(
        summary.export_date_source.as_deref(),
        Some("the date in the ZIP file's name")
    );
    assert_eq!(summary.first_date, Some(ymd(2025, 12, 28)));
    assert_eq!(summary.account_hint.as_deref(), Some("knitwit"));
}

#[test]
fn a_deflated_content_zip_is_read_too() {
    let zip = zip_of(&[("Content 2.csv", fixture("Content.csv"))], true);
    let (got, errors) = read("Content_knitwit (1).zip", &zip, &ReadOptions::default());
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(got.videos.len(), 3);
    assert_eq!(got.files[0].kind, ReportKind::Content);
    assert_eq!(got.files[0].file, "Content_knitwit (1).zip/Content 2.csv");
}

#[test]
fn the_zip_entry_time_places_yearless_dates() {
    let zip = zip_of(&[("Viewers.csv", fixture("Viewers.csv"))], false);
    let (got, errors) = read("Viewers_knitwit.zip", &zip, &ReadOptions::default());
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(
        got.files[0].export_date,
        Some(ymd(2026, 1, 3)),
        "the entries are dated 2026-01-03"
    );
    assert_eq!(got.daily[0].1.date, Some(ymd(2026, 1, 1)));
}

#[test]
fn an_xlsx_of_inline_strings_reads_like_its_csv() {
    let rows: &[&[&str]] = &[
        &["Date", "Total Viewers", "New Viewers", "Returning Viewers"],
        &["January 2", "650", "410", "240"],
        &["January 3", "700", "undefined", "-1"],
    ];
    let zip = zip_of(&[("Viewers.xlsx", xlsx("Viewers", rows, &[]))], false);
    let (got, errors) = read("Viewers_knitwit.zip", &zip, &given(ymd(2026, 1, 3)));
    assert!(errors.is_empty(), "{errors:?}");
    let summary = &got.files[0];
    assert_eq!(
        (summary.file.as_str(), summary.encoding.as_str()),
        ("Viewers_knitwit.zip/Viewers.xlsx", "XLSX")
    );
    assert_eq!(got.daily[0].1.new_viewers, Some(410));
    assert_eq!(got.daily[1].1.new_viewers, None);
    assert_eq!(got.daily[1].1.returning_viewers, Some(-1));
    assert_eq!(got.daily[1].1.date, Some(ymd(2026, 1, 3)));
}

#[test]
fn files_in_utf16_and_windows_1252_say_how_they_were_decoded() {
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in "sep=,\r\nGender,Distribution\r\nFemale,59%\r\nMale,41%".encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    let (got, errors) = read("gender.csv", &utf16, &given(ymd(2026, 1, 3)));
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(got.files[0].encoding, "UTF-16LE");
    assert!(got.files[0].notes.iter().any(|n| n.contains("UTF-16LE")));
    assert_eq!(got.shares[1].1.share, 0.41);

    let cp1252 = b"\"Time\",\"Video title\",\"Video link\",\"Total views\"\n\"January 3\",\"Caf\xE9 knits\",\"https://www.tiktok.com/@k/video/7590833308125103080\",\"5\"";
    let (got, errors) = read("Content.csv", cp1252, &ReadOptions::default());
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(got.files[0].encoding, "Windows-1252");
    assert_eq!(got.videos[0].1.caption.as_deref(), Some("Café knits"));
    assert!(
        got.files[0]
            .notes
            .iter()
            .any(|n| n.contains("Windows-1252"))
    );
}

#[test]
fn account_data_json_is_recognised_by_content() {
    let (got, errors) = read(
        "whatever.txt",
        &fixture("user_data_tiktok.json"),
        &ReadOptions::default(),
    );
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(got.files[0].kind, ReportKind::AccountData);
    assert_eq!(got.videos.len(), 2);
}

#[test]
fn a_folder_of_any_mix_is_read_recursively_in_name_order() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let root = dir.path().join("exports");
    std::fs::create_dir_all(root.join("week 2")).expect("folders");
    let content = zip_of(&[("Content.csv", fixture("Content.csv"))], false);
    std::fs::write(root.join("Content_knitwit.zip"), content).expect("write");
    std::fs::write(root.join("week 2/Overview.csv"), fixture("Overview.csv")).expect("write");
    std::fs::write(root.join(".DS_Store"), b"\0\0\0\x01Bud1").expect("write");
    let mut sink = Collected::default();
    let errors = read_paths(&[root], &given(ymd(2026, 1, 3)), &mut sink);
    assert!(errors.is_empty(), "{errors:?}");
    let files: Vec<&str> = sink.files.iter().map(|f| f.file.as_str()).collect();
    assert_eq!(
        files,
        [
            "exports/Content_knitwit.zip/Content.csv",
            "exports/week 2/Overview.csv"
        ]
    );
    assert_eq!(
        sink.files[1].export_date_source.as_deref(),
        Some("the export date you gave")
    );
}

#[test]
fn a_loose_file_falls_back_to_its_modification_time() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("FollowerGender.csv");
    std::fs::write(&path, fixture("FollowerGender.csv")).expect("write");
    let mut sink = Collected::default();
    let errors = read_paths(&[path], &ReadOptions::default(), &mut sink);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(sink.files[0].file, "FollowerGender.csv");
    assert_eq!(
        sink.files[0].export_date_source.as_deref(),
        Some("the file's modification time")
    );
    assert_eq!(
        sink.files[0].export_date,
        Some(chrono::Utc::now().date_naive())
    );
}

type Handed = Arc<Mutex<Vec<(String, Vec<u8>)>>>;

/// A stand-in for the video-history reader: it notes what it was handed.
struct History(Handed);

impl TableReader for History {
    fn recognises(&self, headers: &[String]) -> bool {
        headers.iter().any(|h| h == "video_id")
    }
    fn read(&self, file: &str, bytes: &[u8], _sink: &mut dyn Sink) -> Result<(), ImportError> {
        self.0
            .lock()
            .expect("not poisoned")
            .push((file.to_string(), bytes.to_vec()));
        Ok(())
    }
}

#[test]
fn tables_that_are_not_studio_reports_go_to_the_table_readers() {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let options = ReadOptions {
        table_readers: vec![Arc::new(History(seen.clone()))],
        ..ReadOptions::default()
    };
    let csv = b"video_id,views\n1,2";
    let sheet = xlsx(
        "History",
        &[&["video_id", "views"], &["7", "undefined"]],
        &[],
    );
    let zip = zip_of(
        &[("history.csv", csv.to_vec()), ("history.xlsx", sheet)],
        false,
    );
    let (_, errors) = read("histories.zip", &zip, &options);
    assert!(errors.is_empty(), "{errors:?}");
    let seen = seen.lock().expect("not poisoned");
    assert_eq!(
        seen[0],
        ("histories.zip/history.csv".to_string(), csv.to_vec())
    );
    assert_eq!(seen[1].0, "histories.zip/history.xlsx");
    assert_eq!(
        String::from_utf8_lossy(&seen[1].1),
        "video_id,views\n7,undefined\n"
    );
}

#[test]
fn a_studio_csv_built_in_the_test_reads_like_the_fixture() {
    let bytes = studio_csv(&[
        &["Gender", "Distribution"],
        &["Female", "0.5"],
        &["Male", "0.5"],
    ]);
    let (got, errors) = read("FollowerGender 3.csv", &bytes, &given(ymd(2026, 1, 3)));
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(got.files[0].kind, ReportKind::FollowerGender);
}
