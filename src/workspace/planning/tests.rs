//! Planning on the demo workspace: dry runs write nothing, re-plans keep UIDs, pinned entries
//! stay, one draft finds its best free slot, and clock changes keep wall times.

use chrono::{Datelike, Duration, NaiveDate, TimeZone, Timelike, Utc};
use chrono_tz::Tz;

use super::*;
use crate::domain::{Account, DraftStatus, PlanEntry};
use crate::workspace::demo::{reference_day, reference_instant};
use crate::workspace::{DEFAULT_DEMO_SEED, Silent};

fn demo() -> (tempfile::TempDir, Workspace, Account) {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(&dir.path().join("w.sqlite")).unwrap();
    ws.create_demo_on(DEFAULT_DEMO_SEED, reference_day(), &Silent)
        .unwrap();
    let account = ws.store().accounts().unwrap().remove(0);
    (dir, ws, account)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn request(account: &Account, from: NaiveDate, to: NaiveDate, dry_run: bool) -> PlanRequest {
    PlanRequest {
        account: account.id,
        from,
        to,
        per_day: None,
        dry_run,
    }
}

fn all_entries(ws: &Workspace, account: &Account) -> Vec<PlanEntry> {
    ws.store()
        .plan_entries(
            account.id,
            chrono::DateTime::<Utc>::MIN_UTC,
            chrono::DateTime::<Utc>::MAX_UTC,
        )
        .unwrap()
}

/// Approves every idea and draft of the account so the planner has material.
fn approve_all(ws: &mut Workspace, account: &Account) -> usize {
    let mut drafts = ws.store().drafts(account.id).unwrap();
    drafts.retain(|d| {
        matches!(
            d.status,
            DraftStatus::Idea | DraftStatus::Draft | DraftStatus::InReview
        )
    });
    for d in &mut drafts {
        d.status = DraftStatus::Approved;
    }
    ws.store_mut().update_drafts(&drafts).unwrap();
    drafts.len()
}

fn set_zone_and_cadence(
    ws: &mut Workspace,
    account: &Account,
    zone: Tz,
    first: u8,
    last: u8,
) -> Account {
    let mut a = account.clone();
    a.time_zone = zone;
    a.cadence.first_hour = first;
    a.cadence.last_hour = last;
    ws.store_mut().update_account(&a).unwrap();
    ws.store().account(a.id).unwrap()
}

#[test]
fn a_dry_run_plans_within_the_cadence_and_writes_nothing() {
    let (_dir, mut ws, account) = demo();
    let now = reference_instant();
    approve_all(&mut ws, &account);
    let before = all_entries(&ws, &account);
    let report = ws
        .plan_range(
            &request(&account, date(2026, 11, 30), date(2026, 12, 13), true),
            now,
        )
        .unwrap();
    assert!(!report.written);
    assert_eq!(all_entries(&ws, &account), before);
    assert!(!report.placements.is_empty());
    let per_day = usize::from(account.cadence.posts_per_day);
    let mut days = std::collections::HashMap::new();
    for p in &report.placements {
        let local = p.instant.with_timezone(&account.time_zone);
        assert_eq!(local.format("%Y-%m-%dT%H:%M").to_string(), p.wall_time);
        assert!(
            account.cadence.first_hour as u32 <= local.hour()
                && local.hour() <= account.cadence.last_hour as u32
        );
        *days.entry(local.date_naive()).or_insert(0) += 1;
        assert!(p.reason.contains("median slot"), "{}", p.reason);
        assert!(p.predicted_median_24h > 0.0);
    }
    // Entries already in the range (pinned or not planned again) count for the day too.
    assert!(days.values().all(|n| *n <= per_day), "{days:?}");
    assert!(report.best_times.contains("audience") || report.best_times.contains("prior"));
}

#[test]
fn planning_writes_once_and_re_planning_keeps_uids_and_sequences() {
    let (_dir, mut ws, account) = demo();
    let now = reference_instant();
    approve_all(&mut ws, &account);
    let req = request(&account, date(2026, 11, 30), date(2026, 12, 13), false);
    let first = ws.plan_range(&req, now).unwrap();
    assert!(first.written);
    let after_first = all_entries(&ws, &account);
    for p in &first.placements {
        let e = after_first
            .iter()
            .find(|e| e.uid == p.uid)
            .expect("written");
        assert_eq!(e.instant, p.instant);
        assert_eq!(e.reason, p.reason);
        let draft = ws.store().draft(e.draft).unwrap();
        assert!(matches!(
            draft.status,
            DraftStatus::Scheduled | DraftStatus::InReview | DraftStatus::Idea | DraftStatus::Draft
        ));
    }
    let second = ws.plan_range(&req, now).unwrap();
    let after_second = all_entries(&ws, &account);
    assert_eq!(
        after_first.len(),
        after_second.len(),
        "re-planning does not duplicate"
    );
    for p in &second.placements {
        assert_ne!(p.change, PlacementChange::New, "{p:?}");
        let old = after_first
            .iter()
            .find(|e| e.uid == p.uid)
            .expect("same uid");
        let new = after_second.iter().find(|e| e.uid == p.uid).unwrap();
        let moved = old.instant != new.instant;
        assert_eq!(new.sequence, old.sequence + u32::from(moved));
    }
}

#[test]
fn pinned_entries_stay_and_one_draft_finds_its_best_free_slot() {
    let (_dir, mut ws, account) = demo();
    let now = reference_instant();
    let req = request(&account, date(2026, 11, 21), date(2026, 12, 4), false);
    let mut entries = all_entries(&ws, &account);
    let pinned = entries
        .iter_mut()
        .find(|e| e.instant > now)
        .expect("a future entry");
    pinned.pinned = true;
    ws.store_mut().reschedule(pinned).unwrap();
    let pinned = all_entries(&ws, &account)
        .into_iter()
        .find(|e| e.pinned)
        .unwrap();
    approve_all(&mut ws, &account);
    let report = ws.plan_range(&req, now).unwrap();
    assert!(report.kept >= 1);
    let still = all_entries(&ws, &account)
        .into_iter()
        .find(|e| e.uid == pinned.uid)
        .unwrap();
    assert_eq!(
        (still.instant, still.sequence),
        (pinned.instant, pinned.sequence)
    );

    let mut idea = ws
        .store()
        .drafts(account.id)
        .unwrap()
        .into_iter()
        .find(|d| d.status == DraftStatus::Approved || d.status == DraftStatus::Idea)
        .unwrap_or_else(|| {
            let mut d = crate::domain::Draft::blank(account.id, now);
            d.title = "Fresh idea".into();
            d
        });
    if idea.id.0 == 0 {
        idea.id = ws.store_mut().add_draft(&idea).unwrap();
    }
    let before = all_entries(&ws, &account);
    let one = ws.place_in_best_free_slot(&req, idea.id, now).unwrap();
    assert_eq!(one.placements.len(), 1, "{one:?}");
    assert_eq!(one.placements[0].draft_id, idea.id.0);
    let after = all_entries(&ws, &account);
    for e in before.iter().filter(|e| e.draft != idea.id) {
        let same = after.iter().find(|a| a.uid == e.uid).unwrap();
        assert_eq!(same.instant, e.instant, "other entries stay");
    }
}

#[test]
fn a_bad_range_or_draft_is_a_clear_error() {
    let (_dir, mut ws, account) = demo();
    let now = reference_instant();
    let err = ws
        .plan_range(
            &request(&account, date(2026, 12, 5), date(2026, 12, 1), true),
            now,
        )
        .unwrap_err();
    assert!(err.to_string().contains("before it starts"), "{err}");
    let err = ws
        .place_in_best_free_slot(
            &request(&account, date(2026, 12, 1), date(2026, 12, 5), true),
            crate::domain::DraftId(999_999),
            now,
        )
        .unwrap_err();
    assert!(err.to_string().contains("not a draft of"), "{err}");
}

#[test]
fn a_nine_oclock_cadence_stays_nine_local_across_clock_changes() {
    for (zone, spring, autumn) in [
        (
            chrono_tz::Europe::Amsterdam,
            date(2027, 3, 28),
            date(2027, 10, 31),
        ),
        (
            chrono_tz::America::New_York,
            date(2027, 3, 14),
            date(2027, 11, 7),
        ),
        (
            chrono_tz::Asia::Tokyo,
            date(2027, 3, 28),
            date(2027, 10, 31),
        ),
    ] {
        let (_dir, mut ws, account) = demo();
        let account = set_zone_and_cadence(&mut ws, &account, zone, 9, 9);
        approve_all(&mut ws, &account);
        let now = Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).unwrap();
        for change in [spring, autumn] {
            let mut req = request(
                &account,
                change - Duration::days(2),
                change + Duration::days(2),
                false,
            );
            req.per_day = Some(1);
            let report = ws.plan_range(&req, now).unwrap();
            assert!(report.needs_choice.is_empty());
            assert_eq!(report.placements.len(), 5, "{zone} {change}: {report:?}");
            for p in &report.placements {
                let local = p.instant.with_timezone(&zone);
                assert_eq!(
                    (local.hour(), local.minute()),
                    (9, 0),
                    "{zone} {}",
                    p.wall_time
                );
            }
            let offsets: std::collections::BTreeSet<i64> = report
                .placements
                .iter()
                .map(|p| (p.instant.hour() as i64 - 9).rem_euclid(24))
                .collect();
            let expected = if zone == chrono_tz::Asia::Tokyo { 1 } else { 2 };
            assert_eq!(
                offsets.len(),
                expected,
                "{zone}: UTC hour changes with the offset, the wall time does not"
            );
        }
        let stored = all_entries(&ws, &account);
        assert!(
            stored
                .iter()
                .filter(|e| e.instant.year() == 2027)
                .all(|e| e.wall_time.hour() == 9)
        );
    }
}

