//! The writes of each kind of record into the import's batch: daily metrics, follower
//! activity, audience shares, trend captures, videos (with their count snapshot) and drafts,
//! each counted per file, and after the last file the size of the post lists it brought.

use chrono::{DateTime, Utc};

use super::Writer;
use super::accounts::named;
use crate::domain::{
    AccountId, AudienceShare, DailyMetrics, FollowerActivity, Handle, TrendCapture,
};
use crate::io::{
    ActivityRecord, Collected, DraftRecord, FileSummary, PostList, ReportKind, ShareRecord,
    TrendRecord, VideoRecord,
};
use crate::stable_hash::hash_parts;
use crate::store::{Change, StoreError, VideoFields, VideoWrites};
use crate::workspace::WorkspaceError;
use crate::workspace::draft_import::{DraftRow, store_draft};
use crate::workspace::forecasting::{known_posts_key, top_posts_key};

impl Writer<'_, '_> {
    /// Remembers, for each account a top-posts list (Studio's Content export) or a list of all
    /// posts ("Download your data") went to, how many posts it holds: forecasts correct the
    /// account's level for a top-posts list, knowing how many posts there are.
    pub(super) fn note_top_lists(&mut self) -> Result<(), WorkspaceError> {
        for summary in &self.summaries {
            let (key, listed): (fn(AccountId) -> String, usize) = match summary.post_list {
                Some(PostList::MostViewed(n)) => (top_posts_key, n),
                Some(PostList::All(n)) => (known_posts_key, n),
                None => continue,
            };
            for shown in self
                .file_accounts
                .get(&summary.file)
                .into_iter()
                .flat_map(|f| &f.shown)
            {
                let Ok(handle) = Handle::parse(shown) else {
                    continue;
                };
                if let Some(account) = self.batch.find_account(&handle)? {
                    self.batch.set_setting(&key(account), &listed.to_string())?;
                }
            }
        }
        Ok(())
    }

    pub(super) fn write_daily(
        &mut self,
        file: &str,
        m: &DailyMetrics,
    ) -> Result<(), WorkspaceError> {
        self.tick()?;
        if let Some(account) = self.file_account(file, 0)? {
            let change = self.batch.upsert_daily_metrics(account, m)?;
            self.count(file).count(change);
        }
        Ok(())
    }

    pub(super) fn write_activity(
        &mut self,
        file: &str,
        a: &ActivityRecord,
    ) -> Result<(), WorkspaceError> {
        self.tick()?;
        if let Some(account) = self.file_account(file, 0)? {
            let change = self.batch.upsert_follower_activity(&FollowerActivity {
                account,
                date: a.date,
                hour: a.hour,
                active_followers: a.active_followers,
            })?;
            self.count(file).count(change);
        }
        Ok(())
    }

    pub(super) fn write_share(
        &mut self,
        file: &str,
        s: &ShareRecord,
    ) -> Result<(), WorkspaceError> {
        self.tick()?;
        if let Some(account) = self.file_account(file, 0)? {
            let change = self.batch.upsert_audience_share(&AudienceShare {
                account,
                dimension: s.dimension,
                key: s.key.clone(),
                share: s.share,
                captured_on: s.captured_on,
            })?;
            self.count(file).count(change);
        }
        Ok(())
    }

    pub(super) fn write_trend(
        &mut self,
        file: &str,
        t: &TrendRecord,
    ) -> Result<(), WorkspaceError> {
        self.tick()?;
        let id = self.batch.upsert_trend_item(&t.item)?;
        let added = self.batch.add_trend_capture(&TrendCapture {
            item: id,
            ..t.capture.clone()
        })?;
        let change = if added {
            Change::Added
        } else {
            Change::Unchanged
        };
        self.count(file).count(change);
        Ok(())
    }

    /// Writes a video; `file_handle` is the file's account for a row naming none (`None`:
    /// look it up from the file's summary).
    pub(super) fn write_video(
        &mut self,
        file: &str,
        v: &VideoRecord,
        enrichment: bool,
        file_handle: Option<&str>,
    ) -> Result<(), WorkspaceError> {
        self.tick()?;
        let own = v.account.as_deref().and_then(named);
        if self.contradicts_choice(file, v.line, own) {
            return Ok(());
        }
        let looked_up;
        let handle = match own {
            Some(handle) => Some(handle),
            None if file_handle.is_some() => file_handle,
            None => {
                looked_up = self.file_handle(file);
                looked_up.as_deref()
            }
        };
        let Some(account) = self.account(file, v.line, handle)? else {
            return Ok(());
        };
        if self.videos.is_none() {
            self.videos = Some(self.batch.video_writes()?);
        }
        let Some(writes) = self.videos.as_mut() else {
            return Ok(());
        };
        match store_video(writes, account, v, enrichment)? {
            Ok(change) => self.count(file).count(change),
            Err(reason) => self.reject_write(file, v.line, reason),
        }
        Ok(())
    }

