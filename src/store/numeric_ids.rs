//! The videos a big import knows whose TikTok id is a number (every id TikTok gives), by
//! account and id, for [`VideoIdentities`](super::video_identities::VideoIdentities).
//!
//! A million of them fill a table (about 50 MB) far bigger than the processor's caches, and
//! every row of an import looked there once: the look missed the caches twice (the table's
//! control bytes, then its entry) and cost about 400 ns, a sixth of the writing thread. So a
//! filter answers first: 8 bits a video, one cache line a look. A video the filter never saw
//! is new without a look in the table, as nearly every row of a first import is; the few
//! the filter is unsure of are looked up. New videos wait in a small table and join the big
//! one a few thousand at a time, in one loop whose cache misses overlap.

use std::collections::HashMap;
use std::hash::BuildHasher;

use crate::quick_hash::QuickHashing;

/// An account's id and a TikTok id.
pub(super) type Key = (i64, i64);

/// How many new videos wait before they join the big table.
const WAITING: usize = 4096;

/// Bits of filter a video: the filter of a million-row history is 1 MB, half the processor's
/// second-level cache here, where 12 bits a video with the room rounded up to a power of two
/// made it 3 MB. Its looks still miss the cache often, but the writing thread took about 3.5%
/// fewer samples.
const FILTER_BITS_PER_KEY: usize = 8;

/// The fewest videos the filter is made for.
const FILTER_FEWEST: usize = 1 << 14;

/// Video ids by [`Key`], with a filter in front.
#[derive(Debug, Default)]
pub(super) struct NumericIds {
    /// A blocked Bloom filter of every key held: each key sets 4 bits in one block of 8 words
    /// (a cache line). A key whose bits are not all set is not held; one whose bits are may
    /// be (about 1 in 40 is not).
    filter: Vec<u64>,
    /// How many keys the filter was made for (as many as asked: blocks need not be a power of
    /// two); past that it is made again, twice as big.
    filter_room: usize,
    table: HashMap<Key, i64, QuickHashing>,
    /// New keys not yet in `table`.
    waiting: HashMap<Key, i64, QuickHashing>,
}

/// The workspace's quick hash of a key, for the filter.
fn key_hash(key: Key) -> u64 {
    QuickHashing::default().hash_one(key)
}

/// The 4 bits of `hash` in a filter of `words` words (a multiple of 8): word and mask each.
fn filter_bits(words: usize, hash: u64) -> [(usize, u64); 4] {
    let blocks = (words / 8) as u128;
    let block = ((u128::from(hash) * blocks) >> 64) as usize * 8;
    std::array::from_fn(|i| {
        let bit = (hash >> (i * 9)) as usize & 511;
        (block + bit / 64, 1 << (bit % 64))
    })
}

/// Sets the bits of `hash` in `filter`.
fn remember(filter: &mut [u64], hash: u64) {
    for (word, mask) in filter_bits(filter.len(), hash) {
        filter[word] |= mask;
    }
}

impl NumericIds {
    fn len(&self) -> usize {
        self.table.len() + self.waiting.len()
    }

    /// Makes room for `more` keys without growing.
    pub(super) fn reserve(&mut self, more: usize) {
        self.table.reserve(more);
        self.make_filter_room(more);
    }

    /// How many keys the table holds without growing.
    #[cfg(test)]
    pub(super) fn capacity(&self) -> usize {
        self.table.capacity()
    }

    /// The id held for `key`, if any.
    pub(super) fn get(&self, key: Key) -> Option<i64> {
        if !self.may_hold(key_hash(key)) {
            return None;
        }
        self.held(key)
    }

    /// The id held for `key` and `false`, or else `new`, now held for it, and `true`.
    pub(super) fn find_or_add(&mut self, key: Key, new: i64) -> (i64, bool) {
        self.make_filter_room(1);
        let hash = key_hash(key);
        if self.may_hold(hash)
            && let Some(id) = self.held(key)
        {
            return (id, false);
        }
        remember(&mut self.filter, hash);
        self.waiting.insert(key, new);
        if self.waiting.len() >= WAITING {
            self.table.extend(self.waiting.drain());
        }
        (new, true)
    }

