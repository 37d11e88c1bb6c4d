//! The table of posted videos with their latest measured counts: posted time in the account's
//! zone, caption, views, likes / comments / shares per view and the age at which they were
//! measured. The Analytics view lists every video with it, the Reach view its top ten. Rows are
//! built once when a view loads; drawing is virtualised, so long histories stay smooth.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use eframe::egui::{self, Align, Layout};
use egui_extras::{Column, TableBuilder};

use super::format::{age_days, compact_count, percent, slot, thousands};
use crate::ui::theme;
use crate::workspace::VideoWithLatest;

/// One video as the table shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct VideoRow {
    pub posted_at: DateTime<Utc>,
    /// Posted time in the account's zone.
    pub posted: String,
    pub caption: String,
    /// Views at the latest snapshot; `None` when the video has never been measured.
    pub views: Option<i64>,
    pub likes_rate: Option<f64>,
    pub comments_rate: Option<f64>,
    pub shares_rate: Option<f64>,
    /// Hours between posting and the latest snapshot.
    pub age_hours: Option<f64>,
}

impl VideoRow {
    /// The row of `video`, with times shown in `zone`.
    pub fn new(video: &VideoWithLatest, zone: Tz) -> Self {
        let latest = video.latest.as_ref();
        let views = latest.map(|s| s.views);
        let rate = |count: Option<i64>| match (count, views) {
            (Some(c), Some(v)) if v > 0 => Some(c as f64 / v as f64),
            _ => None,
        };
        Self {
            posted_at: video.video.posted_at,
            posted: slot(video.video.posted_at.with_timezone(&zone)),
            caption: video.video.caption.clone(),
            views,
            likes_rate: rate(latest.and_then(|s| s.likes)),
            comments_rate: rate(latest.and_then(|s| s.comments)),
            shares_rate: rate(latest.and_then(|s| s.shares)),
            age_hours: latest.map(|s| s.age_hours(video.video.posted_at)),
        }
    }
}

/// Column titles, with what the numeric ones mean (text columns have none and align left).
const HEADERS: [(&str, &str); 7] = [
    ("Posted", ""),
    ("Caption", ""),
    ("Views", "Views at the latest snapshot"),
    // Rates, named as rates: a column called "Likes" reads as a count.
    ("Like rate", "Likes per view, at the latest snapshot"),
    ("Comment rate", "Comments per view, at the latest snapshot"),
    ("Share rate", "Shares per view, at the latest snapshot"),
    ("Age", "Days between posting and the latest snapshot"),
];

/// Draws `rows` in a scrolling table at most `max_height` tall.
pub fn video_table(ui: &mut egui::Ui, id_salt: &str, rows: &[VideoRow], max_height: f32) {
    let muted = theme::palette(ui).muted;
    let dash = || egui::RichText::new("–").color(muted);
    let right = |ui: &mut egui::Ui, text: egui::RichText| {
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| ui.label(text));
    };
    let rate = |ui: &mut egui::Ui, r: Option<f64>| match r {
        Some(r) => right(ui, egui::RichText::new(percent(r))),
        None => right(ui, dash()),
    };
    TableBuilder::new(ui)
        .id_salt(id_salt)
        .striped(true)
        .vscroll(true)
        .max_scroll_height(max_height)
        .auto_shrink([false, true])
        .cell_layout(Layout::left_to_right(Align::Center))
        .column(Column::exact(132.0))
        .column(Column::remainder().at_least(160.0).clip(true))
        .column(Column::exact(64.0))
        .columns(Column::exact(100.0), 3)
        .column(Column::exact(56.0))
        .header(22.0, |mut header| {
            for (title, explanation) in HEADERS {
                header.col(|ui| {
                    let text = egui::RichText::new(title).strong();
                    let response = if explanation.is_empty() {
                        ui.label(text)
                    } else {
                        ui.with_layout(Layout::right_to_left(Align::Center), |ui| ui.label(text))
                            .inner
                    };
                    if !explanation.is_empty() {
                        response.on_hover_text(explanation);
                    }
                });
            }
        })
        .body(|body| {
            body.rows(24.0, rows.len(), |mut row| {
                let Some(video) = rows.get(row.index()) else {
                    return;
                };
                row.col(|ui| {
                    ui.label(&video.posted);
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(&video.caption).truncate());
                });
                row.col(|ui| match video.views {
                    Some(v) => {
                        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                            ui.label(compact_count(v))
                                .on_hover_text(format!("{} views", thousands(v)));
                        });
                    }
                    None => right(ui, dash()),
                });
                row.col(|ui| rate(ui, video.likes_rate));
                row.col(|ui| rate(ui, video.comments_rate));
                row.col(|ui| rate(ui, video.shares_rate));
                row.col(|ui| match video.age_hours {
                    Some(h) => right(ui, egui::RichText::new(age_days(h))),
                    None => right(ui, dash()),
                });
            });
        });
}
