//! The plan's rules: a scheduled post whose time has passed, and posting frequency.

use super::*;

#[test]
fn a_scheduled_post_whose_time_has_passed_is_overdue_with_two_fixes() {
    let day = now().date_naive();
    let plan = |at: chrono::DateTime<Utc>| PlanDay {
        date: at.date_naive(),
        wall_time: at.naive_utc(),
        at,
        posts: 1,
        empty_days_between: vec![],
    };
    let past = plan(now() - chrono::Duration::hours(3));
    let ahead = plan(now() + chrono::Duration::hours(3));
    let none = DuplicateIndex::default();
    let trends = book();
    let check = |d: &Draft, p: &PlanDay| {
        let ctx = CheckContext {
            subculture: None,
            trends: &trends,
            duplicates: &none,
            plan_day: Some(p),
            now: now(),
        };
        check_draft(d, &ctx)
    };
    let mut d = clean();
    d.status = DraftStatus::Scheduled;
    let found = check(&d, &past);
    let overdue = found
        .iter()
        .find(|f| f.rule == "scheduled-overdue")
        .expect("overdue");
    assert_eq!(overdue.field, Field::Schedule);
    assert_eq!(overdue.fix, Some(Fix::MarkPosted));
    assert_eq!(overdue.also, vec![Fix::Replan]);
    assert!(
        overdue.message.starts_with("Overdue"),
        "{}",
        overdue.message
    );
    assert!(overdue.message.contains(&day.format("%-d %b").to_string()));
    assert!(
        !check(&d, &ahead)
            .iter()
            .any(|f| f.rule == "scheduled-overdue")
    );
    d.status = DraftStatus::Posted;
    assert!(
        !check(&d, &past)
            .iter()
            .any(|f| f.rule == "scheduled-overdue")
    );
}

#[test]
fn posting_frequency_rule() {
    let day = NaiveDate::from_ymd_opt(2026, 11, 24).expect("date");
    let busy = PlanDay {
        date: day,
        wall_time: day.and_hms_opt(18, 0, 0).expect("time"),
        at: now() + chrono::Duration::days(4),
        posts: 5,
        empty_days_between: vec![],
    };
    let fine = PlanDay {
        date: day,
        wall_time: day.and_hms_opt(18, 0, 0).expect("time"),
        at: now() + chrono::Duration::days(4),
        posts: 4,
        empty_days_between: vec![],
    };
    let gap = PlanDay {
        date: day,
        wall_time: day.and_hms_opt(18, 0, 0).expect("time"),
        at: now() + chrono::Duration::days(4),
        posts: 1,
        empty_days_between: vec![day.succ_opt().expect("next")],
    };
    let none = DuplicateIndex::default();
    assert!(rules_with(&clean(), &none, Some(&busy)).contains(&"posting-frequency"));
    assert!(!rules_with(&clean(), &none, Some(&fine)).contains(&"posting-frequency"));
    assert!(rules_with(&clean(), &none, Some(&gap)).contains(&"posting-frequency"));
}
