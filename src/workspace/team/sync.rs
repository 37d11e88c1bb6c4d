//! Syncing a workspace with its team: its outbox is pushed (the server orders or refuses each
//! op; a refused op stays in the log, marked, and is not sent again), then every op the server
//! ordered since the last sync is pulled and applied by the merge rules. The workspace keeps
//! the team's address (never a password) so `scrollstop sync` and the window find it.

use serde::Serialize;

use super::membership::{ROLE_ACCOUNTS_KEY, ROLE_KEY};
use super::{OutgoingOp, PushOutcome, ServerAddress, ServerOp, TeamError, TeamServer};
use crate::store::{AnalyticsKind, EntityKind, SharedOp};
use crate::workspace::{Pulled, PulledRow, PushAnswer, Workspace, WorkspaceError};

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
    /// Imported analytics may wait to be sent too.
    pub analytics_waiting: bool,
    /// Why the server refused changes of this machine, in words.
    pub refused: Vec<String>,
}

/// What one sync did.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SyncReport {
    /// Ops of this machine the server ordered.
    pub pushed: usize,
    /// Ops of this machine the server refused: op id (or the kind of analytics row) and
    /// reason, in words.
    pub refused: Vec<(String, String)>,
    /// Imported analytics rows of this machine the server ordered.
    pub analytics_sent: usize,
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
            waiting: self.store.outbox_len()?,
            analytics_waiting: self.analytics_waiting()?,
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
        // What the workspace imported before is sent at the first sync.
        self.store
            .set_sync_value(super::analytics::ANALYTICS_WAITING, "1")?;
        Ok(())
    }

    /// Forgets the team this workspace synced with (after leaving it): the data stays, and
    /// nothing is sent or fetched any more.
    pub fn forget_team(&mut self) -> Result<(), WorkspaceError> {
        for key in [
            SERVER_KEY,
            TEAM_KEY,
            ROLE_KEY,
            ROLE_ACCOUNTS_KEY,
            super::analytics::ANALYTICS_WAITING,
        ] {
            self.store.clear_sync_value(key)?;
        }
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
        self.push_to(server, &mut report)?;
        self.pull_from(server, &mut report)?;
        report.last_seq = self.last_seq()?;
        // The role can change between syncs (an owner changed it); a failed read of it is no
        // reason to call the sync failed.
        if let Ok(me) = server.me() {
            self.remember_role(me.as_ref())?;
        }
        Ok(report)
    }

    /// Sends the outbox (the server orders or refuses each op), adding to `report`.
    pub fn push_to(
        &mut self,
        server: &mut TeamServer,
        report: &mut SyncReport,
    ) -> Result<(), WorkspaceError> {
        // An import that ended before it could log the rows it made (a crash) is caught up
        // first; analytics go after the outbox, as a new account's rows need the account.
        if self.analytics_waiting()? {
            let author = self.member_name();
            self.share_unlogged(&author)?;
        }
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
        self.push_analytics(server, report)?;
        Ok(())
    }

    /// Applies what the team ordered since the last pull, adding to `report`.
    pub fn pull_from(
        &mut self,
        server: &mut TeamServer,
        report: &mut SyncReport,
    ) -> Result<(), WorkspaceError> {
        loop {
            let page = server.pull(self.last_seq()?, BATCH as i64)?;
            if page.is_empty() {
                break;
            }
            // An op of a kind this version does not know (a newer Scrollstop's) is not
            // applied here; it is counted, and stays on the server.
            let shared: Vec<SharedOp> = page.iter().filter_map(pulled).collect();
            let rows: Vec<PulledRow> = page.iter().filter_map(pulled_row).collect();
            report.pulled.not_applied += page.len() - shared.len() - rows.len();
            let upto = page.iter().map(|op| op.seq).max().unwrap_or(0);
            let done = self.apply_pulled(&shared, &rows, upto)?;
            report.pulled.analytics += done.analytics;
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
        Ok(())
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

/// A teammate's analytics row the server ordered (`None` for any other op).
fn pulled_row(op: &ServerOp) -> Option<PulledRow> {
    Some(PulledRow {
        kind: AnalyticsKind::named(&op.op.entity_kind)?,
        account_uuid: op.op.account_uuid.clone()?,
        row: op.op.value.as_ref()?.to_string(),
        seq: op.seq,
    })
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
