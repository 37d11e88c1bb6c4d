//! The one way the window runs work off the UI thread. A [`Task`] is a named thread and the
//! channel back from it: [`Task::spawn`] hands back one result, [`Task::stream`] gives a
//! long-lived worker an [`Outbox`] to send many, and [`Task::on_workspace`] first opens the
//! work's own connection to the workspace file (the window's connection never crosses
//! threads). Every value sent wakes the window (`request_repaint`), and the window picks values
//! up with [`Task::poll`] once per frame. A thread that could not start is a [`SpawnFailed`];
//! one that panicked or vanished is a [`Stopped`], never mistaken for a result.
//!
//! It knows nothing of what the work is or how its result is shown, and it must never make the
//! UI thread wait: polling is a `try_recv`, and dropping a task only stops listening.

use std::any::Any;
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};

use eframe::egui;
use thiserror::Error;

use crate::workspace::{Workspace, WorkspaceError};

/// The system refused to start another thread (it says why).
#[derive(Debug, Error)]
#[error(transparent)]
pub struct SpawnFailed(#[from] std::io::Error);

/// A background thread ended without its answer.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum Stopped {
    /// The work panicked; `message` is what it said.
    #[error("{task} stopped unexpectedly: {message}")]
    Panicked { task: String, message: String },
    /// The thread went away without a word (nothing else should end a task so).
    #[error("{task} ended without an answer")]
    Vanished { task: String },
}

/// What crosses from the thread to the window.
enum Report<T> {
    Sent(T),
    /// The work returned: nothing more will come, and nothing went wrong.
    Returned,
    Panicked(String),
}

/// The thread's side: sends values to the window and wakes it.
pub struct Outbox<T> {
    sender: Sender<Report<T>>,
    ctx: egui::Context,
}

impl<T> Outbox<T> {
    /// Sends `value` and asks the window to repaint; false when the window no longer listens
    /// (the task was dropped), which tells a worker it may stop.
    pub fn send(&self, value: T) -> bool {
        let sent = self.sender.send(Report::Sent(value)).is_ok();
        self.ctx.request_repaint();
        sent
    }
}

/// The window's handle on a background thread, producing values of type `T`.
pub struct Task<T> {
    name: String,
    reports: Receiver<Report<T>>,
    ended: bool,
}

impl<T: Send + 'static> Task<T> {
    /// Runs `work` on a thread named `name` and hands back what it returns.
    pub fn spawn(
        ctx: &egui::Context,
        name: &str,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<Self, SpawnFailed> {
        Self::stream(ctx, name, move |outbox| {
            // Dropped tasks do not need the answer.
            let _ = outbox.send(work());
        })
    }

    /// Runs a worker on a thread named `name` that sends as many values as it likes.
    pub fn stream(
        ctx: &egui::Context,
        name: &str,
        work: impl FnOnce(Outbox<T>) + Send + 'static,
    ) -> Result<Self, SpawnFailed> {
        let (sender, reports) = mpsc::channel();
        let outbox = Outbox {
            sender: sender.clone(),
            ctx: ctx.clone(),
        };
        let ctx = ctx.clone();
        std::thread::Builder::new()
            .name(name.to_string())
            .spawn(move || {
                yield_to_the_window();
                // Whatever the work touched is its own and dies with it; a panic only has to
                // reach the window as a value instead of leaving it waiting.
                match panic::catch_unwind(AssertUnwindSafe(|| work(outbox))) {
                    Ok(()) => {
                        let _ = sender.send(Report::Returned);
                    }
                    Err(payload) => {
                        let _ = sender.send(Report::Panicked(panic_message(payload.as_ref())));
                        ctx.request_repaint();
                    }
                }
            })?;
        Ok(Self {
            name: name.to_string(),
            reports,
            ended: false,
        })
    }

    /// The next value the thread sent, if one is waiting; `Err` once when the thread died
    /// instead of finishing. Never waits; call once per frame (in a loop for a stream).
    pub fn poll(&mut self) -> Option<Result<T, Stopped>> {
        if self.ended {
            return None;
        }
        match self.reports.try_recv() {
            Ok(Report::Sent(value)) => Some(Ok(value)),
            Ok(Report::Returned) => {
                self.ended = true;
                None
            }
            Ok(Report::Panicked(message)) => {
                self.ended = true;
                Some(Err(Stopped::Panicked {
                    task: self.name.clone(),
                    message,
                }))
            }
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                self.ended = true;
                Some(Err(Stopped::Vanished {
                    task: self.name.clone(),
                }))
            }
        }
    }
}

impl<T: Send + 'static> Task<Result<T, WorkspaceError>> {
    /// Runs `work` on a thread named `name` with its own connection to the workspace file at
    /// `path` (the window opened and checked it before: see [`Workspace::reopen`]); a workspace
    /// that cannot be opened is the result.
    pub fn on_workspace(
        ctx: &egui::Context,
        name: &str,
        path: &Path,
        work: impl FnOnce(&mut Workspace) -> Result<T, WorkspaceError> + Send + 'static,
    ) -> Result<Self, SpawnFailed> {
        let path = path.to_path_buf();
        Self::spawn(ctx, name, move || work(&mut Workspace::reopen(&path)?))
    }
}

