//! One teammate's op written to its row: a draft, comment, account, subculture, plan entry or
//! setting created, changed field by field, trashed or removed, under the UUID it has on every
//! machine. References written as UUIDs become this machine's row ids; an op naming a row that
//! is not here is not applied (the caller counts it and keeps the op).

use serde::Serialize;
use serde_json::Value;

use super::ops::{WHOLE, local_form, shared_form};
use super::pulled::RESOLVED_PREFIX;
use crate::domain::{
    Account, AccountId, Draft, DraftComment, DraftId, NewAccount, Subculture, SubcultureId,
};
use crate::store::{EntityKind, SharedOp, StoreError};
use crate::workspace::{Workspace, WorkspaceError};

impl Workspace {
    pub(super) fn local_id(&self, kind: EntityKind, uuid: &str) -> Result<Option<i64>, StoreError> {
        Ok(self
            .store
            .local_id_of(kind, uuid)?
            .and_then(|id| id.parse().ok()))
    }

    /// Writes one op's value. False when it could not be applied here (see [`Pulled`]).
    pub(super) fn set_from_op(&mut self, op: &SharedOp) -> Result<bool, WorkspaceError> {
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
            // Settings belong to one machine (a member's own name among them); a version of
            // Scrollstop that still sent them is not followed.
            EntityKind::Setting => Ok(false),
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

    /// `current` with `field` set to `value` (as the log writes it), or `None` when the value
    /// does not fit the field or names a row that is not here.
    pub(super) fn with_field<T: Serialize + serde::de::DeserializeOwned>(
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
            // `features.effects`: one key of an object field.
            match field.split_once('.') {
                Some((outer, key)) => {
                    if let Some(Value::Object(inner)) = map.get_mut(outer) {
                        inner.insert(key.to_string(), value.unwrap_or(Value::Null));
                    }
                }
                None => {
                    map.insert(field.to_string(), value.unwrap_or(Value::Null));
                }
            }
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
