//! Video-history files as users bring them: the scraper style of the dev set, Studio-like
//! sheets, camel-case scraper output, bad rows, many accounts in one file. Every fixture is
//! written here; the real dev set is only read from ../shared/data when present.

use chrono::{DateTime, TimeZone, Utc};

use super::*;
use crate::io::{Collected, ImportError, Rejected};

const DEV_STYLE: &str = "\
user_name,user_nfollower,vid_id,vid_caption,vid_postTime,vid_scrapeTime,vid_duration,vid_nview,vid_nlike,vid_ncomment,vid_nshare,vid_nsave,vid_hashtags,vid_url,music_id,music_title,music_nused,music_authorName,music_originality
knit.club,12.5K,7546034661848194061,Ba mẫu len cho ngày mưa 🧶,2025-09-04 01:08:27,2025-10-01 08:00:00,00:31,304.9K,21.1K,-3,Share,2783,\"len, đan len, cottagecore\",https://www.tiktok.com/@knit.club/video/7546034661848194061,7.471985734489755e+18,nhạc nền - Knit Club,3669 videos,Knit Club,True
knit.club,12.5K,7548529578285669389,,2025-09-10 18:30:00,2025-10-01 08:00:05,,1.4M,98K,1,2,3,,https://www.tiktok.com/@knit.club/video/7548529578285669389,,,,,True
";

fn import_time() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0)
        .single()
        .expect("a valid instant")
}

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .expect("a test instant")
        .to_utc()
}

fn read_with(text: &str, overrides: &[(Field, &str)]) -> Result<Collected, ImportError> {
    let mut options = HistoryOptions::at(import_time());
    options.overrides = overrides.iter().map(|(f, c)| (*f, c.to_string())).collect();
    let mut sink = Collected::default();
    read_history("history.csv", text.as_bytes(), &options, &mut sink)?;
    Ok(sink)
}

fn read(text: &str) -> Collected {
    read_with(text, &[]).expect("the file is read")
}

#[test]
fn the_dev_sets_quirks_read_into_videos_with_snapshots() {
    let sink = read(DEV_STYLE);
    assert!(sink.rejected.is_empty(), "{:?}", sink.rejected);
    let (file, first) = &sink.videos[0];
    assert_eq!(file, "history.csv");
    assert_eq!(first.platform_id.as_deref(), Some("7546034661848194061"));
    assert_eq!(first.account.as_deref(), Some("knit.club"));
    assert_eq!(first.posted_at, Some(at("2025-09-04T01:08:27Z")));
    assert_eq!(first.caption.as_deref(), Some("Ba mẫu len cho ngày mưa 🧶"));
    assert_eq!(first.hashtags, vec!["len", "đan", "cottagecore"]);
    assert_eq!(first.duration_s, Some(31.0));
    assert_eq!(first.sound.as_deref(), Some("nhạc nền - Knit Club"));
    assert_eq!(first.followers, Some(12_500));
    assert_eq!(first.line, 2);
    let snapshot = first.snapshot.as_ref().expect("counts");
    assert_eq!(snapshot.captured_at, at("2025-10-01T08:00:00Z"));
    assert_eq!(
        (
            snapshot.views,
            snapshot.likes,
            snapshot.comments,
            snapshot.shares,
            snapshot.saves
        ),
        (304_900, Some(21_100), Some(-3), Some(0), Some(2_783))
    );
    let (_, second) = &sink.videos[1];
    assert_eq!(
        (
            second.caption.as_deref(),
            second.duration_s,
            second.sound.as_deref()
        ),
        (Some(""), None, None)
    );
    assert!(second.hashtags.is_empty());
    assert_eq!(second.snapshot.as_ref().map(|s| s.views), Some(1_400_000));
    let summary = &sink.files[0];
    assert_eq!(
        (summary.rows, summary.rejected, summary.kind),
        (2, 0, crate::io::ReportKind::GenericHistory)
    );
    assert_eq!(summary.account_hint.as_deref(), Some("knit.club"));
    assert_eq!(
        summary.first_date,
        Some(at("2025-09-04T00:00:00Z").date_naive())
    );
    assert_eq!(
        summary.last_date,
        Some(at("2025-09-10T00:00:00Z").date_naive())
    );
    assert!(
        summary
            .notes
            .iter()
            .any(|n| n.contains("columns ignored: music_id, music_nused"))
    );
}

