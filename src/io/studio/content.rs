//! Content.csv: one row per recent video with its caption, link and total counts, read as a
//! snapshot of each video at the export instant (`Time` is the export date, the same on every
//! row). The exact post instant comes from the video id (`unix_seconds = id >> 32`), which is
//! preferred over the yearless `Post time`.
//!
//! It never reads a caption's hashtags any other way than [`hashtags_in`], never makes a post
//! time more exact than its source, and never keeps a video it cannot identify.

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use super::columns::{Layout, Located, optional, required, width_problem};
use super::daily::locate;
use super::{ExportDate, FIRST_TIKTOK_SECOND, Parsed, Record, StudioFile, unplaceable};
use crate::domain::{Handle, hashtags_in};
use crate::io::csv_table::Row;
use crate::io::dates::{PlaceError, WrittenDate, parse_date, place_latest};
use crate::io::numbers::{parse_count, parse_duration_s, parse_share};
use crate::io::{ImportError, PostList, ReportKind, SnapshotRecord, VideoRecord};

const TIME: usize = 0;
const TITLE: usize = 1;
const LINK: usize = 2;
const POST_TIME: usize = 3;
const LIKES: usize = 4;
const COMMENTS: usize = 5;
const SHARES: usize = 6;
const VIEWS: usize = 7;
const PLAY_TIME: usize = 8;
const AVERAGE_WATCH: usize = 9;
const WATCHED_FULL: usize = 10;
const FAVORITES: usize = 11;

pub(super) const LAYOUT: Layout = Layout {
    kind: ReportKind::Content,
    columns: &[
        optional(&["time"]),
        optional(&["video title", "title"]),
        required(&["video link", "link"]),
        optional(&["post time"]),
        optional(&["total likes"]),
        optional(&["total comments"]),
        optional(&["total shares"]),
        required(&["total views"]),
        optional(&["total play time"]),
        optional(&["average watch time"]),
        optional(&["watched full video"]),
        optional(&["add to favorites", "total favorites"]),
    ],
    ignored: &[],
};

/// Ids past 2100 (or before TikTok) are not TikTok video ids.
const LAST_ID_SECOND: i64 = 4_102_444_800;

