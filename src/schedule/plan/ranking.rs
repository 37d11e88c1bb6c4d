//! The drafts of each score column, best first: the bound that lets the planner look at a
//! slot's few best candidates instead of every draft. A column's steady drafts rank by their
//! score there; its fading drafts rank apart, because their effective score in a slot is their
//! score times the slot's fade factor, which is the same for every fading draft in that slot,
//! so their order holds in every slot of the column too.
//!
//! It never changes once built: placements do not move a draft in any column.

use super::PlanDraft;
use super::scores::ScoreMatrix;

/// Per column, the drafts best first (score descending, then index ascending), steady and
/// fading apart.
pub(super) struct Ranking {
    steady: Vec<u32>,
    steady_len: usize,
    fading: Vec<u32>,
    fading_len: usize,
}

fn ranked(scores: &ScoreMatrix, members: &[u32], columns: usize) -> Vec<u32> {
    let mut out = Vec::with_capacity(members.len() * columns);
    let mut column: Vec<(f64, u32)> = Vec::with_capacity(members.len());
    for c in 0..columns {
        column.clear();
        column.extend(
            members
                .iter()
                .map(|&d| (scores.at_column(d as usize, c), d)),
        );
        column.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        out.extend(column.iter().map(|&(_, d)| d));
    }
    out
}

impl Ranking {
    pub fn new(scores: &ScoreMatrix, drafts: &[PlanDraft]) -> Self {
        let columns = scores.columns();
        let (fading, steady): (Vec<u32>, Vec<u32>) =
            (0..drafts.len() as u32).partition(|&d| drafts[d as usize].fading);
        Self {
            steady_len: steady.len(),
            fading_len: fading.len(),
            steady: ranked(scores, &steady, columns),
            fading: ranked(scores, &fading, columns),
        }
    }

    /// The steady drafts of `column`, best first.
    pub fn steady(&self, column: usize) -> &[u32] {
        &self.steady[column * self.steady_len..(column + 1) * self.steady_len]
    }

    /// The fading drafts of `column`, best score first.
    pub fn fading(&self, column: usize) -> &[u32] {
        &self.fading[column * self.fading_len..(column + 1) * self.fading_len]
    }
}
