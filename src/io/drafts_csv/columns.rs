//! The columns a drafts CSV can have and the header names each goes by. Header names are
//! compared as [`header_key`] writes them, so `Planned at`, `planned_at` and `PLANNED-AT` are
//! the same column; columns it does not know are ignored (and named in the file's notes).

use crate::io::generic::header_key;

/// A column of a drafts CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Column {
    Title,
    Hook,
    Caption,
    Hashtags,
    Subculture,
    DurationS,
    Aspect,
    Sound,
    Bpm,
    Opening,
    Status,
    Assignee,
    Notes,
    Account,
    PlannedAt,
    Language,
    Region,
    AllowDuet,
    AllowStitch,
    AllowComments,
}

/// Header names (as [`header_key`] writes them) of each column, best first.
const COLUMNS: [(Column, &str); 20] = [
    (Column::Title, "title workingtitle draft drafttitle"),
    (Column::Hook, "hook idea firstseconds"),
    (Column::Caption, "caption description desc posttext"),
    (Column::Hashtags, "hashtags hashtag tags"),
    (Column::Subculture, "subculture community niche"),
    (
        Column::DurationS,
        "durations duration durationsec durationseconds length",
    ),
    (Column::Aspect, "aspect aspectratio ratio format"),
    (Column::Sound, "sound music song audio"),
    (Column::Bpm, "bpm soundbpm tempo"),
    (Column::Opening, "opening openingtype"),
    (Column::Status, "status stage"),
    (Column::Assignee, "assignee assignedto owner"),
    (Column::Notes, "notes note"),
    (Column::Account, "account handle accounthandle"),
    (
        Column::PlannedAt,
        "plannedat planned plannedfor scheduledat scheduledfor postat publishat",
    ),
    (Column::Language, "language lang"),
    (Column::Region, "region country"),
    (Column::AllowDuet, "allowduet duet duetallowed"),
    (Column::AllowStitch, "allowstitch stitch stitchallowed"),
    (
        Column::AllowComments,
        "allowcomments commentsallowed comments",
    ),
];

/// Which column index holds each [`Column`] (first alias that matches wins).
pub(super) struct Columns {
    found: [Option<usize>; COLUMNS.len()],
    /// Headers no column took.
    pub ignored: Vec<String>,
}

impl Columns {
    pub fn find<S: AsRef<str>>(headers: &[S]) -> Columns {
        let keys: Vec<String> = headers.iter().map(|h| header_key(h.as_ref())).collect();
        let mut found = [None; COLUMNS.len()];
        for (slot, (_, aliases)) in found.iter_mut().zip(COLUMNS) {
            *slot = aliases
                .split_whitespace()
                .find_map(|a| keys.iter().position(|k| k == a));
        }
        let ignored = headers
            .iter()
            .enumerate()
            .filter(|(i, h)| !found.contains(&Some(*i)) && !h.as_ref().trim().is_empty())
            .map(|(_, h)| h.as_ref().trim().to_string())
            .collect();
        Columns { found, ignored }
    }

    pub fn get(&self, column: Column) -> Option<usize> {
        COLUMNS
            .iter()
            .position(|(c, _)| *c == column)
            .and_then(|i| self.found[i])
    }

    /// A caption column and a title or hook column: what tells a drafts CSV apart.
    pub fn is_drafts(&self) -> bool {
        self.get(Column::Caption).is_some()
            && (self.get(Column::Title).is_some() || self.get(Column::Hook).is_some())
    }
}
