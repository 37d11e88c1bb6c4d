//! Teammates' ops, as the team server ordered them, applied to this workspace (TEAM.md's merge
//! rules), and this machine's ops waiting to be sent. Pulled ops are applied in server order in
//! one transaction and logged (under their author, never undone here); an op of ours that comes
//! back only gets its server order.
//!
//! Merge rules: the later op wins a field. While this machine has an unsent change of a field,
//! a teammate's earlier-ordered value does not replace it (ours will be ordered after it and
//! win everywhere). For the text fields (title, hook, caption, notes) a value replaced by an op
//! whose author had not seen it is kept as a conflict on the field, on every machine alike,
//! until someone picks.

use chrono::Utc;
use serde::Serialize;
use serde_json::Value;

use super::ops::{WHOLE, local_form, shared_form};
use crate::domain::{
    Account, AccountId, Draft, DraftComment, DraftId, NewAccount, PlanEntry, Subculture,
    SubcultureId,
};
use crate::store::{EntityKind, FieldConflict, PlanChanges, SharedOp, StoreError};
use crate::workspace::{Workspace, WorkspaceError};

/// The text fields whose losing concurrent value is kept as a conflict.
pub const TEXT_FIELDS: &[&str] = &["title", "hook", "caption", "notes"];

/// The field of an op that settles the conflicts of a text field (`resolved:caption`).
pub(super) const RESOLVED_PREFIX: &str = "resolved:";

/// The sync state key of the last server order this workspace has applied.
const LAST_SEQ: &str = "last_seq";

/// What applying a batch of pulled ops did.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Pulled {
    /// Teammates' ops applied.
    pub applied: usize,
    /// Our own ops, now ordered by the server.
    pub ours: usize,
    /// Teammates' values not applied because our unsent change of the field will win.
    pub kept_ours: usize,
    /// Values kept as conflicts on text fields.
    pub conflicts: usize,
    /// Ops logged but not applied: their entity (or one it names) is not in this workspace,
    /// or this version cannot apply their kind yet. They stay in the log.
    pub not_applied: usize,
}

/// How an op's server answer came back.
#[derive(Debug, Clone, PartialEq)]
pub enum PushAnswer {
    /// Accepted, with its place in the team's order.
    Ordered(i64),
    /// Refused, with the reason in words.
    Refused(String),
}

impl Workspace {
    /// The last server order this workspace has applied (0 before the first pull).
    pub fn last_seq(&self) -> Result<i64, WorkspaceError> {
        Ok(self
            .store
            .sync_value(LAST_SEQ)?
            .and_then(|v| v.parse().ok())
            .unwrap_or(0))
    }

    /// This machine's ops waiting for the team server, oldest first.
    pub fn outbox(&self) -> Result<Vec<SharedOp>, WorkspaceError> {
        Ok(self.store.outbox()?)
    }

    /// This machine's ops the server refused, with the reason.
    pub fn refused_ops(&self) -> Result<Vec<(SharedOp, String)>, WorkspaceError> {
        Ok(self.store.refused_ops()?)
    }

    /// Records the server's answers to pushed ops (one transaction).
    pub fn record_push(&mut self, answers: &[(String, PushAnswer)]) -> Result<(), WorkspaceError> {
        self.exclusively(|workspace| {
            for (op_id, answer) in answers {
                match answer {
                    PushAnswer::Ordered(seq) => {
                        workspace.store.set_op_seq(op_id, *seq)?;
                    }
                    PushAnswer::Refused(reason) => workspace.store.set_op_refused(op_id, reason)?,
                }
            }
            Ok(())
        })
    }

    /// Applies teammates' ops in server order, in one transaction; ops at or before
    /// [`Workspace::last_seq`] were applied already and are passed over.
    pub fn apply_pulled(&mut self, ops: &[SharedOp]) -> Result<Pulled, WorkspaceError> {
        let mut ordered: Vec<&SharedOp> = ops.iter().filter(|o| o.seq.is_some()).collect();
        ordered.sort_by_key(|o| o.seq);
        self.exclusively(|workspace| {
            let mut pulled = Pulled::default();
            let mut last = workspace.last_seq()?;
            for op in ordered {
                let seq = op.seq.unwrap_or_default();
                if seq <= last {
                    continue;
                }
                workspace.take_pulled(op, seq, &mut pulled)?;
                last = seq;
            }
            workspace
                .store
                .set_sync_value(LAST_SEQ, &last.to_string())?;
            Ok(pulled)
        })
    }

