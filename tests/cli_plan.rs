//! `scrollstop plan` and `scrollstop export` on a demo workspace: dry runs, written plans,
//! re-plans, stable UIDs across exports, CSV columns, clear errors, and 09:00 staying 09:00
//! local across the spring and autumn clock changes in three zones.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};

use chrono::{NaiveDateTime, TimeZone, Timelike, Utc};
use scrollstop::domain::DraftStatus;
use scrollstop::workspace::{DEFAULT_DEMO_SEED, Silent, Workspace};

fn scrollstop(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_scrollstop"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn ok(args: &[&str]) -> String {
    let out = scrollstop(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn demo(dir: &Path) -> String {
    let path = dir.join("demo.sqlite");
    let mut ws = Workspace::open(&path).expect("the workspace opens");
    ws.create_demo(DEFAULT_DEMO_SEED, &Silent)
        .expect("the demo is written");
    path.to_str().expect("a UTF-8 temp path").to_string()
}

fn plan_entries(ws: &str) -> u64 {
    let info: serde_json::Value = serde_json::from_str(&ok(&["info", "--workspace", ws, "--json"]))
        .expect("info prints JSON");
    info["counts"]["plan_entries"]
        .as_u64()
        .expect("a row count")
}

/// The VEVENTs of an .ics file, unfolded strictly (CRLF + one space), as property maps.
fn events(ics: &str) -> Vec<BTreeMap<String, String>> {
    assert!(!ics.replace("\r\n", "").contains('\n'), "CRLF only");
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{line}");
    }
    let unfolded = ics.replace("\r\n ", "");
    let mut out = Vec::new();
    let mut current: Option<BTreeMap<String, String>> = None;
    for line in unfolded.split("\r\n") {
        match line {
            "BEGIN:VEVENT" => current = Some(BTreeMap::new()),
            "END:VEVENT" => out.extend(current.take()),
            _ => {
                if let (Some(map), Some((k, v))) = (current.as_mut(), line.split_once(':')) {
                    map.entry(k.to_string()).or_insert_with(|| v.to_string());
                }
            }
        }
    }
    out
}

fn approve_everything(ws_path: &str) {
    let mut ws = Workspace::open(Path::new(ws_path)).expect("the workspace opens");
    for account in ws.accounts().expect("accounts read") {
        let mut drafts = ws.drafts(account.id).expect("drafts read");
        drafts.retain(|d| d.status != DraftStatus::Posted && d.status != DraftStatus::Scheduled);
        for d in &mut drafts {
            d.status = DraftStatus::Approved;
        }
        ws.store_mut().update_drafts(&drafts).expect("drafts saved");
    }
}

#[test]
fn a_dry_run_prints_the_plan_as_json_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let ws = demo(dir.path());
    approve_everything(&ws);
    let before = plan_entries(&ws);
    let text = ok(&[
        "plan",
        "--workspace",
        &ws,
        "--from",
        "2027-01-04",
        "--to",
        "2027-01-10",
        "--per-day",
        "2",
        "--dry-run",
        "--json",
    ]);
    let reports: serde_json::Value = serde_json::from_str(&text).unwrap();
    let reports = reports.as_array().unwrap();
    assert_eq!(reports.len(), 2, "both demo accounts");
    for r in reports {
        assert_eq!(r["written"], false);
        assert_eq!(r["posts_per_day"], 2);
        let placements = r["placements"].as_array().unwrap();
        assert!(!placements.is_empty());
        for p in placements {
            assert!(p["reason"].as_str().unwrap().contains("median slot"));
            assert_eq!(p["change"], "new");
        }
    }
    assert_eq!(plan_entries(&ws), before);

    let text = ok(&[
        "plan",
        "--workspace",
        &ws,
        "--account",
        "lunchboxlab",
        "--from",
        "2027-01-04",
        "--to",
        "2027-01-10",
        "--dry-run",
    ]);
    assert!(text.contains("@lunchboxlab (America/New_York)"), "{text}");
    assert!(text.contains("Dry run: nothing was written."));
    assert!(!text.contains("@fernandfable"));
}

