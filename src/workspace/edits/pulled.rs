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

use crate::domain::DraftId;
use crate::store::{EntityKind, FieldConflict, SharedOp};
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
}
