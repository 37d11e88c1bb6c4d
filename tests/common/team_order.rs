//! The team's order for tests of the merge rules, on a real PostgreSQL team server (the shared
//! test server, a team database of its own for each order): a member's push is ordered by the
//! server's push function, and a member pulls what it has not applied. Every member connects as
//! one owner login; the role checks are tested in `tests/team/`. A test binary that takes this
//! in also takes in `team/server.rs` as `mod server`.

// Each binary that takes this in uses its own part of it.
#![allow(dead_code)]

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

use scrollstop::domain::{Draft, DraftId};
use scrollstop::workspace::team::{ServerAddress, SyncReport, TeamServer};
use scrollstop::workspace::{Edit, Pulled, Workspace};

use super::server::{TestServer, with_password};

/// The login every member connects as.
const LOGIN: &str = "ordering_owner";
const PASSWORD: &str = "pw-ordering";

/// A team on the test server and one session per member (by workspace file).
pub struct TeamOrder {
    address: ServerAddress,
    sessions: HashMap<PathBuf, TeamServer>,
}

impl Default for TeamOrder {
    /// A new team in a database of its own.
    fn default() -> Self {
        static SET_UP: OnceLock<()> = OnceLock::new();
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        static CREATING: Mutex<()> = Mutex::new(());
        let server = TestServer::shared();
        SET_UP.get_or_init(|| {
            server
                .sql("postgres")
                .batch_execute(&format!(
                    "CREATE ROLE \"{LOGIN}\" LOGIN CREATEROLE PASSWORD '{PASSWORD}'"
                ))
                .expect("the members' login");
        });
        let _one_at_a_time = CREATING.lock().unwrap_or_else(|e| e.into_inner());
        let name = format!(
            "order_{}_{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::SeqCst)
        );
        let db = server.database(&name, Some(LOGIN));
        let address = ServerAddress::parse(&server.url(LOGIN, &db, "disable")).expect("address");
        let mut order = Self {
            address,
            sessions: HashMap::new(),
        };
        order
            .session_for(PathBuf::from("creator"))
            .create_team(&name, LOGIN)
            .expect("the team");
        order
    }
}

impl TeamOrder {
    fn session_for(&mut self, path: PathBuf) -> &mut TeamServer {
        let address = &self.address;
        self.sessions.entry(path).or_insert_with(|| {
            TeamServer::connect_with(address, &with_password(PASSWORD)).expect("connects")
        })
    }

    /// Sends the member's outbox; the server orders each op.
    pub fn push(&mut self, member: &mut Workspace) {
        let session = self.session_for(member.path().to_path_buf());
        let mut report = SyncReport::default();
        member.push_to(session, &mut report).expect("pushed");
        assert!(report.refused.is_empty(), "refused: {:?}", report.refused);
    }

    /// Applies every op the member has not applied yet.
    pub fn pull(&mut self, member: &mut Workspace) -> Pulled {
        let session = self.session_for(member.path().to_path_buf());
        let mut report = SyncReport::default();
        member.pull_from(session, &mut report).expect("pulled");
        report.pulled
    }
}

/// Adds @lunchboxlab (New York) as `author`'s edit; returns its id.
pub fn add_account(ws: &mut Workspace, author: &str) -> scrollstop::domain::AccountId {
    let new = scrollstop::domain::NewAccount {
        handle: "lunchboxlab".parse().expect("handle"),
        display_name: "Lunchbox Lab".into(),
        time_zone: chrono_tz::America::New_York,
        region: "US".into(),
        language: "en".into(),
    };
    match ws
        .apply(scrollstop::workspace::Edit::AddAccount(new), author)
        .expect("the account is added")
        .outcome
    {
        scrollstop::workspace::Outcome::Account(id) => id,
        other => panic!("an account, not {other:?}"),
    }
}

/// Adds a draft titled `title` to `account` as `author`'s edit; returns its id.
pub fn add_draft(
    ws: &mut Workspace,
    account: scrollstop::domain::AccountId,
    title: &str,
    author: &str,
) -> scrollstop::domain::DraftId {
    let mut draft = scrollstop::domain::Draft::blank(account, chrono::Utc::now());
    draft.title = title.to_string();
    match ws
        .apply(
            scrollstop::workspace::Edit::CreateDraft(Box::new(draft)),
            author,
        )
        .expect("the draft is added")
        .outcome
    {
        scrollstop::workspace::Outcome::Draft(id) => id,
        other => panic!("a draft, not {other:?}"),
    }
}

/// Priya's workspace with an account and a draft titled "Gratitude jar" (then `prepare`d as
/// Priya's edits), pushed and pulled; Sam joins with a copy. Returns the folder, both
/// workspaces, the order, the draft and what Priya's first pull did.
pub fn two_members(
    prepare: impl FnOnce(&mut Workspace, DraftId),
) -> (
    tempfile::TempDir,
    Workspace,
    Workspace,
    TeamOrder,
    DraftId,
    Pulled,
) {
    let dir = tempfile::tempdir().expect("temp dir");
    let a_path = dir.path().join("priya.sqlite");
    let mut priya = Workspace::open(&a_path).expect("opens");
    let account = add_account(&mut priya, "Priya");
    let id = add_draft(&mut priya, account, "Gratitude jar", "Priya");
    prepare(&mut priya, id);
    let mut order = TeamOrder::default();
    order.push(&mut priya);
    let first_pull = order.pull(&mut priya);
    drop(priya);
    let b_path = dir.path().join("sam.sqlite");
    std::fs::copy(&a_path, &b_path).expect("Sam's copy");
    let priya = Workspace::open(&a_path).expect("reopens");
    let sam = Workspace::open(&b_path).expect("opens");
    (dir, priya, sam, order, id, first_pull)
}

/// Changes draft `id` as `author`'s edit.
pub fn edit_draft(ws: &mut Workspace, id: DraftId, author: &str, change: impl FnOnce(&mut Draft)) {
    let mut draft = ws.draft(id).expect("draft");
    change(&mut draft);
    ws.apply(Edit::SaveDrafts(vec![draft]), author)
        .expect("saved");
}
