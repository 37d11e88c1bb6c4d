//! TikTok's "Download your data" JSON: the posts in `Post.Posts.VideoList` (older exports:
//! `Video.Videos.VideoList`), the only source of each post's exact time, its sound and its
//! Duet/Stitch/comment settings. Each post becomes a [`VideoRecord`] that enriches the video it
//! names (by the id in its link); it carries no view counts, so no snapshot.
//!
//! `"N/A"` means empty and is never kept as text. It never reads anything else of the account
//! (messages, logins, watch history stay unread), and never panics, whatever the bytes.

use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde_json::Value;

use crate::io::dates::parse_date_time;
use crate::io::studio::{posted_at_from_id, video_id_in_link};
use crate::io::{FileSummary, ImportError, PostList, Rejected, ReportKind, Sink, VideoRecord};

#[derive(Deserialize)]
struct Export {
    #[serde(rename = "Post")]
    post: Option<Posts>,
    #[serde(rename = "Video")]
    video: Option<Videos>,
    #[serde(rename = "Profile")]
    profile: Option<Value>,
}

#[derive(Deserialize)]
struct Posts {
    #[serde(rename = "Posts")]
    posts: Option<List>,
}

#[derive(Deserialize)]
struct Videos {
    #[serde(rename = "Videos")]
    videos: Option<List>,
}

#[derive(Deserialize)]
struct List {
    #[serde(rename = "VideoList")]
    video_list: Option<Vec<Value>>,
}

/// Whether bytes look like an account data export (a JSON object), before parsing it all.
pub fn looks_like_account_data(bytes: &[u8]) -> bool {
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    text.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
}

/// Reads the posts of a "Download your data" JSON into `sink`.
pub fn read_account_data(file: &str, bytes: &[u8], sink: &mut dyn Sink) -> Result<(), ImportError> {
    let json = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let export: Export = serde_json::from_slice(json).map_err(|err| ImportError::AtLine {
        file: file.to_string(),
        line: err.line(),
        reason: format!("this is not readable JSON ({err})"),
    })?;
    let list = export
        .post
        .and_then(|p| p.posts)
        .or_else(|| export.video.and_then(|v| v.videos))
        .and_then(|l| l.video_list)
        .ok_or_else(|| ImportError::NotRecognised {
            file: file.to_string(),
            detail: "a JSON file without Post.Posts.VideoList".to_string(),
        })?;
    let mut summary = FileSummary {
        file: file.to_string(),
        kind: ReportKind::AccountData,
        encoding: "JSON".to_string(),
        account_hint: export
            .profile
            .as_ref()
            .and_then(|p| text(p.pointer("/Profile Info/ProfileMap/userName"))),
        export_date: None,
        export_date_source: None,
        first_date: None,
        last_date: None,
        rows: 0,
        skipped: 0,
        rejected: 0,
        notes: Vec::new(),
        // The download lists every post of the account.
        post_list: Some(PostList::All(list.len())),
    };
    let mut local_times = 0;
    for (index, entry) in list.iter().enumerate() {
        let number = index + 1;
        match read_post(entry, number) {
            Ok((video, date_was_local)) => {
                if let Some(day) = video.posted_at.map(|p| p.date_naive()) {
                    summary.first_date = Some(summary.first_date.map_or(day, |d| d.min(day)));
                    summary.last_date = Some(summary.last_date.map_or(day, |d| d.max(day)));
                }
                local_times += usize::from(date_was_local);
                summary.rows += 1;
                sink.video(file, Box::new(video));
            }
            Err(reason) => {
                summary.rejected += 1;
                sink.reject(Rejected {
                    file: file.to_string(),
                    line: number,
                    reason: format!("post {number} in VideoList: {reason}"),
                });
            }
        }
    }
    if local_times > 0 {
        summary.notes.push(format!(
            "{local_times} posts have a Date that is not UTC; the exact instant in the video id was used"
        ));
    }
    if list.iter().any(|entry| text(entry.get("Likes")).is_some()) {
        summary
            .notes
            .push("likes in this file are not kept: it has no views to go with them".to_string());
    }
    sink.file(summary);
    Ok(())
}

/// One post; also says whether its `Date` disagreed with the instant in its id.
fn read_post(entry: &Value, number: usize) -> Result<(VideoRecord, bool), String> {
    let field = |name: &str| text(entry.get(name));
    let link = field("Link").ok_or("it has no Link")?;
    let id = video_id_in_link(&link).ok_or_else(|| format!("\"{link}\" has no video id"))?;
    let written: Option<DateTime<Utc>> = match field("Date") {
        Some(date) => Some(
            parse_date_time(&date)
                .map_err(|e| format!("Date: {e}"))?
                .and_utc(),
        ),
        None => None,
    };
    let from_id = posted_at_from_id(id);
    let date_was_local =
        matches!((written, from_id), (Some(w), Some(i)) if (w - i).num_seconds().abs() >= 60);
    let caption = field("Title");
    Ok((
        VideoRecord {
            platform_id: Some(id.to_string()),
            account: None,
            posted_at: from_id.or(written),
            hashtags: caption
                .as_deref()
                .map(crate::domain::hashtags_in)
                .unwrap_or_default(),
            caption,
            duration_s: None,
            sound: field("Sound"),
            link: Some(link),
            allow_duet: field("AllowDuets").as_deref().and_then(allowed),
            allow_stitch: field("AllowStitches").as_deref().and_then(allowed),
            allow_comments: field("AllowComments").as_deref().and_then(allowed),
            followers: None,
            snapshot: None,
            line: number,
        },
        date_was_local,
    ))
}

/// A field as text: strings trimmed, numbers and booleans written out, `"N/A"`, `""` and
/// `null` as `None`.
fn text(value: Option<&Value>) -> Option<String> {
    let text = match value? {
        Value::String(s) => s.trim().to_string(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        _ => return None,
    };
    (!text.is_empty() && !text.eq_ignore_ascii_case("n/a")).then_some(text)
}

/// Whether a setting allows something: `Yes`/`On`/`Everyone`/`Friends` do, `No`/`Off`/
/// `No one`/`Only me` do not; anything else is unknown.
fn allowed(setting: &str) -> Option<bool> {
    let setting = setting.trim().to_lowercase();
    let yes = [
        "yes",
        "on",
        "true",
        "1",
        "everyone",
        "friends",
        "followers",
        "mutual friends",
        "friends and followers",
    ];
    let no = [
        "no", "off", "false", "0", "no one", "nobody", "only me", "disabled",
    ];
    if yes.contains(&setting.as_str()) {
        Some(true)
    } else if no.contains(&setting.as_str()) {
        Some(false)
    } else {
        None
    }
}

#[cfg(test)]
mod tests;
