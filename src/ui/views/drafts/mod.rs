//! The Drafts view: every draft of the current account in one virtualised table with counts per
//! status, filters (status, subculture, assignee, finding, free text), sorting by any column,
//! multi-select with bulk status change, assign and trash, and a Trash tab that restores. The
//! findings and predicted reach are filled in by a background thread (see [`background`]). It
//! reads the workspace only when the revision or the account changes, in the background (a
//! [`Reading`]: after an edit the table stays until the fresh rows arrive), and keeps prepared
//! rows, so 10,000 drafts scroll smoothly; every change goes out as an [`Action`].

mod background;
mod bulk_bar;
mod chosen;
mod filter_bar;
mod header;
mod keys;
mod loaded;
mod trash;

use chrono::Utc;
use eframe::egui::{self, RichText};

use crate::domain::{Account, AccountId, DraftId};
use crate::ui::background::drop_elsewhere;
use crate::ui::reading::Reading;
use crate::ui::theme;
use crate::ui::view::{View, ViewContext};
use crate::ui::widgets::busy::busy_indicator;
use crate::ui::widgets::draft_rows::{DraftColumn, DraftFilter, DraftSort, visible_rows};
use crate::ui::widgets::draft_table::{DraftTable, draft_table};
use crate::ui::widgets::empty_state::{empty_state, load_error};
use crate::ui::widgets::format::plural;
use crate::ui::widgets::row_selection::RowSelection;
use crate::ui::widgets::status_chip::status_count_chip;

use background::{Background, Computed, Request};
use bulk_bar::BulkBar;
use loaded::Loaded;
use trash::TrashTab;

/// The Drafts view. Create it with [`DraftsView::default`].
#[derive(Default)]
pub struct DraftsView {
    /// The rows read for a revision and account, on their way.
    reading: Reading<(u64, AccountId), (Loaded, Request)>,
    /// The revision and account the rows shown were read for.
    loaded_for: Option<(u64, AccountId)>,
    data: Option<Loaded>,
    error: Option<String>,
    /// Started with the first load; lives as long as the view.
    background: Option<Background>,
    /// True until the background thread finished.
    computing: bool,
    /// What the background thread could not compute.
    problem: Option<String>,
    filter: DraftFilter,
    sort: DraftSort,
    /// Indices into the rows, in the order shown, and their ids.
    visible: Vec<usize>,
    visible_ids: Vec<DraftId>,
    /// The filter, order and data version `visible` was computed for.
    visible_for: Option<(DraftFilter, DraftSort, u64)>,
    /// Bumped whenever rows change (a load, or results from the background).
    data_version: u64,
    selection: RowSelection<DraftId>,
    /// The window's chosen draft as this view last saw or named it (see `chosen.rs`).
    chosen: Option<DraftId>,
    /// Set when the user changed the selection this frame.
    selection_changed: bool,
    bulk: BulkBar,
    trash: TrashTab,
    showing_trash: bool,
    /// Ctrl+F was pressed: the search box takes the focus this frame.
    focus_search: bool,
    /// Scroll the table so this position is visible (after Ctrl+A or a range click).
    scroll_to: Option<usize>,
}

impl View for DraftsView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewContext<'_>) {
        let Some(account) = ctx.account else {
            theme::view_heading(
                ui,
                "Drafts",
                "Every planned video of the account, from first idea to posted.",
            );
            empty_state(
                ui,
                "No account yet",
                "Add the account you post from in Settings; its drafts will be listed here.",
            );
            return;
        };
        self.read(ui.ctx(), ctx, account);
        self.receive();
        self.view_keys(ui.ctx());
        self.header(ui, ctx);
        if let Some(error) = &self.error {
            load_error(ui, "the drafts", error);
            return;
        }
        let Some(data) = &self.data else {
            ui.horizontal(|ui| {
                busy_indicator(ui, &format!("Reading {}'s drafts…", account.at_handle()));
            });
            return;
        };
        if self.showing_trash {
            self.trash.ui(ui, &data.trash, account, ctx.actions);
            return;
        }
        if data.rows.is_empty() {
            empty_state(
                ui,
                &format!("No drafts for {} yet", account.at_handle()),
                "Press Ctrl+N (or New draft) to capture an idea, or Import drafts CSV… from a \
                 CSV. Drafts of every status (idea, draft, in review, approved, scheduled, \
                 posted) are listed here.",
            );
            return;
        }
        self.list(ui, ctx, account);
    }

    fn is_reading(&self) -> bool {
        self.reading.is_reading()
    }
}

impl DraftsView {
    /// How many drafts pass the current filters.
    pub fn visible_count(&self) -> usize {
        self.visible.len()
    }

    /// How many drafts are selected.
    pub fn selected_count(&self) -> usize {
        self.selection.len()
    }

    /// True while findings or forecasts are still being computed in the background.
    pub fn is_computing(&self) -> bool {
        self.computing
    }

