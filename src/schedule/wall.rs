//! Wall time + zone -> UTC instant, with clock changes surfaced instead of smoothed over.
//!
//! A wall time on a day the clocks go forward may not exist (02:30 in Amsterdam on the last
//! Sunday of March); one on the day they go back may exist twice (02:30 on the last Sunday of
//! October, first in summer time, then in winter time). [`resolve`] returns a [`Resolution`]
//! that says which case applies; for a gap or an overlap the caller must pick a [`Choice`]
//! (normally by asking the user). Nothing here shifts a time on its own.
//!
//! The two other ways in are for times no one chose: [`earliest`] (a grid hour, a form's
//! day-and-hour; `None` in a gap, which the caller steps over) and [`day_start`] (where a local
//! date begins). Every conversion from a wall time to an instant goes through this file.

use chrono::{
    DateTime, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Utc,
};
use chrono_tz::Tz;
use serde::Serialize;

/// Which of two readings of a wall time the user picked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Choice {
    /// The earlier instant: for a gap, the wall time read with the offset after the change
    /// (it shows as one hour earlier); for an overlap, the first occurrence.
    Earlier,
    /// The later instant: for a gap, the wall time read with the offset before the change (it
    /// shows as one hour later); for an overlap, the second occurrence.
    Later,
}

/// What a wall time in a zone means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Resolution {
    /// Exactly one instant.
    Exact(DateTime<Utc>),
    /// The wall time does not exist: the clocks skip over it. `earlier` and `later` are the two
    /// instants it could mean; both show as a different wall time.
    Gap {
        earlier: DateTime<Utc>,
        later: DateTime<Utc>,
    },
    /// The wall time happens twice: the clocks go back over it.
    Overlap {
        earlier: DateTime<Utc>,
        later: DateTime<Utc>,
    },
}

/// A gap or overlap met where no choice was given.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct NeedsChoice {
    pub wall: NaiveDateTime,
    pub zone: Tz,
    pub resolution: Resolution,
    /// What to tell the user, naming both choices.
    pub message: String,
}

