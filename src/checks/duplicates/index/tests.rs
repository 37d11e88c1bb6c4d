//! The index gives exactly the findings of comparing every caption with every other (the plain
//! path), on a generated workspace full of near-identical captions, shared media files and
//! equal timestamps, and again after a run of edits applied to it one draft at a time.

use chrono::{DateTime, Duration, TimeZone, Utc};

use super::DuplicateIndex;
use crate::checks::{CheckContext, Finding, TrendBook, check_draft};
use crate::domain::{AccountId, Draft, DraftId, DraftStatus, VideoId};
use crate::random::Rng;

const WORDS: &[&str] = &[
    "rainy", "knit", "Knit!", "cozy", "autumn", "tea", "candles", "yarn", "stash", "apple",
    "crates", "morning", "coffee", "three", "tips", "for", "the", "a", "day", "🧶",
];
const TAGS: &[&str] = &["fyp", "knitting", "cottagecore", "diy"];
const TITLES: &[&str] = &["", "Knits", "Rainy day", "Tea"];

fn base() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, 12, 0, 0)
        .single()
        .expect("valid instant")
}

/// A caption from a small vocabulary, often a copy of an earlier one with a word changed.
fn caption(rng: &mut Rng, earlier: &[String]) -> String {
    if !earlier.is_empty() && rng.chance(0.4) {
        let mut words: Vec<&str> = rng.pick(earlier).split(' ').collect();
        if rng.chance(0.6) {
            let at = rng.below(words.len() as u64) as usize;
            words[at] = *rng.pick(WORDS);
        }
        return words.join(" ");
    }
    let mut words: Vec<String> = (0..1 + rng.below(12))
        .map(|_| rng.pick(WORDS).to_string())
        .collect();
    words.extend((0..rng.below(4)).map(|_| format!("#{}", rng.pick(TAGS))));
    words.join(" ")
}

fn media(rng: &mut Rng) -> Option<String> {
    match rng.below(10) {
        0 | 1 => Some(format!("m{}", rng.below(12))),
        2 => Some(String::new()),
        _ => None,
    }
}

fn draft(rng: &mut Rng, id: i64, earlier: &[String]) -> Draft {
    let mut d = Draft::blank(AccountId(1), base());
    d.id = DraftId(id);
    // Few distinct timestamps, so the id decides the order of many drafts.
    d.updated_at = base() + Duration::minutes(rng.below(20) as i64);
    d.title = rng.pick(TITLES).to_string();
    d.caption = caption(rng, earlier);
    d.media_hash = media(rng);
    d.status = if rng.chance(0.1) {
        DraftStatus::Posted
    } else {
        DraftStatus::Draft
    };
    d
}

/// The index as `Workspace::check_session` builds it: posted drafts are the videos themselves.
fn plain(drafts: &[Draft], videos: &[(VideoId, String)]) -> DuplicateIndex {
    let mut listed: Vec<&Draft> = drafts
        .iter()
        .filter(|d| d.status != DraftStatus::Posted)
        .collect();
    listed.sort_by_key(|d| (std::cmp::Reverse(d.updated_at), std::cmp::Reverse(d.id)));
    DuplicateIndex::of(listed, videos.iter().map(|(id, c)| (*id, c.as_str()))).exhaustive()
}

fn findings(drafts: &[Draft], index: &DuplicateIndex) -> Vec<Vec<Finding>> {
    let trends = TrendBook::default();
    let ctx = CheckContext {
        subculture: None,
        trends: &trends,
        duplicates: index,
        plan_day: None,
        now: base(),
    };
    drafts.iter().map(|d| check_draft(d, &ctx)).collect()
}

fn assert_same(drafts: &[Draft], indexed: &DuplicateIndex, plain: &DuplicateIndex) -> usize {
    assert_eq!(indexed.len(), plain.len());
    let (a, b) = (findings(drafts, indexed), findings(drafts, plain));
    for ((d, a), b) in drafts.iter().zip(&a).zip(&b) {
        assert_eq!(a, b, "draft {} {:?}", d.id.0, d.caption);
    }
    b.iter()
        .flatten()
        .filter(|f| f.rule == "duplicate-content")
        .count()
}

#[test]
fn the_index_finds_what_comparing_every_caption_finds_before_and_after_edits() {
    let mut rng = Rng::new(18);
    let mut captions = Vec::new();
    let mut drafts = Vec::new();
    for id in 1..=250 {
        let d = draft(&mut rng, id, &captions);
        captions.push(d.caption.clone());
        drafts.push(d);
    }
    let videos: Vec<(VideoId, String)> = (0..30)
        .map(|i| (VideoId(i), caption(&mut rng, &captions)))
        .collect();

    let mut index = plain(&drafts, &videos);
    index.exhaustive = false;
    let duplicates = assert_same(&drafts, &index, &plain(&drafts, &videos));
    assert!(duplicates > 40, "the sample holds duplicates: {duplicates}");

    let mut next_id = 251;
    let mut stamp = base() + Duration::hours(1);
    for step in 1..=300 {
        stamp += Duration::seconds(rng.below(3) as i64);
        let mut at = rng.below(drafts.len() as u64 + 10) as usize;
        if at >= drafts.len() {
            let mut d = draft(&mut rng, next_id, &captions);
            d.updated_at = stamp;
            next_id += 1;
            at = drafts.len();
            drafts.push(d);
        } else if rng.chance(0.05) {
            // Trashed or deleted: gone from the account.
            let gone = drafts.remove(at);
            index.remove_draft(gone.id);
            continue;
        } else {
            let d = &mut drafts[at];
            match rng.below(5) {
                0 => d.title = rng.pick(TITLES).to_string(),
                1 => d.media_hash = media(&mut rng),
                2 => {
                    d.status = if d.status == DraftStatus::Posted {
                        DraftStatus::Approved
                    } else {
                        DraftStatus::Posted
                    }
                }
                _ => d.caption = caption(&mut rng, &captions),
            }
            captions.push(d.caption.clone());
            // Mostly stamped now, as the store does; sometimes an undo's earlier stamp.
            if rng.chance(0.9) {
                d.updated_at = stamp;
            }
        }
        let d = &drafts[at];
        if d.status == DraftStatus::Posted {
            index.remove_draft(d.id);
        } else {
            index.upsert_draft(d);
        }
        if step % 50 == 0 {
            assert_same(&drafts, &index, &plain(&drafts, &videos));
        }
    }
}

#[test]
fn of_equally_similar_captions_the_finding_names_the_draft_the_store_lists_first() {
    let mut older = Draft::blank(AccountId(1), base());
    older.id = DraftId(7);
    older.title = "Older".into();
    older.caption = "three cozy knits for a rainy autumn day #knitting".into();
    let mut newer = older.clone();
    newer.id = DraftId(3);
    newer.title = "Newer".into();
    newer.updated_at = base() + Duration::minutes(5);
    let mut checked = older.clone();
    checked.id = DraftId(9);

    let mut index = DuplicateIndex::of([&older, &newer], []);
    let named = |index: &DuplicateIndex| {
        findings(std::slice::from_ref(&checked), index)[0][0]
            .message
            .clone()
    };
    assert!(named(&index).contains("\"Newer\""), "{}", named(&index));
    // Saved again later, the older draft comes first, as in the store.
    older.updated_at = base() + Duration::minutes(10);
    index.upsert_draft(&older);
    assert!(named(&index).contains("\"Older\""), "{}", named(&index));
    // Same instant: the higher id first.
    newer.updated_at = older.updated_at;
    index.upsert_draft(&newer);
    assert!(named(&index).contains("\"Older\""), "{}", named(&index));
}
