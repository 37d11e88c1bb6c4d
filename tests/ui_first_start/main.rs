//! A new user's first hour in the window: the three ways in from the welcome screen (demo,
//! empty, import), the "Getting started" checklist ticking from what the workspace holds, the
//! shortcut overview, About, the theme choice, and what is remembered between runs.
//!
//! This file holds the helpers; the stories are in `welcome.rs`, `checklist.rs`, `help.rs` and
//! `remembered.rs`.

#[path = "../common/mod.rs"]
mod common;

mod checklist;
mod help;
mod remembered;
mod welcome;

use std::collections::HashMap;
use std::time::Duration;

use chrono::Utc;
use common::egui::{self, Key, Modifiers};
use common::{
    app, app_choosing, demo_workspace, empty_workspace, open_view, run_until, run_with_reads,
    settle, shows, shows_part, studio_exports, wait_for_preview,
};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use scrollstop::domain::{Colour, Draft};
use scrollstop::ui::{Action, GivenPaths, ScrollstopApp, Section};
use scrollstop::workspace::{ExportFormat, ExportRequest, FirstStep, PlanRequest, Workspace};

const WAIT: Duration = Duration::from_secs(240);

/// eframe's storage kept in memory, as the window's settings file would hold it.
#[derive(Default)]
struct MemoryStorage(HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }

    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_string(), value);
    }

    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }

    fn flush(&mut self) {}
}

fn done(harness: &Harness<'static, ScrollstopApp>, step: FirstStep) -> bool {
    harness
        .state()
        .first_steps()
        .is_some_and(|steps| steps.is_done(step))
}

/// Applies `action` as the window would after a frame, and lets the window redraw and read
/// the checklist's steps again.
fn request(harness: &mut Harness<'static, ScrollstopApp>, action: Action) {
    harness.state_mut().request(action);
    harness.run_ok();
    harness.run_ok();
    reads(harness);
}

/// Waits for what the window reads in the background (the checklist's steps among them).
fn reads(harness: &mut Harness<'static, ScrollstopApp>) {
    run_until(harness, WAIT, "the background reads", |app| {
        !app.is_reading()
    });
}
