//! A session that took in edits one draft at a time gives the findings of a session read afresh
//! from the store: the order of the drafts follows the store's stamps, trashed and posted drafts
//! leave the duplicate index.

use chrono::{DateTime, Datelike, Duration, TimeZone, Utc};

use crate::domain::{AccountId, Draft, DraftStatus, PlanEntry};
use crate::workspace::{DEFAULT_DEMO_SEED, Silent, Workspace, active_weeks_key};

/// The demo workspace in a temporary folder (kept while the folder lives), its first account
/// and the instant the checks run at.
fn demo() -> (tempfile::TempDir, Workspace, AccountId, DateTime<Utc>) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let mut ws = Workspace::open(&dir.path().join("w.sqlite")).expect("workspace opens");
    ws.create_demo(DEFAULT_DEMO_SEED, &Silent)
        .expect("demo written");
    let now = Utc
        .with_ymd_and_hms(2026, 11, 20, 12, 0, 0)
        .single()
        .expect("valid instant");
    let account = ws.store().accounts().expect("accounts").remove(0).id;
    (dir, ws, account, now)
}

#[test]
fn an_updated_session_checks_like_a_fresh_one() {
    let (_dir, mut ws, account, now) = demo();
    let mut session = ws.check_session(account, now).expect("session");
    let drafts = ws.store().drafts(account).expect("drafts");
    assert!(drafts.len() >= 6, "the demo has drafts to edit");

    // Copies of another draft's caption and media file, a title change, one posted, one
    // trashed: each saved through the store, re-read (its stamp), and handed to the session.
    let mut saved: Vec<Draft> = Vec::new();
    for (i, d) in drafts.iter().take(6).enumerate() {
        let mut d = d.clone();
        let other = &drafts[drafts.len() - 1 - i];
        match i {
            0 | 1 => d.caption = other.caption.clone(),
            2 => d.media_hash = Some("same-file".into()),
            3 => d.title = format!("{} again", other.title),
            4 => d.status = DraftStatus::Posted,
            _ => {}
        }
        ws.store_mut().update_draft(&d).expect("draft saved");
        saved.push(ws.store().draft(d.id).expect("draft re-read"));
    }
    let trashed = saved[5].id;
    ws.store_mut().trash_drafts(&[trashed]).expect("trashed");
    saved[5] = ws.store().draft(trashed).expect("draft re-read");
    for d in &saved {
        session.update(d);
    }

    let fresh = ws.check_session(account, now).expect("fresh session");
    let current = ws.store().drafts(account).expect("drafts");
    let mut duplicates = 0;
    for d in &current {
        let found = session.check(d);
        duplicates += found
            .iter()
            .filter(|f| f.rule == "duplicate-content")
            .count();
        assert_eq!(found, fresh.check(d), "draft {} {:?}", d.id.0, d.title);
    }
    assert!(
        duplicates >= 2,
        "the copied captions are found: {duplicates}"
    );
}

#[test]
fn the_calendars_frequency_findings_are_the_checks_own() {
    let (_dir, mut ws, account, now) = demo();
    let far = DateTime::<Utc>::MAX_UTC;
    let planned = ws
        .store()
        .plan_entries(account, DateTime::<Utc>::MIN_UTC, far)
        .expect("plan");
    let first = planned.first().expect("the demo plans posts").clone();
    let taken: Vec<_> = planned.iter().map(|e| e.draft).collect();
    // Five posts on a Thursday (more than the advice's four), and that week active with a
    // sixth post on its Monday (Tuesday and Wednesday empty between).
    let monday = first.wall_time
        - Duration::days(i64::from(first.wall_time.weekday().num_days_from_monday()));
    let day = monday + Duration::days(3);
    let more: Vec<PlanEntry> = ws
        .store()
        .drafts(account)
        .expect("drafts")
        .iter()
        .filter(|d| !taken.contains(&d.id))
        .take(6 - planned.len())
        .enumerate()
        .map(|(i, d)| PlanEntry {
            draft: d.id,
            uid: format!("frequency-{i}@test"),
            ..first.clone()
        })
        .collect();
    ws.store_mut().add_plan_entries(&more).expect("planned");
    let mut entries = ws
        .store()
        .plan_entries(account, DateTime::<Utc>::MIN_UTC, far)
        .expect("plan");
    assert_eq!(entries.len(), 6);
    for (i, e) in entries.iter_mut().enumerate() {
        e.wall_time = match i {
            5 => monday,
            _ => day + Duration::minutes(10 * i as i64),
        };
        e.instant = e.wall_time.and_utc();
        ws.store_mut().reschedule(e).expect("moved");
    }
    let week = format!("{}-W{:02}", day.iso_week().year(), day.iso_week().week());
    ws.store_mut()
        .set_setting(&active_weeks_key(account), &week)
        .expect("active week");

    let entries = ws
        .store()
        .plan_entries(account, DateTime::<Utc>::MIN_UTC, far)
        .expect("plan");
    let calendar = ws
        .frequency_findings(account, &entries)
        .expect("frequency findings");
    let session = ws.check_session(account, now).expect("session");
    let mut found = 0;
    for d in ws.store().drafts(account).expect("drafts") {
        let checks: Vec<_> = session
            .check(&d)
            .into_iter()
            .filter(|f| f.rule == "posting-frequency")
            .collect();
        let shown = calendar.get(&d.id).cloned().unwrap_or_default();
        assert_eq!(shown, checks, "draft {} {:?}", d.id.0, d.title);
        found += shown.len();
    }
    // Five "5 posts planned", and each of the six posts of the week names its empty days.
    assert_eq!(found, 11);
}
