//! The Trends view's form for one capture typed in by hand: kind, name, rank, uses, BPM (for
//! sounds), region and the day it was captured (today unless changed). It checks what was typed
//! and hands back the item and its capture; the view turns that into an action.

use chrono::{DateTime, NaiveDate, Utc};
use eframe::egui;

use crate::domain::{TrendCapture, TrendItem, TrendItemId, TrendKind};
use crate::ui::theme;
use crate::ui::widgets::form;

/// What the user did with the form this frame.
pub(super) enum FormIntent {
    Add(TrendItem, TrendCapture),
    Close,
}

/// The form's fields as typed.
pub(super) struct CaptureForm {
    kind: TrendKind,
    name: String,
    rank: String,
    uses: String,
    bpm: String,
    region: String,
    captured: String,
    /// Why the last Add was refused (by the form or the workspace).
    pub error: Option<String>,
}

impl CaptureForm {
    /// An empty hashtag capture taken `today`.
    pub fn new(today: NaiveDate) -> Self {
        Self {
            kind: TrendKind::Hashtag,
            name: String::new(),
            rank: String::new(),
            uses: String::new(),
            bpm: String::new(),
            region: String::new(),
            captured: today.format("%Y-%m-%d").to_string(),
            error: None,
        }
    }

    /// Empties the item's fields after it was added; kind, region and day stay for the next.
    pub fn added(&mut self) {
        self.name.clear();
        self.rank.clear();
        self.uses.clear();
        self.bpm.clear();
        self.error = None;
    }

    /// The item and capture the fields describe, or what is wrong with them.
    pub fn entry(&self, now: DateTime<Utc>) -> Result<(TrendItem, TrendCapture), String> {
        let name = self.name.trim();
        let name = match self.kind {
            TrendKind::Hashtag => {
                let tag = name.trim_start_matches('#');
                if tag.chars().any(char::is_whitespace) {
                    return Err("A hashtag has no spaces.".into());
                }
                tag
            }
            _ => name,
        };
        if name.is_empty() {
            return Err("Type the item's name.".into());
        }
        let rank = match self.rank.trim() {
            "" => None,
            text => Some(
                text.trim_start_matches('#')
                    .parse::<u32>()
                    .ok()
                    .filter(|r| *r >= 1)
                    .ok_or("The rank is a whole number from 1.")?,
            ),
        };
        let uses = match self.uses.trim() {
            "" => None,
            text => Some(
                crate::workspace::read_count(text)
                    .ok_or("Uses is a count like 1200, 12.3K or 1.4M.")?,
            ),
        };
        let bpm = match self.bpm.trim() {
            text if self.kind != TrendKind::Sound || text.is_empty() => None,
            text => Some(
                text.parse::<u16>()
                    .ok()
                    .filter(|b| (1..=400).contains(b))
                    .ok_or("BPM is a whole number from 1 to 400.")?,
            ),
        };
        let region = region(&self.region)?;
        let captured_at = captured_at(&self.captured, now)?;
        let item = TrendItem {
            id: TrendItemId(0),
            kind: self.kind,
            name: name.to_string(),
            region,
            industry: String::new(),
            bpm,
            duration_s: None,
            commercial_ok: None,
        };
        let capture = TrendCapture {
            item: TrendItemId(0),
            captured_at,
            rank,
            rank_change: None,
            posts: uses,
            views: None,
            period_days: 7,
            source: "manual".into(),
        };
        Ok((item, capture))
    }

    /// Draws the form; Enter in a field adds, Escape closes.
    pub fn ui(&mut self, ui: &mut egui::Ui, now: DateTime<Utc>) -> Option<FormIntent> {
        let (mut submit, mut close) = (false, false);
        theme::card(ui).show(ui, |ui| {
            ui.set_width(ui.available_width());
            theme::section_heading(ui, "Add a capture");
            form::grid("trend-capture-form").show(ui, |ui| {
                kind_row(ui, "Kind", "trend-capture-kind", &mut self.kind);
                let mut fields = vec![
                    form::text_row(ui, "Name", &mut self.name, "#cottagecore, a sound's title"),
                    form::text_row(ui, "Rank", &mut self.rank, "1 (optional)"),
                    form::text_row(
                        ui,
                        "Uses",
                        &mut self.uses,
                        "posts using it: 12.3K (optional)",
                    ),
                ];
                if self.kind == TrendKind::Sound {
                    fields.push(form::text_row(ui, "BPM", &mut self.bpm, "128 (optional)"));
                }
                fields.push(form::text_row(
                    ui,
                    "Region",
                    &mut self.region,
                    "US, or empty for worldwide",
                ));
                fields.push(form::text_row(
                    ui,
                    "Captured on",
                    &mut self.captured,
                    "YYYY-MM-DD",
                ));
                submit = fields.iter().any(|f| {
                    f.lost_focus()
                        && ui.input(|i| i.key_pressed(crate::ui::shortcuts::SUBMIT.logical_key))
                });
            });
            if let Some(error) = &self.error {
                ui.label(theme::error_text(ui, error));
            }
            ui.horizontal(|ui| {
                if ui.add(theme::primary_button(ui, "Add")).clicked() {
                    submit = true;
                }
                close = ui.button("Close").clicked();
            });
        });
        if close || ui.input(|i| i.key_pressed(crate::ui::shortcuts::CLOSE.logical_key)) {
            return Some(FormIntent::Close);
        }
        if !submit {
            return None;
        }
        match self.entry(now) {
            Ok((item, capture)) => Some(FormIntent::Add(item, capture)),
            Err(error) => {
                self.error = Some(error);
                None
            }
        }
    }
}

