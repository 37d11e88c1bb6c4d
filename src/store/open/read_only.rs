//! Opening a workspace for reading only, on a medium Scrollstop cannot write to (or while
//! another window edits it): nothing is written to the file or its folder.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use super::{BUSY_TIMEOUT, classify, folder_is_read_only, inspect_existing, wal_path};
use crate::store::StoreError;

/// Opens the existing workspace at `path` for reading only: nothing is written to the file or
/// its folder. It must be of the latest schema, as an upgrade would have to write.
pub(crate) fn open_read_only(path: &Path, steps: &[&str]) -> Result<Connection, StoreError> {
    let latest = steps.len() as u32;
    let found = inspect_existing(path)?;
    if found > latest {
        return Err(StoreError::NewerVersion {
            path: path.to_path_buf(),
            found,
            supported: latest,
        });
    }
    if found < latest {
        return Err(StoreError::CannotUpgradeReadOnly {
            path: path.to_path_buf(),
            found,
        });
    }
    let conn = read_only_connection(path)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "query_only", true)?;
    Ok(conn)
}

/// A read-only connection that works on read-only media. A workspace in WAL mode needs its
/// `-shm` file; where the folder cannot hold one and no `-wal` file waits to be read, the file
/// is opened as immutable (nobody can be changing it there), so SQLite creates nothing.
pub(super) fn read_only_connection(path: &Path) -> Result<Connection, StoreError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let immutable = !wal_path(path).exists() && folder_is_read_only(path);
    let conn = if immutable {
        Connection::open_with_flags(
            format!("file:{}?immutable=1", uri_path(path)),
            flags | OpenFlags::SQLITE_OPEN_URI,
        )
    } else {
        Connection::open_with_flags(path, flags)
    };
    conn.map_err(|e| classify(path, e))
}

/// `path` written as the path part of an SQLite `file:` URI.
fn uri_path(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut out = String::with_capacity(text.len() + 8);
    // A Windows drive path (C:/...) needs an empty authority before it.
    if text.as_bytes().get(1) == Some(&b':') {
        out.push_str("///");
    }
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '?' => out.push_str("%3f"),
            '#' => out.push_str("%23"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_written_as_sqlite_uris() {
        assert_eq!(
            uri_path(Path::new("/data/team.sqlite")),
            "/data/team.sqlite"
        );
        assert_eq!(
            uri_path(Path::new("/data/50% #1?.sqlite")),
            "/data/50%25 %231%3f.sqlite"
        );
        assert_eq!(
            uri_path(Path::new("C:\\Users\\me\\team.sqlite")),
            "///C:/Users/me/team.sqlite"
        );
    }
}
