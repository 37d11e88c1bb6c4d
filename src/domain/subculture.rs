//! A subculture: a community gathered around hashtags (#CottageCore, #FitTok, ...).

use serde::{Deserialize, Serialize};

/// Row id of a subculture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct SubcultureId(pub i64);

/// An sRGB colour used to tag a subculture in tables and the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Colour(pub [u8; 3]);

impl Colour {
    /// `#rrggbb`.
    pub fn to_hex(self) -> String {
        let [r, g, b] = self.0;
        format!("#{r:02x}{g:02x}{b:02x}")
    }

    /// Reads `#rrggbb` (the `#` is optional); `None` for anything else.
    pub fn from_hex(text: &str) -> Option<Self> {
        let hex = text.trim().trim_start_matches('#');
        if hex.len() != 6 || !hex.is_ascii() {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Self([byte(0)?, byte(2)?, byte(4)?]))
    }
}

/// A community the team posts into, with the hashtags that gather it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Subculture {
    pub id: SubcultureId,
    /// Display name, e.g. `#CottageCore`.
    pub name: String,
    /// Hashtags without `#`.
    pub hashtags: Vec<String>,
    pub description: String,
    pub colour: Colour,
}

#[cfg(test)]
mod tests {
    use super::Colour;

    #[test]
    fn colours_round_trip_through_hex() {
        let c = Colour([0x8a, 0xb4, 0x5c]);
        assert_eq!(Colour::from_hex(&c.to_hex()), Some(c));
        assert_eq!(Colour::from_hex("8AB45C"), Some(c));
        assert_eq!(Colour::from_hex("#12345"), None);
        assert_eq!(Colour::from_hex("#éé3456"), None);
    }
}