#[test]
fn a_studio_like_sheet_takes_the_import_time_and_the_account_from_the_link() {
    let text = "\u{feff}\"Video title\",\"Video link\",\"Post time\",\"Total likes\",\"Total views\"\n\
        \"Three knits #cottagecore #knitting\",\"https://www.tiktok.com/@someone/video/7556519686335044621?lang=en\",\"2025/10/02\",\"1,234\",\"154414\"\n\
        \"Old one\",\"https://www.tiktok.com/@someone/video/7591846041452747789\",\"January 5\",\"undefined\",\"12 345\"";
    let sink = read(text);
    assert!(sink.rejected.is_empty(), "{:?}", sink.rejected);
    let (_, video) = &sink.videos[0];
    assert_eq!(video.account.as_deref(), Some("someone"));
    assert_eq!(video.platform_id.as_deref(), Some("7556519686335044621"));
    assert_eq!(
        video.posted_at,
        Some(at("2025-10-02T00:00:00Z")),
        "the column wins over the id"
    );
    assert_eq!(
        video.hashtags,
        vec!["cottagecore", "knitting"],
        "from the caption"
    );
    let snapshot = video.snapshot.as_ref().expect("counts");
    assert_eq!(
        (snapshot.views, snapshot.likes, snapshot.captured_at),
        (154_414, Some(1_234), import_time())
    );
    let (_, old) = &sink.videos[1];
    assert_eq!(
        old.posted_at,
        Some(at("2026-01-05T12:00:00Z")),
        "a yearless date gives way to the id"
    );
    assert_eq!(old.snapshot.as_ref().and_then(|s| s.likes), None);
    let notes = sink.files[0].notes.join("\n");
    assert!(notes.contains("no measured-at column"), "{notes}");
    assert!(
        notes.contains("1 post times were read from the video id"),
        "{notes}"
    );
    assert_eq!(sink.files[0].encoding, "UTF-8 with BOM");
}

#[test]
fn a_scrapers_export_with_unix_times_and_semicolons() {
    let text = "id;text;createTime;authorMeta.name;playCount;diggCount;videoMeta.duration\n\
        7556519686335044621;Rainy day #knit;1759389342;knit.club;1200;85;31\n\
        7548529578285669389;Second;1757529000000;knit.club;9;1;15.5";
    let sink = read(text);
    assert!(sink.rejected.is_empty(), "{:?}", sink.rejected);
    let (_, video) = &sink.videos[0];
    assert_eq!(video.posted_at, Some(at("2025-10-02T07:15:42Z")));
    assert_eq!(video.hashtags, vec!["knit"]);
    assert_eq!(video.duration_s, Some(31.0));
    assert_eq!(
        sink.videos[1].1.posted_at,
        Some(at("2025-09-10T18:30:00Z")),
        "milliseconds"
    );
}

#[test]
fn bad_rows_are_rejected_with_their_line_and_every_reason() {
    let text = "vid_id,vid_caption,vid_postTime,vid_nview,vid_nlike\n\
        7546034661848194061,ok,2025-09-04 01:08:27,10,1\n\
        7548529578285669389,\"two\nlines\",2025-09-10 18:30:00,lots,1.234\n\
        7556519686335044621,short row\n\
        ,no id,,5,1\n\
        7591846041452747789,bad time,2026-01-05 25:61:00,5,1";
    let sink = read(text);
    assert_eq!(sink.videos.len(), 1);
    let rejected: Vec<(usize, &str)> = sink
        .rejected
        .iter()
        .map(|r| (r.line, r.reason.as_str()))
        .collect();
    assert_eq!(rejected[0].0, 3);
    assert!(
        rejected[0]
            .1
            .contains("Views (vid_nview): \"lots\" is not a number"),
        "{}",
        rejected[0].1
    );
    assert!(
        rejected[0]
            .1
            .contains("Likes (vid_nlike): \"1.234\" reads two ways"),
        "{}",
        rejected[0].1
    );
    assert_eq!(rejected[1].0, 5, "the quoted line break counts");
    assert!(
        rejected[1].1.contains("2 cells but the header has 5"),
        "{}",
        rejected[1].1
    );
    assert_eq!(
        rejected[2],
        (
            6,
            "the row has no video id, link or post time to tell which video it is"
        )
    );
    assert_eq!(rejected[3].0, 7);
    assert!(
        rejected[3].1.starts_with("Post time (vid_postTime):"),
        "{}",
        rejected[3].1
    );
    assert!(
        sink.rejected
            .iter()
            .all(|r: &Rejected| r.file == "history.csv")
    );
    assert_eq!((sink.files[0].rows, sink.files[0].rejected), (1, 4));
}