/// The video id in a TikTok link (`/video/<id>`, `/photo/<id>`, `/v/<id>`).
pub(crate) fn video_id_in_link(link: &str) -> Option<&str> {
    let bytes = link.as_bytes();
    ["/video/", "/photo/", "/v/"].iter().find_map(|marker| {
        // From slash to slash: `str::find` set up a substring search for every call, about
        // 2% of a history's reading.
        let at = memchr::memchr_iter(b'/', bytes)
            .find(|&at| bytes[at..].starts_with(marker.as_bytes()))?;
        let rest = &link[at + marker.len()..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        (15..=25).contains(&digits).then(|| &rest[..digits])
    })
}

/// The post instant a video id carries in its top 32 bits.
pub(crate) fn posted_at_from_id(id: &str) -> Option<DateTime<Utc>> {
    let seconds = i64::try_from(id.parse::<u64>().ok()? >> 32).ok()?;
    (FIRST_TIKTOK_SECOND..LAST_ID_SECOND)
        .contains(&seconds)
        .then(|| DateTime::from_timestamp(seconds, 0))
        .flatten()
}

/// One row read, waiting for the export date.
struct Video {
    record: VideoRecord,
    post_time: Option<WrittenDate>,
    export_day: Option<WrittenDate>,
}

pub(super) fn read(input: &StudioFile<'_>) -> Result<Parsed, ImportError> {
    let located = locate(input, &LAYOUT)?;
    let mut parsed = Parsed::default();
    let mut videos = Vec::new();
    for row in &input.table.rows {
        if row.is_blank() {
            parsed.skipped += 1;
            continue;
        }
        match width_problem(input.table, row).map_or_else(|| read_row(&located, row), Err) {
            Ok(video) => videos.push(video),
            Err(problem) => parsed.reject(row.line(), problem),
        }
    }
    parsed.post_list = top_posts(&videos).map(PostList::MostViewed);
    if let Some(PostList::MostViewed(n)) = parsed.post_list {
        parsed.notes.push(format!(
            "these {n} videos are TikTok's list of the account's most viewed posts (sorted by views), not all its posts: forecasts correct the account's typical reach for that"
        ));
    }
    let newest_post = videos.iter().filter_map(|v| v.record.posted_at).max();
    let export = export_date(input, &videos, newest_post)?;
    let captured_at = export.as_ref().map(|e| e.capture_instant(newest_post));
    let times: Vec<(WrittenDate, usize)> = videos
        .iter()
        .filter_map(|v| Some((v.export_day?, v.record.line)))
        .collect();
    if let Some((first, line)) = times.first()
        && times.iter().any(|(time, _)| time != first)
    {
        parsed.notes.push(format!(
            "the Time column differs between rows; line {line}'s was used"
        ));
    }
    let mut day_only = 0;
    for mut video in videos {
        if video.record.posted_at.is_none() {
            video.record.posted_at = match (video.post_time, &export) {
                (Some(WrittenDate::Full(day)), _) => Some(midnight(day)),
                (Some(WrittenDate::Yearless { month, day }), Some(export)) => {
                    place_latest(month, day, export.date).map(midnight)
                }
                _ => None,
            };
            day_only += usize::from(video.record.posted_at.is_some());
        }
        if let Some(posted) = video.record.posted_at {
            parsed.dates.push(posted.date_naive());
        }
        match (video.record.snapshot.as_mut(), captured_at) {
            (Some(snapshot), Some(at)) => snapshot.captured_at = at,
            // Without an export instant the counts have no time to belong to.
            (Some(_), None) => video.record.snapshot = None,
            (None, _) => {}
        }
        parsed.records.push(Record::Video(video.record));
    }
    if day_only > 0 {
        parsed.notes.push(format!(
            "{day_only} videos have no post instant in their id: their post time is the day only (midnight UTC)"
        ));
    }
    parsed.export_date = export;
    Ok(parsed)
}

/// Studio's Content export lists the account's most viewed posts, sorted by views: a file of
/// at least [`TOP_LIST_MIN`] rows whose views never rise down the file is taken as that list.
fn top_posts(videos: &[Video]) -> Option<usize> {
    let views: Vec<i64> = videos
        .iter()
        .filter_map(|v| v.record.snapshot.as_ref().map(|s| s.views))
        .collect();
    let sorted = views.windows(2).all(|pair| pair[0] >= pair[1]);
    let varied = views.first() != views.last();
    (views.len() >= TOP_LIST_MIN && views.len() == videos.len() && sorted && varied)
        .then_some(views.len())
}

/// Fewer rows than this in order say nothing about how the file was sorted.
const TOP_LIST_MIN: usize = 3;

fn midnight(day: NaiveDate) -> DateTime<Utc> {
    day.and_time(chrono::NaiveTime::MIN).and_utc()
}

fn read_row(located: &Located, row: &Row) -> Result<Video, String> {
    let link = located
        .cell(row, LINK)
        .ok_or("the video link is empty")?
        .trim();
    let id = video_id_in_link(link).ok_or_else(|| format!("\"{link}\" has no video id"))?;
    let date = |column| {
        located
            .cell(row, column)
            .map(|t| parse_date(t).map_err(|e| format!("{}: {e}", located.name(column))))
            .transpose()
    };
    let caption = located.text(row, TITLE);
    let views = located.count(row, VIEWS)?;
    let average = located.parse(row, AVERAGE_WATCH, parse_duration_s)?;
    let play_time = located.parse(row, PLAY_TIME, parse_duration_s)?;
    let snapshot = SnapshotRecord {
        captured_at: DateTime::<Utc>::MIN_UTC,
        views: views.unwrap_or_default(),
        likes: located.count(row, LIKES)?,
        comments: located.count(row, COMMENTS)?,
        shares: located.count(row, SHARES)?,
        saves: located.parse(row, FAVORITES, parse_count)?,
        avg_watch_s: average.or_else(|| {
            let views = views.filter(|v| *v > 0)?;
            Some((f64::from(play_time?) / views as f64) as f32)
        }),
        full_watch_rate: located
            .parse(row, WATCHED_FULL, parse_share)?
            .map(|s| s as f32),
    };
    Ok(Video {
        record: VideoRecord {
            platform_id: Some(id.to_string()),
            account: Handle::in_link(link).map(|h| h.as_str().to_string()),
            posted_at: posted_at_from_id(id),
            caption: caption.map(str::to_string),
            hashtags: caption.map(hashtags_in).unwrap_or_default(),
            duration_s: None,
            sound: None,
            link: Some(link.to_string()),
            allow_duet: None,
            allow_stitch: None,
            allow_comments: None,
            followers: None,
            snapshot: views.is_some().then_some(snapshot),
            line: row.line(),
        },
        post_time: date(POST_TIME)?,
        export_day: date(TIME)?,
    })
}

/// The export date: the `Time` column (its year from the other clues, or from the newest post:
/// an export is never older than a video in it), else the clues. `None` only for a file with
/// no rows and no clue.
fn export_date(
    input: &StudioFile<'_>,
    videos: &[Video],
    newest_post: Option<DateTime<Utc>>,
) -> Result<Option<ExportDate>, ImportError> {
    let clue = input.clues.export_date();
    let Some(first) = videos.iter().find(|v| v.export_day.is_some()) else {
        if clue.is_none() && !videos.is_empty() {
            let line = videos[0].record.line;
            return Err(unplaceable(input.file, &PlaceError::NoExportDate { line }));
        }
        return Ok(clue);
    };
    let (written, line) = (first.export_day, first.record.line);
    let newest_day = newest_post.map(|p| p.date_naive());
    let date = match written {
        Some(WrittenDate::Full(date)) => date,
        Some(WrittenDate::Yearless { month, day }) => {
            let from_clue = clue.as_ref().and_then(|c| place_latest(month, day, c.date));
            let fits =
                |d: &NaiveDate| newest_day.is_none_or(|p| *d >= p && (*d - p).num_days() <= 366);
            match (from_clue.filter(fits), newest_day) {
                (Some(date), _) => date,
                (None, Some(posted)) => first_on_or_after(month, day, posted)
                    .ok_or_else(|| unplaceable(input.file, &no_such_day(line)))?,
                (None, None) => from_clue
                    .ok_or_else(|| unplaceable(input.file, &PlaceError::NoExportDate { line }))?,
            }
        }
        None => return Ok(clue),
    };
    Ok(Some(ExportDate {
        date,
        instant: input.clues.instant_on(date),
        source: "the Time column".to_string(),
    }))
}

fn first_on_or_after(month: u32, day: u32, from: NaiveDate) -> Option<NaiveDate> {
    (0..=8)
        .filter_map(|ahead| NaiveDate::from_ymd_opt(from.year() + ahead, month, day))
        .find(|date| *date >= from)
}

fn no_such_day(line: usize) -> PlaceError {
    PlaceError::CannotPlace {
        line,
        reason: "no such day after the newest post".to_string(),
    }
}
