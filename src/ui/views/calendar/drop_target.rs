//! Where a dragged post would land: the instant of a snapped date and minute on the
//! calendar's clock, the cadence conflicts it would have there, the label shown under the drag
//! (with the viewer's time, and the post's own account's where the clocks differ), and the drop
//! read on the post's own account's clock. Pure: the week and the view draw and act on it.

use chrono::{NaiveDate, Timelike};

use super::conflicts::{self, Timed};
use super::data::{CalEntry, CalendarData};
use super::{moving, week};
use crate::schedule::wall::earliest;
use crate::ui::widgets::zone_time::viewer_time;

/// The cadence conflicts (too close to another post, too many on the day) the dragged entry
/// would have if dropped at `date` `minute` of the calendar's clock: checked against the posts
/// and rules of the entry's own account, its days counted on that account's clock.
pub(super) fn drop_findings(
    data: &CalendarData,
    moving: &CalEntry,
    date: NaiveDate,
    minute: u32,
) -> Vec<String> {
    let Some(instant) = target_instant(data, date, minute) else {
        return Vec::new();
    };
    let account = moving.entry.account;
    let Some(lane) = data.lane(account) else {
        return Vec::new();
    };
    let own_date = |at: chrono::DateTime<chrono::Utc>| at.with_timezone(&lane.zone).date_naive();
    let others: Vec<Timed> = data
        .entries
        .iter()
        .filter(|c| c.entry.id != moving.entry.id && c.entry.account == account)
        .map(|c| Timed {
            instant: c.entry.instant,
            date: own_date(c.entry.instant),
        })
        .collect();
    let moved = Timed {
        instant,
        date: own_date(instant),
    };
    conflicts::after_move(&others, moved, &lane.rules)
}

/// The instant of `minute` on `date` on the account's clock (the earlier one where the clocks
/// go back; `None` where they skip it).
pub(super) fn target_instant(
    data: &CalendarData,
    date: NaiveDate,
    minute: u32,
) -> Option<chrono::DateTime<chrono::Utc>> {
    let local = date.and_hms_opt(minute / 60, minute % 60, 0)?;
    earliest(data.zone, local)
}

/// `Tue 24 Mar 18:15`, and the viewer's time where it differs: what a drag shows.
pub(super) fn target_label(zone: chrono_tz::Tz, date: NaiveDate, minute: u32) -> String {
    let wall = moving::wall_time(date, minute);
    let text = wall.format("%a %-d %b %H:%M").to_string();
    match crate::schedule::resolve(zone, wall) {
        crate::schedule::Resolution::Exact(at) => match viewer_time(at, zone, &chrono::Local) {
            Some(viewer) => format!("{text} · {viewer}"),
            None => text,
        },
        crate::schedule::Resolution::Gap { .. } => format!("{text} · skipped by the clock change"),
        crate::schedule::Resolution::Overlap { .. } => format!("{text} · happens twice"),
    }
}

/// `08:00 @nycdeli`: where a dragged post of another zone's account would go on its own clock
/// (all accounts shown); `None` when the clocks read the same.
pub(super) fn own_clock(
    data: &CalendarData,
    e: &CalEntry,
    date: NaiveDate,
    minute: u32,
) -> Option<String> {
    let tag = e.account.as_ref()?;
    let drop = week::Dropped {
        entry: e.entry.id,
        date,
        minute,
    };
    let own = on_own_clock(data, e, drop);
    (own.zone != data.zone).then(|| {
        let wall = moving::wall_time(own.date, own.minute);
        format!("{} {}", wall.format("%H:%M"), tag.handle)
    })
}

/// A drop read on the calendar's clock, as a date and minute of the dropped post's own
/// account's clock (the same unless all accounts are shown and the zones differ). Where the
/// calendar's clock passes a time twice, the earlier is meant; the account's own clock change
/// still asks (see [`moving::drop_on`]).
pub(super) fn on_own_clock(data: &CalendarData, e: &CalEntry, drop: week::Dropped) -> Dropped {
    let zone = data.lane(e.entry.account).map_or(data.zone, |l| l.zone);
    if zone == data.zone {
        return Dropped {
            zone,
            ..drop.into()
        };
    }
    match target_instant(data, drop.date, drop.minute) {
        Some(at) => {
            let own = at.with_timezone(&zone);
            Dropped {
                zone,
                date: own.date_naive(),
                minute: own.hour() * 60 + own.minute(),
            }
        }
        None => Dropped {
            zone,
            ..drop.into()
        },
    }
}

/// A drop on a date and minute of `zone`'s clock.
#[derive(Debug, Clone, Copy)]
pub(super) struct Dropped {
    pub(super) zone: chrono_tz::Tz,
    pub(super) date: NaiveDate,
    pub(super) minute: u32,
}

impl From<week::Dropped> for Dropped {
    fn from(d: week::Dropped) -> Self {
        Self {
            zone: chrono_tz::UTC,
            date: d.date,
            minute: d.minute,
        }
    }
}
