//! Which column of a video-history spreadsheet holds which field: suggestions from common
//! header names (TikTok Studio's, scrapers', analysts' own), overridable per field
//! (`--map views=Total views` on the command line, a drop-down in the preview).
//!
//! It only names columns; it never reads a cell. A suggestion never takes a column that another
//! field already took, and it never matches on a guess beyond its alias list: anything else is
//! left for the user to map.

use serde::Serialize;
use thiserror::Error;

/// A field of a video's history that a column can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Field {
    PostTime,
    Caption,
    Hashtags,
    Duration,
    Sound,
    Views,
    Likes,
    Comments,
    Shares,
    Saves,
    Followers,
    Account,
    MeasuredAt,
    VideoId,
    Link,
}

impl Field {
    /// Every field, in the order the preview lists them.
    pub const ALL: [Field; 15] = [
        Field::PostTime,
        Field::Caption,
        Field::Hashtags,
        Field::Duration,
        Field::Sound,
        Field::Views,
        Field::Likes,
        Field::Comments,
        Field::Shares,
        Field::Saves,
        Field::Followers,
        Field::Account,
        Field::MeasuredAt,
        Field::VideoId,
        Field::Link,
    ];

    /// The spelling used on the command line (`--map post_time=Posted`).
    pub fn name(self) -> &'static str {
        match self {
            Field::PostTime => "post_time",
            Field::Caption => "caption",
            Field::Hashtags => "hashtags",
            Field::Duration => "duration",
            Field::Sound => "sound",
            Field::Views => "views",
            Field::Likes => "likes",
            Field::Comments => "comments",
            Field::Shares => "shares",
            Field::Saves => "saves",
            Field::Followers => "followers",
            Field::Account => "account",
            Field::MeasuredAt => "measured_at",
            Field::VideoId => "video_id",
            Field::Link => "link",
        }
    }

    /// The words shown to users.
    pub fn label(self) -> &'static str {
        match self {
            Field::PostTime => "Post time",
            Field::Caption => "Caption",
            Field::Hashtags => "Hashtags",
            Field::Duration => "Duration",
            Field::Sound => "Sound",
            Field::Views => "Views",
            Field::Likes => "Likes",
            Field::Comments => "Comments",
            Field::Shares => "Shares",
            Field::Saves => "Saves",
            Field::Followers => "Followers",
            Field::Account => "Account",
            Field::MeasuredAt => "Measured at",
            Field::VideoId => "Video id",
            Field::Link => "Link",
        }
    }

    /// Reads a field's name or label in any case, with `_`, `-` or spaces (`Post time`,
    /// `post-time`, `post_time`, `posttime`).
    pub fn parse(text: &str) -> Option<Field> {
        let wanted = header_key(text);
        Field::ALL
            .into_iter()
            .find(|f| header_key(f.name()) == wanted)
    }

    /// Header names (normalised: lower case, letters and digits only) that hold this field,
    /// best first, separated by spaces. Studio, the dev set's scraper (`vid_*`), Apify-style
    /// scrapers (`playCount`, `authorMeta.name`) and hand-made sheets.
    fn aliases(self) -> &'static str {
        match self {
            Field::PostTime => {
                "posttime vidposttime createtimeiso createtime posted postedat postedon postdate \
                dateposted publishtime publishedat published uploaddate uploaded createdat created \
                date"
            }
            Field::Caption => {
                "caption vidcaption videotitle title text desc description videodescription \
                videocaption"
            }
            Field::Hashtags => "hashtags vidhashtags hashtag tags challenges",
            Field::Duration => {
                "duration vidduration videoduration videometaduration durations durationsec \
                durationseconds length videolength"
            }
            Field::Sound => {
                "sound musictitle music musicname musicmetamusicname soundtitle soundname song \
                audio"
            }
            Field::Views => {
                "views totalviews vidnview plays playcount videoviews viewcount viewscount \
                statsplaycount nview"
            }
            Field::Likes => {
                "likes totallikes vidnlike likecount likescount diggcount statsdiggcount hearts \
                heartcount"
            }
            Field::Comments => {
                "comments totalcomments vidncomment commentcount commentscount statscommentcount"
            }
            Field::Shares => "shares totalshares vidnshare sharecount sharescount statssharecount",
            Field::Saves => {
                "saves totalsaves vidnsave savecount collectcount statscollectcount addtofavorites \
                favorites favourites bookmarks"
            }
            Field::Followers => {
                "followers usernfollower followercount followerscount authormetafans \
                authorstatsfollowercount fans"
            }
            Field::Account => {
                "account username handle user authormetaname authoruniqueid uniqueid author creator \
                profile"
            }
            Field::MeasuredAt => {
                "measuredat vidscrapetime scrapetime scrapedat capturedat collectedat fetchedat \
                retrievedat snapshotdate asof exportdate"
            }
            Field::VideoId => "videoid vidid id awemeid itemid postid",
            Field::Link => {
                "link videolink vidurl url videourl webvideourl weburl permalink posturl"
            }
        }
    }
}

