//! The "Measured" part of the Reach view: what the account's posted videos actually reached,
//! from the imported count snapshots (median and spread of views, views against posting date,
//! the top ten). Every number here is a measurement, never a forecast. It reads the workspace
//! only when the revision or the account changes, off the window's thread ([`Reading`]).

use eframe::egui;

use crate::domain::{Account, AccountId};
use crate::model::stats::quantile;
use crate::ui::reading::Reading;
use crate::ui::theme;
use crate::ui::view::ViewContext;
use crate::ui::widgets::busy::busy_indicator;
use crate::ui::widgets::charts::{stat_card, views_scatter};
use crate::ui::widgets::empty_state::{empty_state, load_error};
use crate::ui::widgets::format::{compact_count, thousands};
use crate::ui::widgets::video_table::{VideoRow, video_table};
use crate::workspace::{Workspace, WorkspaceError};

/// The spread of the latest measured views over the account's videos.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ViewsSpread {
    pub p10: f64,
    pub median: f64,
    pub p90: f64,
}

impl ViewsSpread {
    /// The spread of `views`; `None` without any.
    pub fn of(views: &[i64]) -> Option<Self> {
        let mut sorted: Vec<f64> = views.iter().map(|v| *v as f64).collect();
        sorted.sort_by(f64::total_cmp);
        Some(Self {
            p10: quantile(&sorted, 0.1)?,
            median: quantile(&sorted, 0.5)?,
            p90: quantile(&sorted, 0.9)?,
        })
    }
}

/// The measured history of the account shown, read once per revision.
#[derive(Default)]
pub struct Measured {
    reading: Reading<(u64, AccountId), History>,
}

/// What one account's videos reached, ready to draw.
struct History {
    videos: usize,
    measured: usize,
    spread: Option<ViewsSpread>,
    /// (posting day number, log10 views) of every measured video.
    scatter: Vec<[f64; 2]>,
    top: Vec<VideoRow>,
}

impl Measured {
    /// Takes a finished read, and starts reading the account's videos again when the revision
    /// or the account moved.
    pub fn refresh(&mut self, egui_ctx: &egui::Context, ctx: &ViewContext<'_>, account: &Account) {
        self.reading.poll();
        let key = (ctx.revision, account.id);
        if self.reading.needs(&key) {
            let whose = account.clone();
            let path = ctx.workspace.path();
            self.reading
                .start(egui_ctx, "reach-history", path, key, move |workspace| {
                    History::read(workspace, &whose)
                });
        }
    }

    /// True while the account's videos are being read.
    pub fn is_reading(&self) -> bool {
        self.reading.is_reading()
    }

    pub fn ui(&self, ui: &mut egui::Ui, account: &Account) {
        let Some(history) = self
            .reading
            .latest_if(|(_, read_for)| *read_for == account.id)
        else {
            let reading = format!(
                "Reading {}'s videos in the background…",
                account.at_handle()
            );
            busy_indicator(ui, &reading);
            return;
        };
        match history {
            Ok(history) => history.ui(ui, account),
            Err(error) => load_error(ui, "the reach history", error),
        }
    }
}

impl History {
    fn read(workspace: &Workspace, account: &Account) -> Result<Self, WorkspaceError> {
        let videos = workspace.videos_with_latest(account.id)?;
        let mut rows: Vec<VideoRow> = videos
            .iter()
            .map(|v| VideoRow::new(v, account.time_zone))
            .collect();
        let views: Vec<i64> = rows.iter().filter_map(|r| r.views).collect();
        let scatter = rows
            .iter()
            .filter_map(|r| {
                let day = r.posted_at.timestamp() as f64 / 86_400.0;
                r.views.map(|v| [day, (v.max(1) as f64).log10()])
            })
            .collect();
        rows.sort_by_key(|r| std::cmp::Reverse(r.views));
        rows.truncate(10);
        Ok(Self {
            videos: videos.len(),
            measured: views.len(),
            spread: ViewsSpread::of(&views),
            scatter,
            top: rows,
        })
    }

    fn ui(&self, ui: &mut egui::Ui, account: &Account) {
        let Some(spread) = self.spread else {
            empty_state(
                ui,
                &format!("No measured videos of {} yet", account.at_handle()),
                "Import the account's TikTok Studio Content export (Content.csv, or the ZIP it \
                 comes in); every import adds a snapshot of each video's views.",
            );
            return;
        };
        ui.horizontal_wrapped(|ui| {
            stat_card(ui, &thousands(self.videos as i64), "videos posted");
            stat_card(
                ui,
                &compact_count(spread.median.round() as i64),
                "median views",
            );
            stat_card(
                ui,
                &compact_count(spread.p10.round() as i64),
                "P10: 1 in 10 got fewer",
            );
            stat_card(
                ui,
                &compact_count(spread.p90.round() as i64),
                "P90: 1 in 10 got more",
            );
        });
        let note = format!(
            "Views at the latest snapshot of each of {} measured videos. A video measured young \
             has had less time to collect views. These are measurements, not forecasts.",
            self.measured
        );
        ui.label(theme::muted(ui, note));

        theme::section_heading(ui, "Views by posting date");
        views_scatter(ui, &self.scatter, spread.median);

        theme::section_heading(ui, "Top 10 videos by views");
        video_table(ui, "reach-top-videos", &self.top, 10.0 * 30.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_spread_ignores_input_order() {
        let spread = ViewsSpread::of(&[500, 100, 300, 200, 400]).expect("five values");
        assert_eq!(spread.median, 300.0);
        assert_eq!(spread.p10, 140.0);
        assert_eq!(spread.p90, 460.0);
        assert_eq!(ViewsSpread::of(&[]), None);
    }
}
