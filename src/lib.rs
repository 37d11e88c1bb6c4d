//! Scrollstop: a desktop content planner for teams that make TikTok videos.
//!
//! Layers, with arrows pointing one way: [`domain`] is plain data; [`store`] keeps it in one
//! SQLite workspace file; [`workspace`] is the one facade the window ([`ui`]) and the command
//! line ([`cli`]) call. See DESIGN.md in the shared design notes for the whole map.
//!
//! Memory comes from the system's allocator. mimalloc, used before, gave memory freed by
//! background threads back to the system in whichever thread allocated next after a delay,
//! often the window's: 10–14 ms frames of nothing but `madvise` on a team's workspace. glibc
//! unmaps a large block in the thread that frees it. A million-row import, whose readers now
//! refill the records the writer is done with, took as long with either in interleaved runs.

pub mod checks;
pub mod cli;
pub mod domain;
pub mod io;
pub mod model;
pub mod quick_hash;
pub mod random;
pub mod reuse;
pub mod schedule;
pub mod stable_hash;
pub mod store;
pub mod text;
pub mod ui;
pub mod workspace;
