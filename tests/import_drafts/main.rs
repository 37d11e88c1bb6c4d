//! Importing a drafts CSV into a real workspace: the drafts and their plan entries land as the
//! file says, bad rows are listed with line and reason and block the import unless skipped,
//! a preview writes nothing, importing the same file again adds nothing, the command line's
//! exit codes, and the parser never panics on arbitrary bytes (property tests).
//!
//! This file holds the sample files and helpers; the stories are in `good_files.rs`,
//! `bad_rows.rs`, `command_line.rs` and `parser_fuzz.rs`.

mod bad_rows;
mod command_line;
mod good_files;
mod parser_fuzz;

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
    let ws = Workspace::open(&path).expect("open");
    let store = &mut scrollstop::store::Store::open(ws.path()).expect("the store opens");
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
