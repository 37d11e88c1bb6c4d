//! The all-accounts calendar's data: every account's posts in one range, read per account by
//! [`load`](super::data::load) (so each keeps its own zone, cadence conflicts and findings) and
//! laid out on the clock of the account the calendar is opened for. Each post carries its
//! account's handle and colour, and its time on the account's own clock where that reads
//! differently. It never merges the accounts' cadences: a drag is checked against the dragged
//! post's own account only (see [`CalendarData::lanes`]).

use chrono::{DateTime, Days, Local, NaiveDate, Timelike, Utc};

use super::data::{self, AccountTag, CalEntry, CalendarData};
use crate::domain::Account;
use crate::ui::theme;
use crate::ui::widgets::zone_time::viewer_time;
use crate::workspace::{Workspace, WorkspaceError};

/// Days read beyond each edge of the range: zones differ by up to 26 hours, so an account's
/// post on the calendar's first or last day may fall on another of its own dates.
const MARGIN_DAYS: u64 = 2;

/// Reads `accounts`' posts for `from..=to`, dates and times read on `anchor`'s clock.
pub fn load(
    workspace: &Workspace,
    accounts: &[Account],
    anchor: &Account,
    from: NaiveDate,
    to: NaiveDate,
    now: DateTime<Utc>,
) -> Result<CalendarData, WorkspaceError> {
    let zone = anchor.time_zone;
    let mut merged = data::load(workspace, anchor, from, to, now)?;
    merged.entries.clear();
    merged.busy_days.clear();
    merged.lanes.clear();
    let wide_from = from
        .checked_sub_days(Days::new(MARGIN_DAYS))
        .unwrap_or(from);
    let wide_to = to.checked_add_days(Days::new(MARGIN_DAYS)).unwrap_or(to);
    for account in accounts {
        let own = data::load(workspace, account, wide_from, wide_to, now)?;
        let handle = account.at_handle();
        let colour = theme::account_colour(account.id);
        for (date, why) in own.busy_days {
            if (from..=to).contains(&date) {
                let line = merged.busy_days.entry(date).or_default();
                if !line.is_empty() {
                    line.push_str("; ");
                }
                line.push_str(&format!("{handle}: {why}"));
            }
        }
        for window in own.windows {
            if !merged.windows.iter().any(|w| w.label == window.label) {
                merged.windows.push(window);
            }
        }
        merged.lanes.extend(own.lanes);
        for e in own.entries {
            let local = e.entry.instant.with_timezone(&zone);
            let date = local.date_naive();
            if date < from || date > to {
                continue;
            }
            let time = local.format("%H:%M").to_string();
            let local_time = (account.time_zone != zone && e.time != time).then(|| e.time.clone());
            merged
                .entries
                .push(retimed(e, &handle, colour, local_time, local));
        }
    }
    merged
        .entries
        .sort_by_key(|e| (e.entry.instant, e.entry.account, e.entry.id));
    merged.by_date = data::index_by_date(&merged.entries);
    merged.any_viewer_time = merged.entries.iter().any(|e| e.viewer_time.is_some());
    Ok(merged)
}

/// An account's entry moved onto the calendar's clock (`local`), named with its handle.
fn retimed(
    e: CalEntry,
    handle: &str,
    colour: eframe::egui::Color32,
    local_time: Option<String>,
    local: DateTime<chrono_tz::Tz>,
) -> CalEntry {
    let time = local.format("%H:%M").to_string();
    let own_clock = local_time
        .as_ref()
        .map_or_else(String::new, |t| format!(" ({t} local)"));
    // Time and title first: a block in the week is one line, and the colour already says whose.
    let label = format!("{time} {} · {handle}{own_clock}", e.title);
    CalEntry {
        text: if e.warnings.is_empty() {
            label.clone()
        } else {
            format!("⚠ {label}")
        },
        date: local.date_naive(),
        minute: local.hour() * 60 + local.minute(),
        viewer_time: viewer_time(e.entry.instant, local.timezone(), &Local),
        label,
        time,
        account: Some(AccountTag {
            handle: handle.to_string(),
            colour,
            local_time,
        }),
        ..e
    }
}

#[cfg(test)]
mod tests {
    use crate::schedule::resolve;
    use chrono::TimeZone;
    use chrono_tz::Tz;

    use super::*;
    use crate::domain::{Draft, DraftStatus, Handle, NewAccount, PlanEntry, PlanEntryId};
    use crate::ui::views::calendar::drop_target::{drop_findings, own_clock};
    use crate::workspace::{Edit, Outcome};