/// A background thread's niceness (Linux; the window's thread keeps 0): when both want one of
/// the two cores of a small machine, the window gets about nine tenths of it. Without it, a frame
/// of 2 ms on a core waited up to 8 ms more for one while reads, checks and forecasts ran.
const BACKGROUND_NICENESS: i32 = 10;

/// Lowers the calling thread's priority to [`BACKGROUND_NICENESS`]. On Linux `setpriority` with
/// a thread's id sets that thread alone. A refusal (a process already nicer than that) changes
/// nothing: the work runs all the same.
fn yield_to_the_window() {
    #[cfg(target_os = "linux")]
    let _ =
        rustix::process::setpriority_process(Some(rustix::thread::gettid()), BACKGROUND_NICENESS);
}

/// Drops `value` on a thread of its own: freeing the ten thousand rows a view read before takes
/// the window's thread milliseconds. Dropped here when no thread can start.
pub fn drop_elsewhere<T: Send + 'static>(value: T) {
    // A thread that cannot start drops its closure, and `value` in it, here.
    let _ = std::thread::Builder::new()
        .name("dropping".into())
        .spawn(move || {
            yield_to_the_window();
            drop(value);
        });
}

/// What a panic said, when it said it in words.
fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_string()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "no message".to_string()
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::*;

    /// Polls like the window does, once per "frame", until something arrives.
    fn wait<T: Send + 'static>(task: &mut Task<T>) -> Result<T, Stopped> {
        let start = Instant::now();
        loop {
            if let Some(polled) = task.poll() {
                return polled;
            }
            assert!(start.elapsed() < Duration::from_secs(30), "nothing arrived");
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    #[test]
    fn a_result_arrives_wakes_the_window_and_is_the_last_word() {
        let ctx = egui::Context::default();
        let mut task = Task::spawn(&ctx, "adding", || 40 + 2).unwrap();
        assert_eq!(wait(&mut task), Ok(42));
        assert!(ctx.has_requested_repaint(), "the window is woken");
        std::thread::sleep(Duration::from_millis(20));
        assert!(task.poll().is_none(), "a finished task says nothing more");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn background_work_runs_nicer_than_the_window() {
        let ctx = egui::Context::default();
        let niceness = || {
            rustix::process::getpriority_process(Some(rustix::thread::gettid()))
                .expect("this thread's priority")
        };
        let window = niceness();
        let mut task = Task::spawn(&ctx, "niceness", niceness).unwrap();
        let background = wait(&mut task).unwrap();
        assert_eq!(niceness(), window, "the window's thread keeps its priority");
        assert_eq!(background, BACKGROUND_NICENESS.max(window));
    }

    #[test]
    fn polling_before_the_work_finishes_gives_nothing() {
        let ctx = egui::Context::default();
        let (go, gate) = mpsc::channel::<()>();
        let mut task = Task::spawn(&ctx, "waiting", move || gate.recv().is_ok()).unwrap();
        for _ in 0..3 {
            assert!(task.poll().is_none());
            std::thread::sleep(Duration::from_millis(5));
        }
        go.send(()).unwrap();
        assert_eq!(wait(&mut task), Ok(true));
    }

    #[test]
    fn a_panic_in_the_work_is_reported_as_such() {
        let ctx = egui::Context::default();
        let mut task =
            Task::<u8>::spawn(&ctx, "failing", || panic!("the disk is on fire")).unwrap();
        let Err(stopped) = wait(&mut task) else {
            panic!("a panic is not a result");
        };
        assert_eq!(
            stopped,
            Stopped::Panicked {
                task: "failing".into(),
                message: "the disk is on fire".into()
            }
        );
        assert!(stopped.to_string().contains("failing stopped unexpectedly"));
        assert!(task.poll().is_none(), "the panic is reported once");
    }

    #[test]
    fn a_stream_sends_in_order_and_ends_quietly() {
        let ctx = egui::Context::default();
        let mut task = Task::stream(&ctx, "counting", |outbox| {
            for n in 1..=3 {
                outbox.send(n);
            }
        })
        .unwrap();
        let got: Vec<_> = (0..3).map(|_| wait(&mut task).unwrap()).collect();
        assert_eq!(got, [1, 2, 3]);
        std::thread::sleep(Duration::from_millis(20));
        assert!(task.poll().is_none(), "returning is not a failure");
    }

    #[test]
    fn the_work_gets_its_own_workspace_connection() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.scrollstop");
        let ctx = egui::Context::default();
        let mut task = Task::on_workspace(&ctx, "reading", &path, |workspace| {
            Ok(workspace.path().to_path_buf())
        })
        .unwrap();
        assert_eq!(wait(&mut task).unwrap().unwrap(), path);
    }
}
