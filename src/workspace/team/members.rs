//! A team's members: PostgreSQL logins with a team role (owner, editor, reviewer, viewer) and,
//! optionally, the accounts they may touch. Owners add, change and remove members; anyone may
//! leave. The server checks who asks; this module only calls its functions.

use serde::{Deserialize, Serialize};

use super::connect::TeamServer;
use super::error::TeamError;

/// What a member may do in the team. The server enforces it on every push.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Everything, and managing members.
    Owner,
    /// Every change but approving a draft.
    Editor,
    /// Comments, and a draft's status (approving among them).
    Reviewer,
    /// Reads only.
    Viewer,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Owner, Role::Editor, Role::Reviewer, Role::Viewer];

    /// The word the server stores.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Owner => "owner",
            Self::Editor => "editor",
            Self::Reviewer => "reviewer",
            Self::Viewer => "viewer",
        }
    }

    /// Reads [`Role::as_str`] back, in any case.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|r| r.as_str().eq_ignore_ascii_case(text.trim()))
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A member of the team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    /// The PostgreSQL login.
    pub login: String,
    pub role: Role,
    /// The UUIDs of the accounts the member may touch; `None`: every account.
    pub accounts: Option<Vec<String>>,
}

/// What adding a member did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MemberAdded {
    /// The login did not exist on the server and was created.
    pub created_login: bool,
    /// The password given was set. An existing login's password is never changed: its owner
    /// may use it for other teams, or for more.
    pub password_set: bool,
}

impl TeamServer {
    /// Every member, by login.
    pub fn members(&mut self) -> Result<Vec<Member>, TeamError> {
        let rows = self
            .client
            .query(
                "SELECT login, role, accounts FROM scrollstop.members ORDER BY login",
                &[],
            )
            .map_err(|e| self.error(&e))?;
        rows.iter()
            .map(|row| {
                let role: String = row.get(1);
                Ok(Member {
                    login: row.get(0),
                    role: Role::parse(&role).ok_or_else(|| TeamError::BadReply {
                        detail: format!("unknown role {role}"),
                    })?,
                    accounts: row.get(2),
                })
            })
            .collect()
    }

    /// This session's own membership, if it is a member.
    pub fn me(&mut self) -> Result<Option<Member>, TeamError> {
        let login = self.login().to_string();
        Ok(self.members()?.into_iter().find(|m| m.login == login))
    }

    /// Adds `login` with `role` (or changes an existing member's role and accounts). Owners
    /// only. A login the server does not have yet is created, with `password` if given; the
    /// password travels as a SCRAM verifier, never in clear.
    pub fn add_member(
        &mut self,
        login: &str,
        role: Role,
        accounts: Option<&[String]>,
        password: Option<&str>,
    ) -> Result<MemberAdded, TeamError> {
        let verifier = password.map(|p| postgres_protocol::password::scram_sha_256(p.as_bytes()));
        let accounts: Option<Vec<String>> = accounts.map(<[String]>::to_vec);
        let row = self
            .client
            .query_one(
                "SELECT scrollstop.add_member($1, $2, $3, $4)::text",
                &[&login, &role.as_str(), &accounts, &verifier],
            )
            .map_err(|e| self.error(&e))?;
        let reply: String = row.get(0);
        let reply: serde_json::Value =
            serde_json::from_str(&reply).map_err(|e| TeamError::BadReply {
                detail: e.to_string(),
            })?;
        let flag = |key: &str| {
            reply
                .get(key)
                .and_then(serde_json::Value::as_bool)
                .unwrap_or(false)
        };
        Ok(MemberAdded {
            created_login: flag("created_login"),
            password_set: flag("password_set"),
        })
    }

    /// Removes `login` from the team (owners only); its login stays on the server. Returns
    /// whether it was a member. The team keeps at least one owner.
    pub fn remove_member(&mut self, login: &str) -> Result<bool, TeamError> {
        let row = self
            .client
            .query_one("SELECT scrollstop.remove_member($1)", &[&login])
            .map_err(|e| self.error(&e))?;
        Ok(row.get(0))
    }

    /// Leaves the team. The last owner cannot leave.
    pub fn leave(&mut self) -> Result<bool, TeamError> {
        let row = self
            .client
            .query_one("SELECT scrollstop.leave()", &[])
            .map_err(|e| self.error(&e))?;
        Ok(row.get(0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_read_back_in_any_case() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
            assert_eq!(Role::parse(&role.as_str().to_uppercase()), Some(role));
        }
        assert_eq!(Role::parse("admin"), None);
    }
}
