//! Reading an input within the size limit, counted as the bytes arrive. A FIFO, a device
//! (`/dev/zero`) or a file that grows while it is read states no size up front, so the limit
//! is held while reading rather than taken from the file's metadata.
//!
//! It never reads more than one byte past the limit, and never holds more than the limit in
//! memory.

use std::fmt;
use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// More bytes arrived than the limit allows.
#[derive(Debug)]
pub(crate) struct OverLimit {
    pub limit: u64,
}

impl fmt::Display for OverLimit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "it goes on past {} MB, the limit for one file",
            self.limit / 1_000_000
        )
    }
}

impl std::error::Error for OverLimit {}

/// A reader that hands out at most `limit` bytes, then fails with [`OverLimit`] if the
/// source has more (rather than ending quietly, which would import a cut-off file).
pub(crate) struct Bounded<R> {
    inner: R,
    left: u64,
    limit: u64,
}

impl<R: Read> Bounded<R> {
    pub fn new(inner: R, limit: u64) -> Self {
        Bounded {
            inner,
            left: limit,
            limit,
        }
    }
}

impl<R: Read> Read for Bounded<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        if self.left == 0 {
            // The limit is reached: one more byte means the input is over it.
            let mut probe = [0u8; 1];
            return match self.inner.read(&mut probe)? {
                0 => Ok(0),
                _ => Err(io::Error::new(
                    io::ErrorKind::FileTooLarge,
                    OverLimit { limit: self.limit },
                )),
            };
        }
        let most = usize::try_from(self.left)
            .unwrap_or(usize::MAX)
            .min(buf.len());
        let n = self.inner.read(&mut buf[..most])?;
        self.left -= n as u64;
        Ok(n)
    }
}

/// The limit an error says was passed, when it is an [`OverLimit`].
pub(crate) fn over_limit(error: &io::Error) -> Option<u64> {
    error
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<OverLimit>())
        .map(|over| over.limit)
}

/// Reads all of `path` (any kind of file: regular, FIFO, device) if it holds at most `limit`
/// bytes; an input with more fails with [`OverLimit`] (see [`over_limit`]) once the limit
/// is passed.
pub(crate) fn read_within(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    let file = File::open(path)?;
    // A regular file's length sizes the buffer. Anything else gets room for the whole limit
    // at once: the system only hands out the pages that bytes arrive in, and a buffer that
    // grew by doubling would hold an old and a new copy (half again the limit) while it moves.
    let size = file
        .metadata()
        .ok()
        .filter(std::fs::Metadata::is_file)
        .map_or(limit, |m| m.len().min(limit));
    let mut bytes = Vec::new();
    let room = usize::try_from(size.saturating_add(1)).unwrap_or(usize::MAX);
    if bytes.try_reserve_exact(room).is_err() {
        bytes.reserve(64 * 1024);
    }
    Bounded::new(file, limit).read_to_end(&mut bytes)?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_input_at_the_limit_is_read_whole() {
        let mut out = Vec::new();
        Bounded::new(&b"12345"[..], 5)
            .read_to_end(&mut out)
            .expect("five bytes fit a limit of five");
        assert_eq!(out, b"12345");
    }

    #[test]
    fn one_byte_past_the_limit_is_an_error_naming_it() {
        let mut out = Vec::new();
        let err = Bounded::new(&b"123456"[..], 5)
            .read_to_end(&mut out)
            .expect_err("six bytes pass a limit of five");
        assert_eq!(over_limit(&err), Some(5));
        assert!(out.len() <= 5, "never hands out more than the limit");
    }

    #[test]
    fn an_endless_input_stops_at_the_limit() {
        let mut out = Vec::new();
        let err = Bounded::new(io::repeat(0), 3_000_000)
            .read_to_end(&mut out)
            .expect_err("an endless input passes any limit");
        assert_eq!(over_limit(&err), Some(3_000_000));
        assert!(
            err.get_ref()
                .is_some_and(|e| e.to_string().contains("3 MB"))
        );
        assert_eq!(out.len(), 3_000_000);
    }
}
