//! The planner's scores: the predicted median reach of each draft in each candidate slot.
//!
//! Slots that score alike share a *column*: the workspace scores a draft by the hour of the
//! week only (one heat map per draft), so a year of slots needs 168 columns, not one per slot,
//! and a year x 5,000 drafts stays a few megabytes. [`ScoreMatrix::from_fn`] keeps one column
//! per slot for callers whose scores differ slot by slot. The matrix never changes a value it
//! was given except that NaN and negative scores count as 0.

/// Predicted median reach of each draft (rows) in each candidate slot, stored by column.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreMatrix {
    slots: usize,
    columns: usize,
    /// The column of each slot; `None` when every slot is its own column.
    column_of: Option<Vec<u32>>,
    values: Vec<f64>,
}

fn clean(v: f64) -> f64 {
    if v.is_finite() { v.max(0.0) } else { 0.0 }
}

impl ScoreMatrix {
    /// Fills a `drafts x slots` matrix from a function, one column per slot.
    pub fn from_fn(drafts: usize, slots: usize, mut f: impl FnMut(usize, usize) -> f64) -> Self {
        let mut values = Vec::with_capacity(drafts * slots);
        for d in 0..drafts {
            for s in 0..slots {
                values.push(clean(f(d, s)));
            }
        }
        Self {
            slots,
            columns: slots,
            column_of: None,
            values,
        }
    }

    /// A matrix whose slot `s` scores as column `column_of[s]`, the columns filled from
    /// `f(draft, column)`: every slot of a column has the same score for a draft.
    ///
    /// # Panics
    /// When a slot names a column outside `0..columns`.
    pub fn by_column(
        drafts: usize,
        columns: usize,
        column_of: Vec<u32>,
        mut f: impl FnMut(usize, usize) -> f64,
    ) -> Self {
        assert!(
            column_of.iter().all(|&c| (c as usize) < columns),
            "every slot's column is one of the {columns} columns"
        );
        let mut values = Vec::with_capacity(drafts * columns);
        for d in 0..drafts {
            for c in 0..columns {
                values.push(clean(f(d, c)));
            }
        }
        Self {
            slots: column_of.len(),
            columns,
            column_of: Some(column_of),
            values,
        }
    }

    pub fn get(&self, draft: usize, slot: usize) -> f64 {
        self.at_column(draft, self.column(slot))
    }

    /// The score of `draft` in every slot of `column`.
    pub fn at_column(&self, draft: usize, column: usize) -> f64 {
        self.values[draft * self.columns + column]
    }

    /// The column slot `slot` scores as.
    pub fn column(&self, slot: usize) -> usize {
        match &self.column_of {
            Some(of) => of[slot] as usize,
            None => slot,
        }
    }

    pub fn columns(&self) -> usize {
        self.columns
    }

    pub fn drafts(&self) -> usize {
        self.values.len().checked_div(self.columns).unwrap_or(0)
    }

    pub fn slots(&self) -> usize {
        self.slots
    }

    /// True when the matrix holds no score at all.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }
}
