//! Planned times for a team spread over time zones: the plan's days in the account's zone,
//! their headings (`Today · Friday 27 Nov`) and the viewer's own clock time beside the
//! account's. Pure formatting: nothing here reads the workspace or draws. Where a local day
//! starts is `schedule::wall::day_start`.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;

use crate::domain::PlanEntry;

/// Entries (in time order) grouped by their date in `tz`.
pub fn group_by_day(entries: &[PlanEntry], tz: Tz) -> Vec<(NaiveDate, Vec<&PlanEntry>)> {
    let mut days: Vec<(NaiveDate, Vec<&PlanEntry>)> = Vec::new();
    for e in entries {
        let date = e.instant.with_timezone(&tz).date_naive();
        match days.last_mut() {
            Some((d, group)) if *d == date => group.push(e),
            _ => days.push((date, vec![e])),
        }
    }
    days
}

/// `Today · Friday 27 Nov`, `Tomorrow · ...`, `Yesterday · ...`, else `Monday 30 Nov`.
pub fn day_heading(date: NaiveDate, today: NaiveDate) -> String {
    let name = date.format("%A %-d %b").to_string();
    let delta = (date - today).num_days();
    match delta {
        0 => format!("Today · {name}"),
        1 => format!("Tomorrow · {name}"),
        -1 => format!("Yesterday · {name}"),
        _ => name,
    }
}

/// The viewer's clock time of `instant` when it reads differently from the account's:
/// `02:00 your time`, with the weekday when the date differs too.
pub fn viewer_time<Z: TimeZone>(instant: DateTime<Utc>, account: Tz, viewer: &Z) -> Option<String> {
    let theirs = instant.with_timezone(&account).naive_local();
    let mine = instant.with_timezone(viewer).naive_local();
    if theirs == mine {
        None
    } else if theirs.date() == mine.date() {
        Some(format!("{} your time", mine.format("%H:%M")))
    } else {
        Some(format!("{} your time", mine.format("%a %H:%M")))
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Days, FixedOffset, NaiveDateTime};

    use super::*;
    use crate::domain::{AccountId, DraftId, PlanEntryId};

    fn utc(d: u32, h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, d, h, m, 0)
            .single()
            .expect("valid instant")
    }

    fn entry(at: DateTime<Utc>) -> PlanEntry {
        PlanEntry {
            id: PlanEntryId(1),
            account: AccountId(1),
            draft: DraftId(1),
            wall_time: NaiveDateTime::default(),
            zone: chrono_tz::Europe::Amsterdam,
            instant: at,
            uid: String::new(),
            sequence: 0,
            pinned: false,
            reason: String::new(),
        }
    }

    #[test]
    fn posts_group_by_the_accounts_date_not_utc() {
        let entries = [
            entry(utc(27, 10, 0)),
            entry(utc(27, 23, 30)),
            entry(utc(28, 9, 0)),
        ];
        let days = group_by_day(&entries, chrono_tz::Europe::Amsterdam);
        let sizes: Vec<_> = days.iter().map(|(d, g)| (d.to_string(), g.len())).collect();
        assert_eq!(
            sizes,
            vec![("2026-11-27".into(), 1), ("2026-11-28".into(), 2)]
        );
    }

    #[test]
    fn viewer_time_shows_only_when_the_clock_differs() {
        let at = utc(27, 23, 30);
        let same = FixedOffset::east_opt(3600).expect("valid offset");
        assert_eq!(viewer_time(at, chrono_tz::Europe::Amsterdam, &same), None);
        let new_york = FixedOffset::west_opt(5 * 3600).expect("valid offset");
        assert_eq!(
            viewer_time(at, chrono_tz::Europe::Amsterdam, &new_york).as_deref(),
            Some("Fri 18:30 your time")
        );
        let tokyo = FixedOffset::east_opt(9 * 3600).expect("valid offset");
        assert_eq!(
            viewer_time(at, chrono_tz::Europe::Amsterdam, &tokyo).as_deref(),
            Some("08:30 your time")
        );
    }

    #[test]
    fn day_headings_name_today_and_the_weekday() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 27).expect("valid date");
        let today = date;
        assert_eq!(day_heading(date, today), "Today · Friday 27 Nov");
        assert_eq!(day_heading(date + Days::new(3), today), "Monday 30 Nov");
    }
}
