//! Inputs that state no size, or lie about it: a device that never ends, a FIFO fed past the
//! limit, a ZIP entry that unpacks to more than it declares. Each stops at the limit while it
//! is read, and the refusal names the limit.

use std::io::Write;
use std::path::Path;

use super::*;

fn limited(max_file_bytes: u64) -> ReadOptions {
    ReadOptions {
        limits: Limits {
            max_file_bytes,
            ..Limits::default()
        },
        ..ReadOptions::default()
    }
}

fn read_path_alone(path: &Path, options: &ReadOptions) -> (Collected, Vec<ImportError>) {
    let mut sink = Collected::default();
    let errors = read_paths(&[path.to_path_buf()], options, &mut sink);
    (sink, errors)
}

#[test]
fn an_endless_device_stops_at_the_limit() {
    let (got, errors) = read_path_alone(Path::new("/dev/zero"), &limited(2_000_000));
    assert!(got.files.is_empty(), "{got:?}");
    assert!(
        matches!(&errors[..], [ImportError::OverLimit { limit_mb: 2, .. }]),
        "{errors:?}"
    );
    let message = errors[0].to_string();
    assert!(
        message.contains("zero") && message.contains("2 MB"),
        "{message}"
    );
}

/// Makes a FIFO at `path` (with the system's `mkfifo`).
fn fifo(path: &Path) {
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(made.success(), "mkfifo made {}", path.display());
}

#[test]
fn a_fifo_fed_past_the_limit_stops_at_the_limit() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("Overview.csv");
    fifo(&path);
    let feeding = path.clone();
    // Writes 16 MB (eight times the limit), and stops when the reader hangs up.
    let feeder = std::thread::spawn(move || {
        let mut pipe = std::fs::OpenOptions::new()
            .write(true)
            .open(&feeding)
            .expect("the FIFO opens for writing");
        let line = vec![b'1'; 64 * 1024];
        let mut sent = 0usize;
        while sent < 16_000_000 {
            if pipe.write_all(&line).is_err() {
                break;
            }
            sent += line.len();
        }
        sent
    });
    let (got, errors) = read_path_alone(&path, &limited(2_000_000));
    let sent = feeder.join().expect("the feeder ends");
    assert!(got.files.is_empty(), "{got:?}");
    assert!(
        matches!(&errors[..], [ImportError::OverLimit { limit_mb: 2, .. }]),
        "{errors:?}"
    );
    assert!(errors[0].to_string().contains("Overview.csv"));
    assert!(
        sent < 16_000_000,
        "the reader hung up early ({sent} bytes sent)"
    );
}

#[test]
fn a_fifo_within_the_limit_is_read() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("Overview.csv");
    fifo(&path);
    let feeding = path.clone();
    let feeder = std::thread::spawn(move || {
        std::fs::OpenOptions::new()
            .write(true)
            .open(&feeding)
            .and_then(|mut pipe| pipe.write_all(&build::fixture("Overview.csv")))
            .expect("the fixture is written into the FIFO");
    });
    let (got, errors) = read_path_alone(&path, &given(ymd(2026, 1, 3)));
    feeder.join().expect("the feeder ends");
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(got.files[0].kind, ReportKind::Overview);
    assert!(!got.daily.is_empty());
}

/// Sets the uncompressed size every header of a one-entry ZIP declares.
fn declare_size(zip: &mut [u8], size: u32) {
    let mut at = 0;
    while at + 4 <= zip.len() {
        let offset = match &zip[at..at + 4] {
            b"PK\x03\x04" => 22,
            b"PK\x01\x02" => 24,
            _ => {
                at += 1;
                continue;
            }
        };
        zip[at + offset..at + offset + 4].copy_from_slice(&size.to_le_bytes());
        at += 4;
    }
}

#[test]
fn a_zip_entry_unpacking_past_its_declared_size_is_cut_off() {
    let small = ReadOptions {
        limits: Limits {
            max_entry_bytes: 1_000,
            ..Limits::default()
        },
        ..ReadOptions::default()
    };
    // 5 MB of one byte deflates to a few kilobytes; the headers claim 100 bytes.
    let mut zip = zip_of(&[("Overview.csv", vec![b'1'; 5_000_000])], true);
    declare_size(&mut zip, 100);
    let (got, errors) = read("Overview_x.zip", &zip, &small);
    assert!(got.files.is_empty() && got.daily.is_empty(), "{got:?}");
    assert_eq!(errors.len(), 1, "{errors:?}");
    let message = errors[0].to_string();
    assert!(message.contains("Overview_x.zip/Overview.csv"), "{message}");
    assert!(message.contains("larger than its declared"), "{message}");
    assert!(message.contains("download the export again"), "{message}");
}
