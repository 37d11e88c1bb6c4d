//! One row of a video-history spreadsheet turned into a [`VideoRecord`] with its count
//! snapshot, through the [`Mapping`]. Cells are read with the app's one number parser and one
//! date parser.
//!
//! It never drops a problem quietly: a cell that cannot be read makes the whole row a
//! rejection with every reason, and what it had to infer (a year, an id's post time) is counted
//! in the [`Tally`] so the preview can say so.

use std::borrow::Cow;
use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, Utc};

use super::lengths::over_long_cells;
use super::mapping::{Field, Mapping};
use crate::domain::{Handle, hashtags_in};
use crate::io::csv_table::{Row, trim_cell};
use crate::io::dates::{WrittenDate, parse_date, parse_date_time, place_latest};
use crate::io::numbers::{is_missing, optional, parse_count, parse_duration_s, parse_id};
use crate::io::studio::{posted_at_from_id, video_id_in_link};
use crate::io::{SnapshotRecord, VideoRecord};
use crate::quick_hash::QuickHashing;
use crate::reuse::refill;

/// What the rows of one file had to infer or leave out, for the preview's notes.
#[derive(Debug, Default)]
pub(super) struct Tally {
    pub ids_without_precision: usize,
    pub yearless_post_times: usize,
    pub post_times_from_ids: usize,
    pub rows_without_views: usize,
    /// Every account the rows name (a hash set: with thousands of accounts interleaved row by
    /// row, an ordered set's comparisons were a tenth of the reading).
    pub accounts: HashSet<String, QuickHashing>,
    pub last_account: Option<String>,
    pub first_post: Option<NaiveDate>,
    pub last_post: Option<NaiveDate>,
}

impl Tally {
    /// The first `n` accounts the rows name, in alphabetical order.
    pub fn first_accounts(&self, n: usize) -> Vec<&str> {
        let mut names: Vec<&str> = self.accounts.iter().map(String::as_str).collect();
        names.sort_unstable();
        names.truncate(n);
        names
    }
}

/// When a cell says something happened.
pub(crate) enum WrittenTime {
    At(DateTime<Utc>),
    Yearless { month: u32, day: u32 },
}