#[test]
fn one_file_may_hold_many_accounts() {
    let text = "Account,Video link,Views,Measured at\n\
        @knit.club,https://www.tiktok.com/@knit.club/video/7546034661848194061,10,2026-02-01 10:00:00\n\
        bakery_nl,https://www.tiktok.com/@bakery_nl/video/7548529578285669389,20,2026-02-01\n\
        ,https://www.tiktok.com/@tiny.garden/video/7556519686335044621,30,\n\
        knit.club,https://www.tiktok.com/@knit.club/video/7591846041452747789,40,2026-02-02 10:00:00";
    let sink = read(text);
    let accounts: Vec<Option<&str>> = sink
        .videos
        .iter()
        .map(|(_, v)| v.account.as_deref())
        .collect();
    assert_eq!(
        accounts,
        vec![
            Some("knit.club"),
            Some("bakery_nl"),
            Some("tiny.garden"),
            Some("knit.club")
        ]
    );
    let captured: Vec<_> = sink
        .videos
        .iter()
        .filter_map(|(_, v)| v.snapshot.as_ref())
        .map(|s| s.captured_at)
        .collect();
    assert_eq!(captured[1], at("2026-02-01T00:00:00Z"));
    assert_eq!(
        captured[2],
        import_time(),
        "an empty cell falls back to the import time"
    );
    assert_eq!(sink.files[0].account_hint, None);
    assert!(
        sink.files[0]
            .notes
            .iter()
            .any(|n| n == "3 accounts: bakery_nl, knit.club, tiny.garden")
    );
}

#[test]
fn a_file_of_thousands_of_accounts_counts_them_with_separators() {
    let mut text = String::from("Account,Video link,Views\n");
    for i in 0..1_005u64 {
        let id = 7_546_034_661_848_194_061 + i;
        text.push_str(&format!(
            "a{i:04},https://www.tiktok.com/@a{i:04}/video/{id},10\n"
        ));
    }
    let sink = read(&text);
    assert!(
        sink.files[0]
            .notes
            .iter()
            .any(|n| n == "1,005 accounts: a0000, a0001, a0002, a0003, a0004 and 1,000 more"),
        "{:?}",
        sink.files[0].notes
    );
}

#[test]
fn ids_that_lost_precision_give_way_to_the_link() {
    let text = "vid_id,vid_url,vid_postTime,vid_nview\n\
        7.546034661848194e+18,https://www.tiktok.com/@a/video/7546034661848194061,2025-09-04 01:08:27,5\n\
        7.548529578285669e+18,,2025-09-10 18:30:00,6";
    let sink = read(text);
    assert_eq!(
        sink.videos[0].1.platform_id.as_deref(),
        Some("7546034661848194061")
    );
    assert_eq!(sink.videos[1].1.platform_id, None);
    assert!(
        sink.files[0]
            .notes
            .iter()
            .any(|n| n.starts_with("2 video ids were written as floats"))
    );
}

#[test]
fn an_id_that_disagrees_with_its_link_is_rejected() {
    let text =
        "vid_id,vid_url,vid_nview\n1234,https://www.tiktok.com/@a/video/7546034661848194061,5";
    let sink = read(text);
    assert!(
        sink.rejected[0]
            .reason
            .contains("is not the id in the link")
    );
}

#[test]
fn overrides_choose_columns_and_bad_ones_refuse_the_file() {
    let text = "Posted,Plays,Plays (7d)\n2026-01-05 12:00:00,100,7";
    let sink = read_with(
        text,
        &[(Field::Views, "Plays (7d)"), (Field::PostTime, "Posted")],
    )
    .expect("read");
    assert_eq!(sink.videos[0].1.snapshot.as_ref().map(|s| s.views), Some(7));
    let error = read_with(text, &[(Field::Views, "Hearts")]).expect_err("no such column");
    assert!(
        error.to_string().contains("no column \"Hearts\" for views"),
        "{error}"
    );
    let unrecognised =
        read_with("Caption,Views\nhello,5", &[]).expect_err("nothing identifies a video");
    assert!(
        matches!(unrecognised, ImportError::NotRecognised { .. }),
        "{unrecognised}"
    );
    assert!(matches!(
        read_with("", &[]),
        Err(ImportError::Unreadable { .. })
    ));
}

#[test]
fn broken_quoting_refuses_the_file_and_keeps_none_of_its_rows() {
    let text = "vid_id,vid_caption,vid_nview\n\
        7546034661848194061,fine,5\n\
        7548529578285669389,\"never closed,6\n\
        7556519686335044621,lost,7";
    let mut sink = Collected::default();
    let error = read_history(
        "h.csv",
        text.as_bytes(),
        &HistoryOptions::at(import_time()),
        &mut sink,
    )
    .expect_err("broken quoting");
    assert!(
        matches!(error, ImportError::AtLine { line: 3, .. }),
        "{error}"
    );
    assert!(
        sink.videos.is_empty() && sink.files.is_empty(),
        "the file adds nothing"
    );
}

