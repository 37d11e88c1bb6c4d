//! Opening a session with the team's server: the address, a password from where libpq keeps
//! one, TLS by `sslmode`, and every failure turned into a [`TeamError`] that says what to do.
//! A connection is one PostgreSQL session; it never retries by itself (the sync thread decides
//! when to try again).

use std::error::Error as _;

use postgres::Client;
use postgres::error::SqlState;

use super::address::{ServerAddress, SslMode};
use super::error::TeamError;
use super::password::{self, Environment};
use super::tls;

/// The `application_name` the server's activity views show.
const APPLICATION_NAME: &str = "scrollstop";

const KEEPALIVE_IDLE: std::time::Duration = std::time::Duration::from_secs(30);
const KEEPALIVE_INTERVAL: std::time::Duration = std::time::Duration::from_secs(10);

/// An open session with a team's server, as one login.
pub struct TeamServer {
    pub(crate) client: Client,
    address: ServerAddress,
    warnings: Vec<String>,
}

impl std::fmt::Debug for TeamServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TeamServer")
            .field("address", &self.address.url())
            .finish_non_exhaustive()
    }
}

impl TeamServer {
    /// Connects to `address` with the password from this process's environment
    /// (`PGPASSWORD`, `PGPASSFILE`, `~/.pgpass`).
    pub fn connect(address: &ServerAddress) -> Result<Self, TeamError> {
        Self::connect_with(address, &Environment::from_process())
    }

    /// Connects with the password looked up in `env`.
    pub fn connect_with(address: &ServerAddress, env: &Environment) -> Result<Self, TeamError> {
        let found = password::find(address, env);
        let mut config = postgres::Config::new();
        config
            .user(&address.login)
            .dbname(&address.database)
            .port(address.port)
            .connect_timeout(address.connect_timeout)
            // A server that vanished (a laptop's network gone, a crashed host) is noticed in
            // about a minute rather than the system's two hours.
            .keepalives_idle(KEEPALIVE_IDLE)
            .keepalives_interval(KEEPALIVE_INTERVAL)
            .keepalives_retries(3)
            .application_name(APPLICATION_NAME)
            .ssl_mode(match address.sslmode {
                SslMode::Disable => postgres::config::SslMode::Disable,
                SslMode::Prefer => postgres::config::SslMode::Prefer,
                _ => postgres::config::SslMode::Require,
            });
        if address.host.starts_with('/') {
            config.host_path(&address.host);
        } else {
            config.host(&address.host);
        }
        if let Some(password) = &found.password {
            config.password(password);
        }
        let tls = postgres_rustls::MakeTlsConnector::new(tokio_rustls_connector(
            tls::client_config(address, env)?,
        ));
        let client = config.connect(tls).map_err(|e| {
            let mut error = connect_error(&e, address);
            if let TeamError::NoPassword { note, .. } = &mut error {
                *note = found.warnings.iter().map(|w| format!(" ({w})")).collect();
            }
            error
        })?;
        Ok(Self {
            client,
            address: address.clone(),
            warnings: found.warnings,
        })
    }

    /// The address this session is connected to.
    pub fn address(&self) -> &ServerAddress {
        &self.address
    }

    /// The login this session runs as.
    pub fn login(&self) -> &str {
        &self.address.login
    }

    /// What was worth telling while connecting, such as an ignored password file.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// Whether the session is over (the server went away); connect again to go on.
    pub fn is_closed(&self) -> bool {
        self.client.is_closed()
    }

    /// Whether the traffic is encrypted.
    pub fn is_encrypted(&mut self) -> Result<bool, TeamError> {
        let row = self
            .client
            .query_one(
                "SELECT coalesce((SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()), false)",
                &[],
            )
            .map_err(|e| self.error(&e))?;
        Ok(row.get(0))
    }

    /// Turns an error met after connecting into a [`TeamError`].
    pub(crate) fn error(&self, e: &postgres::Error) -> TeamError {
        query_error(e, &self.address)
    }
}

fn tokio_rustls_connector(config: rustls::ClientConfig) -> tokio_rustls::TlsConnector {
    tokio_rustls::TlsConnector::from(std::sync::Arc::new(config))
}

/// The innermost cause of an error, in words.
fn cause(e: &postgres::Error) -> String {
    let mut detail = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        detail = s.to_string();
        source = s.source();
    }
    detail
}

/// A failed connection attempt, in words that say what to do.
fn connect_error(e: &postgres::Error, address: &ServerAddress) -> TeamError {
    if let Some(db) = e.as_db_error() {
        let code = db.code();
        return if *code == SqlState::INVALID_PASSWORD
            || *code == SqlState::INVALID_AUTHORIZATION_SPECIFICATION
        {
            TeamError::AuthFailed {
                login: address.login.clone(),
                detail: db.message().to_string(),
            }
        } else if *code == SqlState::INVALID_CATALOG_NAME {
            TeamError::NoSuchDatabase {
                database: address.database.clone(),
            }
        } else if *code == SqlState::INSUFFICIENT_PRIVILEGE {
            TeamError::NotAMember {
                login: address.login.clone(),
                database: address.database.clone(),
                detail: db.message().to_string(),
            }
        } else if code.code().starts_with("57P") || code.code().starts_with("08") {
            TeamError::Unreachable {
                host: address.host.clone(),
                port: address.port,
                detail: db.message().to_string(),
            }
        } else {
            query_error(e, address)
        };
    }
    let detail = cause(e);
    let top = e.to_string();
    if detail.contains("password missing") {
        TeamError::NoPassword {
            login: address.login.clone(),
            host: address.pgpass_host().to_string(),
            port: address.port,
            database: address.database.clone(),
            note: String::new(),
        }
    } else if detail.contains("server does not support TLS") {
        TeamError::TlsRefused {
            host: address.host.clone(),
            sslmode: address.sslmode.as_str().to_string(),
        }
    } else if top.contains("TLS") {
        TeamError::Tls {
            host: address.host.clone(),
            detail,
        }
    } else {
        TeamError::Unreachable {
            host: address.host.clone(),
            port: address.port,
            detail,
        }
    }
}

/// An error from a query of an open session.
pub(crate) fn query_error(e: &postgres::Error, address: &ServerAddress) -> TeamError {
    if let Some(db) = e.as_db_error() {
        let code = db.code();
        let c = code.code();
        return if *code == SqlState::RAISE_EXCEPTION || *code == SqlState::INVALID_PARAMETER_VALUE {
            TeamError::Refused {
                reason: db.message().to_string(),
            }
        } else if *code == SqlState::INSUFFICIENT_PRIVILEGE {
            // Our functions say why in words; PostgreSQL's own "permission denied for schema"
            // means the login holds none of the team's roles.
            if db.message().starts_with("permission denied for ") {
                TeamError::NotAMember {
                    login: address.login.clone(),
                    database: address.database.clone(),
                    detail: db.message().to_string(),
                }
            } else {
                TeamError::Refused {
                    reason: db.message().to_string(),
                }
            }
        } else if *code == SqlState::INVALID_SCHEMA_NAME
            || *code == SqlState::UNDEFINED_TABLE
            || *code == SqlState::UNDEFINED_FUNCTION
        {
            TeamError::NotATeam {
                database: address.database.clone(),
            }
        } else if c.starts_with("57P") || c.starts_with("08") {
            TeamError::ConnectionLost {
                detail: db.message().to_string(),
            }
        } else {
            TeamError::Server {
                detail: format!("{} (SQLSTATE {c})", db.message()),
            }
        };
    }
    TeamError::ConnectionLost { detail: cause(e) }
}
