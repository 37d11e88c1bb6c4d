//! Opening whatever the user dropped: CSV files, XLSX workbooks, the ZIPs TikTok Studio
//! downloads come in, "Download your data" JSON, and folders holding any mix of them. Each
//! file is sent to the right reader by its content (never its name) through [`read_paths`],
//! the one entry point the window, the command line and the tests share.
//!
//! It never writes anything, never reads a file over the size limit (it checks a regular
//! file's size first, and counts every input's bytes as they arrive: a FIFO or a device
//! states no size), never opens a ZIP with too many entries or an entry pointing outside it,
//! never opens a macro-enabled or linked workbook, and never panics, whatever the bytes.
//! Files are named as the user knows them (`Followers_x.zip/FollowerActivity.csv`).

mod archive;
mod bounded;
mod folder;
mod names;
mod options;
mod stream;
mod tabular;
mod workbook;

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use self::archive::{Archive, is_zip};
pub use self::options::{Limits, ReadOptions, TableReader};
use self::tabular::{Sheet, read_tabular, read_text, table_as_csv};
use crate::io::account_data::{looks_like_account_data, read_account_data};
use crate::io::plausible::Checked;
use crate::io::studio::FIRST_TIKTOK_SECOND;
use crate::io::{ImportError, Sink};

/// What is known about a file from outside its bytes.
#[derive(Debug, Clone, Default)]
struct Origin {
    account_hint: Option<String>,
    stated: Option<DateTime<Utc>>,
    modified: Option<DateTime<Utc>>,
    zip_depth: usize,
}

/// Reads every dropped file and folder into `sink`. Returns the files refused as a whole (a
/// refused file pushes nothing); rows refused within a file go to the sink as rejections,
/// among them every record out of [bounds](crate::io::plausible). A folder with no file to
/// read is refused, saying what it holds.
pub fn read_paths(
    paths: &[PathBuf],
    options: &ReadOptions,
    sink: &mut dyn Sink,
) -> Vec<ImportError> {
    let sink = &mut Checked::new(sink, Utc::now());
    let mut errors = Vec::new();
    for path in paths {
        let shown_as = base_name(path);
        if path.is_dir() {
            match folder::files_in(path, &shown_as, &options.limits) {
                Ok(listing) if listing.files.is_empty() => {
                    errors.push(ImportError::NothingToImport {
                        folder: shown_as.clone(),
                        found: listing.described(),
                    });
                }
                Ok(listing) => {
                    for found in listing.files {
                        read_path(&found.path, &found.shown_as, options, sink, &mut errors);
                    }
                }
                Err(err) => errors.push(err),
            }
        } else {
            read_path(path, &shown_as, options, sink, &mut errors);
        }
    }
    errors
}

/// Reads bytes that came without a path (pasted, dragged from another app, tests), named
/// `file`; a ZIP's name still gives its account and export date.
pub fn read_bytes(
    file: &str,
    bytes: &[u8],
    options: &ReadOptions,
    sink: &mut dyn Sink,
) -> Vec<ImportError> {
    let sink = &mut Checked::new(sink, Utc::now());
    let mut errors = Vec::new();
    dispatch(file, bytes, &Origin::default(), options, sink, &mut errors);
    errors
}

fn base_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn read_path(
    path: &Path,
    shown_as: &str,
    options: &ReadOptions,
    sink: &mut dyn Sink,
    errors: &mut Vec<ImportError>,
) {
    let io_error = |source| ImportError::Io {
        path: path.to_path_buf(),
        source,
    };
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(source) => return errors.push(io_error(source)),
    };
    let limit = options.limits.max_file_bytes;
    // A regular file states its size: a big one is refused before a byte is read. Anything
    // else (a FIFO, a device) states none, and is held to the limit while it is read.
    if meta.is_file() && meta.len() > limit {
        return errors.push(too_large(shown_as, meta.len(), limit));
    }
    if meta.is_file()
        && meta.len() > options.limits.stream_over_bytes
        && let Some(result) = stream::read_streaming(path, shown_as, meta.len(), options, sink)
    {
        if let Err(err) = result {
            errors.push(err);
        }
        return;
    }
    let bytes = match bounded::read_within(path, limit) {
        Ok(bytes) => bytes,
        Err(source) => {
            return errors.push(match bounded::over_limit(&source) {
                Some(limit) => over_limit(shown_as, limit),
                None => io_error(source),
            });
        }
    };
    let modified = meta
        .modified()
        .ok()
        .map(DateTime::<Utc>::from)
        .filter(|m| m.timestamp() >= FIRST_TIKTOK_SECOND);
    let origin = Origin {
        modified,
        ..Origin::default()
    };
    dispatch(shown_as, &bytes, &origin, options, sink, errors);
}

