//! The Monte Carlo's random numbers, drawn once per seed and shared by every scenario
//! (common random numbers: a what-if re-run differs from the forecast only by the input it
//! changes, never by luck).
//!
//! Path `p` owns a fixed block of `STRIDE` numbers: its latent quality `z`, its pool-size
//! and Following-feed noise factors, one uniform for a late re-test, and one normal per noisy pool. Blocks are drawn in
//! path order from the crate's xoshiro generator, so the first `n` paths of a bigger table are
//! the same as a table of `n` paths. Nothing here reads the clock or any other source of
//! entropy.

use std::sync::OnceLock;

use crate::random::Rng;

/// Pools whose engagement is sampled (later pools are large enough to be deterministic).
pub(crate) const NOISY_POOLS: usize = 8;
/// Numbers per path: latent, pool-size factor, Following-feed factor, re-test uniform, one
/// normal per noisy pool.
pub(crate) const STRIDE: usize = 4 + NOISY_POOLS;
/// Log-normal noise of pool sizes and of the Following feed (one normal drives both): the
/// table stores `e^{0.25 z}` and `e^{0.3 z}` so the path loop needs no `exp` for them.
pub(crate) const SIZE_NOISE: f64 = 0.25;
pub(crate) const FOLLOW_NOISE: f64 = 0.3;

/// Paths and seed of the table used to calibrate the pools at fit time.
const CALIBRATION_PATHS: usize = 2_000;
const CALIBRATION_SEED: u64 = 0x5c01_1570_0000_0001;

/// A table of per-path random numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct Draws {
    seed: u64,
    paths: usize,
    values: Vec<f32>,
}

impl Draws {
    /// `paths` blocks drawn from `seed`.
    pub fn new(seed: u64, paths: usize) -> Self {
        let mut rng = Rng::new(seed);
        let mut values = Vec::with_capacity(paths * STRIDE);
        for _ in 0..paths {
            values.push(rng.normal() as f32);
            let size = rng.normal();
            values.push((SIZE_NOISE * size).exp() as f32);
            values.push((FOLLOW_NOISE * size).exp() as f32);
            values.push(rng.uniform() as f32);
            for _ in 0..NOISY_POOLS {
                values.push(rng.normal() as f32);
            }
        }
        Self {
            seed,
            paths,
            values,
        }
    }

    /// The shared table the fit calibrates against (drawn on first use, then reused).
    pub(crate) fn calibration() -> &'static Draws {
        static TABLE: OnceLock<Draws> = OnceLock::new();
        TABLE.get_or_init(|| Draws::new(CALIBRATION_SEED, CALIBRATION_PATHS))
    }

    pub fn seed(&self) -> u64 {
        self.seed
    }

    pub fn paths(&self) -> usize {
        self.paths
    }

    /// The first `n` path blocks (all of them when `n` is larger).
    pub(crate) fn blocks(&self, n: usize) -> std::slice::ChunksExact<'_, f32> {
        self.values[..n.min(self.paths) * STRIDE].chunks_exact(STRIDE)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_longer_table_starts_with_the_shorter_one() {
        let short = Draws::new(9, 10);
        let long = Draws::new(9, 50);
        assert_eq!(short.values[..], long.values[..10 * STRIDE]);
        assert_ne!(Draws::new(10, 10).values, short.values);
        assert_eq!(long.blocks(20).count(), 20);
    }
}