#[test]
fn windows_line_ends_keep_line_numbers_right() {
    let sink = read("vid_id,vid_nview\r\n7546034661848194061,5\r\n7548529578285669389,many\r\n");
    assert_eq!(sink.rejected[0].line, 3);
    assert_eq!(sink.videos[0].1.line, 2);
}

#[test]
fn a_date_cell_with_a_wide_character_is_rejected_not_a_panic() {
    let sink = read("vid_id,vid_postTime,vid_nview\n7546034661848194061,000é,5");
    assert!(
        sink.rejected[0]
            .reason
            .starts_with("Post time (vid_postTime):")
    );
}

#[test]
fn blank_rows_are_skipped_and_counted() {
    let sink = read("vid_id,vid_nview\n7546034661848194061,5\n,\n7548529578285669389,6");
    assert_eq!((sink.files[0].rows, sink.files[0].skipped), (2, 1));
}

#[test]
fn header_only_files_read_as_empty() {
    let sink = read("vid_id,vid_nview");
    assert_eq!((sink.videos.len(), sink.files[0].rows), (0, 0));
    assert!(
        sink.files[0]
            .notes
            .iter()
            .any(|n| n.contains("header but no rows"))
    );
}

#[test]
fn headers_are_recognised_and_suggested() {
    assert!(recognises(&["vid_id", "vid_nview"]));
    assert!(
        !recognises(&["Date", "Video Views", "Profile Views"]),
        "Overview.csv has no video column"
    );
    let mapping = suggest_mapping("h.csv", DEV_STYLE.as_bytes()).expect("a header");
    assert_eq!(mapping.column_name(Field::Views), Some("vid_nview"));
}

mod fuzz;

/// A sink that keeps a copy of each video and gives the record itself back to be filled with
/// the next row, as an import's writer does ([`crate::io::Sink::spare_video`]).
#[derive(Default)]
struct GivesRecordsBack {
    kept: Collected,
    given_back: Option<Box<crate::io::VideoRecord>>,
    refilled: usize,
}

impl crate::io::Sink for GivesRecordsBack {
    fn file(&mut self, summary: crate::io::FileSummary) {
        self.kept.file(summary);
    }
    fn daily(&mut self, file: &str, metrics: crate::domain::DailyMetrics) {
        self.kept.daily(file, metrics);
    }
    fn video(&mut self, file: &str, video: Box<crate::io::VideoRecord>) {
        self.kept.video(file, video.clone());
        self.given_back = Some(video);
    }
    fn activity(&mut self, file: &str, hour: crate::io::ActivityRecord) {
        self.kept.activity(file, hour);
    }
    fn share(&mut self, file: &str, share: crate::io::ShareRecord) {
        self.kept.share(file, share);
    }
    fn trend(&mut self, file: &str, trend: crate::io::TrendRecord) {
        self.kept.trend(file, trend);
    }
    fn reject(&mut self, rejected: Rejected) {
        self.kept.reject(rejected);
    }
    fn spare_video(&mut self) -> Option<Box<crate::io::VideoRecord>> {
        let spare = self.given_back.take();
        self.refilled += usize::from(spare.is_some());
        spare
    }
}

#[test]
fn a_record_filled_again_keeps_nothing_of_the_row_it_held() {
    // The second row has no caption, hashtags, duration or sound: what the first row's record
    // held there must not stay.
    let mut sink = GivesRecordsBack::default();
    let options = HistoryOptions::at(import_time());
    read_history("history.csv", DEV_STYLE.as_bytes(), &options, &mut sink).expect("read");
    assert_eq!(
        sink.refilled, 1,
        "the second row filled the first row's record"
    );
    assert_eq!(sink.kept.videos, read(DEV_STYLE).videos);
    let (_, second) = &sink.kept.videos[1];
    assert!(second.hashtags.is_empty());
    assert_eq!(second.sound, None);
    assert_eq!(second.duration_s, None);
}

#[test]
fn a_hashtag_list_keeps_each_tag_once_whatever_its_case_or_separator() {
    // The storage of tags a record held before is reused, and none of them is left over.
    let mut tags = vec!["stale".to_string(); 6];
    let mut spare = Vec::new();
    row::hashtag_list(
        "Knitting, knitting #KNITTING；Đan、đAN ,fyp #FYP，松弛感 松弛感",
        &mut tags,
        &mut spare,
    );
    assert_eq!(tags, ["Knitting", "Đan", "fyp", "松弛感"]);
    // The two strings the row did not need are kept for the next row with more tags.
    assert_eq!(spare.len(), 2);
    let mut next = Vec::new();
    row::hashtag_list("a b c", &mut next, &mut spare);
    assert_eq!(next, ["a", "b", "c"]);
    assert!(spare.is_empty());
}
