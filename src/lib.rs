//! Scrollstop: a desktop content planner for teams that make TikTok videos.
//!
//! Layers, with arrows pointing one way: [`domain`] is plain data; [`store`] keeps it in one
//! SQLite workspace file; [`workspace`] is the one facade the window ([`ui`]) and the command
//! line ([`cli`]) call. See DESIGN.md in the shared design notes for the whole map.

pub mod checks;
pub mod cli;
pub mod domain;
pub mod io;
pub mod model;
pub mod random;
pub mod schedule;
pub mod stable_hash;
pub mod store;
pub mod text;
pub mod ui;
pub mod workspace;

/// mimalloc instead of the system allocator: an import allocates a handful of strings per row
/// on the reading thread and frees them on the writing one, which glibc's allocator handles
/// poorly (a large share of a million-row import went to `malloc` and `free`). Built without
/// transparent huge pages (`no_thp`): with them, every 2 MB of the allocator's arena that was
/// touched at all stayed resident, about 30 MB more for the window on a big workspace.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
