//! Stage 5, traffic pools (Monte Carlo). Each path draws a latent log score
//! `x = ln s + eta`, `eta` two-piece normal (`sigma_lo` below, `sigma_hi` above: hits are
//! rarer than flops are deep). Pool `k` shows the video to `n_k = n0 * g^k` viewers; the
//! engagement observed there is the binomial count around the path's rates, taken in its
//! normal approximation on the log score, `x + sd_k z_k` with
//! `sd_k^2 = sum_a P_a (1 - P_a) / P̄_a^2 / (H-1)^2 / s^2 / n_k`; the video moves on while
//! that beats the pool's threshold `theta_k = theta0 + kappa k`, with `kappa = ln g / alpha`
//! so that reach has elasticity `alpha` to the score. A video failing pool `k` by a margin
//! `m` is cut short within it: its level is `L = k + clamp(1 + m / kappa, 0, 1)`; past the
//! noisy pools the pass is deterministic and `L = (x - theta0) / kappa + 1`. A stopped video
//! gets one later re-test with chance 3% (one more pool). Views are
//! `F e^{0.3 z_F} + n0 (g^L - 1) / (g - 1) e^{0.25 z_n}`, `F` the Following-feed views.
//! Videos the checks mark "not recommended" get no pools: only `F`.
//!
//! `n0`, `theta0`, `sigma_lo` and `sigma_hi` are calibrated at fit time so that paths of the
//! account's typical draft (`s = 1`) reproduce its predictive P10, P50 and P90 of log reach
//! (quantile matching, six rounds on a fixed table of 2,000 paths). Pool sizes (first pool
//! ~300, growth 3x) are creator folklore, used only as a scaffold that calibration rescales.
//! The path loop allocates nothing.

use serde::Serialize;

use super::draws::{Draws, NOISY_POOLS};

const GROWTH: f64 = 3.0;
const FIRST_POOL_MAX: f64 = 300.0;
const RETEST_CHANCE: f32 = 0.03;
const MAX_LEVEL: f64 = 20.0;
const Z90: f64 = 1.281_551_565_5;

/// The end of one simulated path.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(crate) struct PathEnd {
    /// Following-feed views (before the slot's factor).
    pub follow: f32,
    /// Views from For You pools.
    pub pools: f32,
    /// Pools reached (fractional).
    pub level: f32,
}

/// One scenario's inputs to the path loop.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Scenario {
    /// `ln s` of the draft.
    pub ln_score: f64,
    /// `sum_a P_a (1 - P_a) / P̄_a^2 / (H-1)^2 / s^2`: binomial noise of one viewer.
    pub noise_per_viewer: f64,
    pub recommended: bool,
}

/// The calibrated pool mechanics of one account.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pools {
    pub first_pool: f64,
    pub growth: f64,
    pub theta0: f64,
    pub kappa: f64,
    pub sigma_lo: f64,
    pub sigma_hi: f64,
    /// Following-feed views of a typical post.
    pub follow_views: f64,
    /// Median level of the typical draft (timing measures lags from it).
    pub typical_level: f64,
}

impl Pools {
    /// Calibrates to the target log10 P10, P50 and P90 of the typical draft's reach.
    pub(crate) fn calibrate(
        target: [f64; 3],
        alpha: f64,
        follow_views: f64,
        noise_per_viewer: f64,
    ) -> Self {
        let [t10, t50, t90] = target;
        let kappa = GROWTH.ln() / alpha;
        let typical = 10f64.powf(t50);
        let first_pool = (typical / (1.0 + GROWTH)).clamp(1.0, FIRST_POOL_MAX);
        let pooled = (typical - follow_views).max(typical * 0.1);
        let level = (pooled * (GROWTH - 1.0) / first_pool + 1.0).ln() / GROWTH.ln();
        let mut pools = Self {
            first_pool,
            growth: GROWTH,
            theta0: -kappa * (level - 1.0),
            kappa,
            sigma_lo: ((t50 - t10) * std::f64::consts::LN_10 / (alpha * Z90)).max(0.01),
            sigma_hi: ((t90 - t50) * std::f64::consts::LN_10 / (alpha * Z90)).max(0.01),
            follow_views,
            typical_level: level,
        };
        let scenario = Scenario {
            ln_score: 0.0,
            noise_per_viewer,
            recommended: true,
        };
        let draws = Draws::calibration();
        let mut ends = vec![PathEnd::default(); draws.paths()];
        let mut logs = vec![0.0f64; draws.paths()];
        for _ in 0..6 {
            pools.simulate(&scenario, draws, draws.paths(), &mut ends);
            for (l, e) in logs.iter_mut().zip(&ends) {
                *l = f64::from(e.follow + e.pools).max(1.0).log10();
            }
            logs.sort_by(f64::total_cmp);
            let q = |p: f64| logs[((logs.len() - 1) as f64 * p).round() as usize];
            let (q10, q50, q90) = (q(0.1), q(0.5), q(0.9));
            pools.theta0 -= (t50 - q50) * std::f64::consts::LN_10 / alpha;
            let ratio = |want: f64, got: f64| (want / got.max(1e-3)).clamp(0.5, 2.0);
            pools.sigma_lo = (pools.sigma_lo * ratio(t50 - t10, q50 - q10)).clamp(0.01, 20.0);
            pools.sigma_hi = (pools.sigma_hi * ratio(t90 - t50, q90 - q50)).clamp(0.01, 20.0);
        }
        pools.simulate(&scenario, draws, draws.paths(), &mut ends);
        let mut levels: Vec<f64> = ends.iter().map(|e| f64::from(e.level)).collect();
        levels.sort_by(f64::total_cmp);
        pools.typical_level = levels[levels.len() / 2];
        pools
    }

