//! The seed's catalogue of subcultures (`assets/subcultures.json`, embedded in the binary):
//! #CottageCore, #MomsofTikTok and #FitTok from the seed article's tip 2, plus #BookTok,
//! #SmallBusiness and #FoodTok. Every new workspace starts with them (the user may edit or
//! delete them), and the demo uses the same ones.
//!
//! Fixed data only: nothing here reads a file at run time or touches the store. A catalogue
//! that does not parse is a bug caught by the unit test below, never a user error.

use std::sync::LazyLock;

use serde::{Deserialize, Deserializer};

use super::{Colour, Subculture, SubcultureId};

static CATALOGUE: LazyLock<Vec<Subculture>> = LazyLock::new(|| {
    let entries: Vec<Entry> = serde_json::from_str(include_str!("../../assets/subcultures.json"))
        .expect("assets/subcultures.json is embedded and checked by a unit test");
    entries
        .into_iter()
        .map(|e| Subculture {
            id: SubcultureId(0),
            name: e.name,
            hashtags: e.hashtags,
            description: e.description,
            colour: e.colour,
        })
        .collect()
});

/// The catalogue's subcultures, in the asset's order. Ids are zero until stored.
pub fn subculture_catalogue() -> Vec<Subculture> {
    CATALOGUE.clone()
}

/// True when a subculture of this name (any case) is in the catalogue: a workspace holding
/// only these has no subculture of the user's own.
pub fn in_catalogue(name: &str) -> bool {
    let name = name.trim();
    CATALOGUE.iter().any(|s| s.name.eq_ignore_ascii_case(name))
}

#[derive(Debug, Deserialize)]
struct Entry {
    name: String,
    hashtags: Vec<String>,
    description: String,
    #[serde(deserialize_with = "colour")]
    colour: Colour,
}

fn colour<'de, D: Deserializer<'de>>(d: D) -> Result<Colour, D::Error> {
    let text = String::deserialize(d)?;
    Colour::from_hex(&text)
        .ok_or_else(|| serde::de::Error::custom(format!("{text:?} is not a #rrggbb colour")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalogue_holds_the_seeds_subcultures_with_their_hashtags() {
        let catalogue = subculture_catalogue();
        for name in ["#CottageCore", "#MomsofTikTok", "#FitTok"] {
            let s = catalogue.iter().find(|s| s.name == name).expect(name);
            assert!(
                !s.description.is_empty() && !s.hashtags.is_empty(),
                "{name}"
            );
        }
        for s in &catalogue {
            assert!((3..=6).contains(&s.hashtags.len()), "{}", s.name);
            assert!(s.hashtags.iter().all(|t| !t.starts_with('#')), "{}", s.name);
        }
        assert!(in_catalogue("#fittok"));
        assert!(!in_catalogue("#KnitTok"));
    }
}
