//! Sharing a whole workspace with a team and joining one: publishing puts every shared row
//! (accounts, subcultures, drafts with their comments, plan entries) in the outbox as ops that
//! create it, under their UUIDs, as one logged edit; a workspace made for joining starts
//! without the subculture catalogue, so everything it holds comes from the team.
//!
//! Settings are not published: the ones there are today name this machine's row ids (an
//! account's subculture mix, its top posts) or belong to one member (the member name).

use std::path::Path;

use chrono::{DateTime, Utc};

use super::ops::OpLog;
use crate::store::{CATALOGUE_SEEDED_KEY, EditState, EntityKind, NewEdit, Store};
use crate::workspace::{Workspace, WorkspaceError};

impl Workspace {
    /// Puts every shared row of the workspace in the outbox (one edit signed by `author`, not
    /// undoable); returns how many ops it queued.
    pub fn publish(&mut self, author: &str) -> Result<usize, WorkspaceError> {
        self.exclusively(|workspace| {
            let ops = workspace.everything_as_ops()?;
            let count = ops.ops.len();
            workspace.store.log_edit(
                &NewEdit {
                    author,
                    at: Utc::now(),
                    summary: "Shared the workspace with the team",
                    undo: None,
                    state: EditState::Closed,
                    undoes: None,
                    joining: None,
                },
                &ops.ops,
            )?;
            Ok(count)
        })
    }

    /// Puts in the outbox the rows a team has never heard of (an import's new accounts,
    /// drafts and plan entries are written without an edit): one edit signed by `author`,
    /// not undoable; returns how many ops it queued. Nothing outside a team.
    pub fn share_unlogged(&mut self, author: &str) -> Result<usize, WorkspaceError> {
        if self.team()?.is_none() {
            return Ok(0);
        }
        self.exclusively(|workspace| {
            let mut ops = workspace.everything_as_ops()?.ops;
            let mut fresh = Vec::new();
            for op in ops.drain(..) {
                if !workspace.store.entity_logged(&op.entity)? {
                    fresh.push(op);
                }
            }
            if !fresh.is_empty() {
                workspace.store.log_edit(
                    &NewEdit {
                        author,
                        at: Utc::now(),
                        summary: "Imported",
                        undo: None,
                        state: EditState::Closed,
                        undoes: None,
                        joining: None,
                    },
                    &fresh,
                )?;
            }
            Ok(fresh.len())
        })
    }

    /// Creates the workspace a member joins a team with: a new file without the subculture
    /// catalogue (the team's subcultures arrive with its ops). Refuses a path that exists.
    pub fn create_for_team(path: &Path) -> Result<Workspace, WorkspaceError> {
        if path.exists() {
            return Err(WorkspaceError::Refused(format!(
                "{} already exists; joining makes a new workspace: choose a new file name.",
                path.display()
            )));
        }
        let mut store = Store::open(path)?;
        store.set_setting(CATALOGUE_SEEDED_KEY, &Utc::now().to_rfc3339())?;
        drop(store);
        Workspace::open(path)
    }

    /// A creating op for every shared row, in an order a joining member can apply them in.
    fn everything_as_ops(&self) -> Result<OpLog, WorkspaceError> {
        let mut ops = OpLog::default();
        let store = &self.store;
        let uuid = |kind: EntityKind, id: i64| store.uuid_of(kind, &id.to_string());
        let accounts = store.accounts_including_trashed()?;
        for account in &accounts {
            ops.entity(
                store,
                EntityKind::Account,
                uuid(EntityKind::Account, account.id.0)?,
                None,
                Some(account),
            )?;
        }
        let live: Vec<_> = store.accounts()?.iter().map(|a| a.id).collect();
        for account in accounts.iter().filter(|a| !live.contains(&a.id)) {
            ops.field(
                EntityKind::Account,
                uuid(EntityKind::Account, account.id.0)?,
                "trashed",
                &serde_json::Value::Bool(true),
                &serde_json::Value::Bool(false),
            );
        }
        let live_subcultures: Vec<_> = store.subcultures()?.iter().map(|s| s.id).collect();
        for subculture in store.subcultures_including_trashed()? {
            let id = uuid(EntityKind::Subculture, subculture.id.0)?;
            ops.entity(
                store,
                EntityKind::Subculture,
                id.clone(),
                None,
                Some(&subculture),
            )?;
            if !live_subcultures.contains(&subculture.id) {
                ops.field(
                    EntityKind::Subculture,
                    id,
                    "trashed",
                    &serde_json::Value::Bool(true),
                    &serde_json::Value::Bool(false),
                );
            }
        }
        for account in &accounts {
            let drafts = store
                .drafts(account.id)?
                .into_iter()
                .chain(store.trashed_drafts(account.id)?);
            for draft in drafts {
                ops.entity(
                    store,
                    EntityKind::Draft,
                    uuid(EntityKind::Draft, draft.id.0)?,
                    None,
                    Some(&draft),
                )?;
                for comment in store.draft_comments(draft.id)? {
                    ops.entity(
                        store,
                        EntityKind::Comment,
                        uuid(EntityKind::Comment, comment.id)?,
                        None,
                        Some(&comment),
                    )?;
                }
            }
            for entry in store.plan_entries(
                account.id,
                DateTime::<Utc>::MIN_UTC,
                DateTime::<Utc>::MAX_UTC,
            )? {
                ops.entity(
                    store,
                    EntityKind::PlanEntry,
                    uuid(EntityKind::PlanEntry, entry.id.0)?,
                    None,
                    Some(&entry),
                )?;
            }
        }
        Ok(ops)
    }
}
