//! Speed of the Drafts view against issue 3's targets, on a workspace whose first account holds
//! 10,000 drafts (the demo workspace plus generated drafts with varied statuses, subcultures,
//! captions, sounds and assignees, written with the store API into a temporary directory):
//!
//! - a frame of the Drafts view, drawn by the real app in egui_kittest after the first load and
//!   after the background checks and forecasts finished: at most 8 ms (steady, and while
//!   scrolling);
//! - checking one draft with an existing `CheckSession`: at most 5 ms (building the session is
//!   measured too).
//!
//! The one-off costs (first load, checking and forecasting all 10,000 drafts in the background)
//! are printed on stderr. Run: `cargo bench --bench drafts`.

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{DateTime, TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use scrollstop::domain::{AspectRatio, Draft, DraftStatus, OpeningType};
use scrollstop::random::Rng;
use scrollstop::ui::ScrollstopApp;
use scrollstop::workspace::{DEFAULT_DEMO_SEED, Silent, Workspace};

const DRAFTS: usize = 10_000;

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

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, 12, 0, 0)
        .single()
        .expect("valid instant")
}

/// The demo workspace with its first account topped up to 10,000 drafts.
fn workspace(path: &Path) {
    let mut ws = Workspace::open(path).expect("workspace opens");
    ws.create_demo(DEFAULT_DEMO_SEED, &Silent)
        .expect("demo written");
    let store = ws.store_mut();
    let account = store.accounts().expect("accounts").remove(0).id;
    let subcultures: Vec<_> = store
        .subcultures()
        .expect("subcultures")
        .into_iter()
        .map(|s| s.id)
        .collect();
    let existing = store.drafts(account).expect("drafts").len();
    let mut rng = Rng::new(3);
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
        batch.add_draft(&d).expect("draft written");
    }
    batch.commit().expect("batch committed");
}

/// The real app on `path`, in a laptop-sized window, showing the Drafts view.
fn app(path: &Path) -> Harness<'static, ScrollstopApp> {
    let path = path.to_path_buf();
    Harness::builder()
        .allow_missing_glyphs()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(12)
        .build_eframe(move |_cc| ScrollstopApp::new(path))
}

/// Steps until the background checks and forecasts are done; returns how long that took.
fn until_computed(harness: &mut Harness<'static, ScrollstopApp>) -> Duration {
    let start = Instant::now();
    while harness
        .query_all_by_label_contains("in the background…")
        .next()
        .is_some()
    {
        assert!(
            start.elapsed() < Duration::from_secs(600),
            "background work never finished"
        );
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
    }
    start.elapsed()
}

fn drafts_benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("bench.sqlite");
    let started = Instant::now();
    workspace(&path);
    eprintln!(
        "drafts bench: workspace with {DRAFTS} drafts written in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    let started = Instant::now();
    let mut harness = app(&path);
    while harness.query_all_by_label("10,000 drafts").next().is_none() {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the table never showed"
        );
        harness.step();
    }
    eprintln!(
        "drafts bench: first load (opening the workspace, reading and preparing {DRAFTS} rows, first frames) {:.1} ms",
        started.elapsed().as_secs_f64() * 1e3
    );
    let background = until_computed(&mut harness);
    eprintln!(
        "drafts bench: background findings + predicted medians of {DRAFTS} drafts in {:.2} s",
        background.as_secs_f64()
    );
    assert!(
        harness.query_all_by_label("…").next().is_none(),
        "every visible row is filled"
    );

    c.bench_function("drafts view frame, 10k drafts (target <= 8 ms)", |b| {
        b.iter(|| harness.step());
    });
    // The wheel scrolls what is under the pointer: the middle of the table.
    harness.event(egui::Event::PointerMoved(egui::pos2(760.0, 560.0)));
    harness.step();
    let mut down = true;
    let mut frames = 0;
    c.bench_function(
        "drafts view frame while scrolling, 10k drafts (target <= 8 ms)",
        |b| {
            b.iter(|| {
                frames += 1;
                if frames % 200 == 0 {
                    down = !down;
                }
                let delta = if down { -120.0 } else { 120.0 };
                harness.event(egui::Event::MouseWheel {
                    unit: egui::MouseWheelUnit::Point,
                    delta: egui::vec2(0.0, delta),
                    phase: egui::TouchPhase::Move,
                    modifiers: egui::Modifiers::NONE,
                    source: egui::MouseWheelSource::Wheel,
                });
                harness.step();
            });
        },
    );
    drop(harness);

    let ws = Workspace::open(&path).expect("workspace reopens");
    let account = ws.store().accounts().expect("accounts").remove(0).id;
    let drafts = ws.store().drafts(account).expect("drafts");
    let mut group = c.benchmark_group("checks");
    group.sample_size(10);
    group.bench_function("CheckSession for 10k drafts", |b| {
        b.iter(|| ws.check_session(account, now()).expect("session"));
    });
    group.finish();
    let session = ws.check_session(account, now()).expect("session");
    let mut i = 0;
    c.bench_function("check one draft against 10k drafts (target <= 5 ms)", |b| {
        b.iter(|| {
            i = (i + 1) % drafts.len();
            session.check(&drafts[i])
        });
    });
    let started = Instant::now();
    let findings: usize = drafts.iter().map(|d| session.check(d).len()).sum();
    eprintln!(
        "drafts bench: checking all {} drafts with one session took {:.0} ms ({findings} findings)",
        drafts.len(),
        started.elapsed().as_secs_f64() * 1e3
    );
}

criterion_group!(benches, drafts_benches);
criterion_main!(benches);
