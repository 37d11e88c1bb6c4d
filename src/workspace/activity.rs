//! The Activity of a workspace: the team's latest changes from the edit log, and the comments
//! that mention the member (`@Priya`), new ones marked unread until the member has seen them.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{Edit, HistoryEntry, Workspace, WorkspaceError};
use crate::domain::{DraftComment, DraftId};

/// Comments looked at for mentions, newest first.
const MENTIONS_LOOKED_AT: usize = 500;

/// A comment that mentions the member.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    pub comment: DraftComment,
    pub draft_title: String,
    /// Not seen yet (newer than the last time the member marked mentions read).
    pub unread: bool,
}

/// One change of the team's latest, with the draft it concerns when it concerns one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActivityEntry {
    pub change: HistoryEntry,
    pub draft: Option<(DraftId, String)>,
}

/// The settings key of the time up to which `member` has read their mentions (personal: it
/// is never published to a team).
fn read_key(member: &str) -> String {
    format!("activity.mentions_read.{}", member.to_lowercase())
}

/// True when `text` mentions `member`: `@` and the member's name, written whole without spaces
/// or as its first word (`@PriyaShah`, `@Priya`), in any case, not inside a longer word.
pub fn mentions(text: &str, member: &str) -> bool {
    let whole: String = member.split_whitespace().collect();
    let first = member.split_whitespace().next().unwrap_or("");
    let names = [whole.to_lowercase(), first.to_lowercase()];
    text.match_indices('@').any(|(at, _)| {
        let rest: String = text[at + 1..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '.')
            .collect::<String>()
            .trim_end_matches('.')
            .to_lowercase();
        !rest.is_empty() && names.iter().any(|n| !n.is_empty() && *n == rest)
    })
}

impl Workspace {
    /// Comments that mention `member`, newest first.
    pub fn mentions_of(&self, member: &str) -> Result<Vec<Mention>, WorkspaceError> {
        let read: Option<DateTime<Utc>> = self
            .store
            .setting(&read_key(member))?
            .and_then(|t| DateTime::parse_from_rfc3339(&t).ok())
            .map(|t| t.to_utc());
        Ok(self
            .store
            .comments_with_mentions(MENTIONS_LOOKED_AT)?
            .into_iter()
            .filter(|(c, _)| mentions(&c.text, member) && c.author != member)
            .map(|(comment, draft_title)| Mention {
                unread: read.is_none_or(|r| comment.at > r),
                comment,
                draft_title,
            })
            .collect())
    }

    /// The team's latest changes, newest first, each with the draft it concerns (a comment's
    /// draft too).
    pub fn activity(&self, limit: usize) -> Result<Vec<ActivityEntry>, WorkspaceError> {
        let changes = self.recent_history(limit)?;
        changes
            .into_iter()
            .map(|change| {
                let id = match change.kind.as_str() {
                    "draft" => self.draft_by_uuid(&change.entity)?,
                    "comment" => self
                        .store
                        .local_id_of(crate::store::EntityKind::Comment, &change.entity)?
                        .and_then(|id| id.parse().ok())
                        .map(|id| self.store.draft_of_comment(id))
                        .transpose()?
                        .flatten(),
                    _ => None,
                };
                let draft = id
                    .and_then(|id| self.draft(id).ok())
                    .map(|d| (d.id, d.display_title().to_string()));
                Ok(ActivityEntry { change, draft })
            })
            .collect()
    }

    /// `member` has seen every mention up to `now` (a personal setting, undoable).
    pub fn mark_mentions_read(
        &mut self,
        member: &str,
        now: DateTime<Utc>,
    ) -> Result<(), WorkspaceError> {
        self.apply(
            Edit::SetSetting {
                key: read_key(member),
                value: Some(now.to_rfc3339()),
            },
            member,
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::mentions;

    #[test]
    fn a_mention_is_the_members_name_after_an_at_sign() {
        assert!(mentions("@Priya can you look?", "Priya Shah"));
        assert!(mentions("thanks @priyashah.", "Priya Shah"));
        assert!(mentions("(@PRIYA)", "Priya"));
        assert!(!mentions("@Priyanka look", "Priya"));
        assert!(!mentions("mail priya@example.com", "Priya"));
        assert!(!mentions("Priya, look", "Priya"));
        assert!(!mentions("@", "Priya"));
    }
}
