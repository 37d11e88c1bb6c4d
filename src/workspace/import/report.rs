//! What an import would do (the preview) or did (after commit): per file, the accounts its
//! rows went to and how many rows were added, updated, left alone or rejected; the rejected
//! rows with their reasons; whole-file errors; the accounts created; the draft rows.

use serde::Serialize;

use crate::io::{FileSummary, Rejected};
use crate::store::Change;
use crate::text::thousands;
use crate::workspace::draft_import::DraftRow;

/// Rows added, updated, left as they were, and rejected.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ChangeCounts {
    pub added: usize,
    pub updated: usize,
    pub skipped: usize,
    pub rejected: usize,
}

impl ChangeCounts {
    pub(super) fn count(&mut self, change: Change) {
        match change {
            Change::Added => self.added += 1,
            Change::Updated => self.updated += 1,
            Change::Unchanged => self.skipped += 1,
        }
    }

    /// `12 added, 3 updated, 1,040 unchanged, 1 rejected`.
    pub fn describe(&self) -> String {
        let count = |n: usize| thousands(n as i64);
        format!(
            "{} added, {} updated, {} unchanged, {} rejected",
            count(self.added),
            count(self.updated),
            count(self.skipped),
            count(self.rejected)
        )
    }
}

/// One file in the preview and the result.
#[derive(Debug, Clone, Serialize)]
pub struct FileReport {
    #[serde(flatten)]
    pub summary: FileSummary,
    /// The accounts the file's rows go to (`@handle`), in the order first met: a video
    /// history or a drafts CSV may name several. Empty when the file names none.
    pub accounts: Vec<String>,
    pub changes: ChangeCounts,
}

/// What an import would do (before commit) or did (after).
#[derive(Debug, Clone, Default, Serialize)]
pub struct ImportReport {
    pub files: Vec<FileReport>,
    pub rejected: Vec<Rejected>,
    /// Files that could not be read at all.
    pub errors: Vec<String>,
    /// Accounts the import creates.
    pub new_accounts: Vec<String>,
    /// The draft rows of drafts CSVs, each added or already there.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub drafts: Vec<DraftRow>,
    pub committed: bool,
}

impl ImportReport {
    /// True when some row or file could not be read.
    pub fn has_problems(&self) -> bool {
        !self.rejected.is_empty() || !self.errors.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::ChangeCounts;

    #[test]
    fn counts_are_written_with_thousands_separators() {
        let counts = ChangeCounts {
            added: 1_000_000,
            updated: 12,
            skipped: 1_040,
            rejected: 1,
        };
        assert_eq!(
            counts.describe(),
            "1,000,000 added, 12 updated, 1,040 unchanged, 1 rejected"
        );
    }
}
