//! A draft's history and the workspace's recent changes, read from the edit log: who changed
//! what and when ("Priya changed the caption and the title").

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::ops::WHOLE;
use crate::domain::DraftId;
use crate::store::{EntityKind, LoggedOp};
use crate::workspace::{Workspace, WorkspaceError};

/// One edit's changes to one entity.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HistoryEntry {
    pub author: String,
    pub at: DateTime<Utc>,
    /// The entity's kind (`draft`, `account`, ...).
    pub kind: String,
    /// The entity's UUID.
    pub entity: String,
    /// The fields set, in the order they were logged (`*` for a whole entity created or
    /// removed).
    pub fields: Vec<String>,
    /// What the edit as a whole did ("Saved 3 drafts").
    pub summary: String,
    /// "Priya changed the caption and the title".
    pub sentence: String,
}

impl Workspace {
    /// Who changed the draft, what and when, oldest first.
    pub fn draft_history(&self, draft: DraftId) -> Result<Vec<HistoryEntry>, WorkspaceError> {
        let Some(uuid) = self
            .store
            .uuid_of(EntityKind::Draft, &draft.0.to_string())?
        else {
            return Ok(Vec::new());
        };
        Ok(group(self.store.ops_of(&uuid)?))
    }

    /// The workspace's latest changes, newest first, at most `limit` entries.
    pub fn recent_history(&self, limit: usize) -> Result<Vec<HistoryEntry>, WorkspaceError> {
        let mut ops = self.store.recent_ops(limit.saturating_mul(8))?;
        ops.reverse();
        let mut entries = group(ops);
        entries.reverse();
        entries.truncate(limit);
        Ok(entries)
    }

    /// The UUID of a draft, as the edit log and a team name it.
    pub fn draft_uuid(&self, draft: DraftId) -> Result<Option<String>, WorkspaceError> {
        Ok(self
            .store
            .uuid_of(EntityKind::Draft, &draft.0.to_string())?)
    }

    /// The draft with this UUID, if it is in the workspace.
    pub fn draft_by_uuid(&self, uuid: &str) -> Result<Option<DraftId>, WorkspaceError> {
        Ok(self
            .store
            .local_id_of(EntityKind::Draft, uuid)?
            .and_then(|id| id.parse().ok())
            .map(DraftId))
    }
}

/// Ops in log order, grouped by edit and entity.
fn group(ops: Vec<LoggedOp>) -> Vec<HistoryEntry> {
    let mut entries: Vec<(i64, HistoryEntry)> = Vec::new();
    for op in ops {
        match entries.last_mut() {
            Some((edit, entry)) if *edit == op.edit && entry.entity == op.entity => {
                if !entry.fields.contains(&op.field) {
                    entry.fields.push(op.field.clone());
                }
            }
            _ => entries.push((
                op.edit,
                HistoryEntry {
                    author: op.author.clone(),
                    at: op.at,
                    kind: op.kind.as_str().to_string(),
                    entity: op.entity.clone(),
                    fields: vec![op.field.clone()],
                    summary: op.summary.clone(),
                    sentence: String::new(),
                },
            )),
        }
        if let Some((_, entry)) = entries.last_mut() {
            let created = op.before.is_none() && op.field == WHOLE;
            let removed = op.value.is_none() && op.field == WHOLE;
            entry.sentence = sentence(entry, created, removed);
        }
    }
    entries.into_iter().map(|(_, e)| e).collect()
}

/// "Priya changed the caption and the title", "Priya created the draft".
fn sentence(entry: &HistoryEntry, created: bool, removed: bool) -> String {
    let thing = entry.kind.replace('_', " ");
    if created && entry.kind == "comment" {
        return format!("{} commented", entry.author);
    }
    if created {
        return format!("{} created the {thing}", entry.author);
    }
    if removed {
        return format!("{} removed the {thing}", entry.author);
    }
    let fields: Vec<String> = entry.fields.iter().map(|f| field_words(f)).collect();
    let listed = match fields.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    };
    if entry.fields == ["trashed_at"] || entry.fields == ["trashed"] {
        return format!("{} moved the {thing} to the trash or back", entry.author);
    }
    format!("{} changed {listed}", entry.author)
}

/// A field's name in words: "the caption", "the sound's BPM".
fn field_words(field: &str) -> String {
    let words = match field {
        "duration_s" => "duration",
        "sound_bpm" => "sound's BPM",
        "allow_duet" => "Duet setting",
        "allow_stitch" => "Stitch setting",
        "allow_comments" => "comments setting",
        "media_path" => "video file",
        "media_hash" => "video's fingerprint",
        "trashed_at" => "trash state",
        "wall_time" => "time",
        "features.text" => "on-screen text",
        "features.effects" => "effects",
        "features.green_screen" => "green screen",
        "features.trending_effect" => "trending effect",
        other => return format!("the {}", other.replace('_', " ")),
    };
    format!("the {words}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(fields: &[&str]) -> HistoryEntry {
        HistoryEntry {
            author: "Priya".into(),
            at: DateTime::UNIX_EPOCH,
            kind: "draft".into(),
            entity: "u".into(),
            fields: fields.iter().map(|f| f.to_string()).collect(),
            summary: String::new(),
            sentence: String::new(),
        }
    }

    #[test]
    fn sentences_name_the_author_and_the_fields_in_words() {
        assert_eq!(
            sentence(&entry(&["caption"]), false, false),
            "Priya changed the caption"
        );
        assert_eq!(
            sentence(&entry(&["caption", "title", "duration_s"]), false, false),
            "Priya changed the caption, the title and the duration"
        );
        assert_eq!(
            sentence(&entry(&["*"]), true, false),
            "Priya created the draft"
        );
    }
}
