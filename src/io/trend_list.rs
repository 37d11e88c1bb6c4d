//! Trend lists (FORMATS.md section 3): CSVs of hashtags, sounds, effects, topics and creators
//! with their rank, as typed up from the Creative Center or kept by a team, and the Trends
//! view's paste box (one item per line). Every row becomes one capture of a trend item.
//!
//! It only pushes [`TrendRecord`]s into a [`Sink`]; it never touches the workspace, never
//! panics whatever the bytes, and never fills a value it was not given except the documented
//! defaults of [`TrendListOptions`], which the file summary names.

mod cells;
mod row;

use chrono::{DateTime, Utc};

use crate::domain::{TrendCapture, TrendItem, TrendItemId, TrendKind};
use crate::io::generic::{header_key, open_rows, table_error};
use crate::io::text::decode;
use crate::io::{FileSummary, ImportError, Rejected, ReportKind, Sink, TrendRecord};
use cells::{item_name, leading_rank};
use row::read_row;

/// What a trend-list file does not say for itself.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendListOptions {
    /// When the list was captured, for files without a captured-at column (or an empty cell).
    pub captured_at: DateTime<Utc>,
    /// What every row is, for files without a kind column; without either the file is refused.
    pub kind: Option<TrendKind>,
    /// The list's period for files without a period column: 7, 30 or 120 days.
    pub period_days: u16,
}

impl TrendListOptions {
    /// Captured at `captured_at`, kind from the file, the Creative Center's default 7 days.
    pub fn at(captured_at: DateTime<Utc>) -> TrendListOptions {
        TrendListOptions {
            captured_at,
            kind: None,
            period_days: 7,
        }
    }
}

/// The columns a trend list can have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Kind,
    Name,
    Rank,
    RankChange,
    Posts,
    Views,
    Region,
    PeriodDays,
    Industry,
    CapturedAt,
    Source,
    Bpm,
    DurationS,
    CommercialOk,
}

/// Header names (as [`header_key`] writes them) of each column, best first.
const COLUMNS: [(Column, &str); 14] = [
    (Column::Kind, "kind type trendtype itemtype"),
    (
        Column::Name,
        "name hashtag hashtagname sound soundname song songname music title trend item topic \
        effect creator keyword",
    ),
    (Column::Rank, "rank ranking position pos # no"),
    (
        Column::RankChange,
        "rankchange change rankdiff rankdelta movement",
    ),
    (
        Column::Posts,
        "posts postcount videos videocount publishcnt ofposts numberofposts",
    ),
    (Column::Views, "views videoviews viewcount vv"),
    (Column::Region, "region country countrycode market"),
    (
        Column::PeriodDays,
        "perioddays period days timerange daterange",
    ),
    (Column::Industry, "industry category vertical"),
    (
        Column::CapturedAt,
        "capturedat captured capturedon date asof scrapedat",
    ),
    (Column::Source, "source from"),
    (Column::Bpm, "bpm tempo"),
    (
        Column::DurationS,
        "durations duration length durationsec durationseconds",
    ),
    (
        Column::CommercialOk,
        "commercialok commercial commercialuse approvedforbusinessuse businessapproved \
        commerciallyapproved",
    ),
];

/// Which column index holds each [`Column`], by header alias (first alias that matches wins).
struct Columns([Option<usize>; COLUMNS.len()]);

impl Columns {
    fn find<S: AsRef<str>>(headers: &[S]) -> Columns {
        // A lone `#` heads the rank column of many lists; header keys drop punctuation.
        let key = |h: &str| {
            if h.trim() == "#" {
                "#".to_string()
            } else {
                header_key(h)
            }
        };
        let keys: Vec<String> = headers.iter().map(|h| key(h.as_ref())).collect();
        let mut found = [None; COLUMNS.len()];
        for (slot, (_, aliases)) in found.iter_mut().zip(COLUMNS) {
            *slot = aliases
                .split_whitespace()
                .find_map(|a| keys.iter().position(|k| k == a));
        }
        Columns(found)
    }

    fn get(&self, column: Column) -> Option<usize> {
        COLUMNS
            .iter()
            .position(|(c, _)| *c == column)
            .and_then(|i| self.0[i])
    }
}

/// Whether a header looks like a trend list: a name column and a kind or rank column.
pub fn recognises<S: AsRef<str>>(headers: &[S]) -> bool {
    let columns = Columns::find(headers);
    let named = columns.get(Column::Name).is_some();
    named && (columns.get(Column::Kind).is_some() || columns.get(Column::Rank).is_some())
}