    /// Writes every record of `c` (held for a file, or read before), in the order of the
    /// first import.
    pub(super) fn write_held(&mut self, c: &Collected) {
        let enrichment = |s: &[FileSummary], file: &str| {
            s.iter()
                .any(|s| s.file == file && s.kind == ReportKind::AccountData)
        };
        for (file, m) in &c.daily {
            self.attempt(|w| w.write_daily(file, m));
        }
        for (file, a) in &c.activity {
            self.attempt(|w| w.write_activity(file, a));
        }
        for (file, s) in &c.shares {
            self.attempt(|w| w.write_share(file, s));
        }
        for (file, v) in &c.videos {
            let enrichment = enrichment(&self.summaries, file);
            self.attempt(|w| w.write_video(file, v, enrichment, None));
        }
        for (file, t) in &c.trends {
            self.attempt(|w| w.write_trend(file, t));
        }
        for (file, d) in &c.drafts {
            self.attempt(|w| w.write_draft(file, d));
        }
    }

    /// Writes a draft of a drafts CSV (and its plan entry), or rejects it with the reason.
    pub(super) fn write_draft(
        &mut self,
        file: &str,
        d: &DraftRecord,
    ) -> Result<(), WorkspaceError> {
        self.tick()?;
        let handle = d
            .account
            .as_deref()
            .and_then(named)
            .map(str::to_string)
            .or_else(|| self.file_handle(file));
        let Some(account) = self.account(file, d.line, handle.as_deref())? else {
            return Ok(());
        };
        match store_draft(self.batch, account, d, self.options.imported_at)? {
            Ok(stored) => {
                self.count(file).count(stored.change);
                if let Some(note) = &stored.note
                    && let Some(summary) = self.summaries.iter_mut().rev().find(|s| s.file == file)
                {
                    summary.notes.push(format!("line {}: {note}", d.line));
                }
                let handle = handle
                    .as_deref()
                    .and_then(|h| Handle::parse(h).ok())
                    .expect("the row's account resolved, so it names a valid handle");
                self.drafts.push(DraftRow::new(file, &handle, d, stored));
            }
            Err(reason) => self.reject_write(file, d.line, reason),
        }
        Ok(())
    }
}

/// FNV-1a of the parts, for videos that come without TikTok's id.
fn derived_id(parts: &[&str]) -> String {
    format!("derived-{:016x}", hash_parts(parts))
}

/// Stores one video record; `Err(reason)` rejects the row.
fn store_video(
    writes: &mut VideoWrites<'_>,
    account: AccountId,
    v: &VideoRecord,
    enrichment_only: bool,
) -> Result<Result<Change, String>, StoreError> {
    let derived;
    let platform_id = match (&v.platform_id, v.posted_at) {
        (Some(id), _) if !id.trim().is_empty() => id.trim(),
        (_, Some(at)) => {
            derived = derived_id(&[&at.to_rfc3339(), v.caption.as_deref().unwrap_or("")]);
            derived.as_str()
        }
        _ => {
            return Ok(Err(
                "no video id, link or post time to tell which video this is".into(),
            ));
        }
    };
    // Only enrichment and a missing post time need to know whether the video is stored.
    let existing = if enrichment_only || v.posted_at.is_none() {
        writes.find(account, platform_id)?
    } else {
        None
    };
    if enrichment_only && existing.is_none() {
        return Ok(Ok(Change::Unchanged));
    }
    let Some(posted_at) = v
        .posted_at
        .or_else(|| existing.map(|_| DateTime::<Utc>::MIN_UTC))
    else {
        return Ok(Err("no post time".into()));
    };
    let video = VideoFields {
        account,
        platform_id,
        posted_at,
        caption: v.caption.as_deref().unwrap_or_default(),
        hashtags: &v.hashtags,
        duration_s: v.duration_s,
        sound: v.sound.as_deref(),
        link: v.link.as_deref(),
        allow_duet: v.allow_duet,
        allow_stitch: v.allow_stitch,
        allow_comments: v.allow_comments,
    };
    let (id, mut change) = writes.upsert(&video)?;
    if let Some(s) = &v.snapshot {
        let added = writes.add_snapshot(&s.for_video(id))?;
        if added && change == Change::Unchanged {
            change = Change::Updated;
        }
    }
    Ok(Ok(change))
}
