//! A button the member's team role may not allow: disabled, with a hover that says why (the
//! server would refuse the change for the same reason). Outside a team it is a plain button.

use eframe::egui::{self, Response, Widget};

use crate::workspace::team::{Capability, Permissions};

/// Adds `button`, enabled when `enabled` and the role allows `capability`.
pub fn button(
    ui: &mut egui::Ui,
    permissions: &Permissions,
    capability: Capability,
    enabled: bool,
    button: impl Widget,
) -> Response {
    let why_not = permissions.why_not(capability);
    let response = ui.add_enabled(enabled && why_not.is_none(), button);
    match why_not {
        Some(why) => response.on_disabled_hover_text(why),
        None => response,
    }
}
