//! Every rule at its boundaries, through the one entry point the UI and the CLI use. This file
//! holds the shared drafts, trend lists and the `rules` helper; each rule family has a file:
//! `content.rs` (caption, hashtags, duplicates, spam), `video.rs` (length, tempo, shape and
//! features), `sounds.rs` (the trend lists' sounds) and `schedule.rs` (overdue posts, posting
//! frequency).

use chrono::{NaiveDate, TimeZone, Utc};

use super::*;
use crate::domain::*;

mod content;
mod schedule;
mod sounds;
mod video;

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, 12, 0, 0)
        .single()
        .expect("instant")
}

/// A draft that passes every check.
fn clean() -> Draft {
    let mut d = Draft::blank(AccountId(1), now());
    d.id = DraftId(1);
    d.title = "Rainy knits".into();
    d.caption =
        "Which of these three knits would you wear on a rainy day? 🌧️ #cottagecore #knitting"
            .into();
    d.hashtags = hashtags_in(&d.caption);
    d.sound = Some("Espresso - Sabrina Carpenter".into());
    d.sound_bpm = Some(124);
    d.duration_s = Some(14.0);
    d.opening = OpeningType::Surprise;
    d.features.text = true;
    d
}

fn capture(item: i64, week: u32, rank: u32) -> TrendCapture {
    TrendCapture {
        item: TrendItemId(item),
        captured_at: now() - chrono::Duration::days(i64::from(3 - week) * 7 + 1),
        rank: Some(rank),
        rank_change: None,
        posts: None,
        views: None,
        period_days: 7,
        source: "test".into(),
    }
}

fn sound(id: i64, name: &str, bpm: u16) -> TrendItem {
    TrendItem {
        id: TrendItemId(id),
        kind: TrendKind::Sound,
        name: name.into(),
        region: "NL".into(),
        industry: String::new(),
        bpm: Some(bpm),
        duration_s: None,
        commercial_ok: None,
    }
}

fn book() -> TrendBook {
    let trends = vec![
        (
            sound(1, "Espresso - Sabrina Carpenter", 104),
            vec![capture(1, 1, 9), capture(1, 2, 5), capture(1, 3, 2)],
        ),
        (
            sound(2, "Old Hit - Someone", 128),
            vec![capture(2, 1, 2), capture(2, 2, 8), capture(2, 3, 20)],
        ),
    ];
    TrendBook::new(&trends, now())
}

fn sub() -> Subculture {
    Subculture {
        id: SubcultureId(1),
        name: "#CottageCore".into(),
        hashtags: vec!["cottagecore".into(), "cottagecoreaesthetic".into()],
        description: String::new(),
        colour: Colour([1, 2, 3]),
    }
}

fn rules_with(draft: &Draft, index: &DuplicateIndex, plan: Option<&PlanDay>) -> Vec<&'static str> {
    let trends = book();
    let s = sub();
    let ctx = CheckContext {
        subculture: Some(&s),
        trends: &trends,
        duplicates: index,
        plan_day: plan,
        now: now(),
    };
    check_draft(draft, &ctx)
        .into_iter()
        .map(|f| f.rule)
        .collect()
}

fn rules(draft: &Draft) -> Vec<&'static str> {
    rules_with(draft, &DuplicateIndex::default(), None)
}

#[test]
fn a_clean_draft_has_no_findings() {
    assert_eq!(rules(&clean()), Vec::<&str>::new());
}

#[test]
fn every_finding_cites_the_seed_and_errors_come_first() {
    let mut d = clean();
    d.caption = "x".repeat(4_001);
    d.hashtags.clear();
    d.duration_s = Some(3_601.0);
    d.aspect = AspectRatio::Square;
    let trends = book();
    let index = DuplicateIndex::default();
    let ctx = CheckContext {
        subculture: None,
        trends: &trends,
        duplicates: &index,
        plan_day: None,
        now: now(),
    };
    let found = check_draft(&d, &ctx);
    assert!(
        found
            .iter()
            .all(|f| !f.source.is_empty() && !f.message.is_empty())
    );
    assert_eq!(found[0].severity, Severity::Error);
    assert_eq!(tally(&found).0, 2);
}
