//! The video itself: duration, aspect ratio, TikTok's native features (text, effects, green
//! screen, a trending effect from the list), Duet / Stitch / comments, and the media file
//! whose content hash feeds the duplicate check.

use eframe::egui::{self, ComboBox, DragValue, RichText};

use super::findings;
use super::form::{Fields, choice_row, input_label};
use crate::checks::Field;
use crate::domain::{AspectRatio, TrendKind};
use crate::ui::theme;
use crate::ui::view::Action;

/// The longest duration the input takes, in seconds: twice TikTok's 60-minute upload limit,
/// so the check, not the input, says what is too long.
const MAX_SECONDS: f32 = 7_200.0;

/// Duration and aspect ratio.
pub fn shape(ui: &mut egui::Ui, f: &mut Fields<'_>) {
    let label = input_label(ui, "Duration");
    let mut seconds = f.draft.duration_s.unwrap_or(0.0);
    ui.horizontal(|ui| {
        ui.add(
            DragValue::new(&mut seconds)
                .range(0.0..=MAX_SECONDS)
                .speed(0.1)
                .max_decimals(1)
                .custom_formatter(|v, _| {
                    if v <= 0.0 {
                        "–".to_string()
                    } else {
                        format!("{v:.1}")
                    }
                }),
        )
        .labelled_by(label)
        .on_hover_text(
            "The seed article advises 12-15 s (tip 5; it gave 5 s to 3 min as the range in \
             2023). TikTok now takes uploads up to 60 min and records up to 10 min in the app.",
        );
        ui.label(theme::muted(ui, "seconds").small());
    });
    ui.end_row();
    let seconds = (seconds > 0.0).then_some(seconds);
    if seconds != f.draft.duration_s {
        f.draft.duration_s = seconds;
    }
    findings::row(ui, f.findings, &[Field::Duration], f.fix);
    choice_row(
        ui,
        "Aspect ratio",
        &mut f.draft.aspect,
        AspectRatio::ALL,
        AspectRatio::label,
        f.width,
    );
    findings::row(ui, f.findings, &[Field::Aspect], f.fix);
}

/// Native features and the trending effect.
pub fn features(ui: &mut egui::Ui, f: &mut Fields<'_>) {
    input_label(ui, "Native features");
    ui.vertical(|ui| {
        let features = &mut f.draft.features;
        ui.horizontal_wrapped(|ui| {
            ui.checkbox(&mut features.text, "Text");
            ui.checkbox(&mut features.effects, "Effects");
            ui.checkbox(&mut features.green_screen, "Green screen");
        });
        let effects: Vec<String> = f
            .facts
            .session
            .as_ref()
            .map(|s| {
                s.trends()
                    .of_kind(TrendKind::Effect)
                    .map(|e| e.item.name.clone())
                    .collect()
            })
            .unwrap_or_default();
        let current = features.trending_effect.clone();
        let shown = current.as_deref().unwrap_or("No trending effect");
        let label = ui.label(theme::muted(ui, "Trending effect").small()).id;
        ComboBox::from_id_salt("editor-trending-effect")
            .selected_text(shown)
            .width(f.width)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut features.trending_effect, None, "No trending effect");
                if let Some(c) = current.filter(|c| !effects.contains(c)) {
                    ui.selectable_value(&mut features.trending_effect, Some(c.clone()), c);
                }
                for name in &effects {
                    ui.selectable_value(
                        &mut features.trending_effect,
                        Some(name.clone()),
                        name.as_str(),
                    );
                }
            })
            .response
            .labelled_by(label)
            .on_hover_text("Experiment with trending effects (seed tip 5)");
    });
    ui.end_row();
    findings::row(ui, f.findings, &[Field::Features], f.fix);
}

/// Duet, Stitch and comments.
pub fn interaction(ui: &mut egui::Ui, f: &mut Fields<'_>) {
    input_label(ui, "Others may");
    ui.horizontal_wrapped(|ui| {
        ui.checkbox(&mut f.draft.allow_duet, "Duet");
        ui.checkbox(&mut f.draft.allow_stitch, "Stitch");
        ui.checkbox(&mut f.draft.allow_comments, "Comment");
    });
    ui.end_row();
    findings::row(ui, f.findings, &[Field::Interaction], f.fix);
}

/// The media file: its path, its hash (or that it is being taken), and the chooser button.
pub fn media(
    ui: &mut egui::Ui,
    f: &mut Fields<'_>,
    hashing: bool,
    error: Option<&str>,
    actions: &mut Vec<Action>,
) {
    input_label(ui, "Media file");
    ui.vertical(|ui| {
        ui.set_max_width(f.width);
        match &f.draft.media_path {
            Some(path) => {
                ui.label(RichText::new(path).monospace().small());
            }
            None => {
                ui.label(theme::muted(ui, "No video chosen yet"));
            }
        }
        if hashing {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(theme::muted(ui, "Reading the file for duplicate detection…").small());
            });
        } else if let Some(hash) = &f.draft.media_hash {
            let short: String = hash.chars().take(12).collect();
            ui.label(theme::muted(ui, format!("Content hash {short}…")).small())
                .on_hover_text(format!(
                    "SHA-256 {hash}: another draft with the same file is a duplicate"
                ));
        }
        if let Some(error) = error {
            ui.label(theme::error_text(ui, error).small());
        }
        ui.horizontal(|ui| {
            if ui.button("Choose video…").clicked() {
                actions.push(Action::PickDraftMedia(f.draft.id));
            }
            if f.draft.media_path.is_some() && ui.button("Remove video").clicked() {
                f.draft.media_path = None;
                f.draft.media_hash = None;
            }
        });
    });
    ui.end_row();
    findings::row(ui, f.findings, &[Field::Media], f.fix);
}
