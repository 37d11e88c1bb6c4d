//! The window's fonts: egui's own (Ubuntu Light, Hack, and the `monochrome_emoji_fonts`
//! feature's emoji fonts), with a current monochrome Noto Emoji put before egui's older copy,
//! so the emoji people put in captions (🥺, 🤌, 🫶, 🫠…) draw as emoji, not as empty boxes.
//! Hack, egui's monospace font, is the proportional family's last fallback: Ubuntu Light has
//! no arrows, and the window writes them ("Post time ← vid_postTime", "Calendar → Export").
//!
//! Noto Emoji Regular (Google Fonts v64, from the `@expo-google-fonts/noto-emoji` 0.4.7
//! package) is under the SIL Open Font License 1.1: `assets/fonts/NotoEmoji-OFL.txt`. It is
//! monochrome because egui draws glyphs in the text colour.
//!
//! Fonts only: nothing here draws or reads the workspace.

use std::sync::Arc;

use eframe::egui::{self, FontData, FontDefinitions, FontFamily};

/// Noto Emoji Regular, monochrome (about 0.9 MB).
const NOTO_EMOJI: &[u8] = include_bytes!("../../assets/fonts/NotoEmoji-Regular.ttf");

/// The name the current Noto Emoji is registered under.
const NOTO_EMOJI_NAME: &str = "NotoEmoji-Regular-v64";

/// The name of egui's own, older emoji font, which the current one goes before.
const EGUI_EMOJI_NAME: &str = "NotoEmoji-Regular";

/// The name of egui's monospace font, which has the arrows Ubuntu Light lacks.
const EGUI_MONOSPACE_NAME: &str = "Hack";

/// egui's default fonts with the current Noto Emoji before egui's own emoji font in both
/// families, and Hack after the rest in the proportional one.
pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        NOTO_EMOJI_NAME.to_string(),
        Arc::new(FontData::from_static(NOTO_EMOJI)),
    );
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        let names = fonts.families.entry(family).or_default();
        let at = names
            .iter()
            .position(|name| name == EGUI_EMOJI_NAME)
            .unwrap_or(names.len());
        names.insert(at, NOTO_EMOJI_NAME.to_string());
    }
    fonts
        .families
        .entry(FontFamily::Proportional)
        .or_default()
        .push(EGUI_MONOSPACE_NAME.to_string());
    fonts
}

/// Installs [`definitions`] in `ctx`.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}