/// Reads every row of a trend-list CSV into `sink`. The file is refused as a whole when it is
/// not text, has no name column, or says nowhere what kind of items it lists.
pub fn read_trend_list(
    file: &str,
    bytes: &[u8],
    options: &TrendListOptions,
    sink: &mut dyn Sink,
) -> Result<(), ImportError> {
    let unreadable = |reason: String| ImportError::Unreadable {
        file: file.to_string(),
        reason,
    };
    let decoded = decode(bytes).map_err(|e| unreadable(e.to_string()))?;
    let mut rows = open_rows(file, &decoded)?;
    let columns = Columns::find(&rows.headers);
    if columns.get(Column::Name).is_none() {
        return Err(ImportError::NotRecognised {
            file: file.to_string(),
            detail: "a trend list needs a name column (name, hashtag, sound, ...)".into(),
        });
    }
    if columns.get(Column::Kind).is_none() && options.kind.is_none() {
        return Err(unreadable(
            "the file has no kind column: say what it lists (hashtag, sound, effect, topic or creator)"
                .into(),
        ));
    }
    let mut summary = FileSummary::decoded(file, ReportKind::TrendList, decoded.encoding);
    if columns.get(Column::PeriodDays).is_none() {
        summary.notes.push(format!(
            "no period column: every list taken as {} days",
            options.period_days
        ));
    }
    for row in rows.by_ref() {
        let row = match row {
            Ok(row) => row,
            Err(error) => {
                sink.discard(file);
                return Err(table_error(file, error));
            }
        };
        if row.is_blank() {
            summary.skipped += 1;
            continue;
        }
        match read_row(&row, &columns, file, options) {
            Ok(trend) => {
                let day = trend.capture.captured_at.date_naive();
                summary.first_date = Some(summary.first_date.map_or(day, |d| d.min(day)));
                summary.last_date = Some(summary.last_date.map_or(day, |d| d.max(day)));
                summary.rows += 1;
                sink.trend(file, trend);
            }
            Err(reason) => {
                summary.rejected += 1;
                let line = row.line();
                sink.reject(Rejected {
                    file: file.to_string(),
                    line,
                    reason,
                });
            }
        }
    }
    sink.file(summary);
    Ok(())
}

/// The Trends view's paste box: one item per line, optionally ranked (`1. #fyp`, `2) name`,
/// `3<TAB>name`); blank lines are skipped. Items get the Creative Center's default 7-day
/// period, worldwide, source `pasted`.
pub fn parse_pasted(text: &str, kind: TrendKind, captured_at: DateTime<Utc>) -> Vec<TrendRecord> {
    let mut trends = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let (rank, rest) = leading_rank(line.trim());
        let Some(name) = item_name(rest.split('\t').next().unwrap_or(""), kind) else {
            continue;
        };
        let item = TrendItem {
            id: TrendItemId(0),
            kind,
            name,
            region: String::new(),
            industry: String::new(),
            bpm: None,
            duration_s: None,
            commercial_ok: None,
        };
        let capture = TrendCapture {
            item: TrendItemId(0),
            captured_at,
            rank,
            rank_change: None,
            posts: None,
            views: None,
            period_days: 7,
            source: "pasted".into(),
        };
        trends.push(TrendRecord {
            item,
            capture,
            line: index + 1,
        });
    }
    trends
}

/// The lines of a paste that [`parse_pasted`] leaves out or cuts short, with why (1-based line
/// numbers, in order): a line with a rank but no name, a hashtag written with spaces (only the
/// first word is kept), and an item already on an earlier line (one capture each).
pub fn pasted_problems(text: &str, kind: TrendKind) -> Vec<(usize, String)> {
    let mut problems = Vec::new();
    let mut seen: Vec<(String, usize)> = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line_no = index + 1;
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let (_, rest) = leading_rank(trimmed);
        let cell = rest.split('\t').next().unwrap_or("");
        let Some(name) = item_name(cell, kind) else {
            problems.push((line_no, "no name on this line".to_string()));
            continue;
        };
        let words = cell
            .trim()
            .trim_start_matches('#')
            .split_whitespace()
            .count();
        if kind == TrendKind::Hashtag && words > 1 {
            problems.push((
                line_no,
                format!("a hashtag has no spaces: only #{name} is kept"),
            ));
        }
        let key = name.to_lowercase();
        match seen.iter().find(|(k, _)| *k == key) {
            Some((_, first)) => problems.push((
                line_no,
                format!("{name} is already on line {first}: it is captured once"),
            )),
            None => seen.push((key, line_no)),
        }
    }
    problems
}

#[cfg(test)]
mod tests;
