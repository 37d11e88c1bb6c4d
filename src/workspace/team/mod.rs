//! Team workspaces, the server side: a team is a PostgreSQL database holding the op log and the
//! members, and it guards who may do what (TEAM.md). This module reaches that server: the
//! address and password by libpq's rules ([`ServerAddress`], [`Environment`]), the session
//! ([`TeamServer::connect`]), the team's schema ([`TeamServer::create_team`]), pushing and
//! pulling ops ([`TeamServer::push`], [`TeamServer::pull`], [`TeamServer::wait_for_push`]) and
//! the members ([`TeamServer::add_member`] and the rest).
//!
//! It never touches the local workspace: the sync side turns local edits into
//! [`OutgoingOp`]s and applies [`ServerOp`]s through `Workspace::apply`. It never stores or
//! logs a password.

mod address;
mod analytics;
mod connect;
mod error;
mod members;
mod membership;
mod password;
mod permissions;
mod push;
mod server;
mod sync;
mod tls;
mod watch;

pub use address::{DEFAULT_CONNECT_TIMEOUT, DEFAULT_PORT, ServerAddress, SslMode};
pub use connect::TeamServer;
pub use error::TeamError;
pub use members::{Member, MemberAdded, Role};
pub use membership::{Joined, Membership, RememberedRole, Shared};
pub use password::{Environment, Found as FoundPassword, find as find_password};
pub use permissions::{Capability, Permissions};
pub use push::{CHANNEL, OutgoingOp, PushOutcome, ServerOp};
pub use server::{SERVER_VERSION, TeamCreated, TeamInfo};
pub use sync::{SyncReport, TeamStatus};
pub use watch::{Round, TICK, Wake};
