//! What an edit changed, field by field, for the edit log: an entity's fields as JSON before and
//! after, compared key by key. References to other rows are written as their UUIDs (local row
//! ids never leave the machine) and the local id itself is left out.

use serde::Serialize;
use serde_json::{Map, Value};

use super::set_fields;
use crate::store::{EntityKind, Op, Store, StoreError};

/// The field name of an op that creates (value set, no before) or removes (before set, no
/// value) a whole entity.
pub const WHOLE: &str = "*";

/// Fields that change on every write and say nothing of their own.
const NOISE: &[&str] = &["id", "updated_at", "sequence"];

/// The ops of one edit, collected while it runs.
#[derive(Debug, Default)]
pub struct OpLog {
    pub ops: Vec<Op>,
}

impl OpLog {
    /// Records the change of the entity `kind`/`uuid` from `before` to `after` (either `None`
    /// for a creation or a removal).
    pub fn entity<T: Serialize>(
        &mut self,
        store: &Store,
        kind: EntityKind,
        uuid: Option<String>,
        before: Option<&T>,
        after: Option<&T>,
    ) -> Result<(), StoreError> {
        let Some(uuid) = uuid else {
            return Ok(());
        };
        let before = before.map(|b| shared_form(store, kind, b)).transpose()?;
        let after = after.map(|a| shared_form(store, kind, a)).transpose()?;
        match (before, after) {
            (None, Some(after)) => self.push(kind, &uuid, WHOLE, Some(&after), None),
            (Some(before), None) => self.push(kind, &uuid, WHOLE, None, Some(&before)),
            (Some(Value::Object(before)), Some(Value::Object(after))) => {
                for (field, value) in &after {
                    let old = before.get(field);
                    if old == Some(value) {
                        continue;
                    }
                    // An object whose keys merge one by one travels key by key.
                    if set_fields::is_per_key_field(kind, field)
                        && let (Some(Value::Object(old)), Value::Object(new)) = (old, value)
                    {
                        for (key, v) in new {
                            if old.get(key) != Some(v) {
                                let field = set_fields::key_field(field, key);
                                self.push(kind, &uuid, &field, Some(v), old.get(key));
                            }
                        }
                        continue;
                    }
                    // A set travels as what was added and removed, so it merges per element.
                    let change = old
                        .filter(|_| set_fields::is_set_field(kind, field))
                        .and_then(|old| set_fields::diff(old, value));
                    self.push(
                        kind,
                        &uuid,
                        field,
                        Some(change.as_ref().unwrap_or(value)),
                        old,
                    );
                }
            }
            (Some(before), Some(after)) if before != after => {
                self.push(kind, &uuid, WHOLE, Some(&after), Some(&before));
            }
            _ => {}
        }
        Ok(())
    }

    /// Records one field set to `value` (from `before`).
    pub fn field(
        &mut self,
        kind: EntityKind,
        uuid: Option<String>,
        field: &str,
        value: &Value,
        before: &Value,
    ) {
        if let Some(uuid) = uuid
            && value != before
        {
            self.push(kind, &uuid, field, Some(value), Some(before));
        }
    }

    fn push(
        &mut self,
        kind: EntityKind,
        uuid: &str,
        field: &str,
        value: Option<&Value>,
        before: Option<&Value>,
    ) {
        self.ops.push(Op {
            kind,
            entity: uuid.to_string(),
            field: field.to_string(),
            value: value.map(Value::to_string),
            before: before.map(Value::to_string),
        });
    }
}

/// The entity as JSON with its local id left out and its references written as UUIDs.
pub(super) fn shared_form<T: Serialize>(
    store: &Store,
    kind: EntityKind,
    entity: &T,
) -> Result<Value, StoreError> {
    let mut value = serde_json::to_value(entity).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut value {
        for noise in NOISE {
            map.remove(*noise);
        }
        for (field, target) in references(kind) {
            to_uuid(store, map, field, *target)?;
        }
    }
    Ok(value)
}

/// The fields of an entity of `kind` that name another row, and that row's kind.
fn references(kind: EntityKind) -> &'static [(&'static str, EntityKind)] {
    match kind {
        EntityKind::Draft => &[
            ("account", EntityKind::Account),
            ("subculture", EntityKind::Subculture),
        ],
        EntityKind::PlanEntry => &[
            ("account", EntityKind::Account),
            ("draft", EntityKind::Draft),
        ],
        EntityKind::Comment => &[("draft", EntityKind::Draft)],
        EntityKind::TrendCapture => &[("item", EntityKind::TrendItem)],
        _ => &[],
    }
}

/// The reverse of [`shared_form`]: references written as UUIDs become this machine's row ids
/// (`None` when a referenced row is not here), and `local` (the local id and the fields left
/// out) is filled in.
pub(super) fn local_form(
    store: &Store,
    kind: EntityKind,
    mut value: Value,
    local: &[(&str, Value)],
) -> Result<Option<Value>, StoreError> {
    if let Value::Object(map) = &mut value {
        for (field, target) in references(kind) {
            if let Some(uuid) = map.get(*field).and_then(Value::as_str).map(str::to_string) {
                match store.local_id_of(*target, &uuid)? {
                    Some(id) => {
                        let id: i64 = id.parse().unwrap_or_default();
                        map.insert(field.to_string(), Value::from(id));
                    }
                    None => return Ok(None),
                }
            }
        }
        for (field, v) in local {
            map.insert(field.to_string(), v.clone());
        }
    }
    Ok(Some(value))
}

/// Replaces the local id in `map[field]` with the UUID of that row (`null` stays `null`).
fn to_uuid(
    store: &Store,
    map: &mut Map<String, Value>,
    field: &str,
    target: EntityKind,
) -> Result<(), StoreError> {
    if let Some(id) = map.get(field).and_then(Value::as_i64) {
        let uuid = store.uuid_of(target, &id.to_string())?;
        map.insert(field.to_string(), uuid.map_or(Value::Null, Value::String));
    }
    Ok(())
}
