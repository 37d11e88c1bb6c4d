//! How the window's width is shared between the navigation, the draft editor and the view
//! beside it. The editor may take at most [`EDITOR_MAX_SHARE`] of the window and never leaves
//! the view less than [`VIEW_MIN_WIDTH`]; egui clamps a width remembered from an earlier run
//! (or dragged by the user) into that range every frame, so a width saved by a wider window
//! or grown by overflowing content comes back within bounds. Nothing here draws.

use std::ops::RangeInclusive;

use crate::ui::editor;

/// The largest share of the window's width the editor panel may take.
pub const EDITOR_MAX_SHARE: f32 = 0.45;
/// The narrowest the editor panel gets (its form needs labels beside inputs).
pub const EDITOR_MIN_WIDTH: f32 = 340.0;
/// The room the view beside the editor keeps at least.
pub const VIEW_MIN_WIDTH: f32 = 440.0;

/// The widths the editor panel may have in a window `window` points wide, when `beside`
/// points are left of the navigation for the editor and the view together.
pub fn editor_width_range(window: f32, beside: f32) -> RangeInclusive<f32> {
    let max = (window * EDITOR_MAX_SHARE).min(beside - VIEW_MIN_WIDTH);
    let min = EDITOR_MIN_WIDTH.min(beside * 0.5);
    min..=max.max(min)
}

/// The editor's width the first time it opens, within the range.
pub fn editor_default_width(range: &RangeInclusive<f32>) -> f32 {
    editor::PANEL_WIDTH.clamp(*range.start(), *range.end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_editor_keeps_to_its_share_and_leaves_the_view_its_room() {
        for (window, nav) in [(1280.0, 212.0), (1440.0, 212.0), (2560.0, 212.0)] {
            let beside = window - nav;
            let range = editor_width_range(window, beside);
            assert!(*range.end() <= window * EDITOR_MAX_SHARE, "{window}");
            assert!(beside - range.end() >= VIEW_MIN_WIDTH, "{window}");
            assert!(range.start() <= range.end());
            let default = editor_default_width(&range);
            assert!(range.contains(&default));
        }
        let small = editor_width_range(700.0, 488.0);
        assert!(
            small.start() <= small.end(),
            "a tiny window still has a range"
        );
    }
}
