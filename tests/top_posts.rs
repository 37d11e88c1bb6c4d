//! A Studio Content export is TikTok's list of the account's most viewed posts, not all of
//! them. It is recognised (sorted by views), said in the import report and the confidence
//! badge ("from your 13 most viewed posts; typical posts reach less"), and once the account's
//! number of posts is known ("Download your data" lists every post) the account's level is
//! corrected: the typical forecast drops below the list's own median.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chrono::{TimeZone, Utc};
use scrollstop::domain::Draft;
use scrollstop::model::ForecastContext;
use scrollstop::workspace::{FORECAST_SEED, ImportOptions, Silent, Workspace};

/// A TikTok id posted on 2025-11-`day` at 18:00 UTC (the post second sits in the id's top bits).
fn id(day: u32, n: u64) -> u64 {
    let secs = Utc
        .with_ymd_and_hms(2025, 11, day, 18, 0, 0)
        .single()
        .expect("a valid instant")
        .timestamp() as u64;
    (secs << 32) + n
}

/// Studio's Content.csv: the 13 most viewed of the account's posts, sorted by views.
fn content(dir: &Path) -> PathBuf {
    let mut text = String::from(
        "\u{feff}\"Time\",\"Video title\",\"Video link\",\"Post time\",\"Total likes\",\"Total comments\",\"Total shares\",\"Total views\"\n",
    );
    for i in 0..13u32 {
        let views = 400_000 / (i + 1);
        writeln!(
            text,
            "\"January 3\",\"Knit {i}\",\"https://www.tiktok.com/@knitwit/video/{}\",\"November {}\",\"{}\",\"3\",\"2\",\"{views}\"",
            id(i + 1, u64::from(i)),
            i + 1,
            views / 20
        )
        .expect("test setup");
    }
    let path = dir.join("Content.csv");
    std::fs::write(&path, text).expect("test setup");
    path
}

/// "Download your data": every one of the account's 60 posts.
fn data_download(dir: &Path) -> PathBuf {
    let posts: Vec<String> = (0..60u32)
        .map(|i| {
            format!(
                r#"{{"Date": "2025-11-{:02} 18:00:00", "Link": "https://www.tiktokv.com/share/video/{}/", "Likes": "5", "Sound": "N/A", "Title": "Post {i}"}}"#,
                i % 28 + 1,
                id(i % 28 + 1, u64::from(i))
            )
        })
        .collect();
    let json = format!(
        r#"{{"Post": {{"Posts": {{"VideoList": [{}]}}}}, "Profile": {{"Profile Info": {{"ProfileMap": {{"userName": "knitwit"}}}}}}}}"#,
        posts.join(",")
    );
    let path = dir.join("user_data_tiktok.json");
    std::fs::write(&path, json).expect("test setup");
    path
}

fn options() -> ImportOptions {
    ImportOptions {
        account: Some("knitwit".parse().expect("a handle")),
        export_date: chrono::NaiveDate::from_ymd_opt(2026, 1, 3),
        ..ImportOptions::default()
    }
}

/// The 30-day P50 of a plain draft, with the confidence badge's words.
fn typical(ws: &Workspace) -> (f64, String, Option<String>) {
    let account = ws.accounts().expect("accounts").remove(0);
    let now = Utc
        .with_ymd_and_hms(2026, 1, 5, 9, 0, 0)
        .single()
        .expect("a valid instant");
    let session = ws.forecast_session(&account, now).expect("a session");
    let draft = Draft {
        title: "A plain new draft".into(),
        duration_s: Some(20.0),
        ..Draft::blank(account.id, now)
    };
    let forecast = session.forecast(&draft, now, &ForecastContext::new(FORECAST_SEED));
    (
        forecast.final_p50(),
        forecast.confidence.label,
        forecast.confidence.advice,
    )
}

#[test]
fn a_top_posts_list_is_said_and_corrected_once_the_posts_are_known() {
    let dir = tempfile::tempdir().expect("test setup");
    let mut ws = Workspace::open(&dir.path().join("w.sqlite")).expect("test setup");
    let report = ws
        .import_now(&[content(dir.path())], options(), &Silent)
        .expect("test setup");
    assert!(report.committed, "{:?}", report.rejected);
    let notes = &report.files[0].summary.notes;
    assert!(
        notes.iter().any(|n| n.contains("most viewed posts")),
        "{notes:?}"
    );
    let (listed_p50, label, advice) = typical(&ws);
    assert_eq!(
        label,
        "from your 13 most viewed posts; typical posts reach less"
    );
    assert!(advice.unwrap_or_default().contains("Download your data"));

    let report = ws
        .import_now(&[data_download(dir.path())], options(), &Silent)
        .expect("test setup");
    assert!(report.committed, "{:?}", report.rejected);
    let (corrected_p50, label, advice) = typical(&ws);
    assert_eq!(
        label,
        "from your 13 most viewed posts; typical posts reach less"
    );
    assert!(
        advice
            .as_deref()
            .unwrap_or_default()
            .contains("60 known posts"),
        "{advice:?}"
    );
    assert!(
        corrected_p50 < 0.7 * listed_p50,
        "the typical post reaches less than the list suggests: {corrected_p50} vs {listed_p50}"
    );
}

#[test]
fn a_content_file_not_sorted_by_views_is_not_a_top_list() {
    let dir = tempfile::tempdir().expect("test setup");
    let sorted = std::fs::read_to_string(content(dir.path())).expect("test setup");
    let mut lines: Vec<&str> = sorted.lines().collect();
    lines.swap(2, 5);
    let path = dir.path().join("Content.csv");
    std::fs::write(&path, lines.join("\n")).expect("test setup");
    let mut ws = Workspace::open(&dir.path().join("w.sqlite")).expect("test setup");
    let report = ws
        .import_now(&[path], options(), &Silent)
        .expect("test setup");
    assert!(report.committed);
    assert!(
        !report.files[0]
            .summary
            .notes
            .iter()
            .any(|n| n.contains("most viewed posts"))
    );
    let (_, label, _) = typical(&ws);
    assert!(label.starts_with("based on 13 of your videos"), "{label}");
}