fn over_limit(file: &str, limit: u64) -> ImportError {
    ImportError::OverLimit {
        file: file.to_string(),
        limit_mb: limit / 1_000_000,
    }
}

fn too_large(file: &str, size: u64, limit: u64) -> ImportError {
    ImportError::TooLarge {
        file: file.to_string(),
        size_mb: size.div_ceil(1_000_000),
        limit_mb: limit / 1_000_000,
    }
}

fn unreadable(file: &str, reason: impl Into<String>) -> ImportError {
    ImportError::Unreadable {
        file: file.to_string(),
        reason: reason.into(),
    }
}

/// Sends one file to its reader by what its bytes are.
fn dispatch(
    file: &str,
    bytes: &[u8],
    origin: &Origin,
    options: &ReadOptions,
    sink: &mut dyn Sink,
    errors: &mut Vec<ImportError>,
) {
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if size > options.limits.max_file_bytes {
        return errors.push(too_large(file, size, options.limits.max_file_bytes));
    }
    if is_zip(bytes) {
        let mut archive = match Archive::open(bytes, &options.limits) {
            Ok(archive) => archive,
            Err(reason) => return errors.push(unreadable(file, reason)),
        };
        if workbook::is_workbook(&archive) {
            return read_workbook(file, &mut archive, bytes, origin, options, sink, errors);
        }
        if let Some(reason) = workbook::other_document(&archive) {
            return errors.push(unreadable(file, reason));
        }
        return read_zip(file, &mut archive, origin, options, sink, errors);
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return errors.push(unreadable(file, "this is an old Excel .xls (or another Office binary) file; save it as .xlsx or CSV and import that"));
    }
    if looks_like_account_data(bytes) {
        if let Err(err) = read_account_data(file, bytes, sink) {
            errors.push(err);
        }
        return;
    }
    if let Err(err) = read_text(file, bytes, origin, options, sink) {
        errors.push(err);
    }
}

fn read_zip(
    file: &str,
    archive: &mut Archive<'_>,
    origin: &Origin,
    options: &ReadOptions,
    sink: &mut dyn Sink,
    errors: &mut Vec<ImportError>,
) {
    if origin.zip_depth >= 2 {
        return errors.push(unreadable(
            file,
            "this is a ZIP inside a ZIP inside a ZIP; unpack the outer ones and import the files",
        ));
    }
    let zip_name = names::read_zip_name(file.rsplit('/').next().unwrap_or(file));
    let inner = Origin {
        account_hint: zip_name
            .account_hint
            .or_else(|| origin.account_hint.clone()),
        stated: zip_name.stated.or(origin.stated),
        modified: origin.modified,
        zip_depth: origin.zip_depth + 1,
    };
    let (mut read_any, mut refused_any) = (false, false);
    for (index, name) in archive.names() {
        let shown = format!("{file}/{name}");
        match archive.read(index) {
            Ok(Some(entry)) => {
                read_any = true;
                let origin = Origin {
                    modified: entry.modified.or(inner.modified),
                    ..inner.clone()
                };
                dispatch(&shown, &entry.bytes, &origin, options, sink, errors);
            }
            Ok(None) => {}
            Err(reason) => {
                refused_any = true;
                errors.push(unreadable(&shown, reason));
            }
        }
    }
    if !read_any && !refused_any {
        errors.push(unreadable(file, "this ZIP holds no files"));
    }
}

fn read_workbook(
    file: &str,
    archive: &mut Archive<'_>,
    bytes: &[u8],
    origin: &Origin,
    options: &ReadOptions,
    sink: &mut dyn Sink,
    errors: &mut Vec<ImportError>,
) {
    let sheets = workbook::check_plain(archive).and_then(|()| workbook::sheets(bytes));
    let sheets = match sheets {
        Ok(sheets) if sheets.is_empty() => {
            return errors.push(unreadable(file, "this workbook has no sheet with data"));
        }
        Ok(sheets) => sheets,
        Err(reason) => return errors.push(unreadable(file, reason)),
    };
    let single = sheets.len() == 1;
    for (sheet, table) in sheets {
        let shown = if single {
            file.to_string()
        } else {
            format!("{file}[{sheet}]")
        };
        let input = Sheet {
            file: &shown,
            table: &table,
            encoding: "XLSX",
            notes: &[],
            origin,
        };
        if let Err(err) = read_tabular(&input, options, sink, &|| {
            std::borrow::Cow::Owned(table_as_csv(&table))
        }) {
            errors.push(err);
        }
    }
}

#[cfg(test)]
mod tests;
