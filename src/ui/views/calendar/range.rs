//! Which dates the calendar shows: a week (Monday to Sunday), a month as a 6 x 7 grid starting
//! on the Monday on or before the 1st, or the agenda's window around the focused date; and how
//! previous / next / today move the focus. Pure date arithmetic in the account's local dates.

use chrono::{Datelike, Days, Months, NaiveDate};

/// How the calendar lays out its dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Seven day columns by 24 hours.
    #[default]
    Week,
    /// Six weeks of day cells around a month.
    Month,
    /// A list of the planned posts by day.
    Agenda,
}

impl Mode {
    pub const ALL: [Mode; 3] = [Mode::Week, Mode::Month, Mode::Agenda];

    pub fn label(self) -> &'static str {
        match self {
            Mode::Week => "Week",
            Mode::Month => "Month",
            Mode::Agenda => "Agenda",
        }
    }
}

/// Days the agenda shows before the focused date.
pub const AGENDA_DAYS_BACK: u64 = 7;
/// Days the agenda shows after the focused date.
pub const AGENDA_DAYS_AHEAD: u64 = 60;

/// The Monday on or before `date`.
pub fn week_start(date: NaiveDate) -> NaiveDate {
    date - Days::new(u64::from(date.weekday().num_days_from_monday()))
}

/// The first and last date (both included) shown for `focus` in `mode`.
pub fn visible_dates(mode: Mode, focus: NaiveDate) -> (NaiveDate, NaiveDate) {
    match mode {
        Mode::Week => {
            let start = week_start(focus);
            (start, start + Days::new(6))
        }
        Mode::Month => {
            let first = focus.with_day(1).unwrap_or(focus);
            let start = week_start(first);
            (start, start + Days::new(41))
        }
        Mode::Agenda => (
            focus - Days::new(AGENDA_DAYS_BACK),
            focus + Days::new(AGENDA_DAYS_AHEAD),
        ),
    }
}

/// The focus one step back (`forward` false) or ahead: a week, a month, or the agenda's length.
pub fn step(mode: Mode, focus: NaiveDate, forward: bool) -> NaiveDate {
    let moved = match mode {
        Mode::Week => shift_days(focus, 7, forward),
        Mode::Agenda => shift_days(focus, AGENDA_DAYS_AHEAD, forward),
        Mode::Month => {
            let first = focus.with_day(1).unwrap_or(focus);
            if forward {
                first.checked_add_months(Months::new(1))
            } else {
                first.checked_sub_months(Months::new(1))
            }
        }
    };
    moved.unwrap_or(focus)
}

fn shift_days(date: NaiveDate, days: u64, forward: bool) -> Option<NaiveDate> {
    if forward {
        date.checked_add_days(Days::new(days))
    } else {
        date.checked_sub_days(Days::new(days))
    }
}

/// The focus after switching away from `mode` (showing `focus`): today's period when today is
/// shown now (the agenda starts a week back, so its focus is not the week the user sees), else
/// the date the old view was focused on.
pub fn focus_after_switch(mode: Mode, focus: NaiveDate, today: NaiveDate) -> Option<NaiveDate> {
    let (from, to) = visible_dates(mode, focus);
    if (from..=to).contains(&today) {
        None
    } else {
        Some(focus)
    }
}

/// The heading of the shown period: `23 – 29 Mar 2026`, `March 2026`, `From 22 Mar 2026`.
pub fn title(mode: Mode, focus: NaiveDate) -> String {
    let (from, to) = visible_dates(mode, focus);
    match mode {
        Mode::Week if from.month() == to.month() => {
            format!("{} – {}", from.format("%-d"), to.format("%-d %b %Y"))
        }
        Mode::Week if from.year() == to.year() => {
            format!("{} – {}", from.format("%-d %b"), to.format("%-d %b %Y"))
        }
        Mode::Week => format!("{} – {}", from.format("%-d %b %Y"), to.format("%-d %b %Y")),
        Mode::Month => focus.format("%B %Y").to_string(),
        Mode::Agenda => format!("{} – {}", from.format("%-d %b"), to.format("%-d %b %Y")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn weeks_run_monday_to_sunday() {
        assert_eq!(
            visible_dates(Mode::Week, date(2026, 3, 29)),
            (date(2026, 3, 23), date(2026, 3, 29))
        );
        assert_eq!(title(Mode::Week, date(2026, 3, 29)), "23 – 29 Mar 2026");
        assert_eq!(title(Mode::Week, date(2026, 4, 1)), "30 Mar – 5 Apr 2026");
    }

    #[test]
    fn a_month_is_six_weeks_from_the_monday_before_the_first() {
        let (from, to) = visible_dates(Mode::Month, date(2026, 3, 17));
        assert_eq!(from, date(2026, 2, 23));
        assert_eq!(to, date(2026, 4, 5));
        assert_eq!((to - from).num_days(), 41);
        assert_eq!(title(Mode::Month, date(2026, 3, 17)), "March 2026");
    }

    #[test]
    fn stepping_moves_a_week_or_a_month() {
        assert_eq!(step(Mode::Week, date(2026, 3, 29), true), date(2026, 4, 5));
        assert_eq!(step(Mode::Month, date(2026, 1, 31), true), date(2026, 2, 1));
        assert_eq!(
            step(Mode::Month, date(2026, 1, 31), false),
            date(2025, 12, 1)
        );
        assert_eq!(step(Mode::Agenda, date(2026, 1, 1), true), date(2026, 3, 2));
    }

    #[test]
    fn switching_views_keeps_today_when_today_is_shown() {
        let today = date(2026, 3, 18);
        // An agenda focused a month back still lists today: the week is today's.
        assert_eq!(
            focus_after_switch(Mode::Agenda, date(2026, 2, 18), today),
            None
        );
        assert_eq!(
            focus_after_switch(Mode::Month, date(2026, 3, 1), today),
            None
        );
        // A period without today keeps its own date.
        let old = date(2025, 11, 3);
        assert_eq!(focus_after_switch(Mode::Agenda, old, today), Some(old));
        assert_eq!(focus_after_switch(Mode::Week, old, today), Some(old));
    }
}
