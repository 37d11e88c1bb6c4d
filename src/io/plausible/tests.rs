use chrono::TimeZone;

use super::*;
use crate::io::{Collected, ReadOptions, SnapshotRecord, read_bytes, table_readers};

fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, 12, 0, 0)
        .single()
        .expect("a real instant")
}

fn video(posted: DateTime<Utc>, measured: DateTime<Utc>) -> VideoRecord {
    VideoRecord {
        platform_id: Some("7546034661705796877".into()),
        account: Some("knitwit".into()),
        posted_at: Some(posted),
        caption: None,
        hashtags: Vec::new(),
        duration_s: Some(31.0),
        sound: None,
        link: None,
        allow_duet: None,
        allow_stitch: None,
        allow_comments: None,
        followers: Some(1200),
        snapshot: Some(SnapshotRecord {
            captured_at: measured,
            views: 100,
            likes: Some(5),
            comments: Some(0),
            shares: Some(1),
            saves: None,
            avg_watch_s: None,
            full_watch_rate: None,
        }),
        line: 2,
    }
}

fn video_problems_of(v: &VideoRecord, now: DateTime<Utc>) -> Vec<String> {
    video_problems(v, Source::Table, now)
}

#[test]
fn an_ordinary_video_passes() {
    let now = at(2026, 3, 1);
    assert!(video_problems_of(&video(at(2026, 2, 1), at(2026, 2, 20)), now).is_empty());
    let mut long = video(at(2026, 2, 1), at(2026, 2, 20));
    long.duration_s = Some(600.0);
    assert!(
        video_problems_of(&long, now).is_empty(),
        "a 10-minute video"
    );
    long.duration_s = Some(LONGEST_VIDEO_S);
    assert!(video_problems_of(&long, now).is_empty(), "a day at most");
}

#[test]
fn each_bad_value_is_named() {
    let now = at(2026, 3, 1);
    let mut v = video(at(2026, 2, 1), at(2026, 2, 20));
    let snapshot = v.snapshot.as_mut().expect("a snapshot");
    snapshot.views = -5;
    snapshot.comments = Some(-2);
    v.followers = Some(-1);
    v.duration_s = Some(3.0e8);
    let problems = video_problems(&v, Source::Table, now);
    assert_eq!(problems.len(), 4, "{problems:?}");
    assert!(problems[0].contains("views is -5"), "{problems:?}");
    assert!(problems[1].contains("comments is -2"), "{problems:?}");
    assert!(problems[2].contains("followers is -1"), "{problems:?}");
    assert!(problems[3].contains("up to 24 hours"), "{problems:?}");

    let from_tiktok = video_problems(&v, Source::TikTok, now);
    assert_eq!(
        from_tiktok.len(),
        3,
        "a Studio report's comments keep their sign"
    );
}

#[test]
fn times_outside_tiktoks_lifetime_are_refused() {
    let now = at(2026, 3, 1);
    let year_one = Utc
        .with_ymd_and_hms(1, 1, 1, 0, 0, 0)
        .single()
        .expect("year 1");
    let problems = video_problems_of(&video(year_one, at(2026, 2, 20)), now);
    assert!(
        problems[0].contains("before TikTok existed"),
        "{problems:?}"
    );

    let mut unmeasured = video(at(9999, 1, 1), at(2026, 2, 20));
    unmeasured.snapshot = None;
    let problems = video_problems_of(&unmeasured, now);
    assert!(
        problems[0].contains("more than a day after the import"),
        "{problems:?}"
    );

    let problems = video_problems_of(&video(at(2026, 2, 1), at(9999, 1, 1)), now);
    assert!(
        problems[0].starts_with("measured 9999-01-01"),
        "{problems:?}"
    );

    let problems = video_problems_of(&video(at(2026, 2, 25), at(2026, 2, 20)), now);
    assert!(
        problems[0].contains("before the video was posted"),
        "{problems:?}"
    );
}

#[test]
fn a_rejected_record_corrects_its_files_summary() {
    let csv = "video_id,post_time,views,likes,measured_at\n\
        7546034661705796877,2025-09-04 01:08,100,5,2025-09-10\n\
        7546034661705796878,2025-09-04 01:08,-100,5,2025-09-10\n\
        7546034661705796879,0001-01-01 00:00,100,5,2025-09-10\n";
    let mut sink = Collected::default();
    let options = ReadOptions {
        table_readers: table_readers(at(2026, 1, 1), Vec::new()),
        ..ReadOptions::default()
    };
    let errors = read_bytes("history.csv", csv.as_bytes(), &options, &mut sink);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(sink.videos.len(), 1);
    let lines: Vec<usize> = sink.rejected.iter().map(|r| r.line).collect();
    assert_eq!(lines, [3, 4], "{:?}", sink.rejected);
    assert!(sink.rejected[0].reason.contains("views is -100"));
    assert!(sink.rejected[1].reason.contains("before TikTok existed"));
    assert_eq!((sink.files[0].rows, sink.files[0].rejected), (1, 2));
}
