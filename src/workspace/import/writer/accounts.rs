//! Which account a record goes to: the handle its row names, else its file's hint (a ZIP's
//! name, a history naming one account), else the account chosen for the import, else the one
//! account the files imported with it name. A handle met for the first time is created as an
//! account once; a record that ends up with none is refused (`refusals.rs` says why).

use std::collections::{HashMap, HashSet};

use chrono_tz::Tz;

use super::Writer;
use crate::domain::{AccountId, Handle, HandleError, NewAccount};
use crate::io::{Collected, FileSummary};
use crate::quick_hash::QuickHashing;
use crate::store::{Batch, StoreError};

/// The accounts one file's rows went to.
#[derive(Default)]
pub(super) struct FileAccounts {
    /// `@handle` of each, in the order first met.
    pub(super) shown: Vec<String>,
    /// Their ids: a row of an account already noted costs one lookup (a history interleaves
    /// thousands of accounts row by row).
    ids: HashSet<AccountId, QuickHashing>,
}

/// Handles resolved to accounts, creating missing ones once.
#[derive(Clone)]
pub(super) struct Accounts {
    zone: Tz,
    /// By handle as the files write it (`@Knitwit `), so a row costs one lookup.
    by_written: HashMap<String, AccountId, QuickHashing>,
    by_handle: HashMap<Handle, AccountId>,
    /// `@handle` of each account created.
    pub(super) created: Vec<String>,
}

impl Accounts {
    /// No account resolved yet; new ones are created in `zone`.
    pub(super) fn new(zone: Tz) -> Self {
        Self {
            zone,
            by_written: HashMap::default(),
            by_handle: HashMap::new(),
            created: Vec::new(),
        }
    }

    /// The account of a handle as written, creating it once; `Ok(Err)` when the text is not
    /// a TikTok handle.
    fn resolve(
        &mut self,
        batch: &Batch<'_>,
        written: &str,
    ) -> Result<Result<AccountId, HandleError>, StoreError> {
        if let Some(id) = self.by_written.get(written) {
            return Ok(Ok(*id));
        }
        let handle = match Handle::parse(written) {
            Ok(handle) => handle,
            Err(error) => return Ok(Err(error)),
        };
        let id = match self.by_handle.get(&handle) {
            Some(id) => *id,
            None => {
                let id = match batch.find_account(&handle)? {
                    Some(id) => id,
                    None => {
                        self.created.push(handle.to_string());
                        batch.add_account(&NewAccount {
                            handle: handle.clone(),
                            display_name: handle.as_str().to_string(),
                            time_zone: self.zone,
                            region: String::new(),
                            language: String::new(),
                        })?
                    }
                };
                self.by_handle.insert(handle, id);
                id
            }
        };
        self.by_written.insert(written.to_string(), id);
        Ok(Ok(id))
    }
}

/// A handle cell worth resolving: blank ones leave the record to its file's account.
pub(super) fn named(handle: &str) -> Option<&str> {
    (!handle.trim().is_empty()).then_some(handle)
}

/// The accounts a collection's files and rows name (`@handle`, first met first).
pub(super) fn named_accounts(c: &Collected) -> Vec<String> {
    let hints = c.files.iter().filter_map(|f| f.account_hint.as_deref());
    let videos = c.videos.iter().filter_map(|(_, v)| v.account.as_deref());
    let drafts = c.drafts.iter().filter_map(|(_, d)| d.account.as_deref());
    let mut found: Vec<String> = Vec::new();
    for handle in hints.chain(videos).chain(drafts) {
        if let Ok(handle) = Handle::parse(handle) {
            let shown = handle.to_string();
            if !found.contains(&shown) {
                found.push(shown);
            }
        }
    }
    found
}

impl Writer<'_, '_> {
    /// The account a file's records go to when a record does not say: the file's own hint
    /// (a ZIP's name, a history naming one account), else the one chosen for the import, else
    /// the one account the files imported with it name.
    pub(super) fn file_handle_in(&self, summary: &FileSummary) -> Option<String> {
        summary
            .account_hint
            .clone()
            .or_else(|| self.chosen_or_sibling())
    }

    pub(super) fn chosen_or_sibling(&self) -> Option<String> {
        match (&self.options.account, self.siblings.as_slice()) {
            (Some(chosen), _) => Some(chosen.as_str().to_string()),
            (None, [one]) => Some(one.trim_start_matches('@').to_string()),
            _ => None,
        }
    }

    pub(super) fn file_handle(&self, file: &str) -> Option<String> {
        match self.summaries.iter().rev().find(|s| s.file == file) {
            Some(summary) => self.file_handle_in(summary),
            None => self.chosen_or_sibling(),
        }
    }

    /// Resolves the record's account (creating it once), or rejects the record when neither
    /// it, its file nor the options name one.
    pub(super) fn account(
        &mut self,
        file: &str,
        line: usize,
        handle: Option<&str>,
    ) -> Result<Option<AccountId>, StoreError> {
        let Some(handle) = handle else {
            self.reject_unowned(file, line);
            return Ok(None);
        };
        let id = match self.accounts.resolve(self.batch, handle)? {
            Ok(id) => id,
            Err(error) => {
                self.reject_write(file, line, error.to_string());
                return Ok(None);
            }
        };
        self.note_account(file, id, handle);
        Ok(Some(id))
    }

    /// Adds account `id` (written `handle` in the row) to the accounts `file` went to,
    /// unless it is there already.
    fn note_account(&mut self, file: &str, id: AccountId, handle: &str) {
        if self
            .file_accounts
            .get(file)
            .is_some_and(|known| known.ids.contains(&id))
        {
            return;
        }
        let Ok(handle) = Handle::parse(handle) else {
            return;
        };
        let known = self.file_accounts.entry(file.to_string()).or_default();
        known.ids.insert(id);
        let shown = handle.to_string();
        if !known.shown.contains(&shown) {
            known.shown.push(shown);
        }
    }

    pub(super) fn file_account(
        &mut self,
        file: &str,
        line: usize,
    ) -> Result<Option<AccountId>, StoreError> {
        let handle = self.file_handle(file);
        self.account(file, line, handle.as_deref())
    }
}
