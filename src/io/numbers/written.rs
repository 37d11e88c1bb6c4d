//! How a number is written, read exactly before any rounding: sign, digits, which of `,` and
//! `.` is the decimal mark, thousands groups, K/M/B suffixes, unit words and exponents.
//!
//! Part of the one number parser; a text that reads two ways is an error here, never a pick.

use std::borrow::Cow;

use super::{MAX_LEN, NumberError, UNIT_WORDS, short, too_large};

/// How a text is being read; it decides what a lone separator means.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Reading {
    /// A count; `abbreviated` when a K/M/B suffix follows, so a fraction is expected.
    Count {
        abbreviated: bool,
    },
    Decimal,
    Id,
}

/// A number as written, before rounding: `mantissa * 10^(exponent - fraction_digits)`.
pub(super) struct Written {
    pub(super) negative: bool,
    pub(super) mantissa: u128,
    pub(super) fraction_digits: u32,
    pub(super) exponent: i32,
}

#[derive(Debug, PartialEq)]
pub(super) enum Fraction {
    None,
    Some { half_or_more: bool },
}

impl Written {
    /// The whole part after multiplying by `10^extra`, and what fraction remains.
    pub(super) fn scaled(&self, extra: u32) -> Option<(u128, Fraction)> {
        let shift = i64::from(self.exponent) + i64::from(extra) - i64::from(self.fraction_digits);
        if shift >= 0 {
            let factor = 10u128.checked_pow(u32::try_from(shift).ok()?)?;
            return Some((self.mantissa.checked_mul(factor)?, Fraction::None));
        }
        let Some(divisor) = u32::try_from(-shift)
            .ok()
            .and_then(|s| 10u128.checked_pow(s))
        else {
            let fraction = Fraction::Some {
                half_or_more: false,
            };
            return Some((
                0,
                if self.mantissa == 0 {
                    Fraction::None
                } else {
                    fraction
                },
            ));
        };
        let rest = self.mantissa % divisor;
        let fraction = if rest == 0 {
            Fraction::None
        } else {
            Fraction::Some {
                half_or_more: rest >= divisor - rest,
            }
        };
        Some((self.mantissa / divisor, fraction))
    }
}

/// Splits `1.4M` into `1.4` and 6 (the power of ten); no suffix gives 0.
pub(super) fn split_suffix(body: &str) -> (&str, u32) {
    let power = match body.chars().last() {
        Some('k' | 'K') => 3,
        Some('m' | 'M') => 6,
        Some('b' | 'B') => 9,
        _ => return (body, 0),
    };
    (body[..body.len() - 1].trim_end(), power)
}

/// Drops a trailing unit word: `3669 videos` -> `3669`.
pub(super) fn strip_unit_word(text: &str) -> &str {
    match text.rsplit_once(char::is_whitespace) {
        Some((number, word)) if UNIT_WORDS.iter().any(|u| u.eq_ignore_ascii_case(word)) => {
            number.trim_end()
        }
        _ => text,
    }
}

/// Reads sign, digits, separators and exponent of `body` (`original` is for messages).
pub(super) fn read(original: &str, body: &str, reading: Reading) -> Result<Written, NumberError> {
    let not_a_number = || NumberError::NotANumber(short(original));
    if original.trim().is_empty() {
        return Err(NumberError::Empty);
    }
    if body.len() > MAX_LEN {
        return Err(not_a_number());
    }
    let (negative, body) = match body.strip_prefix(['-', '−']) {
        Some(rest) => (true, rest),
        None => (false, body.strip_prefix('+').unwrap_or(body)),
    };
    let (body, exponent) = match body.find(['e', 'E']) {
        Some(i) => {
            let exponent: i32 = body[i + 1..].parse().map_err(|_| not_a_number())?;
            (&body[..i], exponent.clamp(-400, 400))
        }
        None => (body, 0),
    };
    let (whole, fraction) = split_decimal(original, body, reading)?;
    let whole_digits = grouped_digits(whole).ok_or_else(not_a_number)?;
    if exponent != 0 && whole_digits.len() != whole.len() {
        return Err(not_a_number());
    }
    if whole_digits.is_empty() && fraction.is_none_or(str::is_empty) {
        return Err(not_a_number());
    }
    let fraction = fraction.unwrap_or("");
    if !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return Err(not_a_number());
    }
    let mut mantissa: u128 = 0;
    for digit in whole_digits.bytes().chain(fraction.bytes()) {
        mantissa = mantissa
            .checked_mul(10)
            .and_then(|m| m.checked_add(u128::from(digit - b'0')))
            .ok_or_else(|| too_large(original))?;
    }
    let fraction_digits = u32::try_from(fraction.len()).map_err(|_| not_a_number())?;
    Ok(Written {
        negative,
        mantissa,
        fraction_digits,
        exponent,
    })
}

/// Splits the number into its whole part and its fraction, deciding which of `,` and `.` is
/// the decimal mark. The rule: with both, the last one; a repeated one groups thousands; a
/// lone one followed by exactly three digits reads two ways and only the reading decides.
fn split_decimal<'a>(
    original: &str,
    body: &'a str,
    reading: Reading,
) -> Result<(&'a str, Option<&'a str>), NumberError> {
    let commas = body.matches(',').count();
    let dots = body.matches('.').count();
    let mark = match (commas, dots) {
        (0, 0) => None,
        (_, 0) if commas > 1 => None,
        (0, _) if dots > 1 => None,
        (1, 0) | (0, 1) => {
            let mark = if commas == 1 { ',' } else { '.' };
            let (lead, tail) = body.split_once(mark).unwrap_or((body, ""));
            let first_group = (1..=3).contains(&lead.len())
                && lead.bytes().all(|b| b.is_ascii_digit())
                && !lead.starts_with('0');
            match (reading, mark, first_group && tail.len() == 3) {
                (_, _, false) | (Reading::Count { abbreviated: true }, _, _) => Some(mark),
                (Reading::Count { .. } | Reading::Id, ',', true) => None,
                (Reading::Decimal, '.', true) => Some('.'),
                _ => return Err(NumberError::Ambiguous(short(original))),
            }
        }
        _ => {
            let mark = body
                .rfind([',', '.'])
                .and_then(|i| body[i..].chars().next());
            if mark.is_some_and(|m| body.matches(m).count() > 1) {
                return Err(NumberError::NotANumber(short(original)));
            }
            mark
        }
    };
    Ok(match mark.and_then(|m| body.rsplit_once(m)) {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (body, None),
    })
}

/// The digits of a whole part written with or without thousands groups (`1,234,567`,
/// `1.234.567`, `12 345`, `1'234`); `None` when groups are not of three digits.
fn grouped_digits(whole: &str) -> Option<Cow<'_, str>> {
    let is_separator = |c: char| matches!(c, ',' | '.' | '\'' | '’') || c.is_whitespace();
    if !whole.contains(is_separator) {
        // The usual case (`11` of `11.3K`): the digits themselves, nothing copied.
        return whole
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then_some(Cow::Borrowed(whole));
    }
    let groups: Vec<&str> = whole.split(is_separator).collect();
    let ok = groups.iter().enumerate().all(|(i, g)| {
        g.bytes().all(|b| b.is_ascii_digit())
            && if i == 0 {
                (1..=3).contains(&g.len())
            } else {
                g.len() == 3
            }
    });
    ok.then(|| Cow::Owned(groups.concat()))
}
