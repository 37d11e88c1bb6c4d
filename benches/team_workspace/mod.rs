//! The team-sized workspace of issue 18: the big workspace (`big_workspace`: the demo with
//! 10,000 drafts in its first account) plus three more accounts, and years of posting history
//! in all five: [`SNAPSHOTS`] video count snapshots in total, 200,000 per account.
//!
//! The shape, per account: two videos a day going back from [`big_workspace::now`] (so about
//! 2,500 videos, three and a half years), each seen by a daily import at 06:00 UTC from the
//! day after it was posted for its first [`SNAPSHOTS_PER_VIDEO`] days (a video younger than
//! that has one snapshot per day of its age; the oldest video keeps only as many of its latest
//! snapshots as the account's 200,000 leave room for). Views rise along a saturating curve to a
//! heavy-tailed lifetime total; likes, comments, shares and saves follow at per-video rates.
//! Every day of that history also has the account's daily analytics. The demo's own videos
//! (a few hundred snapshots) come on top.
//!
//! Written with the store's public API in one import batch (one transaction, foreign-key
//! lookups off, as the history import writes), seeded: every run writes the same workspace.
//! Shared by the benches as a module next to `big_workspace`; `benches/write_team_workspace.rs`
//! writes it to a kept path for the app (see [`at`]).

use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, NaiveTime, Utc};
use scrollstop::domain::{AccountId, DailyMetrics, NewAccount, Snapshot};
use scrollstop::random::Rng;
use scrollstop::store::{Store, VideoFields};

use crate::big_workspace;

/// Accounts in the workspace once the generator is done.
pub const ACCOUNTS: usize = 5;
/// Video count snapshots the generator writes (the demo's own come on top).
pub const SNAPSHOTS: usize = 1_000_000;
/// Daily snapshots of a video older than this many days.
pub const SNAPSHOTS_PER_VIDEO: i64 = 80;
const VIDEOS_PER_DAY: i64 = 2;

/// The three accounts added to the demo's two.
const MORE: &[(&str, &str, &str)] = &[
    ("ovenlight_bakes", "Ovenlight Bakes", "Europe/Berlin"),
    ("gritgym_daily", "Grit Gym Daily", "America/Chicago"),
    ("mossandpages", "Moss & Pages", "Asia/Tokyo"),
];
const TOPICS: &[&str] = &[
    "sourdough crumb shot",
    "rainy day knit along",
    "terrarium rescue",
    "ladder burpee challenge",
    "grandma's apple cake",
    "slow morning routine",
    "book haul",
    "POV you finally tried it",
];
const TAGS: &[&str] = &["fyp", "baking", "knitting", "plants", "fittok", "booktok"];

