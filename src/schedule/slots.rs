//! Posting slots: wall times expanded per local date, never fixed UTC offsets.
//!
//! A recurring slot ("Tue and Thu at 18:00") and the cadence's hourly grid ("every allowed
//! hour of every allowed day") both become [`WallSlot`]s: a local date and wall time with its
//! [`Resolution`]. The 18:00 slot is 18:00 local on every date, before and after a clock
//! change. Wall times in a gap or an overlap are never planned automatically: they are handed
//! back with their two choices so the caller can ask the user.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use super::cadence::{CadenceRules, day_allowed};
use super::wall::{Resolution, resolve};

/// A wall time that repeats on some weekdays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RecurringSlot {
    /// Bit 0 = Monday ... bit 6 = Sunday.
    pub days: u8,
    pub time: NaiveTime,
}

/// One wall time on one local date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct WallSlot {
    pub date: NaiveDate,
    pub wall: NaiveDateTime,
    pub resolution: Resolution,
}

/// A slot the planner may use: an unambiguous wall time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CandidateSlot {
    pub date: NaiveDate,
    pub wall: NaiveDateTime,
    pub instant: DateTime<Utc>,
    /// Monday 00:00 local = 0 ... Sunday 23:00 = 167.
    pub hour_of_week: u8,
}

/// The dates from `from` to `to`, both included.
pub fn dates(from: NaiveDate, to: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    from.iter_days().take_while(move |d| *d <= to)
}

/// Expands recurring slots over `from..=to` in `zone`, in date then time order.
pub fn expand(slots: &[RecurringSlot], zone: Tz, from: NaiveDate, to: NaiveDate) -> Vec<WallSlot> {
    let mut times: Vec<&RecurringSlot> = slots.iter().collect();
    times.sort_by_key(|s| s.time);
    let mut out = Vec::new();
    for date in dates(from, to) {
        for slot in times.iter().filter(|s| day_allowed(s.days, date)) {
            let wall = date.and_time(slot.time);
            out.push(WallSlot {
                date,
                wall,
                resolution: resolve(zone, wall),
            });
        }
    }
    out
}

