//! A view's data read off the window's thread, once per key (the revision and account it is
//! read for, say). [`Reading::start`] reads on a [`Task`] with its own connection to the
//! workspace file; the view keeps drawing the data it had until the new data arrives
//! ([`Reading::poll`] picks it up), so the first frame of a view over a team's workspace is
//! drawn at once instead of after its reads.
//!
//! Only one read is listened to: starting another stops listening to the one before, whose
//! answer is dropped when it comes.

use std::path::Path;

use eframe::egui;

use super::background::Task;
use crate::workspace::{Workspace, WorkspaceError};

/// The data of type `T` a view shows, read for a key of type `K`.
pub struct Reading<K, T> {
    /// The key of the last read started.
    asked: Option<K>,
    /// The read under way.
    task: Option<Task<Result<T, WorkspaceError>>>,
    /// Why the last read could not even start, until it is taken.
    unstarted: Option<(K, String)>,
    /// The last data that arrived with the key it was read for, or why it could not be read.
    latest: Option<(K, Result<T, String>)>,
}

impl<K, T> Default for Reading<K, T> {
    fn default() -> Self {
        Self {
            asked: None,
            task: None,
            unstarted: None,
            latest: None,
        }
    }
}

impl<K: Clone + PartialEq, T: Send + 'static> Reading<K, T> {
    /// True when the data for `key` has not been read, nor is being read.
    pub fn needs(&self, key: &K) -> bool {
        self.asked.as_ref() != Some(key)
    }

    /// Starts reading the data for `key` with `read`, on a thread named `name` with its own
    /// connection to the workspace file at `path`.
    pub fn start(
        &mut self,
        egui_ctx: &egui::Context,
        name: &str,
        path: &Path,
        key: K,
        read: impl FnOnce(&Workspace) -> Result<T, WorkspaceError> + Send + 'static,
    ) {
        self.asked = Some(key.clone());
        match Task::on_workspace(egui_ctx, name, path, move |workspace| read(workspace)) {
            Ok(task) => {
                self.task = Some(task);
                self.unstarted = None;
            }
            Err(e) => {
                self.task = None;
                self.unstarted = Some((key, format!("could not start reading: {e}")));
            }
        }
    }

    /// Takes the data that arrived since the last frame (never waits); [`Self::latest`] then
    /// holds it. True when something arrived.
    pub fn poll(&mut self) -> bool {
        let Some(arrived) = self.take_arrived() else {
            return false;
        };
        self.latest = Some(arrived);
        true
    }

    /// The data that arrived since the last frame with the key it was read for, handed over
    /// rather than kept (for a view that merges more into it); never waits.
    pub fn take_arrived(&mut self) -> Option<(K, Result<T, String>)> {
        if let Some((key, why)) = self.unstarted.take() {
            return Some((key, Err(why)));
        }
        let answer = self.task.as_mut()?.poll()?;
        self.task = None;
        let data = match answer {
            Ok(Ok(data)) => Ok(data),
            Ok(Err(e)) => Err(e.to_string()),
            Err(stopped) => Err(stopped.to_string()),
        };
        Some((self.asked.clone()?, data))
    }

    /// The last data that arrived, with the key it was read for.
    pub fn latest(&self) -> Option<(&K, Result<&T, &str>)> {
        self.latest
            .as_ref()
            .map(|(key, data)| (key, data.as_ref().map_err(String::as_str)))
    }

    /// The last data that arrived, when it was read for a key `wanted` accepts (the data of
    /// another account is never shown under this one's name).
    pub fn latest_if(&self, wanted: impl FnOnce(&K) -> bool) -> Option<Result<&T, &str>> {
        self.latest()
            .filter(|(key, _)| wanted(key))
            .map(|(_, data)| data)
    }

    /// True while a read is under way.
    pub fn is_reading(&self) -> bool {
        self.task.is_some()
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::*;

    /// Asks `arrived` until it answers, failing after 30 s.
    fn wait_for<R>(mut arrived: impl FnMut() -> Option<R>) -> R {
        let start = Instant::now();
        loop {
            if let Some(answer) = arrived() {
                return answer;
            }
            assert!(start.elapsed() < Duration::from_secs(30), "nothing arrived");
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    fn wait(reading: &mut Reading<u8, String>) {
        wait_for(|| {
            reading.poll();
            (!reading.is_reading()).then_some(())
        });
    }

    /// What each test starts from: a new workspace (kept while its directory lives), its
    /// path, a context for the repaints, and a reading that has read nothing.
    fn setup() -> (
        tempfile::TempDir,
        std::path::PathBuf,
        egui::Context,
        Reading<u8, String>,
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.scrollstop");
        Workspace::open(&path).expect("a new workspace");
        (dir, path, egui::Context::default(), Reading::default())
    }

    #[test]
    fn the_data_arrives_for_its_key_and_the_key_is_then_read() {
        let (_dir, path, ctx, mut reading) = setup();
        assert!(reading.needs(&1));
        reading.start(&ctx, "reading", &path, 1, |w| {
            Ok(format!("{} subcultures", w.subcultures()?.len()))
        });
        assert!(!reading.needs(&1), "a read under way is not started twice");
        assert!(reading.needs(&2));
        wait(&mut reading);
        let (key, data) = reading.latest().expect("the data");
        assert_eq!(*key, 1);
        assert!(data.unwrap().ends_with("subcultures"));
        assert!(!reading.needs(&1));
    }

    #[test]
    fn the_old_data_stays_until_the_new_arrives_and_only_the_newest_read_counts() {
        let (_dir, path, ctx, mut reading) = setup();
        reading.start(&ctx, "reading", &path, 1, |_| Ok("one".into()));
        wait(&mut reading);
        let (go, gate) = std::sync::mpsc::channel::<()>();
        reading.start(&ctx, "reading", &path, 2, move |_| {
            let _ = gate.recv();
            Ok("two".into())
        });
        reading.start(&ctx, "reading", &path, 3, |_| Ok("three".into()));
        assert_eq!(reading.latest().map(|(k, _)| *k), Some(1), "kept meanwhile");
        wait(&mut reading);
        go.send(()).unwrap();
        let (key, data) = reading.latest().unwrap();
        assert_eq!((*key, data), (3, Ok(&"three".to_string())));
    }

    #[test]
    fn taken_data_is_handed_over_once_and_not_kept() {
        let (_dir, path, ctx, mut reading) = setup();
        reading.start(&ctx, "reading", &path, 7, |_| Ok("rows".into()));
        let arrived = wait_for(|| reading.take_arrived());
        assert_eq!(arrived, (7, Ok("rows".to_string())));
        assert!(!reading.is_reading());
        assert!(reading.take_arrived().is_none(), "handed over once");
        assert!(reading.latest().is_none(), "not kept");
        assert!(!reading.needs(&7), "the key counts as read");
    }

    #[test]
    fn a_failed_read_says_why() {
        let (_dir, path, ctx, mut reading) = setup();
        reading.start(&ctx, "reading", &path, 1, |w| {
            w.draft(crate::domain::DraftId(404)).map(|d| d.title)
        });
        wait(&mut reading);
        let (_, data) = reading.latest().unwrap();
        assert!(data.unwrap_err().contains("404"), "{data:?}");
    }
}
