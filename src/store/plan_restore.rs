//! Putting an account's plan back as it was (Undo of a planning run): entries added since are
//! removed, entries changed since get their old time, pin and reason back (SEQUENCE still goes
//! up, so calendars that imported the change update again), entries removed since come back
//! with their UID, and drafts get their old status. One transaction, through
//! [`Store::apply_plan`].

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};

use super::{PlanChanges, Store, StoreError};
use crate::domain::{AccountId, DraftId, DraftStatus, PlanEntry};

/// True when two entries place the same draft at the same time with the same pin and reason.
fn same_slot(a: &PlanEntry, b: &PlanEntry) -> bool {
    (a.draft, a.wall_time, a.zone, a.instant, a.pinned, &a.reason)
        == (b.draft, b.wall_time, b.zone, b.instant, b.pinned, &b.reason)
}

impl Store {
    /// Restores the account's plan to `before` (all its entries then) and the drafts to
    /// `statuses`; returns how many entries changed.
    pub fn restore_plan(
        &mut self,
        account: AccountId,
        before: &[PlanEntry],
        statuses: &[(DraftId, DraftStatus)],
    ) -> Result<usize, StoreError> {
        // Matched by UID: row ids of removed entries can be reused by new ones.
        let now: HashMap<String, PlanEntry> = self
            .plan_entries(account, DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC)?
            .into_iter()
            .map(|e| (e.uid.clone(), e))
            .collect();
        let then: HashSet<&str> = before.iter().map(|e| e.uid.as_str()).collect();
        let mut changes = PlanChanges {
            remove: now
                .values()
                .filter(|e| !then.contains(e.uid.as_str()))
                .map(|e| e.id)
                .collect(),
            ..PlanChanges::default()
        };
        for e in before {
            match now.get(&e.uid) {
                Some(current) if same_slot(current, e) => {}
                Some(current) => changes.update.push(PlanEntry {
                    id: current.id,
                    ..e.clone()
                }),
                None => changes.insert.push(e.clone()),
            }
        }
        let current: HashMap<DraftId, DraftStatus> = self
            .drafts(account)?
            .into_iter()
            .map(|d| (d.id, d.status))
            .collect();
        changes.statuses = statuses
            .iter()
            .filter(|(id, status)| current.get(id).is_some_and(|s| s != status))
            .copied()
            .collect();
        let changed = changes.remove.len() + changes.update.len() + changes.insert.len();
        self.apply_plan(&changes)?;
        Ok(changed)
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone};

    use super::*;
    use crate::domain::{Draft, PlanEntryId};

    #[test]
    fn a_plan_comes_back_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("w.sqlite")).unwrap();
        let account = store
            .add_account(&crate::domain::NewAccount {
                handle: "knitwit".parse().unwrap(),
                display_name: "A".into(),
                time_zone: chrono_tz::Europe::Amsterdam,
                region: "NL".into(),
                language: "nl".into(),
            })
            .unwrap();
        let at = Utc.with_ymd_and_hms(2027, 1, 4, 9, 0, 0).unwrap();
        let mut drafts = Vec::new();
        for _ in 0..3 {
            let mut d = Draft::blank(account, at);
            d.status = DraftStatus::Approved;
            drafts.push(store.add_draft(&d).unwrap());
        }
        let entry = |draft: DraftId, hours: i64, uid: &str| PlanEntry {
            id: PlanEntryId(0),
            account,
            draft,
            wall_time: (at + Duration::hours(hours + 1)).naive_utc(),
            zone: chrono_tz::Europe::Amsterdam,
            instant: at + Duration::hours(hours),
            uid: uid.into(),
            sequence: 0,
            pinned: false,
            reason: "peak".into(),
        };
        store
            .add_plan_entries(&[entry(drafts[0], 0, "a@x"), entry(drafts[1], 5, "b@x")])
            .unwrap();
        let all = |s: &Store| {
            s.plan_entries(account, DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC)
                .unwrap()
        };
        let before = all(&store);
        let statuses: Vec<_> = store
            .drafts(account)
            .unwrap()
            .iter()
            .map(|d| (d.id, d.status))
            .collect();

        // A planning run: moves a, removes b, adds c, schedules c.
        let mut moved = before[0].clone();
        moved.instant += Duration::hours(2);
        store
            .apply_plan(&PlanChanges {
                insert: vec![entry(drafts[2], 8, "c@x")],
                update: vec![moved],
                remove: vec![before[1].id],
                statuses: vec![(drafts[2], DraftStatus::Scheduled)],
            })
            .unwrap();
        assert_eq!(store.restore_plan(account, &before, &statuses).unwrap(), 3);
        let after = all(&store);
        let key = |e: &PlanEntry| {
            (
                e.uid.clone(),
                e.instant,
                e.wall_time,
                e.pinned,
                e.reason.clone(),
            )
        };
        assert_eq!(
            after.iter().map(key).collect::<Vec<_>>(),
            before.iter().map(key).collect::<Vec<_>>()
        );
        assert_eq!(
            store.draft(drafts[2]).unwrap().status,
            DraftStatus::Approved
        );
    }
}
