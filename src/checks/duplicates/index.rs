//! The account's captions and media hashes, fingerprinted once and indexed so that checking a
//! draft looks only at the captions that can be near-identical to it, and kept up to date one
//! draft at a time when a draft is edited (no rebuild of the other 9,999).
//!
//! A caption of [`MIN_WORDS`] words or more can only reach [`DUPLICATE_THRESHOLD`] with a
//! caption that shares at least 40% of its word pairs (the similarity is the mean of two Jaccard
//! indexes, each at most 1, so the pair index must be at least `2 * threshold - 1`). Every such
//! caption shares a pair, so the index lists entries by each of their word pairs and counts, for
//! the checked caption, how many pairs each entry shares: the count gives the pair Jaccard index
//! exactly, without comparing the sets. Shorter captions only match exactly, so they are listed
//! by their whole fingerprint. Candidates that pass are compared in full by the one similarity
//! function, so the findings are those of comparing with every caption.
//!
//! The order of the entries decides which of two equally similar captions a finding names: the
//! drafts as the store lists them (most recently updated first, then the highest id), then the
//! posted videos in the order they were given. The order comes from each draft's own fields, so
//! a draft updated through [`DuplicateIndex::upsert_draft`] takes the place a fresh read of the
//! store would give it. The index never reads the store: the caller hands in every change.

use std::collections::HashMap;

use super::{DUPLICATE_THRESHOLD, Fingerprint, MIN_WORDS, Origin, fingerprint};
use crate::domain::{Draft, DraftId};
use crate::stable_hash::StableHash;

/// Where an entry comes in the index's order: drafts (`0`) by latest update then highest id,
/// then videos (`1`) in the order they were added.
pub(super) type Rank = (u8, i64, i64);

fn draft_rank(draft: &Draft) -> Rank {
    (0, -draft.updated_at.timestamp_micros(), -draft.id.0)
}

#[derive(Debug, Clone)]
pub(super) struct Entry {
    pub origin: Origin,
    pub label: String,
    /// The caption the fingerprint was taken of.
    pub caption: String,
    pub media_hash: Option<String>,
    pub print: Fingerprint,
    /// Lower comes first when two entries are equally similar.
    pub rank: Rank,
}

/// The account's drafts and posted videos, fingerprinted once for fast comparison.
#[derive(Debug, Clone, Default)]
pub struct DuplicateIndex {
    /// Entries by slot; a removed entry leaves its slot empty until an added one takes it.
    entries: Vec<Option<Entry>>,
    free: Vec<usize>,
    /// Slots added but not yet listed below (see [`DuplicateIndex::index_prefixes`]).
    pending: Vec<usize>,
    /// Drafts by id, for updates.
    drafts: HashMap<DraftId, usize>,
    /// Videos added so far (the next one's rank).
    videos: i64,
    /// Entries of [`MIN_WORDS`] words or more by each of their word pairs.
    by_pair: HashMap<u64, Vec<usize>>,
    /// Entries of fewer words by their whole fingerprint.
    by_short_print: HashMap<u64, Vec<usize>>,
    /// Entries by media hash.
    by_media: HashMap<String, Vec<usize>>,
    /// Hands back every caption as a candidate: the plain path the tests hold the index to.
    #[cfg(test)]
    exhaustive: bool,
}

/// The lowest pair Jaccard index a pair of captions at [`DUPLICATE_THRESHOLD`] can have, less
/// a little so rounding never drops a pair the full comparison keeps.
fn pair_threshold() -> f64 {
    (2.0 * DUPLICATE_THRESHOLD - 1.0).max(0.0) - 1e-9
}

/// One number for a short caption's whole fingerprint (equal fingerprints, equal keys).
fn short_key(print: &Fingerprint) -> u64 {
    print
        .singles
        .iter()
        .chain([&u64::MAX])
        .chain(&print.pairs)
        .fold(StableHash::default().word(print.words as u64), |h, v| {
            h.word(*v)
        })
        .finish()
}

fn label_of(draft: &Draft) -> String {
    if draft.title.is_empty() {
        format!("draft {}", draft.id.0)
    } else {
        format!("draft \"{}\"", draft.title)
    }
}

fn unlist(lists: &mut HashMap<u64, Vec<usize>>, key: u64, slot: usize) {
    if let Some(list) = lists.get_mut(&key) {
        list.retain(|&s| s != slot);
        if list.is_empty() {
            lists.remove(&key);
        }
    }
}

impl DuplicateIndex {
    /// Adds a posted video (after the ones added before): `label` names it in messages. It is
    /// looked up once [`DuplicateIndex::index_prefixes`] ran.
    pub(super) fn add(
        &mut self,
        origin: Origin,
        label: &str,
        caption: &str,
        media_hash: Option<&str>,
    ) {
        self.videos += 1;
        self.put(origin, label, caption, media_hash, (1, self.videos, 0));
    }

    fn put(
        &mut self,
        origin: Origin,
        label: &str,
        caption: &str,
        media_hash: Option<&str>,
        rank: Rank,
    ) {
        if let Origin::Draft(id) = origin {
            self.remove_draft(id);
        }
        let entry = Entry {
            origin: origin.clone(),
            label: label.to_string(),
            caption: caption.to_string(),
            media_hash: media_hash.filter(|h| !h.is_empty()).map(str::to_string),
            print: fingerprint(caption),
            rank,
        };
        let slot = match self.free.pop() {
            Some(slot) => {
                self.entries[slot] = Some(entry);
                slot
            }
            None => {
                self.entries.push(Some(entry));
                self.entries.len() - 1
            }
        };
        if let Origin::Draft(id) = origin {
            self.drafts.insert(id, slot);
        }
        self.pending.push(slot);
    }

