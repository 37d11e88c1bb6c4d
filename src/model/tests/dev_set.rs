//! The development set's walk-forward backtest (skips when ../shared/data is absent). Run in
//! release: `cargo test --release --lib model::tests::dev_set -- --ignored --nocapture`.

use std::collections::BTreeMap;

use chrono::{TimeZone, Utc};

use crate::domain::{AccountId, Snapshot, Video, VideoId};
use crate::io::Collected;
use crate::io::generic::{HistoryOptions, read_history};
use crate::model::{AccountHistory, History, backtest};

/// One account's videos with snapshots, and its follower count.
type Account = (Vec<(Video, Vec<Snapshot>)>, Option<i64>);

pub(crate) const DEV_SET: &str = "../shared/data/tiktok-creators-dev.csv";

/// Reads a video-history CSV through the generic importer into one history per account.
pub(crate) fn load(path: &str) -> Option<Vec<AccountHistory>> {
    let bytes = std::fs::read(path).ok()?;
    let import_time = Utc.with_ymd_and_hms(2025, 7, 1, 0, 0, 0).single()?;
    let mut sink = Collected::default();
    read_history(path, &bytes, &HistoryOptions::at(import_time), &mut sink).ok()?;
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
        let snapshots = record
            .snapshot
            .iter()
            .map(|s| Snapshot {
                video: id,
                captured_at: s.captured_at,
                views: s.views,
                likes: s.likes,
                comments: s.comments,
                shares: s.shares,
                saves: s.saves,
                avg_watch_s: s.avg_watch_s,
                full_watch_rate: s.full_watch_rate,
            })
            .collect();
        entry.0.push((video, snapshots));
        entry.1 = entry.1.max(record.followers);
    }
    Some(
        by_account
            .into_iter()
            .map(|(account, (videos, followers))| {
                AccountHistory::new(account, History::from_videos(&videos, followers))
            })
            .collect(),
    )
}

#[test]
#[ignore = "slow in debug builds; run in release with --ignored"]
fn the_development_set_backtest_beats_the_baseline() {
    let Some(accounts) = load(DEV_SET) else {
        eprintln!("skipped: {DEV_SET} is absent");
        return;
    };
    let started = std::time::Instant::now();
    let result = backtest(&accounts, 3);
    let o = &result.overall;
    eprintln!(
        "dev set: {} accounts, {} videos predicted in {:.1} s\n  MAE log10 {:.4} (baseline {:.4}, ratio {:.3})\n  coverage P10-P90 {:.3}\n  Spearman {:.4} (baseline {:.4}) over {} accounts",
        accounts.len(),
        o.videos_predicted,
        started.elapsed().as_secs_f64(),
        o.mae_log10.unwrap_or(f64::NAN),
        o.baseline_mae_log10.unwrap_or(f64::NAN),
        o.mae_log10.unwrap_or(f64::NAN) / o.baseline_mae_log10.unwrap_or(f64::NAN),
        o.coverage.unwrap_or(f64::NAN),
        o.spearman.unwrap_or(f64::NAN),
        o.baseline_spearman.unwrap_or(f64::NAN),
        o.accounts_ranked
    );
    if let Ok(path) = std::env::var("SCROLLSTOP_BACKTEST_JSON") {
        let json = serde_json::to_string_pretty(&result).expect("backtest serialises");
        std::fs::write(path, json).expect("backtest JSON written");
    }
    let mae = o.mae_log10.expect("videos predicted");
    let base = o.baseline_mae_log10.expect("videos predicted");
    assert!(mae <= 0.9 * base, "MAE {mae} vs baseline {base}");
    let coverage = o.coverage.expect("videos predicted");
    assert!((0.75..=0.85).contains(&coverage), "coverage {coverage}");
    assert!(o.spearman > o.baseline_spearman);
}
