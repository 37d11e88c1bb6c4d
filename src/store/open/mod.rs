//! Opening a workspace file safely: inspect read-only first, write only when the file is ours,
//! healthy and writable, and copy it aside before migrating an older schema. A workspace on a
//! medium Scrollstop cannot write to can be opened read-only instead ([`open_read_only`]).
//! A new workspace is built whole under a temporary name and linked into place, so no other
//! process ever opens a half-made one.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use super::StoreError;

mod create;
mod paths;
mod read_only;
#[cfg(test)]
mod tests;

use create::{Created, create_whole, with_patience};
pub(crate) use paths::{backup_folder_of, beside, existing_backups};
use paths::{folder_is_read_only, folder_of, shm_path, wal_path};
pub(crate) use read_only::open_read_only;
use read_only::read_only_connection;

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// How long a writer waits for another process holding the workspace before giving up.
pub(crate) const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The page size of a new workspace file, in bytes.
const NEW_PAGE_SIZE: i64 = 16_384;

/// What the read-only inspection found.
struct Inspection {
    version: u32,
}

/// Opens `path` for reading and writing, migrated to the last of `steps`. A missing file is
/// created (never its folder); when creating or migrating it fails, the new file is removed
/// again, so no half-made workspace stays behind.
pub(crate) fn open_checked(path: &Path, steps: &[&str]) -> Result<Connection, StoreError> {
    let latest = steps.len() as u32;
    let existing = match fs::metadata(path) {
        Ok(meta) if meta.is_dir() => {
            return Err(StoreError::IsAFolder {
                path: path.to_path_buf(),
            });
        }
        Ok(meta) => meta.len() > 0,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => false,
        Err(source) => {
            return Err(StoreError::Io {
                path: path.to_path_buf(),
                source,
            });
        }
    };

    if existing {
        check_magic(path)?;
        check_writable(path)?;
        let found = inspect(path)?;
        if found.version > latest {
            return Err(StoreError::NewerVersion {
                path: path.to_path_buf(),
                found: found.version,
                supported: latest,
            });
        }
        if found.version > 0 && found.version < latest {
            copy_aside(path, found.version)?;
        }
        return connect(path, steps, false);
    }
    let parent = folder_of(path);
    if !parent.is_dir() {
        return Err(StoreError::NoFolder {
            path: path.to_path_buf(),
            folder: parent.to_path_buf(),
        });
    }
    if is_read_only(parent) {
        return Err(StoreError::ReadOnly {
            path: path.to_path_buf(),
        });
    }
    if !path.exists() {
        match create_whole(path, steps)? {
            Created::InPlace(conn) => return Ok(conn),
            // Ours or another process's, made whole before it appeared: open it as it is.
            Created::Linked | Created::SomeoneElse => {}
        }
    }
    let fresh = fs::metadata(path).map(|m| m.len() == 0).unwrap_or(false);
    if fresh {
        // An empty file someone made (`touch`): made into a workspace where it is. It is not
        // ours to remove if that fails.
        return with_patience(|| connect(path, steps, true));
    }
    open_checked(path, steps)
}

/// Another connection to a workspace this process already opened with [`open_checked`] (a
/// background thread's). The file was inspected (`quick_check`, a tenth of a second or more
/// on a team's workspace) and migrated then, so a file at the latest schema is only connected
/// to; anything else (a missing file, another schema) takes the whole [`open_checked`].
pub(crate) fn connect_again(path: &Path, steps: &[&str]) -> Result<Connection, StoreError> {
    if !path.is_file() {
        return open_checked(path, steps);
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(|e| classify(path, e))?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    let version: u32 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| classify(path, e))?;
    if version != steps.len() as u32 {
        drop(conn);
        return open_checked(path, steps);
    }
    tune(&conn)?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(conn)
}

/// The settings every connection of Scrollstop's has (the journal mode is kept by the file).
fn tune(conn: &Connection) -> Result<(), StoreError> {
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "cache_size", -CACHE_KIB)?;
    Ok(())
}

