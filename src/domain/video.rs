//! A posted video and the counts seen at each import (snapshots at known ages).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::AccountId;

/// Row id of a video in the workspace (not TikTok's id).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct VideoId(pub i64);

/// A video the account has posted.
#[derive(Debug, Clone, PartialEq)]
pub struct Video {
    pub id: VideoId,
    pub account: AccountId,
    /// TikTok's video id when known (from the link), else an id the import derived.
    pub platform_id: String,
    pub posted_at: DateTime<Utc>,
    pub caption: String,
    pub hashtags: Vec<String>,
    pub duration_s: Option<f32>,
    pub sound: Option<String>,
    pub link: Option<String>,
    pub allow_duet: Option<bool>,
    pub allow_stitch: Option<bool>,
    pub allow_comments: Option<bool>,
}

/// The counts of one video as seen at `captured_at`. Counts can be negative in real exports
/// (comments after deletions), so they are signed.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub video: VideoId,
    pub captured_at: DateTime<Utc>,
    pub views: i64,
    pub likes: Option<i64>,
    pub comments: Option<i64>,
    pub shares: Option<i64>,
    pub saves: Option<i64>,
    /// Average watch time in seconds, when the export has it.
    pub avg_watch_s: Option<f32>,
    /// Share of views that watched to the end (0..1), when the export has it.
    pub full_watch_rate: Option<f32>,
}

impl Snapshot {
    /// Hours between posting and this snapshot.
    pub fn age_hours(&self, posted_at: DateTime<Utc>) -> f64 {
        (self.captured_at - posted_at).num_seconds() as f64 / 3600.0
    }
}
