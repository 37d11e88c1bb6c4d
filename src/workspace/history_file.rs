//! Reading a video-history file straight into per-account model histories, without a
//! workspace: the development-set backtest and its benchmark use it. It writes nothing.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{TimeZone, Utc};

use crate::domain::{AccountId, Snapshot, Video, VideoId};
use crate::io::Collected;
use crate::io::generic::{HistoryOptions, read_history};
use crate::model::{AccountHistory, History};

/// One account's videos with snapshots, and its follower count.
type Account = (Vec<(Video, Vec<Snapshot>)>, Option<i64>);

/// Reads a video-history CSV through the generic importer into one history per account.
pub fn histories_in_file(path: &Path) -> Option<Vec<AccountHistory>> {
    let bytes = std::fs::read(path).ok()?;
    let name = path.display().to_string();
    let import_time = Utc.with_ymd_and_hms(2025, 7, 1, 0, 0, 0).single()?;
    let mut sink = Collected::default();
    read_history(&name, &bytes, &HistoryOptions::at(import_time), &mut sink).ok()?;
    let mut by_account: BTreeMap<String, Account> = BTreeMap::new();
    for (i, (_, record)) in sink.videos.iter().enumerate() {
        let (Some(account), Some(posted_at)) = (record.account.clone(), record.posted_at) else {
            continue;
        };
        let entry = by_account.entry(account).or_default();
        let id = VideoId(i as i64);
        let video = Video {
            id,
            account: AccountId(0),
            platform_id: record
                .platform_id
                .clone()
                .unwrap_or_else(|| format!("line {}", record.line)),
            posted_at,
            caption: record.caption.clone().unwrap_or_default(),
            hashtags: record.hashtags.clone(),
            duration_s: record.duration_s,
            sound: record.sound.clone(),
            link: record.link.clone(),
            allow_duet: record.allow_duet,
            allow_stitch: record.allow_stitch,
            allow_comments: record.allow_comments,
        };
        let snapshots = record.snapshot.iter().map(|s| s.for_video(id)).collect();
        entry.0.push((video, snapshots));
        entry.1 = entry.1.max(record.followers);
    }
    Some(
        by_account
            .into_iter()
            .map(|(account, (videos, followers))| account_history(account, &videos, followers))
            .collect(),
    )
}

/// One account's stored or read videos as a model history (audience unknown until the caller
/// sets it): the one conversion the file reader and the workspace share.
pub(super) fn account_history(
    account: String,
    videos: &[(Video, Vec<Snapshot>)],
    followers: Option<i64>,
) -> AccountHistory {
    AccountHistory::new(account, History::from_videos(videos, followers))
}
