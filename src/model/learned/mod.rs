//! Reach model 2: gradient-boosted trees learned across creators (scripts/model/train.py on
//! the development set), embedded as an asset. They predict a video's log10 views relative to
//! its account's level at the age the views are read (level + the age curve) from what is
//! known before posting: the shape of the account's recent history, cadence, earlier
//! engagement rates, the draft's own content and how the account's earlier videos like it
//! did (length, caption, the same sound). The account supplies its level, its age
//! curve (where repeated imports fit one) and its calibration.
//!
//! Entry points: [`AccountState::of`] summarises an account's history once per fit;
//! [`AccountState::inputs`] builds a draft's feature row; [`Learned::get`] is the embedded
//! model with [`Learned::predict`], [`Learned::contributions`] (exact TreeSHAP) and the
//! conformal residual quantiles per history length ([`Learned::band`]).
//! Pure and deterministic: it never reads a file at run time (the asset is compiled in), the
//! store or the clock, and it never holds a row of the data it was trained on.

mod band;
mod inputs;
mod routes;
mod similar;
mod trees;
mod walk;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

pub(crate) use band::ResidualBand;
pub(crate) use inputs::{AccountState, DRAFT_INPUTS, FEATURE_NAMES, INPUTS, SAME_SOUND_VIDEOS};
use trees::{RawNode, Tree};
pub(crate) use walk::walk_forward;

/// The model as the trainer writes it (assets/model/reach.json).
const ASSET: &str = include_str!("../../../assets/model/reach.json");

#[derive(Debug, Deserialize)]
struct RawCurve {
    tau_hours: f64,
    shape: f64,
}

#[derive(Debug, Deserialize)]
struct RawModel {
    features: Vec<String>,
    age_curve: RawCurve,
    own_weight: f64,
    groups: BTreeMap<String, Vec<String>>,
    min_history: usize,
    max_history: usize,
    quantile_levels: Vec<f64>,
    residual_quantiles: Vec<Vec<f64>>,
    trees: Vec<RawNode>,
}

/// The embedded model.
#[derive(Debug)]
pub(crate) struct Learned {
    trees: Vec<Tree>,
    /// The age curve the trees were trained with (`tau` hours, shape `k`).
    age_curve: (f64, f64),
    /// For each input, the name of its group (`momentum`, `age`, `length`, ...).
    groups: [&'static str; INPUTS],
    bands: Vec<ResidualBand>,
    /// The thresholds of every split, by input.
    routes: routes::Routes,
}

/// The group names, what a person controls first.
pub(crate) const GROUPS: [&str; 5] = ["length", "caption", "cadence", "sound", "momentum"];

impl Learned {
    /// The embedded model, parsed on first use.
    pub(crate) fn get() -> &'static Learned {
        static MODEL: OnceLock<Learned> = OnceLock::new();
        MODEL.get_or_init(|| {
            Self::parse(ASSET).expect("the embedded model matches the app's inputs (tested)")
        })
    }

    fn parse(text: &str) -> Result<Self, String> {
        let raw: RawModel = serde_json::from_str(text).map_err(|e| e.to_string())?;
        if raw.features != FEATURE_NAMES {
            return Err(format!("inputs {:?} differ from the app's", raw.features));
        }
        if raw.min_history != super::calibration::MIN_HISTORY
            || raw.max_history != inputs::MAX_HISTORY
        {
            return Err("history limits differ from the app's".into());
        }
        if raw.own_weight != walk::OWN_WEIGHT {
            return Err("the calibration weight differs from the app's".into());
        }
        let mut groups = [""; INPUTS];
        for (group, members) in &raw.groups {
            let name = GROUPS
                .iter()
                .find(|g| *g == group)
                .ok_or_else(|| format!("unknown group {group}"))?;
            for member in members {
                let at = FEATURE_NAMES
                    .iter()
                    .position(|f| f == member)
                    .ok_or_else(|| format!("unknown input {member}"))?;
                groups[at] = name;
            }
        }
        if groups.iter().any(|g| g.is_empty()) {
            return Err("an input has no group".into());
        }
        let trees: Vec<Tree> = raw.trees.iter().map(Tree::from_raw).collect();
        if trees
            .iter()
            .filter_map(Tree::max_feature)
            .any(|f| f >= INPUTS)
        {
            return Err("a tree reads an input the app does not have".into());
        }
        let bands = raw
            .residual_quantiles
            .iter()
            .map(|q| ResidualBand::new(&raw.quantile_levels, q))
            .collect::<Result<Vec<_>, _>>()?;
        if bands.len() != 3 {
            return Err("expected residual quantiles for three history groups".into());
        }
        Ok(Self {
            routes: routes::Routes::new(&trees),
            trees,
            age_curve: (raw.age_curve.tau_hours, raw.age_curve.shape),
            groups,
            bands,
        })
    }

    /// The age curve the model was trained with: `(tau_hours, shape)`.
    pub(crate) fn age_curve(&self) -> (f64, f64) {
        self.age_curve
    }

    /// The predicted log10 views relative to the account's level at any age.
    pub(crate) fn predict(&self, x: &[f64; INPUTS]) -> f64 {
        self.trees.iter().map(|t| t.predict(x)).sum()
    }

    /// Which side of every split a row falls on (rows alike there predict alike).
    pub(crate) fn routes(&self) -> &routes::Routes {
        &self.routes
    }

    /// Exact Shapley contributions of each input, in log10 views; they add up to
    /// `predict(x) - expected()`.
    pub(crate) fn contributions(&self, x: &[f64; INPUTS]) -> [f64; INPUTS] {
        let mut phi = [0.0; INPUTS];
        for tree in &self.trees {
            tree.add_contributions(x, &mut phi);
        }
        phi
    }

    /// The prediction of an average training row (the contributions' reference).
    #[cfg(test)]
    pub(crate) fn expected(&self) -> f64 {
        self.trees.iter().map(Tree::expected).sum()
    }

    /// The group of input `i`.
    pub(crate) fn group(&self, i: usize) -> &'static str {
        self.groups[i]
    }

    /// The conformal band of an account with `videos` earlier videos (3-5, 6-10, 11+).
    pub(crate) fn band(&self, videos: usize) -> &ResidualBand {
        let group = match videos {
            0..=5 => 0,
            6..=10 => 1,
            _ => 2,
        };
        &self.bands[group]
    }
}

#[cfg(test)]
mod tests;
