//! Tests of the demo workspace against a real workspace file in a temporary directory.

use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{TimeDelta, TimeZone, Utc};

use super::{DEFAULT_DEMO_SEED, reference_day, reference_instant, write};
use crate::domain::{AspectRatio, AudienceDimension, Draft, DraftStatus};
use crate::store::{Store, TableCounts};
use crate::workspace::{Progress, Silent, WorkspaceError};

fn demo(seed: u64) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let mut store = Store::open(&dir.path().join("w.sqlite")).expect("a new workspace");
    write(&mut store, seed, reference_day(), &Silent).expect("the demo is written");
    (dir, store)
}

fn all_drafts(store: &Store) -> Vec<Draft> {
    let mut drafts = Vec::new();
    for a in store.accounts().expect("accounts") {
        drafts.extend(store.drafts(a.id).expect("drafts"));
        drafts.extend(store.trashed_drafts(a.id).expect("trashed drafts"));
    }
    drafts
}

#[test]
fn the_demo_today_is_noon_utc_the_day_before_it_is_created() {
    assert_eq!(
        reference_instant(),
        Utc.with_ymd_and_hms(2026, 11, 20, 12, 0, 0)
            .single()
            .expect("a valid date")
    );
}

#[test]
fn a_demo_created_today_has_its_scheduled_posts_ahead_and_its_history_behind() {
    let now = Utc::now();
    let dir = tempfile::tempdir().expect("a temporary directory");
    let mut store = Store::open(&dir.path().join("w.sqlite")).expect("a new workspace");
    write(&mut store, DEFAULT_DEMO_SEED, now.date_naive(), &Silent).expect("the demo is written");
    let far = TimeDelta::days(3650);
    for a in store.accounts().expect("the workspace reads back") {
        let entries = store
            .plan_entries(a.id, now - far, now + far)
            .expect("the workspace reads back");
        assert!(!entries.is_empty());
        assert!(entries.iter().all(|e| e.instant > now), "{entries:?}");
        let videos = store.videos(a.id).expect("the workspace reads back");
        assert!(videos.iter().all(|v| v.video.posted_at < now));
    }
    assert_eq!(
        store.setting("demo_day").expect("the workspace reads back"),
        Some(now.date_naive().to_string())
    );
}

#[test]
fn one_seed_on_another_day_gives_the_same_demo_moved_by_those_days() {
    let later = reference_day() + TimeDelta::days(14);
    let dir = tempfile::tempdir().expect("a temporary directory");
    let mut moved = Store::open(&dir.path().join("w.sqlite")).expect("a new workspace");
    write(&mut moved, DEFAULT_DEMO_SEED, later, &Silent).expect("the demo is written");
    let (_dir, first) = demo(DEFAULT_DEMO_SEED);
    let dates = |store: &Store| -> Vec<chrono::NaiveDate> {
        let a = store.accounts().expect("the workspace reads back")[0].id;
        let far = TimeDelta::days(3650);
        let now = reference_instant();
        let mut dates: Vec<_> = store
            .plan_entries(a, now - far, now + far)
            .expect("the workspace reads back")
            .iter()
            .map(|e| e.wall_time.date())
            .collect();
        dates.sort();
        dates
    };
    let shifted: Vec<_> = dates(&first)
        .into_iter()
        .map(|d| d + TimeDelta::days(14))
        .collect();
    assert_eq!(dates(&moved), shifted);
}

#[test]
fn the_demo_fills_every_table() {
    let (_dir, store) = demo(DEFAULT_DEMO_SEED);
    let c = store.counts().expect("the workspace reads back");
    let all = [
        c.accounts,
        c.subcultures,
        c.drafts,
        c.draft_comments,
        c.trend_items,
        c.trend_captures,
        c.videos,
        c.video_snapshots,
        c.daily_metrics,
        c.follower_activity,
        c.audience_shares,
        c.plan_entries,
        c.import_log,
        c.settings,
    ];
    assert!(all.iter().all(|&n| n > 0), "{c:?}");
    assert_eq!(c.subcultures, 6);
    assert!(c.drafts >= 30, "{c:?}");
    assert!((20..=40).contains(&c.trend_items), "{c:?}");
    assert!(
        c.trend_captures >= 4 * c.trend_items && c.trend_captures <= 8 * c.trend_items,
        "{c:?}"
    );
    assert!(
        (170..=320).contains(&c.videos),
        "about one video a day for 120 days, two accounts: {c:?}"
    );
    assert!(
        c.video_snapshots >= 2 * c.videos && c.video_snapshots <= 4 * c.videos,
        "{c:?}"
    );
    assert_eq!(c.daily_metrics, 240);
    assert_eq!(
        store
            .setting("demo_seed")
            .expect("the workspace reads back")
            .as_deref(),
        Some("2026")
    );
    let log = store.import_log().expect("the workspace reads back");
    assert_eq!(
        (log[0].report_kind.as_str(), log[0].content_hash.as_str()),
        ("demo", "seed:2026")
    );
}

#[test]
fn two_accounts_live_in_different_time_zones() {
    let (_dir, store) = demo(DEFAULT_DEMO_SEED);
    let accounts = store.accounts().expect("the workspace reads back");
    assert_eq!(accounts.len(), 2);
    assert_ne!(accounts[0].time_zone, accounts[1].time_zone);
    assert_ne!(accounts[0].region, accounts[1].region);
}

