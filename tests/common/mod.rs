//! Shared by the UI tests: a real workspace in a temporary folder (empty, or filled with the
//! demo data exactly as a user gets it) and the real app around it, driven by egui_kittest.

#![allow(dead_code)] // each test binary uses its own part of the helper

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use eframe::egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use scrollstop::domain::SubcultureId;
use scrollstop::ui::{GivenPaths, ScrollstopApp};
use scrollstop::workspace::{DEFAULT_DEMO_SEED, Silent, Workspace};
use tempfile::TempDir;

pub use eframe::egui;
pub use egui_kittest::kittest::Queryable as _;

/// A workspace file in a folder that is removed when the test ends.
pub struct TestWorkspace {
    pub dir: TempDir,
    pub path: PathBuf,
}

/// A new, empty workspace (the first start).
pub fn empty_workspace() -> TestWorkspace {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("team.sqlite");
    Workspace::open(&path).expect("a new workspace opens");
    TestWorkspace { dir, path }
}

/// A workspace filled with the demo data from the default seed.
pub fn demo_workspace() -> TestWorkspace {
    let workspace = empty_workspace();
    let mut open = Workspace::open(&workspace.path).expect("the workspace opens");
    open.create_demo(DEFAULT_DEMO_SEED, &Silent)
        .expect("the demo data is written");
    workspace
}

/// The real app on `path`, in a window of a laptop's size, after its first frames.
pub fn app(path: &Path) -> Harness<'static, ScrollstopApp> {
    let path = path.to_path_buf();
    // Captions carry any emoji users type; the fonts bundled for tests do not have them all,
    // and the real app draws a placeholder box for those too, so tests accept that.
    let mut harness = Harness::builder()
        .allow_missing_glyphs()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(12)
        .build_eframe(move |_cc| ScrollstopApp::new(path));
    run_with_reads(&mut harness);
    harness
}

/// The real app on `path` whose file chooser "chooses" `files` (no desktop dialog opens).
pub fn app_choosing(path: &Path, files: Vec<PathBuf>) -> Harness<'static, ScrollstopApp> {
    let path = path.to_path_buf();
    let mut harness = Harness::builder()
        .allow_missing_glyphs()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(12)
        .build_eframe(move |_cc| {
            ScrollstopApp::new(path).with_file_dialog(Box::new(GivenPaths::files(files)))
        });
    run_with_reads(&mut harness);
    harness
}

/// The real app on `path` whose file chooser saves to `target` (no desktop dialog opens).
pub fn app_saving_to(path: &Path, target: PathBuf) -> Harness<'static, ScrollstopApp> {
    let path = path.to_path_buf();
    let mut harness = Harness::builder()
        .allow_missing_glyphs()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(12)
        .build_eframe(move |_cc| {
            ScrollstopApp::new(path)
                .with_file_dialog(Box::new(GivenPaths::default().with_save_to(target)))
        });
    run_with_reads(&mut harness);
    harness
}

/// Opens the shown view's export dialog and presses the dialog's own Export… button (the
/// toolbar's is behind the modal).
pub fn export_from_dialog(harness: &mut Harness<'static, ScrollstopApp>) {
    harness.get_by_label("Export…").click();
    harness.run();
    harness
        .query_all_by_label("Export…")
        .last()
        .expect("the dialog's Export button")
        .click();
    harness.run();
}

/// Runs frames until nothing more is asked of the window, then (in real time) until the shown
/// view's background reads arrived: after an edit, the Drafts view and the Calendar read
/// their rows again off the window's thread and show them a few frames later.
pub fn run_with_reads(harness: &mut Harness<'static, ScrollstopApp>) {
    harness.run();
    run_until(
        harness,
        Duration::from_secs(60),
        "the view's reads",
        |app| !app.is_reading(),
    );
}

/// Runs frames (in real time) until `done` holds, failing after `limit`.
pub fn run_until(
    harness: &mut Harness<'static, ScrollstopApp>,
    limit: Duration,
    what: &str,
    done: impl Fn(&ScrollstopApp) -> bool,
) {
    let start = Instant::now();
    while !done(harness.state()) {
        assert!(start.elapsed() < limit, "gave up waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
    }
    harness.run_ok();
}

/// Three of the project's TikTok Studio fixtures (tests/fixtures/studio): Content, Overview
/// and FollowerActivity.
pub fn studio_exports() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/studio");
    ["Content.csv", "Overview.csv", "FollowerActivity.csv"]
        .iter()
        .map(|name| dir.join(name))
        .collect()
}

/// Waits for the import preview that the last click, key or drop asked for (the files are read
/// on a background job), then lets the dialog settle.
pub fn wait_for_preview(harness: &mut Harness<'static, ScrollstopApp>, limit: Duration) {
    run_until(harness, limit, "the preview", |app| !app.is_busy());
    settle(harness);
}

/// Runs a few more frames so a dialog that just opened has found its size and place (a
/// centred dialog moves while its scrolled parts learn their height).
pub fn settle(harness: &mut Harness<'static, ScrollstopApp>) {
    for _ in 0..4 {
        harness.step();
    }
    harness.run_ok();
}

/// Clicks the navigation entry of a view and waits for what it reads in the background.
pub fn open_view(harness: &mut Harness<'static, ScrollstopApp>, name: &str) {
    harness.get_by_role_and_label(Role::Button, name).click();
    // Not `run`: a view that reads shows a spinner, which repaints until the data is there.
    // The first frame switches views, the second draws the view and starts its reads.
    harness.step();
    harness.step();
    let what = format!("the {name} view's data");
    run_until(harness, Duration::from_secs(60), &what, |app| {
        !app.is_reading()
    });
}

/// True when a text (not a button or an input's name) reading exactly `text` is on screen.
pub fn shows(harness: &Harness<'static, ScrollstopApp>, text: &str) -> bool {
    harness
        .query_all_by_role_and_label(Role::Label, text)
        .next()
        .is_some()
}

/// Runs frames (in real time) until some text on screen contains `part`, failing after
/// `limit` with the texts that are on screen.
pub fn wait_for_text(harness: &mut Harness<'static, ScrollstopApp>, part: &str, limit: Duration) {
    use egui_kittest::kittest::NodeT;
    let start = Instant::now();
    while !shows_part(harness, part) {
        if start.elapsed() > limit {
            let texts: Vec<String> = harness
                .query_all_by_label_contains("")
                .filter_map(|n| {
                    let n = n.accesskit_node();
                    if n.role() == Role::Label {
                        n.value()
                    } else {
                        n.label()
                    }
                })
                .collect();
            panic!("gave up waiting for \"{part}\"; on screen: {texts:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
    }
}

/// True when some text on screen contains `part`.
pub fn shows_part(harness: &Harness<'static, ScrollstopApp>, part: &str) -> bool {
    harness.query_all_by_label_contains(part).next().is_some()
}

/// The id of the first live subculture of the workspace the window shows.
pub fn first_subculture(harness: &Harness<'static, ScrollstopApp>) -> SubcultureId {
    let workspace = harness.state().workspace().expect("the workspace is open");
    workspace.subcultures().expect("subcultures load")[0].id
}

/// The names of the live subcultures, read from the file with a fresh connection.
pub fn stored_subcultures(path: &Path) -> Vec<String> {
    let workspace = Workspace::open(path).expect("the workspace reopens");
    let subcultures = workspace.subcultures().expect("subcultures load");
    subcultures.into_iter().map(|s| s.name).collect()
}
