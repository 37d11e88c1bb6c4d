//! Set-valued fields (a draft's hashtags, a subculture's hashtags) merge per element (TEAM.md):
//! an op on one carries what it added and what it removed, not the whole list, so two members
//! who each add a hashtag both keep theirs. An element a later op of this machine touched (sent
//! or not) keeps this machine's say over it, as a later op wins everywhere once ordered.

use std::collections::HashSet;

use serde_json::{Value, json};

use crate::store::EntityKind;

/// The object-valued field whose keys merge one by one: a draft's native features (text,
/// effects, green screen, a trending effect), each its own op `features.KEY`, so two members
/// who each turn on a different effect both keep theirs.
pub const PER_KEY_FIELD: &str = "features";

/// The field of one key of a [`PER_KEY_FIELD`] (`features.effects`).
pub fn key_field(field: &str, key: &str) -> String {
    format!("{field}.{key}")
}

/// True when `field` of `kind` is an object whose keys merge one by one.
pub fn is_per_key_field(kind: EntityKind, field: &str) -> bool {
    kind == EntityKind::Draft && field == PER_KEY_FIELD
}

/// True when `field` of `kind` is a set that merges per element.
pub fn is_set_field(kind: EntityKind, field: &str) -> bool {
    field == "hashtags" && matches!(kind, EntityKind::Draft | EntityKind::Subculture)
}

/// The op value that turns the list `before` into `after`: `{"add": [...], "remove": [...]}`,
/// each in the order the lists have. `None` when either is not a list.
pub fn diff(before: &Value, after: &Value) -> Option<Value> {
    let (Value::Array(before), Value::Array(after)) = (before, after) else {
        return None;
    };
    let add: Vec<&Value> = after.iter().filter(|v| !before.contains(v)).collect();
    let remove: Vec<&Value> = before.iter().filter(|v| !after.contains(v)).collect();
    Some(json!({ "add": add, "remove": remove }))
}

/// The elements an op value added or removed (a whole list counts as touching every element).
pub fn touched(value: &Value) -> HashSet<String> {
    let strings = |v: Option<&Value>| -> Vec<String> {
        v.and_then(Value::as_array)
            .map(|list| {
                list.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default()
    };
    match value {
        Value::Array(_) => strings(Some(value)).into_iter().collect(),
        _ => strings(value.get("add"))
            .into_iter()
            .chain(strings(value.get("remove")))
            .collect(),
    }
}

/// `current` with the op's additions and removals made, except for the elements in `keep`.
/// `None` when the value is not a per-element change.
pub fn merged(current: &[String], change: &Value, keep: &HashSet<String>) -> Option<Vec<String>> {
    let list = |key: &str| -> Option<Vec<String>> {
        change.get(key)?.as_array().map(|items| {
            items
                .iter()
                .filter_map(Value::as_str)
                .filter(|e| !keep.contains(*e))
                .map(str::to_string)
                .collect()
        })
    };
    let (add, remove) = (list("add")?, list("remove")?);
    let mut out: Vec<String> = current
        .iter()
        .filter(|e| !remove.contains(e))
        .cloned()
        .collect();
    for element in add {
        if !out.contains(&element) {
            out.push(element);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_change_is_what_was_added_and_removed() {
        let change = diff(&json!(["diy", "thrift"]), &json!(["thrift", "upcycle"])).unwrap();
        assert_eq!(change, json!({"add": ["upcycle"], "remove": ["diy"]}));
        assert_eq!(
            touched(&change),
            ["upcycle", "diy"].map(String::from).into()
        );
        assert_eq!(diff(&json!("x"), &json!([])), None);
    }

    #[test]
    fn two_additions_both_stay_and_a_kept_element_is_left_alone() {
        let mine = list(&["thrift", "mine"]);
        let theirs = json!({"add": ["theirs"], "remove": ["thrift"]});
        assert_eq!(
            merged(&mine, &theirs, &HashSet::new()).unwrap(),
            list(&["mine", "theirs"])
        );
        let keep: HashSet<String> = ["thrift".to_string()].into();
        assert_eq!(
            merged(&mine, &theirs, &keep).unwrap(),
            list(&["thrift", "mine", "theirs"])
        );
        assert_eq!(merged(&mine, &json!(["a"]), &keep), None);
    }
}