#[test]
fn drafts_cover_every_status_and_break_the_rules_the_checks_look_for() {
    let (_dir, store) = demo(DEFAULT_DEMO_SEED);
    let drafts = all_drafts(&store);
    assert!(drafts.len() >= 30);
    for status in DraftStatus::ALL {
        assert!(drafts.iter().any(|d| d.status == *status), "{status:?}");
    }
    assert!(drafts.iter().filter(|d| d.trashed_at.is_some()).count() >= 2);
    assert!(drafts.iter().any(|d| d.caption.chars().count() > 150));
    assert!(drafts.iter().any(|d| d.aspect == AspectRatio::Landscape));
    assert!(drafts.iter().any(|d| d.sound.is_none()));
    assert!(drafts.iter().any(|d| d.hashtags.is_empty()));
    assert!(drafts.iter().any(|d| d.duration_s.is_some_and(|s| s < 5.0)));
    assert!(
        drafts
            .iter()
            .any(|d| d.duration_s.is_some_and(|s| s > 180.0))
    );
    assert!(
        drafts
            .iter()
            .all(|d| d.created_at <= d.updated_at && d.updated_at <= reference_instant())
    );
}

#[test]
fn scheduled_drafts_are_planned_in_the_two_weeks_after_today() {
    let (_dir, store) = demo(DEFAULT_DEMO_SEED);
    let today = reference_instant();
    for a in store.accounts().expect("the workspace reads back") {
        let entries = store
            .plan_entries(a.id, today, today + TimeDelta::days(15))
            .expect("the workspace reads back");
        let scheduled: Vec<_> = store
            .drafts(a.id)
            .expect("the workspace reads back")
            .into_iter()
            .filter(|d| d.status == DraftStatus::Scheduled)
            .collect();
        assert_eq!(entries.len(), scheduled.len());
        for e in entries {
            assert!(scheduled.iter().any(|d| d.id == e.draft));
            assert_eq!(e.zone, a.time_zone);
            assert_eq!(
                crate::schedule::wall::earliest(e.zone, e.wall_time),
                Some(e.instant)
            );
            assert!(e.uid.ends_with("@scrollstop"));
        }
    }
}

#[test]
fn history_is_tiktok_shaped() {
    let (_dir, store) = demo(DEFAULT_DEMO_SEED);
    let today = reference_instant();
    let mut medians = Vec::new();
    for a in store.accounts().expect("the workspace reads back") {
        let videos = store.videos(a.id).expect("the workspace reads back");
        for v in &videos {
            let id: u64 = v.video.platform_id.parse().expect("a numeric TikTok id");
            assert_eq!((id >> 32) as i64, v.video.posted_at.timestamp());
            assert!(
                v.video
                    .link
                    .as_deref()
                    .expect("the workspace reads back")
                    .ends_with(&v.video.platform_id)
            );
            assert!(
                v.snapshots
                    .iter()
                    .all(|s| s.captured_at <= today && s.captured_at > v.video.posted_at)
            );
            assert!(v.snapshots.windows(2).all(|w| w[0].views <= w[1].views));
            assert!(!v.snapshots.is_empty() && v.snapshots.len() <= 4);
        }
        let mut views: Vec<i64> = videos
            .iter()
            .filter_map(|v| v.latest().map(|s| s.views))
            .collect();
        views.sort_unstable();
        medians.push(views[views.len() / 2]);
        for dimension in [AudienceDimension::Gender, AudienceDimension::Territory] {
            let total: f64 = store
                .audience_shares(a.id, dimension)
                .expect("the workspace reads back")
                .iter()
                .map(|s| s.share)
                .sum();
            assert!((total - 1.0).abs() < 1e-6, "{total}");
        }
    }
    assert!(
        medians[1] > 2 * medians[0],
        "the accounts differ in reach: {medians:?}"
    );
}

#[test]
fn the_same_seed_gives_the_same_workspace_and_another_seed_another() {
    let first_rows = |store: &Store| {
        let a = store.accounts().expect("the workspace reads back")[0].id;
        (
            store.drafts(a).expect("the workspace reads back")[0].clone(),
            store.videos(a).expect("the workspace reads back")[0].clone(),
        )
    };
    let (_d1, one) = demo(7);
    let (_d2, two) = demo(7);
    let (_d3, other) = demo(8);
    let counts: [TableCounts; 2] = [
        one.counts().expect("the workspace reads back"),
        two.counts().expect("the workspace reads back"),
    ];
    assert_eq!(counts[0], counts[1]);
    assert_eq!(first_rows(&one), first_rows(&two));
    assert_ne!(first_rows(&one), first_rows(&other));
}

/// Cancels as soon as it has been asked once.
struct CancelAfterFirstStep(AtomicUsize);

impl Progress for CancelAfterFirstStep {
    fn report(&self, _done: f32, _message: &str) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }

    fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::SeqCst) > 1
    }
}

#[test]
fn a_cancelled_demo_leaves_the_workspace_empty() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let mut store = Store::open(&dir.path().join("w.sqlite")).expect("a new workspace");
    let progress = CancelAfterFirstStep(AtomicUsize::new(0));
    assert!(matches!(
        write(&mut store, DEFAULT_DEMO_SEED, reference_day(), &progress),
        Err(WorkspaceError::Cancelled)
    ));
    assert!(progress.0.load(Ordering::SeqCst) >= 2);
    assert_eq!(
        store.counts().expect("the workspace reads back"),
        TableCounts::default()
    );
}
