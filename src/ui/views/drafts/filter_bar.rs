//! The Drafts view's filter bar: status, subculture, assignee and finding pickers, the search
//! box (Ctrl+F focuses it), "Clear filters" and how many drafts are shown.

use eframe::egui;

use super::DraftsView;
use crate::domain::DraftStatus;
use crate::ui::theme;
use crate::ui::widgets::draft_rows::FindingFilter;
use crate::ui::widgets::format::thousands;

impl DraftsView {
    pub(super) fn filter_bar(&mut self, ui: &mut egui::Ui) {
        let Some(data) = &self.data else {
            return;
        };
        let filter = &mut self.filter;
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("Status").id;
            let shown = filter.status.map_or("All statuses", |s| s.label());
            egui::ComboBox::from_id_salt("drafts-status-filter")
                .selected_text(shown)
                .width(110.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut filter.status, None, "All statuses");
                    for s in DraftStatus::ALL {
                        ui.selectable_value(&mut filter.status, Some(*s), s.label());
                    }
                })
                .response
                .labelled_by(label);

            let label = ui.label("Subculture").id;
            let shown = match filter.subculture {
                None => "All subcultures",
                Some(None) => "No subculture",
                Some(Some(id)) => data
                    .subcultures
                    .iter()
                    .find(|(s, _)| *s == id)
                    .map_or("(deleted)", |(_, name)| name.as_str()),
            };
            egui::ComboBox::from_id_salt("drafts-subculture-filter")
                .selected_text(shown)
                .width(120.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut filter.subculture, None, "All subcultures");
                    ui.selectable_value(&mut filter.subculture, Some(None), "No subculture");
                    for (id, name) in &data.subcultures {
                        ui.selectable_value(&mut filter.subculture, Some(Some(*id)), name);
                    }
                })
                .response
                .labelled_by(label);

            let label = ui.label("Assignee").id;
            let shown = match filter.assignee.as_deref() {
                None => "Anyone",
                Some("") => "Unassigned",
                Some(name) => name,
            }
            .to_string();
            egui::ComboBox::from_id_salt("drafts-assignee-filter")
                .selected_text(shown)
                .width(100.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut filter.assignee, None, "Anyone");
                    ui.selectable_value(&mut filter.assignee, Some(String::new()), "Unassigned");
                    for name in &data.assignees {
                        ui.selectable_value(&mut filter.assignee, Some(name.clone()), name);
                    }
                })
                .response
                .labelled_by(label);

            let label = ui.label("Finding").id;
            let shown = filter
                .finding
                .map_or("Any or none".to_string(), |f| f.label());
            egui::ComboBox::from_id_salt("drafts-finding-filter")
                .selected_text(shown)
                .width(130.0)
                .height(420.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut filter.finding, None, "Any or none");
                    for f in [
                        FindingFilter::AnyError,
                        FindingFilter::AnyWarning,
                        FindingFilter::Clean,
                    ] {
                        ui.selectable_value(&mut filter.finding, Some(f), f.label());
                    }
                    if !data.rules.is_empty() {
                        ui.separator();
                    }
                    for rule in &data.rules {
                        let f = FindingFilter::Rule(rule);
                        ui.selectable_value(&mut filter.finding, Some(f), *rule);
                    }
                })
                .response
                .labelled_by(label);
        });
        ui.horizontal(|ui| {
            let label = ui.label("Search").id;
            let search = ui
                .add(
                    egui::TextEdit::singleline(&mut filter.search)
                        .id_salt("drafts-search")
                        .hint_text("caption, hashtag, sound, notes…  (Ctrl+F)")
                        .desired_width(320.0),
                )
                .labelled_by(label);
            if self.focus_search {
                search.request_focus();
                self.focus_search = false;
            }
            if filter.is_active() && ui.button("Clear filters").clicked() {
                *filter = Default::default();
            }
            if filter.is_active() && self.visible_for.is_some() {
                let (shown, all) = (self.visible.len() as i64, data.rows.len() as i64);
                let text = format!("{} of {} shown", thousands(shown), thousands(all));
                ui.label(theme::muted(ui, text));
            }
        });
    }
}
