//! A 09:00 cadence plans and exports at 09:00 local across the clock changes in three zones.

use super::*;

/// The wall time an exported event says it is planned for, from its DESCRIPTION.
fn planned_for(e: &BTreeMap<String, String>) -> (NaiveDateTime, chrono_tz::Tz) {
    let desc = &e["DESCRIPTION"];
    let line = desc
        .split("\\n")
        .find(|l| l.starts_with("Planned for "))
        .expect("a Planned for line");
    let rest = line.trim_start_matches("Planned for ");
    let (when, zone) = rest.rsplit_once(' ').expect("a Planned for line");
    (
        NaiveDateTime::parse_from_str(when, "%a %d %b %Y %H:%M").expect("a date and a zone"),
        zone.parse().expect("a wall time"),
    )
}

#[test]
fn a_nine_oclock_cadence_plans_and_exports_at_nine_local_across_clock_changes() {
    let dir = tempfile::tempdir().unwrap();
    let ws = demo(dir.path());
    approve_everything(&ws);
    // Give the two demo accounts and a third, Tokyo, a 09:00-only cadence.
    {
        let w = Workspace::open(Path::new(&ws)).unwrap();
        let mut accounts = w.accounts().unwrap();
        let zones = [chrono_tz::Europe::Amsterdam, chrono_tz::America::New_York];
        for (a, zone) in accounts.iter_mut().zip(zones) {
            a.time_zone = zone;
            a.cadence.first_hour = 9;
            a.cadence.last_hour = 9;
            a.cadence.posts_per_day = 1;
            scrollstop::store::Store::open(w.path())
                .expect("the store opens")
                .update_account(a)
                .unwrap();
        }
        // Tokyo: the first account moved east, with its drafts.
        let mut tokyo = accounts[0].clone();
        tokyo.handle = "tokyotest".parse().unwrap();
        tokyo.time_zone = chrono_tz::Asia::Tokyo;
        let id = scrollstop::store::Store::open(w.path())
            .expect("the store opens")
            .add_account(&scrollstop::domain::NewAccount {
                handle: tokyo.handle.clone(),
                display_name: "Tokyo".into(),
                time_zone: tokyo.time_zone,
                region: "JP".into(),
                language: "ja".into(),
            })
            .unwrap();
        tokyo.id = id;
        scrollstop::store::Store::open(w.path())
            .expect("the store opens")
            .update_account(&tokyo)
            .unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 20, 12, 0, 0).unwrap();
        // Enough approved drafts for every day of the four ranges.
        for account in w.accounts().unwrap() {
            for i in 0..20 {
                let mut d = scrollstop::domain::Draft::blank(account.id, now);
                d.title = format!("{} post {i}", account.handle.as_str());
                d.caption = format!(
                    "Idea {i} for {}: {} unrelated words",
                    account.handle.as_str(),
                    i * 7
                );
                d.status = DraftStatus::Approved;
                scrollstop::store::Store::open(w.path())
                    .expect("the store opens")
                    .add_draft(&d)
                    .unwrap();
            }
        }
    }
    // Each range spans one zone's clock change (New York 14 Mar and 7 Nov 2027, Amsterdam
    // 28 Mar and 31 Oct 2027).
    let changes = [
        ("2027-03-12", "2027-03-16", "America/New_York"),
        ("2027-03-26", "2027-03-30", "Europe/Amsterdam"),
        ("2027-10-29", "2027-11-02", "Europe/Amsterdam"),
        ("2027-11-05", "2027-11-09", "America/New_York"),
    ];
    for (from, to, changing) in changes {
        let text = ok(&[
            "plan",
            "--workspace",
            &ws,
            "--from",
            from,
            "--to",
            to,
            "--json",
        ]);
        let reports: serde_json::Value = serde_json::from_str(&text).unwrap();
        for r in reports.as_array().unwrap() {
            assert!(r["needs_choice"].as_array().unwrap().is_empty());
            for p in r["placements"].as_array().unwrap() {
                assert!(p["wall_time"].as_str().unwrap().ends_with("T09:00"), "{p}");
            }
        }
        let ics = dir.path().join(format!("{from}.ics"));
        ok(&[
            "export",
            "--workspace",
            &ws,
            "--format",
            "ics",
            "--from",
            from,
            "--to",
            to,
            "--output",
            ics.to_str().unwrap(),
        ]);
        let evs = events(&std::fs::read_to_string(&ics).unwrap());
        let mut utc_hours = BTreeMap::<String, std::collections::BTreeSet<u32>>::new();
        for e in &evs {
            let (wall, zone) = planned_for(e);
            assert_eq!((wall.hour(), wall.minute()), (9, 0), "{e:?}");
            let start = NaiveDateTime::parse_from_str(&e["DTSTART"], "%Y%m%dT%H%M%SZ")
                .unwrap()
                .and_utc();
            assert_eq!(
                start.with_timezone(&zone).naive_local(),
                wall,
                "DTSTART is 09:00 local"
            );
            utc_hours
                .entry(zone.name().to_string())
                .or_default()
                .insert(start.hour());
        }
        assert_eq!(
            utc_hours.len(),
            3,
            "{from}: three zones exported: {utc_hours:?}"
        );
        assert_eq!(utc_hours["Asia/Tokyo"].len(), 1, "no DST in Tokyo");
        assert_eq!(
            utc_hours[changing].len(),
            2,
            "{changing}: the UTC hour moves, 09:00 stays"
        );
    }
}
