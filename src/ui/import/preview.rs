//! The import dialog's face: progress while the files are read or written, then the preview:
//! per file what was recognised, where it goes and what would change, every rejected row with
//! file, line and reason, the files that could not be read, and the choices (account for
//! files without one, skip bad rows). It only reports the user's decisions as [`Action`]s.

use eframe::egui::{self, Margin, RichText};

use super::{DialogContext, ImportDialog, Stage};
use crate::domain::{Handle, HandleError};
use crate::ui::theme;
use crate::ui::view::Action;
use crate::workspace::{FileReport, ImportReport, PreparedImport};

/// Width of the dialog's content.
const DIALOG_WIDTH: f32 = 760.0;
/// Height of the scrolled preview.
const PREVIEW_HEIGHT: f32 = 440.0;
/// Rejected rows drawn at most (the rest are counted): keeps frames fast for huge files.
const REJECTED_SHOWN: usize = 500;

/// The dialog's frame.
pub(super) fn frame(ctx: &egui::Context) -> egui::Frame {
    egui::Frame::popup(&ctx.global_style()).inner_margin(Margin::same(20))
}

/// Draws the dialog's contents for the stage it is in.
pub(super) fn ui(ui: &mut egui::Ui, dialog: &mut ImportDialog, cx: &mut DialogContext<'_>) {
    ui.set_width(DIALOG_WIDTH);
    let ImportDialog {
        stage,
        account,
        new_account,
        skip_bad_rows,
        paths,
        ..
    } = dialog;
    match stage {
        Stage::Closed => {}
        Stage::Reading => {
            theme::view_heading(
                ui,
                "Import",
                &format!(
                    "Reading {} and comparing with the workspace. Nothing is written yet.",
                    describe_paths(paths)
                ),
            );
            cx.jobs.ui(ui, 360.0);
        }
        Stage::Writing => {
            theme::view_heading(
                ui,
                "Import",
                "Writing the import in one step: cancel leaves the workspace as it was.",
            );
            cx.jobs.ui(ui, 360.0);
        }
        Stage::Preview(prepared) => {
            theme::view_heading(
                ui,
                "Import preview",
                "Nothing has been written yet. Check what each file holds, then import.",
            );
            if prepared
                .report
                .files
                .iter()
                .any(|f| f.summary.account_hint.is_none())
            {
                account_choice(ui, cx, account, new_account, *skip_bad_rows);
                ui.add_space(theme::SPACE_M);
            }
            egui::ScrollArea::vertical()
                .id_salt("import-preview")
                .max_height(PREVIEW_HEIGHT)
                .auto_shrink([false, true])
                .show(ui, |ui| report_ui(ui, &prepared.report));
            ui.add_space(theme::SPACE_M);
            decision(ui, prepared, account, *skip_bad_rows, cx.actions);
        }
    }
}

/// "Content.csv" or "3 files".
fn describe_paths(paths: &[std::path::PathBuf]) -> String {
    match paths {
        [one] => one.file_name().map_or_else(
            || one.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        ),
        many => crate::text::plural(many.len(), "file", "files"),
    }
}

/// The account for files that name none: an existing one, or a new handle.
fn account_choice(
    ui: &mut egui::Ui,
    cx: &mut DialogContext<'_>,
    account: &Option<Handle>,
    new_account: &mut String,
    skip: bool,
) {
    let choose = |handle: Option<Handle>| Action::ChooseImport {
        account: handle,
        skip_bad_rows: skip,
    };
    ui.horizontal(|ui| {
        let label = ui.label("Account for files without one");
        let shown = account
            .as_ref()
            .map_or_else(|| "Choose an account".to_string(), Handle::to_string);
        egui::ComboBox::from_id_salt("import-account")
            .width(220.0)
            .selected_text(shown)
            .show_ui(ui, |ui| {
                for a in cx.accounts {
                    let chosen = account.as_ref() == Some(&a.handle);
                    if ui.selectable_label(chosen, a.at_handle()).clicked() && !chosen {
                        cx.actions.push(choose(Some(a.handle.clone())));
                    }
                }
            })
            .response
            .labelled_by(label.id);
        ui.add_space(theme::SPACE_M);
        let new_label = ui.label(theme::muted(ui, "or a new account"));
        ui.add(
            egui::TextEdit::singleline(new_account)
                .hint_text("@handle")
                .desired_width(140.0),
        )
        .labelled_by(new_label.id);
        let handle = typed_handle(new_account).and_then(Result::ok);
        if ui
            .add_enabled(handle.is_some(), egui::Button::new("Use"))
            .clicked()
        {
            cx.actions.push(choose(handle));
        }
    });
    if let Some(Err(error)) = typed_handle(new_account) {
        ui.label(theme::error_text(ui, error.to_string()));
    }
}

/// The new account's handle once something is typed.
fn typed_handle(text: &str) -> Option<Result<Handle, HandleError>> {
    (!text.trim().is_empty()).then(|| Handle::parse(text))
}

