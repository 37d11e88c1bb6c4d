//! The backups folder beside a workspace: rolling daily copies (the last [`KEEP_DAILY`] days)
//! and the copy set aside before each restore. For `team.sqlite` the folder is
//! `team.sqlite.backups/`, holding `scrollstop-2026-05-12.sqlite` (one a day) and
//! `before-restore-2026-05-12-183004.sqlite`. Only files named like that are listed or
//! pruned; anything else a user puts there is left alone.
//!
//! The clock is the caller's: every date comes in as an argument, so tests pass any day.

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};

use super::{Progress, Workspace, WorkspaceError};
use crate::store::{BackupError, CopyProgress, Restored};

/// How many daily backups are kept.
pub const KEEP_DAILY: usize = 7;

const DAILY_PREFIX: &str = "scrollstop-";
const BEFORE_RESTORE_PREFIX: &str = "before-restore-";
const EXTENSION: &str = ".sqlite";

/// Why a backup file exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackupKind {
    /// Taken automatically, once a day.
    Daily,
    /// The workspace as it was just before a restore replaced it.
    BeforeRestore,
}

/// One backup in the folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupFile {
    pub path: PathBuf,
    pub kind: BackupKind,
    /// The day it was taken (from its name).
    pub date: NaiveDate,
    /// When it was taken, to the second, where its name says (before-restore copies).
    pub taken: Option<NaiveDateTime>,
    /// Its size in bytes.
    pub bytes: u64,
}

/// The backups folder of one workspace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupFolder {
    dir: PathBuf,
}

impl BackupFolder {
    /// The folder of the workspace at `workspace`: its file name plus `.backups`.
    pub fn of(workspace: &Path) -> Self {
        Self {
            dir: crate::store::backup_folder_of(workspace),
        }
    }

    /// Where the backups live.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Where the daily backup of `day` goes.
    pub fn daily_path(&self, day: NaiveDate) -> PathBuf {
        self.dir.join(format!(
            "{DAILY_PREFIX}{}{EXTENSION}",
            day.format("%Y-%m-%d")
        ))
    }

    /// Where the copy set aside by a restore at `now` goes.
    pub fn before_restore_path(&self, now: NaiveDateTime) -> PathBuf {
        self.dir.join(format!(
            "{BEFORE_RESTORE_PREFIX}{}{EXTENSION}",
            now.format("%Y-%m-%d-%H%M%S")
        ))
    }

    /// Every backup, newest first. A folder that does not exist yet holds none.
    pub fn list(&self) -> Result<Vec<BackupFile>, WorkspaceError> {
        let entries = match std::fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(source) => return Err(self.error(source)),
        };
        let mut files = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|e| self.error(e))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some((kind, date, taken)) = parse_name(&name) else {
                continue;
            };
            let meta = entry.metadata().map_err(|e| self.error(e))?;
            if !meta.is_file() {
                continue;
            }
            files.push(BackupFile {
                path: entry.path(),
                kind,
                date,
                taken,
                bytes: meta.len(),
            });
        }
        files.sort_by(|a, b| {
            (b.date, b.taken, b.kind == BackupKind::Daily).cmp(&(
                a.date,
                a.taken,
                a.kind == BackupKind::Daily,
            ))
        });
        Ok(files)
    }

    /// True when no daily backup was taken on `today` or later.
    pub fn daily_due(&self, today: NaiveDate) -> Result<bool, WorkspaceError> {
        let newest = self
            .list()?
            .into_iter()
            .filter(|f| f.kind == BackupKind::Daily)
            .map(|f| f.date)
            .max();
        Ok(newest.is_none_or(|newest| newest < today))
    }

    /// Removes the daily backups beyond the newest `keep`; returns what it removed.
    pub fn prune(&self, keep: usize) -> Result<Vec<PathBuf>, WorkspaceError> {
        let mut removed = Vec::new();
        let daily = self
            .list()?
            .into_iter()
            .filter(|f| f.kind == BackupKind::Daily);
        for old in daily.skip(keep) {
            std::fs::remove_file(&old.path).map_err(|e| self.error(e))?;
            removed.push(old.path);
        }
        Ok(removed)
    }

    fn create(&self) -> Result<(), WorkspaceError> {
        std::fs::create_dir_all(&self.dir).map_err(|e| self.error(e))
    }

    fn error(&self, source: std::io::Error) -> WorkspaceError {
        WorkspaceError::BackupFolder {
            path: self.dir.clone(),
            source,
        }
    }
}

