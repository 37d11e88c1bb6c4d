//! Syncing a workspace with its team: its outbox is pushed (the server orders or refuses each
//! op; a refused op stays in the log, marked, and is not sent again), then every op the server
//! ordered since the last sync is pulled and applied by the merge rules. The workspace keeps
//! the team's address (never a password) so `scrollstop sync` and the window find it.

use std::time::Duration;

use serde::Serialize;

use super::{OutgoingOp, PushOutcome, ServerAddress, ServerOp, TeamError, TeamServer};
use crate::store::{EntityKind, SharedOp};
use crate::workspace::{Pulled, PushAnswer, Workspace, WorkspaceError};

/// Ops sent or fetched in one round trip.
const BATCH: usize = 1_000;

/// The sync state key of the team server's address (a URL without a password).
const SERVER_KEY: &str = "server";
/// The sync state key of the team's name.
const TEAM_KEY: &str = "team";

/// Where a team workspace stands, as the status bar shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TeamStatus {
    pub team: String,
    /// The server's address, without a password.
    pub server: String,
    /// This machine's changes waiting to be sent.
    pub waiting: usize,
    /// Why the server refused changes of this machine, in words.
    pub refused: Vec<String>,
}

/// What one sync did.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SyncReport {
    /// Ops of this machine the server ordered.
    pub pushed: usize,
    /// Ops of this machine the server refused: op id and reason, in words.
    pub refused: Vec<(String, String)>,
    /// What the pulled ops did.
    pub pulled: Pulled,
    /// The team's order this workspace has now applied up to.
    pub last_seq: i64,
}

impl Workspace {
    /// The team this workspace syncs with, if any: its address and name.
    pub fn team(&self) -> Result<Option<(ServerAddress, String)>, WorkspaceError> {
        let Some(url) = self.store.sync_value(SERVER_KEY)? else {
            return Ok(None);
        };
        let address = ServerAddress::parse(&url)?;
        let name = self.store.sync_value(TEAM_KEY)?.unwrap_or_default();
        Ok(Some((address, name)))
    }

    /// The team this workspace syncs with and what waits for it; `None` outside a team.
    pub fn team_status(&self) -> Result<Option<TeamStatus>, WorkspaceError> {
        let Some((address, team)) = self.team()? else {
            return Ok(None);
        };
        Ok(Some(TeamStatus {
            team,
            server: address.url(),
            waiting: self.outbox()?.len(),
            refused: self
                .refused_ops()?
                .into_iter()
                .map(|(_, reason)| reason)
                .collect(),
        }))
    }

    /// Connects to the workspace's team and syncs once.
    pub fn sync_now(&mut self) -> Result<SyncReport, WorkspaceError> {
        let Some((address, _)) = self.team()? else {
            return Err(WorkspaceError::Refused(
                "this workspace is not in a team: `scrollstop team create --server URL` shares it"
                    .into(),
            ));
        };
        let mut server = TeamServer::connect(&address)?;
        self.sync_with(&mut server)
    }

    /// Remembers the team this workspace syncs with (the address is kept without a password).
    pub fn set_team(&mut self, address: &ServerAddress, name: &str) -> Result<(), WorkspaceError> {
        self.store.set_sync_value(SERVER_KEY, &address.url())?;
        self.store.set_sync_value(TEAM_KEY, name)?;
        Ok(())
    }

    /// The UUID the team knows the account by.
    pub fn account_uuid(
        &self,
        account: crate::domain::AccountId,
    ) -> Result<Option<String>, WorkspaceError> {
        Ok(self
            .store
            .uuid_of(EntityKind::Account, &account.0.to_string())?)
    }

