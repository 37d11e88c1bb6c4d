//! The one hash of text whose value never changes: FNV-1a, the same on every machine, in every
//! run and with every version of every dependency (the standard library's hasher promises none
//! of that). Caption fingerprints, ids derived for videos without TikTok's id, calendar UIDs of
//! imported drafts and the demo's per-part seeds all rest on it, so a value once stored or
//! compared must come out the same forever: never change the constants or the order of bytes.
//! It is not a cryptographic hash; media files are compared by SHA-256 elsewhere.

const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0100_0000_01b3;

/// FNV-1a over bytes, fed in pieces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StableHash(u64);

impl Default for StableHash {
    fn default() -> Self {
        Self(OFFSET)
    }
}

impl StableHash {
    /// Mixes in `bytes`, one byte at a time.
    pub fn bytes(self, bytes: &[u8]) -> Self {
        Self(bytes.iter().fold(self.0, |h, b| mix(h, u64::from(*b))))
    }

    /// Mixes in a whole 64-bit value in one step (for hashing hashes, not text).
    pub fn word(self, value: u64) -> Self {
        Self(mix(self.0, value))
    }

    /// The hash so far.
    pub fn finish(self) -> u64 {
        self.0
    }
}

fn mix(h: u64, value: u64) -> u64 {
    (h ^ value).wrapping_mul(PRIME)
}

/// The hash of `text`'s bytes.
pub fn hash_text(text: &str) -> u64 {
    StableHash::default().bytes(text.as_bytes()).finish()
}

/// The hash of several texts, each followed by a zero byte so `["ab", "c"]` and `["a", "bc"]`
/// differ.
pub fn hash_parts(parts: &[&str]) -> u64 {
    parts
        .iter()
        .fold(StableHash::default(), |h, p| {
            h.bytes(p.as_bytes()).bytes(&[0])
        })
        .finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_values_are_fnv_1a_and_never_change() {
        // The published FNV-1a 64 test vectors.
        assert_eq!(hash_text(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(hash_text("a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(hash_text("foobar"), 0x8594_4171_f739_67e8);
        assert_eq!(
            hash_parts(&["a"]),
            StableHash::default().bytes(b"a\0").finish()
        );
        assert_ne!(hash_parts(&["ab", "c"]), hash_parts(&["a", "bc"]));
    }
}
