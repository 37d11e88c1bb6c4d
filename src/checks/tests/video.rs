//! The video's length (TikTok's upload limit and the seed's bounds), tempo, shape, opening,
//! native features and interaction settings.

use super::*;

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
