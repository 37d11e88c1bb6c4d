//! Sounds read against the trend lists: trending, fading, an old list, one sound on two lists.

use super::*;

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
