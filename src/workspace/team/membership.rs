//! A workspace and its team, as a member acts on it: share this workspace as a new team, join a
//! team into a new workspace file, list the members, add, change and remove them, and leave.
//! The command line and the window both come here; each call connects with the password that
//! the given [`Environment`] leads to (libpq's rules) and never stores it.
//!
//! The member's own role is remembered in the workspace after every call that reads it (and
//! after every sync), so the window can say what a role may not do while offline.

use std::path::Path;

use serde::Serialize;

use super::sync::SyncReport;
use super::{Environment, Member, MemberAdded, Role, ServerAddress, TeamServer};
use crate::domain::AccountId;
use crate::workspace::{TableCounts, Workspace, WorkspaceError};

/// The sync state key of the member's own role ("" once no longer a member).
pub(super) const ROLE_KEY: &str = "role";
/// The sync state key of the accounts (UUIDs, comma separated) a limited member may touch.
pub(super) const ROLE_ACCOUNTS_KEY: &str = "role.accounts";

/// What sharing a workspace as a team did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Shared {
    pub team: String,
    /// The server's address, without a password.
    pub server: String,
    /// The login that became the team's owner.
    pub login: String,
    /// `false`: the team existed in that database already, and this workspace joined it.
    pub created: bool,
    /// Changes queued to describe everything the workspace holds.
    pub published: usize,
    pub sync: SyncReport,
    /// What the connection warned about (a password file others can read, no encryption).
    pub warnings: Vec<String>,
}

/// What joining a team did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Joined {
    pub team: String,
    pub sync: SyncReport,
    pub counts: TableCounts,
    pub warnings: Vec<String>,
}

/// The team's members as the server lists them, and who "you" are.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Membership {
    pub team: String,
    /// The login this workspace connects as.
    pub login: String,
    pub members: Vec<Member>,
}

/// The member's own role as the workspace remembers it from the last sync.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RememberedRole {
    /// `None`: no longer a member.
    pub role: Option<Role>,
    /// The accounts (UUIDs) the member is limited to; `None`: every account.
    pub accounts: Option<Vec<String>>,
}

impl Membership {
    /// The member this workspace connects as, if still a member.
    pub fn me(&self) -> Option<&Member> {
        self.members.iter().find(|m| m.login == self.login)
    }
}

impl Workspace {
    /// Shares this workspace with a new team at `address` (or the team already there): creates
    /// the team's tables, makes the connecting login its owner, queues everything the
    /// workspace holds and syncs once. Refused when the workspace is in a team already.
    pub fn share_with_team(
        &mut self,
        address: &ServerAddress,
        env: &Environment,
        name: &str,
        author: &str,
    ) -> Result<Shared, WorkspaceError> {
        if let Some((address, team)) = self.team()? {
            return Err(WorkspaceError::Refused(format!(
                "this workspace already syncs with the team \"{team}\" at {}; syncing sends its edits",
                address.url()
            )));
        }
        let name = name.trim();
        if name.is_empty() {
            return Err(WorkspaceError::Refused(
                "the team needs a name: type one, such as your agency's or client's".into(),
            ));
        }
        let mut session = TeamServer::connect_with(address, env)?;
        let login = session.login().to_string();
        let created = session.create_team(name, &login)?;
        let published = self.publish(author)?;
        self.set_team(address, &created.team.name)?;
        let sync = self.sync_with(&mut session)?;
        Ok(Shared {
            team: created.team.name,
            server: address.url(),
            login,
            created: created.created,
            published,
            sync,
            warnings: session.warnings().to_vec(),
        })
    }

    /// Makes a new workspace file at `path` from the team at `address`. Nothing is left at
    /// `path` when the join fails.
    pub fn join_team(
        path: &Path,
        address: &ServerAddress,
        env: &Environment,
    ) -> Result<(Workspace, Joined), WorkspaceError> {
        let mut session = TeamServer::connect_with(address, env)?;
        let team = session.team()?;
        let mut workspace = Workspace::create_for_team(path)?;
        let joined = workspace
            .set_team(address, &team.name)
            .and_then(|()| workspace.sync_with(&mut session))
            .and_then(|sync| Ok((sync, workspace.counts()?)));
        match joined {
            Ok((sync, counts)) => Ok((
                workspace,
                Joined {
                    team: team.name,
                    sync,
                    counts,
                    warnings: session.warnings().to_vec(),
                },
            )),
            Err(e) => {
                drop(workspace);
                remove_half_joined(path);
                Err(e)
            }
        }
    }

