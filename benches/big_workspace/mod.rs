//! The big workspace of the speed benchmarks (issue 18): the demo workspace with its first
//! account topped up to 10,000 drafts with varied statuses, subcultures, captions (a small
//! vocabulary, so captions overlap a lot), hashtags, sounds, media hashes and assignees, written
//! with the store API. Seeded: every run writes the same workspace.
//!
//! Shared by the benches as a module (`mod big_workspace;`); a folder without `main.rs`, so cargo
//! does not take it for a bench of its own. To keep a copy to open in the app, run a bench that
//! uses it with `SCROLLSTOP_BIG_WORKSPACE=/some/where.sqlite` (see [`at`]).

use std::path::{Path, PathBuf};

use chrono::{DateTime, TimeZone, Utc};
use scrollstop::domain::{AspectRatio, Draft, DraftStatus, OpeningType};
use scrollstop::random::Rng;
use scrollstop::workspace::{DEFAULT_DEMO_SEED, Silent, Workspace};

/// Drafts in the first account once the generator is done.
pub const DRAFTS: usize = 10_000;

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
    "🧶",
    "🍎",
];
const TAGS: &[&str] = &[
    "cottagecore",
    "knitting",
    "fyp",
    "fittok",
    "booktok",
    "baking",
    "plants",
    "viral",
    "diy",
];
const SOUNDS: &[&str] = &[
    "Espresso - Sabrina Carpenter",
    "Rain loop - Lofi Girl",
    "Forest walk - Field Recordings",
    "original sound - cozyknits",
    "Pedro - Raffaella Carrà",
];
const PEOPLE: &[&str] = &["", "mai", "tom", "lena", "ines", "kwame"];

/// The instant the drafts are written and checked for.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, 12, 0, 0)
        .single()
        .expect("valid instant")
}

/// Writes the demo workspace with its first account topped up to [`DRAFTS`] drafts at `path`.
pub fn write(path: &Path) {
    let mut ws = Workspace::open(path).expect("workspace opens");
    ws.create_demo(DEFAULT_DEMO_SEED, &Silent)
        .expect("demo written");
    let store = &mut scrollstop::store::Store::open(ws.path()).expect("the store opens");
    let account = store.accounts().expect("accounts").remove(0).id;
    let subcultures: Vec<_> = store
        .subcultures()
        .expect("subcultures")
        .into_iter()
        .map(|s| s.id)
        .collect();
    let existing = store.drafts(account).expect("drafts").len();
    let mut rng = Rng::new(3);
    // Media hashes come from their own stream, so the other fields stay those of earlier runs.
    let mut media = Rng::new(4);
    let batch = store.batch().expect("batch");
    for i in existing..DRAFTS {
        let mut d = Draft::blank(account, now());
        let words: Vec<&str> = (0..3 + rng.below(18)).map(|_| *rng.pick(WORDS)).collect();
        let tags: Vec<String> = (0..rng.below(7))
            .map(|_| rng.pick(TAGS).to_string())
            .collect();
        d.title = format!("{} #{i}", words[..words.len().min(4)].join(" "));
        d.hook = words.join(" ");
        let hashtags: Vec<String> = tags.iter().map(|t| format!("#{t}")).collect();
        d.caption = format!("{} {}", words.join(" "), hashtags.join(" "));
        d.hashtags = tags;
        d.status = *rng.pick(DraftStatus::ALL);
        d.subculture =
            (!subcultures.is_empty() && rng.chance(0.8)).then(|| *rng.pick(&subcultures));
        d.sound = rng.chance(0.8).then(|| rng.pick(SOUNDS).to_string());
        d.sound_bpm = d.sound.as_ref().map(|_| 80 + rng.below(80) as u16);
        d.duration_s = rng.chance(0.9).then(|| 4.0 + rng.below(200) as f32);
        d.aspect = *rng.pick(&[
            AspectRatio::Vertical,
            AspectRatio::Vertical,
            AspectRatio::Square,
        ]);
        d.opening = *rng.pick(OpeningType::ALL);
        d.assignee = rng.pick(PEOPLE).to_string();
        d.notes = if rng.chance(0.3) {
            "shoot at golden hour".to_string()
        } else {
            String::new()
        };
        d.media_hash = media.chance(0.3).then(|| {
            if media.chance(0.05) {
                format!("shared-{}", media.below(50))
            } else {
                format!("own-{i}")
            }
        });
        batch.add_draft(&d).expect("draft written");
    }
    batch.commit().expect("batch committed");
}

/// Where the benches read the big workspace: `SCROLLSTOP_BIG_WORKSPACE` when set (written there
/// first when the file does not exist yet, and kept), else a fresh file in `scratch`.
pub fn at(scratch: &Path) -> PathBuf {
    if let Some(kept) = std::env::var_os("SCROLLSTOP_BIG_WORKSPACE") {
        let kept = PathBuf::from(kept);
        if !kept.exists() {
            write(&kept);
        }
        return kept;
    }
    let path = scratch.join("bench.sqlite");
    write(&path);
    path
}
