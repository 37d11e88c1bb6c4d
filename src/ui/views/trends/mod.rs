//! The Trends view: the team's trend lists (hashtags, sounds, effects, topics, creators) with
//! each item's latest rank, how it moved, how often and since when it was captured (its age),
//! and its lifecycle (rising, peaking, fading) read from its rank history, drawn as a
//! sparkline. Trend lists belong to the whole workspace, not to one account.
//!
//! Captures are added here by hand (`capture_form.rs`) or pasted as a list (`paste.rs`); every
//! capture is kept, and each addition is one undoable action. The view reads the workspace only
//! when the revision changes.

mod capture_form;
mod paste;
mod rows;
mod table;

use chrono::Utc;
use eframe::egui;

use crate::domain::TrendKind;
use crate::ui::theme;
use crate::ui::view::{Action, View, ViewContext};
use crate::ui::widgets::empty_state::{empty_state, load_error};
use crate::ui::widgets::format::plural;
use capture_form::{CaptureForm, FormIntent};
use paste::{PasteBox, PasteIntent};
use rows::TrendRow;
use table::trends_table;

/// The panel open above the table, if any.
#[derive(Default)]
enum Panel {
    #[default]
    None,
    Form(CaptureForm),
    Paste(PasteBox),
}

/// The Trends view. Create it with [`TrendsView::default`].
#[derive(Default)]
pub struct TrendsView {
    loaded: Option<u64>,
    rows: Vec<TrendRow>,
    kinds: Vec<TrendKind>,
    kind_filter: Option<TrendKind>,
    error: Option<String>,
    panel: Panel,
    /// An addition was sent and its answer has not come back yet.
    pending: bool,
}

impl View for TrendsView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewContext<'_>) {
        self.header(ui);
        if self.loaded != Some(ctx.revision) {
            self.reload(ctx);
            self.loaded = Some(ctx.revision);
        }
        self.panel_ui(ui, ctx.actions);
        if let Some(error) = &self.error {
            load_error(ui, "the trend lists", error);
            return;
        }
        if self.rows.is_empty() {
            empty_state(
                ui,
                "No trend lists yet",
                "Add what TikTok's Creative Center shows for your region (hashtags, sounds with \
                 their BPM, effects) by hand, paste a list, or import a trend-list CSV; capture \
                 it again each week to see what rises and what fades.",
            );
            return;
        }
        self.filter_row(ui);
        ui.label(theme::muted(
            ui,
            "Lifecycle from the rank over the last three captures: rising = climbing, peaking = \
             flat at or near its best rank, fading = falling or well below its best. Age = time \
             since the first capture.",
        ));
        ui.add_space(theme::SPACE_S);
        let visible: Vec<&TrendRow> = self
            .rows
            .iter()
            .filter(|r| self.kind_filter.is_none_or(|k| r.kind == k))
            .collect();
        trends_table(ui, &visible);
    }

    fn edit_refused(&mut self, message: &str) {
        if !std::mem::take(&mut self.pending) {
            return;
        }
        match &mut self.panel {
            Panel::Form(form) => form.error = Some(message.to_string()),
            Panel::Paste(paste) => paste.error = Some(message.to_string()),
            Panel::None => {}
        }
    }

    fn edit_applied(&mut self) {
        if !std::mem::take(&mut self.pending) {
            return;
        }
        match &mut self.panel {
            Panel::Form(form) => form.added(),
            Panel::Paste(paste) => paste.added(),
            Panel::None => {}
        }
    }
}

impl TrendsView {
    fn header(&mut self, ui: &mut egui::Ui) {
        egui::Sides::new().show(
            ui,
            |ui| {
                ui.vertical(|ui| {
                    theme::view_heading(
                        ui,
                        "Trends",
                        "Hashtags, sounds and effects the team follows, with where each is in its life.",
                    );
                });
            },
            |ui| {
                let today = Utc::now().date_naive();
                let pasting = matches!(self.panel, Panel::Paste(_));
                let paste = ui.add_enabled(!pasting, egui::Button::new("Paste list…"));
                if paste
                    .on_hover_text("Paste a ranked list, one item per line")
                    .clicked()
                {
                    self.panel = Panel::Paste(PasteBox::new(today));
                }
                let adding = matches!(self.panel, Panel::Form(_));
                let add = ui.add_enabled(!adding, theme::primary_button(ui, "Add capture"));
                if add
                    .on_hover_text("Type in one item's rank as seen today")
                    .clicked()
                {
                    self.panel = Panel::Form(CaptureForm::new(today));
                }
            },
        );
    }

    fn panel_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let now = Utc::now();
        let (entries, close) = match &mut self.panel {
            Panel::None => return,
            Panel::Form(form) => match form.ui(ui, now) {
                Some(FormIntent::Add(item, capture)) => (Some(vec![(item, capture)]), false),
                Some(FormIntent::Close) => (None, true),
                None => (None, false),
            },
            Panel::Paste(paste) => match paste.ui(ui, now) {
                Some(PasteIntent::Add(entries)) => (Some(entries), false),
                Some(PasteIntent::Close) => (None, true),
                None => (None, false),
            },
        };
        if let Some(entries) = entries {
            self.pending = true;
            actions.push(Action::RecordTrends(entries));
        }
        if close {
            self.panel = Panel::None;
        }
        ui.add_space(theme::SPACE_M);
    }

    fn filter_row(&mut self, ui: &mut egui::Ui) {
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
    }

    fn reload(&mut self, ctx: &ViewContext<'_>) {
        self.error = None;
        let now = Utc::now();
        match ctx.workspace.trends() {
            Ok(trends) => {
                self.rows = trends
                    .iter()
                    .map(|(item, caps)| TrendRow::new(item, caps, now))
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
}
