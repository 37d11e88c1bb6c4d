//! The Reach view: what the account's posted videos actually reached, from the imported count
//! snapshots (median and spread of views, views against posting date, the top ten), and the
//! drafts that are ready to post. Every number here is measured; the view never shows a
//! forecast until the ranking model exists, and says so. It reads the workspace only when the
//! revision or the account changes.

use std::collections::HashMap;

use chrono::Utc;
use eframe::egui::{self, Color32, RichText};

use crate::domain::{Account, AccountId, DraftStatus};
use crate::store::StoreError;
use crate::ui::theme;
use crate::ui::view::{View, ViewContext};
use crate::ui::widgets::charts::{stat_card, views_scatter};
use crate::ui::widgets::empty_state::{empty_state, load_error};
use crate::ui::widgets::format::{compact_count, slot, thousands};
use crate::ui::widgets::planned::planned_slots;
use crate::ui::widgets::status_chip::status_chip;
use crate::ui::widgets::video_table::{VideoRow, video_table};

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
            p10: percentile(&sorted, 0.1)?,
            median: percentile(&sorted, 0.5)?,
            p90: percentile(&sorted, 0.9)?,
        })
    }
}

/// The `q`-quantile (0..=1) of ascending `sorted` values, interpolating linearly between the
/// two nearest ranks (the spreadsheet's PERCENTILE.INC); `None` for no values.
pub fn percentile(sorted: &[f64], q: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    let pos = q.clamp(0.0, 1.0) * last as f64;
    let lower = pos.floor() as usize;
    let upper = pos.ceil() as usize;
    let weight = pos - lower as f64;
    Some(sorted[lower] + (sorted[upper] - sorted[lower]) * weight)
}

/// A draft that is approved or scheduled.
struct ReadyDraft {
    status: DraftStatus,
    title: String,
    subculture: Option<(String, Color32)>,
    slot: String,
}

/// The Reach view. Create it with [`ReachView::default`].
#[derive(Default)]
pub struct ReachView {
    loaded: Option<(u64, AccountId)>,
    videos: usize,
    measured: usize,
    spread: Option<ViewsSpread>,
    /// (posting day number, log10 views) of every measured video.
    scatter: Vec<[f64; 2]>,
    top: Vec<VideoRow>,
    ready: Vec<ReadyDraft>,
    error: Option<String>,
}

impl View for ReachView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewContext<'_>) {
        theme::view_heading(
            ui,
            "Reach",
            "Measured views of the account's posted videos, and the drafts ready to post.",
        );
        let Some(account) = ctx.account else {
            empty_state(
                ui,
                "No account yet",
                "Add the account you post from in Settings; its reach history will show here.",
            );
            return;
        };
        if self.loaded != Some((ctx.revision, account.id)) {
            self.reload(ctx, account);
            self.loaded = Some((ctx.revision, account.id));
        }
        if let Some(error) = &self.error {
            load_error(ui, "the reach history", error);
            return;
        }
        egui::ScrollArea::vertical()
            .id_salt("reach-scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                self.history_ui(ui, account);
                self.ready_ui(ui, account);
            });
    }
}

