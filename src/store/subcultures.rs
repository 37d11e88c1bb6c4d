//! Subcultures: shared by all accounts of the workspace; deleting moves them to the trash.

use chrono::Utc;
use rusqlite::{OptionalExtension, params};

use super::convert::{list, to_list, to_unix};
use super::{Store, StoreError};
use crate::domain::{Colour, Subculture, SubcultureId};

/// Settings key: the catalogue of subcultures was added (at the workspace's creation).
pub const CATALOGUE_SEEDED_KEY: &str = "subcultures.catalogue_seeded";

fn clean_name(name: &str) -> Result<String, StoreError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(StoreError::Conflict("A subculture needs a name.".into()));
    }
    Ok(name.to_string())
}

impl Store {
    /// Live (not trashed) subcultures, by name.
    pub fn subcultures(&self) -> Result<Vec<Subculture>, StoreError> {
        self.query_subcultures("WHERE trashed_at IS NULL")
    }

    /// Every subculture, those in the trash too, by name.
    pub fn subcultures_including_trashed(&self) -> Result<Vec<Subculture>, StoreError> {
        self.query_subcultures("")
    }

    fn query_subcultures(&self, filter: &str) -> Result<Vec<Subculture>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT id, name, hashtags, description, colour FROM subcultures
             {filter} ORDER BY name COLLATE NOCASE"
        ))?;
        let rows = stmt.query_map([], |r| {
            let colour: String = r.get(4)?;
            Ok(Subculture {
                id: SubcultureId(r.get(0)?),
                name: r.get(1)?,
                hashtags: list(r, 2)?,
                description: r.get(3)?,
                colour: Colour::from_hex(&colour).unwrap_or(Colour([0x88, 0x88, 0x88])),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Adds the catalogue a new workspace starts with, once in the workspace's life: the
    /// settings flag written in the same transaction keeps subcultures the user deleted from
    /// coming back on the next open, and a second process creating the same file at the same
    /// moment finds the flag and adds nothing. Names already taken are skipped. Returns how
    /// many were added.
    pub fn seed_subcultures_once(&mut self, catalogue: &[Subculture]) -> Result<usize, StoreError> {
        self.transaction(|conn| {
            let seeded: bool = conn.query_row(
                "SELECT EXISTS(SELECT 1 FROM settings WHERE key = ?1)",
                [CATALOGUE_SEEDED_KEY],
                |r| r.get(0),
            )?;
            if seeded {
                return Ok(0);
            }
            let now = to_unix(Utc::now());
            let mut added = 0;
            for s in catalogue {
                added += conn.execute(
                    "INSERT INTO subcultures (name, hashtags, description, colour, created_at)
                     SELECT ?1, ?2, ?3, ?4, ?5 WHERE NOT EXISTS (SELECT 1 FROM subcultures
                         WHERE name = ?1 COLLATE NOCASE AND trashed_at IS NULL)",
                    params![
                        s.name,
                        to_list(&s.hashtags),
                        s.description,
                        s.colour.to_hex(),
                        now
                    ],
                )?;
            }
            conn.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)",
                params![CATALOGUE_SEEDED_KEY, Utc::now().to_rfc3339()],
            )?;
            Ok(added)
        })
    }

    /// Adds a subculture; names are unique among live subcultures.
    pub fn add_subculture(
        &mut self,
        name: &str,
        hashtags: &[String],
        description: &str,
        colour: Colour,
    ) -> Result<SubcultureId, StoreError> {
        let name = clean_name(name)?;
        self.ensure_free_name(&name, None)?;
        self.conn.execute(
            "INSERT INTO subcultures (name, hashtags, description, colour, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                name,
                to_list(hashtags),
                description.trim(),
                colour.to_hex(),
                to_unix(Utc::now())
            ],
        )?;
        Ok(SubcultureId(self.conn.last_insert_rowid()))
    }

    /// Writes name, hashtags, description and colour.
    pub fn update_subculture(&mut self, s: &Subculture) -> Result<(), StoreError> {
        let name = clean_name(&s.name)?;
        self.ensure_free_name(&name, Some(s.id))?;
        let changed = self.conn.execute(
            "UPDATE subcultures SET name = ?2, hashtags = ?3, description = ?4, colour = ?5
             WHERE id = ?1 AND trashed_at IS NULL",
            params![
                s.id.0,
                name,
                to_list(&s.hashtags),
                s.description.trim(),
                s.colour.to_hex()
            ],
        )?;
        if changed == 0 {
            return Err(StoreError::NotFound {
                what: format!("Subculture {name}"),
            });
        }
        Ok(())
    }

    /// Moves a subculture to the trash; drafts keep pointing at it so a restore is complete.
    pub fn trash_subculture(&mut self, id: SubcultureId) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE subcultures SET trashed_at = ?2 WHERE id = ?1",
            params![id.0, to_unix(Utc::now())],
        )?;
        Ok(())
    }

    /// Brings a trashed subculture back (undo of a delete).
    pub fn restore_subculture(&mut self, id: SubcultureId) -> Result<(), StoreError> {
        let name: Option<String> = self
            .conn
            .query_row("SELECT name FROM subcultures WHERE id = ?1", [id.0], |r| {
                r.get(0)
            })
            .optional()?;
        let name = name.ok_or_else(|| StoreError::NotFound {
            what: format!("Subculture {}", id.0),
        })?;
        self.ensure_free_name(&name, Some(id))?;
        self.conn.execute(
            "UPDATE subcultures SET trashed_at = NULL WHERE id = ?1",
            [id.0],
        )?;
        Ok(())
    }

    fn ensure_free_name(&self, name: &str, except: Option<SubcultureId>) -> Result<(), StoreError> {
        let taken: bool = self.conn.query_row(
            "SELECT EXISTS(SELECT 1 FROM subcultures
                 WHERE name = ?1 COLLATE NOCASE AND trashed_at IS NULL AND id <> ?2)",
            params![name, except.map_or(-1, |i| i.0)],
            |r| r.get(0),
        )?;
        if taken {
            return Err(StoreError::Conflict(format!(
                "There is already a subculture called {name}."
            )));
        }
        Ok(())
    }
}
