//! Drafts and their review comments. Deleting moves a draft to the trash.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Row, params};

use super::convert::{instant, instant_opt, list, to_list, to_unix};
use super::{Store, StoreError};
use crate::domain::{
    AccountId, AspectRatio, Draft, DraftComment, DraftId, DraftOutline, DraftStatus,
    NativeFeatures, OpeningType, SubcultureId,
};

const COLUMNS: &str = "id, account_id, title, hook, opening, caption, hashtags, subculture_id, \
     sound, sound_bpm, duration_s, aspect, uses_text, uses_effects, uses_green_screen, \
     trending_effect, allow_duet, allow_stitch, allow_comments, language, region, media_path, \
     media_hash, status, assignee, notes, created_at, updated_at, trashed_at";

fn read(r: &Row<'_>) -> rusqlite::Result<Draft> {
    let opening: String = r.get(4)?;
    let aspect: String = r.get(11)?;
    let status: String = r.get(23)?;
    Ok(Draft {
        id: DraftId(r.get(0)?),
        account: AccountId(r.get(1)?),
        title: r.get(2)?,
        hook: r.get(3)?,
        opening: OpeningType::parse(&opening).unwrap_or(OpeningType::Other),
        caption: r.get(5)?,
        hashtags: list(r, 6)?,
        subculture: r.get::<_, Option<i64>>(7)?.map(SubcultureId),
        sound: r.get(8)?,
        sound_bpm: r.get(9)?,
        duration_s: r.get(10)?,
        aspect: AspectRatio::parse(&aspect).unwrap_or(AspectRatio::Vertical),
        features: NativeFeatures {
            text: r.get(12)?,
            effects: r.get(13)?,
            green_screen: r.get(14)?,
            trending_effect: r.get(15)?,
        },
        allow_duet: r.get(16)?,
        allow_stitch: r.get(17)?,
        allow_comments: r.get(18)?,
        language: r.get(19)?,
        region: r.get(20)?,
        media_path: r.get(21)?,
        media_hash: r.get(22)?,
        status: DraftStatus::parse(&status).unwrap_or(DraftStatus::Draft),
        assignee: r.get(24)?,
        notes: r.get(25)?,
        created_at: instant(r, 26)?,
        updated_at: instant(r, 27)?,
        trashed_at: instant_opt(r, 28)?,
    })
}

/// Inserts a draft on any connection or transaction (the demo and imports insert in bulk).
pub(crate) fn insert(conn: &rusqlite::Connection, d: &Draft) -> Result<DraftId, StoreError> {
    conn.prepare_cached(
        "INSERT INTO drafts (account_id, title, hook, opening, caption, hashtags, subculture_id,
             sound, sound_bpm, duration_s, aspect, uses_text, uses_effects, uses_green_screen,
             trending_effect, allow_duet, allow_stitch, allow_comments, language, region,
             media_path, media_hash, status, assignee, notes, created_at, updated_at, trashed_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
             ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28)",
    )?
    .execute(params![
        d.account.0,
        d.title,
        d.hook,
        d.opening.as_str(),
        d.caption,
        to_list(&d.hashtags),
        d.subculture.map(|s| s.0),
        d.sound,
        d.sound_bpm,
        d.duration_s,
        d.aspect.as_str(),
        d.features.text,
        d.features.effects,
        d.features.green_screen,
        d.features.trending_effect,
        d.allow_duet,
        d.allow_stitch,
        d.allow_comments,
        d.language,
        d.region,
        d.media_path,
        d.media_hash,
        d.status.as_str(),
        d.assignee,
        d.notes,
        to_unix(d.created_at),
        to_unix(d.updated_at),
        d.trashed_at.map(to_unix),
    ])?;
    Ok(DraftId(conn.last_insert_rowid()))
}

/// The live draft of the account with exactly this title and caption, if any (how a
/// re-imported drafts CSV knows a row is already there).
pub(crate) fn find_same(
    conn: &rusqlite::Connection,
    account: AccountId,
    title: &str,
    caption: &str,
) -> Result<Option<DraftId>, StoreError> {
    Ok(conn
        .prepare_cached(
            "SELECT id FROM drafts WHERE account_id = ?1 AND title = ?2 AND caption = ?3
             AND trashed_at IS NULL ORDER BY id LIMIT 1",
        )?
        .query_row(params![account.0, title, caption], |r| r.get(0))
        .optional()?
        .map(DraftId))
}

