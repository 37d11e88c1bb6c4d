//! Every view's frame on the team-sized workspace of issue 18 (`team_workspace`: 10,000
//! drafts, 5 accounts, 1,000,000 video snapshots), drawn by the real app in egui_kittest: for
//! each entry of the navigation, the view is opened, left to load (its background work done,
//! or two minutes passed), and then one steady frame is measured (target: at most 8 ms each).
//!
//! The one-off costs are printed on stderr: opening the app on the workspace until the first
//! frame, and for each view the first frame after it was opened, how long it took to settle
//! and its slowest frame meanwhile (the frames that take in what it read in the background);
//! for the Drafts view also the frames after a draft is renamed.
//! Run: `cargo bench --bench views` (add `SCROLLSTOP_TEAM_WORKSPACE=/kept.sqlite` to keep the
//! workspace between runs).

use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use scrollstop::ui::{Action, ScrollstopApp, Section};

// Its own `at` serves the benches of the drafts alone.
#[allow(dead_code)]
mod big_workspace;
mod team_workspace;

/// What a view shows while it still works in the background.
const BUSY: &[&str] = &[
    "in the background…",
    "Fitting the account's model…",
    "Forecasting…",
    "Updating the forecast…",
    "Forecasting the ready drafts…",
];

/// The real app on `path`, in a laptop-sized window.
fn app(path: &Path) -> Harness<'static, ScrollstopApp> {
    let path = path.to_path_buf();
    Harness::builder()
        .allow_missing_glyphs()
        .with_size(egui::vec2(1440.0, 900.0))
        .with_max_steps(12)
        .build_eframe(move |_cc| ScrollstopApp::new(path))
}

fn busy(harness: &Harness<'static, ScrollstopApp>) -> bool {
    harness.state().is_busy()
        || harness.state().is_reading()
        || BUSY
            .iter()
            .any(|text| harness.query_all_by_label_contains(text).next().is_some())
}

/// How long a view may work in the background before its frame is measured anyway (the
/// frames a user sees meanwhile count too).
const PATIENCE: Duration = Duration::from_secs(120);

/// How a view settled: how long it took (`None` when it was still busy after [`PATIENCE`])
/// and its slowest frame meanwhile (the frames that take in what was read in the background).
struct Settled {
    after: Option<Duration>,
    slowest: Duration,
}

impl std::fmt::Display for Settled {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.after {
            Some(after) => write!(f, "settled after {:.2} s", after.as_secs_f64())?,
            None => write!(
                f,
                "still busy after {} s: measured while it works",
                PATIENCE.as_secs()
            )?,
        }
        write!(
            f,
            ", slowest frame meanwhile {:.1} ms",
            self.slowest.as_secs_f64() * 1e3
        )
    }
}

/// Steps until nothing is busy for ten frames in a row, timing each frame.
fn settle(harness: &mut Harness<'static, ScrollstopApp>) -> Settled {
    let start = Instant::now();
    let mut slowest = Duration::ZERO;
    let mut quiet = 0;
    while quiet < 10 {
        if start.elapsed() > PATIENCE {
            return Settled {
                after: None,
                slowest,
            };
        }
        std::thread::sleep(Duration::from_millis(10));
        let frame = Instant::now();
        harness.step();
        slowest = slowest.max(frame.elapsed());
        quiet = if busy(harness) { 0 } else { quiet + 1 };
    }
    Settled {
        after: Some(start.elapsed()),
        slowest,
    }
}

/// Renames the first draft shown in the Drafts view, as the editor would, and times the frames
/// until the table shows it: the frame that saves, and the slowest while the rows are read
/// again.
fn edit_a_draft(harness: &mut Harness<'static, ScrollstopApp>) {
    let state = harness.state();
    let draft = state
        .account()
        .and_then(|account| state.workspace()?.drafts(account).ok())
        .and_then(|drafts| drafts.into_iter().next());
    let Some(mut draft) = draft else {
        eprintln!("views bench: no draft to edit");
        return;
    };
    draft.title.push_str(" (edited)");
    harness.state_mut().request(Action::SaveDrafts(vec![draft]));
    let saving = Instant::now();
    harness.step();
    let saving = saving.elapsed();
    let settled = settle(harness);
    eprintln!(
        "views bench: Drafts after an edit: the saving frame {:.1} ms, {settled}",
        saving.as_secs_f64() * 1e3
    );
}

fn view_benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let started = Instant::now();
    let path = team_workspace::at(dir.path());
    eprintln!(
        "views bench: team workspace ready in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    let started = Instant::now();
    let mut harness = app(&path);
    harness.step();
    eprintln!(
        "views bench: app built and first frame {:.1} ms",
        started.elapsed().as_secs_f64() * 1e3
    );
    let mut group = c.benchmark_group("view frame, 10k drafts, 5 accounts, 1M snapshots");
    for section in Section::ALL {
        harness.state_mut().request(Action::Navigate(section));
        // The frame that applies the request, then the view's first frame.
        harness.step();
        let first = Instant::now();
        harness.step();
        let first = first.elapsed();
        let settled = settle(&mut harness);
        assert_eq!(harness.state().section(), section, "the view is shown");
        eprintln!(
            "views bench: {}: first frame {:.1} ms, {settled}",
            section.label(),
            first.as_secs_f64() * 1e3,
        );
        group.bench_function(format!("{} (target <= 8 ms)", section.label()), |b| {
            b.iter(|| harness.step());
        });
        if section == Section::Drafts {
            edit_a_draft(&mut harness);
        }
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = view_benches
}
criterion_main!(benches);
