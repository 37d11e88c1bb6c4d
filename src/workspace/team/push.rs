//! Sending ops to the team's log and reading the log back: the push (one call of
//! `scrollstop.push`, which checks, numbers and stores each op, or says why not), the pull (ops
//! after a seq, in seq order), and waiting for a teammate's push. Nothing here applies an op to
//! a workspace; the sync side does that through `Workspace::apply`.

use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use postgres::fallible_iterator::FallibleIterator;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::connect::{TeamServer, query_error};
use super::error::TeamError;

/// The channel a push notifies; the payload is the last seq stored.
pub const CHANNEL: &str = "scrollstop_ops";

/// An op on its way to the server: one field of one entity set (or the entity created or
/// removed), by whom, and what its author had seen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutgoingOp {
    /// A UUID the author's workspace gave the op; sending it twice stores it once.
    pub op_id: String,
    /// The member name the op is signed with.
    pub author: String,
    pub at: DateTime<Utc>,
    /// `draft`, `comment`, `account`, ...
    pub entity_kind: String,
    /// The entity's UUID (or natural key).
    pub entity_uuid: String,
    /// The account the entity belongs to (an account's own UUID for an account; a draft's,
    /// comment's or plan entry's account), `None` for what all accounts share (subcultures,
    /// trends, settings). The server checks members limited to some accounts against it.
    pub account_uuid: Option<String>,
    pub field: String,
    /// `None`: the entity was removed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    /// The last seq the author had pulled when making the change (0: none).
    pub base_seq: i64,
}

/// An op as the server's log holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct ServerOp {
    /// Its place in the team's log: 1, 2, 3, ... without gaps.
    pub seq: i64,
    /// The PostgreSQL login that pushed it.
    pub login: String,
    pub op: OutgoingOp,
}

/// What the server did with one op of a push.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PushOutcome {
    /// Stored with this seq (by this push, or by an earlier one of the same op).
    Accepted { seq: i64 },
    /// Not stored, and why: the op stays refused (sending it again gives the same answer
    /// unless the member's role changes).
    Refused { reason: String },
}

#[derive(Deserialize)]
struct Answer {
    op_id: String,
    seq: Option<i64>,
    refused: Option<String>,
}

impl TeamServer {
    /// Sends `ops` in one transaction and answers for each, in order. Safe to repeat: ops the
    /// server already holds keep their seq and are not stored again.
    pub fn push(&mut self, ops: &[OutgoingOp]) -> Result<Vec<PushOutcome>, TeamError> {
        if ops.is_empty() {
            return Ok(Vec::new());
        }
        let batch = serde_json::to_string(ops).map_err(|e| TeamError::BadReply {
            detail: format!("an op could not be written as JSON: {e}"),
        })?;
        // READ COMMITTED whatever the server's default: the push queues on the counter row
        // and must see the pushes that committed while it waited.
        let reply: Result<String, postgres::Error> = (|| {
            let mut tx = self
                .client
                .build_transaction()
                .isolation_level(postgres::IsolationLevel::ReadCommitted)
                .start()?;
            let row = tx.query_one("SELECT scrollstop.push($1::text::jsonb)::text", &[&batch])?;
            tx.commit()?;
            Ok(row.get(0))
        })();
        let reply = reply.map_err(|e| self.error(&e))?;
        let answers: Vec<Answer> =
            serde_json::from_str(&reply).map_err(|e| TeamError::BadReply {
                detail: format!("the push's answer is not what was expected ({e})"),
            })?;
        if answers.len() != ops.len() {
            return Err(TeamError::BadReply {
                detail: format!("{} ops pushed, {} answers", ops.len(), answers.len()),
            });
        }
        answers
            .into_iter()
            .zip(ops)
            .map(|(answer, op)| {
                if !answer.op_id.eq_ignore_ascii_case(&op.op_id) {
                    return Err(TeamError::BadReply {
                        detail: format!("op {} answered as {}", op.op_id, answer.op_id),
                    });
                }
                match (answer.seq, answer.refused) {
                    (_, Some(reason)) => Ok(PushOutcome::Refused { reason }),
                    (Some(seq), None) => Ok(PushOutcome::Accepted { seq }),
                    (None, None) => Err(TeamError::BadReply {
                        detail: format!("op {} got neither a seq nor a reason", op.op_id),
                    }),
                }
            })
            .collect()
    }

    /// Up to `limit` ops after `after_seq`, in seq order.
    pub fn pull(&mut self, after_seq: i64, limit: i64) -> Result<Vec<ServerOp>, TeamError> {
        let rows = self
            .client
            .query(
                "SELECT seq, login, op_id::text, author, at, entity_kind, entity_uuid,
                        account_uuid, field, value::text, base_seq
                 FROM scrollstop.ops WHERE seq > $1 ORDER BY seq LIMIT $2",
                &[&after_seq, &limit],
            )
            .map_err(|e| self.error(&e))?;
        rows.iter()
            .map(|row| {
                let value: Option<String> = row.get(9);
                let value = value
                    .map(|v| serde_json::from_str(&v))
                    .transpose()
                    .map_err(|e| TeamError::BadReply {
                        detail: format!(
                            "the value of op {} is not JSON ({e})",
                            row.get::<_, i64>(0)
                        ),
                    })?;
                Ok(ServerOp {
                    seq: row.get(0),
                    login: row.get(1),
                    op: OutgoingOp {
                        op_id: row.get(2),
                        author: row.get(3),
                        at: row.get(4),
                        entity_kind: row.get(5),
                        entity_uuid: row.get(6),
                        account_uuid: row.get(7),
                        field: row.get(8),
                        value,
                        base_seq: row.get(10),
                    },
                })
            })
            .collect()
    }

    /// The last seq the server has given (0 for an empty log).
    pub fn last_seq(&mut self) -> Result<i64, TeamError> {
        let row = self
            .client
            .query_one("SELECT last_seq FROM scrollstop.counter", &[])
            .map_err(|e| self.error(&e))?;
        Ok(row.get(0))
    }

    /// Asks the server to tell this session of every push from now on (see
    /// [`TeamServer::wait_for_push`]). A session that reconnects must listen again, and pull:
    /// pushes made while it was away are not told.
    pub fn listen(&mut self) -> Result<(), TeamError> {
        self.client
            .batch_execute(&format!("LISTEN {CHANNEL}"))
            .map_err(|e| self.error(&e))
    }

    /// Waits up to `timeout` for a push told by [`TeamServer::listen`]; returns the highest seq
    /// told, or `None` when nothing came in time. Several pushes told at once come back as one.
    pub fn wait_for_push(&mut self, timeout: Duration) -> Result<Option<i64>, TeamError> {
        let deadline = Instant::now() + timeout;
        let address = self.address().clone();
        let lost = |e: postgres::Error| query_error(&e, &address);
        let mut highest: Option<i64> = None;
        let mut notifications = self.client.notifications();
        let first = notifications
            .timeout_iter(deadline.saturating_duration_since(Instant::now()))
            .next();
        let Some(first) = first.map_err(lost)? else {
            return Ok(None);
        };
        let mut seen = |payload: &str| {
            let seq = payload.parse::<i64>().unwrap_or(0);
            highest = Some(highest.map_or(seq, |h| h.max(seq)));
        };
        seen(first.payload());
        let mut pending = notifications.iter();
        while let Some(n) = pending.next().map_err(lost)? {
            seen(n.payload());
        }
        Ok(highest)
    }
}
