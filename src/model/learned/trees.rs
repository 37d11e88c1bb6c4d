//! The embedded trees: scoring a feature row (the sum of one leaf per tree, as LightGBM does)
//! and its exact Shapley contributions (TreeSHAP, Lundberg et al. 2018, Algorithm 2, with the
//! training rows' counts at each node as the background), so a driver is this model's own
//! attribution for this draft, not an approximation. Pure arithmetic over plain vectors.

use serde::Deserialize;

/// A tree node as the trainer writes it: a split `x[f] <= t` goes left, or a leaf value;
/// `c` counts the training rows that reached it.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub(crate) enum RawNode {
    Split {
        f: usize,
        t: f64,
        l: Box<RawNode>,
        r: Box<RawNode>,
        c: f64,
    },
    Leaf {
        v: f64,
        #[serde(default = "one")]
        c: f64,
    },
}

fn one() -> f64 {
    1.0
}

/// One node of a flattened tree (children index the same vector).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Node {
    /// `usize::MAX` for a leaf.
    feature: usize,
    threshold: f64,
    left: usize,
    right: usize,
    /// The leaf's value (0 for splits).
    value: f64,
    count: f64,
}

/// One regression tree, root first.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Tree {
    nodes: Vec<Node>,
}

impl Tree {
    pub(crate) fn from_raw(raw: &RawNode) -> Self {
        let mut nodes = Vec::new();
        flatten(raw, &mut nodes);
        Self { nodes }
    }

    /// The leaf value `x` falls into.
    pub(crate) fn predict(&self, x: &[f64]) -> f64 {
        let mut i = 0;
        loop {
            let n = &self.nodes[i];
            if n.feature == usize::MAX {
                return n.value;
            }
            i = if x[n.feature] <= n.threshold {
                n.left
            } else {
                n.right
            };
        }
    }

    /// Mean leaf value over the training rows (the tree's part of the expected value).
    #[cfg(test)]
    pub(crate) fn expected(&self) -> f64 {
        leaf_mean(&self.nodes, 0)
    }

    /// Every split as `(feature, threshold)`: `x[feature] <= threshold` goes left.
    pub(crate) fn splits(&self) -> impl Iterator<Item = (usize, f64)> + '_ {
        self.nodes
            .iter()
            .filter(|n| n.feature != usize::MAX)
            .map(|n| (n.feature, n.threshold))
    }

    /// The largest feature index a split reads.
    pub(crate) fn max_feature(&self) -> Option<usize> {
        self.nodes
            .iter()
            .filter(|n| n.feature != usize::MAX)
            .map(|n| n.feature)
            .max()
    }

    /// Adds this tree's exact Shapley contributions for `x` to `phi`.
    pub(crate) fn add_contributions(&self, x: &[f64], phi: &mut [f64]) {
        self.recurse(x, phi, 0, &[], 1.0, 1.0, usize::MAX);
    }

    #[allow(clippy::too_many_arguments)]
    fn recurse(
        &self,
        x: &[f64],
        phi: &mut [f64],
        at: usize,
        parent: &[PathElement],
        zero: f64,
        one: f64,
        feature: usize,
    ) {
        let mut path = parent.to_vec();
        extend(&mut path, zero, one, feature);
        let node = self.nodes[at];
        if node.feature == usize::MAX {
            for i in 1..path.len() {
                let w = unwound_sum(&path, i);
                let e = path[i];
                phi[e.feature] += w * (e.one - e.zero) * node.value;
            }
            return;
        }
        let (hot, cold) = if x[node.feature] <= node.threshold {
            (node.left, node.right)
        } else {
            (node.right, node.left)
        };
        let (mut in_zero, mut in_one) = (1.0, 1.0);
        if let Some(k) = path.iter().skip(1).position(|e| e.feature == node.feature) {
            let k = k + 1;
            in_zero = path[k].zero;
            in_one = path[k].one;
            unwind(&mut path, k);
        }
        let hot_share = self.nodes[hot].count / node.count;
        let cold_share = self.nodes[cold].count / node.count;
        self.recurse(
            x,
            phi,
            hot,
            &path,
            hot_share * in_zero,
            in_one,
            node.feature,
        );
        self.recurse(x, phi, cold, &path, cold_share * in_zero, 0.0, node.feature);
    }
}

fn flatten(raw: &RawNode, nodes: &mut Vec<Node>) -> usize {
    let at = nodes.len();
    match raw {
        RawNode::Leaf { v, c } => nodes.push(Node {
            feature: usize::MAX,
            threshold: 0.0,
            left: 0,
            right: 0,
            value: *v,
            count: *c,
        }),
        RawNode::Split { f, t, l, r, c } => {
            nodes.push(Node {
                feature: *f,
                threshold: *t,
                left: 0,
                right: 0,
                value: 0.0,
                count: *c,
            });
            let left = flatten(l, nodes);
            let right = flatten(r, nodes);
            nodes[at].left = left;
            nodes[at].right = right;
        }
    }
    at
}

/// The count-weighted mean of the leaves under node `at`.
#[cfg(test)]
fn leaf_mean(nodes: &[Node], at: usize) -> f64 {
    let n = nodes[at];
    if n.feature == usize::MAX {
        return n.value;
    }
    let (l, r) = (nodes[n.left], nodes[n.right]);
    (l.count * leaf_mean(nodes, n.left) + r.count * leaf_mean(nodes, n.right)) / n.count
}

