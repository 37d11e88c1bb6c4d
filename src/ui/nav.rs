//! The left navigation: the account switcher, one entry per view (Ctrl+1..Ctrl+8) and the
//! import buttons (Ctrl+I). In a short window the entries are tighter, so everything fits
//! above the help footer at 720 pixels.
//! It only reports what the user picked as [`Action`]s; the app switches.

use super::section::Section;
use super::theme;
use super::view::Action;
use crate::domain::{Account, AccountId};
use eframe::egui::{self, KeyboardShortcut};

/// Ctrl+I: import files.
pub const IMPORT_SHORTCUT: KeyboardShortcut = super::shortcuts::IMPORT;

/// Turns pressed navigation shortcuts (and Ctrl+I) into actions.
pub fn shortcuts(ctx: &egui::Context, actions: &mut Vec<Action>) {
    for section in Section::ALL {
        if ctx.input_mut(|i| i.consume_shortcut(&section.shortcut())) {
            actions.push(Action::Navigate(section));
        }
    }
    if ctx.input_mut(|i| i.consume_shortcut(&IMPORT_SHORTCUT)) {
        actions.push(Action::ImportFiles);
    }
}

/// Draws the navigation panel's contents.
pub fn ui(
    ui: &mut egui::Ui,
    current: Section,
    accounts: &[Account],
    account: Option<AccountId>,
    actions: &mut Vec<Action>,
) {
    let short = ui.ctx().content_rect().height() < SHORT_WINDOW;
    let gap = if short {
        theme::SPACE_S
    } else {
        theme::SPACE_L
    };
    theme::wordmark(ui, 20.0);
    ui.label(theme::muted(ui, "Content planner").small());
    ui.add_space(gap);

    account_switcher(ui, accounts, account, actions);
    ui.add_space(gap);

    ui.label(theme::muted(ui, "Views").strong());
    ui.add_space(theme::SPACE_S);
    let width = ui.available_width();
    let height = if short { 25.0 } else { 30.0 };
    for section in Section::ALL {
        let shortcut = ui.ctx().format_shortcut(&section.shortcut());
        let entry = egui::Button::selectable(section == current, section.label())
            .right_text(theme::muted(ui, shortcut.clone()).small())
            .min_size(egui::vec2(width, height));
        let response = ui
            .add(entry)
            .accessible_name(section.label())
            .on_hover_text(format!("Open {} ({shortcut})", section.label()));
        if response.clicked() && section != current {
            actions.push(Action::Navigate(section));
        }
    }
    ui.add_space(gap);
    import_buttons(ui, if short { 25.0 } else { 30.0 }, actions);
}

/// Below this window height the navigation is drawn tighter.
const SHORT_WINDOW: f32 = 800.0;

/// Import is reachable from every view: files, a folder (drag and drop works anywhere too).
fn import_buttons(ui: &mut egui::Ui, height: f32, actions: &mut Vec<Action>) {
    let width = ui.available_width();
    let shortcut = ui.ctx().format_shortcut(&IMPORT_SHORTCUT);
    let files = egui::Button::new("Import files…")
        .right_text(theme::muted(ui, shortcut.clone()).small())
        .min_size(egui::vec2(width, height));
    let hint = format!(
        "Import TikTok Studio exports, video-history spreadsheets, trend lists or drafts CSVs ({shortcut}). \
         You can also drop files or folders anywhere on the window."
    );
    let response = ui.add(files).accessible_name("Import files…");
    if response.on_hover_text(hint).clicked() {
        actions.push(Action::ImportFiles);
    }
    let folder = egui::Button::new("Import a folder…").min_size(egui::vec2(width, height - 4.0));
    let hint = "Import every export in a folder (and the ZIPs in it)";
    if ui.add(folder).on_hover_text(hint).clicked() {
        actions.push(Action::ImportFolder);
    }
    let typed = egui::Button::new("Import by path…").min_size(egui::vec2(width, height - 4.0));
    let hint = "Type or paste the path of an export, a ZIP or a folder";
    if ui.add(typed).on_hover_text(hint).clicked() {
        actions.push(Action::TypeImportPath);
    }
}

fn account_switcher(
    ui: &mut egui::Ui,
    accounts: &[Account],
    account: Option<AccountId>,
    actions: &mut Vec<Action>,
) {
    let label = ui.label(theme::muted(ui, "Account").strong());
    let current = accounts.iter().find(|a| Some(a.id) == account);
    let shown = current.map_or_else(|| "No accounts yet".to_string(), Account::at_handle);
    let width = ui.available_width();
    let response = egui::ComboBox::from_id_salt("account-switcher")
        .width(width)
        .selected_text(shown)
        .show_ui(ui, |ui| {
            for a in accounts {
                let text = format!("{}  ·  {}", a.at_handle(), a.display_name);
                if ui.selectable_label(Some(a.id) == account, text).clicked() {
                    actions.push(Action::SelectAccount(a.id));
                }
            }
        })
        .response;
    response.labelled_by(label.id);
    if let Some(a) = current {
        ui.label(theme::muted(ui, format!("{} · {}", a.display_name, a.time_zone.name())).small());
    }
}
