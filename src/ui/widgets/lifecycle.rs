//! The colour a trend item's lifecycle chip wears. The lifecycle itself is read from the rank
//! history by [`crate::domain::lifecycle`], the one rule the Trends view and the checks share.

use eframe::egui::{self, Color32};

use crate::domain::Lifecycle;
use crate::ui::theme;

/// Green while rising, amber at its peak, grey once fading.
pub fn colour(lifecycle: Lifecycle, ui: &egui::Ui) -> Color32 {
    let p = theme::palette(ui);
    match lifecycle {
        Lifecycle::New => p.info,
        Lifecycle::Rising => p.ok,
        Lifecycle::Peaking => p.warn,
        Lifecycle::Fading => p.muted,
    }
}
