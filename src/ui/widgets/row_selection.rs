//! Which rows of a table are selected, the way desktop file lists do it: a click selects one
//! row, Ctrl+click toggles a row, Shift+click selects the range from the last clicked row
//! (in the order shown), Ctrl+A selects everything shown. Pure: ids in, ids out.

use std::collections::HashSet;
use std::hash::Hash;

/// How a row was clicked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClickKind {
    /// A plain click: only this row.
    Only,
    /// Ctrl (Cmd) + click: add or remove this row.
    Toggle,
    /// Shift + click: every row from the anchor to this one.
    Range,
}

impl ClickKind {
    /// The kind of a click made with `modifiers` held.
    pub fn from_modifiers(modifiers: eframe::egui::Modifiers) -> Self {
        if modifiers.shift {
            ClickKind::Range
        } else if modifiers.command {
            ClickKind::Toggle
        } else {
            ClickKind::Only
        }
    }
}

/// The selected rows and the anchor Shift+click ranges start from.
#[derive(Debug, Clone)]
pub struct RowSelection<Id> {
    selected: HashSet<Id>,
    anchor: Option<Id>,
}

impl<Id> Default for RowSelection<Id> {
    fn default() -> Self {
        Self {
            selected: HashSet::new(),
            anchor: None,
        }
    }
}

impl<Id: Copy + Eq + Hash> RowSelection<Id> {
    /// Applies a click on `id`; `shown` is the table's rows in their current order.
    pub fn click(&mut self, id: Id, kind: ClickKind, shown: &[Id]) {
        match kind {
            ClickKind::Only => {
                self.selected.clear();
                self.selected.insert(id);
                self.anchor = Some(id);
            }
            ClickKind::Toggle => {
                if !self.selected.remove(&id) {
                    self.selected.insert(id);
                }
                self.anchor = Some(id);
            }
            ClickKind::Range => {
                let target = shown.iter().position(|x| *x == id);
                let from = self.anchor.and_then(|a| shown.iter().position(|x| *x == a));
                match (from, target) {
                    (Some(from), Some(to)) => {
                        let (lo, hi) = (from.min(to), from.max(to));
                        self.selected.clear();
                        self.selected.extend(shown[lo..=hi].iter().copied());
                    }
                    _ => {
                        self.selected.clear();
                        self.selected.insert(id);
                        self.anchor = Some(id);
                    }
                }
            }
        }
    }

    /// Selects every row in `shown`.
    pub fn select_all(&mut self, shown: &[Id]) {
        self.selected = shown.iter().copied().collect();
        self.anchor = shown.first().copied();
    }

    /// Selects nothing.
    pub fn clear(&mut self) {
        self.selected.clear();
        self.anchor = None;
    }

    /// Forgets rows that are no longer shown (filtered out, trashed, restored).
    pub fn keep_only(&mut self, shown: &[Id]) {
        if self.selected.is_empty() {
            return;
        }
        let shown: HashSet<Id> = shown.iter().copied().collect();
        self.selected.retain(|id| shown.contains(id));
        if self.anchor.is_some_and(|a| !shown.contains(&a)) {
            self.anchor = None;
        }
    }

    pub fn contains(&self, id: &Id) -> bool {
        self.selected.contains(id)
    }

    pub fn len(&self) -> usize {
        self.selected.len()
    }

    pub fn is_empty(&self) -> bool {
        self.selected.is_empty()
    }

    /// The selected ids in the order of `shown`.
    pub fn in_order(&self, shown: &[Id]) -> Vec<Id> {
        shown
            .iter()
            .filter(|id| self.selected.contains(id))
            .copied()
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHOWN: [u32; 6] = [10, 11, 12, 13, 14, 15];

    #[test]
    fn a_click_selects_one_and_ctrl_click_toggles() {
        let mut s = RowSelection::default();
        s.click(12, ClickKind::Only, &SHOWN);
        s.click(14, ClickKind::Toggle, &SHOWN);
        assert_eq!(s.in_order(&SHOWN), vec![12, 14]);
        s.click(12, ClickKind::Toggle, &SHOWN);
        assert_eq!(s.in_order(&SHOWN), vec![14]);
        s.click(11, ClickKind::Only, &SHOWN);
        assert_eq!(s.in_order(&SHOWN), vec![11]);
    }

    #[test]
    fn shift_click_selects_the_range_from_the_anchor_either_way() {
        let mut s = RowSelection::default();
        s.click(13, ClickKind::Only, &SHOWN);
        s.click(15, ClickKind::Range, &SHOWN);
        assert_eq!(s.in_order(&SHOWN), vec![13, 14, 15]);
        s.click(11, ClickKind::Range, &SHOWN);
        assert_eq!(s.in_order(&SHOWN), vec![11, 12, 13], "the anchor stays");
    }

    #[test]
    fn shift_click_without_anchor_selects_one() {
        let mut s = RowSelection::default();
        s.click(14, ClickKind::Range, &SHOWN);
        assert_eq!(s.in_order(&SHOWN), vec![14]);
    }

    #[test]
    fn select_all_clear_and_keep_only() {
        let mut s = RowSelection::default();
        s.select_all(&SHOWN);
        assert_eq!(s.len(), 6);
        s.keep_only(&[11, 15, 99]);
        assert_eq!(s.in_order(&SHOWN), vec![11, 15]);
        s.clear();
        assert!(s.is_empty());
    }

    #[test]
    fn modifiers_choose_the_click_kind() {
        use eframe::egui::Modifiers;
        assert_eq!(ClickKind::from_modifiers(Modifiers::NONE), ClickKind::Only);
        assert_eq!(
            ClickKind::from_modifiers(Modifiers::COMMAND),
            ClickKind::Toggle
        );
        assert_eq!(
            ClickKind::from_modifiers(Modifiers::SHIFT),
            ClickKind::Range
        );
    }
}
