//! The one place for Scrollstop's look: spacing, text sizes, colours and the frames of the
//! window's regions. [`apply`] sets egui's light and dark styles once at start; views ask this
//! module for colours and headings instead of hard-coding them, so both themes stay readable.

use eframe::egui::{
    self, Color32, CornerRadius, FontFamily, FontId, Margin, RichText, Stroke, TextStyle, Theme,
};

use crate::domain::Colour;

/// Small gap between related items.
pub const SPACE_S: f32 = 4.0;
/// Gap between groups in a form or list.
pub const SPACE_M: f32 = 10.0;
/// Gap between sections of a view.
pub const SPACE_L: f32 = 20.0;
/// Width of the left navigation.
pub const NAV_WIDTH: f32 = 212.0;
/// Width of the label column in forms.
pub const FORM_LABEL_WIDTH: f32 = 120.0;
/// Width of single-line inputs in forms.
pub const FORM_INPUT_WIDTH: f32 = 280.0;

/// TikTok's red-pink, the accent of selected items and primary buttons.
const ACCENT: Color32 = Color32::from_rgb(254, 44, 85);
/// TikTok's cyan, used sparingly for secondary highlights.
const ACCENT_2: Color32 = Color32::from_rgb(37, 200, 210);

/// Colours that carry meaning, for the active theme.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    pub accent: Color32,
    pub accent_2: Color32,
    /// Text on an accent fill.
    pub on_accent: Color32,
    pub ok: Color32,
    pub warn: Color32,
    pub error: Color32,
    pub info: Color32,
    /// Secondary text (hints, captions, units).
    pub muted: Color32,
    /// Background of cards and table headers.
    pub card: Color32,
    /// Background of the navigation.
    pub nav: Color32,
    /// Hairlines between regions and around cards.
    pub line: Color32,
}

/// The palette of the theme `ui` is drawn in.
pub fn palette(ui: &egui::Ui) -> Palette {
    if ui.visuals().dark_mode {
        Palette {
            accent: ACCENT,
            accent_2: ACCENT_2,
            on_accent: Color32::WHITE,
            ok: Color32::from_rgb(86, 196, 120),
            warn: Color32::from_rgb(240, 180, 60),
            error: Color32::from_rgb(255, 110, 110),
            info: Color32::from_rgb(110, 170, 255),
            muted: Color32::from_gray(150),
            card: Color32::from_rgb(36, 37, 43),
            nav: Color32::from_rgb(22, 23, 27),
            line: Color32::from_gray(60),
        }
    } else {
        Palette {
            accent: Color32::from_rgb(222, 22, 68),
            accent_2: Color32::from_rgb(0, 140, 150),
            on_accent: Color32::WHITE,
            ok: Color32::from_rgb(30, 130, 60),
            warn: Color32::from_rgb(170, 105, 0),
            error: Color32::from_rgb(190, 30, 40),
            info: Color32::from_rgb(30, 100, 200),
            muted: Color32::from_gray(105),
            card: Color32::WHITE,
            nav: Color32::from_rgb(240, 241, 245),
            line: Color32::from_gray(218),
        }
    }
}

