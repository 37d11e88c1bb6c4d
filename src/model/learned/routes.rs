//! Which side of every split a feature row falls on. Two rows that fall on the same side of
//! every split of every tree reach the same leaves, so the trees give them the same prediction,
//! bit for bit. A row's *key* over some inputs names, per input, how many of the thresholds it
//! is split at lie below the value: equal keys, equal routes through every split on those
//! inputs. The batch heat maps (`model/heat_maps.rs`) read the trees once per class of equal
//! keys instead of once per hour.

use std::ops::Range;

use super::INPUTS;
use super::trees::Tree;

/// The thresholds each input is split at, ascending and without repeats.
#[derive(Debug)]
pub(crate) struct Routes {
    thresholds: Vec<Vec<f64>>,
}

impl Routes {
    pub(crate) fn new(trees: &[Tree]) -> Self {
        let mut thresholds = vec![Vec::new(); INPUTS];
        for (feature, t) in trees.iter().flat_map(Tree::splits) {
            // A NaN threshold sends every row right: it tells no rows apart.
            if let Some(list) = thresholds.get_mut(feature)
                && !t.is_nan()
            {
                list.push(t);
            }
        }
        for list in &mut thresholds {
            list.sort_by(f64::total_cmp);
            list.dedup_by(|a, b| a == b);
        }
        Self { thresholds }
    }

    /// The key of `x` over `inputs`: rows with equal keys go the same way at every split on
    /// those inputs (`v <= t` holds exactly for the thresholds from the key's count on).
    pub(crate) fn key(&self, x: &[f64; INPUTS], inputs: Range<usize>) -> Vec<u32> {
        inputs
            .map(|i| {
                let v = x[i];
                if v.is_nan() {
                    // NaN goes right at every split, unlike any number below the first
                    // threshold.
                    u32::MAX
                } else {
                    self.thresholds[i].partition_point(|t| *t < v) as u32
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::learned::Learned;

    /// Rows with equal keys over every input get the same prediction; the keys tell apart
    /// rows on either side of a threshold.
    #[test]
    fn equal_keys_give_equal_predictions() {
        let model = Learned::get();
        let routes = model.routes();
        let (f, t) = model
            .trees
            .iter()
            .flat_map(Tree::splits)
            .next()
            .expect("the model has a split");
        let mut x = [0.0; INPUTS];
        x[f] = t;
        let mut just_above = x;
        just_above[f] = t + t.abs().max(1.0) * 1e-12;
        assert_ne!(
            routes.key(&x, 0..INPUTS),
            routes.key(&just_above, 0..INPUTS)
        );
        let mut nan = x;
        nan[f] = f64::NAN;
        assert_ne!(routes.key(&nan, 0..INPUTS), routes.key(&x, 0..INPUTS));
        // A value between two neighbouring thresholds moves freely without changing the key.
        let list = &routes.thresholds[f];
        if list.len() >= 2 {
            let (lo, hi) = (list[0], list[1]);
            let mut a = x;
            let mut b = x;
            a[f] = lo + (hi - lo) * 0.25;
            b[f] = lo + (hi - lo) * 0.75;
            assert_eq!(routes.key(&a, 0..INPUTS), routes.key(&b, 0..INPUTS));
            assert_eq!(model.predict(&a).to_bits(), model.predict(&b).to_bits());
        }
    }
}
