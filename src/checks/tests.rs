//! Every rule at its boundaries, through the one entry point the UI and the CLI use.

use chrono::{NaiveDate, TimeZone, Utc};

use super::*;
use crate::domain::*;

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
fn caption_limit_is_150_user_perceived_characters() {
    let mut d = clean();
    let tags = " #cottagecore";
    let body = |n: usize| "🌧️".repeat(n);
    d.caption = format!("{}{tags}", body(150 - tags.chars().count()));
    assert_eq!(caption_length(&d.caption), 150);
    assert!(!rules(&d).contains(&"caption-too-long"));
    d.caption = format!("{}{tags}", body(151 - tags.chars().count()));
    assert_eq!(caption_length(&d.caption), 151);
    assert!(rules(&d).contains(&"caption-too-long"));
    let trends = book();
    let index = DuplicateIndex::default();
    let ctx = CheckContext {
        subculture: None,
        trends: &trends,
        duplicates: &index,
        plan_day: None,
        now: now(),
    };
    let long = check_draft(&d, &ctx);
    let finding = long
        .iter()
        .find(|f| f.rule == "caption-too-long")
        .expect("the seed's advice");
    assert_eq!(
        finding.severity,
        Severity::Warning,
        "advice, not TikTok's limit"
    );
    assert!(
        finding
            .message
            .contains("the seed article advises at most 150")
    );
    assert!(!finding.message.contains("TikTok allows"));
    let trimmed = trim_caption(&d.caption);
    assert!(caption_length(&trimmed) <= CAPTION_ADVICE);
}

#[test]
fn only_tiktoks_upload_limit_makes_a_duration_an_error() {
    let verdict = |s: f32| {
        let mut d = clean();
        d.duration_s = Some(s);
        let trends = book();
        let index = DuplicateIndex::default();
        let ctx = CheckContext {
            subculture: None,
            trends: &trends,
            duplicates: &index,
            plan_day: None,
            now: now(),
        };
        check_draft(&d, &ctx)
            .into_iter()
            .map(|f| (f.rule, f.severity))
            .collect::<Vec<_>>()
    };
    assert!(verdict(181.0).contains(&("duration-out-of-range", Severity::Warning)));
    assert!(verdict(4.0).contains(&("duration-out-of-range", Severity::Warning)));
    let ten_minutes = verdict(600.0);
    assert!(
        !ten_minutes.iter().any(|(_, s)| *s == Severity::Error),
        "{ten_minutes:?}"
    );
    assert!(verdict(3601.0).contains(&("duration-over-limit", Severity::Error)));
}

#[test]
fn duration_bounds_are_5_and_180_seconds_and_the_sweet_spot_12_to_15() {
    let verdict = |s: f32| {
        let mut d = clean();
        d.duration_s = Some(s);
        rules(&d)
    };
    assert!(verdict(4.9).contains(&"duration-out-of-range"));
    assert!(!verdict(5.0).contains(&"duration-out-of-range"));
    assert!(verdict(5.0).contains(&"duration-off-sweet-spot"));
    assert!(!verdict(180.0).contains(&"duration-out-of-range"));
    assert!(verdict(181.0).contains(&"duration-out-of-range"));
    assert!(
        !verdict(181.0).contains(&"duration-off-sweet-spot"),
        "one finding for one problem"
    );
    assert!(verdict(11.9).contains(&"duration-off-sweet-spot"));
    assert!(!verdict(12.0).contains(&"duration-off-sweet-spot"));
    assert!(!verdict(15.0).contains(&"duration-off-sweet-spot"));
    assert!(verdict(15.5).contains(&"duration-off-sweet-spot"));
}

#[test]
fn tempo_boundary_is_120_bpm() {
    let mut d = clean();
    d.sound_bpm = Some(119);
    assert!(rules(&d).contains(&"slow-sound"));
    d.sound_bpm = Some(120);
    assert!(!rules(&d).contains(&"slow-sound"));
    d.sound_bpm = None;
    assert!(
        rules(&d).contains(&"slow-sound"),
        "the trend list's 104 BPM is used when the draft has none"
    );
}

#[test]
fn sound_rules_read_the_trend_lists() {
    let mut d = clean();
    d.sound = None;
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
    let no_sound = found
        .iter()
        .find(|f| f.rule == "no-sound")
        .expect("no-sound");
    assert_eq!(no_sound.severity, Severity::Warning);
    assert!(no_sound.message.contains("88%"));
    assert_eq!(
        no_sound.fix,
        Some(Fix::UseSound {
            name: "Espresso - Sabrina Carpenter".into(),
            bpm: Some(104)
        })
    );

    d.sound = Some("My own voice-over".into());
    assert!(rules(&d).contains(&"sound-not-trending"));
    d.sound = Some("old hit - SOMEONE ELSE".into());
    let r = rules(&d);
    assert!(
        r.contains(&"sound-fading") && !r.contains(&"sound-not-trending"),
        "{r:?}"
    );
}

