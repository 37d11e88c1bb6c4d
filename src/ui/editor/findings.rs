//! The seed's checks next to the fields they concern: a severity icon in its colour, the
//! message (which cites the seed's number), the seed's line on hover, and a one-click fix
//! where the check offers one. A clicked fix goes back to the editor, which applies it with
//! `Fix::apply` (in `checks`), so it autosaves and Ctrl+Z takes it back like any other edit.

use eframe::egui::{self, Color32, RichText};

use crate::checks::{Field, Finding, Fix, Severity, tally};
use crate::ui::theme;
use crate::ui::widgets::format::plural;

/// The button text of a fix.
pub fn fix_label(fix: &Fix) -> String {
    match fix {
        Fix::TrimCaption { .. } => "Trim the caption".to_string(),
        Fix::UseSound { name, .. } => format!("Use \"{name}\""),
        Fix::AllowDuetAndStitch => "Switch Duet and Stitch on".to_string(),
        Fix::MakeVertical => "Make it 9:16".to_string(),
        Fix::MarkPosted => "Mark posted".to_string(),
        Fix::Replan => "Re-plan".to_string(),
    }
}

/// The icon and colour of a severity.
pub fn severity_mark(ui: &egui::Ui, severity: Severity) -> (&'static str, Color32) {
    let p = theme::palette(ui);
    match severity {
        Severity::Error => ("⛔", p.error),
        Severity::Warning => ("⚠", p.warn),
        Severity::Tip => ("ℹ", p.info),
    }
}

/// The findings about `fields`, each with its fix button; a clicked fix lands in `fix`.
pub fn list(ui: &mut egui::Ui, findings: &[Finding], fields: &[Field], fix: &mut Option<Fix>) {
    for finding in findings.iter().filter(|f| fields.contains(&f.field)) {
        let (icon, colour) = severity_mark(ui, finding.severity);
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing.x = theme::SPACE_S;
            let hover = format!(
                "{} ({}). From the seed article: {}",
                finding.rule,
                finding.severity.label(),
                finding.source
            );
            ui.label(RichText::new(icon).color(colour))
                .on_hover_text(&hover);
            ui.label(RichText::new(&finding.message).color(colour).small())
                .on_hover_text(&hover);
            for f in finding.fix.iter().chain(&finding.also) {
                if ui
                    .small_button(fix_label(f))
                    .on_hover_text("Apply this fix (Ctrl+Z takes it back)")
                    .clicked()
                {
                    *fix = Some(f.clone());
                }
            }
        });
    }
}

/// A grid row under a field with its findings; nothing when there are none.
pub fn row(ui: &mut egui::Ui, findings: &[Finding], fields: &[Field], fix: &mut Option<Fix>) {
    if !findings.iter().any(|f| fields.contains(&f.field)) {
        return;
    }
    ui.label("");
    ui.vertical(|ui| list(ui, findings, fields, fix));
    ui.end_row();
}

/// "1 error · 2 warnings · 3 tips", or that the draft passes every check.
pub fn summary(ui: &mut egui::Ui, findings: &[Finding]) {
    let (errors, warnings, tips) = tally(findings);
    if errors + warnings + tips == 0 {
        ui.label(RichText::new("✔ Passes every check").color(theme::palette(ui).ok));
        return;
    }
    ui.horizontal(|ui| {
        for (severity, n, one, many) in [
            (Severity::Error, errors, "error", "errors"),
            (Severity::Warning, warnings, "warning", "warnings"),
            (Severity::Tip, tips, "tip", "tips"),
        ] {
            if n > 0 {
                let (icon, colour) = severity_mark(ui, severity);
                ui.label(RichText::new(format!("{icon} {}", plural(n, one, many))).color(colour));
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fix_is_labelled_with_the_change_it_makes() {
        let sound = Fix::UseSound {
            name: "Espresso - Sabrina Carpenter".into(),
            bpm: Some(104),
        };
        assert_eq!(fix_label(&sound), "Use \"Espresso - Sabrina Carpenter\"");
    }
}