/// Reads one row into `record` (a [spare](crate::io::Sink::spare_video) one, or a new one),
/// reusing its strings' storage; `Err` holds every reason the row cannot be read, joined
/// (`record` then holds nothing worth keeping).
pub(super) fn read_row(
    cells: &Row,
    mapping: &Mapping,
    import_time: DateTime<Utc>,
    tally: &mut Tally,
    spare_tags: &mut Vec<String>,
    record: &mut VideoRecord,
) -> Result<(), String> {
    let mut problems: Vec<String> = over_long_cells(cells, mapping);
    if !problems.is_empty() {
        // Reading a 50 MB cell as a count or a date only repeats that it is refused.
        return Err(problems.join("; "));
    }
    let cell = |field: Field| {
        let text = mapping
            .column(field)
            .and_then(|i| cells.get(i))
            .unwrap_or("");
        if is_missing(text) {
            None
        } else {
            Some(trim_cell(text))
        }
    };
    let mut problem = |field: Field, reason: String| {
        let column = mapping.column_name(field).unwrap_or_default();
        problems.push(format!("{} ({column}): {reason}", field.label()));
    };
    let mut count = |field: Field| match optional(cell(field).unwrap_or(""), parse_count) {
        Ok(value) => value,
        Err(error) => {
            problem(field, error.to_string());
            None
        }
    };
    let views = count(Field::Views);
    let likes = count(Field::Likes);
    let comments = count(Field::Comments);
    let shares = count(Field::Shares);
    let saves = count(Field::Saves);
    let followers = count(Field::Followers);

    let link = cell(Field::Link);
    let link_id = link.and_then(video_id_in_link);
    let mut platform_id = None;
    if let Some(text) = cell(Field::VideoId) {
        match parse_id(text) {
            Ok(id) if id.precision_lost => tally.ids_without_precision += 1,
            Ok(id) => platform_id = Some(id.id),
            Err(error) => problem(Field::VideoId, error.to_string()),
        }
    }
    match (&platform_id, link_id) {
        (Some(id), Some(from_link)) if *id != from_link => problem(
            Field::VideoId,
            format!("{id} is not the id in the link ({from_link})"),
        ),
        (None, Some(from_link)) => platform_id = Some(from_link.into()),
        _ => {}
    }
    let account = match cell(Field::Account) {
        Some(written) => Handle::written(written)
            .map_err(|error| problem(Field::Account, error.to_string()))
            .ok(),
        None => link
            .and_then(Handle::in_link)
            .map(|handle| Cow::Owned(handle.as_str().to_string())),
    };

    let measured_at = match cell(Field::MeasuredAt).map(read_instant) {
        None => import_time,
        Some(Ok(WrittenTime::At(at))) => at,
        Some(Ok(WrittenTime::Yearless { .. })) => {
            problem(Field::MeasuredAt, "the date has no year".into());
            import_time
        }
        Some(Err(reason)) => {
            problem(Field::MeasuredAt, reason);
            import_time
        }
    };
    let not_after = measured_at + chrono::Days::new(2);
    let from_id = platform_id
        .as_deref()
        .and_then(posted_at_from_id)
        .filter(|at| *at <= not_after);
    let posted_at = match (cell(Field::PostTime).map(read_instant), from_id) {
        (Some(Ok(WrittenTime::At(at))), _) => Some(at),
        (None | Some(Ok(WrittenTime::Yearless { .. })), Some(at)) => {
            tally.post_times_from_ids += 1;
            Some(at)
        }
        (Some(Ok(WrittenTime::Yearless { month, day })), None) => {
            tally.yearless_post_times += 1;
            place_latest(month, day, measured_at.date_naive())
                .and_then(|date| date.and_hms_opt(0, 0, 0))
                .map(|at| at.and_utc())
        }
        (Some(Err(reason)), _) => {
            problem(Field::PostTime, reason);
            None
        }
        (None, None) => None,
    };

    let duration_s = match optional(cell(Field::Duration).unwrap_or(""), parse_duration_s) {
        Ok(duration) => duration,
        Err(error) => {
            problem(Field::Duration, error.to_string());
            None
        }
    };
    if !problems.is_empty() {
        return Err(problems.join("; "));
    }
    if platform_id.is_none() && link.is_none() && posted_at.is_none() {
        return Err("the row has no video id, link or post time to tell which video it is".into());
    }

    // An empty caption is a caption (`""`); only `undefined` means the file does not know.
    let caption = mapping
        .column(Field::Caption)
        .and_then(|i| cells.get(i))
        .map(trim_cell);
    match mapping.column(Field::Hashtags) {
        Some(_) => hashtag_list(
            cell(Field::Hashtags).unwrap_or(""),
            &mut record.hashtags,
            spare_tags,
        ),
        None => record.hashtags = caption.map(hashtags_in).unwrap_or_default(),
    }
    let account = account.as_deref();
    // Rows usually come grouped by account: only a change of account needs the set.
    if let Some(handle) = account
        && tally.last_account.as_deref() != Some(handle)
    {
        if !tally.accounts.contains(handle) {
            tally.accounts.insert(handle.to_string());
        }
        refill(&mut tally.last_account, Some(handle));
    }
    if let Some(day) = posted_at.map(|at| at.date_naive()) {
        tally.first_post = Some(tally.first_post.map_or(day, |first| first.min(day)));
        tally.last_post = Some(tally.last_post.map_or(day, |last| last.max(day)));
    }
    let snapshot = match views {
        Some(views) => Some(SnapshotRecord {
            captured_at: measured_at,
            views,
            likes,
            comments,
            shares,
            saves,
            avg_watch_s: None,
            full_watch_rate: None,
        }),
        None => {
            tally.rows_without_views += 1;
            None
        }
    };
    refill(&mut record.platform_id, platform_id.as_deref());
    refill(&mut record.account, account);
    refill(&mut record.caption, caption);
    refill(&mut record.sound, cell(Field::Sound));
    refill(&mut record.link, link);
    record.posted_at = posted_at;
    record.duration_s = duration_s;
    record.allow_duet = None;
    record.allow_stitch = None;
    record.allow_comments = None;
    record.followers = followers;
    record.snapshot = snapshot;
    record.line = cells.line();
    Ok(())
}

