//! Item 1: `export --output` onto the workspace, however spelled, or onto anything that is not
//! a regular or a new file, is refused with a sentence; a failed export leaves no `.partial`.

use std::fs;

use super::*;

const RANGE: [&str; 4] = ["--from", "2027-01-04", "--to", "2027-01-10"];

fn export_args<'a>(ws: &'a str, output: &'a str) -> Vec<&'a str> {
    let mut args = vec!["export", "--workspace", ws, "--format", "ics"];
    args.extend(RANGE);
    args.extend(["--output", output]);
    args
}

#[test]
fn export_onto_the_workspace_is_refused_however_it_is_spelled() {
    let dir = tempfile::tempdir().unwrap();
    let ws = demo(dir.path());
    let before = fs::read(&ws).unwrap();
    fs::create_dir(dir.path().join("sub")).unwrap();
    std::os::unix::fs::symlink(&ws, dir.path().join("calendar.ics")).unwrap();
    // Run from the workspace's folder, so relative spellings mean what a user typed.
    for output in [
        "demo.sqlite",
        "./demo.sqlite",
        "sub/../demo.sqlite",
        "../sub/../sub/../demo.sqlite",
        "calendar.ics",
        "demo.sqlite-wal",
        "demo.sqlite-shm",
        "demo.sqlite.lock",
    ] {
        let output = if output.starts_with("../") {
            format!("sub/{output}")
        } else {
            output.to_string()
        };
        let out = binary()
            .current_dir(dir.path())
            .args(export_args("demo.sqlite", &output))
            .output()
            .unwrap();
        assert!(!out.status.success(), "{output} was accepted");
        let message = stderr(&out);
        assert!(
            message.contains("which Scrollstop never writes over"),
            "{output}: {message}"
        );
        assert!(message.contains("Choose another file name"), "{message}");
    }
    assert_eq!(
        fs::read(&ws).unwrap(),
        before,
        "the workspace is byte for byte as it was"
    );
    ok(&["info", "--workspace", arg(&ws)]);
    assert!(!names_in(dir.path()).iter().any(|n| n.ends_with(".partial")));
}

#[test]
fn folders_and_devices_are_refused_and_a_regular_file_is_replaced_whole() {
    let dir = tempfile::tempdir().unwrap();
    let ws = demo(dir.path());
    let folder = dir.path().join("calendars");
    fs::create_dir(&folder).unwrap();
    let message = fails(&export_args(arg(&ws), arg(&folder)));
    assert!(message.contains("is a folder, not a file"), "{message}");
    assert!(folder.is_dir() && names_in(&folder).is_empty());
    let message = fails(&export_args(arg(&ws), "/dev/null"));
    assert!(message.contains("is a device"), "{message}");

    let target = dir.path().join("plan.ics");
    fs::write(&target, "old calendar").unwrap();
    ok(&[
        "plan",
        "--workspace",
        arg(&ws),
        RANGE[0],
        RANGE[1],
        RANGE[2],
        RANGE[3],
    ]);
    let printed = ok(&export_args(arg(&ws), arg(&target)));
    assert!(printed.contains("Exported"), "{printed}");
    assert!(
        fs::read_to_string(&target)
            .unwrap()
            .starts_with("BEGIN:VCALENDAR")
    );
    assert!(!names_in(dir.path()).iter().any(|n| n.ends_with(".partial")));
}

#[test]
fn a_full_disk_leaves_the_old_file_and_no_partial() {
    let dir = tempfile::tempdir().unwrap();
    let ws = demo(dir.path());
    ok(&[
        "plan",
        "--workspace",
        arg(&ws),
        RANGE[0],
        RANGE[1],
        RANGE[2],
        RANGE[3],
    ]);
    let target = dir.path().join("plan.ics");
    fs::write(&target, "old calendar").unwrap();
    // Keep a connection open so SQLite's -wal/-shm exist and need not grow; then allow the
    // exporting process files of at most 1 KB (the calendar is larger): a full disk for it.
    let open = rusqlite::Connection::open(&ws).unwrap();
    let _: i64 = open
        .query_row("SELECT count(*) FROM drafts", [], |r| r.get(0))
        .unwrap();
    let args = export_args(arg(&ws), arg(&target)).join("' '");
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "trap '' XFSZ; ulimit -f 2; exec '{}' '{args}'",
            env!("CARGO_BIN_EXE_scrollstop")
        ))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let message = stderr(&out);
    assert!(message.contains("could not write"), "{message}");
    assert!(
        message.contains("plan.ics"),
        "names the user's file: {message}"
    );
    assert!(!message.contains(".partial"), "{message}");
    assert_eq!(fs::read_to_string(&target).unwrap(), "old calendar");
    assert!(!names_in(dir.path()).iter().any(|n| n.ends_with(".partial")));
}
