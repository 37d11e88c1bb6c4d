//! Scheduling, pure: wall times in a zone resolved to instants with clock changes surfaced
//! ([`wall`]), posting slots expanded per local date ([`slots`]), the posting cadence
//! ([`cadence`]), when the audience is online ([`best_times`]) and the auto-planner
//! ([`plan`]). Nothing here reads the workspace, the clock or egui; `workspace::planning`
//! feeds it and writes its answer.

pub mod best_times;
pub mod cadence;
pub mod plan;
pub mod slots;
pub mod wall;

pub use best_times::{BestTimeSource, BestTimes, MIN_PROFILE_WEEKS};
pub use cadence::{CadenceRules, MixGroup, SubcultureMix};
pub use plan::{Fixed, Placement, Plan, PlanDraft, PlanError, PlanInput, ScoreMatrix, auto_plan};
pub use slots::{CandidateSlot, RecurringSlot, WallSlot, candidates, expand, hourly_grid};
pub use wall::{Choice, NeedsChoice, Resolution, describe, resolve};
