//! Stage 4, the score, in the structure TikTok's "Algo 101" document gives:
//! `s = sum_a V_a P_a - V_neg P_neg` with `V_a = 1 / mean_account(P_a)` (X's open-sourced
//! ranker's rule: each action contributes about equally on average), scaled so the account's
//! typical video has `s = 1`: `s = (sum_a P_a / P̄_a - P_neg / P̄_neg) / (H - 1)` over the
//! `H = 7` positive heads. Quality is `q = alpha * ln s`; `alpha` (the elasticity of reach to
//! the score) is fitted on the history, realised age-normalised reach residuals `r_j` (natural
//! log) against `ln s_j`, shrunk toward 1:
//! `alpha = (sum ln s_j r_j + 0.5) / (sum (ln s_j)^2 + 0.5)`, clamped to 0.3..3.
//! No weights from TikTok are used or claimed; none were ever published.

use serde::Serialize;

use super::heads::HEADS;

const NEGATIVE: usize = HEADS - 1;
const ALPHA_PRIOR_WEIGHT: f64 = 0.5;

/// The score of rates relative to the account's typical rates (`1` = typical).
pub fn score(rates: &[f64; HEADS], typical: &[f64; HEADS]) -> f64 {
    let positive: f64 = (0..NEGATIVE).map(|a| rates[a] / typical[a]).sum();
    let s = (positive - rates[NEGATIVE] / typical[NEGATIVE]) / (NEGATIVE as f64 - 1.0);
    s.max(0.05)
}

/// How strongly reach follows the score on this account.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Elasticity {
    pub alpha: f64,
    /// Videos the fit used (0: the prior 1).
    pub videos: usize,
}

impl Elasticity {
    pub fn prior() -> Self {
        Self {
            alpha: 1.0,
            videos: 0,
        }
    }

    /// Fits `alpha` on pairs of `(ln s_j, residual log10 reach_j)`.
    pub fn fit(pairs: &[(f64, f64)]) -> Self {
        let (sxy, sxx) = pairs.iter().fold((0.0, 0.0), |(xy, xx), &(ln_s, r)| {
            (xy + ln_s * r * std::f64::consts::LN_10, xx + ln_s * ln_s)
        });
        Self {
            alpha: ((sxy + ALPHA_PRIOR_WEIGHT) / (sxx + ALPHA_PRIOR_WEIGHT)).clamp(0.3, 3.0),
            videos: pairs.len(),
        }
    }

    /// `q = alpha * ln s`.
    pub fn quality(&self, s: f64) -> f64 {
        self.alpha * s.ln()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typical_rates_score_one_and_more_engagement_scores_more() {
        let typical = [0.6, 0.5, 0.25, 0.06, 0.002, 0.004, 0.006, 0.01];
        assert!((score(&typical, &typical) - 1.0).abs() < 1e-12);
        let mut better = typical;
        better[3] = 0.09;
        assert!(score(&better, &typical) > 1.05);
    }

    #[test]
    fn alpha_without_signal_stays_near_one() {
        assert!((Elasticity::fit(&[]).alpha - 1.0).abs() < 1e-12);
        let strong: Vec<(f64, f64)> = (0..50)
            .map(|i| {
                let x = (i as f64 - 25.0) / 25.0;
                (x, 2.0 * x / std::f64::consts::LN_10)
            })
            .collect();
        assert!(Elasticity::fit(&strong).alpha > 1.7);
    }
}