/// Writes every field of a draft with the given `updated_at`.
fn write(
    conn: &rusqlite::Connection,
    d: &Draft,
    updated_at: DateTime<Utc>,
) -> Result<(), StoreError> {
    let changed = conn
        .prepare_cached(
            "UPDATE drafts SET account_id = ?2, title = ?3, hook = ?4, opening = ?5, caption = ?6,
             hashtags = ?7, subculture_id = ?8, sound = ?9, sound_bpm = ?10, duration_s = ?11,
             aspect = ?12, uses_text = ?13, uses_effects = ?14, uses_green_screen = ?15,
             trending_effect = ?16, allow_duet = ?17, allow_stitch = ?18,
             allow_comments = ?19, language = ?20, region = ?21, media_path = ?22,
             media_hash = ?23, status = ?24, assignee = ?25, notes = ?26, updated_at = ?27
         WHERE id = ?1",
        )?
        .execute(params![
            d.id.0,
            d.account.0,
            d.title,
            d.hook,
            d.opening.as_str(),
            d.caption,
            to_list(&d.hashtags),
            d.subculture.map(|s| s.0),
            d.sound,
            d.sound_bpm,
            d.duration_s,
            d.aspect.as_str(),
            d.features.text,
            d.features.effects,
            d.features.green_screen,
            d.features.trending_effect,
            d.allow_duet,
            d.allow_stitch,
            d.allow_comments,
            d.language,
            d.region,
            d.media_path,
            d.media_hash,
            d.status.as_str(),
            d.assignee,
            d.notes,
            to_unix(updated_at),
        ])?;
    if changed == 0 {
        return Err(StoreError::NotFound {
            what: format!("Draft {}", d.id.0),
        });
    }
    Ok(())
}

impl Store {
    /// The account's drafts that are not in the trash, newest first.
    pub fn drafts(&self, account: AccountId) -> Result<Vec<Draft>, StoreError> {
        self.query_drafts("account_id = ?1 AND trashed_at IS NULL", account.0)
    }

