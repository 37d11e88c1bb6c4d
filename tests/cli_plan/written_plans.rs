//! Plans written, re-planned and exported, with UIDs that stay the same across exports.

use super::*;

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
