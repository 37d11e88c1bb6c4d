//! Speed of the Drafts view against issue 3's targets, on a workspace whose first account holds
//! 10,000 drafts (`big_workspace`): a frame of the Drafts view, drawn by the real app in
//! egui_kittest after the first load and after the background checks and forecasts finished: at
//! most 8 ms (steady, and while scrolling); and one draft edit applied through the workspace
//! (validated, written and logged in one transaction) on disk within a second. The checks
//! themselves are measured in `benches/checks.rs`.
//!
//! The one-off costs (first load, checking and forecasting all 10,000 drafts in the background)
//! are printed on stderr. Run: `cargo bench --bench drafts`.

use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use scrollstop::ui::ScrollstopApp;

mod big_workspace;

use big_workspace::DRAFTS;

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
    let started = Instant::now();
    let path = big_workspace::at(dir.path());
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
}

/// One draft's caption changed by `Workspace::apply`, as the editor's autosave does, on its own
/// connection: the edit is committed (on disk) when `apply` returns.
fn edit_benches(c: &mut Criterion) {
    use scrollstop::workspace::{Edit, Workspace};
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = big_workspace::at(dir.path());
    let mut workspace = Workspace::open(&path).expect("the workspace opens");
    let account = workspace.accounts().expect("accounts")[0].id;
    let mut draft = workspace.drafts(account).expect("drafts").remove(0);
    let mut n = 0u64;
    c.bench_function(
        "one draft edit applied and on disk, 10k drafts (target <= 1 s)",
        |b| {
            b.iter(|| {
                n += 1;
                draft.caption = format!("Edited caption {n} #bench");
                workspace
                    .apply(Edit::SaveDrafts(vec![draft.clone()]), "bench")
                    .expect("applied")
            });
        },
    );
}

criterion_group!(benches, drafts_benches, edit_benches);
criterion_main!(benches);
