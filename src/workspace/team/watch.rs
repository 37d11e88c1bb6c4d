//! Keeping a workspace in sync with its team for as long as someone wants: sync now, then
//! again whenever a teammate's push is told (`LISTEN/NOTIFY`), on a timer (a notification sent
//! while away is lost), after every reconnect, and whenever the caller asks. A lost server is
//! tried again on the same timer; nothing waits longer than [`TICK`] to hear that it should stop
//! or sync now. `scrollstop sync --watch` and the window's sync thread both run this loop.

use std::time::{Duration, Instant};

use super::{Environment, ServerAddress, TeamServer};
use crate::workspace::{Workspace, WorkspaceError};

use super::sync::SyncReport;

/// How often the caller is asked whether to stop or sync now while the loop waits.
pub const TICK: Duration = Duration::from_millis(500);

/// What the caller wants next, asked every [`TICK`] while the loop waits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wake {
    /// Go on waiting for a teammate's push or the timer.
    Wait,
    /// Sync (or try to reach the server again) now.
    SyncNow,
    /// Stop the loop.
    Stop,
}

/// What one round of the loop came to, as the caller hears it.
pub enum Round<'a> {
    /// About to connect and sync (at the start and after every wait).
    Syncing,
    Synced(&'a SyncReport),
    /// The server could not be reached, or the sync failed; tried again later.
    Failed(&'a WorkspaceError),
}

impl Workspace {
    /// Syncs with the team at `address` until `wake` says [`Wake::Stop`] or `heard` returns
    /// false. `heard` hears every round; `wake` is asked every [`TICK`] while waiting, which
    /// is at most `every` between syncs.
    pub fn sync_watching(
        &mut self,
        address: &ServerAddress,
        env: &Environment,
        every: Duration,
        mut heard: impl FnMut(Round<'_>) -> bool,
        mut wake: impl FnMut() -> Wake,
    ) -> Result<(), WorkspaceError> {
        let mut session: Option<TeamServer> = None;
        loop {
            if !heard(Round::Syncing) {
                return Ok(());
            }
            let synced = match session.take() {
                Some(server) if !server.is_closed() => Ok(server),
                _ => TeamServer::connect_with(address, env)
                    .and_then(|mut server| server.listen().map(|()| server))
                    .map_err(WorkspaceError::from),
            }
            .and_then(|mut server| {
                let report = self.sync_with(&mut server)?;
                Ok((server, report))
            });
            let go_on = match &synced {
                Ok((_, report)) => heard(Round::Synced(report)),
                Err(e) => heard(Round::Failed(e)),
            };
            if !go_on {
                return synced.map(|_| ());
            }
            session = synced.ok().map(|(server, _)| server);
            let (next, lost) = wait(session.as_mut(), every, &mut wake);
            if next == Wake::Stop {
                return Ok(());
            }
            if lost {
                session = None;
            }
        }
    }
}

/// Waits until a teammate pushes (the session closes when the server goes away), `every`
/// passes, or `wake` asks for something; returns [`Wake::Stop`] only when asked to stop, and
/// whether the session was lost while waiting.
fn wait(
    mut session: Option<&mut TeamServer>,
    every: Duration,
    wake: &mut impl FnMut() -> Wake,
) -> (Wake, bool) {
    let deadline = Instant::now() + every;
    loop {
        match wake() {
            Wake::Wait => {}
            asked => return (asked, false),
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return (Wake::SyncNow, false);
        }
        let slice = left.min(TICK);
        match session.as_deref_mut() {
            Some(server) => match server.wait_for_push(slice) {
                Ok(None) => {}
                Ok(Some(_)) => return (Wake::SyncNow, false),
                // The connection failed: it is opened again.
                Err(_) => return (Wake::SyncNow, true),
            },
            None => std::thread::sleep(slice),
        }
    }
}
