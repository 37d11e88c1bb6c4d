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

    #[test]
    fn every_common_caption_emoji_has_a_glyph() {
        for family in [FontFamily::Proportional, FontFamily::Monospace] {
            assert_eq!(
                missing(definitions(), family.clone(), CAPTION_EMOJI),
                Vec::<char>::new()
            );
        }
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
        for family in [FontFamily::Proportional, FontFamily::Monospace] {
            assert_eq!(
                missing(definitions(), family.clone(), UI_SIGNS),
                Vec::<char>::new()
            );
        }
        // Ubuntu Light alone has no arrows: they drew as empty boxes.
        let without = missing(
            FontDefinitions::default(),
            FontFamily::Proportional,
            UI_SIGNS,
        );
        assert!(without.contains(&'←'), "{without:?}");
    }
}
