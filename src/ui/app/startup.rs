//! The start-up report (`SCROLLSTOP_STARTUP_REPORT`): how long the window took to show its
//! first frame, for the start-up measurement (`benches/open-big-workspace.sh`) and the packaging
//! smoke test. It only prints; with the variable unset nothing here runs.
//!
//! The first frame counts as painted when the second one starts: eframe paints a frame (and
//! swaps it to the screen) before it runs the next, and the report asks for that next frame
//! at once, so the time includes tessellating, uploading and painting the first one.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use eframe::egui;

/// When start-up began and how long the first frame's own work took.
pub(super) struct StartupReport {
    started: Instant,
    first_frame: Option<Duration>,
}

impl StartupReport {
    pub(super) fn new(started: Instant) -> Self {
        Self {
            started,
            first_frame: None,
        }
    }

    /// At the end of a frame: remembers the first one and asks for the next at once.
    pub(super) fn frame_done(&mut self, ctx: &egui::Context) {
        if self.first_frame.is_none() {
            self.first_frame = Some(self.started.elapsed());
            ctx.request_repaint();
        }
    }

    /// At the start of a frame: once the first frame was painted, prints the report and
    /// returns true (the report is done). The Unix time lets a script add the time from its
    /// own launch of the process to the start measured here.
    pub(super) fn frame_started(&self, ctx: &egui::Context) -> bool {
        let Some(first_frame) = self.first_frame else {
            return false;
        };
        let unix_ms = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_millis());
        eprintln!(
            "scrollstop: first frame after {} ms, painted after {} ms (unix time {unix_ms} ms)",
            first_frame.as_millis(),
            self.started.elapsed().as_millis()
        );
        if std::env::var_os("SCROLLSTOP_EXIT_AFTER_FIRST_FRAME").is_some() {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        true
    }
}