    /// Takes the rows that arrived and starts reading them again when the revision or the
    /// account moved. Another account's rows are put away at once: they are never shown under
    /// this account's name.
    fn read(&mut self, egui_ctx: &egui::Context, ctx: &ViewContext<'_>, account: &Account) {
        if let Some((read_for, rows)) = self.reading.take_arrived() {
            self.arrived(egui_ctx, read_for, rows);
        }
        if self.loaded_for.is_some_and(|(_, a)| a != account.id) {
            self.loaded_for = None;
            self.let_go_of_rows();
            self.error = None;
            self.computing = false;
            self.selection.clear();
            self.trash.clear_selection();
        }
        let key = (ctx.revision, account.id);
        if self.reading.needs(&key) {
            let account = account.clone();
            self.reading
                .start(egui_ctx, "drafts", ctx.workspace.path(), key, move |w| {
                    Loaded::read(w, &account, Utc::now())
                });
        }
    }

    /// Shows the rows read for `read_for` and asks for their findings and forecasts.
    fn arrived(
        &mut self,
        egui_ctx: &egui::Context,
        read_for: (u64, AccountId),
        rows: Result<(Loaded, Request), String>,
    ) {
        let same_account = self.loaded_for.map(|(_, a)| a) == Some(read_for.1);
        self.loaded_for = Some(read_for);
        self.problem = None;
        self.visible_for = None;
        self.data_version += 1;
        match rows {
            Ok((mut data, request)) => {
                if same_account && let Some(earlier) = &mut self.data {
                    data.carry_over(earlier);
                }
                self.let_go_of_rows();
                self.background
                    .get_or_insert_with(|| Background::start(egui_ctx))
                    .request(request);
                self.computing = true;
                self.data = Some(data);
                self.error = None;
            }
            Err(e) => {
                self.computing = false;
                self.let_go_of_rows();
                self.error = Some(e);
            }
        }
    }

    /// Puts the rows shown away, freeing them off the window's thread (10,000 rows take it
    /// milliseconds).
    fn let_go_of_rows(&mut self) {
        if let Some(rows) = self.data.take() {
            drop_elsewhere(rows);
        }
    }

    /// Merges whatever the background thread sent since the last frame.
    fn receive(&mut self) {
        let (Some(background), Some(data)) = (&mut self.background, &mut self.data) else {
            return;
        };
        let mut changed = false;
        for computed in background.poll() {
            match computed {
                Computed::Problem(message) => self.problem = Some(message),
                Computed::Finished => {
                    data.give_up();
                    self.computing = false;
                    changed = true;
                }
                other => changed |= data.merge(other),
            }
        }
        // Only a filter or order that reads findings or reach needs the rows again.
        let reads_computed = self.filter.finding.is_some()
            || matches!(
                self.sort.column,
                DraftColumn::Findings | DraftColumn::PredictedReach
            );
        if changed && reads_computed {
            self.data_version += 1;
        }
    }

    fn list(&mut self, ui: &mut egui::Ui, ctx: &mut ViewContext<'_>, account: &Account) {
        self.counts_row(ui);
        ui.add_space(theme::SPACE_S);
        self.filter_bar(ui);
        self.refresh_visible();
        self.follow_chosen(ctx);
        self.selection_keys(ui.ctx(), ctx);
        if !self.selection.is_empty() {
            ui.add_space(theme::SPACE_S);
            self.bulk_bar(ui, ctx);
        }
        if let Some(problem) = &self.problem {
            ui.label(theme::error_text(ui, problem));
        }
        ui.add_space(theme::SPACE_S);
        if self.visible.is_empty() {
            self.report_chosen(ctx, None);
            empty_state(
                ui,
                &format!("No drafts of {} match", account.at_handle()),
                "Clear the search or the filters (Clear filters) to see every draft.",
            );
            return;
        }
        let Some(data) = &self.data else {
            return;
        };
        let clicked = draft_table(
            ui,
            DraftTable {
                id_salt: "drafts-table",
                rows: &data.rows,
                assessed: &data.assessed,
                visible: &self.visible,
                sort: &mut self.sort,
                selection: &self.selection,
                scroll_to: self.scroll_to.take(),
            },
        );
        if let Some((id, kind)) = clicked {
            self.selection.click(id, kind, &self.visible_ids);
            self.selection_changed = true;
        }
        self.report_chosen(ctx, clicked);
    }

    fn refresh_visible(&mut self) {
        let Some(data) = &self.data else {
            return;
        };
        let fresh = self
            .visible_for
            .as_ref()
            .is_some_and(|(filter, sort, version)| {
                *filter == self.filter && *sort == self.sort && *version == self.data_version
            });
        if !fresh {
            self.visible = visible_rows(&data.rows, &data.assessed, &self.filter, self.sort);
            self.visible_ids = self.visible.iter().map(|i| data.rows[*i].id).collect();
            let before = self.selection.len();
            self.selection.keep_only(&self.visible_ids);
            self.selection_changed |= self.selection.len() != before;
            self.visible_for = Some((self.filter.clone(), self.sort, self.data_version));
        }
    }

    fn counts_row(&self, ui: &mut egui::Ui) {
        let Some(data) = &self.data else {
            return;
        };
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(plural(data.rows.len(), "draft", "drafts")).strong());
            ui.add_space(theme::SPACE_S);
            for (status, count) in &data.counts {
                status_count_chip(ui, *status, *count);
            }
            if self.computing {
                // No spinner: its animation would repaint every frame for as long as the
                // thread runs; the thread asks for a repaint whenever results arrive.
                ui.add_space(theme::SPACE_M);
                ui.label(theme::muted(
                    ui,
                    "Checking drafts and forecasting reach in the background…",
                ));
            }
        });
    }
}