#[test]
fn plans_are_written_re_planned_and_exported_with_stable_uids() {
    let dir = tempfile::tempdir().unwrap();
    let ws = demo(dir.path());
    approve_everything(&ws);
    let before = plan_entries(&ws);
    let text = ok(&[
        "plan",
        "--workspace",
        &ws,
        "--from",
        "2027-01-04",
        "--to",
        "2027-01-17",
    ]);
    assert!(text.contains("Written."), "{text}");
    let after = plan_entries(&ws);
    assert!(after > before);

    let ics = dir.path().join("plan.ics");
    let ics_arg = ics.to_str().unwrap();
    let export = |out: &str| {
        ok(&[
            "export",
            "--workspace",
            &ws,
            "--format",
            "ics",
            "--from",
            "2027-01-04",
            "--to",
            "2027-01-17",
            "--output",
            out,
        ])
    };
    let said = export(ics_arg);
    assert!(said.contains("Exported"), "{said}");
    let first = events(&std::fs::read_to_string(&ics).unwrap());
    assert_eq!(
        first.len() as u64,
        after - before,
        "every new entry, nothing else"
    );

    // Re-planning the same range updates entries instead of adding, and keeps UIDs.
    let text = ok(&[
        "plan",
        "--workspace",
        &ws,
        "--from",
        "2027-01-04",
        "--to",
        "2027-01-17",
        "--per-day",
        "1",
    ]);
    assert!(text.contains("Written."));
    assert!(plan_entries(&ws) <= after);
    export(ics_arg);
    let second = events(&std::fs::read_to_string(&ics).unwrap());
    let uids = |evs: &[BTreeMap<String, String>]| -> BTreeMap<String, String> {
        evs.iter()
            .map(|e| (e["SUMMARY"].clone(), e["UID"].clone()))
            .collect()
    };
    let (a, b) = (uids(&first), uids(&second));
    for (summary, uid) in &b {
        assert_eq!(a.get(summary), Some(uid), "{summary} keeps its UID");
    }
    for e in &second {
        let old = first.iter().find(|f| f["UID"] == e["UID"]).unwrap();
        let moved = old["DTSTART"] != e["DTSTART"];
        let (s0, s1): (u32, u32) = (
            old["SEQUENCE"].parse().unwrap(),
            e["SEQUENCE"].parse().unwrap(),
        );
        assert_eq!(
            s1,
            s0 + u32::from(moved),
            "SEQUENCE goes up on a reschedule"
        );
        assert_eq!(e["STATUS"], "CONFIRMED");
        assert!(e.contains_key("BEGIN") || e.contains_key("DTSTAMP"));
    }
    // Two exports of the same plan are identical but for DTSTAMP.
    let again = dir.path().join("again.ics");
    export(again.to_str().unwrap());
    let strip = |t: String| {
        t.lines()
            .filter(|l| !l.starts_with("DTSTAMP"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(
        strip(std::fs::read_to_string(&ics).unwrap()),
        strip(std::fs::read_to_string(&again).unwrap())
    );

    let csv_path = dir.path().join("plan.csv");
    ok(&[
        "export",
        "--workspace",
        &ws,
        "--account",
        "@fernandfable",
        "--format",
        "csv",
        "--from",
        "2027-01-04",
        "--to",
        "2027-01-17",
        "--output",
        csv_path.to_str().unwrap(),
    ]);
    let mut reader = csv::Reader::from_path(&csv_path).unwrap();
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(
        &header[..9],
        [
            "Subject",
            "Start Date",
            "Start Time",
            "End Date",
            "End Time",
            "All Day Event",
            "Description",
            "Location",
            "Private"
        ]
    );
    assert_eq!(
        &header[9..],
        [
            "post_id",
            "account",
            "timezone",
            "status",
            "caption",
            "hashtags",
            "sound",
            "subculture",
            "predicted_p10",
            "predicted_p50",
            "predicted_p90"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(!rows.is_empty());
    for r in &rows {
        assert_eq!(&r[10], "fernandfable");
        assert_eq!(&r[11], "Europe/Amsterdam");
        assert!(
            b.values().any(|uid| uid == &r[9]),
            "post_id is the stable UID"
        );
        let p10: f64 = r[17].parse().unwrap();
        let p90: f64 = r[19].parse().unwrap();
        assert!(p10 <= p90);
    }
}

#[test]
fn bad_ranges_accounts_and_counts_are_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let ws = demo(dir.path());
    let out = scrollstop(&[
        "plan",
        "--workspace",
        &ws,
        "--from",
        "2027-01-10",
        "--to",
        "2027-01-04",
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("before it starts"));
    let out = scrollstop(&[
        "plan",
        "--workspace",
        &ws,
        "--account",
        "nobody",
        "--from",
        "2027-01-04",
        "--to",
        "2027-01-10",
    ]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("no account @nobody"));
    let out = scrollstop(&[
        "plan",
        "--workspace",
        &ws,
        "--from",
        "2027-01-04",
        "--to",
        "2027-01-10",
        "--per-day",
        "0",
    ]);
    assert!(!out.status.success());
    let out = scrollstop(&[
        "export",
        "--workspace",
        &ws,
        "--format",
        "pdf",
        "--from",
        "2027-01-04",
        "--to",
        "2027-01-10",
        "--output",
        "x",
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("ics"));
}

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
        let mut w = Workspace::open(Path::new(&ws)).unwrap();
        let mut accounts = w.accounts().unwrap();
        let zones = [chrono_tz::Europe::Amsterdam, chrono_tz::America::New_York];
        for (a, zone) in accounts.iter_mut().zip(zones) {
            a.time_zone = zone;
            a.cadence.first_hour = 9;
            a.cadence.last_hour = 9;
            a.cadence.posts_per_day = 1;
            w.store_mut().update_account(a).unwrap();
        }
        // Tokyo: the first account moved east, with its drafts.
        let mut tokyo = accounts[0].clone();
        tokyo.handle = "tokyotest".parse().unwrap();
        tokyo.time_zone = chrono_tz::Asia::Tokyo;
        let id = w
            .store_mut()
            .add_account(&scrollstop::domain::NewAccount {
                handle: tokyo.handle.clone(),
                display_name: "Tokyo".into(),
                time_zone: tokyo.time_zone,
                region: "JP".into(),
                language: "ja".into(),
            })
            .unwrap();
        tokyo.id = id;
        w.store_mut().update_account(&tokyo).unwrap();
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
                w.store_mut().add_draft(&d).unwrap();
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
