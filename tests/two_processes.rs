//! Two processes on one workspace, for real: the command line importing while this process
//! writes through the store, and a second window finding the workspace held by another
//! process (this test binary, started again as the lock holder).

mod common;

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use common::*;
use scrollstop::domain::Colour;
use scrollstop::workspace::{LockError, Workspace, WorkspaceLock};

/// Set for the child process that holds the lock of the workspace it names.
const HOLD_LOCK: &str = "SCROLLSTOP_TEST_HOLD_LOCK";

/// Not a test of its own: the other process of the lock tests. It takes the lock, says so on
/// stdout, and keeps it until its stdin closes.
#[test]
#[ignore = "started by the two-process tests as the other process"]
fn lock_holder() {
    let Some(path) = std::env::var_os(HOLD_LOCK) else {
        return;
    };
    let lock = WorkspaceLock::acquire(Path::new(&path)).unwrap();
    println!("holding {}", std::process::id());
    let mut line = String::new();
    let _ = std::io::stdin().read_line(&mut line);
    drop(lock);
}

/// Starts this test binary again as [`lock_holder`] on `path` and waits until it holds the lock.
#[allow(
    clippy::zombie_processes,
    reason = "the caller waits for it in release(); only a failing test leaves it running"
)]
fn spawn_holder(path: &Path) -> Child {
    let mut child = Command::new(std::env::current_exe().expect("test setup"))
        .args([
            "--exact",
            "lock_holder",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(HOLD_LOCK, path)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("test setup");
    let stdout = child.stdout.take().expect("test setup");
    let mut lines = BufReader::new(stdout).lines();
    loop {
        let line = lines
            .next()
            .expect("the holder reports before it ends")
            .expect("test setup");
        // libtest prints "test lock_holder ... " before the test's own words.
        if let Some((_, pid)) = line.split_once("holding ") {
            assert_eq!(pid, child.id().to_string());
            // Keep reading, so the holder never writes into a closed pipe.
            std::thread::spawn(move || lines.for_each(drop));
            return child;
        }
    }
}

/// Ends the holder by closing its stdin.
fn release(mut child: Child) {
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin.write_all(b"\n");
    }
    let status = child.wait().expect("test setup");
    assert!(status.success(), "the holder ended with {status}");
}

fn trend_file(dir: &Path, n: usize) -> PathBuf {
    let path = dir.join(format!("trends-{n}.csv"));
    let mut text = String::from("kind,name,rank,region,period_days,captured_at\n");
    for j in 0..5 {
        text.push_str(&format!("hashtag,#cli{n}x{j},{},US,7,2026-03-01\n", j + 1));
    }
    std::fs::write(&path, text).expect("test setup");
    path
}

#[test]
fn the_command_line_imports_while_this_process_writes_and_nothing_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("team.sqlite");
    let workspace = Workspace::open(&path).unwrap();
    let files: Vec<PathBuf> = (0..24).map(|n| trend_file(dir.path(), n)).collect();

    // Four command-line imports at a time, each its own process and transaction...
    let cli_path = path.clone();
    let command_line = std::thread::spawn(move || {
        let mut failures = Vec::new();
        for batch in files.chunks(4) {
            let children: Vec<_> = batch
                .iter()
                .map(|file| {
                    Command::new(env!("CARGO_BIN_EXE_scrollstop"))
                        .arg("import")
                        .arg("--workspace")
                        .arg(&cli_path)
                        .arg(file)
                        .stdout(Stdio::null())
                        .stderr(Stdio::piped())
                        .spawn()
                        .unwrap()
                })
                .collect();
            for child in children {
                let out = child.wait_with_output().unwrap();
                if !out.status.success() {
                    failures.push(String::from_utf8_lossy(&out.stderr).into_owned());
                }
            }
        }
        failures
    });

    // ...while this process adds and edits subcultures through its own connection.
    for i in 0..150 {
        let store = &mut scrollstop::store::Store::open(workspace.path()).expect("the store opens");
        let id = store
            .add_subculture(&format!("#Mine{i}"), &[], "", Colour([1, 2, 3]))
            .unwrap();
        let mut sub = store
            .subcultures()
            .unwrap()
            .into_iter()
            .find(|s| s.id == id)
            .unwrap();
        sub.description = format!("edited {i}");
        store.update_subculture(&sub).unwrap();
        std::thread::sleep(Duration::from_millis(2));
    }
    let failures = command_line.join().unwrap();
    assert!(
        failures.is_empty(),
        "command-line imports failed: {failures:#?}"
    );

    let check: String = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let counts = Workspace::open(&path).unwrap().info().unwrap().counts;
    assert_eq!(counts.trend_items, 24 * 5, "every command-line row landed");
    assert_eq!(counts.import_log, 24);
    assert_eq!(
        counts.subcultures as usize,
        150 + scrollstop::domain::subculture_catalogue().len(),
        "every write of this process landed, beside the catalogue the workspace started with"
    );
    let edited = workspace
        .subcultures()
        .unwrap()
        .iter()
        .filter(|s| s.description.starts_with("edited "))
        .count();
    assert_eq!(edited, 150);
}

#[test]
fn a_second_holder_is_told_which_process_has_the_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("team.sqlite");
    drop(Workspace::open(&path).unwrap());
    let holder = spawn_holder(&path);
    let pid = holder.id();
    match WorkspaceLock::acquire(&path) {
        Err(LockError::InUse { pid: found, .. }) => assert_eq!(found, Some(pid)),
        other => panic!("expected the workspace in use, got {other:?}"),
    }
    release(holder);
    WorkspaceLock::acquire(&path).expect("free once the other process ended");
}

#[test]
fn a_second_window_offers_retry_and_read_only_while_another_process_edits() {
    let workspace = demo_workspace();
    let holder = spawn_holder(&workspace.path);
    let pid = holder.id();

    let mut harness = app(&workspace.path);
    assert!(harness.state().workspace().is_none());
    assert!(shows(
        &harness,
        "This workspace is open in another Scrollstop window"
    ));
    assert!(shows(
        &harness,
        &format!("It is held by Scrollstop process {pid}.")
    ));

    // Retry while the other window still has it: the same screen.
    harness.get_by_label("Retry").click();
    run_with_reads(&mut harness);
    assert!(harness.state().workspace().is_none());

    // Read-only: the data is there, with the banner, and edits are refused.
    harness.get_by_label("Open read-only").click();
    run_with_reads(&mut harness);
    let banner = format!(
        "Read-only: this workspace is open in another Scrollstop window (process {pid}); \
         changes are off here."
    );
    assert!(shows(&harness, &banner));
    let state = harness.state();
    assert!(state.workspace().unwrap().is_read_only());
    open_view(&mut harness, "Subcultures");
    assert!(shows_part(&harness, "#CottageCore"));
    let first = first_subculture(&harness);
    harness
        .state_mut()
        .request(scrollstop::ui::Action::DeleteSubculture(first));
    run_with_reads(&mut harness);
    assert_eq!(harness.state().notice(), Some(banner.as_str()));

    // Once the other process is gone, "Edit here" opens it for editing.
    release(holder);
    harness.get_by_label("Edit here").click();
    run_with_reads(&mut harness);
    assert!(!harness.state().workspace().unwrap().is_read_only());
    assert!(!shows(&harness, &banner));
    assert!(
        shows_part(&harness, "#CottageCore"),
        "still on the same view"
    );
}
