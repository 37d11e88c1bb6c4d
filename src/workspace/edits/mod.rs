//! Every change a person makes goes one way: an [`Edit`] handed to [`Workspace::apply`], which
//! validates it, writes it in one transaction and logs it field by field, naming entities by
//! their UUIDs (`edit_log` in the store). Undo and Redo are edits too ([`Workspace::undo`]),
//! and a draft's history is read from the same log.
//!
//! [`Workspace::apply`]: crate::workspace::Workspace::apply
//! [`Workspace::undo`]: crate::workspace::Workspace::undo

mod apply;
mod edit;
mod history;
mod member;
mod ops;
mod publish;
mod pulled;
mod run_drafts;
mod run_library;
mod run_plan;
mod set_fields;
mod teammate_plan;
mod teammate_values;
mod undo;

pub use apply::{Applied, Outcome};
pub use edit::{Edit, PlanState};
pub use history::HistoryEntry;
pub use member::MEMBER_SETTING;
pub use pulled::{Pulled, PulledRow, PushAnswer, TEXT_FIELDS};