/// The cadence's hourly grid: every allowed hour (`first_hour..=last_hour`, on the hour) of
/// every allowed day in `from..=to`.
pub fn hourly_grid(
    rules: &CadenceRules,
    zone: Tz,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<WallSlot> {
    let hours: Vec<RecurringSlot> = (rules.first_hour..=rules.last_hour.min(23))
        .filter_map(|h| NaiveTime::from_hms_opt(u32::from(h), 0, 0))
        .map(|time| RecurringSlot {
            days: rules.allowed_days,
            time,
        })
        .collect();
    expand(&hours, zone, from, to)
}

/// Splits wall slots into the unambiguous candidates and the ones that need the user's
/// choice (in a clock change's gap or overlap).
pub fn candidates(slots: &[WallSlot]) -> (Vec<CandidateSlot>, Vec<WallSlot>) {
    let mut ok = Vec::with_capacity(slots.len());
    let mut ask = Vec::new();
    for s in slots {
        match s.resolution {
            Resolution::Exact(instant) => ok.push(CandidateSlot {
                date: s.date,
                wall: s.wall,
                instant,
                hour_of_week: hour_of_week(s.wall),
            }),
            _ => ask.push(*s),
        }
    }
    (ok, ask)
}

/// Monday 00:00 = 0 ... Sunday 23:00 = 167 for a wall time.
pub fn hour_of_week(wall: NaiveDateTime) -> u8 {
    use chrono::Timelike;
    (wall.weekday().num_days_from_monday() * 24 + wall.hour()) as u8
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Timelike;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn nine() -> RecurringSlot {
        RecurringSlot {
            days: 0b111_1111,
            time: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
        }
    }

    #[test]
    fn a_nine_oclock_slot_stays_nine_local_across_both_clock_changes() {
        for (zone, spring, autumn) in [
            (
                chrono_tz::Europe::Amsterdam,
                date(2026, 3, 29),
                date(2026, 10, 25),
            ),
            (
                chrono_tz::America::New_York,
                date(2026, 3, 8),
                date(2026, 11, 1),
            ),
            (
                chrono_tz::Asia::Tokyo,
                date(2026, 3, 29),
                date(2026, 10, 25),
            ),
        ] {
            for day in [spring, autumn] {
                let slots = expand(
                    &[nine()],
                    zone,
                    day.pred_opt().unwrap(),
                    day.succ_opt().unwrap(),
                );
                let (ok, ask) = candidates(&slots);
                assert!(ask.is_empty());
                assert_eq!(ok.len(), 3);
                for c in &ok {
                    let local = c.instant.with_timezone(&zone);
                    assert_eq!((local.hour(), local.minute()), (9, 0), "{zone} {}", c.date);
                    assert_eq!(local.date_naive(), c.date);
                }
            }
        }
        // Amsterdam: 09:00 is 08:00 UTC in winter and 07:00 UTC in summer.
        let slots = expand(
            &[nine()],
            chrono_tz::Europe::Amsterdam,
            date(2026, 3, 28),
            date(2026, 3, 29),
        );
        let (ok, _) = candidates(&slots);
        assert_eq!(ok[0].instant.hour(), 8);
        assert_eq!(ok[1].instant.hour(), 7);
    }

    #[test]
    fn slots_in_a_gap_or_an_overlap_are_handed_back_for_a_choice() {
        let half_two = RecurringSlot {
            days: 0b111_1111,
            time: NaiveTime::from_hms_opt(2, 30, 0).unwrap(),
        };
        let zone = chrono_tz::Europe::Amsterdam;
        let (ok, ask) = candidates(&expand(
            &[half_two],
            zone,
            date(2026, 3, 28),
            date(2026, 3, 30),
        ));
        assert_eq!(ok.len(), 2);
        assert_eq!(ask.len(), 1);
        assert!(matches!(ask[0].resolution, Resolution::Gap { .. }));
        let (ok, ask) = candidates(&expand(
            &[half_two],
            zone,
            date(2026, 10, 24),
            date(2026, 10, 26),
        ));
        assert_eq!(ok.len(), 2);
        assert!(matches!(ask[0].resolution, Resolution::Overlap { .. }));
    }

    proptest::proptest! {
        #[test]
        fn every_candidate_keeps_its_wall_time_and_date(
            day in 0i64..730,
            minute in 0u32..1440,
            zone in proptest::sample::select(vec![
                chrono_tz::Europe::Amsterdam, chrono_tz::America::New_York, chrono_tz::Asia::Tokyo,
                chrono_tz::America::Santiago, chrono_tz::Australia::Lord_Howe,
            ]),
        ) {
            let from = date(2026, 1, 1) + chrono::Duration::days(day);
            let slot = RecurringSlot {
                days: 0b111_1111,
                time: NaiveTime::from_hms_opt(minute / 60, minute % 60, 0).unwrap(),
            };
            let all = expand(&[slot], zone, from, from + chrono::Duration::days(2));
            proptest::prop_assert_eq!(all.len(), 3);
            let (ok, ask) = candidates(&all);
            for c in &ok {
                proptest::prop_assert_eq!(c.instant.with_timezone(&zone).naive_local(), c.wall);
                proptest::prop_assert_eq!(c.wall.date(), c.date);
            }
            for w in &ask {
                // A gap's or an overlap's choices are the two different instants, one hour or
                // less apart (Lord Howe moves by 30 minutes).
                let (a, b) = (w.resolution.pick(super::super::wall::Choice::Earlier), w.resolution.pick(super::super::wall::Choice::Later));
                proptest::prop_assert!(a < b && b - a <= chrono::Duration::hours(1));
            }
        }
    }

    #[test]
    fn recurring_slots_only_fall_on_their_weekdays() {
        let tue_thu = RecurringSlot {
            days: 0b000_1010,
            time: NaiveTime::from_hms_opt(18, 0, 0).unwrap(),
        };
        let slots = expand(
            &[tue_thu],
            chrono_tz::UTC,
            date(2026, 11, 30),
            date(2026, 12, 13),
        );
        let days: Vec<String> = slots
            .iter()
            .map(|s| s.date.format("%a %d").to_string())
            .collect();
        assert_eq!(days, ["Tue 01", "Thu 03", "Tue 08", "Thu 10"]);
        assert_eq!(hour_of_week(slots[0].wall), 24 + 18);
    }
}
