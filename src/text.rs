//! Counts and words as people read them, shared by the window and the command line: `12.3K`
//! views, `1,234` rows, `1 account` but `3 accounts`, `4.2%`. The one place that spells a
//! count, so "1 accounts" cannot come back in one corner. Pure formatting: nothing here reads
//! the workspace, draws or prints.

/// A count the way TikTok shows it: `987`, `12.3K`, `123K`, `1.4M`, `2.1B`. Negative counts
/// (comments after deletions) keep their sign.
pub fn compact_count(n: i64) -> String {
    let sign = if n < 0 { "-" } else { "" };
    let value = n.unsigned_abs() as f64;
    let (scaled, suffix) = if value >= 1e9 {
        (value / 1e9, "B")
    } else if value >= 1e6 {
        (value / 1e6, "M")
    } else if value >= 1e3 {
        (value / 1e3, "K")
    } else {
        return format!("{sign}{}", n.unsigned_abs());
    };
    // One decimal below 100 (12.3K), none above (123K); never print `1000K`.
    let text = if scaled < 99.95 {
        format!("{scaled:.1}")
    } else {
        format!("{scaled:.0}")
    };
    let text = text.strip_suffix(".0").unwrap_or(&text).to_string();
    if text == "1000" && suffix != "B" {
        let next = if suffix == "K" { "M" } else { "B" };
        return format!("{sign}1{next}");
    }
    format!("{sign}{text}{suffix}")
}

/// A count with thousands separators: `1,234,567`.
pub fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `1 post`, `3 posts`.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{} {many}", thousands(n as i64))
    }
}

/// A fraction as a percentage: two decimals under 1% (`0.35%`), one above (`4.2%`).
pub fn percent(fraction: f64) -> String {
    let p = fraction * 100.0;
    if p.abs() < 1.0 {
        format!("{p:.2}%")
    } else {
        format!("{p:.1}%")
    }
}

/// Views rounded to two significant figures with thousands separators: `12,000`.
pub fn round_views(v: f64) -> String {
    let v = v.max(0.0);
    let unit = if v < 100.0 {
        1.0
    } else {
        10f64.powf(v.log10().floor() - 1.0)
    };
    thousands(((v / unit).round() * unit) as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_every_other_count_plural() {
        assert_eq!(plural(1, "account", "accounts"), "1 account");
        assert_eq!(plural(0, "file", "files"), "0 files");
        assert_eq!(plural(2, "plan entry", "plan entries"), "2 plan entries");
        assert_eq!(plural(1_500, "row", "rows"), "1,500 rows");
    }
}