    /// Holds `id` for `key` (in place of any id held before).
    pub(super) fn insert(&mut self, key: Key, id: i64) {
        self.make_filter_room(1);
        if let Some(held) = self.waiting.get_mut(&key) {
            *held = id;
            return;
        }
        remember(&mut self.filter, key_hash(key));
        self.table.insert(key, id);
    }

    fn held(&self, key: Key) -> Option<i64> {
        self.waiting
            .get(&key)
            .or_else(|| self.table.get(&key))
            .copied()
    }

    /// False when no key of this hash is held; true when one may be.
    fn may_hold(&self, hash: u64) -> bool {
        self.filter.is_empty()
            || filter_bits(self.filter.len(), hash)
                .iter()
                .all(|&(word, mask)| self.filter[word] & mask != 0)
    }

    /// Makes the filter again, for at least twice the keys, when `more` would not fit.
    fn make_filter_room(&mut self, more: usize) {
        let wanted = self.len() + more;
        if wanted <= self.filter_room {
            return;
        }
        self.filter_room = wanted.max(FILTER_FEWEST).max(self.filter_room * 2);
        self.filter = vec![0; (self.filter_room * FILTER_BITS_PER_KEY / 64).next_multiple_of(8)];
        for key in self.table.keys().chain(self.waiting.keys()) {
            remember(&mut self.filter, key_hash(*key));
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::random::Rng;

    #[test]
    fn it_answers_as_a_plain_map_does_past_the_waiting_keys_and_every_filter_size() {
        let mut ids = NumericIds::default();
        let mut model: HashMap<Key, i64> = HashMap::new();
        let mut rng = Rng::new(11);
        let mut next = 1;
        // 60,000 steps over 40,000 possible keys: many keys met again, the filter made again
        // from 16,384 keys up, and the waiting keys joining the table many times over.
        for step in 0..60_000 {
            let key = (
                rng.below(7) as i64,
                7_400_000_000_000_000_000 + rng.below(40_000) as i64,
            );
            match rng.below(10) {
                0 => {
                    ids.insert(key, -step);
                    model.insert(key, -step);
                }
                1 => assert_eq!(ids.get(key), model.get(&key).copied(), "{key:?}"),
                _ => {
                    let expected = match model.get(&key) {
                        Some(id) => (*id, false),
                        None => {
                            model.insert(key, next);
                            (next, true)
                        }
                    };
                    assert_eq!(ids.find_or_add(key, next), expected, "{key:?}");
                    if expected.1 {
                        next += 1;
                    }
                }
            }
        }
        assert!(ids.filter_room >= 32_768, "the filter was made again");
        assert_eq!(ids.len(), model.len());
        for (key, id) in &model {
            assert_eq!(ids.get(*key), Some(*id));
        }
        assert_eq!(ids.get((8, 1)), None);
    }

    #[test]
    fn the_filter_lets_few_keys_it_never_saw_through() {
        let mut ids = NumericIds::default();
        ids.reserve(100_000);
        let bytes = ids.filter.len() * 8;
        assert!(
            bytes <= 100_000 * FILTER_BITS_PER_KEY / 8 + 64,
            "a filter of {bytes} bytes for 100,000 keys"
        );
        for n in 0..100_000 {
            ids.find_or_add((n % 2000, 7_000_000_000_000_000_000 + n * 7919), n + 1);
        }
        let passed = (0..100_000)
            .filter(|n| ids.may_hold(key_hash((n % 2000, 8_000_000_000_000_000_000 + n))))
            .count();
        assert!(
            passed < 3_000,
            "{passed} of 100,000 unseen keys passed the filter"
        );
    }
}
