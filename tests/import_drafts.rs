//! Importing a drafts CSV into a real workspace: the drafts and their plan entries land as the
//! file says, bad rows are listed with line and reason and block the import unless skipped,
//! a preview writes nothing, importing the same file again adds nothing, the command line's
//! exit codes, and the parser never panics on arbitrary bytes (property tests).

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use scrollstop::domain::{AspectRatio, DraftStatus, NewAccount, OpeningType};
use scrollstop::io::drafts_csv::read_drafts;
use scrollstop::io::{Collected, ReportKind};
use scrollstop::store::Change;
use scrollstop::workspace::{ImportOptions, Silent, Workspace};

const GOOD: &str = "\u{feff}Title,Hook,Caption,Hashtags,Subculture,Duration,Aspect,Sound,BPM,\
Opening,Status,Assignee,Notes,Account,Planned at,Language,Region,Allow Duet,Allow Stitch,\
Allow Comments,Mood board\r\n\
Jam jars,Open a jar in slow motion,Summer jam in a jar 🍓 #cottagecore #jam,baking,CottageCore,\
0:14,9:16,Golden Hour - JVKE,128,surprise,approved,Mia,shoot at dusk,@meadow,2026-03-01 18:30,en,NL,\
yes,yes,yes,https://example.com/board\r\n\
Bread basket,What is in the basket?,Sourdough morning #cottagecore,,#cottagecore,12,1:1,,,question,,\
Sam,,meadow,2026-03-02T07:00:00Z,,,no,,,\r\n\
Garden tour,,A slow walk through the garden,\"garden, slowliving\",,25,4:5,Birdsong,90,,idea,,,\
meadow,,,,,,,\r\n";

const BAD: &str = "title,caption,subculture,aspect,planned_at,account\n\
Fine one,All good here,,9:16,,meadow\n\
Unknown sub,Caption,#NoSuchTok,,,meadow\n\
Odd shape,Caption,,3:2,,meadow\n\
In the gap,Caption,,,2026-03-29 02:30,meadow\n\
Also fine,Another caption,,,,meadow\n";

struct Setup {
    _dir: tempfile::TempDir,
    path: PathBuf,
    folder: PathBuf,
}

/// A workspace with @meadow (Amsterdam time) and the catalogue's #CottageCore subculture.
fn setup() -> Setup {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("w.sqlite");
    let mut ws = Workspace::open(&path).expect("open");
    let store = ws.store_mut();
    store
        .add_account(&NewAccount {
            handle: "meadow".parse().expect("a valid handle"),
            display_name: "Meadow".into(),
            time_zone: chrono_tz::Europe::Amsterdam,
            region: "NL".into(),
            language: "en".into(),
        })
        .expect("account");
    let folder = dir.path().to_path_buf();
    Setup {
        _dir: dir,
        path,
        folder,
    }
}

fn write(setup: &Setup, name: &str, text: &str) -> PathBuf {
    let file = setup.folder.join(name);
    std::fs::write(&file, text).expect("write the file");
    file
}

fn options() -> ImportOptions {
    ImportOptions {
        imported_at: Utc
            .with_ymd_and_hms(2026, 2, 20, 9, 0, 0)
            .single()
            .expect("instant"),
        ..ImportOptions::default()
    }
}

/// Every row of every table, as text, to compare workspaces before and after.
fn dump(path: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(path).expect("open");
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .expect("tables")
        .query_map([], |r| r.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("names");
    let mut rows = Vec::new();
    for t in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM {t}")).expect("select");
        let n = stmt.column_count();
        let mut q = stmt.query([]).expect("rows");
        while let Some(r) = q.next().expect("row") {
            let cells: Vec<String> = (0..n)
                .map(|i| format!("{:?}", r.get_ref(i).expect("cell")))
                .collect();
            rows.push(format!("{t}: {}", cells.join(" | ")));
        }
    }
    rows
}

