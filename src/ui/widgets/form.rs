//! Labelled form rows for a two-column [`egui::Grid`]: the label names the input for screen
//! readers and UI tests (`labelled_by`), so no input is ever anonymous.

use eframe::egui::{self, Response, TextEdit};

use crate::ui::theme;

/// A label in the first column; returns its id for `labelled_by`.
pub fn label(ui: &mut egui::Ui, text: &str) -> egui::Id {
    let size = egui::vec2(theme::FORM_LABEL_WIDTH, ui.spacing().interact_size.y);
    let layout = egui::Layout::left_to_right(egui::Align::Center);
    ui.allocate_ui_with_layout(size, layout, |ui| {
        ui.set_min_size(size);
        ui.label(theme::muted(ui, text)).id
    })
    .inner
}

/// A single-line text row: `text` labels `value`, `hint` shows while it is empty.
pub fn text_row(ui: &mut egui::Ui, text: &str, value: &mut String, hint: &str) -> Response {
    sized_text_row(ui, text, value, hint, theme::FORM_INPUT_WIDTH)
}

/// A single-line text row for long values (lists of hashtags).
pub fn wide_text_row(ui: &mut egui::Ui, text: &str, value: &mut String, hint: &str) -> Response {
    sized_text_row(ui, text, value, hint, theme::FORM_INPUT_WIDTH * 1.5)
}

fn sized_text_row(
    ui: &mut egui::Ui,
    text: &str,
    value: &mut String,
    hint: &str,
    width: f32,
) -> Response {
    let label = label(ui, text);
    let response = ui
        .add(
            TextEdit::singleline(value)
                .hint_text(hint.to_string())
                .desired_width(width),
        )
        .labelled_by(label);
    ui.end_row();
    response
}

/// A multi-line text row.
pub fn multiline_row(ui: &mut egui::Ui, text: &str, value: &mut String, hint: &str) -> Response {
    let label = label(ui, text);
    let response = ui
        .add(
            TextEdit::multiline(value)
                .hint_text(hint.to_string())
                .desired_rows(2)
                .desired_width(theme::FORM_INPUT_WIDTH * 1.5),
        )
        .labelled_by(label);
    ui.end_row();
    response
}

/// A number row with a unit after it.
pub fn number_row<N: egui::emath::Numeric>(
    ui: &mut egui::Ui,
    text: &str,
    value: &mut N,
    range: std::ops::RangeInclusive<N>,
    unit: &str,
) -> Response {
    let label = label(ui, text);
    let response = ui
        .horizontal(|ui| {
            let drag = ui
                .add(egui::DragValue::new(value).range(range).speed(0.1))
                .labelled_by(label);
            ui.label(theme::muted(ui, unit));
            drag
        })
        .inner;
    ui.end_row();
    response
}

/// A two-column grid with the form's spacing.
pub fn grid(id_salt: impl egui::AsIdSalt) -> egui::Grid {
    egui::Grid::new(id_salt)
        .num_columns(2)
        .spacing(egui::vec2(theme::SPACE_M, 8.0))
        .striped(false)
}
