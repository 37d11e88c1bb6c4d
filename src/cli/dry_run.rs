//! `scrollstop import --dry-run`: the preview of an import, which never writes, and never
//! creates the workspace either. An existing workspace previews in a transaction that is
//! rolled back; a workspace that does not exist yet previews against a new one made in a
//! scratch folder (so the preview is what the first import would do) that is removed again.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::workspace::{ImportOptions, ImportReport, Silent, Workspace};

/// A folder in the system's temporary directory, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> std::io::Result<Self> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let dir =
            std::env::temp_dir().join(format!("scrollstop-dry-run-{}-{nanos}", std::process::id()));
        std::fs::create_dir(&dir)?;
        Ok(Self(dir))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Previews importing `paths` into the workspace at `path`, creating nothing there.
pub(super) fn preview_import(
    path: &Path,
    paths: &[PathBuf],
    options: ImportOptions,
    json: bool,
    out: &mut dyn Write,
) -> anyhow::Result<ImportReport> {
    let folder_exists = path
        .parent()
        .is_none_or(|p| p.as_os_str().is_empty() || p.is_dir());
    if path.exists() || !folder_exists {
        // An existing workspace; or a missing folder, which opening reports (creating nothing).
        let mut workspace = Workspace::open_existing(path)?;
        return Ok(workspace.prepare_import(paths, options, &Silent)?.report);
    }
    if !json {
        writeln!(
            out,
            "{} does not exist yet: previewing its first import (it is not created).",
            path.display()
        )?;
    }
    let scratch = Scratch::new().map_err(|e| {
        anyhow::anyhow!(
            "could not make a scratch folder for the dry run in the temporary directory: {e}"
        )
    })?;
    let report = {
        let mut workspace = Workspace::open(&scratch.0.join("dry-run.sqlite"))?;
        workspace.prepare_import(paths, options, &Silent)?.report
    };
    drop(scratch);
    Ok(report)
}