/// Sets the fonts, and spacing, text sizes and colours of both themes. Call once at start.
pub fn apply(ctx: &egui::Context) {
    super::fonts::install(ctx);
    for theme in [Theme::Light, Theme::Dark] {
        ctx.style_mut_of(theme, |style| {
            style.text_styles = [
                (
                    TextStyle::Heading,
                    FontId::new(22.0, FontFamily::Proportional),
                ),
                (subheading(), FontId::new(16.0, FontFamily::Proportional)),
                (TextStyle::Body, FontId::new(14.0, FontFamily::Proportional)),
                (
                    TextStyle::Button,
                    FontId::new(14.0, FontFamily::Proportional),
                ),
                (
                    TextStyle::Monospace,
                    FontId::new(13.0, FontFamily::Monospace),
                ),
                (
                    TextStyle::Small,
                    FontId::new(11.5, FontFamily::Proportional),
                ),
            ]
            .into();
            let spacing = &mut style.spacing;
            spacing.item_spacing = egui::vec2(8.0, 6.0);
            spacing.button_padding = egui::vec2(10.0, 4.0);
            spacing.interact_size.y = 24.0;
            spacing.window_margin = Margin::same(14);
            spacing.menu_margin = Margin::same(8);
            spacing.combo_width = FORM_INPUT_WIDTH;
            spacing.text_edit_width = FORM_INPUT_WIDTH;

            let dark = theme == Theme::Dark;
            let visuals = &mut style.visuals;
            let accent = if dark {
                ACCENT
            } else {
                Color32::from_rgb(222, 22, 68)
            };
            // Selected entries: a calm accent fill with text that reads on it.
            visuals.selection.bg_fill = if dark {
                accent.gamma_multiply(0.45)
            } else {
                accent.gamma_multiply(0.16)
            };
            let on_selection = if dark {
                Color32::WHITE
            } else {
                Color32::from_rgb(150, 10, 45)
            };
            visuals.selection.stroke = Stroke::new(1.0, on_selection);
            visuals.hyperlink_color = if dark {
                ACCENT_2
            } else {
                Color32::from_rgb(0, 120, 130)
            };
            visuals.panel_fill = if dark {
                Color32::from_rgb(28, 29, 34)
            } else {
                Color32::from_rgb(250, 250, 252)
            };
            visuals.faint_bg_color = if dark {
                Color32::from_rgb(34, 35, 41)
            } else {
                Color32::from_rgb(244, 245, 248)
            };
            visuals.striped = true;
            // Inputs must stand out from white cards in the light theme.
            visuals.text_edit_bg_color = Some(if dark {
                Color32::from_rgb(16, 17, 21)
            } else {
                Color32::from_rgb(241, 242, 246)
            });
            if !dark {
                visuals.widgets.inactive.bg_stroke = Stroke::new(1.0, Color32::from_gray(212));
            }
            visuals.window_corner_radius = CornerRadius::same(8);
            for widget in [
                &mut visuals.widgets.inactive,
                &mut visuals.widgets.hovered,
                &mut visuals.widgets.active,
                &mut visuals.widgets.open,
                &mut visuals.widgets.noninteractive,
            ] {
                widget.corner_radius = CornerRadius::same(5);
            }
        });
    }
}

/// The text style between heading and body, for section titles inside a view.
pub fn subheading() -> TextStyle {
    TextStyle::Name("Subheading".into())
}

/// A view's title with a one-line explanation under it.
pub fn view_heading(ui: &mut egui::Ui, title: &str, explanation: &str) {
    ui.add_space(SPACE_S);
    ui.heading(RichText::new(title).strong());
    ui.label(RichText::new(explanation).color(palette(ui).muted));
    ui.add_space(SPACE_M);
}

/// The product's name in its two colours.
pub fn wordmark(ui: &mut egui::Ui, size: f32) {
    let p = palette(ui);
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 0.0;
        ui.label(RichText::new("Scroll").size(size).strong().color(p.accent));
        ui.label(RichText::new("stop").size(size).strong().color(p.accent_2));
    });
}

/// A section title inside a view, with space above and below.
pub fn section_heading(ui: &mut egui::Ui, title: &str) {
    ui.add_space(SPACE_M);
    ui.label(section_title(title));
    ui.add_space(SPACE_S);
}

/// The text of a section title, for rows that hold more than the title.
pub fn section_title(title: &str) -> RichText {
    RichText::new(title).text_style(subheading()).strong()
}

/// Secondary text (hints, units, captions).
pub fn muted(ui: &egui::Ui, text: impl Into<String>) -> RichText {
    RichText::new(text).color(palette(ui).muted)
}

/// Text in the error colour, for messages that block an edit.
pub fn error_text(ui: &egui::Ui, text: impl Into<String>) -> RichText {
    RichText::new(text).color(palette(ui).error)
}

/// Text in the warning colour, for what was done that the user may want otherwise.
pub fn warn_text(ui: &egui::Ui, text: impl Into<String>) -> RichText {
    RichText::new(text).color(palette(ui).warn)
}

/// A subculture's colour on screen.
pub fn colour(c: Colour) -> Color32 {
    let [r, g, b] = c.0;
    Color32::from_rgb(r, g, b)
}

/// Distinct hues for telling accounts apart side by side (the all-accounts calendar), chosen to
/// stay readable on light and dark backgrounds and away from the status colours' red.
const ACCOUNT_HUES: [Color32; 8] = [
    Color32::from_rgb(66, 133, 244),
    Color32::from_rgb(233, 150, 30),
    Color32::from_rgb(156, 95, 220),
    Color32::from_rgb(38, 166, 154),
    Color32::from_rgb(214, 88, 160),
    Color32::from_rgb(120, 160, 40),
    Color32::from_rgb(96, 125, 139),
    Color32::from_rgb(190, 120, 80),
];