    /// The team's members, read from the server (and the member's own role remembered).
    pub fn team_members(&mut self, env: &Environment) -> Result<Membership, WorkspaceError> {
        let (mut session, team) = self.connect_team(env)?;
        let membership = Membership {
            team,
            login: session.login().to_string(),
            members: session.members()?,
        };
        self.remember_role(membership.me())?;
        Ok(membership)
    }

    /// Adds `login` to the team as `role` (or changes a member's role), limited to `accounts`
    /// when any are given. Owners only; the server says so otherwise.
    pub fn add_team_member(
        &mut self,
        env: &Environment,
        login: &str,
        role: Role,
        accounts: &[AccountId],
        password: Option<&str>,
    ) -> Result<MemberAdded, WorkspaceError> {
        let login = login.trim();
        if login.is_empty() {
            return Err(WorkspaceError::Refused(
                "type the member's PostgreSQL login (their user name on the team's server)".into(),
            ));
        }
        let limited = if accounts.is_empty() {
            None
        } else {
            let mut uuids = Vec::with_capacity(accounts.len());
            for &account in accounts {
                uuids.push(self.account_uuid(account)?.ok_or_else(|| {
                    WorkspaceError::Refused(format!(
                        "account {} is not in this workspace",
                        account.0
                    ))
                })?);
            }
            Some(uuids)
        };
        let (mut session, _) = self.connect_team(env)?;
        Ok(session.add_member(login, role, limited.as_deref(), password)?)
    }

    /// Removes `login` from the team (owners only); whether it was a member.
    pub fn remove_team_member(
        &mut self,
        env: &Environment,
        login: &str,
    ) -> Result<bool, WorkspaceError> {
        let (mut session, _) = self.connect_team(env)?;
        Ok(session.remove_member(login)?)
    }

    /// Leaves the team: the server forgets the membership, and this workspace keeps its data
    /// and stops syncing. Changes not yet sent stay in its log.
    pub fn leave_team(&mut self, env: &Environment) -> Result<bool, WorkspaceError> {
        let (mut session, _) = self.connect_team(env)?;
        let left = session.leave()?;
        self.forget_team()?;
        Ok(left)
    }

    /// The member's own role as last read from the server, and the accounts (UUIDs) it is
    /// limited to; `None` outside a team or before the first sync.
    pub fn team_role(&self) -> Result<Option<RememberedRole>, WorkspaceError> {
        if self.team()?.is_none() {
            return Ok(None);
        }
        let Some(role) = self.store.sync_value(ROLE_KEY)? else {
            return Ok(None);
        };
        let accounts = self
            .store
            .sync_value(ROLE_ACCOUNTS_KEY)?
            .map(|list| list.split(',').map(str::to_string).collect());
        Ok(Some(RememberedRole {
            role: Role::parse(&role),
            accounts,
        }))
    }

    /// Remembers the member's own role (`None`: no longer a member).
    pub(super) fn remember_role(&mut self, me: Option<&Member>) -> Result<(), WorkspaceError> {
        let role = me.map_or("", |m| m.role.as_str());
        if self.store.sync_value(ROLE_KEY)?.as_deref() != Some(role) {
            self.store.set_sync_value(ROLE_KEY, role)?;
        }
        match me.and_then(|m| m.accounts.as_ref()) {
            Some(accounts) => {
                let list = accounts.join(",");
                if self.store.sync_value(ROLE_ACCOUNTS_KEY)?.as_deref() != Some(list.as_str()) {
                    self.store.set_sync_value(ROLE_ACCOUNTS_KEY, &list)?;
                }
            }
            None => {
                if self.store.sync_value(ROLE_ACCOUNTS_KEY)?.is_some() {
                    self.store.clear_sync_value(ROLE_ACCOUNTS_KEY)?;
                }
            }
        }
        Ok(())
    }

    /// A session with this workspace's team, and the team's name.
    fn connect_team(&self, env: &Environment) -> Result<(TeamServer, String), WorkspaceError> {
        let Some((address, team)) = self.team()? else {
            return Err(WorkspaceError::Refused(
                "this workspace is not in a team: share it with a team first".into(),
            ));
        };
        Ok((TeamServer::connect_with(&address, env)?, team))
    }
}

/// A workspace file a failed join made is removed again.
fn remove_half_joined(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(std::path::PathBuf::from(name));
    }
}