    /// The open conflicts on the draft's fields.
    pub fn draft_conflicts(&self, draft: DraftId) -> Result<Vec<FieldConflict>, WorkspaceError> {
        match self
            .store
            .uuid_of(EntityKind::Draft, &draft.0.to_string())?
        {
            Some(uuid) => Ok(self.store.open_conflicts(&uuid)?),
            None => Ok(Vec::new()),
        }
    }

    fn take_pulled(
        &mut self,
        op: &SharedOp,
        seq: i64,
        pulled: &mut Pulled,
    ) -> Result<(), WorkspaceError> {
        let ours = self.store.knows_op(&op.op_id)?;
        if ours {
            self.store.set_op_seq(&op.op_id, seq)?;
            pulled.ours += 1;
        } else {
            self.take_teammates(op, seq, pulled)?;
        }
        // Conflicts follow from the order alone, so every machine works them out the same.
        let field = op.field.strip_prefix(RESOLVED_PREFIX).unwrap_or(&op.field);
        if op.kind == EntityKind::Draft && TEXT_FIELDS.contains(&field) {
            let before = self.store.open_conflicts(&op.entity)?.len();
            self.store
                .recompute_conflicts(op.kind, &op.entity, field, RESOLVED_PREFIX)?;
            let after = self.store.open_conflicts(&op.entity)?.len();
            pulled.conflicts += after.saturating_sub(before);
        }
        Ok(())
    }

    /// A teammate's op: applied unless a later change of the field (ours, sent or not) stands.
    fn take_teammates(
        &mut self,
        op: &SharedOp,
        seq: i64,
        pulled: &mut Pulled,
    ) -> Result<(), WorkspaceError> {
        let summary = format!("{} (from the team)", op.field);
        let later_is_ours = self.store.field_pending(&op.entity, &op.field)?
            || self
                .store
                .field_last_set(&op.entity, &op.field)?
                .is_some_and(|last| last.seq > seq);
        if later_is_ours {
            self.store.log_pulled(op, &summary)?;
            pulled.kept_ours += 1;
            return Ok(());
        }
        if self.set_from_op(op)? {
            pulled.applied += 1;
        } else {
            pulled.not_applied += 1;
        }
        self.store.log_pulled(op, &summary)?;
        Ok(())
    }

    fn local_id(&self, kind: EntityKind, uuid: &str) -> Result<Option<i64>, StoreError> {
        Ok(self
            .store
            .local_id_of(kind, uuid)?
            .and_then(|id| id.parse().ok()))
    }

    /// Writes one op's value. False when it could not be applied here (see [`Pulled`]).
    fn set_from_op(&mut self, op: &SharedOp) -> Result<bool, WorkspaceError> {
        let value: Option<Value> = op
            .value
            .as_deref()
            .map(|v| serde_json::from_str(v).unwrap_or(Value::Null));
        match op.kind {
            EntityKind::Draft => self.set_draft(op, value),
            EntityKind::Comment => self.add_pulled_comment(op, value),
            EntityKind::Account => self.set_account(op, value),
            EntityKind::Subculture => self.set_subculture(op, value),
            EntityKind::PlanEntry => self.set_plan_entry(op, value),
            EntityKind::Setting => {
                match value.as_ref().and_then(Value::as_str) {
                    Some(v) => self.store.set_setting(&op.field, v)?,
                    None => self.store.remove_setting(&op.field)?,
                }
                Ok(true)
            }
            // Trend lists are captured on each machine from the same public lists; sharing
            // them comes with their own identity rules.
            EntityKind::TrendItem | EntityKind::TrendCapture => Ok(false),
        }
    }

    fn set_draft(&mut self, op: &SharedOp, value: Option<Value>) -> Result<bool, WorkspaceError> {
        if let Some(field) = op.field.strip_prefix(RESOLVED_PREFIX) {
            self.store.resolve_conflicts(&op.entity, field)?;
            return Ok(true);
        }
        let id = self.local_id(EntityKind::Draft, &op.entity)?;
        match (op.field.as_str(), id, value) {
            (WHOLE, _, None) => Ok(self.store.remove_by_uuid(EntityKind::Draft, &op.entity)?),
            (WHOLE, None, Some(v)) => {
                let created = v.get("created_at").cloned().unwrap_or(Value::Null);
                let local = [("id", Value::from(0)), ("updated_at", created)];
                let Some(form) = local_form(&self.store, EntityKind::Draft, v, &local)? else {
                    return Ok(false);
                };
                let Ok(draft) = serde_json::from_value::<Draft>(form) else {
                    return Ok(false);
                };
                let id = self.store.add_draft(&draft)?;
                self.store
                    .set_uuid(EntityKind::Draft, &id.0.to_string(), &op.entity)?;
                if draft.trashed_at.is_some() {
                    self.store.trash_drafts(&[id])?;
                }
                Ok(true)
            }
            (_, None, _) => Ok(false),
            ("trashed_at", Some(id), value) => {
                match value.filter(|v| !v.is_null()) {
                    Some(_) => self.store.trash_drafts(&[DraftId(id)])?,
                    None => self.store.restore_drafts(&[DraftId(id)])?,
                }
                Ok(true)
            }
            (field, Some(id), value) => {
                let current = self.store.draft(DraftId(id))?;
                let Some(updated) =
                    self.with_field(EntityKind::Draft, &current, field, value, id)?
                else {
                    return Ok(false);
                };
                self.store.update_draft(&updated)?;
                Ok(true)
            }
        }
    }