/// An account's colour: stable for the account (its row id picks the hue), so the same client
/// keeps its colour from run to run.
pub fn account_colour(account: crate::domain::AccountId) -> Color32 {
    ACCOUNT_HUES[account.0.rem_euclid(ACCOUNT_HUES.len() as i64) as usize]
}

/// Frame of a card: a list entry or a form that stands out from the panel.
pub fn card(ui: &egui::Ui) -> egui::Frame {
    let p = palette(ui);
    egui::Frame::new()
        .fill(p.card)
        .stroke(Stroke::new(1.0, p.line))
        .corner_radius(CornerRadius::same(8))
        .inner_margin(Margin::symmetric(14, 10))
}

/// Frame of the left navigation.
pub fn nav_frame(ui: &egui::Ui) -> egui::Frame {
    egui::Frame::new()
        .fill(palette(ui).nav)
        .inner_margin(Margin::symmetric(12, 14))
}

/// Frame of the status bar at the bottom.
pub fn status_frame(ui: &egui::Ui) -> egui::Frame {
    egui::Frame::new()
        .fill(palette(ui).nav)
        .inner_margin(Margin::symmetric(12, 5))
}

/// Frame of the "Getting started" strip above the current view: the card colour, a hairline
/// below it.
pub fn checklist_frame(ui: &egui::Ui) -> egui::Frame {
    egui::Frame::new()
        .fill(palette(ui).card)
        .inner_margin(Margin::symmetric(16, 8))
        .stroke(Stroke::new(1.0, palette(ui).line))
}

/// Frame of the central panel that holds the current view.
pub fn content_frame(ui: &egui::Ui) -> egui::Frame {
    egui::Frame::new()
        .fill(ui.visuals().panel_fill)
        .inner_margin(Margin::symmetric(24, 16))
}

/// A filled accent button for the primary action of a screen.
pub fn primary_button(ui: &egui::Ui, text: &str) -> egui::Button<'static> {
    let p = palette(ui);
    egui::Button::new(RichText::new(text.to_string()).color(p.on_accent).strong()).fill(p.accent)
}

/// A small rounded chip, e.g. a hashtag or a status. It is one widget: in a wrapping row it
/// moves to the next line as a whole, and its text never wraps (a pill broken over several
/// lines reads as letters); a text wider than the whole row is cut with "…".
pub fn chip(ui: &mut egui::Ui, text: &str, tint: Color32) -> egui::Response {
    let galley = chip_text(ui, text);
    let margin = CHIP_MARGIN;
    let (rect, response) =
        ui.allocate_exact_size(galley.size() + 2.0 * margin, egui::Sense::hover());
    if ui.is_rect_visible(rect) {
        ui.painter().rect(
            rect,
            CornerRadius::same(10),
            tint.gamma_multiply(0.18),
            Stroke::new(1.0, tint.gamma_multiply(0.6)),
            egui::StrokeKind::Inside,
        );
        let colour = ui.visuals().text_color();
        ui.painter().galley(rect.min + margin, galley, colour);
    }
    let enabled = ui.is_enabled();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, enabled, text));
    response
}

/// Space between a chip's outline and its text.
const CHIP_MARGIN: egui::Vec2 = egui::vec2(7.0, 1.0);

/// The text of a chip, on one line, cut to the widest row `ui` has.
fn chip_text(ui: &egui::Ui, text: &str) -> std::sync::Arc<egui::Galley> {
    let widest = (ui.max_rect().width() - 2.0 * CHIP_MARGIN.x).max(2.0 * SPACE_L);
    egui::WidgetText::from(RichText::new(text).small()).into_galley(
        ui,
        Some(egui::TextWrapMode::Truncate),
        widest,
        TextStyle::Small,
    )
}

/// How wide [`chip`] draws `text` in `ui`.
pub fn chip_width(ui: &egui::Ui, text: &str) -> f32 {
    chip_text(ui, text).size().x + 2.0 * CHIP_MARGIN.x
}

/// A colour swatch of `size` points.
pub fn swatch(ui: &mut egui::Ui, fill: Color32, size: f32) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(egui::vec2(size, size), egui::Sense::hover());
    ui.painter()
        .rect_filled(rect, CornerRadius::same((size / 4.0) as u8), fill);
    response
}

/// A workspace file's path as the window shows it on its own: monospace and strong.
pub fn file_path(path: &std::path::Path) -> RichText {
    RichText::new(path.display().to_string())
        .monospace()
        .strong()
}
