//! Export…: the dialog that chooses what leaves the app (a date range, this account or all,
//! which draft statuses, iCalendar or CSV). Exporting asks the app for
//! [`Action::ExportCalendar`]; the app asks where to save and writes the file off the UI thread.
//! A path typed or pasted here skips the file chooser ([`Action::ExportCalendarTo`]).

use chrono::NaiveDate;
use eframe::egui::{self, RichText};

use crate::domain::{Account, AccountId, DraftStatus};
use crate::ui::theme;
use crate::ui::view::Action;
use crate::workspace::{ExportFormat, ExportRequest};

/// The statuses offered, in the team's review order.
const STATUSES: [DraftStatus; 6] = [
    DraftStatus::Idea,
    DraftStatus::Draft,
    DraftStatus::InReview,
    DraftStatus::Approved,
    DraftStatus::Scheduled,
    DraftStatus::Posted,
];

/// The export dialog's choices.
pub struct ExportForm {
    open: bool,
    from: String,
    to: String,
    format: ExportFormat,
    all_accounts: bool,
    accounts: Vec<AccountId>,
    statuses: [bool; 6],
    /// Where to save, when typed; empty: the file chooser asks.
    save_to: String,
    error: Option<String>,
}

impl Default for ExportForm {
    fn default() -> Self {
        Self {
            open: false,
            from: String::new(),
            to: String::new(),
            format: ExportFormat::Ics,
            all_accounts: false,
            accounts: Vec::new(),
            statuses: [true; 6],
            save_to: String::new(),
            error: None,
        }
    }
}

impl ExportForm {
    /// Opens the dialog for the shown dates; `accounts` are every account of the workspace.
    pub fn open(&mut self, from: NaiveDate, to: NaiveDate, accounts: Vec<AccountId>) {
        self.open = true;
        self.from = from.to_string();
        self.to = to.to_string();
        self.accounts = accounts;
        self.error = None;
    }

    pub fn is_open(&self) -> bool {
        self.open
    }

    /// The request the form describes, or what is wrong with it.
    fn request(&self, account: &Account) -> Result<ExportRequest, String> {
        let parse = |text: &str, what: &str| {
            NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
                .map_err(|_| format!("{what} must be a date like 2026-12-01."))
        };
        let (from, to) = (parse(&self.from, "From")?, parse(&self.to, "To")?);
        if to < from {
            return Err("The range ends before it starts.".into());
        }
        let statuses: Vec<DraftStatus> = STATUSES
            .iter()
            .zip(self.statuses)
            .filter_map(|(s, on)| on.then_some(*s))
            .collect();
        if statuses.is_empty() {
            return Err("Choose at least one status to export.".into());
        }
        Ok(ExportRequest {
            accounts: if self.all_accounts {
                self.accounts.clone()
            } else {
                vec![account.id]
            },
            from,
            to,
            format: self.format,
            statuses: if statuses.len() == STATUSES.len() {
                Vec::new()
            } else {
                statuses
            },
        })
    }

    pub fn dialog(&mut self, ctx: &egui::Context, account: &Account, actions: &mut Vec<Action>) {
        if !self.open {
            return;
        }
        let mut close = false;
        let modal = egui::Modal::new(egui::Id::unique("calendar-export")).show(ctx, |ui| {
            ui.set_width(460.0);
            ui.label(
                RichText::new("Export the posting calendar")
                    .text_style(theme::subheading())
                    .strong(),
            );
            ui.label(theme::muted(
                ui,
                "Re-exporting later updates the same events in your calendar app instead of \
                 adding copies.",
            ));
            ui.add_space(theme::SPACE_S);
            egui::Grid::new("calendar-export-form")
                .num_columns(2)
                .show(ui, |ui| {
                    ui.label("Format");
                    ui.horizontal(|ui| {
                        ui.radio_value(&mut self.format, ExportFormat::Ics, "iCalendar (.ics)");
                        ui.radio_value(&mut self.format, ExportFormat::Csv, "CSV (.csv)");
                    });
                    ui.end_row();
                    let label = ui.label("From");
                    ui.add(egui::TextEdit::singleline(&mut self.from).desired_width(120.0))
                        .labelled_by(label.id);
                    ui.end_row();
                    let label = ui.label("To");
                    ui.add(egui::TextEdit::singleline(&mut self.to).desired_width(120.0))
                        .labelled_by(label.id);
                    ui.end_row();
                    ui.label("Accounts");
                    ui.horizontal(|ui| {
                        ui.radio_value(&mut self.all_accounts, false, account.at_handle());
                        let all = match self.accounts.len() {
                            1 => "The only account".to_string(),
                            n => format!("All {n} accounts"),
                        };
                        ui.radio_value(&mut self.all_accounts, true, all);
                    });
                    ui.end_row();
                    ui.label("Statuses");
                    ui.horizontal_wrapped(|ui| {
                        for (status, on) in STATUSES.iter().zip(self.statuses.iter_mut()) {
                            ui.checkbox(on, status.label());
                        }
                    });
                    ui.end_row();
                    let label = ui.label("Save to");
                    ui.add(
                        egui::TextEdit::singleline(&mut self.save_to)
                            .hint_text(crate::ui::path_prompt::PATH_FIELD)
                            .desired_width(300.0),
                    )
                    .labelled_by(label.id)
                    .on_hover_text("Leave empty to choose the file in the file chooser");
                    ui.end_row();
                });
            ui.add_space(theme::SPACE_M);
            ui.horizontal(|ui| {
                if ui.add(theme::primary_button(ui, "Export…")).clicked() {
                    match self.request(account) {
                        Ok(request) => {
                            let typed = self.save_to.trim();
                            actions.push(if typed.is_empty() {
                                Action::ExportCalendar(request)
                            } else {
                                Action::ExportCalendarTo {
                                    request,
                                    path: typed.into(),
                                }
                            });
                            close = true;
                        }
                        Err(e) => self.error = Some(e),
                    }
                }
                if ui.button("Cancel").clicked() {
                    close = true;
                }
            });
            if let Some(error) = &self.error {
                ui.label(theme::error_text(ui, error));
            }
        });
        if close || modal.should_close() {
            self.open = false;
        }
    }
}
