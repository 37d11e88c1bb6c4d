//! The Team settings' calls to the server, one at a time on a background thread with its own
//! workspace connection (a slow or unreachable server never freezes the window), and what each
//! one did, in words.

use std::path::{Path, PathBuf};

use crate::domain::AccountId;
use crate::text::plural;
use crate::ui::background::Task;
use crate::workspace::team::{
    Environment, Joined, MemberAdded, Membership, Role, ServerAddress, Shared,
};
use crate::workspace::{Workspace, WorkspaceError};

/// What the section asks of the server.
#[derive(Debug, Clone)]
pub enum Request {
    Share {
        server: String,
        name: String,
        author: String,
    },
    Join {
        server: String,
        path: PathBuf,
    },
    Members,
    Add {
        login: String,
        role: Role,
        accounts: Vec<AccountId>,
        password: Option<String>,
    },
    Remove(String),
    Leave,
}

/// What a request did.
#[derive(Debug)]
pub enum Done {
    Shared(Box<Shared>),
    Joined(PathBuf, Box<Joined>),
    Members(Membership),
    Added {
        login: String,
        role: Role,
        added: MemberAdded,
    },
    Removed {
        login: String,
        was_member: bool,
    },
    Left(bool),
}

impl Done {
    /// What happened, for the line under the section.
    pub fn summary(&self) -> String {
        match self {
            Done::Shared(shared) => format!(
                "{} the team \"{}\"; you ({}) are its owner. Shared {}.",
                if shared.created {
                    "Created"
                } else {
                    "Joined the existing"
                },
                shared.team,
                shared.login,
                plural(shared.published, "change", "changes")
            ),
            Done::Joined(path, joined) => format!(
                "Joined the team \"{}\" in {}: {}, {}.",
                joined.team,
                path.display(),
                plural(
                    usize::try_from(joined.counts.accounts).unwrap_or(0),
                    "account",
                    "accounts"
                ),
                plural(
                    usize::try_from(joined.counts.drafts).unwrap_or(0),
                    "draft",
                    "drafts"
                )
            ),
            Done::Members(m) => plural(m.members.len(), "member", "members"),
            Done::Added { login, role, added } => format!(
                "{login} is a member as {role}{}.",
                if added.created_login {
                    " (their login was created on the server)"
                } else {
                    ""
                }
            ),
            Done::Removed {
                login,
                was_member: true,
            } => format!("{login} is no longer a member."),
            Done::Removed { login, .. } => format!("{login} was not a member."),
            Done::Left(true) => "You left the team; this workspace keeps its data.".to_string(),
            Done::Left(false) => {
                "You were no longer a member; this workspace keeps its data and stops syncing."
                    .to_string()
            }
        }
    }
}

/// The request under way, if any.
#[derive(Default)]
pub struct TeamWork {
    running: Option<(String, Task<Result<Done, WorkspaceError>>)>,
}

impl TeamWork {
    pub fn is_busy(&self) -> bool {
        self.running.is_some()
    }

    /// What runs now, in words.
    pub fn doing(&self) -> &str {
        self.running
            .as_ref()
            .map_or("", |(doing, _)| doing.as_str())
    }

    /// Starts `request` on its own connection to the workspace at `path`.
    pub fn start(
        &mut self,
        ctx: &eframe::egui::Context,
        path: &Path,
        env: Environment,
        request: Request,
    ) -> Result<(), String> {
        if self.is_busy() {
            return Err("Wait for the team's server to answer first.".into());
        }
        let doing = match &request {
            Request::Share { .. } => "Creating the team and sharing this workspace…",
            Request::Join { .. } => "Joining the team…",
            Request::Members => "Reading the members…",
            Request::Add { .. } => "Adding the member…",
            Request::Remove(_) => "Removing the member…",
            Request::Leave => "Leaving the team…",
        };
        let task = Task::on_workspace(ctx, "Team settings", path, move |workspace| {
            run(workspace, &env, request)
        })
        .map_err(|e| e.to_string())?;
        self.running = Some((doing.to_string(), task));
        Ok(())
    }

    /// The answer, once it came.
    pub fn poll(&mut self) -> Option<Result<Done, String>> {
        let (_, task) = self.running.as_mut()?;
        let answer = task.poll()?;
        self.running = None;
        Some(match answer {
            Ok(done) => done.map_err(|e| e.to_string()),
            Err(stopped) => Err(stopped.to_string()),
        })
    }
}

fn run(
    workspace: &mut Workspace,
    env: &Environment,
    request: Request,
) -> Result<Done, WorkspaceError> {
    let address = |server: &str| ServerAddress::parse(server).map_err(WorkspaceError::from);
    Ok(match request {
        Request::Share {
            server,
            name,
            author,
        } => Done::Shared(Box::new(workspace.share_with_team(
            &address(&server)?,
            env,
            &name,
            &author,
        )?)),
        Request::Join { server, path } => {
            let (_, joined) = Workspace::join_team(&path, &address(&server)?, env)?;
            Done::Joined(path, Box::new(joined))
        }
        Request::Members => Done::Members(workspace.team_members(env)?),
        Request::Add {
            login,
            role,
            accounts,
            password,
        } => {
            let added =
                workspace.add_team_member(env, &login, role, &accounts, password.as_deref())?;
            Done::Added { login, role, added }
        }
        Request::Remove(login) => {
            let was_member = workspace.remove_team_member(env, &login)?;
            Done::Removed { login, was_member }
        }
        Request::Leave => Done::Left(workspace.leave_team(env)?),
    })
}