/// Writes the team-sized workspace at `path` (which must not exist yet).
pub fn write(path: &Path) {
    big_workspace::write(path);
    let mut store = Store::open(path).expect("the store opens");
    let mut accounts: Vec<AccountId> = store
        .accounts()
        .expect("accounts")
        .into_iter()
        .map(|a| a.id)
        .collect();
    let batch = store.import_batch().expect("batch");
    for (handle, name, zone) in MORE {
        let account = NewAccount {
            handle: scrollstop::domain::Handle::parse(handle).expect("a valid handle"),
            display_name: name.to_string(),
            time_zone: zone.parse().expect("a known zone"),
            region: "US".to_string(),
            language: "en".to_string(),
        };
        accounts.push(batch.add_account(&account).expect("account written"));
    }
    assert_eq!(accounts.len(), ACCOUNTS, "the demo has two accounts");
    let mut rng = Rng::new(18);
    let mut writes = batch.video_writes().expect("statements");
    let per_account = SNAPSHOTS / ACCOUNTS;
    let mut days = Vec::new();
    for (n, &account) in accounts.iter().enumerate() {
        let mut left = per_account as i64;
        let mut age_days = 0;
        let mut k = 0;
        let hashtags: Vec<String> = Vec::new();
        while left > 0 {
            let posted_at = big_workspace::now()
                - Duration::days(age_days)
                - Duration::hours(3 + 7 * (k % VIDEOS_PER_DAY) + rng.below(4) as i64);
            let topic = rng.pick(TOPICS);
            let tags: Vec<String> = (0..1 + rng.below(4))
                .map(|_| rng.pick(TAGS).to_string())
                .collect();
            let caption = format!(
                "{topic} #{}",
                tags.iter()
                    .map(String::as_str)
                    .collect::<Vec<_>>()
                    .join(" #")
            );
            let platform_id = format!("7{:03}{:015}", n, 400_000_000_000_000 - k);
            let fields = VideoFields {
                account,
                platform_id: &platform_id,
                posted_at,
                caption: &caption,
                hashtags: if tags.is_empty() { &hashtags } else { &tags },
                duration_s: Some(7.0 + rng.below(170) as f32),
                sound: rng.chance(0.7).then_some("original sound"),
                link: None,
                allow_duet: Some(rng.chance(0.8)),
                allow_stitch: Some(rng.chance(0.8)),
                allow_comments: Some(true),
            };
            let (video, _) = writes.upsert(&fields).expect("video written");
            // Heavy-tailed lifetime views, per-video engagement rates.
            let lifetime = 4_000.0 * (1.3 * rng.normal()).exp();
            let like_rate = 0.08 * (0.3 * rng.normal()).exp();
            let first_capture = (posted_at + Duration::days(1))
                .date_naive()
                .and_time(NaiveTime::from_hms_opt(6, 0, 0).expect("a valid time"))
                .and_utc();
            let captures = (0..SNAPSHOTS_PER_VIDEO)
                .map(|d| first_capture + Duration::days(d))
                .filter(|at| *at <= big_workspace::now())
                .collect::<Vec<_>>();
            // The oldest video keeps only its latest snapshots.
            let skip = captures.len().saturating_sub(left as usize);
            for captured_at in &captures[skip..] {
                let views = (lifetime * reach_fraction(posted_at, *captured_at)).round() as i64;
                writes
                    .add_snapshot(&Snapshot {
                        video,
                        captured_at: *captured_at,
                        views,
                        likes: Some((views as f64 * like_rate) as i64),
                        comments: Some(views / 500),
                        shares: Some(views / 400),
                        saves: Some(views / 300),
                        avg_watch_s: Some(3.0 + rng.below(12) as f32),
                        full_watch_rate: Some(0.05 + 0.3 * rng.uniform() as f32),
                    })
                    .expect("snapshot written");
            }
            left -= (captures.len() - skip) as i64;
            k += 1;
            if k % VIDEOS_PER_DAY == 0 {
                age_days += 1;
            }
        }
        days.push((account, age_days));
    }
    drop(writes);
    for (account, history_days) in days {
        daily_analytics(&batch, account, history_days, &mut rng);
    }
    batch.commit().expect("batch committed");
}

/// One row of daily analytics for every day of the account's history.
fn daily_analytics(
    batch: &scrollstop::store::Batch<'_>,
    account: AccountId,
    history_days: i64,
    rng: &mut Rng,
) {
    let today = big_workspace::now().date_naive();
    let mut followers = 1_000i64;
    for back in (0..history_days).rev() {
        let views = (6_000.0 * (0.4 * rng.normal()).exp()) as i64;
        let change = views / 150 - rng.below(10) as i64;
        followers += change;
        batch
            .upsert_daily_metrics(
                account,
                &DailyMetrics {
                    date: Some(today - Duration::days(back)),
                    video_views: Some(views),
                    profile_views: Some(views / 55),
                    likes: Some(views / 12),
                    comments: Some(views / 500),
                    shares: Some(views / 450),
                    reached_audience: Some(views * 7 / 10),
                    total_viewers: Some(views * 7 / 10),
                    new_viewers: Some(views / 2),
                    returning_viewers: Some(views / 5),
                    followers: Some(followers),
                    follower_change: Some(change),
                },
            )
            .expect("daily analytics written");
    }
}

/// Share of its lifetime views a video has at `at`: half in the first day and a half, as the
/// demo's curve.
fn reach_fraction(posted_at: DateTime<Utc>, at: DateTime<Utc>) -> f64 {
    let hours = (at - posted_at).num_seconds() as f64 / 3600.0;
    if hours <= 0.0 {
        return 0.0;
    }
    1.0 - (-(hours / 36.0).powf(0.7)).exp()
}

/// Where the benches read the team-sized workspace: `SCROLLSTOP_TEAM_WORKSPACE` when set
/// (written there first when the file does not exist yet, and kept), else a fresh file in
/// `scratch`.
pub fn at(scratch: &Path) -> PathBuf {
    if let Some(kept) = std::env::var_os("SCROLLSTOP_TEAM_WORKSPACE") {
        let kept = PathBuf::from(kept);
        if !kept.exists() {
            write(&kept);
        }
        return kept;
    }
    let path = scratch.join("team.sqlite");
    write(&path);
    path
}