    fn add_pulled_comment(
        &mut self,
        op: &SharedOp,
        value: Option<Value>,
    ) -> Result<bool, WorkspaceError> {
        if self.local_id(EntityKind::Comment, &op.entity)?.is_some() || op.field != WHOLE {
            return Ok(false);
        }
        let Some(v) = value else {
            return Ok(self.store.remove_by_uuid(EntityKind::Comment, &op.entity)?);
        };
        let local = [("id", Value::from(0))];
        let Some(form) = local_form(&self.store, EntityKind::Comment, v, &local)? else {
            return Ok(false);
        };
        let Ok(comment) = serde_json::from_value::<DraftComment>(form) else {
            return Ok(false);
        };
        let id = self.store.add_draft_comment(
            comment.draft,
            &comment.author,
            comment.at,
            &comment.text,
        )?;
        self.store
            .set_uuid(EntityKind::Comment, &id.to_string(), &op.entity)?;
        Ok(true)
    }

    fn set_account(&mut self, op: &SharedOp, value: Option<Value>) -> Result<bool, WorkspaceError> {
        let id = self.local_id(EntityKind::Account, &op.entity)?;
        match (op.field.as_str(), id, value) {
            (WHOLE, None, Some(v)) => {
                let local = [("id", Value::from(0))];
                let Some(form) = local_form(&self.store, EntityKind::Account, v, &local)? else {
                    return Ok(false);
                };
                let Ok(account) = serde_json::from_value::<Account>(form) else {
                    return Ok(false);
                };
                let added = self.store.add_account(&NewAccount {
                    handle: account.handle.clone(),
                    display_name: account.display_name.clone(),
                    time_zone: account.time_zone,
                    region: account.region.clone(),
                    language: account.language.clone(),
                });
                // The same handle added on this machine before it joined: one account, with
                // the team's identity.
                let id = match added {
                    Err(StoreError::Conflict(_)) => {
                        let same = self.store.accounts_including_trashed()?;
                        match same.into_iter().find(|a| a.handle == account.handle) {
                            Some(existing) => existing.id,
                            None => return Ok(false),
                        }
                    }
                    other => other?,
                };
                self.store.update_account(&Account { id, ..account })?;
                self.store
                    .set_uuid(EntityKind::Account, &id.0.to_string(), &op.entity)?;
                Ok(true)
            }
            (_, None, _) | (WHOLE, Some(_), _) => Ok(false),
            ("trashed", Some(id), value) => {
                match value.and_then(|v| v.as_bool()) {
                    Some(true) => self.store.trash_account(AccountId(id))?,
                    _ => self.store.restore_account(AccountId(id))?,
                }
                Ok(true)
            }
            ("subculture_mix", Some(_), _) => Ok(false),
            (field, Some(id), value) => {
                let current = self.store.account(AccountId(id))?;
                match self.with_field(EntityKind::Account, &current, field, value, id)? {
                    Some(updated) => {
                        self.store.update_account(&updated)?;
                        Ok(true)
                    }
                    None => Ok(false),
                }
            }
        }
    }