/// The characters most of the window's text is made of: printable ASCII, the punctuation its
/// labels write, and the ligatures the shaper makes of them ("files" is drawn with an "fi").
const WARM_UP_TEXT: &str = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`\
    abcdefghijklmnopqrstuvwxyz{|}~…·–—←→✔×• fi fl ff ffi ffl";

/// The sub-pixel offsets egui draws a glyph at (a quarter pixel apart).
const SUB_PIXEL_OFFSETS: u8 = 4;

/// Draws [`WARM_UP_TEXT`] into the font atlas in the `n`th font of the window's text styles, at
/// every sub-pixel offset; false when there is no `n`th font. Called with 0, 1, 2… in the frames
/// after launch, one font a frame, the glyphs are drawn then instead of in the frame that first
/// shows a table: the Drafts table's first frame on a team's workspace spent 3 of its 10 ms
/// drawing glyphs (`perf`).
pub fn warm_up(ctx: &egui::Context, n: usize) -> bool {
    let mut fonts: Vec<egui::FontId> = Vec::new();
    for font in ctx.global_style().text_styles.values() {
        if !fonts.contains(font) {
            fonts.push(font.clone());
        }
    }
    let Some(font) = fonts.get(n) else {
        return false;
    };
    let pixel = 1.0 / ctx.pixels_per_point();
    ctx.fonts_mut(|atlas| {
        for offset in 0..SUB_PIXEL_OFFSETS {
            let mut job = egui::text::LayoutJob::default();
            let format = egui::TextFormat::simple(font.clone(), egui::Color32::WHITE);
            let leading = f32::from(offset) * pixel / f32::from(SUB_PIXEL_OFFSETS);
            job.append(WARM_UP_TEXT, leading, format);
            atlas.layout_job(job);
        }
    });
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Emoji people put in captions: TikTok's most used faces and hearts, hooks and arrows,
    /// and the newer ones (🥹 🫶 🫠 🪩) that egui's own emoji font predates.
    const CAPTION_EMOJI: &str = "😂🤣❤💀😭🔥✨🥺😍🙏👀💅🤌😳🥰🤔😅🙌👏💯✅❌⚠➡⬇👇👉📌💡📚🧶🧵🎧🎶🎵💪🏋🧘🍳🥗☕🧋🌱🌸🌞🌙⭐💖💜🖤🤍🤎💛💚💙🧡😎🤩🥳🎉🎁📸🎬📱💻🛍💰📈📉⏰⌛🗓🏆🥇🤯🫶🥹🫠🪩🩷";

    /// Arrows and signs the window's own text uses.
    const UI_SIGNS: &str = "←→↑↓–—…•×";

    fn missing(fonts: FontDefinitions, family: FontFamily, text: &str) -> Vec<char> {
        let ctx = egui::Context::default();
        ctx.set_fonts(fonts);
        // Fonts are loaded with the first frame.
        let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
        output.textures_delta.clear();
        let font = egui::FontId::new(14.0, family);
        ctx.fonts_mut(|f| text.chars().filter(|c| !f.has_glyph(&font, *c)).collect())
    }

    /// Runs one frame of `ui` (its texture changes are not painted anywhere).
    fn frame(ctx: &egui::Context, ui: impl FnMut(&mut egui::Ui)) {
        ctx.run_ui(Default::default(), ui).textures_delta.clear();
    }

    /// The font atlas before and after a frame that draws the window's usual text, warmed up
    /// or not.
    fn atlas_after_drawing(warmed: bool) -> (egui::ColorImage, egui::ColorImage) {
        let ctx = egui::Context::default();
        install(&ctx);
        frame(&ctx, |_| {});
        let mut n = 0;
        while warmed && {
            let mut more = false;
            frame(&ctx, |ui| more = warm_up(ui.ctx(), n));
            more
        } {
            n += 1;
        }
        let before = ctx.fonts(|f| f.image());
        frame(&ctx, |ui| {
            ui.heading("Drafts (10,000)");
            ui.label("Rainy knits — 12.3K views · Approved");
            ui.small("Forecasting in the background…");
            ui.monospace("Post time ← vid_postTime");
            let _ = ui.button("Import files… (Ctrl+I)");
        });
        (before, ctx.fonts(|f| f.image()))
    }

    #[test]
    fn after_the_warm_up_the_window_s_text_draws_no_new_glyphs() {
        let (before, after) = atlas_after_drawing(false);
        assert_ne!(before, after, "without it, the labels draw new glyphs");
        let (before, after) = atlas_after_drawing(true);
        assert_eq!(before, after);
    }

    /// Every character of `text` has a glyph in the window's fonts, in both families.
    fn assert_both_families_draw(text: &str) {
        for family in [FontFamily::Proportional, FontFamily::Monospace] {
            assert_eq!(missing(definitions(), family, text), Vec::<char>::new());
        }
    }

    #[test]
    fn every_common_caption_emoji_has_a_glyph() {
        assert_both_families_draw(CAPTION_EMOJI);
        // egui's fonts alone lack many of them: the font is what fixed the empty boxes.
        let without = missing(
            FontDefinitions::default(),
            FontFamily::Proportional,
            CAPTION_EMOJI,
        );
        assert!(without.len() > 10);
    }

    #[test]
    fn the_arrows_the_window_writes_have_glyphs() {
        assert_both_families_draw(UI_SIGNS);
        // Ubuntu Light alone has no arrows: they drew as empty boxes.
        let without = missing(
            FontDefinitions::default(),
            FontFamily::Proportional,
            UI_SIGNS,
        );
        assert!(without.contains(&'←'), "{without:?}");
    }
}