#[test]
fn gap_and_overlap_hours_are_reported_with_both_choices_not_planned() {
    let (_dir, mut ws, account) = demo();
    let account = set_zone_and_cadence(&mut ws, &account, chrono_tz::Europe::Amsterdam, 2, 2);
    approve_all(&mut ws, &account);
    let now = Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).unwrap();
    let spring = ws
        .plan_range(
            &request(&account, date(2027, 3, 27), date(2027, 3, 29), true),
            now,
        )
        .unwrap();
    assert_eq!(spring.needs_choice.len(), 1, "{spring:?}");
    assert!(spring.needs_choice[0].contains("does not exist"));
    assert!(
        spring.needs_choice[0].contains("03:00 CEST")
            && spring.needs_choice[0].contains("01:00 CET"),
        "{}",
        spring.needs_choice[0]
    );
    assert!(
        spring
            .placements
            .iter()
            .all(|p| !p.wall_time.starts_with("2027-03-28"))
    );
    assert_eq!(spring.placements.len(), 2);
    let autumn = ws
        .plan_range(
            &request(&account, date(2027, 10, 30), date(2027, 11, 1), true),
            now,
        )
        .unwrap();
    assert_eq!(autumn.needs_choice.len(), 1);
    assert!(
        autumn.needs_choice[0].contains("happens twice"),
        "{}",
        autumn.needs_choice[0]
    );
    assert!(
        autumn
            .placements
            .iter()
            .all(|p| !p.wall_time.starts_with("2027-10-31"))
    );
}

