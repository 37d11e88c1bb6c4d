//! What a drafts CSV import tells the user about its rows, in the window and on the command
//! line alike: every account the rows name (not only the first), and a planned wall time that
//! happens twice (the clocks go back over it) with both choices, never resolved in silence.

use std::path::PathBuf;

use chrono::{TimeZone, Utc};
use scrollstop::domain::NewAccount;
use scrollstop::workspace::{ImportOptions, Silent, Workspace};

struct Setup {
    dir: tempfile::TempDir,
    path: PathBuf,
}

/// A workspace with @meadow and @fern, both on Amsterdam time.
fn setup() -> Setup {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("w.sqlite");
    let ws = Workspace::open(&path).expect("open");
    for handle in ["meadow", "fern"] {
        scrollstop::store::Store::open(ws.path())
            .expect("the store opens")
            .add_account(&NewAccount {
                handle: handle.parse().expect("a valid handle"),
                display_name: handle.into(),
                time_zone: chrono_tz::Europe::Amsterdam,
                region: "NL".into(),
                language: "en".into(),
            })
            .expect("account");
    }
    Setup { dir, path }
}

fn options() -> ImportOptions {
    ImportOptions {
        imported_at: Utc
            .with_ymd_and_hms(2026, 10, 1, 9, 0, 0)
            .single()
            .expect("instant"),
        ..ImportOptions::default()
    }
}

fn write(setup: &Setup, text: &str) -> PathBuf {
    let file = setup.dir.path().join("drafts.csv");
    std::fs::write(&file, text).expect("write the file");
    file
}

#[test]
fn a_file_naming_several_accounts_shows_each() {
    let setup = setup();
    let file = write(
        &setup,
        "title,caption,account\nA,one,@meadow\nB,two,fern\nC,three,Meadow\n",
    );
    let mut ws = Workspace::open(&setup.path).expect("open");
    let report = ws
        .import_now(std::slice::from_ref(&file), options(), &Silent)
        .expect("import");
    assert!(report.committed, "{report:?}");
    assert_eq!(report.files[0].accounts, ["@meadow", "@fern"]);

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_scrollstop"))
        .args(["import", "--dry-run", "--workspace"])
        .arg(&setup.path)
        .arg(&file)
        .output()
        .expect("the binary runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("-> @meadow, @fern:"), "{text}");
}

#[test]
fn a_wall_time_that_happens_twice_is_noted_with_both_choices() {
    let setup = setup();
    let file = write(
        &setup,
        "title,caption,account,planned_at\n\
         Night owl,posted at the clock change,meadow,2026-10-25 02:30\n\
         Morning,an ordinary time,meadow,2026-10-25 09:00\n",
    );
    let mut ws = Workspace::open(&setup.path).expect("open");
    let report = ws
        .import_now(std::slice::from_ref(&file), options(), &Silent)
        .expect("import");
    assert!(report.committed, "{report:?}");
    let note = report.drafts[0]
        .note
        .as_deref()
        .expect("the first row is noted");
    for part in [
        "2026-10-25 02:30 happens twice in Europe/Amsterdam (CEST and CET)",
        "Scrollstop used the first (CEST)",
        "2026-10-25T02:30:00+01:00",
    ] {
        assert!(note.contains(part), "{note:?} should say {part:?}");
    }
    assert_eq!(report.drafts[1].note, None, "an ordinary time has no note");
    let notes = &report.files[0].summary.notes;
    assert!(
        notes
            .iter()
            .any(|n| n.starts_with("line 2: ") && n.contains("happens twice")),
        "{notes:?}"
    );

    // The first occurrence: 02:30 CEST is 00:30 UTC.
    let accounts = ws.accounts().expect("accounts");
    let meadow = accounts
        .iter()
        .find(|a| a.handle == "meadow")
        .expect("meadow");
    let utc = |d, h, m| {
        Utc.with_ymd_and_hms(2026, 10, d, h, m, 0)
            .single()
            .expect("instant")
    };
    let entries = ws
        .plan_entries(meadow.id, utc(24, 0, 0), utc(26, 0, 0))
        .expect("plan");
    let night = utc(25, 0, 30);
    assert!(entries.iter().any(|e| e.instant == night), "{entries:?}");

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_scrollstop"))
        .args(["import", "--dry-run", "--workspace"])
        .arg(&setup.path)
        .arg(&file)
        .output()
        .expect("the binary runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("note: line 2: 2026-10-25 02:30 happens twice"),
        "{text}"
    );
}