#[test]
fn a_good_file_adds_every_draft_with_its_plan_entry() {
    let setup = setup();
    let file = write(&setup, "drafts.csv", GOOD);
    let mut ws = Workspace::open(&setup.path).expect("open");
    let report = ws.import_now(&[file], options(), &Silent).expect("import");
    assert!(report.committed, "{report:?}");
    assert_eq!(report.rejected, vec![]);
    assert_eq!(report.files[0].summary.kind, ReportKind::Drafts);
    assert_eq!(report.files[0].changes.added, 3);
    assert_eq!(report.files[0].accounts, ["@meadow"]);
    assert!(report.new_accounts.is_empty(), "{:?}", report.new_accounts);

    let account = ws.accounts().expect("accounts")[0].clone();
    let drafts = ws.drafts(account.id).expect("drafts");
    assert_eq!(drafts.len(), 3);
    let jam = drafts.iter().find(|d| d.title == "Jam jars").expect("jam");
    assert_eq!(jam.hook, "Open a jar in slow motion");
    assert_eq!(jam.hashtags, vec!["baking", "cottagecore", "jam"]);
    assert!(jam.subculture.is_some());
    assert_eq!(jam.duration_s, Some(14.0));
    assert_eq!(jam.sound.as_deref(), Some("Golden Hour - JVKE"));
    assert_eq!(jam.sound_bpm, Some(128));
    assert_eq!(jam.opening, OpeningType::Surprise);
    assert_eq!(jam.status, DraftStatus::Approved);
    assert_eq!(
        (jam.assignee.as_str(), jam.notes.as_str()),
        ("Mia", "shoot at dusk")
    );
    assert_eq!((jam.language.as_str(), jam.region.as_str()), ("en", "NL"));
    let bread = drafts
        .iter()
        .find(|d| d.title == "Bread basket")
        .expect("bread");
    assert_eq!(bread.aspect, AspectRatio::Square);
    assert!(
        !bread.allow_duet && bread.allow_stitch,
        "empty flags keep TikTok's default"
    );
    assert_eq!(
        bread.status,
        DraftStatus::Scheduled,
        "planned without a status"
    );
    let garden = drafts
        .iter()
        .find(|d| d.title == "Garden tour")
        .expect("garden");
    assert_eq!(garden.status, DraftStatus::Idea);
    assert_eq!(garden.subculture, None);

    let (from, to) = (
        chrono::DateTime::<Utc>::MIN_UTC,
        chrono::DateTime::<Utc>::MAX_UTC,
    );
    let plan = ws.plan_entries(account.id, from, to).expect("plan");
    assert_eq!(plan.len(), 2);
    let wall = |d, h, m| {
        NaiveDate::from_ymd_opt(2026, 3, d)
            .and_then(|day| day.and_hms_opt(h, m, 0))
            .expect("a time")
    };
    // 18:30 in Amsterdam (UTC+1 in March before the clocks change) is 17:30 UTC.
    assert_eq!(plan[0].draft, jam.id);
    assert_eq!(plan[0].wall_time, wall(1, 18, 30));
    assert_eq!(plan[0].instant, wall(1, 17, 30).and_utc());
    assert_eq!(plan[0].zone, chrono_tz::Europe::Amsterdam);
    // An instant is shown at its wall time in the account's zone.
    assert_eq!(plan[1].draft, bread.id);
    assert_eq!(plan[1].wall_time, wall(2, 8, 0));
    assert_ne!(plan[0].uid, plan[1].uid);
}

