//! The import preview's list of drafts from drafts CSVs: each row with its file, line, title,
//! account and planned time (marked when the wall time happens twice, with both choices on
//! hover), and whether it is added or already in the workspace (rejected rows are listed with
//! the other rejections). Drawing only.

use eframe::egui::{self, RichText};

use crate::ui::theme;
use crate::workspace::Change;
use crate::workspace::DraftRow;

/// Draft rows drawn at most (the rest are counted): keeps frames fast for huge files.
const SHOWN: usize = 500;

/// The heading with the counts, then one line per draft row.
pub(super) fn ui(ui: &mut egui::Ui, rows: &[DraftRow]) {
    if rows.is_empty() {
        return;
    }
    let added = rows.iter().filter(|r| r.change == Change::Added).count();
    let already = rows.len() - added;
    theme::section_heading(
        ui,
        &format!("Drafts ({added} to add, {already} already in the workspace)"),
    );
    egui::ScrollArea::vertical()
        .id_salt("import-drafts")
        .max_height(220.0)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            egui::Grid::new("import-draft-rows")
                .striped(true)
                .num_columns(6)
                .show(ui, |ui| {
                    for title in ["File", "Line", "Draft", "Account", "Planned", ""] {
                        ui.label(RichText::new(title).strong());
                    }
                    ui.end_row();
                    for row in rows.iter().take(SHOWN) {
                        ui.label(&row.file);
                        ui.label(row.line.to_string());
                        ui.label(&row.title);
                        ui.label(&row.account);
                        let planned = row.planned.as_deref().unwrap_or("not planned");
                        match &row.note {
                            // A wall time that happens twice: which one was taken, on hover.
                            Some(note) => {
                                ui.label(theme::warn_text(
                                    ui,
                                    format!("{planned} (happens twice)"),
                                ))
                                .on_hover_text(note);
                            }
                            None => {
                                ui.label(planned);
                            }
                        }
                        let palette = theme::palette(ui);
                        match row.change {
                            Change::Added => theme::chip(ui, "add", palette.ok),
                            _ => theme::chip(ui, "already there", palette.muted),
                        };
                        ui.end_row();
                    }
                });
            if rows.len() > SHOWN {
                let more = rows.len() - SHOWN;
                ui.label(theme::muted(ui, format!("… and {more} more drafts.")));
            }
        });
    ui.add_space(theme::SPACE_M);
}
