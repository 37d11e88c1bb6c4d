//! The Trends table: one row per trend item with its kind, name, region, latest rank and move,
//! captures, age, first and last capture, BPM, lifecycle chip and rank sparkline. Drawing only.

use eframe::egui::{self, Align, Layout, RichText};
use egui_extras::{Column, TableBuilder};

use super::rows::TrendRow;
use crate::ui::theme;
use crate::ui::widgets::lifecycle::colour as lifecycle_colour;
use crate::ui::widgets::sparkline::rank_sparkline;

/// Draws `rows` (already filtered).
pub(super) fn trends_table(ui: &mut egui::Ui, rows: &[&TrendRow]) {
    let palette = theme::palette(ui);
    let right = |ui: &mut egui::Ui, text: RichText| {
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| ui.label(text));
    };
    let headers = [
        ("Kind", false),
        ("Name", false),
        ("Region", false),
        ("Rank", true),
        ("Change", true),
        ("Captures", true),
        ("Age", false),
        ("First seen", false),
        ("Last seen", false),
        ("BPM", true),
        ("Lifecycle", false),
        ("Rank history", false),
    ];
    TableBuilder::new(ui)
        .id_salt("trends-table")
        .striped(true)
        .auto_shrink([false, false])
        .cell_layout(Layout::left_to_right(Align::Center))
        .column(Column::exact(70.0))
        .column(Column::remainder().at_least(160.0).clip(true))
        .column(Column::exact(70.0))
        .columns(Column::exact(56.0), 2)
        .column(Column::exact(70.0))
        .column(Column::exact(72.0))
        .columns(Column::exact(96.0), 2)
        .column(Column::exact(44.0))
        .column(Column::exact(76.0))
        .column(Column::exact(100.0))
        .header(24.0, |mut header| {
            for (title, numeric) in headers {
                header.col(|ui| {
                    let text = RichText::new(title).strong();
                    if numeric {
                        right(ui, text)
                    } else {
                        ui.label(text);
                    }
                });
            }
        })
        .body(|body| {
            body.rows(28.0, rows.len(), |mut row| {
                let Some(r) = rows.get(row.index()) else {
                    return;
                };
                row.col(|ui| {
                    ui.label(theme::muted(ui, r.kind.label()));
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(&r.name).truncate());
                });
                row.col(|ui| {
                    ui.label(&r.region);
                });
                row.col(|ui| match r.rank {
                    Some(rank) => right(ui, RichText::new(format!("#{rank}")).strong()),
                    None => right(ui, RichText::new("–").color(palette.muted)),
                });
                row.col(|ui| match r.change {
                    Some(c) if c > 0 => right(ui, RichText::new(format!("+{c}")).color(palette.ok)),
                    Some(c) if c < 0 => right(
                        ui,
                        RichText::new(format!("\u{2212}{}", -c)).color(palette.error),
                    ),
                    Some(_) => right(ui, RichText::new("0").color(palette.muted)),
                    None => right(ui, RichText::new("–").color(palette.muted)),
                });
                row.col(|ui| right(ui, RichText::new(r.captures.to_string())));
                row.col(|ui| {
                    ui.label(&r.age)
                        .on_hover_text(format!("First captured {}", r.first_seen));
                });
                row.col(|ui| {
                    ui.label(&r.first_seen);
                });
                row.col(|ui| {
                    ui.label(&r.last_seen);
                });
                row.col(|ui| right(ui, RichText::new(&r.bpm)));
                row.col(|ui| {
                    theme::chip(ui, r.lifecycle.label(), lifecycle_colour(r.lifecycle, ui));
                });
                row.col(|ui| {
                    rank_sparkline(ui, &r.ranks, egui::vec2(90.0, 22.0));
                });
            });
        });
}
