//! The caption's length, hashtags, duplicate content and spam or disturbing content.

use super::*;

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
