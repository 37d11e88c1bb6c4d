//! The Trends view's paste box: a list copied from the Creative Center or a chat, one item per
//! line (`1. #fyp`, `2) name`, `3<TAB>name`), read with the importer's own rules
//! ([`read_pasted_trends`]) as the user types. The preview lists what will be captured and every line
//! that is left out or cut short, with its number and why; nothing is written until Add.

use chrono::{DateTime, NaiveDate, Utc};
use eframe::egui::{self, RichText};

use super::capture_form::{captured_at, kind_row};
use crate::domain::{TrendCapture, TrendItem, TrendKind};
use crate::ui::theme;
use crate::ui::widgets::form;
use crate::ui::widgets::format::plural;
use crate::workspace::{PastedList, TrendRecord, read_pasted_trends};

/// Lines drawn at most in the preview (the rest are counted).
const SHOWN: usize = 50;

/// What the user did with the paste box this frame.
pub(super) enum PasteIntent {
    Add(Vec<(TrendItem, TrendCapture)>),
    Close,
}

/// The paste box's text and choices.
pub(super) struct PasteBox {
    kind: TrendKind,
    text: String,
    captured: String,
    /// Why the last Add was refused by the workspace.
    pub error: Option<String>,
}

impl PasteBox {
    /// An empty hashtag list captured `today`.
    pub fn new(today: NaiveDate) -> Self {
        Self {
            kind: TrendKind::Hashtag,
            text: String::new(),
            captured: today.format("%Y-%m-%d").to_string(),
            error: None,
        }
    }

    /// Empties the text after its items were added.
    pub fn added(&mut self) {
        self.text.clear();
        self.error = None;
    }

    /// The items read from the text, each once (the first line wins), at `at`.
    fn read(&self, at: DateTime<Utc>) -> PastedList {
        read_pasted_trends(&self.text, self.kind, at)
    }

    /// Draws the box and its preview; Escape closes.
    pub fn ui(&mut self, ui: &mut egui::Ui, now: DateTime<Utc>) -> Option<PasteIntent> {
        let mut intent = None;
        theme::card(ui).show(ui, |ui| {
            ui.set_width(ui.available_width());
            theme::section_heading(ui, "Paste a list");
            form::grid("trend-paste-form").show(ui, |ui| {
                kind_row(ui, "Kind", "trend-paste-kind", &mut self.kind);
                form::text_row(ui, "Captured on", &mut self.captured, "YYYY-MM-DD");
                let label = form::label(ui, "Paste list");
                ui.add(
                    egui::TextEdit::multiline(&mut self.text)
                        .hint_text("1. #cottagecore\n2. #booktok\n3. #cleantok")
                        .desired_rows(6)
                        .desired_width(theme::FORM_INPUT_WIDTH * 1.5),
                )
                .labelled_by(label);
                ui.end_row();
            });
            let at = captured_at(&self.captured, now);
            // The lines' problems show whatever the date; items are captured only at a valid one.
            let list = self.read(*at.as_ref().unwrap_or(&now));
            let records = if at.is_ok() { list.trends } else { Vec::new() };
            if let Err(error) = &at {
                ui.label(theme::error_text(ui, error));
            }
            preview(ui, &records, &list.problems);
            if let Some(error) = &self.error {
                ui.label(theme::error_text(ui, error));
            }
            ui.horizontal(|ui| {
                let label = format!(
                    "Add {}",
                    crate::text::plural(records.len(), "capture", "captures")
                );
                let add = ui.add_enabled(!records.is_empty(), theme::primary_button(ui, &label));
                if add.clicked() {
                    let entries = records.into_iter().map(|r| (r.item, r.capture)).collect();
                    intent = Some(PasteIntent::Add(entries));
                }
                if ui.button("Close").clicked() {
                    intent = Some(PasteIntent::Close);
                }
            });
        });
        if ui.input(|i| i.key_pressed(crate::ui::shortcuts::CLOSE.logical_key)) {
            return Some(PasteIntent::Close);
        }
        intent
    }
}

/// What will be captured, and every line left out or cut short.
fn preview(ui: &mut egui::Ui, records: &[TrendRecord], problems: &[(usize, String)]) {
    if records.is_empty() && problems.is_empty() {
        ui.label(theme::muted(
            ui,
            "One item per line, ranked or not; blank lines are skipped.",
        ));
        return;
    }
    ui.label(theme::muted(
        ui,
        format!("{} read", plural(records.len(), "item", "items")),
    ));
    egui::ScrollArea::vertical()
        .id_salt("trend-paste-preview")
        .max_height(180.0)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            egui::Grid::new("trend-paste-rows")
                .striped(true)
                .num_columns(3)
                .show(ui, |ui| {
                    for title in ["Line", "Rank", "Name"] {
                        ui.label(RichText::new(title).strong());
                    }
                    ui.end_row();
                    for r in records.iter().take(SHOWN) {
                        ui.label(r.line.to_string());
                        ui.label(r.capture.rank.map_or("–".to_string(), |n| format!("#{n}")));
                        ui.label(match r.item.kind {
                            TrendKind::Hashtag => format!("#{}", r.item.name),
                            _ => r.item.name.clone(),
                        });
                        ui.end_row();
                    }
                });
            if records.len() > SHOWN {
                let more = records.len() - SHOWN;
                ui.label(theme::muted(ui, format!("… and {more} more.")));
            }
        });
    for (line, reason) in problems {
        ui.label(theme::error_text(ui, format!("Line {line}: {reason}")));
    }
}
