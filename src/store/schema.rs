//! The workspace schema and its forward-only migrations (version in `PRAGMA user_version`).

use rusqlite_migration::{M, Migrations};

/// The schema version this build writes.
pub const LATEST_VERSION: u32 = 1;

/// Every migration, oldest first. Append only: a released migration never changes.
pub(crate) fn migrations() -> Migrations<'static> {
    Migrations::new(vec![M::up(include_str!("schema_v1.sql"))])
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_migrations_are_valid() {
        assert!(super::migrations().validate().is_ok());
        assert_eq!(
            super::LATEST_VERSION as usize,
            1,
            "bump LATEST_VERSION with each migration"
        );
    }
}
