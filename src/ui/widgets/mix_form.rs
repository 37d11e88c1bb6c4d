//! The subculture-mix fields of the account form in Settings: for each subculture, the largest
//! share (0-100 %) of the account's planned posts it may take; an empty field means no cap.
//! The shares may not add up to more than 100 %.

use eframe::egui;

use super::form;
use crate::domain::{Subculture, SubcultureId};
use crate::schedule::SubcultureMix;
use crate::ui::theme;

/// One subculture's row: its name and the share typed, in percent.
#[derive(Debug, Clone, PartialEq)]
struct Row {
    id: SubcultureId,
    name: String,
    percent: String,
}

/// What is being typed into the mix fields.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MixForm {
    rows: Vec<Row>,
}

impl MixForm {
    /// A row per subculture, filled from the stored `mix`.
    pub fn new(subcultures: &[Subculture], mix: &SubcultureMix) -> Self {
        let rows = subcultures
            .iter()
            .map(|s| Row {
                id: s.id,
                name: s.name.clone(),
                percent: mix
                    .shares
                    .iter()
                    .find(|(id, _)| *id == s.id)
                    .map(|(_, v)| format!("{}", (f64::from(*v) * 100.0).round()))
                    .unwrap_or_default(),
            })
            .collect();
        Self { rows }
    }

    /// Draws one grid row per subculture, and `error` (what [`Self::mix`] refused) under them.
    pub fn ui(&mut self, ui: &mut egui::Ui, error: Option<&str>) {
        if self.rows.is_empty() {
            return;
        }
        form::label(ui, "Subculture mix");
        ui.label(theme::muted(
            ui,
            "Largest share of the planned posts per subculture; empty = no cap.",
        ));
        ui.end_row();
        for row in &mut self.rows {
            form::text_row(ui, &row.name, &mut row.percent, "% (0-100)");
        }
        if let Some(message) = error {
            ui.label("");
            ui.label(theme::error_text(ui, message));
            ui.end_row();
        }
    }

    /// The typed mix, or what is wrong with it.
    pub fn mix(&self) -> Result<SubcultureMix, String> {
        let mut shares = Vec::new();
        let mut total = 0.0;
        for row in &self.rows {
            let text = row.percent.trim().trim_end_matches('%').trim();
            if text.is_empty() {
                continue;
            }
            let percent: f64 = text.replace(',', ".").parse().map_err(|_| {
                format!("The share of {} is a number of percent, e.g. 30.", row.name)
            })?;
            if !(0.0..=100.0).contains(&percent) {
                return Err(format!("The share of {} is between 0 and 100 %.", row.name));
            }
            total += percent;
            shares.push((row.id, (percent / 100.0) as f32));
        }
        if total > 100.0 + 1e-9 {
            return Err(format!(
                "The shares add up to {total:.0} %; together they may be at most 100 %."
            ));
        }
        Ok(SubcultureMix { shares })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Colour;

    fn subculture(id: i64, name: &str) -> Subculture {
        Subculture {
            id: SubcultureId(id),
            name: name.into(),
            hashtags: Vec::new(),
            description: String::new(),
            colour: Colour([0, 0, 0]),
        }
    }

    #[test]
    fn shares_are_percent_and_may_not_pass_100() {
        let subs = [subculture(1, "#FitTok"), subculture(2, "#BookTok")];
        let mut form = MixForm::new(&subs, &SubcultureMix::default());
        form.rows[0].percent = "60".into();
        let mix = form.mix().unwrap();
        assert_eq!(mix.shares, vec![(SubcultureId(1), 0.6)]);
        assert_eq!(MixForm::new(&subs, &mix).rows[0].percent, "60");
        form.rows[1].percent = "50 %".into();
        assert!(form.mix().unwrap_err().contains("110 %"));
        form.rows[1].percent = "lots".into();
        assert!(form.mix().unwrap_err().contains("#BookTok"));
    }
}
