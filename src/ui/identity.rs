//! How desktops recognise the window: its app id and its icon.
//!
//! The app id is the name Wayland compositors (app_id) and X11 window managers (WM_CLASS)
//! use to match the window to `assets/scrollstop.desktop`, whose file name, `Icon=` and
//! `StartupWMClass=` are the same string; `tests/packaging.rs` checks they agree. The icon is
//! the 256 px PNG rendered from `assets/icons/scrollstop.svg` by
//! `packaging/linux/make-icons.sh`, embedded so the window has it even when run from a
//! build directory rather than installed.

use std::sync::Arc;

use eframe::egui::IconData;

/// The desktop app id: the binary's name, the .desktop file's stem and its `StartupWMClass`.
pub const APP_ID: &str = "scrollstop";

/// The window icon's PNG, the same file the Linux package installs in the hicolor theme.
const ICON_PNG: &[u8] = include_bytes!("../../assets/icons/hicolor/256x256/apps/scrollstop.png");

/// The decoded window icon. Should the embedded PNG not decode, the empty icon, which
/// eframe treats as "no icon": the window then shows the desktop's default icon.
pub fn window_icon() -> Arc<IconData> {
    Arc::new(eframe::icon_data::from_png_bytes(ICON_PNG).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_icon_decodes_to_a_square_rgba_image() {
        let icon = window_icon();
        assert_eq!((icon.width, icon.height), (256, 256));
        assert_eq!(icon.rgba.len(), 256 * 256 * 4);
        // The corners are transparent (rounded square), the centre is opaque.
        assert_eq!(icon.rgba[3], 0);
        let centre = (128 * 256 + 128) * 4;
        assert_eq!(icon.rgba[centre + 3], 255);
    }
}