#[test]
fn bad_rows_are_listed_with_line_and_reason_and_nothing_is_written() {
    let setup = setup();
    let file = write(&setup, "bad.csv", BAD);
    let before = dump(&setup.path);
    let mut ws = Workspace::open(&setup.path).expect("open");
    let report = ws.import_now(&[file], options(), &Silent).expect("import");
    assert!(!report.committed);
    // Cells the parser refuses come first, rows the workspace refuses after: by line here.
    let mut lines: Vec<(usize, &str)> = report
        .rejected
        .iter()
        .map(|r| (r.line, r.reason.as_str()))
        .collect();
    lines.sort();
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert_eq!(lines[0].0, 3);
    assert!(
        lines[0].1.contains("subculture \"#NoSuchTok\""),
        "{lines:?}"
    );
    assert_eq!(lines[1].0, 4);
    assert!(lines[1].1.contains("aspect \"3:2\""), "{lines:?}");
    assert_eq!(lines[2].0, 5);
    assert!(
        lines[2].1.contains("does not exist in Europe/Amsterdam"),
        "{lines:?}"
    );
    assert!(report.rejected.iter().all(|r| r.file == "bad.csv"));
    drop(ws);
    assert_eq!(dump(&setup.path), before, "a refused import writes nothing");
}

#[test]
fn skip_bad_rows_imports_the_rest() {
    let setup = setup();
    let file = write(&setup, "bad.csv", BAD);
    let mut ws = Workspace::open(&setup.path).expect("open");
    let options = ImportOptions {
        skip_bad_rows: true,
        ..options()
    };
    let report = ws.import_now(&[file], options, &Silent).expect("import");
    assert!(report.committed);
    assert_eq!(report.rejected.len(), 3);
    assert_eq!(report.files[0].changes.added, 2);
    let account = ws.accounts().expect("accounts")[0].id;
    let titles: Vec<String> = ws
        .drafts(account)
        .expect("drafts")
        .into_iter()
        .map(|d| d.title)
        .collect();
    assert_eq!(titles.len(), 2);
    assert!(titles.contains(&"Fine one".to_string()) && titles.contains(&"Also fine".to_string()));
}

#[test]
fn a_preview_lists_the_rows_and_writes_nothing() {
    let setup = setup();
    let file = write(&setup, "drafts.csv", GOOD);
    let before = dump(&setup.path);
    let mut ws = Workspace::open(&setup.path).expect("open");
    let prepared = ws
        .prepare_import(std::slice::from_ref(&file), options(), &Silent)
        .expect("preview");
    let rows = &prepared.report.drafts;
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().all(|r| r.change == Change::Added));
    assert_eq!(rows[0].line, 2);
    assert_eq!(rows[0].account, "@meadow");
    assert_eq!(
        rows[0].planned.as_deref(),
        Some("2026-03-01 18:30 Europe/Amsterdam")
    );
    assert!(prepared.can_commit());
    drop(prepared);
    drop(ws);
    assert_eq!(dump(&setup.path), before, "the preview writes nothing");

    // The previewed import then commits exactly what it showed.
    let mut ws = Workspace::open(&setup.path).expect("open");
    let prepared = ws
        .prepare_import(&[file], options(), &Silent)
        .expect("preview");
    let report = ws.commit_import(prepared, &Silent).expect("commit");
    assert!(report.committed);
    assert_eq!(report.files[0].changes.added, 3);
}

#[test]
fn importing_the_same_file_again_adds_nothing() {
    let setup = setup();
    let file = write(&setup, "drafts.csv", GOOD);
    let mut ws = Workspace::open(&setup.path).expect("open");
    ws.import_now(std::slice::from_ref(&file), options(), &Silent)
        .expect("first import");
    let drafts_and_plan = |path: &Path| {
        dump(path)
            .into_iter()
            .filter(|r| r.starts_with("drafts:") || r.starts_with("plan_entries:"))
            .collect::<Vec<_>>()
    };
    let after_first = drafts_and_plan(&setup.path);
    let again = ws.import_now(&[file], options(), &Silent).expect("again");
    assert_eq!(again.files[0].changes.added, 0);
    assert_eq!(again.files[0].changes.skipped, 3, "reported unchanged");
    assert!(again.drafts.iter().all(|r| r.change == Change::Unchanged));
    assert_eq!(drafts_and_plan(&setup.path), after_first);
}