/// A kind chooser as a labelled form row.
pub(super) fn kind_row(ui: &mut egui::Ui, text: &str, id: &str, kind: &mut TrendKind) {
    let label = form::label(ui, text);
    egui::ComboBox::from_id_salt(id)
        .selected_text(kind.label())
        .width(160.0)
        .show_ui(ui, |ui| {
            for k in TrendKind::ALL {
                ui.selectable_value(kind, *k, k.label());
            }
        })
        .response
        .labelled_by(label);
    ui.end_row();
}

/// A two-letter region in upper case, or empty for worldwide.
fn region(text: &str) -> Result<String, String> {
    let text = text.trim();
    if text.is_empty() || text.eq_ignore_ascii_case("worldwide") {
        return Ok(String::new());
    }
    if text.len() == 2 && text.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Ok(text.to_ascii_uppercase());
    }
    Err("The region is a two-letter code like US, or empty for worldwide.".into())
}

/// The instant of a capture taken on the typed day: now for today, midday UTC for an earlier
/// day; a day to come is refused.
pub(super) fn captured_at(text: &str, now: DateTime<Utc>) -> Result<DateTime<Utc>, String> {
    let day = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| "Captured on is a date like 2026-03-01.".to_string())?;
    let today = now.date_naive();
    if day > today {
        return Err(
            "Captured on is a day to come: a capture is of what trends now or before.".into(),
        );
    }
    if day == today {
        return Ok(now);
    }
    day.and_hms_opt(12, 0, 0)
        .map(|at| at.and_utc())
        .ok_or_else(|| "Captured on is not a day that exists.".into())
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 20, 15, 0, 0)
            .single()
            .expect("an instant")
    }

    #[test]
    fn the_fields_become_an_item_and_its_capture() {
        let mut form = CaptureForm::new(now().date_naive());
        form.kind = TrendKind::Sound;
        form.name = " Golden Hour - JVKE ".into();
        form.rank = "#3".into();
        form.uses = "12.3K".into();
        form.bpm = "94".into();
        form.region = "nl".into();
        let (item, capture) = form.entry(now()).expect("valid");
        assert_eq!(item.name, "Golden Hour - JVKE");
        assert_eq!((item.bpm, item.region.as_str()), (Some(94), "NL"));
        assert_eq!((capture.rank, capture.posts), (Some(3), Some(12_300)));
        assert_eq!(capture.captured_at, now(), "today is now");
        form.captured = "2026-02-27".into();
        let (_, earlier) = form.entry(now()).expect("valid");
        assert_eq!(
            earlier.captured_at.to_rfc3339(),
            "2026-02-27T12:00:00+00:00"
        );
    }

    #[test]
    fn what_cannot_be_read_is_refused_with_a_reason() {
        let mut form = CaptureForm::new(now().date_naive());
        assert!(form.entry(now()).is_err(), "no name");
        form.name = "#book tok".into();
        assert!(form.entry(now()).unwrap_err().contains("no spaces"));
        form.name = "#booktok".into();
        form.rank = "0".into();
        assert!(form.entry(now()).unwrap_err().contains("rank"));
        form.rank = "2".into();
        form.captured = "2026-03-21".into();
        assert!(form.entry(now()).unwrap_err().contains("day to come"));
        form.captured = "2026-03-20".into();
        form.bpm = "fast".into();
        let (item, _) = form.entry(now()).expect("BPM is ignored for hashtags");
        assert_eq!((item.name.as_str(), item.bpm), ("booktok", None));
    }
}