/// Every file, every rejected row and every file that could not be read.
fn report_ui(ui: &mut egui::Ui, report: &ImportReport) {
    if !report.errors.is_empty() {
        theme::section_heading(
            ui,
            &format!("Files that could not be read ({})", report.errors.len()),
        );
        for error in &report.errors {
            ui.label(theme::error_text(ui, error));
        }
        ui.add_space(theme::SPACE_M);
    }
    for file in &report.files {
        file_card(ui, file, report);
        ui.add_space(theme::SPACE_M);
    }
    super::draft_rows::ui(ui, &report.drafts);
    if !report.rejected.is_empty() {
        theme::section_heading(ui, &format!("Rejected rows ({})", report.rejected.len()));
        egui::ScrollArea::vertical()
            .id_salt("import-rejected")
            .max_height(200.0)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                egui::Grid::new("import-rejected-rows")
                    .striped(true)
                    .num_columns(3)
                    .show(ui, |ui| {
                        ui.label(RichText::new("File").strong());
                        ui.label(RichText::new("Line").strong());
                        ui.label(RichText::new("Reason").strong());
                        ui.end_row();
                        for row in report.rejected.iter().take(REJECTED_SHOWN) {
                            ui.label(&row.file);
                            ui.label(if row.line == 0 {
                                "whole file".to_string()
                            } else {
                                row.line.to_string()
                            });
                            ui.label(theme::error_text(ui, &row.reason));
                            ui.end_row();
                        }
                    });
                if report.rejected.len() > REJECTED_SHOWN {
                    let more = report.rejected.len() - REJECTED_SHOWN;
                    ui.label(theme::muted(
                        ui,
                        format!("… and {more} more rejected rows."),
                    ));
                }
            });
    }
    if report.files.is_empty() && report.errors.is_empty() {
        ui.label(theme::muted(
            ui,
            "No importable files were found in what was chosen.",
        ));
    }
}

/// How many of a file's accounts its card names; the rest are counted. A scraped history may
/// name thousands, which listed one by one made the card thousands of lines tall.
const ACCOUNTS_SHOWN: usize = 8;

/// One file: the report recognised, its account, dates and what would change.
fn file_card(ui: &mut egui::Ui, file: &FileReport, report: &ImportReport) {
    let s = &file.summary;
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            ui.label(RichText::new(&s.file).strong().monospace());
            theme::chip(ui, s.kind.label(), theme::palette(ui).accent_2);
        });
        ui.add_space(theme::SPACE_S);
        egui::Grid::new(("import-file", &s.file))
            .num_columns(2)
            .spacing([theme::SPACE_L, theme::SPACE_S])
            .show(ui, |ui| {
                row(ui, "Report");
                ui.label(s.kind.label());
                ui.end_row();
                row(ui, "Encoding");
                ui.label(&s.encoding);
                ui.end_row();
                row(
                    ui,
                    if file.accounts.len() > 1 {
                        "Accounts"
                    } else {
                        "Account"
                    },
                );
                if file.accounts.is_empty() {
                    ui.label(theme::error_text(ui, "none: choose the account above"));
                } else {
                    // A column of its own: wrapped straight in the grid's cell, the second
                    // line was drawn over the row below.
                    ui.vertical(|ui| {
                        ui.horizontal_wrapped(|ui| {
                            for handle in file.accounts.iter().take(ACCOUNTS_SHOWN) {
                                ui.label(handle);
                                if report.new_accounts.contains(handle) {
                                    theme::chip(ui, "new account", theme::palette(ui).warn);
                                }
                            }
                            let more = file.accounts.len().saturating_sub(ACCOUNTS_SHOWN);
                            if more > 0 {
                                ui.label(theme::muted(
                                    ui,
                                    format!("and {} more", crate::text::thousands(more as i64)),
                                ));
                            }
                        })
                    });
                }
                ui.end_row();
                row(ui, "Dates");
                ui.label(match (s.first_date, s.last_date) {
                    (Some(first), Some(last)) if first == last => first.to_string(),
                    (Some(first), Some(last)) => format!("{first} – {last}"),
                    _ => "no dates".to_string(),
                });
                ui.end_row();
                row(ui, "Export date");
                ui.label(match (s.export_date, &s.export_date_source) {
                    (Some(date), Some(source)) => format!("{date} ({source})"),
                    (Some(date), None) => date.to_string(),
                    _ => "not stated".to_string(),
                });
                ui.end_row();
                row(ui, "Rows");
                ui.label(file.changes.describe());
                ui.end_row();
            });
        if s.skipped > 0 {
            ui.label(theme::muted(
                ui,
                format!(
                    "{} left out on purpose (e.g. hours still to come).",
                    crate::text::plural(s.skipped, "row", "rows")
                ),
            ));
        }
        for note in &s.notes {
            ui.label(theme::muted(ui, format!("• {note}")));
        }
    });
}

fn row(ui: &mut egui::Ui, name: &str) {
    ui.label(theme::muted(ui, name));
}

/// Why Import is (not) possible, the skip choice and the buttons.
fn decision(
    ui: &mut egui::Ui,
    prepared: &PreparedImport,
    account: &Option<Handle>,
    skip: bool,
    actions: &mut Vec<Action>,
) {
    let report = &prepared.report;
    if report.has_problems() {
        let mut skip_now = skip;
        let toggle = ui.checkbox(&mut skip_now, "Skip bad rows and import the rest");
        if toggle.changed() {
            actions.push(Action::ChooseImport {
                account: account.clone(),
                skip_bad_rows: skip_now,
            });
        }
        if !skip {
            ui.label(theme::error_text(ui, "Nothing is written while rows or files are rejected: fix the files, or skip the bad rows."));
        }
    } else if !prepared.can_commit() {
        ui.label(theme::muted(
            ui,
            "Nothing new: every row is already in the workspace.",
        ));
    }
    ui.add_space(theme::SPACE_S);
    ui.horizontal(|ui| {
        let import = ui.add_enabled(prepared.can_commit(), theme::primary_button(ui, "Import"));
        if import.clicked() {
            actions.push(Action::CommitImport);
        }
        if ui
            .button("Cancel")
            .on_hover_text("Close; nothing is written")
            .clicked()
        {
            actions.push(Action::CancelImport);
        }
    });
}
