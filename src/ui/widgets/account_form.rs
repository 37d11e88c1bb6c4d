//! The account form: handle, display name, time zone, region, language and (in Settings) the
//! posting cadence. It validates what was typed and turns it into a [`NewAccount`] or an
//! updated [`Account`]; saving is the caller's business.

use chrono_tz::Tz;
use eframe::egui;

use super::format::plural;
use super::{form, time_zone};
use crate::domain::{Account, Cadence, Handle, NewAccount};
use crate::schedule::cadence;
use crate::ui::theme;

const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// What is being typed into the form.
#[derive(Debug, Clone, PartialEq)]
pub struct AccountForm {
    pub handle: String,
    pub display_name: String,
    pub time_zone: Tz,
    zone_search: String,
    pub region: String,
    pub language: String,
    pub cadence: Cadence,
}

impl Default for AccountForm {
    fn default() -> Self {
        Self {
            handle: String::new(),
            display_name: String::new(),
            time_zone: Tz::UTC,
            zone_search: String::new(),
            region: String::new(),
            language: "en".to_string(),
            cadence: Cadence::default(),
        }
    }
}

impl AccountForm {
    /// The form filled with an existing account.
    pub fn from_account(account: &Account) -> Self {
        Self {
            handle: account.handle.as_str().to_string(),
            display_name: account.display_name.clone(),
            time_zone: account.time_zone,
            zone_search: String::new(),
            region: account.region.clone(),
            language: account.language.clone(),
            cadence: account.cadence.clone(),
        }
    }

    /// Draws the form. `with_cadence` adds the posting-cadence fields.
    pub fn ui(&mut self, ui: &mut egui::Ui, id_salt: &str, with_cadence: bool) {
        form::grid((id_salt, "account")).show(ui, |ui| {
            form::text_row(
                ui,
                "Handle",
                &mut self.handle,
                "e.g. knitwithnora (without @)",
            );
            self.handle_error_row(ui);
            form::text_row(
                ui,
                "Display name",
                &mut self.display_name,
                "e.g. Nora Knits",
            );
            let label = form::label(ui, "Time zone");
            time_zone::picker(
                ui,
                (id_salt, "zone"),
                label,
                &mut self.time_zone,
                &mut self.zone_search,
            );
            ui.end_row();
            form::text_row(ui, "Region", &mut self.region, "two letters, e.g. NL or US");
            form::text_row(ui, "Language", &mut self.language, "e.g. en, nl, pt-BR");
            if with_cadence {
                self.cadence_rows(ui);
            }
        });
    }

    /// Under the handle, as soon as something is typed: why it is not a TikTok handle.
    fn handle_error_row(&self, ui: &mut egui::Ui) {
        if self.handle.trim().is_empty() {
            return;
        }
        if let Err(error) = Handle::parse(&self.handle) {
            ui.label("");
            ui.scope(|ui| {
                ui.set_max_width(theme::FORM_INPUT_WIDTH);
                ui.add(egui::Label::new(theme::error_text(ui, error.to_string())).wrap());
            });
            ui.end_row();
        }
    }

    fn cadence_rows(&mut self, ui: &mut egui::Ui) {
        let c = &mut self.cadence;
        form::number_row(
            ui,
            "Posts per day",
            &mut c.posts_per_day,
            cadence::RECOMMENDED_POSTS_PER_DAY,
            "posts (1-4)",
        );
        form::number_row(
            ui,
            "Time between posts",
            &mut c.min_spacing_hours,
            0.0..=12.0,
            "hours at least",
        );
        form::label(ui, "Posting days");
        ui.horizontal(|ui| {
            for (bit, day) in DAYS.iter().enumerate() {
                let mut on = c.allowed_days & (1 << bit) != 0;
                if ui.checkbox(&mut on, *day).changed() {
                    c.allowed_days ^= 1 << bit;
                }
            }
        });
        ui.end_row();
        form::number_row(ui, "First hour", &mut c.first_hour, 0..=23, "local time");
        form::number_row(ui, "Last hour", &mut c.last_hour, 0..=23, "local time");
    }

