//! The agenda: the planned posts as a list grouped by day in the account's zone, each with its
//! time there and, where it differs, the viewer's own clock time. With all accounts shown, each
//! post also names its account (in the account's colour) and its time on the account's clock.

use chrono::NaiveDate;
use eframe::egui::{self, Align, Layout, RichText};

use super::data::{CalEntry, CalendarData};
use super::paint;
use super::predictions::Predictions;
use crate::domain::DraftId;
use crate::ui::theme;
use crate::ui::widgets::format::plural;
use crate::ui::widgets::status_chip::status_chip;
use crate::ui::widgets::zone_time::day_heading;

/// Draws the agenda; returns the draft to open when one was double-clicked.
pub fn ui(
    ui: &mut egui::Ui,
    data: &CalendarData,
    today: NaiveDate,
    predictions: &Predictions,
) -> Option<DraftId> {
    let mut open = None;
    egui::ScrollArea::vertical()
        .id_salt("calendar-agenda")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (date, indices) in &data.by_date {
                let posts = plural(indices.len(), "post", "posts");
                ui.horizontal(|ui| {
                    let heading = RichText::new(day_heading(*date, today))
                        .text_style(theme::subheading())
                        .strong();
                    let heading = if *date < today {
                        heading.color(theme::palette(ui).muted)
                    } else {
                        heading
                    };
                    ui.label(heading);
                    ui.label(theme::muted(ui, posts));
                    if let Some(why) = data.busy_days.get(date) {
                        ui.label(RichText::new(format!("⚠ {why}")).color(theme::palette(ui).warn));
                    }
                });
                ui.add_space(theme::SPACE_S);
                theme::card(ui).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    for &i in indices {
                        if let Some(id) =
                            entry_ui(ui, &data.entries[i], data.any_viewer_time, predictions)
                        {
                            open = Some(id);
                        }
                    }
                });
                ui.add_space(theme::SPACE_M);
            }
        });
    open
}

/// Lays out `add` in a cell `width` wide, so the agenda's columns line up across days.
fn cell(ui: &mut egui::Ui, width: f32, add: impl FnOnce(&mut egui::Ui)) {
    let size = egui::vec2(width, ui.spacing().interact_size.y);
    ui.allocate_ui_with_layout(size, Layout::left_to_right(Align::Center), |ui| {
        ui.set_min_width(width);
        add(ui);
    });
}

fn entry_ui(
    ui: &mut egui::Ui,
    entry: &CalEntry,
    show_viewer_time: bool,
    predictions: &Predictions,
) -> Option<DraftId> {
    let mut open = None;
    // Wrapped: with all accounts shown a row holds more than a narrow window has room for.
    ui.horizontal_wrapped(|ui| {
        // Whole pieces move to the next line; a chip never breaks inside its name.
        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
        cell(ui, 56.0, |ui| {
            ui.label(RichText::new(&entry.time).monospace().strong());
        });
        if show_viewer_time {
            cell(ui, 136.0, |ui| {
                if let Some(t) = &entry.viewer_time {
                    ui.label(theme::muted(ui, t));
                }
            });
        }
        if let Some(tag) = &entry.account {
            cell(ui, 116.0, |ui| {
                theme::chip(ui, &tag.handle, tag.colour);
            });
            cell(ui, 76.0, |ui| {
                if let Some(own) = &tag.local_time {
                    ui.label(theme::muted(ui, format!("{own} local")))
                        .on_hover_text("The time on the account's own clock");
                }
            });
        }
        cell(ui, 96.0, |ui| {
            if let Some(status) = entry.status {
                status_chip(ui, status);
            }
        });
        let title = ui.add(
            egui::Label::new(RichText::new(&entry.title).strong()).sense(egui::Sense::click()),
        );
        if title.double_clicked() {
            open = Some(entry.entry.draft);
        }
        let predicted = predictions.of(&entry.entry);
        title.on_hover_ui(|ui| paint::entry_tooltip(ui, entry, predicted));
        if let Some(range) = predicted {
            ui.label(theme::muted(ui, range));
        }
        if let Some((name, colour)) = &entry.subculture {
            theme::chip(ui, name, *colour);
        }
        if entry.entry.pinned {
            ui.label(theme::muted(ui, "pinned"));
        }
        if let Some(shifted) = &entry.shifted {
            let warn = theme::palette(ui).warn;
            ui.label(RichText::new(shifted).color(warn))
                .on_hover_text("The zone's clock change moved this post; check the time.");
        }
        if !entry.warnings.is_empty() {
            let warn = theme::palette(ui).warn;
            ui.label(RichText::new("⚠").color(warn))
                .on_hover_text(entry.warnings.join("\n"));
        }
    });
    open
}
