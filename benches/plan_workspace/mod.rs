//! The planner benchmarks' workspace: the demo workspace (fixed seed and day) whose first
//! account holds 5,000 approved drafts without a slot, generated from a fixed seed so anyone
//! can rebuild the same file. The drafts vary the way a team's backlog does: captions from a
//! shared vocabulary (some near-duplicates of each other, some sharing a video file),
//! hashtags and sounds from the demo's trend lists (rising and fading), subcultures, lengths
//! and openings.
//!
//! `SCROLLSTOP_PLAN_WORKSPACE=/some/file.sqlite cargo bench --bench plan` keeps the file, to run
//! `scrollstop plan --workspace /some/file.sqlite ...` on it.

use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use scrollstop::domain::{AccountId, AspectRatio, Draft, DraftStatus, OpeningType};
use scrollstop::random::Rng;
use scrollstop::workspace::{DEFAULT_DEMO_SEED, Silent, Workspace, demo_anchor};

/// Approved drafts of the first account.
pub const CANDIDATES: usize = 5_000;

const WORDS: &[&str] = &[
    "rainy",
    "knit",
    "cozy",
    "sourdough",
    "crumb",
    "moss",
    "terrarium",
    "burpee",
    "ladder",
    "three",
    "tips",
    "for",
    "the",
    "slow",
    "morning",
    "routine",
    "apple",
    "cake",
    "grandma",
    "recipe",
    "day",
    "in",
    "my",
    "life",
    "POV",
    "you",
    "finally",
    "tried",
    "it",
    "cardigan",
    "starter",
    "fern",
    "garden",
    "sweater",
    "pattern",
    "beginner",
    "mistakes",
    "honest",
    "review",
    "budget",
    "thrifted",
    "before",
    "after",
    "week",
    "challenge",
    "hack",
    "easy",
    "minutes",
    "autumn",
    "candle",
    "tea",
    "stitch",
    "yarn",
    "loaf",
    "oven",
    "balcony",
];

/// The day the demo is created for; its "now" is noon UTC the day before.
pub fn demo_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).expect("a valid date")
}

pub fn now() -> DateTime<Utc> {
    demo_anchor(demo_day())
}

/// The first planning day (the demo's own plans lie in the two weeks after its day).
pub fn first_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 7).expect("a valid date")
}

/// Writes the workspace at `path` (a new file) and returns the planned account.
pub fn write(path: &Path) -> AccountId {
    let mut ws = Workspace::open(path).expect("the workspace opens");
    ws.create_demo_on(DEFAULT_DEMO_SEED, demo_day(), &Silent)
        .expect("the demo is written");
    let store = &mut scrollstop::store::Store::open(ws.path()).expect("the store opens");
    let account = store.accounts().expect("accounts").remove(0).id;
    let subcultures: Vec<_> = store
        .subcultures()
        .expect("subcultures")
        .into_iter()
        .map(|s| s.id)
        .collect();
    let trends = store.trends().expect("trends");
    let sounds: Vec<String> = trends
        .iter()
        .filter(|(t, _)| t.kind == scrollstop::domain::TrendKind::Sound)
        .map(|(t, _)| t.name.clone())
        .chain(["original sound - cozyknits".to_string()])
        .collect();
    let tags: Vec<String> = trends
        .iter()
        .filter(|(t, _)| t.kind == scrollstop::domain::TrendKind::Hashtag)
        .map(|(t, _)| t.name.trim_start_matches('#').to_string())
        .chain(["fyp", "cottagecore", "knitting", "baking"].map(String::from))
        .collect();
    // The demo's own drafts stay as they are (some planned, some posted); the generated ones
    // are approved and have no slot.
    let mut rng = Rng::new(18);
    let mut captions: Vec<String> = Vec::new();
    let batch = store.batch().expect("batch");
    for i in 0..CANDIDATES {
        let mut d = Draft::blank(account, now());
        let caption_words = if !captions.is_empty() && rng.chance(0.05) {
            // A rewrite of an earlier idea: the same words with one changed.
            let mut words: Vec<String> = rng
                .pick(&captions)
                .split(' ')
                .filter(|w| !w.starts_with('#'))
                .map(String::from)
                .collect();
            let at = rng.below(words.len() as u64) as usize;
            words[at] = rng.pick(WORDS).to_string();
            words
        } else {
            (0..4 + rng.below(14))
                .map(|_| rng.pick(WORDS).to_string())
                .collect()
        };
        let hashtags: Vec<String> = (0..rng.below(6)).map(|_| rng.pick(&tags).clone()).collect();
        let words = caption_words.join(" ");
        d.title = format!(
            "{} #{i}",
            caption_words[..caption_words.len().min(4)].join(" ")
        );
        d.hook = words.clone();
        let marked: Vec<String> = hashtags.iter().map(|t| format!("#{t}")).collect();
        d.caption = format!("{words} {}", marked.join(" ")).trim().to_string();
        captions.push(words);
        d.hashtags = hashtags;
        d.status = DraftStatus::Approved;
        d.subculture =
            (!subcultures.is_empty() && rng.chance(0.8)).then(|| *rng.pick(&subcultures));
        d.sound = rng.chance(0.8).then(|| rng.pick(&sounds).clone());
        d.sound_bpm = d.sound.as_ref().map(|_| 80 + rng.below(80) as u16);
        d.duration_s = rng.chance(0.9).then(|| 6.0 + rng.below(120) as f32);
        d.aspect = *rng.pick(&[
            AspectRatio::Vertical,
            AspectRatio::Vertical,
            AspectRatio::Vertical,
            AspectRatio::Square,
        ]);
        d.opening = *rng.pick(OpeningType::ALL);
        // One in fifty shares its video file with another draft.
        let files = if rng.chance(0.02) { 40 } else { 1 << 40 };
        d.media_hash = Some(format!("{:016x}", rng.below(files)));
        batch.add_draft(&d).expect("draft written");
    }
    batch.commit().expect("batch committed");
    account
}
