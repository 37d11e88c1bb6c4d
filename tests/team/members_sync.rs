//! Two members through the command line against the real server: the lead shares a demo
//! workspace (`team create`), adds Sam as an editor and Vic as a viewer (`team add`), Sam joins
//! (`team join`) with exactly the lead's drafts, both edit different fields offline and sync
//! to identical drafts, the same caption edited by both keeps a conflict both can see, and a
//! viewer's edit is refused by the server, shown, kept in the log and not sent again.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use super::password_of;
use super::server::TestServer;

/// One member's command line: their login, password and workspace file.
struct Member {
    login: String,
    url: String,
    workspace: PathBuf,
}

impl Member {
    fn run(&self, args: &[&str], stdin: Option<&str>) -> Output {
        let mut child = Command::new(env!("CARGO_BIN_EXE_scrollstop"))
            .args(args)
            .args(["--workspace", self.workspace.to_str().expect("utf-8 path")])
            .args(["--as", &self.login])
            .env("PGPASSWORD", password_of(&self.login))
            .env_remove("PGPASSFILE")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary runs");
        if let Some(text) = stdin {
            use std::io::Write;
            child
                .stdin
                .take()
                .expect("stdin")
                .write_all(text.as_bytes())
                .expect("written");
        }
        child.wait_with_output().expect("the binary ends")
    }

    fn ok(&self, args: &[&str]) -> String {
        self.ok_with(args, None)
    }

    fn ok_with(&self, args: &[&str], stdin: Option<&str>) -> String {
        let out = self.run(args, stdin);
        assert!(
            out.status.success(),
            "{} {args:?}: {}",
            self.login,
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn json(&self, args: &[&str]) -> serde_json::Value {
        serde_json::from_str(&self.ok(args)).expect("JSON")
    }
}

/// The drafts as `draft list --json` shows them, by UUID, without local numbers and times.
fn drafts(member: &Member) -> Vec<(String, String, String, String)> {
    let listed = member.json(&["draft", "list", "--json"]);
    let mut rows: Vec<(String, String, String, String)> = listed
        .as_array()
        .expect("a list")
        .iter()
        .map(|d| {
            (
                d["uuid"].as_str().unwrap_or_default().to_string(),
                d["title"].as_str().unwrap_or_default().to_string(),
                d["caption"].as_str().unwrap_or_default().to_string(),
                d["status"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    rows.sort();
    rows
}

fn team(dir: &Path) -> (Member, Member, Member) {
    let server = TestServer::shared();
    let db = "cli_team";
    let lead = format!("{db}_lead");
    server
        .sql("postgres")
        .batch_execute(&format!(
            "CREATE ROLE \"{lead}\" LOGIN CREATEROLE PASSWORD '{}'",
            password_of(&lead)
        ))
        .expect("the lead's login");
    server.database(db, Some(&lead));
    let member = |login: String, file: &str| Member {
        url: server.url(&login, db, "disable"),
        login,
        workspace: dir.join(file),
    };
    (
        member(lead, "lead.sqlite"),
        member(format!("{db}_sam"), "sam.sqlite"),
        member(format!("{db}_vic"), "vic.sqlite"),
    )
}

#[test]
fn two_members_share_a_workspace_and_the_server_guards_a_viewer() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (lead, sam, vic) = team(dir.path());
    lead.ok(&["demo"]);
    let created = lead.json(&[
        "team", "create", "--server", &lead.url, "--name", "Lunchbox", "--json",
    ]);
    assert_eq!(created["team"], "Lunchbox");
    assert!(created["published"].as_u64().unwrap_or(0) > 50, "{created}");
    assert_eq!(created["sync"]["refused"].as_array().map(Vec::len), Some(0));
    lead.ok_with(
        &[
            "team",
            "add",
            &sam.login,
            "--role",
            "editor",
            "--password-stdin",
        ],
        Some(&format!("{}\n", password_of(&sam.login))),
    );
    lead.ok_with(
        &[
            "team",
            "add",
            &vic.login,
            "--role",
            "viewer",
            "--password-stdin",
        ],
        Some(&format!("{}\n", password_of(&vic.login))),
    );
    let members = lead.json(&["team", "members", "--json"]);
    assert_eq!(members.as_array().map(Vec::len), Some(3), "{members}");

    let joined = sam.ok(&["team", "join", "--server", &sam.url]);
    assert!(joined.contains("Joined the team \"Lunchbox\""), "{joined}");
    assert_eq!(
        drafts(&lead),
        drafts(&sam),
        "Sam has exactly the lead's drafts"
    );

    // Different fields offline, then both sync: identical.
    let (uuid, ..) = drafts(&lead).remove(0);
    lead.ok(&["draft", "set", &uuid, "caption=Lead's caption"]);
    sam.ok(&["draft", "set", &uuid, "title=Sam's title"]);
    lead.ok(&["sync"]);
    sam.ok(&["sync"]);
    lead.ok(&["sync"]);
    assert_eq!(drafts(&lead), drafts(&sam));
    let row = drafts(&sam)
        .into_iter()
        .find(|d| d.0 == uuid)
        .expect("the draft");
    assert_eq!(
        (row.1.as_str(), row.2.as_str()),
        ("Sam's title", "Lead's caption")
    );

    // The same caption by both: the later one wins; both see the other as a conflict.
    lead.ok(&["draft", "set", &uuid, "caption=Lead again"]);
    sam.ok(&["draft", "set", &uuid, "caption=Sam again"]);
    lead.ok(&["sync"]);
    sam.ok(&["sync"]);
    lead.ok(&["sync"]);
    assert_eq!(drafts(&lead), drafts(&sam));
    for member in [&lead, &sam] {
        let shown = member.ok(&["draft", "show", &uuid]);
        assert!(shown.contains("Conflicts"), "{}: {shown}", member.login);
        assert!(
            shown.contains("wrote: Lead again"),
            "{}: {shown}",
            member.login
        );
    }

    // A viewer joins, edits locally, and the server refuses it: shown, kept, not resent.
    vic.ok(&["team", "join", "--server", &vic.url]);
    vic.ok(&["draft", "set", &uuid, "notes=Viewer was here"]);
    let refused = vic.json(&["sync", "--json"]);
    let reasons = refused["refused"].as_array().expect("refusals");
    assert_eq!(reasons.len(), 1, "{refused}");
    let again = vic.json(&["sync", "--json"]);
    assert_eq!(
        again["refused"].as_array().map(Vec::len),
        Some(0),
        "not sent again"
    );
    lead.ok(&["sync"]);
    let notes = lead.json(&["draft", "show", &uuid, "--json"]);
    assert_ne!(
        notes["draft"]["notes"], "Viewer was here",
        "the server kept it out"
    );
}
