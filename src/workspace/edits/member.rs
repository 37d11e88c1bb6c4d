//! Who is making the edits: the workspace's member name, set in Settings; in a team without
//! one, the member's login on the team's server (two members' computers may well share a user
//! name, and the merge tells teammates apart by name); else the computer's user name. Edits,
//! comments and the history are signed with it.

use crate::workspace::Workspace;

/// The settings key of the member name.
pub const MEMBER_SETTING: &str = "member.name";

/// The key earlier versions signed comments with; still read when no member name is set.
const EARLIER_SETTING: &str = "review.author";

impl Workspace {
    /// The name this workspace's edits are signed with: the member name from Settings, the
    /// team login, the computer's user name, or "Me".
    pub fn member_name(&self) -> String {
        let setting = |key: &str| self.store.setting(key).ok().flatten();
        setting(MEMBER_SETTING)
            .or_else(|| setting(EARLIER_SETTING))
            .or_else(|| Some(self.team().ok()??.0.login))
            .or_else(|| std::env::var("USER").ok())
            .or_else(|| std::env::var("USERNAME").ok())
            .map(|name| name.trim().to_string())
            .filter(|name| !name.is_empty())
            .unwrap_or_else(|| "Me".to_string())
    }
}
