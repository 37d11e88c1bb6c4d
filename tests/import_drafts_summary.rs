//! What a drafts CSV import tells the user about its rows, in the window and on the command
//! line alike: every account the rows name (not only the first).

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
    let mut ws = Workspace::open(&path).expect("open");
    for handle in ["meadow", "fern"] {
        ws.store_mut()
            .add_account(&NewAccount {
                handle: handle.into(),
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
