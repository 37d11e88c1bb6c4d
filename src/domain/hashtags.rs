//! Hashtags as the caption holds them: read from its text, compared in any case, and kept in
//! step when the caption is edited (tags typed into the caption follow it; tags added apart
//! from it stay). Pure text rules shared by the editor and a finding's fix.

/// Hashtags found in a caption, in order of appearance, without the `#`, deduplicated
/// case-insensitively. A hashtag runs from `#` to the next whitespace or `#`.
pub fn hashtags_in(caption: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for piece in caption.split(char::is_whitespace) {
        for (i, part) in piece.split('#').enumerate() {
            if i == 0 {
                continue;
            }
            let tag: String = part
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '.')
                .collect();
            let tag = tag.trim_end_matches('.').to_string();
            if !tag.is_empty() && !tags.iter().any(|t| t.eq_ignore_ascii_case(&tag)) {
                tags.push(tag);
            }
        }
    }
    tags
}

/// True when `tags` holds `tag`, in any case.
pub fn contains_tag(tags: &[String], tag: &str) -> bool {
    tags.iter().any(|t| t.eq_ignore_ascii_case(tag))
}

/// The draft's hashtags after its caption changed from `old_caption` to `new_caption`: those
/// read from the new caption, then those added apart from the caption (kept as they were).
pub fn hashtags_after(old_caption: &str, old_tags: &[String], new_caption: &str) -> Vec<String> {
    let in_old = hashtags_in(old_caption);
    let mut tags = hashtags_in(new_caption);
    for tag in old_tags {
        if !contains_tag(&in_old, tag) && !contains_tag(&tags, tag) {
            tags.push(tag.clone());
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashtags_are_read_from_the_caption_in_order_without_duplicates() {
        let tags = hashtags_in("Three knits #cottagecore #knitting#fyp, #CottageCore end.");
        assert_eq!(tags, vec!["cottagecore", "knitting", "fyp"]);
    }

    #[test]
    fn a_lone_hash_is_not_a_hashtag() {
        assert!(hashtags_in("# nothing here #").is_empty());
    }

    #[test]
    fn hashtags_follow_the_caption_and_keep_those_added_apart() {
        let tags = vec!["knitting".to_string(), "extra".to_string()];
        let after = hashtags_after("Wool #knitting", &tags, "Wool #knitting #fyp");
        assert_eq!(after, vec!["knitting", "fyp", "extra"]);
        let removed = hashtags_after("Wool #knitting", &tags, "Wool");
        assert_eq!(
            removed,
            vec!["extra"],
            "a tag deleted from the caption goes"
        );
    }
}
