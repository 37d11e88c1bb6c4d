//! What the commands print: the checks' findings, an import's report, the stored videos and
//! the workspace's facts, as text (JSON goes through serde).

use std::io::Write;

use serde::Serialize;

use crate::checks::tally;
use crate::domain::Account;
use crate::text::{plural, thousands};
use crate::workspace::{CheckedDraft, ImportReport, VideoWithSnapshots, WorkspaceInfo};

pub(super) fn print_checked(
    account: &Account,
    checked: &[CheckedDraft],
    out: &mut dyn Write,
) -> std::io::Result<()> {
    writeln!(
        out,
        "{} ({})",
        account.at_handle(),
        plural(checked.len(), "draft", "drafts")
    )?;
    for d in checked {
        let (e, w, t) = tally(&d.findings);
        let title = if d.title.is_empty() {
            "(untitled)"
        } else {
            d.title.as_str()
        };
        writeln!(
            out,
            "  #{} {title}: {}, {}, {}",
            d.draft_id,
            plural(e, "error", "errors"),
            plural(w, "warning", "warnings"),
            plural(t, "tip", "tips")
        )?;
        for f in &d.findings {
            writeln!(
                out,
                "    {:<8} {:<24} {}",
                f.severity.label(),
                f.rule,
                f.message
            )?;
        }
    }
    Ok(())
}

/// How many accounts a line of the import's report names before "and N more".
const SHOWN: usize = 5;

/// The first [`SHOWN`] of `names` and how many more: a file going to 2,000 accounts stays one
/// short line.
fn first_few(names: &[String]) -> String {
    let shown = names[..names.len().min(SHOWN)].join(", ");
    match names.len().saturating_sub(SHOWN) {
        0 => shown,
        more => format!("{shown} and {} more", thousands(more as i64)),
    }
}

pub(super) fn print_import(
    report: &ImportReport,
    dry_run: bool,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    for f in &report.files {
        let s = &f.summary;
        let range = match (s.first_date, s.last_date) {
            (Some(a), Some(b)) => format!(", {a} to {b}"),
            _ => String::new(),
        };
        let export = match (&s.export_date, &s.export_date_source) {
            (Some(d), Some(src)) => format!(", export date {d} ({src})"),
            (Some(d), None) => format!(", export date {d}"),
            _ => String::new(),
        };
        writeln!(
            out,
            "{} ({}, {}) -> {}: {}{range}{export}",
            s.file,
            s.kind.label(),
            s.encoding,
            match f.accounts.as_slice() {
                [] => "no account".to_string(),
                accounts => first_few(accounts),
            },
            f.changes.describe()
        )?;
        for note in &s.notes {
            writeln!(out, "    note: {note}")?;
        }
    }
    match report.new_accounts.as_slice() {
        few if few.len() <= SHOWN => {
            for a in few {
                writeln!(out, "New account {a} (set its time zone in Settings).")?;
            }
        }
        many => writeln!(
            out,
            "{} new accounts: {} (set their time zones in Settings).",
            thousands(many.len() as i64),
            first_few(many)
        )?,
    }
    for e in &report.errors {
        writeln!(out, "refused: {e}")?;
    }
    for r in &report.rejected {
        match r.line {
            0 => writeln!(out, "rejected: {}: {}", r.file, r.reason)?,
            line => writeln!(out, "rejected: {} line {line}: {}", r.file, r.reason)?,
        }
    }
    if report.committed {
        writeln!(out, "Imported.")?;
    } else if dry_run {
        writeln!(out, "Dry run: nothing was written.")?;
    } else if !report.has_problems() {
        writeln!(out, "Nothing new to import.")?;
    }
    Ok(())
}

/// One stored video as `scrollstop videos` lists it.
#[derive(Debug, Serialize)]
pub(super) struct ListedVideo {
    id: String,
    account: String,
    posted_at: String,
    caption: String,
    hashtags: Vec<String>,
    duration_s: Option<f32>,
    sound: Option<String>,
    link: Option<String>,
    snapshots: Vec<ListedSnapshot>,
}

#[derive(Debug, Serialize)]
struct ListedSnapshot {
    captured_at: String,
    views: i64,
    likes: Option<i64>,
    comments: Option<i64>,
    shares: Option<i64>,
    saves: Option<i64>,
}

impl ListedVideo {
    pub(super) fn new(account: &Account, v: VideoWithSnapshots) -> Self {
        let rfc =
            |t: chrono::DateTime<chrono::Utc>| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        Self {
            id: v.video.platform_id,
            account: account.at_handle(),
            posted_at: rfc(v.video.posted_at),
            caption: v.video.caption,
            hashtags: v.video.hashtags,
            duration_s: v.video.duration_s,
            sound: v.video.sound,
            link: v.video.link,
            snapshots: v
                .snapshots
                .into_iter()
                .map(|s| ListedSnapshot {
                    captured_at: rfc(s.captured_at),
                    views: s.views,
                    likes: s.likes,
                    comments: s.comments,
                    shares: s.shares,
                    saves: s.saves,
                })
                .collect(),
        }
    }
}

pub(super) fn print_info(info: &WorkspaceInfo, out: &mut dyn Write) -> std::io::Result<()> {
    let c = &info.counts;
    writeln!(out, "Workspace       {}", info.path.display())?;
    writeln!(out, "Schema version  {}", info.schema_version)?;
    let rows: [(&str, u64); 14] = [
        ("Accounts", c.accounts),
        ("Subcultures", c.subcultures),
        ("Drafts", c.drafts),
        ("Draft comments", c.draft_comments),
        ("Trend items", c.trend_items),
        ("Trend captures", c.trend_captures),
        ("Videos", c.videos),
        ("Snapshots", c.video_snapshots),
        ("Daily metrics", c.daily_metrics),
        ("Activity hours", c.follower_activity),
        ("Audience shares", c.audience_shares),
        ("Plan entries", c.plan_entries),
        ("Imports", c.import_log),
        ("Settings", c.settings),
    ];
    for (name, n) in rows {
        writeln!(out, "{name:<16}{n}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn handles(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("@creator.{i}")).collect()
    }

    /// What an import that created `new` accounts prints about them.
    fn new_accounts_printed(new: usize) -> String {
        let report = ImportReport {
            files: Vec::new(),
            rejected: Vec::new(),
            errors: Vec::new(),
            new_accounts: handles(new),
            drafts: Vec::new(),
            committed: true,
        };
        let mut out = Vec::new();
        print_import(&report, false, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn many_accounts_are_the_first_few_and_a_count_of_the_rest() {
        assert_eq!(
            first_few(&handles(2000)),
            "@creator.0, @creator.1, @creator.2, @creator.3, @creator.4 and 1,995 more"
        );
        assert_eq!(
            new_accounts_printed(2000),
            "2,000 new accounts: @creator.0, @creator.1, @creator.2, @creator.3, @creator.4 \
             and 1,995 more (set their time zones in Settings).\nImported.\n"
        );
    }

    #[test]
    fn a_few_accounts_are_all_named() {
        assert_eq!(first_few(&handles(2)), "@creator.0, @creator.1");
        assert_eq!(
            new_accounts_printed(2),
            "New account @creator.0 (set its time zone in Settings).\n\
             New account @creator.1 (set its time zone in Settings).\nImported.\n"
        );
    }
}
