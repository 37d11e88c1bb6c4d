//! Carrying out the edits of the team's library: subcultures, accounts (with cadence and
//! subculture mix), trend captures and settings, each logged field by field.

use super::apply::{Carried, Outcome, json, misrouted, uuid};
use super::edit::Edit;
use super::ops::OpLog;
use crate::domain::SubcultureId;
use crate::store::{EntityKind, RecordedTrend, StoreError};
use crate::text::plural;
use crate::workspace::{Workspace, WorkspaceError};

impl Workspace {
    /// Carries out a subculture, account, trend or setting edit inside the caller's
    /// transaction.
    pub(super) fn run_library_edit(
        &mut self,
        edit: Edit,
        ops: &mut OpLog,
    ) -> Result<Carried, WorkspaceError> {
        Ok(match edit {
            Edit::AddSubculture {
                name,
                hashtags,
                description,
                colour,
            } => {
                let id = self
                    .store
                    .add_subculture(&name, &hashtags, &description, colour)?;
                let stored = self.subculture(id)?;
                let uuid = uuid(&self.store, EntityKind::Subculture, id.0)?;
                ops.entity(
                    &self.store,
                    EntityKind::Subculture,
                    uuid,
                    None,
                    Some(&stored),
                )?;
                (
                    format!("Added {}", stored.name),
                    Outcome::Subculture(id),
                    Some(Edit::TrashSubculture(id)),
                )
            }
            Edit::UpdateSubculture(subculture) => {
                let before = self.subculture(subculture.id)?;
                self.store.update_subculture(&subculture)?;
                let after = self.subculture(subculture.id)?;
                let uuid = uuid(&self.store, EntityKind::Subculture, after.id.0)?;
                ops.entity(
                    &self.store,
                    EntityKind::Subculture,
                    uuid,
                    Some(&before),
                    Some(&after),
                )?;
                (
                    format!("Saved {}", after.name),
                    Outcome::Nothing,
                    Some(Edit::UpdateSubculture(before)),
                )
            }
            Edit::TrashSubculture(id) => {
                let name = self.subculture(id)?.name;
                self.store.trash_subculture(id)?;
                self.log_trashed(ops, EntityKind::Subculture, id.0, true)?;
                (
                    format!("Deleted {name}"),
                    Outcome::Nothing,
                    Some(Edit::RestoreSubculture(id)),
                )
            }
            Edit::RestoreSubculture(id) => {
                self.store.restore_subculture(id)?;
                let name = self.subculture(id)?.name;
                self.log_trashed(ops, EntityKind::Subculture, id.0, false)?;
                (
                    format!("Restored {name}"),
                    Outcome::Nothing,
                    Some(Edit::TrashSubculture(id)),
                )
            }
            Edit::AddAccount(new) => {
                let id = self.store.add_account(&new)?;
                let stored = self.store.account(id)?;
                let uuid = uuid(&self.store, EntityKind::Account, id.0)?;
                ops.entity(&self.store, EntityKind::Account, uuid, None, Some(&stored))?;
                (
                    format!("Added {}", stored.handle),
                    Outcome::Account(id),
                    Some(Edit::TrashAccount(id)),
                )
            }
            Edit::UpdateAccount(account) => {
                crate::schedule::cadence::check(&account.cadence).map_err(|problem| {
                    WorkspaceError::Refused(format!(
                        "{} cannot post with this cadence: {problem}",
                        account.handle
                    ))
                })?;
                let before = self.store.account(account.id)?;
                self.store.update_account(&account)?;
                let after = self.store.account(account.id)?;
                let uuid = uuid(&self.store, EntityKind::Account, after.id.0)?;
                ops.entity(
                    &self.store,
                    EntityKind::Account,
                    uuid,
                    Some(&before),
                    Some(&after),
                )?;
                (
                    format!("Saved {}", after.handle),
                    Outcome::Nothing,
                    Some(Edit::UpdateAccount(before)),
                )
            }
            Edit::TrashAccount(id) => {
                let handle = self.store.account(id)?.handle;
                self.store.trash_account(id)?;
                self.log_trashed(ops, EntityKind::Account, id.0, true)?;
                (
                    format!("Deleted {handle}"),
                    Outcome::Nothing,
                    Some(Edit::RestoreAccount(id)),
                )
            }
            Edit::RestoreAccount(id) => {
                self.store.restore_account(id)?;
                let handle = self.store.account(id)?.handle;
                self.log_trashed(ops, EntityKind::Account, id.0, false)?;
                (
                    format!("Restored {handle}"),
                    Outcome::Nothing,
                    Some(Edit::TrashAccount(id)),
                )
            }
            Edit::SetSubcultureMix { account, mix } => {
                let handle = self.store.account(account)?.handle;
                let before = crate::workspace::planning::read_subculture_mix(&self.store, account)?;
                crate::workspace::planning::write_subculture_mix(&mut self.store, account, &mix)?;
                let uuid = uuid(&self.store, EntityKind::Account, account.0)?;
                ops.field(
                    EntityKind::Account,
                    uuid,
                    "subculture_mix",
                    &json(&mix),
                    &json(&before),
                );
                (
                    format!("Saved the subculture mix of {handle}"),
                    Outcome::Nothing,
                    Some(Edit::SetSubcultureMix {
                        account,
                        mix: before,
                    }),
                )
            }
            Edit::RecordTrends(entries) => {
                let recorded = self.store.record_trends(&entries)?;
                if !recorded.iter().any(|r| r.added) {
                    return Err(WorkspaceError::Refused(
                        "Already recorded: the same capture (item, time and period) is in the workspace."
                            .into(),
                    ));
                }
                for (r, (_, capture)) in recorded.iter().zip(&entries).filter(|(r, _)| r.added) {
                    let uuid = self.store.trend_capture_uuid(r)?;
                    let stored = crate::domain::TrendCapture {
                        item: r.item,
                        ..capture.clone()
                    };
                    ops.entity(
                        &self.store,
                        EntityKind::TrendCapture,
                        uuid,
                        None,
                        Some(&stored),
                    )?;
                }
                (
                    format!("Added {}", captures_phrase(&recorded)),
                    Outcome::Trends(recorded.clone()),
                    Some(Edit::RemoveTrends { recorded, entries }),
                )
            }
            Edit::RemoveTrends { recorded, entries } => {
                for r in recorded.iter().filter(|r| r.added) {
                    let uuid = self.store.trend_capture_uuid(r)?;
                    ops.field(
                        EntityKind::TrendCapture,
                        uuid,
                        super::ops::WHOLE,
                        &serde_json::Value::Null,
                        &json(&r.name),
                    );
                }
                self.store.remove_recorded_trends(&recorded)?;
                (
                    format!("Removed {}", captures_phrase(&recorded)),
                    Outcome::Nothing,
                    Some(Edit::RecordTrends(entries)),
                )
            }
            Edit::SetSetting { key, value } => {
                let before = self.store.setting(&key)?;
                match &value {
                    Some(v) => self.store.set_setting(&key, v)?,
                    None => self.store.remove_setting(&key)?,
                }
                let uuid = match self.store.uuid_of(EntityKind::Setting, &key)? {
                    Some(u) => Some(u),
                    None => Some(format!("setting:{key}")),
                };
                ops.field(
                    EntityKind::Setting,
                    uuid,
                    &key,
                    &json(&value),
                    &json(&before),
                );
                (
                    format!("Saved the setting {key}"),
                    Outcome::Nothing,
                    Some(Edit::SetSetting { key, value: before }),
                )
            }
            other => return Err(misrouted(&other)),
        })
    }

    fn log_trashed(
        &self,
        ops: &mut OpLog,
        kind: EntityKind,
        id: i64,
        trashed: bool,
    ) -> Result<(), WorkspaceError> {
        let uuid = uuid(&self.store, kind, id)?;
        ops.field(
            kind,
            uuid,
            "trashed",
            &serde_json::Value::Bool(trashed),
            &serde_json::Value::Bool(!trashed),
        );
        Ok(())
    }

    fn subculture(&self, id: SubcultureId) -> Result<crate::domain::Subculture, WorkspaceError> {
        self.store
            .subcultures_including_trashed()?
            .into_iter()
            .find(|s| s.id == id)
            .ok_or_else(|| {
                WorkspaceError::Store(StoreError::NotFound {
                    what: format!("Subculture {}", id.0),
                })
            })
    }
}

/// "a capture of #fyp" or "3 trend captures".
fn captures_phrase(recorded: &[RecordedTrend]) -> String {
    let added: Vec<&RecordedTrend> = recorded.iter().filter(|r| r.added).collect();
    match added.as_slice() {
        [one] => format!("a capture of {}", one.name),
        many => plural(many.len(), "trend capture", "trend captures"),
    }
}
