//! Writing a big import's write-ahead log to the disk while the import runs. SQLite syncs the
//! log once, when the import commits, before it copies the log into the workspace file: for a
//! million-row history that is about 200 MB, which the disk took most of a second to take while
//! the import waited. A flusher syncs the log every quarter of a second meanwhile, on a thread
//! of its own, so that at the commit little is left to write.
//!
//! Syncing more often than SQLite does is always safe: it only makes pages already written
//! durable sooner. Only the log is synced here, through a handle of its own; the workspace file
//! is never opened a second time (closing a second handle on it would drop SQLite's locks).

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// How long the flusher waits between two syncs.
const EVERY: Duration = Duration::from_millis(250);

/// A thread syncing one write-ahead log until it is dropped.
pub(crate) struct LogFlusher {
    stop: Arc<(Mutex<bool>, Condvar)>,
    thread: Option<JoinHandle<()>>,
}

impl LogFlusher {
    /// Starts syncing the log at `wal` (the workspace's path with `-wal`). A log that cannot
    /// be opened or synced is left to SQLite's own sync at the commit.
    pub(crate) fn start(wal: PathBuf) -> LogFlusher {
        let stop = Arc::new((Mutex::new(false), Condvar::new()));
        let stopped = Arc::clone(&stop);
        let thread = std::thread::Builder::new()
            .name("scrollstop-log-flusher".into())
            .spawn(move || flush_until_stopped(&wal, &stopped))
            .ok();
        LogFlusher { stop, thread }
    }
}

fn flush_until_stopped(wal: &Path, stop: &(Mutex<bool>, Condvar)) {
    let mut log: Option<File> = None;
    let (lock, signal) = stop;
    let Ok(mut stopped) = lock.lock() else {
        return;
    };
    loop {
        // Checked before waiting too: the flusher may have been stopped during a sync.
        if *stopped {
            return;
        }
        let Ok((guard, _)) = signal.wait_timeout(stopped, EVERY) else {
            return;
        };
        stopped = guard;
        if *stopped {
            return;
        }
        // Not holding the lock while the disk works, so stopping never waits for a sync to
        // start, only for one under way.
        drop(stopped);
        if log.is_none() {
            log = File::open(wal).ok();
        }
        if let Some(file) = &log
            && file.sync_data().is_err()
        {
            log = None;
        }
        let Ok(guard) = lock.lock() else {
            return;
        };
        stopped = guard;
    }
}

impl Drop for LogFlusher {
    fn drop(&mut self) {
        let (lock, signal) = &*self.stop;
        if let Ok(mut stopped) = lock.lock() {
            *stopped = true;
        }
        signal.notify_all();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flusher_leaves_the_log_as_written_and_stops_when_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let wal = dir.path().join("w.sqlite-wal");
        let flusher = LogFlusher::start(wal.clone());
        std::fs::write(&wal, vec![7u8; 1 << 20]).unwrap();
        std::thread::sleep(EVERY * 2);
        drop(flusher);
        assert_eq!(
            std::fs::read(&wal).unwrap().len(),
            1 << 20,
            "the log is only read"
        );
    }

    #[test]
    fn a_missing_log_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let flusher = LogFlusher::start(dir.path().join("none-wal"));
        std::thread::sleep(EVERY + EVERY / 2);
        drop(flusher);
        assert!(!dir.path().join("none-wal").exists());
    }
}
