//! The account's past as the model reads it: every posted video with its choices and its
//! counts at known ages (each import is one snapshot), the follower count, and the audience's
//! activity by hour of the week.
//!
//! Plain values converted from domain types; the model never reads the store or a file, so
//! the caller hands these in (the workspace from its store, the backtest from an import).

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::features::DraftFeatures;
use crate::domain::{Snapshot, Video};

/// Counts of one video at one age.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Counts {
    pub age_hours: f64,
    pub views: f64,
    pub likes: Option<f64>,
    pub comments: Option<f64>,
    pub shares: Option<f64>,
    pub saves: Option<f64>,
    pub avg_watch_s: Option<f64>,
    /// Share of views watched to the end, 0..1.
    pub full_watch_rate: Option<f64>,
}

impl Counts {
    /// Converts a snapshot of a video posted at `posted_at`.
    pub fn from_snapshot(snapshot: &Snapshot, posted_at: DateTime<Utc>) -> Self {
        let count = |c: Option<i64>| c.map(|c| c.max(0) as f64);
        Self {
            age_hours: snapshot.age_hours(posted_at),
            views: snapshot.views.max(0) as f64,
            likes: count(snapshot.likes),
            comments: count(snapshot.comments),
            shares: count(snapshot.shares),
            saves: count(snapshot.saves),
            avg_watch_s: snapshot.avg_watch_s.map(f64::from),
            full_watch_rate: snapshot.full_watch_rate.map(f64::from),
        }
    }
}

/// One posted video.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PastVideo {
    /// TikTok's id (or the import's), for backtest rows.
    pub id: String,
    pub posted_at: DateTime<Utc>,
    pub features: DraftFeatures,
    /// Snapshots with a positive age, youngest first.
    pub counts: Vec<Counts>,
}

impl PastVideo {
    /// A video with its snapshots; snapshots taken before posting are dropped.
    pub fn new(
        id: String,
        posted_at: DateTime<Utc>,
        features: DraftFeatures,
        counts: Vec<Counts>,
    ) -> Self {
        let mut counts: Vec<Counts> = counts
            .into_iter()
            .filter(|c| c.age_hours > 0.0 && c.views.is_finite())
            .collect();
        counts.sort_by(|a, b| a.age_hours.total_cmp(&b.age_hours));
        Self {
            id,
            posted_at,
            features,
            counts,
        }
    }

    /// The oldest snapshot: the count closest to the video's final reach.
    pub fn latest(&self) -> Option<&Counts> {
        self.counts.last()
    }
}

/// An account's posted videos in order of posting, and its follower count.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct History {
    videos: Vec<PastVideo>,
    followers: Option<f64>,
}

impl History {
    /// From model-side videos (sorted here by posting time).
    pub fn new(mut videos: Vec<PastVideo>, followers: Option<f64>) -> Self {
        videos.sort_by_key(|v| v.posted_at);
        Self {
            videos,
            followers: followers.filter(|f| *f > 0.0),
        }
    }

    /// From the workspace's videos with their snapshots.
    pub fn from_videos(videos: &[(Video, Vec<Snapshot>)], followers: Option<i64>) -> Self {
        let past = videos
            .iter()
            .map(|(video, snapshots)| {
                let counts = snapshots
                    .iter()
                    .map(|s| Counts::from_snapshot(s, video.posted_at))
                    .collect();
                PastVideo::new(
                    video.platform_id.clone(),
                    video.posted_at,
                    DraftFeatures::from_video(video),
                    counts,
                )
            })
            .collect();
        Self::new(past, followers.map(|f| f as f64))
    }

    /// No videos and no followers: a new account.
    pub fn empty() -> Self {
        Self::default()
    }

    pub fn videos(&self) -> &[PastVideo] {
        &self.videos
    }

    pub fn followers(&self) -> Option<f64> {
        self.followers
    }

    /// The same videos with every count (views and the engagement counts, so rates stay) scaled
    /// by `factor`: a top-posts list brought to the account's typical post (`top_list.rs`).
    pub fn with_counts_scaled(mut self, factor: f64) -> Self {
        let scale = |v: &mut Option<f64>| *v = v.map(|x| x * factor);
        for video in &mut self.videos {
            for c in &mut video.counts {
                c.views *= factor;
                scale(&mut c.likes);
                scale(&mut c.comments);
                scale(&mut c.shares);
                scale(&mut c.saves);
            }
        }
        self
    }

    /// Adds a video posted after all the others (the backtest's walk).
    pub(crate) fn push(&mut self, video: PastVideo) {
        let at = self
            .videos
            .partition_point(|v| v.posted_at <= video.posted_at);
        self.videos.insert(at, video);
    }

    /// The first `n` videos (those posted before the `n`-th), for walking forward.
    pub fn first(&self, n: usize) -> History {
        History {
            videos: self.videos[..n.min(self.videos.len())].to_vec(),
            followers: self.followers,
        }
    }
}

/// When the account's followers are online: mean active followers for each hour of the week
/// in the account's zone (Monday 00:00 first), and how many weeks that rests on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Audience {
    #[serde(skip)]
    activity: Option<[f64; 168]>,
    weeks: u32,
}

impl Audience {
    /// No activity data: every hour counts the same.
    pub fn unknown() -> Self {
        Self {
            activity: None,
            weeks: 0,
        }
    }

    /// From the 168 hourly means of the analytics' hour-of-week profile.
    pub fn from_activity(mean_active: [f64; 168], weeks: u32) -> Self {
        let total: f64 = mean_active.iter().filter(|v| v.is_finite()).sum();
        if weeks == 0 || total <= 0.0 {
            return Self::unknown();
        }
        Self {
            activity: Some(mean_active.map(|v| if v.is_finite() { v.max(0.0) } else { 0.0 })),
            weeks,
        }
    }

    pub fn activity(&self) -> Option<&[f64; 168]> {
        self.activity.as_ref()
    }

    pub fn weeks(&self) -> u32 {
        self.weeks
    }
}