impl ReachView {
    fn reload(&mut self, ctx: &ViewContext<'_>, account: &Account) {
        *self = Self::default();
        let store = ctx.workspace.store();
        let read = || -> Result<_, StoreError> {
            let videos = store.videos(account.id)?;
            let drafts = store.drafts(account.id)?;
            let subcultures = store.subcultures()?;
            let now = Utc::now();
            let entries = store.plan_entries(account.id, now, chrono::DateTime::<Utc>::MAX_UTC)?;
            Ok((videos, drafts, subcultures, entries, now))
        };
        let (videos, drafts, subcultures, entries, now) = match read() {
            Ok(data) => data,
            Err(e) => {
                self.error = Some(e.to_string());
                return;
            }
        };
        self.videos = videos.len();
        let mut rows: Vec<VideoRow> = videos
            .iter()
            .map(|v| VideoRow::new(v, account.time_zone))
            .collect();
        let views: Vec<i64> = rows.iter().filter_map(|r| r.views).collect();
        self.measured = views.len();
        self.spread = ViewsSpread::of(&views);
        self.scatter = rows
            .iter()
            .filter_map(|r| {
                let day = r.posted_at.timestamp() as f64 / 86_400.0;
                r.views.map(|v| [day, (v.max(1) as f64).log10()])
            })
            .collect();
        rows.sort_by_key(|r| std::cmp::Reverse(r.views));
        rows.truncate(10);
        self.top = rows;

        let names: HashMap<_, _> = subcultures.iter().map(|s| (s.id, s)).collect();
        let slots = planned_slots(&entries, now);
        self.ready = drafts
            .iter()
            .filter(|d| matches!(d.status, DraftStatus::Approved | DraftStatus::Scheduled))
            .map(|d| ReadyDraft {
                status: d.status,
                title: if d.title.is_empty() {
                    "(untitled)".into()
                } else {
                    d.title.clone()
                },
                subculture: d
                    .subculture
                    .and_then(|id| names.get(&id))
                    .map(|s| (s.name.clone(), theme::colour(s.colour))),
                slot: slots
                    .get(&d.id)
                    .map(|at| slot(at.with_timezone(&account.time_zone)))
                    .unwrap_or_else(|| "none ahead".to_string()),
            })
            .collect();
    }

    fn history_ui(&self, ui: &mut egui::Ui, account: &Account) {
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

    fn ready_ui(&self, ui: &mut egui::Ui, account: &Account) {
        theme::section_heading(ui, "Ready to post");
        if self.ready.is_empty() {
            empty_state(
                ui,
                &format!(
                    "No approved or scheduled drafts for {}",
                    account.at_handle()
                ),
                "Drafts show here once the team approves them in the Drafts view.",
            );
            return;
        }
        ui.label(theme::muted(
            ui,
            "Approved and scheduled drafts. Scrollstop does not predict reach yet, so no \
             forecast is shown for them.",
        ));
        ui.add_space(theme::SPACE_S);
        egui::Grid::new("reach-ready")
            .num_columns(4)
            .striped(true)
            .spacing([theme::SPACE_L, theme::SPACE_S])
            .show(ui, |ui| {
                for title in ["Status", "Title", "Subculture", "Next planned slot"] {
                    ui.label(RichText::new(title).strong());
                }
                ui.end_row();
                for d in &self.ready {
                    status_chip(ui, d.status);
                    ui.label(&d.title);
                    match &d.subculture {
                        Some((name, colour)) => theme::chip(ui, name, *colour),
                        None => ui.label(""),
                    };
                    ui.label(&d.slot);
                    ui.end_row();
                }
            });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_interpolate_between_ranks() {
        let sorted = [10.0, 20.0, 30.0, 40.0, 50.0];
        assert_eq!(percentile(&sorted, 0.5), Some(30.0));
        assert_eq!(percentile(&sorted, 0.1), Some(14.0));
        assert_eq!(percentile(&sorted, 0.9), Some(46.0));
        assert_eq!(percentile(&sorted, 0.0), Some(10.0));
        assert_eq!(percentile(&sorted, 1.0), Some(50.0));
        assert_eq!(percentile(&[7.0], 0.9), Some(7.0));
        assert_eq!(percentile(&[], 0.5), None);
    }

    #[test]
    fn the_spread_ignores_input_order() {
        let spread = ViewsSpread::of(&[500, 100, 300, 200, 400]).expect("five values");
        assert_eq!(spread.median, 300.0);
        assert_eq!(spread.p10, 140.0);
        assert_eq!(spread.p90, 460.0);
        assert_eq!(ViewsSpread::of(&[]), None);
    }
}