/// Why a mapping or a `--map` argument cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum MappingError {
    #[error("\"{0}\" is not FIELD=COLUMN (for example views=Total views)")]
    NotAnAssignment(String),
    #[error("\"{0}\" is not a field; the fields are {list}", list = field_list())]
    UnknownField(String),
    #[error(
        "--map {0}= names no column: write the column's header after the = (--map {0}=\"Total views\"), or --map {0}=- to leave {0} unread"
    )]
    NoColumn(String),
    #[error("the file has no column \"{column}\" for {field}; its columns are {columns}")]
    NoSuchColumn {
        field: &'static str,
        column: String,
        columns: String,
    },
    #[error(
        "no column holds the video id, its link or its post time, so rows cannot be told apart; map one with video_id=COLUMN, link=COLUMN or post_time=COLUMN"
    )]
    NoVideoColumn,
}

/// Reads a `--map FIELD=COLUMN` argument. `-` for the column (`sound=-`) means "do not read
/// this field", to drop a suggestion. No column at all (`views=`, often a shell variable that
/// was empty) is an error: taken as "do not read", it would drop every count in silence.
pub fn parse_map_arg(arg: &str) -> Result<(Field, String), MappingError> {
    let (written, column) = arg
        .split_once('=')
        .ok_or_else(|| MappingError::NotAnAssignment(arg.to_string()))?;
    let field =
        Field::parse(written).ok_or_else(|| MappingError::UnknownField(written.to_string()))?;
    match column.trim() {
        "" => Err(MappingError::NoColumn(written.trim().to_string())),
        "-" => Ok((field, String::new())),
        column => Ok((field, column.to_string())),
    }
}

/// Which column (by index into the header) holds each field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mapping {
    headers: Vec<String>,
    columns: [Option<usize>; Field::ALL.len()],
}

impl Mapping {
    /// Suggests a column for every field whose header is a known name; each column is
    /// suggested for one field at most, fields in [`Field::ALL`] order.
    pub fn suggest<S: AsRef<str>>(headers: &[S]) -> Mapping {
        let headers: Vec<String> = headers
            .iter()
            .map(|h| h.as_ref().trim().to_string())
            .collect();
        let normal: Vec<String> = headers.iter().map(|h| header_key(h)).collect();
        let mut mapping = Mapping {
            columns: [None; Field::ALL.len()],
            headers,
        };
        for field in Field::ALL {
            let taken = |i: usize| mapping.columns.contains(&Some(i));
            let found = field
                .aliases()
                .split_whitespace()
                .find_map(|alias| (0..normal.len()).find(|&i| normal[i] == alias && !taken(i)));
            mapping.columns[field as usize] = found;
        }
        mapping
    }

    /// Maps `field` to the column named `column` (exactly, else ignoring case, spaces and
    /// punctuation); an empty `column` unmaps the field.
    pub fn set(&mut self, field: Field, column: &str) -> Result<(), MappingError> {
        if column.trim().is_empty() {
            self.columns[field as usize] = None;
            return Ok(());
        }
        let exact = self.headers.iter().position(|h| h == column.trim());
        let loose = || {
            self.headers
                .iter()
                .position(|h| header_key(h) == header_key(column))
        };
        let index = exact
            .or_else(loose)
            .ok_or_else(|| MappingError::NoSuchColumn {
                field: field.name(),
                column: column.to_string(),
                columns: self
                    .headers
                    .iter()
                    .map(|h| format!("\"{h}\""))
                    .collect::<Vec<_>>()
                    .join(", "),
            })?;
        self.columns[field as usize] = Some(index);
        Ok(())
    }

    /// Applies overrides in order (as `--map` arguments come).
    pub fn apply(&mut self, overrides: &[(Field, String)]) -> Result<(), MappingError> {
        overrides
            .iter()
            .try_for_each(|(field, column)| self.set(*field, column))
    }

    /// The column index holding `field`, if any.
    pub fn column(&self, field: Field) -> Option<usize> {
        self.columns[field as usize]
    }

    /// The header of the column holding `field`, if any.
    pub fn column_name(&self, field: Field) -> Option<&str> {
        self.column(field)
            .and_then(|i| self.headers.get(i))
            .map(String::as_str)
    }

    /// The file's header as read.
    pub fn headers(&self) -> &[String] {
        &self.headers
    }

    /// Headers no field reads, for the preview ("ignored: music_id, ...").
    pub fn ignored_columns(&self) -> Vec<&str> {
        let used = |i: usize| self.columns.contains(&Some(i));
        (0..self.headers.len())
            .filter(|&i| !used(i))
            .map(|i| self.headers[i].as_str())
            .collect()
    }

    /// `Post time ← vid_postTime, Views ← vid_nview, ...` for the preview and the report.
    pub fn describe(&self) -> String {
        let pairs = Field::ALL.into_iter().filter_map(|f| {
            self.column_name(f)
                .map(|column| format!("{} ← {column}", f.label()))
        });
        pairs.collect::<Vec<_>>().join(", ")
    }

    /// A mapping is usable when some column tells the rows' videos apart.
    pub fn check(&self) -> Result<(), MappingError> {
        let identifying = [Field::VideoId, Field::Link, Field::PostTime];
        match identifying.into_iter().any(|f| self.column(f).is_some()) {
            true => Ok(()),
            false => Err(MappingError::NoVideoColumn),
        }
    }
}

/// Lower case, letters and digits only: `Total views` and `total_views` read alike.
pub(crate) fn header_key(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn field_list() -> String {
    Field::ALL.map(Field::name).join(", ")
}

#[cfg(test)]
mod tests;