#[test]
fn the_subculture_mix_is_kept_beside_the_account() {
    let (_dir, mut ws, account) = demo();
    assert!(ws.subculture_mix(account.id).unwrap().is_empty());
    let sub = ws.store().subcultures().unwrap()[0].id;
    let mix = crate::schedule::SubcultureMix {
        shares: vec![(sub, 0.25)],
    };
    ws.set_subculture_mix(account.id, &mix).unwrap();
    assert_eq!(ws.subculture_mix(account.id).unwrap(), mix);
    approve_all(&mut ws, &account);
    let report = ws
        .plan_range(
            &request(&account, date(2026, 11, 30), date(2026, 12, 6), true),
            reference_instant(),
        )
        .unwrap();
    let of_sub = report
        .placements
        .iter()
        .filter(|p| {
            ws.store()
                .draft(crate::domain::DraftId(p.draft_id))
                .unwrap()
                .subculture
                == Some(sub)
        })
        .count();
    let capacity = usize::from(account.cadence.posts_per_day) * 7;
    assert!(of_sub <= capacity.div_ceil(4), "{of_sub} of {capacity}");
}

#[test]
fn re_planning_with_fewer_posts_takes_entries_out_and_drafts_back_to_approved() {
    let (_dir, mut ws, account) = demo();
    let now = reference_instant();
    approve_all(&mut ws, &account);
    let mut req = request(&account, date(2027, 1, 4), date(2027, 1, 10), false);
    req.per_day = Some(3);
    let full = ws.plan_range(&req, now).unwrap();
    assert!(full.placements.len() > 7, "{}", full.placements.len());
    for p in &full.placements {
        let d = ws
            .store()
            .draft(crate::domain::DraftId(p.draft_id))
            .unwrap();
        assert_eq!(d.status, DraftStatus::Scheduled);
    }
    req.per_day = Some(1);
    let thin = ws.plan_range(&req, now).unwrap();
    assert_eq!(thin.placements.len(), 7);
    assert_eq!(thin.removed.len(), full.placements.len() - 7);
    let entries = all_entries(&ws, &account);
    for r in &thin.removed {
        let id = crate::domain::DraftId(r.draft_id);
        assert!(entries.iter().all(|e| e.draft != id), "its entry is gone");
        assert_eq!(ws.store().draft(id).unwrap().status, DraftStatus::Approved);
    }
}
