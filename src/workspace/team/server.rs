//! The team's tables and functions on its PostgreSQL server (`server_v1.sql`, which says who may
//! do what), created and migrated forward like the local schema: a version in `scrollstop.meta`,
//! each step applied in one transaction under an advisory lock, so two members creating the same
//! team at once end with one team. It never drops or rewrites a team's ops.

use postgres::error::SqlState;

use super::connect::TeamServer;
use super::error::TeamError;

/// The server schema this Scrollstop writes and understands.
pub const SERVER_VERSION: i32 = 1;

/// The steps from an empty database to [`SERVER_VERSION`], in order.
const MIGRATIONS: &[(i32, &str)] = &[(1, include_str!("server_v1.sql"))];

/// The advisory lock key that serialises team creation and migration in one database.
const SCHEMA_LOCK: i64 = 0x5343_524f_4c4c; // "SCROLL"

/// What a team's database holds about the team itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamInfo {
    pub name: String,
    /// The server schema version.
    pub version: i32,
}

/// What [`TeamServer::create_team`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamCreated {
    pub team: TeamInfo,
    /// `false`: the team was there already (from an earlier or a simultaneous create), and was
    /// only migrated forward if it was older; its name and members were left as they were.
    pub created: bool,
}

impl TeamServer {
    /// Sets up the team in the connected database, or brings an older one forward, and makes
    /// `owner_login` its first owner (creating that login if it does not exist). When the team
    /// exists already this changes nothing but its schema version.
    pub fn create_team(&mut self, name: &str, owner_login: &str) -> Result<TeamCreated, TeamError> {
        let address = self.address().clone();
        let login = self.login().to_string();
        let cannot = |e: postgres::Error| match e.as_db_error() {
            Some(db)
                if *db.code() == SqlState::INSUFFICIENT_PRIVILEGE
                    || *db.code() == SqlState::DUPLICATE_OBJECT
                    || *db.code() == SqlState::NAME_TOO_LONG =>
            {
                TeamError::CannotCreate {
                    login: login.clone(),
                    database: address.database.clone(),
                    detail: db.message().to_string(),
                }
            }
            _ => super::connect::query_error(&e, &address),
        };
        let mut tx = self.client.transaction().map_err(&cannot)?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&SCHEMA_LOCK])
            .map_err(&cannot)?;
        let found = version_in(&mut tx).map_err(&cannot)?;
        if found > SERVER_VERSION {
            return Err(TeamError::NewerTeam {
                database: address.database.clone(),
                found,
                supported: SERVER_VERSION,
            });
        }
        for (version, sql) in MIGRATIONS.iter().filter(|(v, _)| *v > found) {
            tx.batch_execute(sql).map_err(&cannot)?;
            tx.execute(
                "INSERT INTO scrollstop.meta (version, name) VALUES ($1, $2)
                 ON CONFLICT (only_row) DO UPDATE SET version = EXCLUDED.version",
                &[version, &name],
            )
            .map_err(&cannot)?;
        }
        let created = found == 0;
        if created {
            tx.execute(
                "SELECT scrollstop.enroll($1, 'owner', NULL, NULL)",
                &[&owner_login],
            )
            .map_err(&cannot)?;
        }
        let row = tx
            .query_one("SELECT name, version FROM scrollstop.meta", &[])
            .map_err(&cannot)?;
        let team = TeamInfo {
            name: row.get(0),
            version: row.get(1),
        };
        tx.commit().map_err(&cannot)?;
        Ok(TeamCreated { team, created })
    }

    /// The team in the connected database: its name and schema version. Fails with
    /// [`TeamError::NotATeam`] when there is none, and [`TeamError::NewerTeam`] when a newer
    /// Scrollstop set it up.
    pub fn team(&mut self) -> Result<TeamInfo, TeamError> {
        let row = self
            .client
            .query_one("SELECT name, version FROM scrollstop.meta", &[])
            .map_err(|e| self.error(&e))?;
        let team = TeamInfo {
            name: row.get(0),
            version: row.get(1),
        };
        if team.version > SERVER_VERSION {
            return Err(TeamError::NewerTeam {
                database: self.address().database.clone(),
                found: team.version,
                supported: SERVER_VERSION,
            });
        }
        Ok(team)
    }
}

/// The server schema version in the database; 0 when it holds no team.
fn version_in(tx: &mut postgres::Transaction<'_>) -> Result<i32, postgres::Error> {
    let exists: bool = tx
        .query_one("SELECT to_regclass('scrollstop.meta') IS NOT NULL", &[])?
        .get(0);
    if !exists {
        return Ok(0);
    }
    Ok(tx
        .query_opt("SELECT version FROM scrollstop.meta", &[])?
        .map_or(0, |row| row.get(0)))
}
