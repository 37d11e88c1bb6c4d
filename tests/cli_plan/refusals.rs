//! Bad ranges, accounts and counts are refused with an error that says what to do.

use super::*;

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
