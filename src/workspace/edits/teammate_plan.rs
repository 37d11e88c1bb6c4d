//! A teammate's plan entry written to this workspace. A draft has at most one plan entry, so
//! when two members planned the same draft without seeing each other's entry, the entry placed
//! later in the team's order stays and the other is taken out, on every machine alike (an entry
//! of this machine not sent yet will be ordered later, so it stays here and wins everywhere).

use serde_json::Value;

use super::ops::{WHOLE, local_form};
use crate::domain::PlanEntry;
use crate::store::{EntityKind, PlanChanges, SharedOp};
use crate::workspace::{Workspace, WorkspaceError};

impl Workspace {
    pub(super) fn set_plan_entry(
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
                if !self.make_room_for(&entry, op.seq.unwrap_or(i64::MAX))? {
                    return Ok(false);
                }
                let ids = self.store.add_plan_entries(&[entry])?;
                if let Some(id) = ids.first() {
                    self.store
                        .set_uuid(EntityKind::PlanEntry, &id.0.to_string(), &op.entity)?;
                }
                Ok(true)
            }
            (_, None, _) | (WHOLE, Some(_), _) => Ok(false),
            (field, Some(id), value) => {
                let Some(current) = self.store.plan_entry(crate::domain::PlanEntryId(id))? else {
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

    /// Takes out the draft's other plan entry when the incoming one (ordered at `seq`) comes
    /// after it in the team's order; false when the other stays and the incoming one is not
    /// placed here.
    fn make_room_for(&mut self, entry: &PlanEntry, seq: i64) -> Result<bool, WorkspaceError> {
        let Some(other) = self.store.plan_entry_of_draft(entry.draft)? else {
            return Ok(true);
        };
        let Some(uuid) = self
            .store
            .uuid_of(EntityKind::PlanEntry, &other.id.0.to_string())?
        else {
            return Ok(true);
        };
        let other_is_later = self.store.field_pending(&uuid, WHOLE)?
            || self
                .store
                .field_last_set(&uuid, WHOLE)?
                .is_some_and(|last| last.seq > seq);
        if other_is_later {
            return Ok(false);
        }
        self.store.remove_by_uuid(EntityKind::PlanEntry, &uuid)?;
        Ok(true)
    }
}
