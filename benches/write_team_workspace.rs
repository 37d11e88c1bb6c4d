//! Writes the team-sized workspace of issue 18 (`team_workspace`: 10,000 drafts, 5 accounts,
//! 1,000,000 video snapshots) to `SCROLLSTOP_TEAM_WORKSPACE`, so it can be opened in the app
//! (`benches/open-big-workspace.sh` does). Leaves an existing file alone. Run:
//! `SCROLLSTOP_TEAM_WORKSPACE=/some/where.sqlite cargo bench --bench write_team_workspace`.

use std::time::Instant;

// Its own `at` serves the benches of the drafts alone.
#[allow(dead_code)]
mod big_workspace;
mod team_workspace;

fn main() {
    let Some(path) = std::env::var_os("SCROLLSTOP_TEAM_WORKSPACE") else {
        eprintln!("write_team_workspace: set SCROLLSTOP_TEAM_WORKSPACE to the file to write");
        std::process::exit(2);
    };
    let existed = std::path::Path::new(&path).exists();
    let started = Instant::now();
    let path = team_workspace::at(std::path::Path::new("."));
    if existed {
        eprintln!(
            "write_team_workspace: {} exists; left as it is",
            path.display()
        );
    } else {
        eprintln!(
            "write_team_workspace: {} written in {:.1} s ({} accounts, {} generated snapshots)",
            path.display(),
            started.elapsed().as_secs_f64(),
            team_workspace::ACCOUNTS,
            team_workspace::SNAPSHOTS
        );
    }
}
