//! The window's team sync: while the workspace is in a team, a background thread on its own
//! connection keeps it in sync (the workspace's `sync_watching`: at start, when a teammate
//! pushes, every half minute, after a reconnect, and when asked). The window asks it to sync
//! when its own edits are waiting and when the user presses *Sync now*; it hears back whether
//! the last sync worked, and since when the server cannot be reached. Teammates' changes land
//! in the workspace file, which the window already watches for changes made elsewhere.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Sender, TryRecvError};
use std::time::Duration;

use chrono::{DateTime, Local};
use eframe::egui;

use super::background::Task;
use super::status_bar::Notice;
use crate::text::plural;
use crate::workspace::Workspace;
use crate::workspace::team::{Environment, Round, ServerAddress, SyncReport, TeamStatus, Wake};

/// A password typed for this run; shown nowhere, not even in debug output.
#[derive(Clone, PartialEq, Eq)]
pub struct TeamPassword(String);

impl TeamPassword {
    /// The password (empty: none typed, use PGPASSWORD or `~/.pgpass`).
    pub fn new(password: &str) -> Self {
        Self(password.to_string())
    }
}

impl std::fmt::Debug for TeamPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TeamPassword(…)")
    }
}

/// How often the thread syncs when nothing woke it.
const EVERY: Duration = Duration::from_secs(30);

/// What the thread tells the window.
enum Heard {
    Syncing,
    Synced(SyncReport),
    Failed(String),
}

/// The running thread: its reports, and the line to ask it things.
struct Worker {
    path: PathBuf,
    server: String,
    task: Task<Heard>,
    wake: Sender<Wake>,
}

/// Where the team sync stands, for the status bar.
#[derive(Debug, Clone, PartialEq)]
pub enum Connection {
    /// The thread is connecting or syncing.
    Syncing,
    /// The last sync worked.
    Synced { at: DateTime<Local> },
    /// The server could not be reached (or the sync failed) since `since`.
    Offline {
        since: DateTime<Local>,
        reason: String,
    },
}

/// The window's side of the team sync.
#[derive(Default)]
pub struct TeamSync {
    worker: Option<Worker>,
    connection: Option<Connection>,
    /// The user pressed Sync now: the next result becomes a notice.
    asked: bool,
    /// Changes waiting at the last look (a rise means the window made an edit to send).
    waiting: usize,
    /// Imported analytics were waiting at the last look.
    analytics: bool,
    /// A password typed in the Team settings for this run (never stored by Scrollstop).
    password: String,
}

impl TeamSync {
    /// Starts the thread when the workspace is in a team (and stops it when it no longer is),
    /// and asks for a sync when the window's own edits are waiting.
    pub fn keep(&mut self, ctx: &egui::Context, path: &Path, team: Option<&TeamStatus>) {
        let Some(team) = team else {
            self.stop();
            return;
        };
        if self
            .worker
            .as_ref()
            .is_some_and(|w| w.server != team.server || w.path != path)
        {
            self.stop();
        }
        if self.worker.is_none() {
            self.start(ctx, path, &team.server);
        } else if team.waiting > self.waiting || (team.analytics_waiting && !self.analytics) {
            self.wake(Wake::SyncNow);
        }
        self.waiting = team.waiting;
        self.analytics = team.analytics_waiting;
    }

    /// Stops the thread (it ends within half a second).
    pub fn stop(&mut self) {
        if let Some(worker) = self.worker.take() {
            let _ = worker.wake.send(Wake::Stop);
        }
        self.connection = None;
    }

    /// Syncs now (*Sync now*): the result shows as a notice.
    pub fn sync_now(&mut self) {
        self.asked = true;
        self.wake(Wake::SyncNow);
    }

    /// Uses `password` for this run (typed in the Team settings), restarting the thread.
    pub fn use_password(&mut self, password: TeamPassword) {
        self.password = password.0;
        self.stop();
    }

    /// The environment a connection finds its password in: this process's, with the password
    /// typed for this run first.
    pub fn environment(&self) -> Environment {
        Environment::from_process().with_typed_password(&self.password)
    }

    /// Where the sync stands; `None` before the thread said anything.
    pub fn connection(&self) -> Option<&Connection> {
        self.connection.as_ref()
    }

