//! The Trends view: the team's trend lists (hashtags, sounds, effects, topics, creators) with
//! each item's latest rank, how it moved, how often it was captured and its lifecycle (rising,
//! peaking, fading) read from its rank history, drawn as a sparkline. Trend lists belong to the
//! whole workspace, not to one account. Read-only at this stage; it reads the workspace only when
//! the revision changes.

use eframe::egui::{self, Align, Layout, RichText};
use egui_extras::{Column, TableBuilder};

use crate::domain::{Lifecycle, lifecycle};
use crate::domain::{TrendCapture, TrendItem, TrendKind};
use crate::ui::theme;
use crate::ui::view::{View, ViewContext};
use crate::ui::widgets::empty_state::{empty_state, load_error};
use crate::ui::widgets::format::{long_date, plural};
use crate::ui::widgets::lifecycle::colour as lifecycle_colour;
use crate::ui::widgets::sparkline::rank_sparkline;

/// One trend item, prepared for drawing.
struct TrendRow {
    kind: TrendKind,
    name: String,
    region: String,
    rank: Option<u32>,
    /// Places climbed since the previous capture (negative: fell).
    change: Option<i64>,
    captures: usize,
    first_seen: String,
    last_seen: String,
    bpm: String,
    lifecycle: Lifecycle,
    ranks: Vec<u32>,
}

impl TrendRow {
    fn new(item: &TrendItem, captures: &[TrendCapture]) -> Self {
        let ranks: Vec<u32> = captures.iter().filter_map(|c| c.rank).collect();
        let latest = captures.last();
        // The list's own rank change when it gave one, else the move since the last capture.
        let change = latest
            .and_then(|c| c.rank_change)
            .map(i64::from)
            .or_else(|| {
                let [.., before, now] = ranks.as_slice() else {
                    return None;
                };
                Some(i64::from(*before) - i64::from(*now))
            });
        Self {
            kind: item.kind,
            name: match item.kind {
                TrendKind::Hashtag => format!("#{}", item.name),
                _ => item.name.clone(),
            },
            region: if item.region.is_empty() {
                "Worldwide".into()
            } else {
                item.region.clone()
            },
            rank: latest.and_then(|c| c.rank),
            change,
            captures: captures.len(),
            first_seen: captures
                .first()
                .map(|c| long_date(c.captured_at.date_naive()))
                .unwrap_or_default(),
            last_seen: latest
                .map(|c| long_date(c.captured_at.date_naive()))
                .unwrap_or_default(),
            bpm: item.bpm.map(|b| b.to_string()).unwrap_or_default(),
            lifecycle: lifecycle(captures),
            ranks,
        }
    }
}

/// The Trends view. Create it with [`TrendsView::default`].
#[derive(Default)]
pub struct TrendsView {
    loaded: Option<u64>,
    rows: Vec<TrendRow>,
    kinds: Vec<TrendKind>,
    kind_filter: Option<TrendKind>,
    error: Option<String>,
}

impl View for TrendsView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewContext<'_>) {
        theme::view_heading(
            ui,
            "Trends",
            "Hashtags, sounds and effects the team follows, with where each is in its life.",
        );
        if self.loaded != Some(ctx.revision) {
            self.reload(ctx);
            self.loaded = Some(ctx.revision);
        }
        if let Some(error) = &self.error {
            load_error(ui, "the trend lists", error);
            return;
        }
        if self.rows.is_empty() {
            empty_state(
                ui,
                "No trend lists yet",
                "Type in or import what TikTok's Creative Center shows for your region (hashtags, \
                 sounds with their BPM, effects); capture it again each week to see what rises \
                 and what fades.",
            );
            return;
        }
        ui.horizontal(|ui| {
            let label = ui.label("Kind").id;
            let shown = self.kind_filter.map_or("All kinds", |k| k.label());
            egui::ComboBox::from_id_salt("trends-kind-filter")
                .selected_text(shown)
                .width(140.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.kind_filter, None, "All kinds");
                    for kind in &self.kinds {
                        ui.selectable_value(&mut self.kind_filter, Some(*kind), kind.label());
                    }
                })
                .response
                .labelled_by(label);
            let captures: usize = self.rows.iter().map(|r| r.captures).sum();
            let text = format!(
                "{} · {}",
                plural(self.rows.len(), "item", "items"),
                plural(captures, "capture", "captures")
            );
            ui.label(theme::muted(ui, text));
        });
        ui.label(theme::muted(
            ui,
            "Lifecycle from the rank over the last three captures: rising = climbing, peaking = \
             flat at or near its best rank, fading = falling or well below its best.",
        ));
        ui.add_space(theme::SPACE_S);
        self.table(ui);
    }
}

impl TrendsView {
    fn reload(&mut self, ctx: &ViewContext<'_>) {
        self.error = None;
        match ctx.workspace.store().trends() {
            Ok(trends) => {
                self.rows = trends
                    .iter()
                    .map(|(item, caps)| TrendRow::new(item, caps))
                    .collect();
                self.kinds = TrendKind::ALL
                    .iter()
                    .copied()
                    .filter(|k| self.rows.iter().any(|r| r.kind == *k))
                    .collect();
            }
            Err(e) => {
                self.rows.clear();
                self.error = Some(e.to_string());
            }
        }
    }

    fn table(&self, ui: &mut egui::Ui) {
        let visible: Vec<&TrendRow> = self
            .rows
            .iter()
            .filter(|r| self.kind_filter.is_none_or(|k| r.kind == k))
            .collect();
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
            .column(Column::remainder().at_least(180.0).clip(true))
            .column(Column::exact(70.0))
            .columns(Column::exact(56.0), 2)
            .column(Column::exact(70.0))
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
                body.rows(28.0, visible.len(), |mut row| {
                    let Some(r) = visible.get(row.index()) else {
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
                        Some(c) if c > 0 => {
                            right(ui, RichText::new(format!("+{c}")).color(palette.ok))
                        }
                        Some(c) if c < 0 => right(
                            ui,
                            RichText::new(format!("\u{2212}{}", -c)).color(palette.error),
                        ),
                        Some(_) => right(ui, RichText::new("0").color(palette.muted)),
                        None => right(ui, RichText::new("–").color(palette.muted)),
                    });
                    row.col(|ui| right(ui, RichText::new(r.captures.to_string())));
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
}
