//! Team workspaces against a real PostgreSQL server (the Debian package, started by the tests
//! themselves, see `server.rs`): creating a team, pushing and pulling ops, members and what each
//! role may do, passwords as libpq keeps them, TLS, and a server stopped in the middle of a push.
//! One server is shared by the whole binary, with a database per test; the crash test has its
//! own.

mod analytics;
mod crash;
mod create;
mod members;
mod members_sync;
mod password;
mod push;
mod roles;
mod server;
mod tls;

use chrono::{TimeZone, Utc};
use serde_json::{Value, json};

use scrollstop::workspace::team::{OutgoingOp, PushOutcome, Role, TeamServer};
use server::TestServer;

/// A team in a database of its own on the shared server, created by a lead who owns the
/// database and may create roles, but is not a superuser (as on a managed server).
pub struct Team {
    pub server: &'static TestServer,
    pub db: String,
}

impl Team {
    /// A new team in database `name` (unique per test).
    pub fn new(name: &str) -> Team {
        let server = TestServer::shared();
        let lead = format!("{name}_lead");
        server
            .sql("postgres")
            .batch_execute(&format!(
                "CREATE ROLE \"{lead}\" LOGIN CREATEROLE PASSWORD '{}'",
                password_of(&lead)
            ))
            .expect("create the lead's login");
        let db = server.database(name, Some(&lead));
        let team = Team { server, db };
        let created = team
            .lead()
            .create_team(&format!("Team {name}"), &lead)
            .expect("the lead creates the team");
        assert!(created.created);
        team
    }

    pub fn lead_login(&self) -> String {
        format!("{}_lead", self.db)
    }

    /// The lead's session (an owner).
    pub fn lead(&self) -> TeamServer {
        let lead = self.lead_login();
        self.server.connect(&lead, &password_of(&lead), &self.db)
    }

    /// Adds `{db}_{who}` with `role` (and accounts) and returns its session.
    pub fn member(&self, who: &str, role: Role, accounts: Option<&[&str]>) -> TeamServer {
        let login = self.login(who);
        let accounts: Option<Vec<String>> =
            accounts.map(|a| a.iter().map(|s| s.to_string()).collect());
        self.lead()
            .add_member(
                &login,
                role,
                accounts.as_deref(),
                Some(&password_of(&login)),
            )
            .expect("the lead adds a member");
        self.server.connect(&login, &password_of(&login), &self.db)
    }

    pub fn login(&self, who: &str) -> String {
        format!("{}_{who}", self.db)
    }

    /// A plain superuser client on the team's database.
    pub fn sql(&self) -> postgres::Client {
        self.server.sql(&self.db)
    }

    /// How many ops the server holds.
    pub fn stored(&self) -> i64 {
        self.sql()
            .query_one("SELECT count(*) FROM scrollstop.ops", &[])
            .expect("count ops")
            .get(0)
    }
}

/// The password the tests give `login`.
pub fn password_of(login: &str) -> String {
    format!("pw-{login}")
}

/// A UUID-shaped op id from a number (distinct numbers, distinct ids).
pub fn op_id(n: u64) -> String {
    format!("00000000-0000-7000-8000-{n:012x}")
}

/// An op setting `field` of a draft of account `account` to `value`.
pub fn draft_op(
    n: u64,
    draft: &str,
    account: Option<&str>,
    field: &str,
    value: Value,
) -> OutgoingOp {
    OutgoingOp {
        op_id: op_id(n),
        author: "Ana".to_string(),
        at: Utc
            .with_ymd_and_hms(2026, 3, 2, 10, 0, 0)
            .single()
            .expect("a valid time")
            + chrono::Duration::milliseconds(n as i64),
        entity_kind: "draft".to_string(),
        entity_uuid: draft.to_string(),
        account_uuid: account.map(str::to_string),
        field: field.to_string(),
        value: Some(value),
        base_seq: 0,
    }
}

/// `count` caption edits numbered from `first`.
pub fn captions(first: u64, count: u64) -> Vec<OutgoingOp> {
    (first..first + count)
        .map(|n| {
            draft_op(
                n,
                "draft-1",
                Some("acct-a"),
                "caption",
                json!(format!("take {n}")),
            )
        })
        .collect()
}

/// The seqs of accepted ops; panics on a refusal.
pub fn seqs(outcomes: &[PushOutcome]) -> Vec<i64> {
    outcomes
        .iter()
        .map(|o| match o {
            PushOutcome::Accepted { seq } => *seq,
            PushOutcome::Refused { reason } => panic!("refused: {reason}"),
        })
        .collect()
}

/// The reason of a refusal; panics on an acceptance.
pub fn refusal(outcome: &PushOutcome) -> &str {
    match outcome {
        PushOutcome::Refused { reason } => reason,
        PushOutcome::Accepted { seq } => panic!("accepted with seq {seq}, expected a refusal"),
    }
}
