//! [`Edit`]: every change a person can make to a workspace, as data. The window, the command
//! line and (later) teammates' operations all change the workspace by handing one to
//! [`Workspace::apply`](crate::workspace::Workspace::apply).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::{
    Account, AccountId, Colour, Draft, DraftId, DraftStatus, NewAccount, PlanEntry, PlanEntryId,
    Subculture, SubcultureId, TrendCapture, TrendItem,
};
use crate::schedule::SubcultureMix;
use crate::store::RecordedTrend;
use crate::workspace::PlanRequest;

/// One change a person makes. Each is validated and written in one transaction, logged field
/// by field, and (where it can be) taken back by Undo.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Edit {
    /// A new draft (its id is assigned; `id` is ignored).
    CreateDraft(Box<Draft>),
    /// Every field of these drafts as given (a bulk status change, an assignment, a CLI set).
    SaveDrafts(Vec<Draft>),
    /// The draft open in the editor, saved as the user types. Consecutive autosaves of one
    /// draft are one Undo step until [`Workspace::end_autosaves`] is called.
    ///
    /// [`Workspace::end_autosaves`]: crate::workspace::Workspace::end_autosaves
    Autosave(Box<Draft>),
    /// Drafts put back exactly as they were, `updated_at` included (what Undo of a save does).
    PutBackDrafts(Vec<Draft>),
    /// Move drafts to the trash.
    TrashDrafts(Vec<DraftId>),
    /// Bring drafts back from the trash.
    RestoreDrafts(Vec<DraftId>),
    /// Delete trashed drafts for good, with their comments and plan entries (no Undo).
    DeleteDraftsForever(Vec<DraftId>),
    /// Settles a conflict on a draft's text field: `value` (JSON, as the conflict holds it)
    /// becomes the field's value, or `None` keeps the current one; the kept-aside values of
    /// that field are then closed, on every machine.
    PickConflict {
        draft: DraftId,
        field: String,
        value: Option<String>,
    },
    /// A comment on a draft's review thread, signed by the edit's author (append-only).
    Comment {
        draft: DraftId,
        text: String,
    },
    AddSubculture {
        name: String,
        hashtags: Vec<String>,
        description: String,
        colour: Colour,
    },
    UpdateSubculture(Subculture),
    TrashSubculture(SubcultureId),
    RestoreSubculture(SubcultureId),
    AddAccount(NewAccount),
    /// Every field of the account, its cadence included.
    UpdateAccount(Account),
    TrashAccount(AccountId),
    RestoreAccount(AccountId),
    SetSubcultureMix {
        account: AccountId,
        mix: SubcultureMix,
    },
    /// Captures of trend items, each item created when new.
    RecordTrends(Vec<(TrendItem, TrendCapture)>),
    /// Takes recorded captures back (and the items they created); `entries` records them
    /// again.
    RemoveTrends {
        recorded: Vec<RecordedTrend>,
        entries: Vec<(TrendItem, TrendCapture)>,
    },
    /// Drafts placed at the given wall times (their instants resolved), as new plan entries.
    PlaceEntries(Vec<PlanEntry>),
    /// Plan entries taken out of the plan (their drafts stay).
    Unplan(Vec<PlanEntryId>),
    /// A planned post pinned (re-planning leaves it where it is) or unpinned.
    PinEntry {
        entry: PlanEntryId,
        pinned: bool,
    },
    /// A planned post at another wall time (its instant resolved, pinned when moved by hand).
    MovePlanEntry(PlanEntry),
    /// Auto-plan: fill (or re-plan) each request's range, as of `now`, as one edit.
    Plan {
        requests: Vec<PlanRequest>,
        now: DateTime<Utc>,
    },
    /// Place one draft in its best free slot of the request's range.
    PlaceDraft {
        request: PlanRequest,
        draft: DraftId,
        now: DateTime<Utc>,
    },
    /// Each account's plan and drafts' statuses put back as they were (Undo of a plan).
    RestorePlans(Vec<PlanState>),
    /// A setting; `None` removes it.
    SetSetting {
        key: String,
        value: Option<String>,
    },
}

/// An account's whole plan and its drafts' statuses at one moment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanState {
    pub account: AccountId,
    pub entries: Vec<PlanEntry>,
    pub statuses: Vec<(DraftId, DraftStatus)>,
}