/// `scrollstop-2026-05-12.sqlite` and `before-restore-2026-05-12-183004.sqlite`.
fn parse_name(name: &str) -> Option<(BackupKind, NaiveDate, Option<NaiveDateTime>)> {
    let stem = name.strip_suffix(EXTENSION)?;
    if let Some(day) = stem.strip_prefix(DAILY_PREFIX) {
        let date = NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
        return Some((BackupKind::Daily, date, None));
    }
    let when = stem.strip_prefix(BEFORE_RESTORE_PREFIX)?;
    let taken = NaiveDateTime::parse_from_str(when, "%Y-%m-%d-%H%M%S").ok()?;
    Some((BackupKind::BeforeRestore, taken.date(), Some(taken)))
}

impl Workspace {
    /// The backups folder beside this workspace.
    pub fn backups(&self) -> BackupFolder {
        BackupFolder::of(self.path())
    }

    /// Takes the daily backup when none was taken on `today` yet, then keeps only the last
    /// [`KEEP_DAILY`]. Returns the new backup, or `None` when it was not due (or the
    /// workspace is read-only or still empty: there is nothing to lose).
    pub fn take_daily_backup(
        &self,
        today: NaiveDate,
    ) -> Result<Option<BackupFile>, WorkspaceError> {
        let folder = self.backups();
        if self.is_read_only() || self.store().is_empty()? || !folder.daily_due(today)? {
            return Ok(None);
        }
        folder.create()?;
        let path = folder.daily_path(today);
        let bytes = self.store().back_up_to(&path, &mut |_| true)?;
        folder.prune(KEEP_DAILY)?;
        Ok(Some(BackupFile {
            path,
            kind: BackupKind::Daily,
            date: today,
            taken: None,
            bytes,
        }))
    }

    /// Copies the workspace to `target` (a file the user chose), reporting progress. The
    /// workspace itself, its `-wal`/`-shm`/lock and anything that is not a regular or new file
    /// are refused (`export_file.rs`). Returns the copy's size in bytes.
    pub fn back_up_to(
        &self,
        target: &Path,
        progress: &dyn Progress,
    ) -> Result<u64, WorkspaceError> {
        let target = &super::export_file::check_target_for(
            self.path(),
            target,
            super::export_file::Written::BackupCopy,
        )?;
        let mut report = |p: CopyProgress| {
            progress.report(
                p.fraction(),
                &format!("Copied {} of {} pages", p.copied, p.total),
            );
            !progress.is_cancelled()
        };
        self.store()
            .back_up_to(target, &mut report)
            .map_err(cancelled_or)
    }

    /// Replaces the workspace's data with the backup at `backup`. The current data is first
    /// copied to the backups folder as `before-restore-….sqlite` (named from `now`), so a
    /// restore can itself be undone by restoring that copy. Reopen the workspace afterwards.
    pub fn restore_from(
        &mut self,
        backup: &Path,
        now: NaiveDateTime,
        progress: &dyn Progress,
    ) -> Result<Restored, WorkspaceError> {
        let folder = self.backups();
        folder.create()?;
        let set_aside = folder.before_restore_path(now);
        let mut report = |p: CopyProgress| {
            progress.report(p.fraction(), "Restoring the backup");
            !progress.is_cancelled()
        };
        self.store_mut()
            .restore_from(backup, &set_aside, &mut report)
            .map_err(cancelled_or)
    }
}

/// A cancelled copy is the one cancellation every job reports alike.
fn cancelled_or(error: BackupError) -> WorkspaceError {
    match error {
        BackupError::Cancelled => WorkspaceError::Cancelled,
        other => WorkspaceError::Backup(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_read_back_and_others_are_ignored() {
        let day = NaiveDate::from_ymd_opt(2026, 5, 12).unwrap();
        assert_eq!(
            parse_name("scrollstop-2026-05-12.sqlite"),
            Some((BackupKind::Daily, day, None))
        );
        let taken = day.and_hms_opt(18, 30, 4).unwrap();
        assert_eq!(
            parse_name("before-restore-2026-05-12-183004.sqlite"),
            Some((BackupKind::BeforeRestore, day, Some(taken)))
        );
        for other in [
            "scrollstop-2026-13-01.sqlite",
            ".scrollstop-2026-05-12.sqlite.partial",
            "notes.txt",
            "scrollstop-2026-05-12.sqlite-wal",
        ] {
            assert_eq!(parse_name(other), None, "{other}");
        }
        let folder = BackupFolder::of(Path::new("/data/team.sqlite"));
        assert_eq!(
            folder.daily_path(day),
            Path::new("/data/team.sqlite.backups/scrollstop-2026-05-12.sqlite")
        );
        assert_eq!(
            parse_name(
                &folder
                    .before_restore_path(taken)
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
            ),
            Some((BackupKind::BeforeRestore, day, Some(taken)))
        );
    }
}
