//! Moving a post to a dropped day and time: the new wall time is resolved in the account's
//! zone by [`crate::schedule::resolve`]. An ordinary time becomes a
//! [`Action::MovePlanEntry`] at once; a time the clocks skip (spring forward) or pass twice
//! (fall back) opens a small dialog with the two instants it can mean, and nothing moves until
//! the user picks one.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use chrono_tz::Tz;
use eframe::egui::{self, RichText};

use crate::domain::PlanEntry;
use crate::schedule::{Choice, Resolution, describe, resolve};
use crate::ui::theme;
use crate::ui::view::Action;

/// A drop that waits for the user to pick one reading of its wall time.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingMove {
    pub before: PlanEntry,
    pub zone: Tz,
    pub wall: NaiveDateTime,
    pub resolution: Resolution,
    /// What the dialog says, naming both choices.
    pub message: String,
}

/// What a drop leads to.
#[derive(Debug, Clone, PartialEq)]
pub enum MoveStep {
    Move(Action),
    Ask(PendingMove),
}

/// The wall time of a local date and minute of the day.
pub fn wall_time(date: NaiveDate, minute: u32) -> NaiveDateTime {
    let time = NaiveTime::from_hms_opt(minute / 60 % 24, minute % 60, 0).unwrap_or(NaiveTime::MIN);
    date.and_time(time)
}

fn action(before: &PlanEntry, zone: Tz, wall: NaiveDateTime, instant: DateTime<Utc>) -> Action {
    Action::MovePlanEntry {
        before: before.clone(),
        zone,
        wall_time: wall,
        instant,
    }
}

/// Resolves a drop of `before` on `date` at `minute` in `zone`.
pub fn drop_on(before: &PlanEntry, zone: Tz, date: NaiveDate, minute: u32) -> MoveStep {
    let wall = wall_time(date, minute);
    let resolution = resolve(zone, wall);
    match resolution.exact() {
        Some(instant) => MoveStep::Move(action(before, zone, wall, instant)),
        None => MoveStep::Ask(PendingMove {
            before: before.clone(),
            zone,
            wall,
            message: describe(zone, wall, &resolution),
            resolution,
        }),
    }
}

/// The label of a choice's button: `Earlier: 01:30 CET`.
pub fn choice_label(pending: &PendingMove, choice: Choice) -> String {
    let at = pending.resolution.pick(choice).with_timezone(&pending.zone);
    let which = match choice {
        Choice::Earlier => "Earlier",
        Choice::Later => "Later",
    };
    format!("{which}: {}", at.format("%H:%M %Z"))
}

/// What the dialog decided.
pub enum Decision {
    Undecided,
    Cancel,
    Move(Action),
}

/// The choice dialog for a pending move.
pub fn dialog(ctx: &egui::Context, pending: &PendingMove) -> Decision {
    let mut decision = Decision::Undecided;
    let title = match pending.resolution {
        Resolution::Gap { .. } => "This time does not exist",
        _ => "This time happens twice",
    };
    let modal = egui::Modal::new(egui::Id::unique("calendar-clock-change")).show(ctx, |ui| {
        ui.set_max_width(420.0);
        ui.label(
            RichText::new(title)
                .text_style(theme::subheading())
                .strong(),
        );
        ui.add_space(theme::SPACE_S);
        ui.label(&pending.message);
        ui.add_space(theme::SPACE_M);
        ui.horizontal(|ui| {
            for choice in [Choice::Earlier, Choice::Later] {
                if ui.button(choice_label(pending, choice)).clicked() {
                    let instant = pending.resolution.pick(choice);
                    decision = Decision::Move(action(
                        &pending.before,
                        pending.zone,
                        pending.wall,
                        instant,
                    ));
                }
            }
            if ui.button("Cancel").clicked() {
                decision = Decision::Cancel;
            }
        });
    });
    if modal.should_close() && matches!(decision, Decision::Undecided) {
        decision = Decision::Cancel;
    }
    decision
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{AccountId, DraftId, PlanEntryId};

    fn entry() -> PlanEntry {
        PlanEntry {
            id: PlanEntryId(1),
            account: AccountId(1),
            draft: DraftId(1),
            wall_time: wall_time(NaiveDate::from_ymd_opt(2027, 3, 28).unwrap(), 240),
            zone: chrono_tz::Europe::Amsterdam,
            instant: DateTime::<Utc>::MIN_UTC,
            uid: "x@scrollstop".into(),
            sequence: 0,
            pinned: false,
            reason: String::new(),
        }
    }

    #[test]
    fn a_drop_in_the_spring_gap_asks_and_an_ordinary_one_moves() {
        let zone = chrono_tz::Europe::Amsterdam;
        let day = NaiveDate::from_ymd_opt(2027, 3, 28).unwrap();
        let MoveStep::Ask(pending) = drop_on(&entry(), zone, day, 150) else {
            panic!("02:30 on the spring-forward day needs a choice");
        };
        assert!(pending.message.contains("does not exist"));
        assert_eq!(
            choice_label(&pending, Choice::Earlier),
            "Earlier: 01:30 CET"
        );
        assert_eq!(choice_label(&pending, Choice::Later), "Later: 03:30 CEST");
        let MoveStep::Move(Action::MovePlanEntry {
            instant,
            wall_time: w,
            ..
        }) = drop_on(&entry(), zone, day, 600)
        else {
            panic!("10:00 is an ordinary time");
        };
        assert_eq!(w, wall_time(day, 600));
        assert_eq!(instant.to_rfc3339(), "2027-03-28T08:00:00+00:00");
    }

    #[test]
    fn a_drop_into_the_autumn_overlap_asks_too() {
        let zone = chrono_tz::Europe::Amsterdam;
        let day = NaiveDate::from_ymd_opt(2027, 10, 31).unwrap();
        let MoveStep::Ask(pending) = drop_on(&entry(), zone, day, 150) else {
            panic!("02:30 on the fall-back day happens twice");
        };
        assert!(
            pending.message.contains("happens twice"),
            "{}",
            pending.message
        );
        assert_eq!(
            choice_label(&pending, Choice::Earlier),
            "Earlier: 02:30 CEST"
        );
        assert_eq!(choice_label(&pending, Choice::Later), "Later: 02:30 CET");
        let MoveStep::Move(_) = drop_on(&entry(), chrono_tz::Asia::Tokyo, day, 150) else {
            panic!("Tokyo has no clock change");
        };
    }
}
