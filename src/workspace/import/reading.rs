//! Reading an import's files: the readers run on a thread of their own and relay what they read
//! to the writing thread; once they are done, a thread of its own hashes the files' bytes (the
//! commit refuses a file that changed since its preview) while the writing thread finishes.
//! Also reading files into records held in memory, for the window's drop-and-preview. Nothing
//! here writes.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;

use sha2::{Digest, Sha256};

use super::writer::Writer;
use super::{ImportOptions, relay};
use crate::io::{Collected, ReadOptions, read_paths, table_readers};

/// SHA-256 of a regular file's bytes as hex; folders, unreadable paths and anything that is
/// not a regular file hash to an empty string. The file is read in pieces, so hashing a big
/// file does not hold it in memory. A FIFO or a device is never read here: a FIFO's bytes
/// go to one reader only (the import's), and a device may never end.
pub fn content_hash(path: &std::path::Path) -> String {
    let hash = || -> std::io::Result<String> {
        if !std::fs::metadata(path)?.is_file() {
            return Ok(String::new());
        }
        // A file that grows past the size limit while it is hashed is refused by the reading.
        let limit = crate::io::Limits::default().max_file_bytes;
        let mut file = std::io::Read::take(std::fs::File::open(path)?, limit.saturating_add(1));
        let mut hasher = Sha256::new();
        let mut buffer = vec![0u8; 1 << 20];
        loop {
            match std::io::Read::read(&mut file, &mut buffer) {
                Ok(0) => break,
                Ok(n) => hasher.update(&buffer[..n]),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(format!("{:x}", hasher.finalize()))
    };
    hash().unwrap_or_default()
}

/// Each path's display name and [content hash](content_hash).
pub(super) fn file_hashes(paths: &[PathBuf]) -> Vec<(String, String)> {
    paths
        .iter()
        .map(|p| (display_name(p), content_hash(p)))
        .collect()
}

/// The files' [hashes](file_hashes), worked out on a thread of their own.
pub(super) struct PendingHashes {
    /// `None` when no one will need them (the writing stopped): worked out on demand then.
    hashing: Option<JoinHandle<Vec<(String, String)>>>,
    paths: Vec<PathBuf>,
}

impl PendingHashes {
    /// Starts hashing `paths`, unless `needed` is false.
    fn start(paths: &[PathBuf], needed: bool) -> Self {
        let hashing = needed.then(|| {
            let paths = paths.to_vec();
            std::thread::spawn(move || file_hashes(&paths))
        });
        PendingHashes {
            hashing,
            paths: paths.to_vec(),
        }
    }

    /// The hashes, once worked out (here, if their thread was not started or failed).
    pub(super) fn wait(self) -> Vec<(String, String)> {
        self.hashing
            .and_then(|hashing| hashing.join().ok())
            .unwrap_or_else(|| file_hashes(&self.paths))
    }
}

/// Reads `paths` into `writer`, then hashes them. The readers run on a thread of their own and
/// [relay](relay) what they read to this one, which writes it: parsing and SQLite each get a
/// core. The hashing rereads the files once the readers are done, on a thread the caller waits
/// for when it needs the hashes: it takes the core the readers leave while the writing side
/// finishes (hashing alongside the readers had the three threads sharing two cores). Returns
/// the whole-file errors and the hashes to come.
pub(super) fn read_and_hash(
    paths: &[PathBuf],
    options: &ImportOptions,
    writer: &mut Writer<'_, '_>,
) -> (Vec<String>, PendingHashes) {
    let stopped = AtomicBool::new(false);
    let read_options = read_options(options);
    std::thread::scope(|scope| {
        let (mut relay, delivery) = relay::relay(&stopped);
        let reading = scope.spawn(|| {
            let errors = read_paths(paths, &read_options, &mut relay);
            drop(relay); // sends what is left, and tells the writing side the reading is over
            // Once the writing side stopped (cancelled, or a write failed), nothing is committed.
            let needed = !stopped.load(Ordering::Relaxed);
            (errors, PendingHashes::start(paths, needed))
        });
        delivery.deliver(writer, &stopped);
        match reading.join() {
            Ok((errors, hashes)) => (errors.iter().map(ToString::to_string).collect(), hashes),
            Err(_) => (
                vec!["the files could not be read to the end: the reader stopped unexpectedly; nothing was written".to_string()],
                PendingHashes::start(paths, false),
            ),
        }
    })
}

/// What the readers need of an import's options.
fn read_options(options: &ImportOptions) -> ReadOptions {
    ReadOptions {
        export_date: options.export_date,
        table_readers: table_readers(options.imported_at, options.mapping.clone()),
        ..ReadOptions::default()
    }
}

/// Reads every dropped file and folder into records; whole-file failures come back as
/// messages. Writes nothing.
pub fn read_files(paths: &[PathBuf], options: &ImportOptions) -> (Collected, Vec<String>) {
    let mut collected = Collected::default();
    let errors = read_paths(paths, &read_options(options), &mut collected);
    (collected, errors.iter().map(ToString::to_string).collect())
}

fn display_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
