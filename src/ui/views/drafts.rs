//! The Drafts view: every draft of the current account in one virtualised table, with counts
//! per status, a status filter, a free-text search and sorting by any column. It reads the
//! workspace only when the revision or the account changes and keeps prepared rows, so 10,000
//! drafts scroll smoothly. At this stage it is read-only: it never writes to the workspace.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use eframe::egui::{self, RichText};

use crate::domain::{Account, AccountId, DraftStatus};
use crate::store::StoreError;
use crate::ui::theme;
use crate::ui::view::{Action, View, ViewContext};
use crate::ui::widgets::draft_rows::{DraftRow, DraftSort, visible_rows};
use crate::ui::widgets::draft_table::draft_table;
use crate::ui::widgets::empty_state::{empty_state, load_error};
use crate::ui::widgets::format::{plural, thousands};
use crate::ui::widgets::planned::planned_slots;
use crate::ui::widgets::status_chip::status_count_chip;

/// What the filter row asks for; the visible rows are recomputed only when it changes.
#[derive(Debug, Clone, PartialEq)]
struct Query {
    status: Option<DraftStatus>,
    search: String,
    sort: DraftSort,
}

/// The Drafts view. Create it with [`DraftsView::default`].
#[derive(Default)]
pub struct DraftsView {
    /// The revision and account the rows were read for.
    loaded: Option<(u64, AccountId)>,
    rows: Vec<DraftRow>,
    counts: Vec<(DraftStatus, usize)>,
    error: Option<String>,
    status_filter: Option<DraftStatus>,
    search: String,
    sort: DraftSort,
    visible: Vec<usize>,
    visible_for: Option<Query>,
}

impl View for DraftsView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewContext<'_>) {
        theme::view_heading(
            ui,
            "Drafts",
            "Every planned video of the account, from first idea to posted.",
        );
        let Some(account) = ctx.account else {
            empty_state(
                ui,
                "No account yet",
                "Add the account you post from in Settings; its drafts will be listed here.",
            );
            return;
        };
        if self.loaded != Some((ctx.revision, account.id)) {
            self.reload(ctx, account);
            self.loaded = Some((ctx.revision, account.id));
        }
        if let Some(error) = &self.error {
            load_error(ui, "the drafts", error);
            return;
        }
        if self.rows.is_empty() {
            empty_state(
                ui,
                &format!("No drafts for {} yet", account.at_handle()),
                "Capture an idea as a draft, or switch account in the navigation. Drafts of every \
                 status (idea, draft, in review, approved, scheduled, posted) are listed here.",
            );
            ui.vertical_centered(|ui| import_button(ui, ctx.actions));
            return;
        }
        self.counts_row(ui, ctx.actions);
        ui.add_space(theme::SPACE_S);
        self.filter_row(ui);
        ui.add_space(theme::SPACE_S);
        self.refresh_visible();
        if self.visible.is_empty() {
            empty_state(
                ui,
                &format!("No drafts of {} match", account.at_handle()),
                "Clear the search or choose \"All statuses\" to see every draft.",
            );
            return;
        }
        draft_table(ui, &self.rows, &self.visible, &mut self.sort);
    }
}

impl DraftsView {
    /// How many drafts pass the current status filter and search.
    pub fn visible_count(&self) -> usize {
        self.visible.len()
    }

    fn reload(&mut self, ctx: &ViewContext<'_>, account: &Account) {
        self.error = None;
        self.visible_for = None;
        let store = ctx.workspace.store();
        let read = || -> Result<_, StoreError> {
            let drafts = store.drafts(account.id)?;
            let subcultures = store.subcultures()?;
            let (from, to) = (DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC);
            let entries = store.plan_entries(account.id, from, to)?;
            Ok((drafts, subcultures, entries))
        };
        match read() {
            Ok((drafts, subcultures, entries)) => {
                let names: HashMap<_, _> = subcultures
                    .iter()
                    .map(|s| (s.id, (s.name.as_str(), theme::colour(s.colour))))
                    .collect();
                let slots = planned_slots(&entries, Utc::now());
                self.rows = drafts
                    .iter()
                    .map(|d| {
                        let sub = d.subculture.and_then(|id| names.get(&id)).copied();
                        let slot_at = slots.get(&d.id).copied();
                        DraftRow::new(d, sub, slot_at, account.time_zone)
                    })
                    .collect();
                self.counts = DraftStatus::ALL
                    .iter()
                    .map(|s| (*s, self.rows.iter().filter(|r| r.status == *s).count()))
                    .collect();
            }
            Err(e) => {
                self.rows.clear();
                self.counts.clear();
                self.error = Some(e.to_string());
            }
        }
    }

    fn refresh_visible(&mut self) {
        let query = Query {
            status: self.status_filter,
            search: self.search.clone(),
            sort: self.sort,
        };
        if self.visible_for.as_ref() != Some(&query) {
            self.visible = visible_rows(&self.rows, query.status, &query.search, query.sort);
            self.visible_for = Some(query);
        }
    }

    fn counts_row(&self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(plural(self.rows.len(), "draft", "drafts")).strong());
            ui.add_space(theme::SPACE_S);
            for (status, count) in &self.counts {
                status_count_chip(ui, *status, *count);
            }
            ui.add_space(theme::SPACE_M);
            import_button(ui, actions);
        });
    }

    fn filter_row(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let label = ui.label("Status").id;
            let shown = self.status_filter.map_or("All statuses", |s| s.label());
            egui::ComboBox::from_id_salt("drafts-status-filter")
                .selected_text(shown)
                .width(140.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.status_filter, None, "All statuses");
                    for s in DraftStatus::ALL {
                        ui.selectable_value(&mut self.status_filter, Some(*s), s.label());
                    }
                })
                .response
                .labelled_by(label);
            ui.add_space(theme::SPACE_M);
            let label = ui.label("Search").id;
            ui.add(
                egui::TextEdit::singleline(&mut self.search)
                    .hint_text("title, caption, hashtag, sound, notes")
                    .desired_width(280.0),
            )
            .labelled_by(label);
            if !self.search.is_empty() && ui.button("Clear search").clicked() {
                self.search.clear();
            }
            let filtered = self.status_filter.is_some() || !self.search.trim().is_empty();
            if filtered && self.visible_for.is_some() {
                let (shown, all) = (self.visible.len() as i64, self.rows.len() as i64);
                let text = format!("{} of {} shown", thousands(shown), thousands(all));
                ui.label(theme::muted(ui, text));
            }
        });
    }
}

/// Drafts from a spreadsheet: the import dialog reads the CSV and previews every row.
fn import_button(ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    let hint = "Add drafts from a spreadsheet (columns in the README, \"Drafts CSV\"); a preview \
                shows every row before anything is written";
    if ui
        .button("Import drafts CSV…")
        .on_hover_text(hint)
        .clicked()
    {
        actions.push(Action::ImportFiles);
    }
}
