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

/// Adds @lunchboxlab (New York) as `author`'s edit; returns its id.
pub fn add_account(ws: &mut Workspace, author: &str) -> scrollstop::domain::AccountId {
    let new = scrollstop::domain::NewAccount {
        handle: "lunchboxlab".parse().expect("handle"),
        display_name: "Lunchbox Lab".into(),
        time_zone: chrono_tz::America::New_York,
        region: "US".into(),
        language: "en".into(),
    };
    match ws
        .apply(scrollstop::workspace::Edit::AddAccount(new), author)
        .expect("the account is added")
        .outcome
    {
        scrollstop::workspace::Outcome::Account(id) => id,
        other => panic!("an account, not {other:?}"),
    }
}

/// Adds a draft titled `title` to `account` as `author`'s edit; returns its id.
pub fn add_draft(
    ws: &mut Workspace,
    account: scrollstop::domain::AccountId,
    title: &str,
    author: &str,
) -> scrollstop::domain::DraftId {
    let mut draft = scrollstop::domain::Draft::blank(account, chrono::Utc::now());
    draft.title = title.to_string();
    match ws
        .apply(
            scrollstop::workspace::Edit::CreateDraft(Box::new(draft)),
            author,
        )
        .expect("the draft is added")
        .outcome
    {
        scrollstop::workspace::Outcome::Draft(id) => id,
        other => panic!("a draft, not {other:?}"),
    }
}
