//! The sound: typed, or picked from the trend lists' sounds with where each is in its life
//! (new, rising, peaking, fading) and its rank; its BPM; and whether the chosen sound trends.

use eframe::egui::{self, ComboBox, DragValue, RichText, TextEdit};

use super::findings;
use super::form::{Fields, input_label};
use crate::checks::Field;
use crate::checks::TrendBook;
use crate::domain::TrendKind;
use crate::ui::theme;
use crate::ui::widgets::lifecycle;

/// The fastest tempo the BPM input takes.
const MAX_BPM: u16 = 400;

/// Sound, trending picker, BPM and the sound's findings.
pub fn ui(ui: &mut egui::Ui, f: &mut Fields<'_>) {
    let trends = f.facts.session.as_ref().map(|s| s.trends());
    let label = input_label(ui, "Sound");
    ui.vertical(|ui| {
        let mut name = f.draft.sound.clone().unwrap_or_default();
        let typed = ui
            .add(
                TextEdit::singleline(&mut name)
                    .hint_text("title - author, or pick a trending sound")
                    .desired_width(f.width),
            )
            .labelled_by(label);
        if typed.changed() {
            f.draft.sound = (!name.trim().is_empty()).then_some(name);
        }
        if let Some(trends) = trends {
            picker(ui, f, trends);
            status(ui, f, trends);
        }
    });
    ui.end_row();

    let label = input_label(ui, "BPM");
    let mut bpm = f.draft.sound_bpm.unwrap_or(0);
    ui.horizontal(|ui| {
        ui.add(
            DragValue::new(&mut bpm)
                .range(0..=MAX_BPM)
                .custom_formatter(|v, _| {
                    if v < 1.0 {
                        "–".to_string()
                    } else {
                        format!("{v:.0}")
                    }
                }),
        )
        .labelled_by(label)
        .on_hover_text("Beats per minute; 120 or more has the best watch-through (seed tip 5)");
        ui.label(theme::muted(ui, "beats per minute").small());
    });
    ui.end_row();
    let bpm = (bpm > 0).then_some(bpm);
    if bpm != f.draft.sound_bpm {
        f.draft.sound_bpm = bpm;
    }
    findings::row(ui, f.findings, &[Field::Sound], f.fix);
}

fn picker(ui: &mut egui::Ui, f: &mut Fields<'_>, trends: &TrendBook) {
    let mut sounds: Vec<_> = trends.of_kind(TrendKind::Sound).collect();
    if sounds.is_empty() {
        return;
    }
    sounds.sort_by_key(|e| e.rank.unwrap_or(u32::MAX));
    let label = ui.label(theme::muted(ui, "Trending sounds").small()).id;
    ComboBox::from_id_salt("editor-trending-sound")
        .selected_text("Pick a trending sound")
        .width(f.width)
        .show_ui(ui, |ui| {
            for e in sounds {
                let rank = e.rank.map_or(String::new(), |r| format!("#{r} "));
                let bpm = e.item.bpm.map_or(String::new(), |b| format!(" · {b} BPM"));
                let text = RichText::new(format!(
                    "{rank}{} · {}{bpm}",
                    e.item.name,
                    e.lifecycle.label()
                ))
                .color(lifecycle::colour(e.lifecycle, ui));
                let chosen = f.draft.sound.as_deref() == Some(e.item.name.as_str());
                if ui.selectable_label(chosen, text).clicked() {
                    f.draft.sound = Some(e.item.name.clone());
                    f.draft.sound_bpm = e.item.bpm;
                }
            }
        })
        .response
        .labelled_by(label);
}

fn status(ui: &mut egui::Ui, f: &Fields<'_>, trends: &TrendBook) {
    let Some(name) = f.draft.sound.as_deref().filter(|s| !s.trim().is_empty()) else {
        return;
    };
    let text = match trends.sound(name) {
        Some(e) => {
            let rank = e.rank.map_or(String::new(), |r| format!(", #{r}"));
            let stale = if e.is_stale(trends.now()) {
                " (the list is older than its period)"
            } else {
                ""
            };
            RichText::new(format!(
                "Trending: {}{rank} on the {}-day list{stale}",
                e.lifecycle.label(),
                e.period_days
            ))
            .color(lifecycle::colour(e.lifecycle, ui))
        }
        None => theme::muted(ui, "Not on your trend lists"),
    };
    ui.label(text.small());
}
