//! A quick hash for the maps a million-row import looks up once a row or more: video
//! identities, accounts by handle as written, the accounts each file went to. One multiply and
//! fold per 8 bytes, where the standard library's SipHash took about 9% of the writing thread
//! for the identities alone. The keys come from the user's own files, so SipHash's protection
//! against keys chosen to collide buys nothing here. Values are never stored or compared across
//! runs: a hash that must never change is [`crate::stable_hash`].

use std::hash::{BuildHasherDefault, Hasher};

/// Builds [`QuickHasher`]s: `HashMap<K, V, QuickHashing>`.
pub type QuickHashing = BuildHasherDefault<QuickHasher>;

/// See the module.
#[derive(Debug, Default)]
pub struct QuickHasher(u64);

impl Hasher for QuickHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            self.write_u64(u64::from_le_bytes(
                <[u8; 8]>::try_from(word).unwrap_or_default(),
            ));
        }
        let rest = words.remainder();
        if !rest.is_empty() {
            // Gathered in a register: copied into an array, the bytes were stored a few at a
            // time and read back as a word, and the read waited for the stores (about a tenth
            // of the reading thread, on a handle and a file name a row).
            let last = rest
                .iter()
                .rev()
                .fold(0u64, |word, &byte| word << 8 | u64::from(byte));
            self.write_u64(last);
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn write_u64(&mut self, n: u64) {
        let mixed = u128::from(self.0 ^ n) * 0x9E37_79B9_7F4A_7C15;
        self.0 = (mixed as u64) ^ ((mixed >> 64) as u64);
    }

    fn write_i64(&mut self, n: i64) {
        self.write_u64(n as u64);
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;
    use std::hash::BuildHasher;

    use super::*;

    #[test]
    fn texts_and_numbers_spread_over_the_buckets() {
        let hashing = QuickHashing::default();
        // Handles that differ in one character, as an agency's accounts do. 10,000 keys thrown
        // at random into 4,096 buckets fill about 3,740 of them.
        let handles: HashSet<u64> = (0..10_000)
            .map(|n| hashing.hash_one(format!("creator.{n}")) & 0xFFF)
            .collect();
        assert!(handles.len() > 3_650, "{} of 4,096 buckets", handles.len());
        let ids: HashSet<u64> = (0..10_000i64)
            .map(|n| hashing.hash_one((7, n)) & 0xFFF)
            .collect();
        assert!(ids.len() > 3_650, "{} of 4,096 buckets", ids.len());
        assert_ne!(hashing.hash_one("creator.1"), hashing.hash_one("creator.2"));
    }

    #[test]
    fn a_texts_last_bytes_count_as_one_little_endian_word() {
        let mut text = QuickHasher::default();
        text.write(b"creator.12");
        let mut words = QuickHasher::default();
        words.write_u64(u64::from_le_bytes(*b"creator."));
        words.write_u64(u64::from_le_bytes(*b"12\0\0\0\0\0\0"));
        assert_eq!(text.finish(), words.finish());
        let hashing = QuickHashing::default();
        assert_ne!(
            hashing.hash_one("creator.12"),
            hashing.hash_one("creator.21")
        );
    }
}