    /// Runs `paths` paths of `scenario` into `out` (resized to fit).
    pub(crate) fn simulate(
        &self,
        scenario: &Scenario,
        draws: &Draws,
        paths: usize,
        out: &mut Vec<PathEnd>,
    ) {
        let mut sd = [0.0f64; NOISY_POOLS];
        let mut noisy = 0;
        for (k, slot) in sd.iter_mut().enumerate() {
            let viewers = self.first_pool * self.growth.powi(k as i32);
            *slot = (scenario.noise_per_viewer / viewers).sqrt();
            if *slot > 0.01 * self.kappa {
                noisy = k + 1;
            }
        }
        let ln_g = self.growth.ln();
        let pool_scale = self.first_pool / (self.growth - 1.0);
        out.clear();
        for block in draws.blocks(paths) {
            let z = f64::from(block[0]);
            let follow = (self.follow_views * f64::from(block[2])) as f32;
            if !scenario.recommended {
                out.push(PathEnd {
                    follow,
                    pools: 0.0,
                    level: 0.0,
                });
                continue;
            }
            let eta = if z < 0.0 {
                self.sigma_lo * z
            } else {
                self.sigma_hi * z
            };
            let x = scenario.ln_score + eta;
            let mut level = f64::NAN;
            for k in 0..noisy {
                let margin =
                    x + sd[k] * f64::from(block[4 + k]) - (self.theta0 + self.kappa * k as f64);
                if margin <= 0.0 {
                    level = k as f64 + (1.0 + margin / self.kappa).clamp(0.0, 1.0);
                    break;
                }
            }
            if level.is_nan() {
                level = ((x - self.theta0) / self.kappa + 1.0).max(noisy as f64);
            }
            if block[3] < RETEST_CHANCE {
                level += 1.0;
            }
            let level = level.min(MAX_LEVEL);
            let pools = pool_scale * ((level * ln_g).exp() - 1.0) * f64::from(block[1]);
            out.push(PathEnd {
                follow,
                pools: pools as f32,
                level: level as f32,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quantiles(pools: &Pools, scenario: &Scenario) -> [f64; 3] {
        let draws = Draws::new(3, 4_000);
        let mut ends = Vec::new();
        pools.simulate(scenario, &draws, 4_000, &mut ends);
        let mut logs: Vec<f64> = ends
            .iter()
            .map(|e| f64::from(e.follow + e.pools).max(1.0).log10())
            .collect();
        logs.sort_by(f64::total_cmp);
        [0.1, 0.5, 0.9].map(|p| logs[(3_999.0 * p) as usize])
    }

    #[test]
    fn calibration_reproduces_the_target_quantiles() {
        let target = [3.4, 4.0, 4.9];
        let pools = Pools::calibrate(target, 1.0, 200.0, 30.0);
        let typical = Scenario {
            ln_score: 0.0,
            noise_per_viewer: 30.0,
            recommended: true,
        };
        let got = quantiles(&pools, &typical);
        for (g, t) in got.iter().zip(target) {
            assert!((g - t).abs() < 0.08, "{got:?} vs {target:?}");
        }
        let better = Scenario {
            ln_score: 0.2,
            ..typical
        };
        assert!(quantiles(&pools, &better)[1] > got[1] + 0.05);
        let hidden = Scenario {
            recommended: false,
            ..typical
        };
        assert!(quantiles(&pools, &hidden)[2] < 2.6);
    }
}
