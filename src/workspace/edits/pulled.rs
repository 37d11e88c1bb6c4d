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

use serde::Serialize;

use super::ops::WHOLE;
use super::set_fields;
use crate::domain::DraftId;
use crate::store::{AnalyticsKind, EntityKind, FieldConflict, SharedOp};
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
    /// Teammates' imported analytics rows taken (videos, snapshots, daily metrics...).
    pub analytics: usize,
}

/// A teammate's imported analytics row as the team ordered it.
#[derive(Debug, Clone, PartialEq)]
pub struct PulledRow {
    pub kind: AnalyticsKind,
    pub account_uuid: String,
    /// The row as JSON.
    pub row: String,
    pub seq: i64,
}

/// One pulled item, for applying in the team's order.
enum InOrder<'a> {
    Op(&'a SharedOp, i64),
    Row(&'a PulledRow),
}

impl InOrder<'_> {
    fn seq(&self) -> i64 {
        match self {
            InOrder::Op(_, seq) => *seq,
            InOrder::Row(row) => row.seq,
        }
    }
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

    /// Applies teammates' ops and analytics rows in server order, in one transaction, and
    /// records that the team's order was read up to `upto` (a page can hold ops this version
    /// does not know; they are not read again). Anything at or before
    /// [`Workspace::last_seq`] was applied already and is passed over.
    pub fn apply_pulled(
        &mut self,
        ops: &[SharedOp],
        rows: &[PulledRow],
        upto: i64,
    ) -> Result<Pulled, WorkspaceError> {
        let mut ordered: Vec<InOrder<'_>> = ops
            .iter()
            .filter_map(|o| o.seq.map(|seq| InOrder::Op(o, seq)))
            .chain(rows.iter().map(InOrder::Row))
            .collect();
        ordered.sort_by_key(InOrder::seq);
        self.exclusively(|workspace| {
            let mut pulled = Pulled::default();
            let mut last = workspace.last_seq()?;
            for item in ordered {
                let seq = item.seq();
                if seq <= last {
                    continue;
                }
                match item {
                    InOrder::Op(op, seq) => workspace.take_pulled(op, seq, &mut pulled)?,
                    InOrder::Row(row) => {
                        let taken = workspace.store.take_analytics(
                            row.kind,
                            &row.account_uuid,
                            &row.row,
                            row.seq,
                        )?;
                        pulled.analytics += usize::from(taken);
                    }
                }
                last = seq;
            }
            let last = last.max(upto);
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

    /// A teammate's per-element change of a set, as an op that sets the whole merged list: its
    /// additions and removals made on the list as it is here, except for the elements a later
    /// op of this machine touched. `None` when the op carries a whole list (a creation, or an
    /// earlier version's op), which the ordinary rule applies.
    fn merged_set(&self, op: &SharedOp, seq: i64) -> Result<Option<SharedOp>, WorkspaceError> {
        let Some(change) = op
            .value
            .as_deref()
            .and_then(|v| serde_json::from_str::<serde_json::Value>(v).ok())
            .filter(serde_json::Value::is_object)
        else {
            return Ok(None);
        };
        let keep: std::collections::HashSet<String> = self
            .store
            .own_values_after(&op.entity, &op.field, seq)?
            .iter()
            .filter_map(|v| serde_json::from_str(v).ok())
            .flat_map(|v| set_fields::touched(&v))
            .collect();
        let current = self.set_elements(op.kind, &op.entity)?;
        let Some(list) = current.and_then(|c| set_fields::merged(&c, &change, &keep)) else {
            return Ok(None);
        };
        Ok(Some(SharedOp {
            value: Some(serde_json::Value::from(list).to_string()),
            ..op.clone()
        }))
    }

    /// The hashtags of the draft or subculture `uuid` as they are here.
    fn set_elements(
        &self,
        kind: EntityKind,
        uuid: &str,
    ) -> Result<Option<Vec<String>>, WorkspaceError> {
        let Some(id) = self.store.local_id_of(kind, uuid)? else {
            return Ok(None);
        };
        let id: i64 = id.parse().unwrap_or_default();
        Ok(match kind {
            EntityKind::Draft => Some(self.store.draft(DraftId(id))?.hashtags),
            EntityKind::Subculture => self
                .store
                .subcultures_including_trashed()?
                .into_iter()
                .find(|s| s.id.0 == id)
                .map(|s| s.hashtags),
            _ => None,
        })
    }

    /// A teammate's op: applied unless a later change of the field (ours, sent or not) stands.
    fn take_teammates(
        &mut self,
        op: &SharedOp,
        seq: i64,
        pulled: &mut Pulled,
    ) -> Result<(), WorkspaceError> {
        let summary = format!("{} (from the team)", op.field);
        if set_fields::is_set_field(op.kind, &op.field)
            && let Some(merged) = self.merged_set(op, seq)?
        {
            if self.set_from_op(&merged)? {
                pulled.applied += 1;
            } else {
                pulled.not_applied += 1;
            }
            self.store.log_pulled(op, &summary)?;
            return Ok(());
        }
        // Creating a row this machine has never had cannot meet a change of ours.
        let creates_new =
            op.field == WHOLE && op.value.is_some() && !self.store.entity_logged(&op.entity)?;
        let later_is_ours = !creates_new
            && (self.store.field_pending(&op.entity, &op.field)?
                || self
                    .store
                    .field_last_set(&op.entity, &op.field)?
                    .is_some_and(|last| last.seq > seq));
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
}
