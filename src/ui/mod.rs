//! The window: navigation, views, dialogs and the background-job runner (eframe/egui).
//!
//! Views read the workspace through [`crate::workspace::Workspace`] and report what the user
//! asked for as [`Action`]s; `app/frame.rs` applies them after the frame in one place. The UI
//! never writes SQL, never parses files and never blocks on long work.

mod access;
mod actions;
mod app;
mod background;
pub mod editor;
pub mod file_dialog;
pub mod fonts;
mod help;
pub mod identity;
mod import;
pub mod jobs;
pub mod nav;
pub mod path_prompt;
mod reading;
mod replan;
mod section;
pub mod shortcuts;
pub mod status_bar;
mod team;
mod team_sync;
pub mod theme;
mod view;
pub mod views;
mod welcome;
pub mod widgets;

use std::path::PathBuf;

use eframe::egui;

pub use app::ScrollstopApp;
pub use file_dialog::{FileDialog, GivenPaths, SystemFileDialog};
pub use section::Section;
pub use view::{Action, HelpRequest, View, ViewContext};

/// Opens the Scrollstop window on the workspace at `path` and returns when it is closed.
pub fn run(workspace: PathBuf) -> eframe::Result<()> {
    let started = std::time::Instant::now();
    let report = std::env::var_os("SCROLLSTOP_STARTUP_REPORT").is_some();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Scrollstop")
            .with_app_id(identity::APP_ID)
            .with_icon(identity::window_icon())
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([900.0, 560.0]),
        persist_window: true,
        ..Default::default()
    };
    eframe::run_native(
        "Scrollstop",
        options,
        Box::new(move |cc| {
            theme::apply(&cc.egui_ctx);
            let app = ScrollstopApp::new(workspace).restored(cc.storage);
            Ok(Box::new(if report {
                app.report_startup(started)
            } else {
                app
            }))
        }),
    )
}
