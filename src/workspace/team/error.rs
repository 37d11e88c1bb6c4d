//! What can go wrong between this workspace and its team's server, in words that say what to do
//! next. A team error never means local work was lost: the workspace keeps every change and
//! sends it again later.

use std::path::PathBuf;

/// An error from the team's server or from reaching it.
#[derive(Debug, thiserror::Error)]
pub enum TeamError {
    #[error(
        "the team server address \"{url}\" is not a PostgreSQL URL: {problem}. Write it as postgres://LOGIN@HOST:PORT/DATABASE?sslmode=prefer"
    )]
    BadUrl { url: String, problem: String },

    #[error(
        "the team server address carries a password. Scrollstop never takes or keeps a password in an address: remove it (postgres://LOGIN@HOST:PORT/DATABASE) and put the password in ~/.pgpass (a line HOST:PORT:DATABASE:LOGIN:PASSWORD, file mode 0600) or in the PGPASSWORD environment variable"
    )]
    PasswordInUrl,

    #[error(
        "cannot reach the team server at {host}:{port} ({detail}). Check the address, that PostgreSQL runs there and accepts TCP connections (listen_addresses, firewall); your changes stay in this workspace and are sent when the server is back"
    )]
    Unreachable {
        host: String,
        port: u16,
        detail: String,
    },

    #[error(
        "the team server asks a password for {login} and none was found{note}: put it in ~/.pgpass (a line {host}:{port}:{database}:{login}:PASSWORD, file mode 0600) or in the PGPASSWORD environment variable"
    )]
    NoPassword {
        login: String,
        host: String,
        port: u16,
        database: String,
        /// Why a password file was passed over, in parentheses; empty when none was.
        note: String,
    },

    #[error(
        "the team server refused the login {login} ({detail}). Check the login and the password in ~/.pgpass or PGPASSWORD; the team's owner can set a new one"
    )]
    AuthFailed { login: String, detail: String },

    #[error(
        "the team server has no database \"{database}\". Check the database name in the address, or ask the server's administrator to create it (CREATE DATABASE)"
    )]
    NoSuchDatabase { database: String },

    #[error(
        "{login} may not use the team database \"{database}\" ({detail}): not a member of this team, or removed from it. Ask the team's owner to add you"
    )]
    NotAMember {
        login: String,
        database: String,
        detail: String,
    },

    #[error(
        "the team server at {host} does not accept TLS, and sslmode={sslmode} requires it. Ask its administrator to turn ssl on, or, on a network you trust, use sslmode=prefer"
    )]
    TlsRefused { host: String, sslmode: String },

    #[error(
        "the TLS connection to the team server at {host} failed ({detail}). With sslmode=verify-ca or verify-full the server's certificate must be signed by a CA you trust: give it as sslrootcert=FILE, put it in ~/.postgresql/root.crt, or use sslrootcert=system for the system's CAs"
    )]
    Tls { host: String, detail: String },

    #[error(
        "cannot read the CA certificates in {path}: {detail}. Check sslrootcert in the address"
    )]
    RootCertificates { path: PathBuf, detail: String },

    #[error(
        "the database \"{database}\" holds no Scrollstop team yet. Create one from a workspace (scrollstop team create --server URL), or check the database name"
    )]
    NotATeam { database: String },

    #[error(
        "the team in \"{database}\" was set up by a newer Scrollstop (server schema {found}, this one knows up to {supported}). Update Scrollstop to work with this team"
    )]
    NewerTeam {
        database: String,
        found: i32,
        supported: i32,
    },

    #[error(
        "{login} may not set up the team in \"{database}\" ({detail}). The team is created by the database's owner, or a login with CREATEROLE and the right to create in that database"
    )]
    CannotCreate {
        login: String,
        database: String,
        detail: String,
    },

    #[error("refused by the team server: {reason}")]
    Refused { reason: String },

    #[error(
        "the connection to the team server was lost ({detail}). Nothing is lost: a change is either stored on the server or still waiting here, and sending it again is safe"
    )]
    ConnectionLost { detail: String },

    #[error("the team server answered something Scrollstop does not understand: {detail}")]
    BadReply { detail: String },

    #[error("the team server reported an error: {detail}")]
    Server { detail: String },
}