/// A timestamp cell: what the date parser reads (naive times are UTC), plus the machine forms
/// scrapers write that are no calendar date: Unix seconds or milliseconds (`createTime`) and
/// RFC 3339 with an offset.
pub(crate) fn read_instant(text: &str) -> Result<WrittenTime, String> {
    let digits = text.bytes().all(|b| b.is_ascii_digit());
    let unix = match text.len() {
        9 | 10 if digits => text
            .parse()
            .ok()
            .and_then(|s| DateTime::from_timestamp(s, 0)),
        12 | 13 if digits => text.parse().ok().and_then(DateTime::from_timestamp_millis),
        _ => None,
    };
    if let Some(at) = unix {
        return Ok(WrittenTime::At(at));
    }
    if let Ok(at) = parse_date_time(text) {
        return Ok(WrittenTime::At(at.and_utc()));
    }
    if let Ok(at) = DateTime::parse_from_rfc3339(text) {
        return Ok(WrittenTime::At(at.to_utc()));
    }
    if text.contains(':') {
        // A time the date-time reader refused: reading the date alone would drop it silently.
        let shown: String = text.chars().take(40).collect();
        return Err(format!(
            "\"{shown}\" is not a date and time Scrollstop reads"
        ));
    }
    match parse_date(text).map_err(|e| e.to_string())? {
        WrittenDate::Full(date) => Ok(WrittenTime::At(
            date.and_time(chrono::NaiveTime::MIN).and_utc(),
        )),
        WrittenDate::Yearless { month, day } => Ok(WrittenTime::Yearless { month, day }),
    }
}

/// `"a, b, c"`, `#a #b`, `#a,#b`, `a；b`: tags without `#`, deduplicated ignoring case, into
/// `tags` (its strings' storage reused). Strings `tags` no longer needs go to `spare`, and new
/// ones come from there, so that rows with more tags and rows with fewer trade storage
/// instead of freeing and allocating it.
pub(super) fn hashtag_list(text: &str, tags: &mut Vec<String>, spare: &mut Vec<String>) {
    let separators =
        |c: char| matches!(c, ',' | ';' | '#' | '，' | '、' | '；') || c.is_whitespace();
    let mut count = 0;
    for tag in text.split(separators).filter(|t| !t.is_empty()) {
        if tags[..count].iter().any(|t| same_ignoring_case(t, tag)) {
            continue;
        }
        if count == tags.len() {
            tags.push(spare.pop().unwrap_or_default());
        }
        tags[count].clear();
        // Room for a usual tag at once: a string reused for a longer tag grew again.
        tags[count].reserve(tag.len().max(TAG_ROOM));
        tags[count].push_str(tag);
        count += 1;
    }
    if spare.len() < MAX_SPARE_TAGS {
        spare.extend(tags.drain(count..));
    }
    tags.truncate(count);
}

/// The bytes a tag string has room for at least.
const TAG_ROOM: usize = 32;

/// The most tag strings kept spare while reading a file.
const MAX_SPARE_TAGS: usize = 256;

fn same_ignoring_case(a: &str, b: &str) -> bool {
    // Equal but for the case of ASCII letters: equal. Otherwise, for the usual ASCII tags,
    // not equal; only other text needs its characters decoded.
    if a.eq_ignore_ascii_case(b) {
        return true;
    }
    if a.is_ascii() && b.is_ascii() {
        return false;
    }
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}