/// One feature on the path from the root: the share of background rows that follow the path
/// (`zero`), whether `x` follows it (`one`), and the permutation weight.
#[derive(Debug, Clone, Copy)]
struct PathElement {
    feature: usize,
    zero: f64,
    one: f64,
    weight: f64,
}

fn extend(path: &mut Vec<PathElement>, zero: f64, one: f64, feature: usize) {
    let depth = path.len();
    path.push(PathElement {
        feature,
        zero,
        one,
        weight: if depth == 0 { 1.0 } else { 0.0 },
    });
    let d = depth as f64;
    for i in (0..depth).rev() {
        path[i + 1].weight += one * path[i].weight * (i + 1) as f64 / (d + 1.0);
        path[i].weight = zero * path[i].weight * (d - i as f64) / (d + 1.0);
    }
}

fn unwind(path: &mut Vec<PathElement>, at: usize) {
    let depth = path.len() - 1;
    let d = depth as f64;
    let (one, zero) = (path[at].one, path[at].zero);
    let mut next = path[depth].weight;
    for i in (0..depth).rev() {
        if one != 0.0 {
            let keep = path[i].weight;
            path[i].weight = next * (d + 1.0) / ((i + 1) as f64 * one);
            next = keep - path[i].weight * zero * (d - i as f64) / (d + 1.0);
        } else {
            path[i].weight = path[i].weight * (d + 1.0) / (zero * (d - i as f64));
        }
    }
    for i in at..depth {
        path[i].feature = path[i + 1].feature;
        path[i].zero = path[i + 1].zero;
        path[i].one = path[i + 1].one;
    }
    path.pop();
}

fn unwound_sum(path: &[PathElement], at: usize) -> f64 {
    let depth = path.len() - 1;
    let d = depth as f64;
    let (one, zero) = (path[at].one, path[at].zero);
    let mut next = path[depth].weight;
    let mut total = 0.0;
    if one != 0.0 {
        for i in (0..depth).rev() {
            let share = next / ((i + 1) as f64 * one);
            total += share;
            next = path[i].weight - share * zero * (d - i as f64);
        }
    } else {
        for i in (0..depth).rev() {
            total += path[i].weight / (zero * (d - i as f64));
        }
    }
    total * (d + 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leaf(v: f64, c: f64) -> RawNode {
        RawNode::Leaf { v, c }
    }

    fn split(f: usize, t: f64, l: RawNode, r: RawNode, c: f64) -> RawNode {
        RawNode::Split {
            f,
            t,
            l: Box::new(l),
            r: Box::new(r),
            c,
        }
    }

    /// Shapley values by brute force over feature subsets, with the tree's own
    /// interventional-by-counts value function (the one TreeSHAP computes).
    fn brute_force(tree: &Tree, x: &[f64], features: usize) -> Vec<f64> {
        fn value(tree: &Tree, at: usize, x: &[f64], known: u32) -> f64 {
            let n = tree.nodes[at];
            if n.feature == usize::MAX {
                return n.value;
            }
            if known & (1 << n.feature) != 0 {
                let next = if x[n.feature] <= n.threshold {
                    n.left
                } else {
                    n.right
                };
                return value(tree, next, x, known);
            }
            let (l, r) = (tree.nodes[n.left], tree.nodes[n.right]);
            (l.count * value(tree, n.left, x, known) + r.count * value(tree, n.right, x, known))
                / n.count
        }
        let fact = |k: usize| (1..=k).product::<usize>() as f64;
        let mut phi = vec![0.0; features];
        for (i, p) in phi.iter_mut().enumerate() {
            for s in 0..(1u32 << features) {
                if s & (1 << i) != 0 {
                    continue;
                }
                let size = s.count_ones() as usize;
                let w = fact(size) * fact(features - size - 1) / fact(features);
                *p += w * (value(tree, 0, x, s | (1 << i)) - value(tree, 0, x, s));
            }
        }
        phi
    }

    #[test]
    fn contributions_are_exact_shapley_values_and_add_up_to_the_prediction() {
        // Feature 0 is split twice on one path: the case TreeSHAP's unwinding exists for.
        let raw = split(
            0,
            0.5,
            split(1, 1.0, leaf(1.0, 30.0), leaf(-2.0, 10.0), 40.0),
            split(
                2,
                0.0,
                split(0, 2.0, leaf(3.0, 15.0), leaf(0.5, 5.0), 20.0),
                leaf(-1.0, 40.0),
                60.0,
            ),
            100.0,
        );
        let tree = Tree::from_raw(&raw);
        for x in [
            [0.0, 0.0, 0.0],
            [1.0, 2.0, -1.0],
            [3.0, 0.5, 1.0],
            [1.5, 1.5, -0.5],
        ] {
            let mut phi = vec![0.0; 3];
            tree.add_contributions(&x, &mut phi);
            let exact = brute_force(&tree, &x, 3);
            for (a, b) in phi.iter().zip(&exact) {
                assert!((a - b).abs() < 1e-12, "{phi:?} vs {exact:?}");
            }
            let total: f64 = phi.iter().sum::<f64>() + tree.expected();
            assert!((total - tree.predict(&x)).abs() < 1e-12);
        }
    }
}