    /// Pushes the outbox and pulls what the team ordered since the last sync.
    pub fn sync_with(&mut self, server: &mut TeamServer) -> Result<SyncReport, WorkspaceError> {
        let mut report = SyncReport::default();
        let outbox = self.outbox()?;
        for chunk in outbox.chunks(BATCH) {
            let ops: Vec<OutgoingOp> = chunk.iter().map(outgoing).collect();
            let outcomes = server.push(&ops)?;
            let answers: Vec<(String, PushAnswer)> = chunk
                .iter()
                .zip(outcomes)
                .map(|(op, outcome)| {
                    let answer = match outcome {
                        PushOutcome::Accepted { seq } => {
                            report.pushed += 1;
                            PushAnswer::Ordered(seq)
                        }
                        PushOutcome::Refused { reason } => {
                            report.refused.push((op.op_id.clone(), reason.clone()));
                            PushAnswer::Refused(reason)
                        }
                    };
                    (op.op_id.clone(), answer)
                })
                .collect();
            self.record_push(&answers)?;
        }
        loop {
            let page = server.pull(self.last_seq()?, BATCH as i64)?;
            if page.is_empty() {
                break;
            }
            // An op of a kind this version does not know (a newer Scrollstop's) is not
            // applied here; it is counted, and stays on the server.
            let shared: Vec<SharedOp> = page.iter().filter_map(pulled).collect();
            report.pulled.not_applied += page.len() - shared.len();
            let done = self.apply_pulled(&shared)?;
            report.pulled.applied += done.applied;
            report.pulled.ours += done.ours;
            report.pulled.kept_ours += done.kept_ours;
            report.pulled.conflicts += done.conflicts;
            report.pulled.not_applied += done.not_applied;
            if page.len() < BATCH {
                break;
            }
        }
        report.last_seq = self.last_seq()?;
        Ok(report)
    }

    /// Syncs now and then whenever a teammate pushes (or every `every`, as notifications sent
    /// while away are lost), until `keep_going` says stop. A lost connection is opened again.
    pub fn sync_watching(
        &mut self,
        address: &ServerAddress,
        every: Duration,
        mut keep_going: impl FnMut(Result<&SyncReport, &WorkspaceError>) -> bool,
    ) -> Result<(), WorkspaceError> {
        loop {
            let mut server = match TeamServer::connect(address) {
                Ok(server) => server,
                Err(e) => {
                    let e = WorkspaceError::from(e);
                    if !keep_going(Err(&e)) {
                        return Err(e);
                    }
                    std::thread::sleep(every);
                    continue;
                }
            };
            server.listen()?;
            loop {
                let synced = self.sync_with(&mut server);
                let go_on = keep_going(synced.as_ref());
                if !go_on {
                    return synced.map(|_| ());
                }
                if synced.is_err() || server.is_closed() {
                    break;
                }
                match server.wait_for_push(every) {
                    Ok(_) => {}
                    Err(_) => break,
                }
            }
            std::thread::sleep(Duration::from_secs(1));
        }
    }
}

/// An op of the outbox as the server takes it.
fn outgoing(op: &SharedOp) -> OutgoingOp {
    OutgoingOp {
        op_id: op.op_id.clone(),
        author: op.author.clone(),
        at: op.at,
        entity_kind: op.kind.as_str().to_string(),
        entity_uuid: op.entity.clone(),
        account_uuid: op.account.clone(),
        field: op.field.clone(),
        value: op
            .value
            .as_deref()
            .map(|v| serde_json::from_str(v).unwrap_or(serde_json::Value::Null)),
        base_seq: op.base_seq.unwrap_or(0),
    }
}

/// An op the server ordered, as the workspace applies it (`None` for a kind it does not know).
fn pulled(op: &ServerOp) -> Option<SharedOp> {
    Some(SharedOp {
        op_id: op.op.op_id.clone(),
        author: op.op.author.clone(),
        at: op.op.at,
        kind: EntityKind::parse(&op.op.entity_kind)?,
        entity: op.op.entity_uuid.clone(),
        account: op.op.account_uuid.clone(),
        field: op.op.field.clone(),
        value: op.op.value.as_ref().map(serde_json::Value::to_string),
        base_seq: Some(op.op.base_seq),
        seq: Some(op.seq),
    })
}

impl From<TeamError> for WorkspaceError {
    fn from(error: TeamError) -> Self {
        WorkspaceError::Team(Box::new(error))
    }
}
