//! A TikTok handle: the one way a `@name` typed in the window, given on the command line or
//! read from a file becomes the name of an account.
//!
//! [`Handle::parse`] follows TikTok's rules for usernames: 2 to 24 ASCII letters, digits, `_`
//! and `.`, not ending with `.`. It forgives what people add around a handle (surrounding
//! spaces, one leading `@`) and stores it in lower case, because TikTok treats `@KnitWit` and
//! `@knitwit` as the same account and the workspace compares handles ignoring case. A handle
//! therefore never holds a control character, a terminal escape or a newline, and printing one
//! is always safe. This module never touches the store or the screen; it only says what a
//! handle is.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Longest handle TikTok allows.
pub const MAX_HANDLE_CHARS: usize = 24;
/// Shortest handle TikTok allows.
pub const MIN_HANDLE_CHARS: usize = 2;
/// How much of a refused or damaged handle a message shows.
const SHOWN_CHARS: usize = 40;

/// A valid TikTok handle, lower case, without the `@`. `Display` writes it with the `@`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Handle(String);

/// Why a text is not a TikTok handle; the message states TikTok's rule.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "\"{shown}\" is not a TikTok handle ({problem}): a handle has 2-24 letters, digits, \"_\" or \".\" \
     (and does not end with \".\"). Check the spelling on the account's TikTok profile."
)]
pub struct HandleError {
    /// The text as given, trimmed, with control characters escaped and cut short.
    shown: String,
    pub problem: HandleProblem,
}

/// The first rule a text breaks.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HandleProblem {
    #[error("it is empty")]
    Empty,
    #[error("it has {0} character, fewer than 2")]
    TooShort(usize),
    #[error("it has {0} characters, more than 24")]
    TooLong(usize),
    #[error("{} is not allowed", describe(*.0))]
    Character(char),
    #[error("it ends with \".\"")]
    EndsWithDot,
}

fn describe(c: char) -> String {
    match c {
        ' ' => "a space".into(),
        '@' => "a second \"@\"".into(),
        c if c.is_control() => format!("the control character {}", c.escape_default()),
        c if unseen(c) => format!("the character {}", c.escape_unicode()),
        c => format!("\"{c}\""),
    }
}

impl Handle {
    /// Reads a handle as people write it: surrounding whitespace and one leading `@` are
    /// dropped, letters are lowered; anything else that breaks TikTok's rules is refused.
    pub fn parse(text: &str) -> Result<Handle, HandleError> {
        Handle::written(text).map(|name| Handle(name.into_owned()))
    }

    /// What [`Handle::parse`] reads, as the text the workspace stores, without making a
    /// handle: the cell itself when it is already written that way (an import reads a
    /// handle on every row, and most are).
    pub fn written(text: &str) -> Result<Cow<'_, str>, HandleError> {
        let trimmed = text.trim();
        let name = trimmed.strip_prefix('@').unwrap_or(trimmed);
        let refuse = |problem| HandleError {
            shown: shown(trimmed),
            problem,
        };
        if name.is_empty() {
            return Err(refuse(HandleProblem::Empty));
        }
        if let Some(bad) = name
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || *c == '_' || *c == '.'))
        {
            return Err(refuse(HandleProblem::Character(bad)));
        }
        // Only ASCII is left, so bytes are characters.
        match name.len() {
            n if n < MIN_HANDLE_CHARS => return Err(refuse(HandleProblem::TooShort(n))),
            n if n > MAX_HANDLE_CHARS => return Err(refuse(HandleProblem::TooLong(n))),
            _ => {}
        }
        if name.ends_with('.') {
            return Err(refuse(HandleProblem::EndsWithDot));
        }
        Ok(if name.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(name.to_ascii_lowercase())
        } else {
            Cow::Borrowed(name)
        })
    }

    /// A handle as the workspace stored it. Workspaces written before handles were checked
    /// may hold one that breaks the rules (a newline, a terminal escape, 100,000 characters):
    /// it comes back readable and safe to print (control characters escaped, cut short), and,
    /// as it still breaks the rules, [`Handle::parse`] refuses it, so it is never written back.
    pub fn from_stored(text: &str) -> Handle {
        match Handle::parse(text) {
            Ok(handle) => handle,
            Err(_) => Handle(shown(text)),
        }
    }

    /// The handle without `@`, lower case: how the workspace stores it.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The handle a TikTok link names (`https://www.tiktok.com/@knitwit/video/1`), if it names
    /// a valid one.
    pub fn in_link(link: &str) -> Option<Handle> {
        let (_, rest) = link.split_once("/@")?;
        let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        Handle::parse(&rest[..end]).ok()
    }
}

/// Characters a terminal would not show as themselves: controls, and outside ASCII anything
/// but a letter or digit (other spaces, zero-width and direction marks).
fn unseen(c: char) -> bool {
    c.is_control() || (!c.is_ascii() && !c.is_alphanumeric())
}

/// `text` safe to print in a message: unseen characters escaped, at most [`SHOWN_CHARS`]
/// characters (then `…`).
fn shown(text: &str) -> String {
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == SHOWN_CHARS {
            out.push('…');
            break;
        }
        if c.is_control() {
            out.extend(c.escape_default());
        } else if unseen(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

impl fmt::Display for Handle {
    /// `@handle`, the way users write it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "@{}", self.0)
    }
}

impl std::str::FromStr for Handle {
    type Err = HandleError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Handle::parse(text)
    }
}

impl PartialEq<str> for Handle {
    /// Equal to the text when the text parses to this handle (`@KnitWit` equals `knitwit`).
    fn eq(&self, other: &str) -> bool {
        Handle::parse(other).is_ok_and(|h| h == *self)
    }
}

impl PartialEq<&str> for Handle {
    fn eq(&self, other: &&str) -> bool {
        *self == **other
    }
}

