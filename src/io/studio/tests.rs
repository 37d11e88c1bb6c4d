use chrono::{DateTime, NaiveDate, TimeZone, Utc};

mod rows;

use super::*;
use crate::domain::AudienceDimension;
use crate::io::Collected;
use crate::io::csv_table::read_table;
use crate::io::text::decode;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real day")
}

fn given(date: NaiveDate) -> ExportClues {
    ExportClues {
        given: Some(date),
        ..ExportClues::default()
    }
}

/// Decodes, tables, recognises and reads one file the way the container does.
fn read(file: &str, bytes: &[u8], clues: &ExportClues) -> Result<Collected, ImportError> {
    let decoded = decode(bytes).map_err(|e| ImportError::Unreadable {
        file: file.into(),
        reason: e.to_string(),
    })?;
    let table = read_table(&decoded.text, decoded.delimiter, decoded.first_line).map_err(|e| {
        ImportError::Unreadable {
            file: file.into(),
            reason: e.to_string(),
        }
    })?;
    let kind = detect(&table.headers).ok_or_else(|| ImportError::NotRecognised {
        file: file.into(),
        detail: "test".into(),
    })?;
    let input = StudioFile {
        file,
        table: &table,
        encoding: decoded.encoding.label(),
        account_hint: Some("knitwit"),
        clues,
        notes: &[],
    };
    let mut sink = Collected::default();
    read_report(kind, &input, &mut sink)?;
    Ok(sink)
}

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/studio/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).expect("the fixture exists")
}

/// Builds a file as Studio writes it: BOM, every field quoted, `\n`, no final newline.
fn studio_csv(rows: &[&[&str]]) -> Vec<u8> {
    let lines: Vec<String> = rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|c| format!("\"{}\"", c.replace('"', "\"\"")))
                .collect::<Vec<_>>()
                .join(",")
        })
        .collect();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(lines.join("\n").as_bytes());
    bytes
}

#[test]
fn overview_in_spanish_across_the_year_wrap() {
    let got = read(
        "Overview.csv",
        &fixture("Overview.csv"),
        &given(ymd(2026, 1, 3)),
    )
    .expect("read");
    let dates: Vec<NaiveDate> = got.daily.iter().filter_map(|(_, m)| m.date).collect();
    assert_eq!(dates.first(), Some(&ymd(2025, 12, 28)));
    assert_eq!(dates.last(), Some(&ymd(2026, 1, 3)));
    assert_eq!(dates.len(), 7);
    let second = &got.daily[1].1;
    assert_eq!((second.video_views, second.comments), (Some(980), Some(-2)));
    assert_eq!(
        got.daily[2].1.shares, None,
        "undefined is missing, not zero"
    );
    assert_eq!(got.daily[4].1.video_views, None);
    let summary = &got.files[0];
    assert_eq!(summary.kind, ReportKind::Overview);
    assert_eq!(summary.encoding, "UTF-8 with BOM");
    assert_eq!((summary.rows, summary.rejected, summary.skipped), (7, 0, 0));
    assert_eq!(summary.first_date, Some(ymd(2025, 12, 28)));
    assert_eq!(
        summary.export_date_source.as_deref(),
        Some("the export date you gave")
    );
    assert_eq!(summary.account_hint.as_deref(), Some("knitwit"));
}

#[test]
fn overview_in_greek_placed_from_the_modification_time() {
    let clues = ExportClues {
        modified: Some(
            Utc.with_ymd_and_hms(2026, 1, 3, 9, 0, 0)
                .single()
                .expect("a time"),
        ),
        ..ExportClues::default()
    };
    let got = read("Overview 2.csv", &fixture("Overview 2.csv"), &clues).expect("read");
    let dates: Vec<NaiveDate> = got.daily.iter().filter_map(|(_, m)| m.date).collect();
    assert_eq!(
        dates,
        [
            ymd(2025, 12, 30),
            ymd(2025, 12, 31),
            ymd(2026, 1, 1),
            ymd(2026, 1, 2),
            ymd(2026, 1, 3)
        ]
    );
    assert_eq!(
        got.files[0].export_date_source.as_deref(),
        Some("the file's modification time")
    );
}

#[test]
fn business_overview_reads_its_extra_columns() {
    let got = read(
        "Overview_business.csv",
        &fixture("Overview_business.csv"),
        &ExportClues::default(),
    )
    .expect("read");
    let day = &got.daily[1].1;
    assert_eq!(day.date, Some(ymd(2026, 5, 10)));
    assert_eq!(
        (day.video_views, day.reached_audience, day.follower_change),
        (Some(1500), Some(1100), Some(-2))
    );
    assert_eq!(day.comments, Some(-1));
    assert_eq!(got.files[0].encoding, "UTF-8");
}

