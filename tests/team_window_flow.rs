//! Two windows, one team, a real PostgreSQL server: the lead shares a demo workspace from
//! Settings → Team and adds a member there; the member joins from the welcome screen of an
//! empty workspace; a change made in one window arrives in the other by itself (the sync
//! thread), and the same caption changed in both at once keeps a conflict both can see.

mod common;
#[path = "team/server.rs"]
mod server;

use std::path::Path;
use std::time::{Duration, Instant};

use common::egui::accesskit::Role;
use common::{app, open_view, run_until, shows_part, wait_for_text};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use scrollstop::domain::Draft;
use scrollstop::ui::{Action, ScrollstopApp};
use scrollstop::workspace::{DEFAULT_DEMO_SEED, Silent, Workspace};
use server::TestServer;

const LEAD: &str = "flow_lead";
const LEAD_PASSWORD: &str = "pw-flow-lead";
const MATE: &str = "flow_mate";
const MATE_PASSWORD: &str = "pw-flow-mate";
const WAIT: Duration = Duration::from_secs(120);

type Window = Harness<'static, ScrollstopApp>;

/// Replaces the text of the input labelled `label` (of `role`) with `text`.
fn type_into(window: &mut Window, role: Role, label: &str, text: &str) {
    window.get_by_role_and_label(role, label).scroll_to_me();
    window.step();
    window.get_by_role_and_label(role, label).focus();
    window.key_press_modifiers(common::egui::Modifiers::COMMAND, common::egui::Key::A);
    window.step();
    window.get_by_role_and_label(role, label).type_text(text);
    window.step();
}

/// Scrolls the button labelled `label` into view and clicks it.
fn press(window: &mut Window, label: &str) {
    window.get_by_label(label).scroll_to_me();
    window.step();
    window.step();
    window.get_by_label(label).click_accesskit();
    window.step();
    window.step();
}

/// The draft titled `title` in the workspace a window shows.
fn draft_titled(window: &Window, title: &str) -> Draft {
    let workspace = window.state().workspace().expect("open");
    let accounts = workspace.accounts().expect("accounts");
    accounts
        .iter()
        .flat_map(|a| workspace.drafts(a.id).expect("drafts"))
        .find(|d| d.title == title)
        .expect("the draft is there")
}

