//! Order statistics of measured numbers: the interpolated quantile and the median of an
//! ascending slice. One spelling of each, shared by the model (its bands and baselines) and the
//! Reach view's measured spread, so "P10" means the same number wherever it is shown. Pure
//! arithmetic: callers sort.

/// The `q`-quantile (0..=1) of ascending `sorted` values, interpolating linearly between the
/// two nearest ranks (the spreadsheet's PERCENTILE.INC); `None` for no values.
pub fn quantile(sorted: &[f64], q: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    let pos = q.clamp(0.0, 1.0) * last as f64;
    let lower = pos.floor() as usize;
    let upper = pos.ceil() as usize;
    let weight = pos - lower as f64;
    Some(sorted[lower] + (sorted[upper] - sorted[lower]) * weight)
}

/// The median of ascending `sorted` values (the mean of the middle two for an even count); 0
/// for no values.
pub fn median_of_sorted(sorted: &[f64]) -> f64 {
    match sorted.len() {
        0 => 0.0,
        n if n % 2 == 1 => sorted[n / 2],
        n => 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_interpolate_between_ranks() {
        let sorted = [10.0, 20.0, 30.0, 40.0, 50.0];
        assert_eq!(quantile(&sorted, 0.5), Some(30.0));
        assert_eq!(quantile(&sorted, 0.1), Some(14.0));
        assert_eq!(quantile(&sorted, 0.9), Some(46.0));
        assert_eq!(quantile(&sorted, 0.0), Some(10.0));
        assert_eq!(quantile(&sorted, 1.0), Some(50.0));
        assert_eq!(quantile(&[7.0], 0.9), Some(7.0));
        assert_eq!(quantile(&[], 0.5), None);
    }

    #[test]
    fn the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
        assert_eq!(median_of_sorted(&[1.0, 2.0, 4.0]), 2.0);
        assert_eq!(median_of_sorted(&[1.0, 2.0, 4.0, 8.0]), 3.0);
        assert_eq!(median_of_sorted(&[]), 0.0);
    }
}