    /// The account to add, or what is wrong with the form.
    pub fn new_account(&self) -> Result<NewAccount, String> {
        let handle = self.validate()?;
        let display_name = match self.display_name.trim() {
            "" => handle.as_str().to_string(),
            name => name.to_string(),
        };
        Ok(NewAccount {
            handle,
            display_name,
            time_zone: self.time_zone,
            region: self.region.trim().to_uppercase(),
            language: self.language.trim().to_string(),
        })
    }

    /// `account` with the form's values, or what is wrong with the form.
    pub fn updated(&self, account: &Account) -> Result<Account, String> {
        let new = self.new_account()?;
        Ok(Account {
            id: account.id,
            handle: new.handle,
            display_name: new.display_name,
            time_zone: new.time_zone,
            region: new.region,
            language: new.language,
            cadence: self.cadence.clone(),
        })
    }

    /// The handle typed, when the whole form is valid.
    fn validate(&self) -> Result<Handle, String> {
        if self.handle.trim().is_empty() {
            return Err("Give the account's handle, e.g. knitwithnora.".into());
        }
        let handle = Handle::parse(&self.handle).map_err(|e| e.to_string())?;
        let region = self.region.trim();
        let two_letters = region.len() == 2 && region.chars().all(|c| c.is_ascii_alphabetic());
        if !region.is_empty() && !two_letters {
            return Err("The region is a two-letter country code, e.g. NL or US.".into());
        }
        let language = self.language.trim();
        if language.is_empty()
            || !language
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-')
        {
            return Err("The language is a code such as en, nl or pt-BR.".into());
        }
        cadence::check(&self.cadence).map_err(|e| e.to_string())?;
        Ok(handle)
    }
}

/// "2 posts a day, 3 h apart, 08:00-22:00, Mon-Sun".
pub fn describe_cadence(c: &Cadence) -> String {
    let days: Vec<&str> = (0..7)
        .filter(|bit| c.allowed_days & (1 << bit) != 0)
        .map(|bit| DAYS[bit])
        .collect();
    let days = if days.len() == 7 {
        "every day".to_string()
    } else {
        days.join(" ")
    };
    format!(
        "{} a day, {} h apart, {:02}:00–{:02}:59, {days}",
        plural(usize::from(c.posts_per_day), "post", "posts"),
        c.min_spacing_hours,
        c.first_hour,
        c.last_hour
    )
}

/// Shows a validation or store error under a form.
pub fn error_line(ui: &mut egui::Ui, error: Option<&str>) {
    if let Some(message) = error {
        ui.label(theme::error_text(ui, message));
    }
}

#[cfg(test)]
mod tests {
    use super::AccountForm;

    #[test]
    fn a_handle_is_required_and_the_at_sign_is_dropped() {
        let mut form = AccountForm::default();
        assert!(form.new_account().is_err());
        form.handle = "@knitwithnora".into();
        form.region = "nl".into();
        let account = form.new_account().expect("a valid form");
        assert_eq!(account.handle, "knitwithnora");
        assert_eq!(account.display_name, "knitwithnora");
        assert_eq!(account.region, "NL");
    }

    #[test]
    fn a_region_is_two_letters() {
        let form = AccountForm {
            handle: "nora".into(),
            region: "Netherlands".into(),
            ..AccountForm::default()
        };
        assert!(form.new_account().is_err());
    }

    #[test]
    fn a_handle_that_breaks_tiktoks_rules_is_refused_with_the_rule() {
        for typed in ["@", "bad name", "bad\nname", "\u{1b}[31mred", "knitwit."] {
            let form = AccountForm {
                handle: typed.into(),
                ..AccountForm::default()
            };
            let error = form.new_account().expect_err(typed);
            assert!(
                error.contains("a handle has 2-24 letters, digits"),
                "{typed:?}: {error}"
            );
            assert!(!error.chars().any(char::is_control), "{error}");
        }
    }
}