    /// What the pickers list of the account's live drafts, in the order of [`Self::drafts`].
    pub fn draft_outlines(&self, account: AccountId) -> Result<Vec<DraftOutline>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, title, status FROM drafts
             WHERE account_id = ?1 AND trashed_at IS NULL ORDER BY updated_at DESC, id DESC",
        )?;
        let rows = stmt.query_map([account.0], |r| {
            Ok(DraftOutline {
                id: DraftId(r.get(0)?),
                title: r.get(1)?,
                status: DraftStatus::parse(r.get_ref(2)?.as_str()?).unwrap_or(DraftStatus::Draft),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The account's drafts in the trash, most recently trashed first.
    pub fn trashed_drafts(&self, account: AccountId) -> Result<Vec<Draft>, StoreError> {
        self.query_drafts("account_id = ?1 AND trashed_at IS NOT NULL", account.0)
    }

    /// One draft, trashed or not.
    pub fn draft(&self, id: DraftId) -> Result<Draft, StoreError> {
        self.query_drafts("id = ?1", id.0)?
            .pop()
            .ok_or_else(|| StoreError::NotFound {
                what: format!("Draft {}", id.0),
            })
    }

    fn query_drafts(&self, condition: &str, arg: i64) -> Result<Vec<Draft>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM drafts WHERE {condition}
             ORDER BY COALESCE(trashed_at, 0) DESC, updated_at DESC, id DESC"
        ))?;
        let rows = stmt.query_map([arg], read)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Adds a draft; its id, created and updated times are set here.
    pub fn add_draft(&mut self, draft: &Draft) -> Result<DraftId, StoreError> {
        let now = Utc::now();
        let d = Draft {
            created_at: now,
            updated_at: now,
            ..draft.clone()
        };
        insert(&self.conn, &d)
    }

    /// Writes every field of `draft` and stamps `updated_at`.
    pub fn update_draft(&mut self, d: &Draft) -> Result<(), StoreError> {
        write(&self.conn, d, Utc::now())
    }

    /// Writes every field of several drafts in one transaction, stamping `updated_at`.
    pub fn update_drafts(&mut self, drafts: &[Draft]) -> Result<(), StoreError> {
        let now = Utc::now();
        self.transaction(|tx| {
            for d in drafts {
                write(tx, d, now)?;
            }
            Ok(())
        })
    }

    /// Writes earlier versions of drafts back exactly as they were (undo), in one transaction;
    /// unlike [`Store::update_draft`] it keeps their `updated_at`.
    pub fn restore_draft_versions(&mut self, drafts: &[Draft]) -> Result<(), StoreError> {
        self.transaction(|tx| {
            for d in drafts {
                write(tx, d, d.updated_at)?;
            }
            Ok(())
        })
    }

    /// Moves drafts to the trash in one transaction.
    pub fn trash_drafts(&mut self, ids: &[DraftId]) -> Result<(), StoreError> {
        self.set_trashed(ids, Some(to_unix(Utc::now())))
    }

    /// Deletes drafts that are in the trash for good, with their comments and plan entries,
    /// in one transaction. Drafts not in the trash are left alone.
    pub fn delete_drafts_forever(&mut self, ids: &[DraftId]) -> Result<(), StoreError> {
        self.transaction(|tx| {
            let mut stmt =
                tx.prepare("DELETE FROM drafts WHERE id = ?1 AND trashed_at IS NOT NULL")?;
            for id in ids {
                stmt.execute([id.0])?;
            }
            Ok(())
        })
    }

    /// Brings drafts back from the trash in one transaction.
    pub fn restore_drafts(&mut self, ids: &[DraftId]) -> Result<(), StoreError> {
        self.set_trashed(ids, None)
    }

    fn set_trashed(&mut self, ids: &[DraftId], at: Option<i64>) -> Result<(), StoreError> {
        self.transaction(|tx| {
            let mut stmt = tx.prepare("UPDATE drafts SET trashed_at = ?2 WHERE id = ?1")?;
            for id in ids {
                stmt.execute(params![id.0, at])?;
            }
            Ok(())
        })
    }

    /// The review thread of a draft, oldest first.
    pub fn draft_comments(&self, draft: DraftId) -> Result<Vec<DraftComment>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, author, created_at, body FROM draft_comments
             WHERE draft_id = ?1 ORDER BY created_at, id",
        )?;
        let rows = stmt.query_map([draft.0], |r| {
            Ok(DraftComment {
                id: r.get(0)?,
                draft,
                author: r.get(1)?,
                at: instant(r, 2)?,
                text: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The draft a comment belongs to.
    pub fn draft_of_comment(&self, comment: i64) -> Result<Option<DraftId>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT draft_id FROM draft_comments WHERE id = ?1",
                [comment],
                |r| r.get(0),
            )
            .optional()?
            .map(DraftId))
    }

    /// Comments whose text contains `@` (every candidate mention), newest first, at most
    /// `limit`, each with its draft's title.
    pub fn comments_with_mentions(
        &self,
        limit: usize,
    ) -> Result<Vec<(DraftComment, String)>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.id, c.draft_id, c.author, c.created_at, c.body, d.title
             FROM draft_comments AS c JOIN drafts AS d ON d.id = c.draft_id
             WHERE instr(c.body, '@') > 0 AND d.trashed_at IS NULL
             ORDER BY c.created_at DESC, c.id DESC LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit.min(i64::MAX as usize) as i64], |r| {
            Ok((
                DraftComment {
                    id: r.get(0)?,
                    draft: DraftId(r.get(1)?),
                    author: r.get(2)?,
                    at: instant(r, 3)?,
                    text: r.get(4)?,
                },
                r.get(5)?,
            ))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Adds a comment to a draft's review thread.
    pub fn add_draft_comment(
        &mut self,
        draft: DraftId,
        author: &str,
        at: DateTime<Utc>,
        text: &str,
    ) -> Result<i64, StoreError> {
        self.conn.execute(
            "INSERT INTO draft_comments (draft_id, author, created_at, body) VALUES (?1, ?2, ?3, ?4)",
            params![draft.0, author, to_unix(at), text],
        )?;
        Ok(self.conn.last_insert_rowid())
    }
}