#[test]
fn an_old_trend_list_asks_for_a_fresh_capture_and_never_calls_the_sound_fading() {
    let old = TrendBook::new(
        &[(
            sound(1, "Espresso - Sabrina Carpenter", 130),
            vec![capture(1, 1, 9), capture(1, 2, 5), capture(1, 3, 2)],
        )],
        now() + chrono::Duration::days(30),
    );
    let shown = old
        .sound("Espresso - Sabrina Carpenter")
        .expect("on the list");
    assert_eq!(shown.lifecycle, Lifecycle::Rising, "what the picker shows");
    let index = DuplicateIndex::default();
    let ctx = CheckContext {
        subculture: None,
        trends: &old,
        duplicates: &index,
        plan_day: None,
        now: now(),
    };
    let found = check_draft(&clean(), &ctx);
    assert!(!found.iter().any(|f| f.rule == "sound-fading"), "{found:?}");
    let old_list = found
        .iter()
        .find(|f| f.rule == "sound-list-old")
        .expect("the list is older than its period");
    assert_eq!(old_list.severity, Severity::Tip);
    assert!(
        old_list.message.contains("was rising") && old_list.message.contains("7-day period"),
        "{}",
        old_list.message
    );
}

#[test]
fn a_sound_on_two_lists_has_one_lifecycle_in_the_picker_the_checks_and_the_model() {
    let mut us = sound(2, "Espresso - Sabrina Carpenter", 104);
    us.region = "US".into();
    let earlier = |c: TrendCapture| TrendCapture {
        captured_at: c.captured_at - chrono::Duration::days(1),
        ..c
    };
    let lists = [
        (
            us,
            vec![
                earlier(capture(2, 1, 2)),
                earlier(capture(2, 2, 8)),
                earlier(capture(2, 3, 20)),
            ],
        ),
        (
            sound(1, "Espresso - Sabrina Carpenter", 104),
            vec![capture(1, 1, 9), capture(1, 2, 5), capture(1, 3, 2)],
        ),
    ];
    let model = crate::model::TrendContext::from_trends(&lists, now());
    let trends = TrendBook::new(&lists, now());
    let picker: Vec<_> = trends.of_kind(TrendKind::Sound).collect();
    assert_eq!(picker.len(), 1, "one entry per sound");
    assert_eq!(picker[0].lifecycle, Lifecycle::Rising, "the latest capture");
    let index = DuplicateIndex::default();
    let ctx = CheckContext {
        subculture: None,
        trends: &trends,
        duplicates: &index,
        plan_day: None,
        now: now(),
    };
    let mut d = clean();
    d.sound = Some(picker[0].item.name.clone());
    let found = check_draft(&d, &ctx);
    assert!(!found.iter().any(|f| f.rule == "sound-fading"), "{found:?}");
    let in_model = model
        .sound(&picker[0].item.name)
        .expect("the model lists it");
    assert!(in_model.live, "the reach model reads the same lifecycle");
}

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
fn hashtag_rules() {
    let mut d = clean();
    d.caption = "Which knit would you wear?".into();
    d.hashtags.clear();
    assert!(rules(&d).contains(&"no-hashtags"));
    d.hashtags = ["a", "b", "c", "d", "cottagecore"]
        .map(String::from)
        .to_vec();
    assert!(!rules(&d).contains(&"too-many-hashtags"));
    d.hashtags.push("f".into());
    assert!(rules(&d).contains(&"too-many-hashtags"));
    d.hashtags = vec!["knitting".into()];
    assert!(rules(&d).contains(&"hashtag-off-subculture"));
    d.hashtags = vec!["CottageCore".into()];
    assert!(!rules(&d).contains(&"hashtag-off-subculture"));
}

#[test]
fn shape_opening_features_and_interaction_rules() {
    let mut d = clean();
    d.aspect = AspectRatio::Landscape;
    d.opening = OpeningType::Neutral;
    d.features = NativeFeatures::default();
    d.allow_stitch = false;
    let r = rules(&d);
    for rule in [
        "not-vertical",
        "neutral-opening",
        "no-native-features",
        "duet-stitch-off",
    ] {
        assert!(r.contains(&rule), "{rule} in {r:?}");
    }
}

#[test]
fn duplicates_by_media_hash_and_near_identical_caption() {
    let mut other = clean();
    other.id = DraftId(2);
    other.caption =
        "Which of these three knits would you wear on a rainy day? ☕ #knitting #cottagecore"
            .into();
    let index = DuplicateIndex::of([&other, &clean()], []);
    assert!(
        rules_with(&clean(), &index, None).contains(&"duplicate-content"),
        "emoji and tag order do not fool it"
    );

    let mut changed = clean();
    changed.caption =
        "Which of these three knits would you wear on a snowy day? 🌧️ #cottagecore #knitting"
            .into();
    assert!(
        rules_with(&changed, &index, None).contains(&"duplicate-content"),
        "one word changed"
    );

    let mut fresh = clean();
    fresh.caption = "How I store my yarn stash in old apple crates #cottagecore".into();
    assert!(!rules_with(&fresh, &index, None).contains(&"duplicate-content"));

    fresh.media_hash = Some("abc".into());
    other.media_hash = Some("abc".into());
    let index = DuplicateIndex::of([&other], []);
    assert!(
        rules_with(&fresh, &index, None).contains(&"duplicate-content"),
        "same media file"
    );
    other.media_hash = Some("def".into());
    let index = DuplicateIndex::of([&other], []);
    assert!(
        !rules_with(&fresh, &index, None).contains(&"duplicate-content"),
        "different media hash"
    );

    let index = DuplicateIndex::of([], [(VideoId(9), clean().caption.as_str())]);
    assert!(
        rules_with(&clean(), &index, None).contains(&"duplicate-content"),
        "an already posted video"
    );
}

#[test]
fn spam_and_disturbing_content_rules() {
    let mut d = clean();
    d.caption = "Follow for follow! Which knit? #cottagecore".into();
    assert!(rules(&d).contains(&"spam-pattern"));
    d.caption = "Pairing my knits with a glass of wine #cottagecore".into();
    assert!(rules(&d).contains(&"disturbing-content"));
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
