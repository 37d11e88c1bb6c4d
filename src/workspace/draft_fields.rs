//! A draft's fields by name, as `scrollstop draft new` and `draft set` take them
//! (`caption="Three books"`, `status=approved`): each value read with the drafts importer's
//! own rules and messages, so a bad value is refused the same way wherever it is typed.

use crate::domain::{Draft, Subculture, hashtags_in};
use crate::io::drafts_csv::{
    read_aspect, read_bpm, read_duration, read_flag, read_opening, read_status,
};

/// The fields that can be set, as they are written on the command line.
pub const DRAFT_FIELDS: &[&str] = &[
    "title",
    "caption",
    "hook",
    "opening",
    "subculture",
    "duration_s",
    "aspect",
    "sound",
    "bpm",
    "status",
    "assignee",
    "notes",
    "duet",
    "stitch",
    "comments_allowed",
];

/// Sets `field` of `draft` to `value` (an empty value clears optional fields). `Err` says what
/// is wrong with the field or the value.
pub fn set_draft_field(
    draft: &mut Draft,
    field: &str,
    value: &str,
    subcultures: &[Subculture],
) -> Result<(), String> {
    let value = value.trim();
    let optional = |v: &str| (!v.is_empty()).then(|| v.to_string());
    match field.trim().to_ascii_lowercase().as_str() {
        "title" => draft.title = value.to_string(),
        "caption" => {
            draft.caption = value.to_string();
            for tag in hashtags_in(value) {
                if !draft.hashtags.iter().any(|t| t.eq_ignore_ascii_case(&tag)) {
                    draft.hashtags.push(tag);
                }
            }
        }
        "hook" => draft.hook = value.to_string(),
        "opening" => draft.opening = read_opening(value)?,
        "subculture" if value.is_empty() => draft.subculture = None,
        "subculture" => {
            let wanted = value.trim_start_matches('#');
            let found = subcultures
                .iter()
                .find(|s| s.name.trim_start_matches('#').eq_ignore_ascii_case(wanted))
                .ok_or_else(|| {
                    let names: Vec<&str> = subcultures.iter().map(|s| s.name.as_str()).collect();
                    format!(
                        "subculture \"{value}\" is not in this workspace; it has {}",
                        names.join(", ")
                    )
                })?;
            draft.subculture = Some(found.id);
        }
        "duration_s" | "duration" if value.is_empty() => draft.duration_s = None,
        "duration_s" | "duration" => draft.duration_s = Some(read_duration(value)?),
        "aspect" => draft.aspect = read_aspect(value)?,
        "sound" => draft.sound = optional(value),
        "bpm" if value.is_empty() => draft.sound_bpm = None,
        "bpm" => draft.sound_bpm = Some(read_bpm(value)?),
        "status" => draft.status = read_status(value)?,
        "assignee" => draft.assignee = value.to_string(),
        "notes" => draft.notes = value.to_string(),
        "duet" => draft.allow_duet = read_flag(value, "duet")?,
        "stitch" => draft.allow_stitch = read_flag(value, "stitch")?,
        "comments_allowed" | "comments" => {
            draft.allow_comments = read_flag(value, "comments allowed")?;
        }
        other => {
            return Err(format!(
                "\"{other}\" is not a draft field; the fields are {}",
                DRAFT_FIELDS.join(", ")
            ));
        }
    }
    Ok(())
}

/// Splits `field=value` (the value may hold `=`).
pub fn split_assignment(text: &str) -> Result<(&str, &str), String> {
    text.split_once('=').ok_or_else(|| {
        format!("\"{text}\" is not FIELD=VALUE (for example caption=\"Three books\")")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{AccountId, DraftStatus};

    fn draft() -> Draft {
        Draft::blank(AccountId(1), chrono::DateTime::UNIX_EPOCH)
    }

    #[test]
    fn values_are_read_with_the_importers_rules() {
        let mut d = draft();
        set_draft_field(&mut d, "status", "in review", &[]).unwrap();
        assert_eq!(d.status, DraftStatus::InReview);
        set_draft_field(&mut d, "duration_s", "1:30", &[]).unwrap();
        assert_eq!(d.duration_s, Some(90.0));
        set_draft_field(&mut d, "caption", "Crumb #bread", &[]).unwrap();
        assert_eq!(d.hashtags, ["bread"]);
        set_draft_field(&mut d, "duet", "no", &[]).unwrap();
        assert!(!d.allow_duet);
    }

    #[test]
    fn bad_fields_and_values_say_what_is_wrong() {
        let mut d = draft();
        let e = set_draft_field(&mut d, "status", "done", &[]).unwrap_err();
        assert!(e.contains("is not one of idea"), "{e}");
        let e = set_draft_field(&mut d, "colour", "red", &[]).unwrap_err();
        assert!(e.contains("not a draft field"), "{e}");
        let e = set_draft_field(&mut d, "duration_s", "5 hours", &[]).unwrap_err();
        assert!(e.contains("duration"), "{e}");
        let e = set_draft_field(&mut d, "subculture", "#Nope", &[]).unwrap_err();
        assert!(e.contains("not in this workspace"), "{e}");
        assert_eq!(d, draft(), "nothing changed");
    }
}
