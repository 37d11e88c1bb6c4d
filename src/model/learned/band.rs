//! Conformal intervals: quantiles of the model's out-of-fold residuals (log10 views, from
//! creators the model was not trained on), one set per history length, because short
//! histories miss by more. P10 and P90 are read off directly; `P(views > X)` interpolates the
//! residual distribution between the shipped levels (2% .. 98%) and continues it beyond them
//! with exponential tails through the two outermost quantiles. An account's own residuals calibrate it
//! ([`ResidualBand::calibrated`]).

use crate::model::stats::quantile;

/// The residual distribution of one history group.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ResidualBand {
    levels: Vec<f64>,
    quantiles: Vec<f64>,
}

impl ResidualBand {
    pub(crate) fn new(levels: &[f64], quantiles: &[f64]) -> Result<Self, String> {
        let ascending = |v: &[f64]| v.windows(2).all(|w| w[0] <= w[1]);
        if levels.len() != quantiles.len() || !ascending(levels) || !ascending(quantiles) {
            return Err("residual quantiles must ascend with their levels".into());
        }
        for want in [0.1, 0.5, 0.9] {
            if !levels.iter().any(|l| (l - want).abs() < 1e-9) {
                return Err(format!("residual quantiles lack the {want} level"));
            }
        }
        Ok(Self {
            levels: levels.to_vec(),
            quantiles: quantiles.to_vec(),
        })
    }

    /// This band blended with an account's own walk-forward residuals (ascending): at each
    /// level `(n q_own + weight q) / (n + weight)`, so an account's band narrows or widens
    /// toward its own misses as they accumulate.
    pub(crate) fn calibrated(&self, own: &[f64], weight: f64) -> Self {
        if own.is_empty() {
            return self.clone();
        }
        let n = own.len() as f64;
        let quantiles = self
            .levels
            .iter()
            .zip(&self.quantiles)
            .map(|(l, q)| {
                let own = quantile(own, *l).expect("own residuals are not empty");
                (n * own + weight * q) / (n + weight)
            })
            .collect();
        Self {
            levels: self.levels.clone(),
            quantiles,
        }
    }

    /// The residual at `level` (one of the shipped levels).
    fn at(&self, level: f64) -> f64 {
        let i = self
            .levels
            .iter()
            .position(|l| (l - level).abs() < 1e-9)
            .expect("P10, P50 and P90 levels are checked at load");
        self.quantiles[i]
    }

    /// The residual of P10 (log10 views, below the prediction).
    pub(crate) fn p10(&self) -> f64 {
        self.at(0.1)
    }

    pub(crate) fn p90(&self) -> f64 {
        self.at(0.9)
    }

    /// `P(residual > margin)`.
    pub(crate) fn prob_above(&self, margin: f64) -> f64 {
        let (l, q) = (&self.levels, &self.quantiles);
        let top = l.len() - 1;
        if margin <= q[0] {
            // Below the lowest level: an exponential tail through the two lowest quantiles.
            let scale = tail_scale(q[1] - q[0], l[1] / l[0]);
            return 1.0 - l[0] * ((margin - q[0]) / scale).exp();
        }
        if margin >= q[top] {
            let scale = tail_scale(q[top] - q[top - 1], (1.0 - l[top - 1]) / (1.0 - l[top]));
            return (1.0 - l[top]) * (-(margin - q[top]) / scale).exp();
        }
        let i = q.partition_point(|v| *v <= margin);
        let (q0, q1) = (q[i - 1], q[i]);
        let (l0, l1) = (l[i - 1], l[i]);
        let below = if q1 > q0 {
            l0 + (l1 - l0) * (margin - q0) / (q1 - q0)
        } else {
            l1
        };
        1.0 - below
    }
}

/// The scale of an exponential tail that falls by `ratio` over `width`.
fn tail_scale(width: f64, ratio: f64) -> f64 {
    (width / ratio.ln()).max(1e-6)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prob_above_follows_the_residual_quantiles_and_stays_inside_the_shipped_levels() {
        let band = ResidualBand::new(&[0.02, 0.1, 0.5, 0.9, 0.98], &[-1.0, -0.5, 0.0, 0.6, 1.2])
            .expect("a valid band");
        assert_eq!((band.p10(), band.p90()), (-0.5, 0.6));
        assert!((band.prob_above(0.0) - 0.5).abs() < 1e-12);
        assert!((band.prob_above(0.3) - 0.3).abs() < 1e-12);
        assert!((band.prob_above(1.2) - 0.02).abs() < 1e-12);
        assert!((band.prob_above(-1.0) - 0.98).abs() < 1e-12);
        // Tails: 0.1 -> 0.02 over 0.6 continues as a fivefold fall per 0.6.
        assert!((band.prob_above(1.8) - 0.004).abs() < 1e-12);
        assert!(band.prob_above(8.0) < 1e-9 && band.prob_above(-8.0) > 1.0 - 1e-9);
        assert!(ResidualBand::new(&[0.1, 0.9], &[0.0, -1.0]).is_err());
        let narrow: Vec<f64> = (0..=40).map(|i| (i as f64 - 20.0) / 100.0).collect();
        let calibrated = band.calibrated(&narrow, 40.0);
        assert!((calibrated.p90() - (41.0 * 0.16 + 40.0 * 0.6) / 81.0).abs() < 1e-12);
        assert_eq!(band.calibrated(&[], 40.0), band);
    }
}