#[test]
fn content_rows_become_videos_with_a_snapshot_at_the_export_date() {
    let got = read(
        "Content.csv",
        &fixture("Content.csv"),
        &ExportClues::default(),
    )
    .expect("read");
    assert_eq!(got.videos.len(), 3);
    let first = &got.videos[0].1;
    assert_eq!(
        first.posted_at,
        Utc.with_ymd_and_hms(2026, 1, 2, 18, 30, 5).single()
    );
    assert_eq!(first.account.as_deref(), Some("knitwit"));
    assert_eq!(first.hashtags, ["cottagecore", "knitting"]);
    assert_eq!(
        first.caption.as_deref(),
        Some("Three knits for a rainy day #cottagecore #knitting 🧶")
    );
    let snapshot = first.snapshot.as_ref().expect("a snapshot");
    assert_eq!(
        (snapshot.views, snapshot.likes, snapshot.shares),
        (154_414, Some(109), Some(31))
    );
    let noon: DateTime<Utc> = Utc
        .with_ymd_and_hms(2026, 1, 3, 12, 0, 0)
        .single()
        .expect("a time");
    assert_eq!(snapshot.captured_at, noon);
    let second = &got.videos[1].1;
    assert_eq!(
        second.caption.as_deref(),
        Some(""),
        "an empty caption stays empty"
    );
    assert_eq!(second.snapshot.as_ref().and_then(|s| s.comments), Some(-3));
    let third = &got.videos[2].1;
    assert_eq!(
        third.caption.as_deref(),
        Some("Sourdough, \"the\" easy way\n#bread")
    );
    assert_eq!(third.line, 4);
    assert!(third.snapshot.is_none(), "no views, no snapshot");
    let summary = &got.files[0];
    assert_eq!(summary.export_date, Some(ymd(2026, 1, 3)));
    assert_eq!(
        summary.export_date_source.as_deref(),
        Some("the Time column")
    );
    assert_eq!(summary.first_date, Some(ymd(2025, 9, 4)));
}

#[test]
fn content_extra_columns_fill_the_snapshot() {
    let got = read(
        "Content 2.csv",
        &fixture("Content 2.csv"),
        &ExportClues::default(),
    )
    .expect("read");
    let snapshot = got.videos[0].1.snapshot.clone().expect("a snapshot");
    assert_eq!(snapshot.saves, Some(44));
    assert_eq!(snapshot.avg_watch_s, Some(2.5));
    assert_eq!(snapshot.full_watch_rate, Some(0.18));
    assert_eq!(got.files[0].export_date, Some(ymd(2026, 2, 28)));
}

#[test]
fn content_without_ids_falls_back_to_the_post_day() {
    let bytes = studio_csv(&[
        &[
            "Time",
            "Video title",
            "Video link",
            "Post time",
            "Total views",
        ],
        &[
            "March 2",
            "x",
            "https://www.tiktok.com/@a/video/123456789012345678",
            "December 30",
            "5",
        ],
    ]);
    let got = read("Content.csv", &bytes, &given(ymd(2026, 3, 5))).expect("read");
    assert_eq!(
        got.videos[0].1.posted_at,
        Utc.with_ymd_and_hms(2025, 12, 30, 0, 0, 0).single()
    );
    assert!(got.files[0].notes.iter().any(|n| n.contains("day only")));
}

#[test]
fn daily_reports_and_a_header_only_file() {
    let clues = given(ymd(2026, 1, 3));
    let viewers = read("Viewers.csv", &fixture("Viewers.csv"), &clues).expect("read");
    assert_eq!(viewers.daily[1].1.new_viewers, Some(410));
    assert_eq!(viewers.daily[2].1.total_viewers, None);
    let history = read(
        "FollowerHistory.csv",
        &fixture("FollowerHistory.csv"),
        &clues,
    )
    .expect("read");
    assert_eq!(history.daily[1].1.follower_change, Some(-10));
    assert_eq!(history.daily[1].1.date, Some(ymd(2026, 1, 2)));
    let empty = read(
        "FollowerHistory header only.csv",
        &fixture("FollowerHistory header only.csv"),
        &clues,
    )
    .expect("read");
    assert!(empty.daily.is_empty());
    assert_eq!(empty.files[0].kind, ReportKind::FollowerHistory);
    assert_eq!(empty.files[0].rows, 0);
}

#[test]
fn follower_activity_skips_the_zero_filled_future_hours() {
    let got = read(
        "FollowerActivity.csv",
        &fixture("FollowerActivity.csv"),
        &given(ymd(2026, 1, 3)),
    )
    .expect("read");
    assert_eq!(got.activity.len(), 168 - 9);
    assert_eq!(got.files[0].skipped, 9);
    let last = &got.activity.last().expect("hours").1;
    assert_eq!((last.date, last.hour), (ymd(2026, 1, 3), 14));
    assert_eq!(got.activity[0].1.date, ymd(2025, 12, 28));
    assert!(got.files[0].notes.iter().any(|n| n.contains("zero-filled")));
}

#[test]
fn shares_as_fractions_and_percents() {
    let clues = given(ymd(2026, 1, 3));
    let gender = read("FollowerGender.csv", &fixture("FollowerGender.csv"), &clues).expect("read");
    assert_eq!(gender.shares[0].1.key, "Female");
    assert_eq!(gender.shares[0].1.share, 0.59);
    assert_eq!(gender.shares[0].1.dimension, AudienceDimension::Gender);
    assert_eq!(gender.shares[0].1.captured_on, ymd(2026, 1, 3));
    let places = read(
        "FollowerTopTerritories.csv",
        &fixture("FollowerTopTerritories.csv"),
        &clues,
    )
    .expect("read");
    let keys: Vec<&str> = places.shares.iter().map(|(_, s)| s.key.as_str()).collect();
    assert_eq!(keys, ["NL", "BE", "XK", "Others"]);
    assert!((places.shares[0].1.share - 0.41).abs() < 1e-9);
    assert!(
        places.files[0].notes.is_empty(),
        "{:?}",
        places.files[0].notes
    );
}