impl Serialize for Handle {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Handle {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Handle::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(text: &str) -> HandleProblem {
        Handle::parse(text).expect_err(text).problem
    }

    #[test]
    fn valid_handles_lose_the_at_and_their_capitals() {
        let handle = Handle::parse("  @Knit.Wit_2 ").expect("valid");
        assert_eq!(handle.as_str(), "knit.wit_2");
        assert_eq!(handle.to_string(), "@knit.wit_2");
        assert_eq!(Handle::parse("knitwit"), Handle::parse("@KNITWIT"));
        assert_eq!(handle, "@KNIT.wit_2");
        assert!(Handle::parse(&"a".repeat(24)).is_ok());
        assert!(Handle::parse("ab").is_ok());
        assert!(Handle::parse(".knit").is_ok());
    }

    #[test]
    fn a_handle_written_as_stored_is_read_without_a_copy() {
        // What an import reads on every row: the cell itself when nothing needs changing.
        assert!(matches!(
            Handle::written(" @knit.wit_2 "),
            Ok(Cow::Borrowed("knit.wit_2"))
        ));
        assert!(matches!(
            Handle::written("@Knit.Wit_2"),
            Ok(Cow::Owned(lowered)) if lowered == "knit.wit_2"
        ));
        for text in ["@Knit.Wit_2", "knitwit", "", "@bad name", "knit."] {
            assert_eq!(
                Handle::written(text).map(Cow::into_owned),
                Handle::parse(text).map(|h| h.as_str().to_string()),
                "{text:?}"
            );
        }
    }

    #[test]
    fn empty_and_a_lone_at_are_refused() {
        assert_eq!(refused(""), HandleProblem::Empty);
        assert_eq!(refused("   "), HandleProblem::Empty);
        assert_eq!(refused("@"), HandleProblem::Empty);
        assert_eq!(refused("@@knitwit"), HandleProblem::Character('@'));
    }

    #[test]
    fn spaces_newlines_and_escapes_are_refused() {
        assert_eq!(refused("@bad name"), HandleProblem::Character(' '));
        assert_eq!(refused("bad\nname"), HandleProblem::Character('\n'));
        assert_eq!(refused("\u{1b}[31mred"), HandleProblem::Character('\u{1b}'));
        assert_eq!(refused("knit\u{0}wit"), HandleProblem::Character('\0'));
    }

    #[test]
    fn letters_outside_ascii_are_refused() {
        assert_eq!(refused("café"), HandleProblem::Character('é'));
        assert_eq!(refused("ニット"), HandleProblem::Character('ニ'));
        assert_eq!(refused("knit-wit"), HandleProblem::Character('-'));
        let mark = Handle::parse("knit\u{202e}wit")
            .expect_err("mark")
            .to_string();
        assert!(mark.starts_with("\"knit\\u{202e}wit\" is not"), "{mark}");
    }

    #[test]
    fn length_is_two_to_twenty_four() {
        assert_eq!(refused("a"), HandleProblem::TooShort(1));
        assert_eq!(refused(&"a".repeat(25)), HandleProblem::TooLong(25));
        assert_eq!(
            refused(&"a".repeat(100_000)),
            HandleProblem::TooLong(100_000)
        );
    }

    #[test]
    fn a_trailing_dot_is_refused() {
        assert_eq!(refused("knitwit."), HandleProblem::EndsWithDot);
    }

    #[test]
    fn the_message_states_the_rule_and_shows_the_text_safely() {
        let message = Handle::parse("@bad name").expect_err("space").to_string();
        assert_eq!(
            message,
            "\"@bad name\" is not a TikTok handle (a space is not allowed): a handle has 2-24 \
             letters, digits, \"_\" or \".\" (and does not end with \".\"). Check the spelling \
             on the account's TikTok profile."
        );
        let escape = Handle::parse("\u{1b}[31mred\n")
            .expect_err("escape")
            .to_string();
        assert!(!escape.chars().any(char::is_control), "{escape}");
        assert!(escape.starts_with("\"\\u{1b}[31mred\" is not"), "{escape}");
        let long = Handle::parse(&"a".repeat(100_000))
            .expect_err("long")
            .to_string();
        assert!(long.len() < 400, "{long}");
        assert!(long.contains("100000 characters, more than 24"), "{long}");
    }

    #[test]
    fn stored_handles_that_break_the_rules_print_safely() {
        let legacy = Handle::from_stored("bad\nname\u{1b}[2J");
        assert_eq!(legacy.to_string(), "@bad\\nname\\u{1b}[2J");
        assert!(Handle::parse(legacy.as_str()).is_err());
        assert!(
            Handle::from_stored(&"x".repeat(100_000))
                .as_str()
                .chars()
                .count()
                <= 41
        );
        assert_eq!(Handle::from_stored("KnitWit").as_str(), "knitwit");
    }

    #[test]
    fn links_name_their_handle() {
        let link = "https://www.tiktok.com/@Knit.Wit/video/7301?lang=en";
        assert_eq!(
            Handle::in_link(link).map(|h| h.to_string()).as_deref(),
            Some("@knit.wit")
        );
        assert_eq!(Handle::in_link("https://www.tiktok.com/@/video/1"), None);
        assert_eq!(Handle::in_link("https://example.com/video/1"), None);
    }

    #[test]
    fn serde_writes_and_reads_the_plain_handle() {
        let handle = Handle::parse("@knitwit").expect("valid");
        assert_eq!(serde_json::to_string(&handle).expect("json"), "\"knitwit\"");
        let back: Handle = serde_json::from_str("\"@KnitWit\"").expect("valid");
        assert_eq!(back, handle);
        assert!(serde_json::from_str::<Handle>("\"bad name\"").is_err());
    }
}
