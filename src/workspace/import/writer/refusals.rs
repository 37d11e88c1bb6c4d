//! Why a row is refused while writing, in words that say what to do next: a row naming no
//! account (one rejection per file, counting its rows), a row naming another account than an
//! explicit `--account`, and any other reason a write gives.

use super::Writer;
use crate::domain::Handle;
use crate::io::Rejected;

impl Writer<'_, '_> {
    pub(super) fn reject_write(&mut self, file: &str, line: usize, reason: String) {
        self.count(file).rejected += 1;
        self.write_rejected.push(Rejected {
            file: file.to_string(),
            line,
            reason,
        });
    }

    /// Rejects a row that names no account, in a file that names none either: the file gets
    /// one rejection that counts its rows (the cause and the cure are the same for each), at
    /// the line of its first such row.
    pub(super) fn reject_unowned(&mut self, file: &str, line: usize) {
        self.count(file).rejected += 1;
        let rows = match self.unowned.get_mut(file) {
            Some((at, rows)) => {
                *rows += 1;
                let (at, rows) = (*at, *rows);
                self.write_rejected[at].reason = unowned_reason(rows, &self.siblings);
                return;
            }
            None => 1,
        };
        self.unowned
            .insert(file.to_string(), (self.write_rejected.len(), rows));
        self.write_rejected.push(Rejected {
            file: file.to_string(),
            line,
            reason: unowned_reason(rows, &self.siblings),
        });
    }

    /// Rejects a row (or, at line 0, a file) that names another account than the one given
    /// explicitly: one rejection per file, counting its rows, showing both handles.
    pub(super) fn reject_contradicted(&mut self, file: &str, line: usize, named: &str) {
        self.count(file).rejected += 1;
        let chosen = self
            .options
            .account
            .as_ref()
            .map(Handle::to_string)
            .unwrap_or_default();
        let named = Handle::parse(named).map_or_else(|_| named.to_string(), |h| h.to_string());
        let reason = |rows: usize| {
            let what = if rows == 1 {
                "this row belongs".to_string()
            } else {
                format!("this row and {} more of the file belong", rows - 1)
            };
            format!(
                "{what} to {named}, but --account says {chosen}: leave out --account to import each file to the account it names, or pass --account {named}"
            )
        };
        if let Some((at, rows)) = self.contradicted.get_mut(file) {
            *rows += 1;
            let (at, rows) = (*at, *rows);
            self.write_rejected[at].reason = reason(rows);
            return;
        }
        self.contradicted
            .insert(file.to_string(), (self.write_rejected.len(), 1));
        self.write_rejected.push(Rejected {
            file: file.to_string(),
            line,
            reason: reason(1),
        });
    }

    /// With an explicit `--account`, a record or file naming another account is refused
    /// (true: rejected here).
    pub(super) fn contradicts_choice(
        &mut self,
        file: &str,
        line: usize,
        named: Option<&str>,
    ) -> bool {
        let (Some(chosen), Some(named)) = (&self.options.account, named) else {
            return false;
        };
        if !self.options.account_must_match {
            return false;
        }
        let same = Handle::parse(named).is_ok_and(|h| h == *chosen);
        if !same {
            self.reject_contradicted(file, line, named);
        }
        !same
    }
}

/// Why the rows of a file naming no account were refused; `rows` of them, among files that
/// name `siblings`.
fn unowned_reason(rows: usize, siblings: &[String]) -> String {
    let what = if rows == 1 {
        "this row does not say which account it belongs to".to_string()
    } else {
        format!(
            "this row and {} more of the file do not say which account they belong to",
            rows - 1
        )
    };
    if siblings.len() > 1 {
        return format!(
            "{what}, and the files imported with it name several ({}): import it on its own with --account HANDLE (in the window: choose the account for files without one)",
            siblings.join(", ")
        );
    }
    format!(
        "{what}, and neither do the file or the files imported with it: choose the account (--account HANDLE; in the window: the account for files without one)"
    )
}
