//! Smoothness of the Calendar view (issue 6: a month with 500 entries stays smooth, per-frame
//! CPU time at most 8 ms). A workspace with one account in Europe/Amsterdam and 500 planned
//! posts in March 2027 is opened in the real app under egui_kittest; after the month is loaded,
//! each measured frame is one full app frame (layout, painting and the accessibility tree),
//! with the pointer resting on a post so its tooltip is drawn too. The week of the busiest days
//! and the data load itself (once per change) are measured beside it.
//! Run: `cargo bench --bench calendar`.

use std::hint::black_box;
use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use scrollstop::domain::{Draft, DraftStatus, NewAccount, PlanEntry, PlanEntryId};
use scrollstop::schedule::wall::earliest;
use scrollstop::ui::ScrollstopApp;
use scrollstop::ui::views::calendar::load;
use scrollstop::workspace::Workspace;

const ENTRIES: usize = 500;
const AMSTERDAM: chrono_tz::Tz = chrono_tz::Europe::Amsterdam;

/// One account with `ENTRIES` scheduled posts spread over March 2027 (about 16 a day).
fn workspace(path: &Path) {
    let workspace = Workspace::open(path).expect("a new workspace");
    let store = &mut scrollstop::store::Store::open(workspace.path()).expect("the store opens");
    let account = store
        .add_account(&NewAccount {
            handle: "bench".parse().expect("a valid handle"),
            display_name: "Bench".into(),
            time_zone: AMSTERDAM,
            region: "NL".into(),
            language: "nl".into(),
        })
        .expect("an account");
    let first = NaiveDate::from_ymd_opt(2027, 3, 1).expect("a date");
    let mut entries = Vec::with_capacity(ENTRIES);
    for i in 0..ENTRIES {
        let mut draft = Draft::blank(account, Utc::now());
        draft.title = format!("Post {i}: a title long enough to be clipped in a chip");
        draft.caption = format!("Caption {i} #booktok #fyp");
        draft.hashtags = vec!["booktok".into(), "fyp".into()];
        draft.status = DraftStatus::Scheduled;
        let id = store.add_draft(&draft).expect("a draft");
        let day = (i * 31 / ENTRIES) as u64;
        let minute = 8 * 60 + (i * 37 % (14 * 60)) as u32 / 15 * 15;
        let wall = (first + chrono::Days::new(day))
            .and_hms_opt(minute / 60, minute % 60, 0)
            .expect("a time");
        let instant = earliest(AMSTERDAM, wall).expect("a local time");
        entries.push(PlanEntry {
            id: PlanEntryId(0),
            account,
            draft: id,
            wall_time: wall,
            zone: AMSTERDAM,
            instant,
            uid: format!("bench-{i}@scrollstop"),
            sequence: 0,
            pinned: false,
            reason: "Tue 18:00: audience peak".into(),
        });
    }
    store.add_plan_entries(&entries).expect("the plan");
}

/// The app on the Calendar, in `mode`, around `date`, after the data has loaded.
fn calendar(path: &Path, mode: &str, date: &str) -> Harness<'static, ScrollstopApp> {
    let path = path.to_path_buf();
    let mut harness = Harness::builder()
        .allow_missing_glyphs()
        .with_size(egui::vec2(1440.0, 900.0))
        .with_max_steps(12)
        .build_eframe(move |_cc| ScrollstopApp::new(path));
    harness.run();
    harness.get_by_label("Calendar").click();
    harness.run();
    harness.get_by_label(mode).click();
    harness.run();
    let field = harness.get_by_role(egui::accesskit::Role::TextInput);
    field.focus();
    field.type_text(date);
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("bench.sqlite");
    workspace(&path);

    let mut month = calendar(&path, "Month", "2027-03-15");
    let chips = month.query_all_by_label_contains("Post ").count();
    assert!(chips > 50, "the month shows posts ({chips})");
    let resting = month
        .query_all_by_label_contains("Post 1:")
        .next()
        .map(|n| n.rect().center());
    if let Some(pos) = resting {
        month.hover_at(pos);
    }
    c.bench_function("calendar month frame, 500 entries", |b| {
        b.iter(|| {
            month.step();
            black_box(month.output());
        })
    });

    let mut week = calendar(&path, "Week", "2027-03-15");
    c.bench_function("calendar week frame, ~110 entries", |b| {
        b.iter(|| {
            week.step();
            black_box(week.output());
        })
    });

    let workspace = Workspace::open(&path).expect("the workspace");
    let account = workspace.accounts().expect("accounts").remove(0);
    let now: DateTime<Utc> = Utc::now();
    let (from, to) = (
        NaiveDate::from_ymd_opt(2027, 3, 1).expect("a date"),
        NaiveDate::from_ymd_opt(2027, 4, 11).expect("a date"),
    );
    c.bench_function("calendar month load, 500 entries", |b| {
        b.iter(|| black_box(load(&workspace, &account, from, to, now).expect("loads")))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = bench
}
criterion_main!(benches);