#[test]
fn a_file_without_an_account_column_needs_the_account_chosen() {
    let setup = setup();
    let file = write(&setup, "plain.csv", "title,caption\nA,b\n");
    let mut ws = Workspace::open(&setup.path).expect("open");
    let report = ws
        .import_now(std::slice::from_ref(&file), options(), &Silent)
        .expect("import");
    assert!(!report.committed);
    assert!(
        report.rejected[0].reason.contains("which account"),
        "{report:?}"
    );
    let chosen = ImportOptions {
        account: Some("@meadow".parse().expect("a valid handle")),
        ..options()
    };
    let report = ws.import_now(&[file], chosen, &Silent).expect("import");
    assert!(report.committed);
    assert_eq!(report.files[0].changes.added, 1);
}

fn scrollstop(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_scrollstop"))
        .args(args)
        .output()
        .expect("the binary runs")
}

#[test]
fn the_command_line_imports_drafts_with_the_right_exit_codes() {
    let setup = setup();
    let ws = setup.path.to_str().expect("utf-8 path").to_string();
    let bad = write(&setup, "bad.csv", BAD);
    let bad = bad.to_str().expect("utf-8 path");
    let good = write(&setup, "drafts.csv", GOOD);
    let good = good.to_str().expect("utf-8 path");

    let dry = scrollstop(&["import", "--workspace", &ws, "--dry-run", "--json", good]);
    assert!(
        dry.status.success(),
        "{}",
        String::from_utf8_lossy(&dry.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&dry.stdout).expect("JSON");
    assert_eq!(json["files"][0]["kind"], "Drafts");
    assert_eq!(json["files"][0]["changes"]["added"], 3);
    assert_eq!(json["drafts"][0]["change"], "added");
    assert_eq!(json["committed"], false);

    let refused = scrollstop(&["import", "--workspace", &ws, bad]);
    assert!(!refused.status.success());
    let out = String::from_utf8_lossy(&refused.stdout);
    assert!(out.contains("rejected: bad.csv line 3:"), "{out}");
    assert!(String::from_utf8_lossy(&refused.stderr).contains("nothing was written"));

    let skipped = scrollstop(&["import", "--workspace", &ws, "--skip-bad-rows", bad]);
    assert!(skipped.status.success());
    assert!(String::from_utf8_lossy(&skipped.stdout).contains("Imported."));

    let good_run = scrollstop(&["import", "--workspace", &ws, good]);
    assert!(good_run.status.success());
    let out = String::from_utf8_lossy(&good_run.stdout);
    assert!(
        out.contains("drafts.csv (Drafts, UTF-8 with BOM) -> @meadow: 3 added"),
        "{out}"
    );

    let again = scrollstop(&["import", "--workspace", &ws, good]);
    assert!(again.status.success(), "re-importing is not an error");
    let out = String::from_utf8_lossy(&again.stdout);
    assert!(out.contains("0 added, 0 updated, 3 unchanged"), "{out}");
}

const HEADER: &str = "title,hook,caption,hashtags,subculture,duration_s,aspect,sound,bpm,\
opening,status,assignee,notes,account,planned_at,language,region,allow_duet";

proptest! {
    // 10,000 arbitrary byte strings and 5,000 drafts-shaped files per run.
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..800)) {
        let mut sink = Collected::default();
        let _ = read_drafts("fuzz.csv", &bytes, &mut sink);
    }

}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(5_000))]

    #[test]
    fn drafts_shaped_text_reads_every_row_or_refuses_the_file(
        rows in proptest::collection::vec(
            "[0-9a-zA-Z .,:;#@/\"\\-T+xé🍓]{0,80}", 0..10
        )
    ) {
        let text = format!("{HEADER}\n{}", rows.join("\n"));
        let mut sink = Collected::default();
        match read_drafts("fuzz.csv", text.as_bytes(), &mut sink) {
            Ok(()) => {
                let summary = &sink.files[0];
                prop_assert_eq!(summary.rows, sink.drafts.len());
                prop_assert_eq!(summary.rejected, sink.rejected.len());
            }
            Err(_) => {
                prop_assert!(sink.drafts.is_empty() && sink.files.is_empty());
            }
        }
    }
}