/// Resolves `wall` in `zone`.
pub fn resolve(zone: Tz, wall: NaiveDateTime) -> Resolution {
    match zone.from_local_datetime(&wall) {
        LocalResult::Single(t) => Resolution::Exact(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(a, b) => {
            let (a, b) = (a.with_timezone(&Utc), b.with_timezone(&Utc));
            Resolution::Overlap {
                earlier: a.min(b),
                later: a.max(b),
            }
        }
        LocalResult::None => {
            // The offsets just before and just after the gap (gaps are at most a few hours).
            let before = offset_seconds(zone, wall - Duration::hours(3));
            let after = offset_seconds(zone, wall + Duration::hours(3));
            let with = |offset: i64| wall.and_utc() - Duration::seconds(offset);
            let (x, y) = (with(before), with(after));
            Resolution::Gap {
                earlier: x.min(y),
                later: x.max(y),
            }
        }
    }
}

/// The first instant `wall` means in `zone`: the only one, or the earlier of two where the
/// clocks go back; `None` where they skip over it. For times no one chose (a grid hour, a
/// form's day and hour) that may simply step over a gap; a time the user chose goes through
/// [`resolve`], so a gap or an overlap is put to them.
pub fn earliest(zone: Tz, wall: NaiveDateTime) -> Option<DateTime<Utc>> {
    zone.from_local_datetime(&wall)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
}

/// The UTC instant at which local `date` starts in `zone` (its first existing minute when a
/// clock change skips midnight). `[day_start(d), day_start(d + 1))` is the local day.
pub fn day_start(zone: Tz, date: NaiveDate) -> DateTime<Utc> {
    match resolve(zone, date.and_time(NaiveTime::MIN)) {
        Resolution::Exact(t) | Resolution::Overlap { earlier: t, .. } => t,
        // Midnight was skipped: the day starts where the gap ends.
        Resolution::Gap { later, .. } => later,
    }
}

/// The zone's UTC offset in seconds at a wall time near a clock change (the first existing
/// reading, or the wall time read as UTC if the zone has nothing there).
fn offset_seconds(zone: Tz, wall: NaiveDateTime) -> i64 {
    let at = earliest(zone, wall).unwrap_or_else(|| wall.and_utc());
    i64::from(
        zone.offset_from_utc_datetime(&at.naive_utc())
            .fix()
            .local_minus_utc(),
    )
}

impl Resolution {
    /// The instant when the wall time is unambiguous.
    pub fn exact(&self) -> Option<DateTime<Utc>> {
        match self {
            Resolution::Exact(t) => Some(*t),
            _ => None,
        }
    }

    /// The instant for a choice (ignored when the wall time is unambiguous).
    pub fn pick(&self, choice: Choice) -> DateTime<Utc> {
        match (self, choice) {
            (Resolution::Exact(t), _) => *t,
            (
                Resolution::Gap { earlier, .. } | Resolution::Overlap { earlier, .. },
                Choice::Earlier,
            ) => *earlier,
            (Resolution::Gap { later, .. } | Resolution::Overlap { later, .. }, Choice::Later) => {
                *later
            }
        }
    }

    /// The instant, using `choice` for a gap or overlap; without one those are an error that
    /// names both choices.
    pub fn instant(
        &self,
        zone: Tz,
        wall: NaiveDateTime,
        choice: Option<Choice>,
    ) -> Result<DateTime<Utc>, NeedsChoice> {
        match (self, choice) {
            (Resolution::Exact(t), _) => Ok(*t),
            (_, Some(c)) => Ok(self.pick(c)),
            (_, None) => Err(NeedsChoice {
                wall,
                zone,
                resolution: *self,
                message: describe(zone, wall, self),
            }),
        }
    }
}

/// `13:05 CET` style: the instant's wall clock and zone abbreviation.
fn clock(zone: Tz, at: DateTime<Utc>) -> String {
    at.with_timezone(&zone).format("%H:%M %Z").to_string()
}

/// What a user reads about a wall time: nothing special for an exact one, both choices for a
/// gap or an overlap.
pub fn describe(zone: Tz, wall: NaiveDateTime, resolution: &Resolution) -> String {
    let when = wall.format("%H:%M on %a %-d %b %Y");
    match resolution {
        Resolution::Exact(t) => format!("{when} in {} is {}", zone.name(), clock(zone, *t)),
        Resolution::Gap { earlier, later } => format!(
            "{when} does not exist in {}: the clocks go forward over it. Post at {} (earlier) or at {} (later).",
            zone.name(),
            clock(zone, *earlier),
            clock(zone, *later)
        ),
        Resolution::Overlap { earlier, later } => format!(
            "{when} happens twice in {}: the clocks go back over it. Post at the first {} or at the second {}.",
            zone.name(),
            clock(zone, *earlier),
            clock(zone, *later)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn wall(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, min, 0)
            .unwrap()
    }

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        wall(y, m, d, h, min).and_utc()
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_day_starts_at_its_first_existing_minute() {
        let ams = chrono_tz::Europe::Amsterdam;
        assert_eq!(day_start(ams, date(2026, 11, 27)), utc(2026, 11, 26, 23, 0));
        assert_eq!(
            day_start(ams, date(2026, 3, 29)).to_rfc3339(),
            "2026-03-28T23:00:00+00:00"
        );
        assert_eq!(
            day_start(ams, date(2026, 3, 30)).to_rfc3339(),
            "2026-03-29T22:00:00+00:00"
        );
        // Santiago skips midnight when its clocks go forward (6 Sep 2026).
        let scl = chrono_tz::America::Santiago;
        let start = day_start(scl, date(2026, 9, 6)).with_timezone(&scl);
        assert_eq!(start.format("%H:%M").to_string(), "01:00");
    }

    #[test]
    fn the_earliest_reading_is_the_first_of_an_overlap_and_none_in_a_gap() {
        let zone = chrono_tz::Europe::Amsterdam;
        assert_eq!(
            earliest(zone, wall(2026, 3, 28, 9, 0)),
            Some(utc(2026, 3, 28, 8, 0))
        );
        assert_eq!(earliest(zone, wall(2026, 3, 29, 2, 30)), None);
        assert_eq!(
            earliest(zone, wall(2026, 10, 25, 2, 30)),
            Some(utc(2026, 10, 25, 0, 30))
        );
    }

    #[test]
    fn an_ordinary_wall_time_has_one_instant() {
        let r = resolve(chrono_tz::Europe::Amsterdam, wall(2026, 3, 28, 9, 0));
        assert_eq!(r, Resolution::Exact(utc(2026, 3, 28, 8, 0)));
        let r = resolve(chrono_tz::Asia::Tokyo, wall(2026, 3, 29, 2, 30));
        assert_eq!(r, Resolution::Exact(utc(2026, 3, 28, 17, 30)));
    }

    #[test]
    fn spring_forward_is_a_gap_with_two_choices() {
        let zone = chrono_tz::Europe::Amsterdam;
        let w = wall(2026, 3, 29, 2, 30);
        let r = resolve(zone, w);
        assert_eq!(
            r,
            Resolution::Gap {
                earlier: utc(2026, 3, 29, 0, 30),
                later: utc(2026, 3, 29, 1, 30),
            }
        );
        let err = r.instant(zone, w, None).unwrap_err();
        assert!(err.message.contains("does not exist"), "{}", err.message);
        assert!(err.message.contains("03:30 CEST"), "{}", err.message);
        assert!(err.message.contains("01:30 CET"), "{}", err.message);
        assert_eq!(
            r.instant(zone, w, Some(Choice::Later)),
            Ok(utc(2026, 3, 29, 1, 30))
        );

        let ny = chrono_tz::America::New_York;
        let r = resolve(ny, wall(2026, 3, 8, 2, 15));
        assert_eq!(
            r,
            Resolution::Gap {
                earlier: utc(2026, 3, 8, 6, 15),
                later: utc(2026, 3, 8, 7, 15),
            }
        );
    }

    #[test]
    fn fall_back_is_an_overlap_with_two_choices() {
        let zone = chrono_tz::Europe::Amsterdam;
        let w = wall(2026, 10, 25, 2, 30);
        let r = resolve(zone, w);
        assert_eq!(
            r,
            Resolution::Overlap {
                earlier: utc(2026, 10, 25, 0, 30),
                later: utc(2026, 10, 25, 1, 30),
            }
        );
        let message = describe(zone, w, &r);
        assert!(message.contains("happens twice"), "{message}");
        assert_eq!(r.pick(Choice::Earlier), utc(2026, 10, 25, 0, 30));
        assert_eq!(r.exact(), None);

        let ny = chrono_tz::America::New_York;
        let r = resolve(ny, wall(2026, 11, 1, 1, 30));
        assert_eq!(r.pick(Choice::Later), utc(2026, 11, 1, 6, 30));
        assert_eq!(r.pick(Choice::Earlier), utc(2026, 11, 1, 5, 30));
    }
}