    fn set_subculture(
        &mut self,
        op: &SharedOp,
        value: Option<Value>,
    ) -> Result<bool, WorkspaceError> {
        let id = self.local_id(EntityKind::Subculture, &op.entity)?;
        match (op.field.as_str(), id, value) {
            (WHOLE, None, Some(v)) => {
                let local = [("id", Value::from(0))];
                let Some(form) = local_form(&self.store, EntityKind::Subculture, v, &local)? else {
                    return Ok(false);
                };
                let Ok(s) = serde_json::from_value::<Subculture>(form) else {
                    return Ok(false);
                };
                let added =
                    self.store
                        .add_subculture(&s.name, &s.hashtags, &s.description, s.colour);
                // The same name on this machine (the catalogue a new workspace starts with):
                // one subculture, with the team's identity and fields.
                let id = match added {
                    Err(StoreError::Conflict(_)) => {
                        let live = self.store.subcultures()?;
                        let Some(existing) = live
                            .into_iter()
                            .find(|l| l.name.eq_ignore_ascii_case(&s.name))
                        else {
                            return Ok(false);
                        };
                        self.store.update_subculture(&Subculture {
                            id: existing.id,
                            ..s.clone()
                        })?;
                        existing.id
                    }
                    other => other?,
                };
                self.store
                    .set_uuid(EntityKind::Subculture, &id.0.to_string(), &op.entity)?;
                Ok(true)
            }
            (_, None, _) | (WHOLE, Some(_), _) => Ok(false),
            ("trashed", Some(id), value) => {
                match value.and_then(|v| v.as_bool()) {
                    Some(true) => self.store.trash_subculture(SubcultureId(id))?,
                    _ => self.store.restore_subculture(SubcultureId(id))?,
                }
                Ok(true)
            }
            (field, Some(id), value) => {
                let current = self
                    .store
                    .subcultures_including_trashed()?
                    .into_iter()
                    .find(|s| s.id.0 == id);
                let Some(current) = current else {
                    return Ok(false);
                };
                match self.with_field(EntityKind::Subculture, &current, field, value, id)? {
                    Some(updated) => {
                        self.store.update_subculture(&updated)?;
                        Ok(true)
                    }
                    None => Ok(false),
                }
            }
        }
    }

    fn set_plan_entry(
        &mut self,
        op: &SharedOp,
        value: Option<Value>,
    ) -> Result<bool, WorkspaceError> {
        let id = self.local_id(EntityKind::PlanEntry, &op.entity)?;
        match (op.field.as_str(), id, value) {
            (WHOLE, _, None) => Ok(self
                .store
                .remove_by_uuid(EntityKind::PlanEntry, &op.entity)?),
            (WHOLE, None, Some(v)) => {
                let local = [("id", Value::from(0)), ("sequence", Value::from(0))];
                let Some(form) = local_form(&self.store, EntityKind::PlanEntry, v, &local)? else {
                    return Ok(false);
                };
                let Ok(entry) = serde_json::from_value::<PlanEntry>(form) else {
                    return Ok(false);
                };
                let ids = self.store.add_plan_entries(&[entry])?;
                if let Some(id) = ids.first() {
                    self.store
                        .set_uuid(EntityKind::PlanEntry, &id.0.to_string(), &op.entity)?;
                }
                Ok(true)
            }
            (_, None, _) | (WHOLE, Some(_), _) => Ok(false),
            (field, Some(id), value) => {
                let accounts = self.store.accounts()?;
                let current = accounts.iter().find_map(|a| {
                    self.store
                        .plan_entries(
                            a.id,
                            chrono::DateTime::<Utc>::MIN_UTC,
                            chrono::DateTime::<Utc>::MAX_UTC,
                        )
                        .ok()?
                        .into_iter()
                        .find(|e| e.id.0 == id)
                });
                let Some(current) = current else {
                    return Ok(false);
                };
                match self.with_field(EntityKind::PlanEntry, &current, field, value, id)? {
                    Some(updated) => {
                        self.store.apply_plan(&PlanChanges {
                            update: vec![updated],
                            ..PlanChanges::default()
                        })?;
                        Ok(true)
                    }
                    None => Ok(false),
                }
            }
        }
    }

    /// `current` with `field` set to `value` (as the log writes it), or `None` when the value
    /// does not fit the field or names a row that is not here.
    fn with_field<T: Serialize + serde::de::DeserializeOwned>(
        &self,
        kind: EntityKind,
        current: &T,
        field: &str,
        value: Option<Value>,
        id: i64,
    ) -> Result<Option<T>, WorkspaceError> {
        let full = serde_json::to_value(current).unwrap_or(Value::Null);
        let mut form = shared_form(&self.store, kind, current)?;
        if let Value::Object(map) = &mut form {
            map.insert(field.to_string(), value.unwrap_or(Value::Null));
        }
        // The fields the shared form leaves out come back from the row as it is.
        let kept: Vec<(&str, Value)> = ["updated_at", "sequence"]
            .iter()
            .filter_map(|f| full.get(*f).map(|v| (*f, v.clone())))
            .chain([("id", Value::from(id))])
            .collect();
        let Some(local) = local_form(&self.store, kind, form, &kept)? else {
            return Ok(None);
        };
        Ok(serde_json::from_value(local).ok())
    }
}
