//! Sending imported analytics to the team: the rows waiting (new or changed here since they
//! were last sent) go as ops named by their natural key, a batch at a time, each marked with
//! the order the server gave it, or as refused (then it is not sent again, and the reason is
//! reported). An op's id is derived from its row, so a batch sent again after a lost answer,
//! or the same export imported by two members, is stored once.
//!
//! Whether anything waits is a flag in the workspace, set when an import or sharing wrote
//! analytics in a team workspace: a sync does not read a million snapshots to find none.

use chrono::Utc;

use super::sync::SyncReport;
use super::{OutgoingOp, PushOutcome, TeamServer};
use crate::stable_hash::{StableHash, hash_parts};
use crate::store::{ANALYTICS_KINDS, WaitingRow};
use crate::workspace::{Workspace, WorkspaceError};

/// The sync state key of the flag "imported analytics may wait to be sent".
pub(super) const ANALYTICS_WAITING: &str = "analytics_waiting";

/// Rows sent in one round trip.
const BATCH: usize = 2_000;

impl Workspace {
    /// Marks imported analytics, and rows an import made, as waiting to be sent at the next
    /// sync (no-op outside a team).
    pub fn analytics_changed(&mut self) -> Result<(), WorkspaceError> {
        if self.team()?.is_some() {
            self.store.set_sync_value(ANALYTICS_WAITING, "1")?;
        }
        Ok(())
    }

    /// True when imported analytics may wait to be sent.
    pub fn analytics_waiting(&self) -> Result<bool, WorkspaceError> {
        Ok(self.store.sync_value(ANALYTICS_WAITING)?.is_some())
    }

    /// Sends the analytics rows waiting, adding to `report`.
    pub(super) fn push_analytics(
        &mut self,
        server: &mut TeamServer,
        report: &mut SyncReport,
    ) -> Result<(), WorkspaceError> {
        if !self.analytics_waiting()? {
            return Ok(());
        }
        let author = self.member_name();
        let base_seq = self.last_seq()?;
        for kind in ANALYTICS_KINDS {
            loop {
                let rows = self.store.waiting_analytics(kind, BATCH)?;
                if rows.is_empty() {
                    break;
                }
                let ops: Vec<OutgoingOp> = rows
                    .iter()
                    .map(|row| outgoing(row, &author, base_seq))
                    .collect();
                let outcomes = server.push(&ops)?;
                self.exclusively(|workspace| {
                    for (row, outcome) in rows.iter().zip(&outcomes) {
                        let seq = match outcome {
                            PushOutcome::Accepted { seq } => {
                                report.analytics_sent += 1;
                                *seq
                            }
                            PushOutcome::Refused { reason } => {
                                report
                                    .refused
                                    .push((row.kind.name.to_string(), reason.clone()));
                                -1
                            }
                        };
                        workspace.store.mark_analytics(row, seq)?;
                    }
                    Ok(())
                })?;
                if rows.len() < BATCH {
                    break;
                }
            }
        }
        self.store.clear_sync_value(ANALYTICS_WAITING)?;
        Ok(())
    }
}

/// A waiting row as the server takes it.
fn outgoing(row: &WaitingRow, author: &str, base_seq: i64) -> OutgoingOp {
    let value: serde_json::Value =
        serde_json::from_str(&row.row).unwrap_or(serde_json::Value::Null);
    let entity = row.kind.entity_key(&row.account_uuid, &value);
    OutgoingOp {
        op_id: op_id(&entity, &row.row),
        author: author.to_string(),
        at: Utc::now(),
        entity_kind: row.kind.name.to_string(),
        entity_uuid: entity,
        account_uuid: Some(row.account_uuid.clone()),
        field: "*".to_string(),
        value: Some(value),
        base_seq,
    }
}

/// A UUID (version 8, "custom") derived from the row's key and content.
fn op_id(entity: &str, row: &str) -> String {
    let high = hash_parts(&[entity, row]);
    let low = StableHash::default()
        .word(high)
        .bytes(row.as_bytes())
        .finish();
    let bytes: u128 = (u128::from(high) << 64) | u128::from(low);
    // Version 8 and the RFC 4122 variant.
    let bytes = (bytes & !(0xF << 76) | (0x8 << 76)) & !(0x3 << 62) | (0x2 << 62);
    let hex = format!("{bytes:032x}");
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_op_id_is_a_version_8_uuid_fixed_by_the_row() {
        let id = op_id("snapshot:acct:123:1700000000", "{\"views\":10}");
        assert_eq!(id.len(), 36);
        assert_eq!(&id[14..15], "8", "version 8");
        assert!(
            matches!(&id[19..20], "8" | "9" | "a" | "b"),
            "RFC 4122 variant"
        );
        assert_eq!(id, op_id("snapshot:acct:123:1700000000", "{\"views\":10}"));
        assert_ne!(id, op_id("snapshot:acct:123:1700000000", "{\"views\":11}"));
    }
}