/// Each connection's page cache, in KiB (SQLite's default is 2 MB), taken only as pages are
/// used. The window holds several connections (its own, the checks', the forecaster's, a
/// backup's), so each keeps at most this much of a big workspace in memory.
pub(crate) const CACHE_KIB: i64 = 16_384;

/// The page cache of a connection while it imports: a big import inserts into the video index
/// in random order, and with a small cache nearly every insert read a page back from the file
/// and spilled another. Back to [`CACHE_KIB`] when the import's batch ends.
pub(crate) const IMPORT_CACHE_KIB: i64 = 131_072;

/// Runs `work` with the connection's page cache at `kib` KiB, then sets the cache back to what
/// it was, whether `work` succeeded or not.
pub(crate) fn with_cache<T>(
    conn: &Connection,
    kib: i64,
    work: impl FnOnce() -> T,
) -> rusqlite::Result<T> {
    let cache: i64 = conn.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
    conn.pragma_update(None, "cache_size", -kib)?;
    let done = work();
    conn.pragma_update(None, "cache_size", cache)?;
    Ok(done)
}

/// The connection with Scrollstop's settings, migrated to the last of `steps`.
fn connect(path: &Path, steps: &[&str], new: bool) -> Result<Connection, StoreError> {
    let mut conn = Connection::open(path).map_err(|e| classify(path, e))?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    if new {
        // 16 KB pages (SQLite's default is 4 KB): a million-row import descends and splits a
        // quarter as many B-tree pages. Only a new file can choose; older ones keep theirs.
        conn.pragma_update(None, "page_size", NEW_PAGE_SIZE)?;
    }
    conn.pragma_update(None, "journal_mode", "WAL")?;
    tune(&conn)?;
    // Foreign keys are enforced from here on (the migration turns them on when it ends).
    let found = super::schema::migrate(&mut conn, steps)?;
    if found > steps.len() as u32 {
        return Err(StoreError::NewerVersion {
            path: path.to_path_buf(),
            found,
            supported: steps.len() as u32,
        });
    }
    Ok(conn)
}

/// Removes a workspace file this process has just created, with SQLite's files beside it,
/// after creating it failed (a full disk): nothing half-made stays behind.
pub(crate) fn remove_new_workspace(path: &Path) {
    for file in [path.to_path_buf(), wal_path(path), shm_path(path)] {
        let _ = fs::remove_file(file);
    }
}