/// Steps both windows until `done` holds for the draft titled `title` in `window`.
fn wait_for_draft(
    window: &mut Window,
    other: &mut Window,
    title: &str,
    what: &str,
    done: impl Fn(&Draft, &Workspace) -> bool,
) {
    let start = Instant::now();
    loop {
        let draft = draft_titled(window, title);
        if done(&draft, window.state().workspace().expect("open")) {
            return;
        }
        assert!(start.elapsed() < WAIT, "gave up waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
        window.step();
        other.step();
    }
}

fn demo(path: &Path) {
    Workspace::open(path)
        .expect("opens")
        .create_demo(DEFAULT_DEMO_SEED, &Silent)
        .expect("demo");
}

#[test]
fn a_lead_shares_a_member_joins_and_their_changes_and_conflicts_reach_each_other() {
    let server = TestServer::shared();
    server
        .sql("postgres")
        .batch_execute(&format!(
            "CREATE ROLE \"{LEAD}\" LOGIN CREATEROLE PASSWORD '{LEAD_PASSWORD}'"
        ))
        .expect("the lead's login");
    let db = server.database("window_flow", Some(LEAD));
    let dir = tempfile::tempdir().expect("temp dir");

    // The lead shares a demo workspace from Settings → Team.
    let lead_path = dir.path().join("lunchbox.sqlite");
    demo(&lead_path);
    let mut lead = app(&lead_path);
    open_view(&mut lead, "Settings");
    let url = server.url(LEAD, &db, "disable");
    type_into(&mut lead, Role::TextInput, "Server", &url);
    type_into(&mut lead, Role::PasswordInput, "Password", LEAD_PASSWORD);
    press(&mut lead, "Create team");
    wait_for_text(&mut lead, "you (flow_lead) are its owner", WAIT);
    wait_for_text(&mut lead, "Team lunchbox", WAIT);
    wait_for_text(&mut lead, "flow_lead (you)", WAIT);

    // ...and adds a member with a new login.
    type_into(&mut lead, Role::TextInput, "Login", MATE);
    type_into(
        &mut lead,
        Role::PasswordInput,
        "New login's password",
        MATE_PASSWORD,
    );
    press(&mut lead, "Add member");
    wait_for_text(&mut lead, "flow_mate is a member as editor", WAIT);
    wait_for_text(&mut lead, "Remove flow_mate", WAIT);

    // The member joins from the welcome screen of an empty workspace.
    let empty = dir.path().join("empty.sqlite");
    Workspace::open(&empty).expect("an empty workspace");
    let joined_path = dir.path().join("mate.sqlite");
    let mut mate = app(&empty);
    press(&mut mate, "Join your team…");
    type_into(
        &mut mate,
        Role::TextInput,
        "Server",
        &server.url(MATE, &db, "disable"),
    );
    type_into(&mut mate, Role::PasswordInput, "Password", MATE_PASSWORD);
    type_into(
        &mut mate,
        Role::TextInput,
        "New workspace",
        &joined_path.display().to_string(),
    );
    press(&mut mate, "Join team");
    run_until(&mut mate, WAIT, "the joined workspace", |app| {
        app.path() == joined_path && app.workspace().is_some()
    });
    wait_for_text(&mut mate, "Team lunchbox", WAIT);
    let title = draft_titled(&lead, "Gordijn wordt jurk").title;

    // A change in the member's window arrives in the lead's by itself.
    let mut draft = draft_titled(&mate, &title);
    draft.notes = "Shot on the balcony".into();
    mate.state_mut().request(Action::SaveDrafts(vec![draft]));
    wait_for_draft(
        &mut lead,
        &mut mate,
        &title,
        "the member's notes",
        |d, _| d.notes == "Shot on the balcony",
    );

    // Both change the caption before either hears of the other's change.
    let mut theirs = draft_titled(&mate, &title);
    theirs.caption = "The member's caption".into();
    let mut ours = draft_titled(&lead, &title);
    ours.caption = "The lead's caption".into();
    mate.state_mut().request(Action::SaveDrafts(vec![theirs]));
    lead.state_mut().request(Action::SaveDrafts(vec![ours]));
    mate.step();
    lead.step();
    let conflicted = |d: &Draft, w: &Workspace| !w.draft_conflicts(d.id).expect("read").is_empty();
    wait_for_draft(
        &mut lead,
        &mut mate,
        &title,
        "the lead's conflict",
        conflicted,
    );
    wait_for_draft(
        &mut mate,
        &mut lead,
        &title,
        "the member's conflict",
        conflicted,
    );
    let lead_caption = draft_titled(&lead, &title).caption;
    wait_for_draft(&mut mate, &mut lead, &title, "the same caption", |d, _| {
        d.caption == lead_caption
    });

    // The lead's editor shows the version kept aside.
    let id = draft_titled(&lead, &title).id;
    open_view(&mut lead, "Drafts");
    lead.state_mut().request(Action::OpenDraft(Some(id)));
    wait_for_text(
        &mut lead,
        "at the same time as another edit; their version was kept aside",
        WAIT,
    );
    assert!(
        shows_part(&lead, "caption"),
        "the conflict names the caption"
    );
}

#[test]
fn a_viewers_window_disables_what_the_role_cannot_do_and_says_why() {
    let server = TestServer::shared();
    let owner = "roles_lead";
    server
        .sql("postgres")
        .batch_execute(&format!(
            "CREATE ROLE \"{owner}\" LOGIN CREATEROLE PASSWORD 'pw-roles-lead'"
        ))
        .expect("the owner's login");
    let db = server.database("window_roles", Some(owner));
    let dir = tempfile::tempdir().expect("temp dir");
    let lead_path = dir.path().join("lead.sqlite");
    demo(&lead_path);
    let mut lead = Workspace::open(&lead_path).expect("opens");
    let url = |login: &str| {
        scrollstop::workspace::team::ServerAddress::parse(&server.url(login, &db, "disable"))
            .expect("address")
    };
    let env = server::with_password("pw-roles-lead");
    lead.share_with_team(&url(owner), &env, "Roles", "Lead")
        .expect("shared");
    lead.add_team_member(
        &env,
        "roles_viewer",
        scrollstop::workspace::team::Role::Viewer,
        &[],
        Some("pw-roles-viewer"),
    )
    .expect("a viewer");
    let viewer_path = dir.path().join("viewer.sqlite");
    let (viewer, _) = Workspace::join_team(
        &viewer_path,
        &url("roles_viewer"),
        &server::with_password("pw-roles-viewer"),
    )
    .expect("the viewer joins");
    drop(viewer);

    let mut window = app(&viewer_path);
    open_view(&mut window, "Drafts");
    let new_draft = window.get_by_label("New draft");
    assert!(
        new_draft.accesskit_node().is_disabled(),
        "a viewer cannot make a draft"
    );
    new_draft.hover();
    window.run_ok();
    assert!(shows_part(
        &window,
        "Viewers cannot change anything in this team"
    ));
    // A keyboard shortcut does not get around it.
    window.state_mut().request(Action::NewDraft);
    window.run_ok();
    assert_eq!(
        window.state().notice(),
        Some("Viewers cannot change anything in this team.")
    );
    open_view(&mut window, "Calendar");
    assert!(
        window
            .get_by_label("Auto-plan…")
            .accesskit_node()
            .is_disabled()
    );
}
