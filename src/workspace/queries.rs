//! What the views and the command line read: the workspace's data through one door, so they
//! never name the store. Each query reads the local workspace file as it is now.

use chrono::{DateTime, Utc};

use super::{Workspace, WorkspaceError};
use crate::domain::{
    Account, AccountId, AudienceDimension, AudienceShare, DailyMetrics, Draft, DraftComment,
    DraftId, DraftOutline, ImportRecord, PlanEntry, Subculture, TrendCapture, TrendItem,
};
use crate::store::{
    HourOfWeekProfile, StatusCounts, StoreError, TableCounts, VideoWithLatest, VideoWithSnapshots,
};

type Read<T> = Result<T, WorkspaceError>;

impl Workspace {
    /// The live accounts, by handle.
    pub fn accounts(&self) -> Read<Vec<Account>> {
        Ok(self.store.accounts()?)
    }

    /// One account (a trashed one too).
    pub fn account(&self, id: AccountId) -> Read<Account> {
        Ok(self.store.account(id)?)
    }

    /// The account's live drafts, most recently changed first.
    pub fn drafts(&self, account: AccountId) -> Read<Vec<Draft>> {
        Ok(self.store.drafts(account)?)
    }

    /// What the pickers list of the account's live drafts, most recently changed first (much
    /// quicker to read than [`Self::drafts`]).
    pub fn draft_outlines(&self, account: AccountId) -> Read<Vec<DraftOutline>> {
        Ok(self.store.draft_outlines(account)?)
    }

    /// The account's drafts in the trash.
    pub fn trashed_drafts(&self, account: AccountId) -> Read<Vec<Draft>> {
        Ok(self.store.trashed_drafts(account)?)
    }

    /// One draft (a trashed one too).
    pub fn draft(&self, id: DraftId) -> Read<Draft> {
        Ok(self.store.draft(id)?)
    }

    /// The draft, unless it is in the trash or gone.
    pub fn live_draft(&self, id: DraftId) -> Read<Option<Draft>> {
        match self.store.draft(id) {
            Ok(draft) => Ok(draft.trashed_at.is_none().then_some(draft)),
            Err(StoreError::NotFound { .. }) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// The draft's review thread, oldest first.
    pub fn draft_comments(&self, draft: DraftId) -> Read<Vec<DraftComment>> {
        Ok(self.store.draft_comments(draft)?)
    }

    /// The live subcultures, by name.
    pub fn subcultures(&self) -> Read<Vec<Subculture>> {
        Ok(self.store.subcultures()?)
    }

    /// Every trend item with its captures.
    pub fn trends(&self) -> Read<Vec<(TrendItem, Vec<TrendCapture>)>> {
        Ok(self.store.trends()?)
    }

    /// The account's imported videos with their snapshots.
    pub fn videos(&self, account: AccountId) -> Read<Vec<VideoWithSnapshots>> {
        Ok(self.store.videos(account)?)
    }

    /// The account's imported videos, each with its latest snapshot only (what tables of
    /// measured videos show), oldest post first.
    pub fn videos_with_latest(&self, account: AccountId) -> Read<Vec<VideoWithLatest>> {
        Ok(self.store.videos_with_latest(account)?)
    }

    /// The account's daily totals.
    pub fn daily_metrics(&self, account: AccountId) -> Read<Vec<DailyMetrics>> {
        Ok(self.store.daily_metrics(account)?)
    }

    /// When the account's followers are online, by hour of the week.
    pub fn hour_of_week_profile(&self, account: AccountId) -> Read<HourOfWeekProfile> {
        Ok(self.store.hour_of_week_profile(account)?)
    }

    /// The account's audience by one dimension (country, gender, age).
    pub fn audience_shares(
        &self,
        account: AccountId,
        dimension: AudienceDimension,
    ) -> Read<Vec<AudienceShare>> {
        Ok(self.store.audience_shares(account, dimension)?)
    }

    /// The account's plan entries whose instants fall in `from..to`.
    pub fn plan_entries(
        &self,
        account: AccountId,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Read<Vec<PlanEntry>> {
        Ok(self.store.plan_entries(account, from, to)?)
    }

    /// A stored setting.
    pub fn setting(&self, key: &str) -> Read<Option<String>> {
        Ok(self.store.setting(key)?)
    }

    /// Every import, newest first.
    pub fn import_log(&self) -> Read<Vec<ImportRecord>> {
        Ok(self.store.import_log()?)
    }

    /// The row counts the status bar shows (not the snapshots: counting them reads them all).
    pub fn status_counts(&self) -> Read<StatusCounts> {
        Ok(self.store.status_counts()?)
    }

    /// Row counts of every table.
    pub fn counts(&self) -> Read<TableCounts> {
        Ok(self.store.counts()?)
    }

    /// True when the workspace holds no account and no draft.
    pub fn is_empty(&self) -> Read<bool> {
        Ok(self.store.is_empty()?)
    }

    /// The schema version of the file.
    pub fn schema_version(&self) -> Read<u32> {
        Ok(self.store.schema_version()?)
    }

    /// Changes whenever another connection committed since this one last looked.
    pub fn data_version(&self) -> Read<i64> {
        Ok(self.store.data_version()?)
    }
}