fn check_magic(path: &Path) -> Result<(), StoreError> {
    let mut header = [0u8; 16];
    let mut file = fs::File::open(path).map_err(|source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let read = file.read(&mut header).map_err(|source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    if read < 16 || &header != SQLITE_MAGIC {
        return Err(StoreError::NotSqlite {
            path: path.to_path_buf(),
        });
    }
    Ok(())
}

/// Permission bits say so, or the medium refuses writing (a read-only mount, an immutable
/// file: these stop even root, to whom the bits mean nothing). Opening for writing without
/// writing leaves the file's bytes and times as they were.
fn is_read_only(path: &Path) -> bool {
    let Ok(meta) = fs::metadata(path) else {
        return false;
    };
    if meta.permissions().readonly() {
        return true;
    }
    if meta.is_dir() {
        return folder_refuses_files(path);
    }
    fs::OpenOptions::new().write(true).open(path).is_err()
}

/// SQLite keeps its `-wal` and `-shm` files beside the workspace: a folder where no file can
/// be created is as read-only as the file. Probed with an empty file, removed at once.
fn folder_refuses_files(dir: &Path) -> bool {
    let probe = dir.join(format!(".scrollstop-probe-{}", std::process::id()));
    match fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&probe)
    {
        Ok(_) => {
            let _ = fs::remove_file(&probe);
            false
        }
        Err(e) => e.kind() != std::io::ErrorKind::AlreadyExists,
    }
}

/// SQLite's `-wal` and `-shm` files that a look at a workspace created and that hold nothing
/// are removed again when the look fails (a damaged file): a failed `scrollstop info` leaves
/// the folder as it found it.
struct SidecarsCreatedBy {
    wal: Option<PathBuf>,
    shm: Option<PathBuf>,
}

impl SidecarsCreatedBy {
    /// Notes which of the workspace's `-wal`/`-shm` files are not there yet.
    fn before(path: &Path) -> Self {
        let absent = |p: PathBuf| (!p.exists()).then_some(p);
        Self {
            wal: absent(wal_path(path)),
            shm: absent(shm_path(path)),
        }
    }

    /// Removes the ones that appeared since, when the `-wal` holds nothing.
    fn remove(self) {
        let wal_empty = self
            .wal
            .as_ref()
            .is_none_or(|p| fs::metadata(p).map_or(true, |m| m.len() == 0));
        if !wal_empty {
            return;
        }
        for p in [self.wal, self.shm].into_iter().flatten() {
            let _ = fs::remove_file(p);
        }
    }
}

fn check_writable(path: &Path) -> Result<(), StoreError> {
    if is_read_only(path) || folder_is_read_only(path) {
        return Err(StoreError::ReadOnly {
            path: path.to_path_buf(),
        });
    }
    Ok(())
}

/// The schema version of the existing workspace file at `path`, after checking (without
/// writing) that it is a healthy Scrollstop workspace or an empty SQLite file.
pub(super) fn inspect_existing(path: &Path) -> Result<u32, StoreError> {
    match fs::metadata(path) {
        Ok(meta) if meta.is_dir() => {
            return Err(StoreError::IsAFolder {
                path: path.to_path_buf(),
            });
        }
        Ok(_) => {}
        Err(source) => {
            return Err(StoreError::Io {
                path: path.to_path_buf(),
                source,
            });
        }
    }
    check_magic(path)?;
    Ok(inspect(path)?.version)
}

fn inspect(path: &Path) -> Result<Inspection, StoreError> {
    let sidecars = SidecarsCreatedBy::before(path);
    let found = inspect_connected(path);
    // Only a damaged file's: a look that failed for another reason (busy, a database of
    // another program) may have met another process's live `-wal`/`-shm`.
    if let Err(StoreError::Corrupt { .. } | StoreError::NotSqlite { .. }) = &found {
        sidecars.remove();
    }
    found
}

fn inspect_connected(path: &Path) -> Result<Inspection, StoreError> {
    let conn = read_only_connection(path)?;
    let check: String = conn
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .map_err(|e| classify(path, e))?;
    if check != "ok" {
        return Err(StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: check,
            backups: existing_backups(path),
        });
    }
    let version: u32 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| classify(path, e))?;
    if version == 0 {
        let tables: i64 = conn
            .query_row(
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'",
                [],
                |r| r.get(0),
            )
            .map_err(|e| classify(path, e))?;
        if tables > 0 {
            return Err(StoreError::NotAWorkspace {
                path: path.to_path_buf(),
            });
        }
    }
    Ok(Inspection { version })
}

/// Turns SQLite's low-level codes into errors a user can act on.
fn classify(path: &Path, error: rusqlite::Error) -> StoreError {
    use rusqlite::ErrorCode;
    match error.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => StoreError::NotSqlite {
            path: path.to_path_buf(),
        },
        Some(ErrorCode::DatabaseCorrupt) => StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: error.to_string(),
            backups: existing_backups(path),
        },
        _ if super::error::is_disk_full(&error) => StoreError::DiskFull {
            detail: error.to_string(),
        },
        Some(ErrorCode::ReadOnly)
        | Some(ErrorCode::CannotOpen)
        | Some(ErrorCode::PermissionDenied) => StoreError::ReadOnly {
            path: path.to_path_buf(),
        },
        _ => StoreError::Sqlite(error),
    }
}

/// `scrollstop.sqlite` at version 1 is copied to `scrollstop.sqlite.v1.bak` before migrating.
fn copy_aside(path: &Path, version: u32) -> Result<PathBuf, StoreError> {
    let target = beside(path, &format!(".v{version}.bak"));
    let source = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| classify(path, e))?;
    source
        .backup(rusqlite::MAIN_DB, &target, None)
        .map_err(|source| StoreError::Backup {
            path: target.clone(),
            source,
        })?;
    Ok(target)
}
