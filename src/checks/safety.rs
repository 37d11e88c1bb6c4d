//! Potentially disturbing content (the seed's "not recommended" list: TikTok's examples are
//! graphic medical procedures and the legal consumption of regulated goods). The keyword list
//! lives in `assets/content_warnings.json`, per topic and language (English plus the languages
//! whose month names the importer reads), so it can grow without touching code.

use std::sync::OnceLock;

use serde::Deserialize;

use super::{Field, Finding, Severity};
use crate::domain::Draft;

#[derive(Debug, Deserialize)]
struct Topic {
    topic: String,
    /// Language code -> words or phrases, lower case.
    keywords: std::collections::BTreeMap<String, Vec<String>>,
    /// Every keyword with its [`normalise`]d form (filled once after loading), for searching.
    #[serde(skip)]
    searchable: Vec<(String, String)>,
}

fn topics() -> &'static [Topic] {
    static TOPICS: OnceLock<Vec<Topic>> = OnceLock::new();
    TOPICS.get_or_init(|| {
        let mut topics: Vec<Topic> =
            serde_json::from_str(include_str!("../../assets/content_warnings.json"))
                .expect("assets/content_warnings.json is checked by a unit test");
        for t in &mut topics {
            t.searchable = t
                .keywords
                .values()
                .flatten()
                .map(|k| (k.clone(), normalise(k)))
                .collect();
        }
        topics
    })
}

/// ` word word ` with letters lower-cased and everything else a space, for whole-word search.
fn normalise(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .to_lowercase();
    format!(
        " {} ",
        cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
    )
}

/// The topics a text touches, each with the first keyword that matched.
pub fn sensitive_topics(text: &str) -> Vec<(&'static str, &'static str)> {
    let text = normalise(text);
    topics()
        .iter()
        .filter_map(|t| {
            t.searchable
                .iter()
                .find(|(_, normalised)| text.contains(normalised.as_str()))
                .map(|(k, _)| (t.topic.as_str(), k.as_str()))
        })
        .collect()
}

pub(super) fn check(draft: &Draft, out: &mut Vec<Finding>) {
    let text = format!("{} {} {}", draft.title, draft.hook, draft.caption);
    let found = sensitive_topics(&text);
    if !found.is_empty() {
        let list: Vec<String> = found
            .iter()
            .map(|(topic, word)| format!("{topic} (\"{word}\")"))
            .collect();
        out.push(Finding::new(
            "disturbing-content",
            Severity::Warning,
            Field::Caption,
            "Not recommended by For You: potentially disturbing content, e.g. graphic medical procedures or the legal consumption of regulated goods.",
            format!(
                "Mentions {}: For You may not recommend potentially disturbing content or regulated goods.",
                list.join(", ")
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_keyword_list_parses_and_covers_every_language() {
        let langs = ["en", "es", "pt", "fr", "de", "nl", "it", "el"];
        assert!(topics().len() >= 6);
        for t in topics() {
            for l in langs {
                assert!(
                    t.keywords.get(l).is_some_and(|k| !k.is_empty()),
                    "{} lacks {l}",
                    t.topic
                );
            }
        }
    }

    #[test]
    fn whole_words_match_in_several_languages() {
        assert_eq!(
            sensitive_topics("Our new craft beer is here")[0].0,
            "alcohol"
        );
        assert_eq!(sensitive_topics("Proefles bier brouwen")[0].0, "alcohol");
        assert_eq!(sensitive_topics("mi nuevo vapeador")[0].0, "vaping");
        assert!(sensitive_topics("Three knits for a rainy day").is_empty());
        assert!(
            sensitive_topics("gunnery? no, begun").is_empty(),
            "no match inside words"
        );
    }
}