    const AMSTERDAM: Tz = chrono_tz::Europe::Amsterdam;
    const NEW_YORK: Tz = chrono_tz::America::New_York;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 3, d).unwrap()
    }

    /// @bakery (Amsterdam) posts at 10:00; @nycdeli (New York) at 06:00 and 08:00 of its own
    /// clock, 12:00 and 14:00 of the bakery's: two hours apart within the deli, two hours
    /// from the bakery's post across accounts.
    fn agency() -> (tempfile::TempDir, Workspace, Vec<Account>) {
        let dir = tempfile::tempdir().unwrap();
        let mut workspace = Workspace::open(&dir.path().join("w.sqlite")).unwrap();
        let author = "test";
        let mut entries = Vec::new();
        type Posts<'a> = &'a [(&'a str, u32)];
        let posts: [(&str, Tz, Posts); 2] = [
            ("bakery", AMSTERDAM, &[("Bread", 10)]),
            ("nycdeli", NEW_YORK, &[("Bagel", 6), ("Pastrami", 8)]),
        ];
        for (handle, zone, posts) in posts {
            let new = NewAccount {
                handle: Handle::parse(handle).unwrap(),
                display_name: handle.into(),
                time_zone: zone,
                region: "NL".into(),
                language: "en".into(),
            };
            let Outcome::Account(account) = workspace
                .apply(Edit::AddAccount(new), author)
                .unwrap()
                .outcome
            else {
                panic!("an account");
            };
            for (title, hour) in posts {
                let mut draft = Draft::blank(account, Utc::now());
                draft.title = title.to_string();
                draft.status = DraftStatus::Scheduled;
                let applied = workspace.apply(Edit::CreateDraft(Box::new(draft)), author);
                let Outcome::Draft(id) = applied.unwrap().outcome else {
                    panic!("a draft");
                };
                let wall = day(30).and_hms_opt(*hour, 0, 0).unwrap();
                entries.push(PlanEntry {
                    id: PlanEntryId(0),
                    account,
                    draft: id,
                    wall_time: wall,
                    zone,
                    instant: resolve(zone, wall).exact().unwrap(),
                    uid: format!("{title}@test"),
                    sequence: 0,
                    pinned: false,
                    reason: String::new(),
                });
            }
        }
        workspace
            .apply(Edit::PlaceEntries(entries), author)
            .unwrap();
        let accounts = workspace.accounts().unwrap();
        (dir, workspace, accounts)
    }

    fn entry<'a>(data: &'a CalendarData, title: &str) -> &'a CalEntry {
        data.entries.iter().find(|e| e.title == title).unwrap()
    }

    #[test]
    fn each_account_keeps_its_own_cadence_and_colour() {
        let (_dir, workspace, accounts) = agency();
        let now = Utc.with_ymd_and_hms(2027, 3, 1, 0, 0, 0).unwrap();
        let data = load(&workspace, &accounts, &accounts[0], day(29), day(31), now).unwrap();
        let titles: Vec<_> = data.entries.iter().map(|e| e.label.as_str()).collect();
        assert_eq!(
            titles,
            [
                "10:00 Bread · @bakery",
                "12:00 Bagel · @nycdeli (06:00 local)",
                "14:00 Pastrami · @nycdeli (08:00 local)",
            ]
        );
        let colours: Vec<_> = data
            .entries
            .iter()
            .map(|e| e.account.as_ref().unwrap().colour)
            .collect();
        assert_eq!(colours[1], colours[2]);
        assert_ne!(colours[0], colours[1], "two accounts, two colours");
        // Two hours apart across accounts is no conflict; within the deli it is.
        assert!(entry(&data, "Bread").warnings.is_empty());
        assert!(!entry(&data, "Bagel").warnings.is_empty());
        // A drag is checked against the dragged post's own account only.
        let bread = entry(&data, "Bread");
        assert!(drop_findings(&data, bread, day(30), 12 * 60).is_empty());
        let bagel = entry(&data, "Bagel");
        assert!(drop_findings(&data, bagel, day(30), 10 * 60).is_empty());
        assert!(!drop_findings(&data, bagel, day(30), 15 * 60).is_empty());
        // The drag label names the time on the dragged post's own clock.
        assert_eq!(
            own_clock(&data, bagel, day(31), 14 * 60).as_deref(),
            Some("08:00 @nycdeli")
        );
        assert_eq!(own_clock(&data, bread, day(31), 14 * 60), None);
    }
}
