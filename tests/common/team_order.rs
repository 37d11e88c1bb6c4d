//! The team's order for tests of the merge rules: each member's outbox is ordered as its push
//! arrives (what the team server's push function assigns), and a member applies the ops it
//! has not seen. The server's own side is tested against PostgreSQL in `tests/team/`.

use scrollstop::workspace::{Pulled, PushAnswer, SharedOp, Workspace};

/// The team's ops in the order they were pushed (the server's `seq` is the place + 1).
#[derive(Default)]
pub struct TeamOrder {
    ops: Vec<SharedOp>,
}

impl TeamOrder {
    /// Sends the member's outbox; each op gets the next place in the order.
    pub fn push(&mut self, member: &mut Workspace) {
        let outbox = member.outbox().expect("outbox");
        let mut answers = Vec::new();
        for mut op in outbox {
            let seq = self.ops.len() as i64 + 1;
            op.seq = Some(seq);
            answers.push((op.op_id.clone(), PushAnswer::Ordered(seq)));
            self.ops.push(op);
        }
        member.record_push(&answers).expect("answers recorded");
    }

    /// Applies every op the member has not seen.
    pub fn pull(&self, member: &mut Workspace) -> Pulled {
        let after = member.last_seq().expect("last seq") as usize;
        member
            .apply_pulled(&self.ops[after.min(self.ops.len())..])
            .expect("pulled")
    }
}
