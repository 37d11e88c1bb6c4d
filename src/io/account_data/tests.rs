use chrono::{TimeZone, Utc};
use proptest::prelude::*;

use super::*;
use crate::io::Collected;

fn fixture() -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/studio/user_data_tiktok.json",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(path).expect("the fixture exists")
}

#[test]
fn posts_enrich_videos_with_time_sound_and_settings() {
    let mut sink = Collected::default();
    read_account_data("user_data_tiktok.json", &fixture(), &mut sink).expect("read");
    assert_eq!(sink.videos.len(), 2);
    let first = &sink.videos[0].1;
    assert_eq!(
        first.posted_at,
        Utc.with_ymd_and_hms(2026, 1, 2, 18, 30, 5).single()
    );
    assert_eq!(first.sound.as_deref(), Some("Rainy day lofi - knitwit"));
    assert_eq!(
        (first.allow_duet, first.allow_stitch, first.allow_comments),
        (Some(true), Some(false), Some(true))
    );
    assert_eq!(first.hashtags, ["cottagecore", "knitting"]);
    assert!(first.snapshot.is_none());
    assert!(
        first
            .platform_id
            .as_deref()
            .is_some_and(|id| id.starts_with("75908"))
    );
    let second = &sink.videos[1].1;
    assert_eq!(
        (second.sound.clone(), second.caption.clone()),
        (None, None),
        "N/A is empty"
    );
    assert_eq!(
        (second.allow_stitch, second.allow_comments),
        (None, Some(false))
    );
    let summary = &sink.files[0];
    assert_eq!(summary.kind, ReportKind::AccountData);
    assert_eq!(summary.account_hint.as_deref(), Some("knitwit"));
    assert_eq!(summary.rows, 2);
    assert!(summary.notes.iter().any(|n| n.contains("likes")));
}

#[test]
fn a_date_in_local_time_yields_to_the_id_and_is_noted() {
    let json = r#"{"Post":{"Posts":{"VideoList":[{"Date":"2026-01-02 19:30:05","Link":"https://www.tiktokv.com/share/video/7590833308125103080/"}]}}}"#;
    let mut sink = Collected::default();
    read_account_data("data.json", json.as_bytes(), &mut sink).expect("read");
    assert_eq!(
        sink.videos[0].1.posted_at,
        Utc.with_ymd_and_hms(2026, 1, 2, 18, 30, 5).single()
    );
    assert!(sink.files[0].notes.iter().any(|n| n.contains("not UTC")));
}

#[test]
fn older_exports_keep_posts_under_video_videos() {
    let json = r#"{"Video":{"Videos":{"VideoList":[{"Date":"2020-05-01 10:00:00","Link":"https://www.tiktokv.com/share/video/123/"}]}}}"#;
    let mut sink = Collected::default();
    read_account_data("data.json", json.as_bytes(), &mut sink).expect("read");
    assert!(sink.videos.is_empty());
    assert_eq!(sink.rejected[0].line, 1);
    assert!(
        sink.rejected[0].reason.contains("no video id"),
        "{}",
        sink.rejected[0].reason
    );
}

#[test]
fn other_json_and_broken_json_are_refused_clearly() {
    let mut sink = Collected::default();
    let err =
        read_account_data("package.json", br#"{"name":"x"}"#, &mut sink).expect_err("not ours");
    assert!(matches!(err, ImportError::NotRecognised { .. }));
    let err = read_account_data("data.json", b"{\n\"Post\": [", &mut sink).expect_err("broken");
    assert!(matches!(err, ImportError::AtLine { line: 2, .. }), "{err}");
    assert!(sink.files.is_empty() && sink.videos.is_empty());
}

#[test]
fn json_is_told_from_csv_by_its_first_character() {
    assert!(looks_like_account_data(b"\xEF\xBB\xBF  \n{\"Post\":{}}"));
    assert!(!looks_like_account_data(b"\"Date\",\"Likes\""));
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
        let _ = read_account_data("x.json", &bytes, &mut Collected::default());
    }

    #[test]
    fn arbitrary_posts_never_panic(
        date in "[0-9 :-]{0,22}|N/A",
        link in "https://www.tiktok.com/@a/video/[0-9]{0,26}|N/A|[a-z/]{0,10}",
        setting in "Yes|No|N/A|Everyone|[a-z]{0,5}",
        likes in any::<i64>(),
    ) {
        let post = serde_json::json!({"Date": date, "Link": link, "AllowDuets": setting, "Likes": likes, "Title": "#a #b"});
        let json = serde_json::json!({"Post": {"Posts": {"VideoList": [post, 5, null, "x"]}}});
        let _ = read_account_data("x.json", json.to_string().as_bytes(), &mut Collected::default());
    }
}
