//! Accounts: the TikTok accounts a team runs, with their zone and cadence.

use chrono::Utc;
use rusqlite::{OptionalExtension, Row, params};

use super::convert::{to_unix, zone};
use super::{Store, StoreError};
use crate::domain::{Account, AccountId, Cadence, Handle, NewAccount};

const COLUMNS: &str = "id, handle, display_name, time_zone, region, language, posts_per_day, \
     min_spacing_hours, allowed_days, first_hour, last_hour";

fn read(row: &Row<'_>) -> rusqlite::Result<Account> {
    Ok(Account {
        id: AccountId(row.get(0)?),
        // Never raw: a handle stored before handles were checked may hold control characters.
        handle: Handle::from_stored(&row.get::<_, String>(1)?),
        display_name: row.get(2)?,
        time_zone: zone(row, 3)?,
        region: row.get(4)?,
        language: row.get(5)?,
        cadence: Cadence {
            posts_per_day: row.get(6)?,
            min_spacing_hours: row.get(7)?,
            allowed_days: row.get(8)?,
            first_hour: row.get(9)?,
            last_hour: row.get(10)?,
        },
    })
}

impl Store {
    /// The live accounts (not in the trash), by handle.
    pub fn accounts(&self) -> Result<Vec<Account>, StoreError> {
        self.query_accounts("WHERE trashed_at IS NULL")
    }

    /// Every account, those in the trash too, by handle.
    pub fn accounts_including_trashed(&self) -> Result<Vec<Account>, StoreError> {
        self.query_accounts("")
    }

    fn query_accounts(&self, filter: &str) -> Result<Vec<Account>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM accounts {filter} ORDER BY handle COLLATE NOCASE"
        ))?;
        let rows = stmt.query_map([], read)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// One account by id.
    pub fn account(&self, id: AccountId) -> Result<Account, StoreError> {
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT {COLUMNS} FROM accounts WHERE id = ?1"))?;
        stmt.query_row([id.0], read)
            .optional()?
            .ok_or_else(|| StoreError::NotFound {
                what: format!("Account {}", id.0),
            })
    }

    /// Adds an account; handles are unique (case-insensitively).
    pub fn add_account(&mut self, new: &NewAccount) -> Result<AccountId, StoreError> {
        let handle = Handle::parse(new.handle.as_str())?;
        let handle = handle.as_str();
        let taken: bool = self.conn.query_row(
            "SELECT EXISTS(SELECT 1 FROM accounts WHERE handle = ?1)",
            [handle],
            |r| r.get(0),
        )?;
        if taken {
            return Err(StoreError::Conflict(format!(
                "The workspace already has an account @{handle} (perhaps deleted: undo the delete to get it back)."
            )));
        }
        self.conn.execute(
            "INSERT INTO accounts (handle, display_name, time_zone, region, language, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                handle,
                new.display_name.trim(),
                new.time_zone.name(),
                new.region.trim(),
                new.language.trim(),
                to_unix(Utc::now())
            ],
        )?;
        Ok(AccountId(self.conn.last_insert_rowid()))
    }

    /// Writes every field of `account` (handle, names, zone, cadence).
    pub fn update_account(&mut self, account: &Account) -> Result<(), StoreError> {
        // A handle read from an old workspace may break the rules: it is renamed, not kept.
        let handle = Handle::parse(account.handle.as_str())?;
        let handle = handle.as_str();
        let clash: bool = self.conn.query_row(
            "SELECT EXISTS(SELECT 1 FROM accounts WHERE handle = ?1 AND id <> ?2)",
            params![handle, account.id.0],
            |r| r.get(0),
        )?;
        if clash {
            return Err(StoreError::Conflict(format!(
                "Another account is already called @{handle}."
            )));
        }
        let c = &account.cadence;
        let changed = self.conn.execute(
            "UPDATE accounts SET handle = ?2, display_name = ?3, time_zone = ?4, region = ?5,
                 language = ?6, posts_per_day = ?7, min_spacing_hours = ?8, allowed_days = ?9,
                 first_hour = ?10, last_hour = ?11
             WHERE id = ?1",
            params![
                account.id.0,
                handle,
                account.display_name.trim(),
                account.time_zone.name(),
                account.region.trim(),
                account.language.trim(),
                c.posts_per_day,
                c.min_spacing_hours,
                c.allowed_days,
                c.first_hour,
                c.last_hour
            ],
        )?;
        if changed == 0 {
            return Err(StoreError::NotFound {
                what: format!("Account @{handle}"),
            });
        }
        Ok(())
    }

    /// Moves an account, and with it everything that belongs to it, to the trash: it
    /// disappears from every view until [`Store::restore_account`] brings it back.
    pub fn trash_account(&mut self, id: AccountId) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE accounts SET trashed_at = ?2 WHERE id = ?1",
            params![id.0, to_unix(Utc::now())],
        )?;
        Ok(())
    }

    /// Brings a trashed account back (undo of a delete).
    pub fn restore_account(&mut self, id: AccountId) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE accounts SET trashed_at = NULL WHERE id = ?1",
            [id.0],
        )?;
        Ok(())
    }
}
