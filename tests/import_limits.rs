//! `scrollstop import` on inputs that never end or hold nothing: a device, a FIFO, a folder of
//! links that lead nowhere, a `--map` naming no column. Each is refused with a sentence that
//! says why (the size limit by its number), exits non-zero, never hangs, and holds its memory
//! to the limit. The workspace calls are the window's, so they are tried too.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use scrollstop::io::Limits;
use scrollstop::workspace::{ImportOptions, Silent, Workspace};

/// The size limit for one file as messages write it.
fn limit_in_words() -> String {
    format!("{} MB", Limits::default().max_file_bytes / 1_000_000)
}

/// The peak memory of a running process in kB (`VmHWM`), while it has any.
fn peak_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Runs `scrollstop import ARGS` and watches it: it must end within a minute and never hold
/// more than `most_kb` of memory (it is killed, and the test fails, if it does).
fn import_watched(args: &[&str], most_kb: u64) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_scrollstop"))
        .arg("import")
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let started = Instant::now();
    let mut peak = 0;
    loop {
        if child
            .try_wait()
            .expect("the child can be waited on")
            .is_some()
        {
            break;
        }
        peak = peak.max(peak_kb(child.id()).unwrap_or(0));
        if peak > most_kb || started.elapsed() > Duration::from_secs(60) {
            child.kill().expect("the child is stopped");
            let _ = child.wait();
            panic!(
                "import {args:?} held {peak} kB after {:?}: it is not bounded",
                started.elapsed()
            );
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    child.wait_with_output().expect("the output is read")
}

fn text(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr)
}

#[test]
fn importing_dev_zero_stops_at_the_limit_and_names_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = dir.path().join("w.sqlite");
    let limit_kb = Limits::default().max_file_bytes / 1024;
    let out = import_watched(
        &[
            "--workspace",
            ws.to_str().expect("utf-8"),
            "--account",
            "knitwit",
            "/dev/zero",
        ],
        // The limit, and room for the program itself.
        limit_kb + 200 * 1024,
    );
    let said = text(&out);
    assert!(!out.status.success(), "{said}");
    assert!(said.contains(&limit_in_words()), "names the limit: {said}");
    assert!(said.contains("the limit for one file"), "{said}");
    assert!(!said.contains("Imported."), "{said}");
}

#[test]
fn a_fifo_is_imported_through_the_workspace_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fifo = dir.path().join("Overview.csv");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/studio/Overview.csv");
    let bytes = std::fs::read(fixture).expect("the fixture");
    let feeding = fifo.clone();
    // Only the import reads the FIFO: nothing else (the content hash) may steal its bytes.
    let feeder = std::thread::spawn(move || {
        std::fs::OpenOptions::new()
            .write(true)
            .open(&feeding)
            .and_then(|mut pipe| pipe.write_all(&bytes))
            .expect("the fixture is written into the FIFO");
    });
    let mut ws = Workspace::open(&dir.path().join("w.sqlite")).expect("open");
    let report = ws
        .import_now(
            &[fifo],
            ImportOptions {
                account: Some("knitwit".parse().expect("a valid handle")),
                export_date: chrono::NaiveDate::from_ymd_opt(2026, 1, 3),
                ..ImportOptions::default()
            },
            &Silent,
        )
        .expect("import");
    feeder.join().expect("the feeder ends");
    assert!(report.committed, "{report:?}");
    assert_eq!(report.files[0].changes.added, 7, "{report:?}");
}

#[test]
fn a_folder_with_nothing_to_import_exits_non_zero_and_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = dir.path().join("w.sqlite");
    let folder = dir.path().join("exports");
    std::fs::create_dir(&folder).expect("a folder");
    std::os::unix::fs::symlink("a.csv", folder.join("b.csv")).expect("a link");
    std::os::unix::fs::symlink("b.csv", folder.join("a.csv")).expect("a link back");
    let out = import_watched(
        &[
            "--workspace",
            ws.to_str().expect("utf-8"),
            folder.to_str().expect("utf-8"),
        ],
        200 * 1024,
    );
    let said = text(&out);
    assert!(!out.status.success(), "{said}");
    assert!(
        said.contains("exports holds no file Scrollstop can import"),
        "{said}"
    );
    assert!(said.contains("exports/a.csv (a link that leads nowhere or in a loop)"));
    assert!(!said.contains("Imported."), "{said}");
}

#[test]
fn a_map_naming_no_column_is_an_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = dir.path().join("w.sqlite");
    let history = dir.path().join("history.csv");
    std::fs::write(
        &history,
        "video_id,account,views\n7546034661705796877,knitwit,5\n",
    )
    .expect("write");
    let out = import_watched(
        &[
            "--workspace",
            ws.to_str().expect("utf-8"),
            "--map",
            "views=",
            history.to_str().expect("utf-8"),
        ],
        200 * 1024,
    );
    let said = text(&out);
    assert!(!out.status.success(), "{said}");
    assert!(said.contains("--map views= names no column"), "{said}");
    assert!(
        !ws.exists(),
        "nothing is created before the arguments are read"
    );
}