    /// Lists the entries added since the last call by their word pairs (or, for short
    /// captions, their whole fingerprint) and media hash, so checks find them.
    pub(super) fn index_prefixes(&mut self) {
        for slot in std::mem::take(&mut self.pending) {
            let Some(entry) = &self.entries[slot] else {
                continue;
            };
            if let Some(hash) = &entry.media_hash {
                self.by_media.entry(hash.clone()).or_default().push(slot);
            }
            if entry.print.words < MIN_WORDS {
                let key = short_key(&entry.print);
                self.by_short_print.entry(key).or_default().push(slot);
            } else {
                for pair in &entry.print.pairs {
                    self.by_pair.entry(*pair).or_default().push(slot);
                }
            }
        }
    }

    /// Takes a draft out (it was trashed, deleted or posted); nothing happens when it is not in.
    pub fn remove_draft(&mut self, id: DraftId) {
        let Some(slot) = self.drafts.remove(&id) else {
            return;
        };
        let Some(entry) = self.entries[slot].take() else {
            return;
        };
        if let Some(hash) = &entry.media_hash
            && let Some(list) = self.by_media.get_mut(hash)
        {
            list.retain(|&s| s != slot);
            if list.is_empty() {
                self.by_media.remove(hash);
            }
        }
        if entry.print.words < MIN_WORDS {
            unlist(&mut self.by_short_print, short_key(&entry.print), slot);
        } else {
            for pair in &entry.print.pairs {
                unlist(&mut self.by_pair, *pair, slot);
            }
        }
        self.pending.retain(|&s| s != slot);
        self.free.push(slot);
    }

    /// Puts a draft in, in place of the version held if any. `draft.updated_at` must be the one
    /// the store stamped (re-read the draft after writing it), as it places the draft.
    pub fn upsert_draft(&mut self, draft: &Draft) {
        self.put_draft(draft);
        self.index_prefixes();
    }

    fn put_draft(&mut self, draft: &Draft) {
        self.put(
            Origin::Draft(draft.id),
            &label_of(draft),
            &draft.caption,
            draft.media_hash.as_deref(),
            draft_rank(draft),
        );
    }

    pub(super) fn entry(&self, slot: usize) -> &Entry {
        self.entries[slot]
            .as_ref()
            .expect("slots handed out by the index hold an entry")
    }

    /// The fingerprint taken of this draft's caption when it was indexed, if it still has that
    /// caption: checking every draft then fingerprints none of them again.
    pub(crate) fn print_of(&self, id: DraftId, caption: &str) -> Option<&Fingerprint> {
        let entry = self.entries[*self.drafts.get(&id)?].as_ref()?;
        (entry.caption == caption).then_some(&entry.print)
    }

    /// Slots of the entries with this media hash.
    pub(super) fn with_media(&self, hash: &str) -> &[usize] {
        self.by_media.get(hash).map_or(&[], Vec::as_slice)
    }

    /// Slots of the entries whose caption may be near-identical to `print`, ascending.
    pub(super) fn candidates(&self, print: &Fingerprint) -> Vec<usize> {
        #[cfg(test)]
        if self.exhaustive {
            return (0..self.entries.len())
                .filter(|&slot| self.entries[slot].is_some())
                .collect();
        }
        if print.words < MIN_WORDS {
            let mut found = self
                .by_short_print
                .get(&short_key(print))
                .cloned()
                .unwrap_or_default();
            found.sort_unstable();
            return found;
        }
        let mut shared = vec![0u32; self.entries.len()];
        let mut touched = Vec::new();
        for pair in &print.pairs {
            for &slot in self.by_pair.get(pair).map_or(&[][..], Vec::as_slice) {
                if shared[slot] == 0 {
                    touched.push(slot);
                }
                shared[slot] += 1;
            }
        }
        let least = pair_threshold();
        let mut found: Vec<usize> = touched
            .into_iter()
            .filter(|&slot| {
                let c = f64::from(shared[slot]);
                let union = (print.pairs.len() + self.entry(slot).print.pairs.len()) as f64 - c;
                c / union >= least
            })
            .collect();
        found.sort_unstable();
        found
    }

    /// Builds an index of drafts (trashed ones are skipped by the caller) and posted videos.
    pub fn of<'a>(
        drafts: impl IntoIterator<Item = &'a Draft>,
        videos: impl IntoIterator<Item = (crate::domain::VideoId, &'a str)>,
    ) -> Self {
        let mut index = Self::default();
        for d in drafts {
            index.put_draft(d);
        }
        for (id, caption) in videos {
            index.add(Origin::Video(id), "a posted video", caption, None);
        }
        index.index_prefixes();
        index
    }

    /// The same entries, each draft compared with every caption (for tests).
    #[cfg(test)]
    pub(crate) fn exhaustive(mut self) -> Self {
        self.exhaustive = true;
        self
    }

    /// How many captions the index holds.
    pub fn len(&self) -> usize {
        self.entries.len() - self.free.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests;
