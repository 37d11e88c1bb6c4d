//! What the member's role lets them do, as the window asks before it offers a button. The
//! server decides (`scrollstop.refusal` in `server_v1.sql`); this is the same rule read from
//! the role remembered at the last sync, so a button a role cannot use is disabled with the
//! reason instead of making a change the server will refuse.

use super::Role;
use crate::workspace::{Workspace, WorkspaceError};

/// A kind of change a role may or may not make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Capability {
    /// Write a draft's content, create, trash or restore drafts.
    EditDrafts,
    /// Set a draft's status (approving aside).
    ChangeStatus,
    /// Set a draft's status to Approved.
    Approve,
    /// Comment on a draft.
    Comment,
    /// Place, move, pin or unplan posts, and auto-plan.
    Plan,
    /// Add, change or delete accounts.
    EditAccounts,
    /// What all accounts share: subcultures, trend lists, settings.
    EditShared,
    /// Import analytics and drafts.
    Import,
    /// Add, change and remove members.
    ManageMembers,
}

/// The member's role in the team, or everything outside a team.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Permissions {
    /// `None`: not in a team (or the role is not known yet): nothing is held back here.
    role: Option<Member>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Member {
    /// No longer a member of the team.
    Removed,
    In {
        role: Role,
        /// Only some accounts.
        limited: bool,
    },
}

impl Permissions {
    /// Everything allowed: a workspace of one's own.
    pub fn everything() -> Self {
        Self::default()
    }

    /// The permissions of `role` (`None`: not a member any more), limited to some accounts or not.
    pub fn of(role: Option<Role>, limited: bool) -> Self {
        Self {
            role: Some(match role {
                Some(role) => Member::In { role, limited },
                None => Member::Removed,
            }),
        }
    }

    /// Why the member may not make changes of this kind, in words; `None` when they may.
    pub fn why_not(&self, capability: Capability) -> Option<&'static str> {
        use Capability::*;
        let (role, limited) = match &self.role {
            None => return None,
            Some(Member::Removed) => {
                return Some("You are no longer a member of this team: its owner removed you");
            }
            Some(Member::In { role, limited }) => (*role, *limited),
        };
        if capability == ManageMembers {
            return (role != Role::Owner)
                .then_some("Only the team's owners add and remove members");
        }
        let by_role = match role {
            Role::Owner => None,
            Role::Viewer => Some("Viewers cannot change anything in this team"),
            Role::Reviewer if !matches!(capability, Comment | ChangeStatus | Approve) => {
                Some("Reviewers can only comment and change a draft's status")
            }
            Role::Editor if capability == Approve => {
                Some("Only reviewers and owners can approve a draft")
            }
            Role::Reviewer | Role::Editor => None,
        };
        by_role.or_else(|| {
            (limited && capability == EditShared).then_some(
                "You may only change the accounts you were given, not what all accounts share",
            )
        })
    }

    /// True when the member may make changes of this kind.
    pub fn may(&self, capability: Capability) -> bool {
        self.why_not(capability).is_none()
    }
}

impl Workspace {
    /// What the member may do here, by the role remembered at the last sync.
    pub fn permissions(&self) -> Result<Permissions, WorkspaceError> {
        Ok(match self.team_role()? {
            None => Permissions::everything(),
            Some(remembered) => Permissions::of(remembered.role, remembered.accounts.is_some()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Capability::*;

    #[test]
    fn outside_a_team_everything_goes() {
        let p = Permissions::everything();
        assert!(
            [EditDrafts, Approve, Plan, ManageMembers]
                .iter()
                .all(|c| p.may(*c))
        );
    }

    #[test]
    fn the_roles_follow_the_servers_rule() {
        let viewer = Permissions::of(Some(Role::Viewer), false);
        assert_eq!(
            viewer.why_not(Comment),
            Some("Viewers cannot change anything in this team")
        );
        let reviewer = Permissions::of(Some(Role::Reviewer), false);
        assert!(reviewer.may(Comment) && reviewer.may(Approve) && reviewer.may(ChangeStatus));
        assert!(!reviewer.may(EditDrafts) && !reviewer.may(Plan));
        let editor = Permissions::of(Some(Role::Editor), false);
        assert!(editor.may(EditDrafts) && editor.may(Plan) && editor.may(EditShared));
        assert_eq!(
            editor.why_not(Approve),
            Some("Only reviewers and owners can approve a draft")
        );
        assert!(!editor.may(ManageMembers));
        let limited = Permissions::of(Some(Role::Editor), true);
        assert!(limited.may(EditDrafts) && limited.may(EditAccounts) && !limited.may(EditShared));
        let owner = Permissions::of(Some(Role::Owner), true);
        assert!(owner.may(ManageMembers) && owner.may(Approve) && !owner.may(EditShared));
        let removed = Permissions::of(None, false);
        assert!(!removed.may(Comment));
    }
}
