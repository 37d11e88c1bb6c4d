//! A history row whose caption runs to 50 MB (or any cell past what TikTok allows) is rejected
//! with its line and the limit it breaks, the other rows are imported with `--skip-bad-rows`,
//! and the import never holds the long row: its memory stays under 250 MB.

use std::fmt::Write as _;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use scrollstop::checks::platform_limits;
use scrollstop::io::{Collected, ReadOptions, read_bytes, table_readers};

fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(1_767_441_600, 0).expect("instant")
}

const HEADER: &str = "user_name,vid_id,vid_caption,vid_postTime,vid_nview,music_title\n";

/// A history row for video `i`, its caption `caption` (quoted) and sound `sound`.
fn row(out: &mut String, i: u64, caption: &str, sound: &str) {
    let id = ((1_740_000_000u64 + i) << 32) | i;
    let _ = writeln!(
        out,
        "creator.{},{id},\"{caption}\",2025-03-01 10:00:00,{}.{}K,{sound}",
        i % 3,
        i % 90,
        i % 10
    );
}

/// The peak memory of a running process in kB (`VmHWM`), while it has any.
fn peak_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Runs `scrollstop ARGS`, killing it (and failing) if it ever holds more than `most_kb`.
fn run_watched(args: &[&str], most_kb: u64) -> (Output, u64) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_scrollstop"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let started = Instant::now();
    let mut peak = 0;
    while child
        .try_wait()
        .expect("the child can be waited on")
        .is_none()
    {
        peak = peak.max(peak_kb(child.id()).unwrap_or(0));
        if peak > most_kb || started.elapsed() > Duration::from_secs(300) {
            child.kill().expect("the child is stopped");
            let _ = child.wait();
            panic!("{args:?} held {peak} kB after {:?}", started.elapsed());
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    (child.wait_with_output().expect("the output is read"), peak)
}

fn videos(path: &Path) -> i64 {
    rusqlite::Connection::open(path)
        .expect("open")
        .query_row("SELECT count(*) FROM videos", [], |r| r.get(0))
        .expect("count")
}

#[test]
fn a_fifty_megabyte_caption_is_rejected_by_its_line_and_the_rest_imported_in_bounded_memory() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = dir.path().join("history.csv");
    let mut text = String::from(HEADER);
    for i in 0..300 {
        row(&mut text, i, &format!("day {i} #cozy"), "Rain loop");
    }
    // Line 302: the header, 300 rows, then the giant.
    let giant = "knit ".repeat(10 << 20);
    row(&mut text, 300, &giant, "Rain loop");
    drop(giant);
    for i in 301..600 {
        row(&mut text, i, &format!("day {i} #cozy"), "Rain loop");
    }
    std::fs::write(&csv, &text).expect("write");
    drop(text);
    let ws = dir.path().join("w.sqlite");
    let ws_arg = ws.to_str().expect("utf-8");
    let csv_arg = csv.to_str().expect("utf-8");
    let (out, peak) = run_watched(
        &["import", "--workspace", ws_arg, "--skip-bad-rows", csv_arg],
        250 * 1024,
    );
    let said =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{said}");
    let limit = platform_limits().caption_in_app.count();
    assert_eq!(limit, 4000);
    let rejection = said
        .lines()
        .find(|l| l.contains("302"))
        .unwrap_or_else(|| panic!("the giant row's line is named: {said}"));
    assert!(rejection.contains("4,000"), "names the limit: {rejection}");
    assert!(
        rejection.contains("Caption"),
        "names the field: {rejection}"
    );
    assert_eq!(videos(&ws), 599, "{said}");
    eprintln!("peak {peak} kB");
}

#[test]
fn cells_past_their_limit_in_a_small_file_are_rejected_not_stored() {
    let limit = platform_limits().caption_in_app.count();
    let mut text = String::from(HEADER);
    row(&mut text, 1, &"é".repeat(limit), "Rain loop");
    row(&mut text, 2, &"é".repeat(limit + 1), "Rain loop");
    row(&mut text, 3, "fine", &"la".repeat(600));
    let options = ReadOptions {
        table_readers: table_readers(now(), Vec::new()),
        ..ReadOptions::default()
    };
    let mut read = Collected::default();
    assert!(read_bytes("h.csv", text.as_bytes(), &options, &mut read).is_empty());
    assert_eq!(read.videos.len(), 1);
    let lines: Vec<usize> = read.rejected.iter().map(|r| r.line).collect();
    assert_eq!(lines, vec![3, 4]);
    assert!(
        read.rejected[0].reason.contains("4,001 characters")
            && read.rejected[0].reason.contains("4,000"),
        "{:?}",
        read.rejected[0]
    );
    assert!(
        read.rejected[1]
            .reason
            .starts_with("Sound (music_title): 1,200 characters"),
        "{:?}",
        read.rejected[1]
    );
}