    /// Takes what the thread reported since the last frame: a notice when the user asked (or
    /// the team refused a change), and whether a sync finished.
    pub fn poll(&mut self) -> (Option<Notice>, bool) {
        let mut notice = None;
        let mut synced = false;
        let Some(worker) = &mut self.worker else {
            return (None, false);
        };
        while let Some(heard) = worker.task.poll() {
            let now = Local::now();
            match heard {
                Ok(Heard::Syncing) => self.connection = Some(Connection::Syncing),
                Ok(Heard::Synced(report)) => {
                    self.connection = Some(Connection::Synced { at: now });
                    synced = true;
                    if std::mem::take(&mut self.asked) || !report.refused.is_empty() {
                        notice = Some(synced_notice(&report));
                    }
                }
                Ok(Heard::Failed(reason)) => {
                    let since = match &self.connection {
                        Some(Connection::Offline { since, .. }) => *since,
                        _ => now,
                    };
                    if std::mem::take(&mut self.asked) {
                        notice = Some(Notice::error(format!(
                            "Could not sync with the team: {reason}"
                        )));
                    }
                    self.connection = Some(Connection::Offline { since, reason });
                }
                Err(stopped) => {
                    self.connection = Some(Connection::Offline {
                        since: now,
                        reason: stopped.to_string(),
                    });
                }
            }
        }
        (notice, synced)
    }

    fn wake(&self, wake: Wake) {
        if let Some(worker) = &self.worker {
            let _ = worker.wake.send(wake);
        }
    }

    fn start(&mut self, ctx: &egui::Context, path: &Path, server: &str) {
        let Ok(address) = ServerAddress::parse(server) else {
            return;
        };
        let (wake, woken) = mpsc::channel::<Wake>();
        let env = self.environment();
        let path: PathBuf = path.to_path_buf();
        let worker_path = path.clone();
        let started = Task::stream(ctx, "Team sync", move |outbox| {
            let mut workspace = match Workspace::reopen(&path) {
                Ok(workspace) => workspace,
                Err(e) => {
                    outbox.send(Heard::Failed(e.to_string()));
                    return;
                }
            };
            let heard = |round: Round<'_>| {
                outbox.send(match round {
                    Round::Syncing => Heard::Syncing,
                    Round::Synced(report) => Heard::Synced(report.clone()),
                    Round::Failed(e) => Heard::Failed(e.to_string()),
                })
            };
            let next = || match woken.try_recv() {
                Ok(wake) => wake,
                Err(TryRecvError::Empty) => Wake::Wait,
                Err(TryRecvError::Disconnected) => Wake::Stop,
            };
            // Failures were heard each round; the loop only returns once told to stop.
            let _ = workspace.sync_watching(&address, &env, EVERY, heard, next);
        });
        match started {
            Ok(task) => {
                self.worker = Some(Worker {
                    path: worker_path,
                    server: server.to_string(),
                    task,
                    wake,
                })
            }
            Err(e) => {
                self.connection = Some(Connection::Offline {
                    since: Local::now(),
                    reason: e.to_string(),
                })
            }
        }
    }
}

/// What a sync the user asked for did, in words.
pub fn synced_notice(report: &SyncReport) -> Notice {
    let received = plural(report.pulled.applied, "change", "changes");
    let analytics = match (report.analytics_sent, report.pulled.analytics) {
        (0, 0) => String::new(),
        (sent, got) => format!(
            "; analytics rows: sent {}, received {}",
            crate::text::thousands(i64::try_from(sent).unwrap_or(i64::MAX)),
            crate::text::thousands(i64::try_from(got).unwrap_or(i64::MAX))
        ),
    };
    let text = format!(
        "Synced: sent {}, received {received}{}{analytics}.",
        plural(report.pushed, "change", "changes"),
        if report.pulled.conflicts > 0 {
            format!(" ({} kept aside as conflicts)", report.pulled.conflicts)
        } else {
            String::new()
        }
    );
    match report.refused.first() {
        Some((_, reason)) => Notice::error(format!(
            "{text} The team refused {}: {reason}",
            plural(report.refused.len(), "change", "changes")
        )),
        None => Notice::success(text),
    }
}

/// How long ago `at` was, for "Synced 2 min ago".
pub fn ago(at: DateTime<Local>, now: DateTime<Local>) -> String {
    let minutes = (now - at).num_minutes();
    match minutes {
        i64::MIN..=0 => "just now".to_string(),
        1..=59 => format!("{minutes} min ago"),
        _ => format!("at {}", at.format("%H:%M")),
    }
}
