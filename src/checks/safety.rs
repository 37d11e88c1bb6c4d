//! Potentially disturbing content (the seed's "not recommended" list: TikTok's examples are
//! graphic medical procedures and the legal consumption of regulated goods). The keyword list
//! lives in `assets/content_warnings.json`, per topic and language (English plus the languages
//! whose month names the importer reads), so it can grow without touching code.

use std::collections::HashMap;
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

/// Every keyword by its normalised words (single spaces, no padding): the topic and the
/// keyword's place in [`Topic::searchable`].
struct Phrases {
    by_words: HashMap<String, Vec<(usize, usize)>>,
    /// The most words a keyword has.
    longest: usize,
    /// A keyword with no words at all (only the plain search handles it).
    any_empty: bool,
}

fn phrases() -> &'static Phrases {
    static PHRASES: OnceLock<Phrases> = OnceLock::new();
    PHRASES.get_or_init(|| {
        let mut phrases = Phrases {
            by_words: HashMap::new(),
            longest: 0,
            any_empty: false,
        };
        for (t, topic) in topics().iter().enumerate() {
            for (k, (_, normalised)) in topic.searchable.iter().enumerate() {
                let words = normalised.trim_matches(' ');
                if words.is_empty() {
                    phrases.any_empty = true;
                    continue;
                }
                phrases.longest = phrases.longest.max(words.split(' ').count());
                let at = phrases.by_words.entry(words.to_string()).or_default();
                at.push((t, k));
            }
        }
        phrases
    })
}

/// The topics a text touches, each with the first keyword that matched.
///
/// A keyword matches where its words follow each other in the text (both [`normalise`]d: one
/// space between words, none inside one), so the text's runs of up to [`Phrases::longest`]
/// words are looked up instead of searching the text for each of the hundreds of keywords.
pub fn sensitive_topics(text: &str) -> Vec<(&'static str, &'static str)> {
    let text = normalise(text);
    let phrases = phrases();
    let inner = &text[1..text.len() - 1];
    if inner.is_empty() || phrases.any_empty {
        return search_every_keyword(&text);
    }
    let mut spans = Vec::new();
    let mut at = 1;
    for word in inner.split(' ') {
        spans.push((at, at + word.len()));
        at += word.len() + 1;
    }
    let mut first: Vec<Option<usize>> = vec![None; topics().len()];
    for (i, &(start, _)) in spans.iter().enumerate() {
        for &(_, end) in spans[i..].iter().take(phrases.longest) {
            for &(t, k) in phrases
                .by_words
                .get(&text[start..end])
                .into_iter()
                .flatten()
            {
                first[t] = Some(first[t].map_or(k, |f| f.min(k)));
            }
        }
    }
    topics()
        .iter()
        .zip(first)
        .filter_map(|(t, k)| k.map(|k| (t.topic.as_str(), t.searchable[k].0.as_str())))
        .collect()
}

/// The plain search: every keyword against the [`normalise`]d text.
fn search_every_keyword(text: &str) -> Vec<(&'static str, &'static str)> {
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

    /// Looking up the text's word runs finds what searching for every keyword finds.
    #[test]
    fn word_runs_find_what_the_plain_search_finds() {
        let mut rng = crate::random::Rng::new(5);
        let mut pieces: Vec<String> = topics()
            .iter()
            .flat_map(|t| t.keywords.values().flatten())
            .flat_map(|k| k.split(' ').map(str::to_string).collect::<Vec<_>>())
            .collect();
        pieces.extend(
            [
                "knit",
                "Beer!",
                "CBD-oil",
                "İstanbul",
                "ΣΟΦΟΣ",
                "🍷",
                "",
                "  ",
                "\t",
                "x",
            ]
            .map(str::to_string),
        );
        let mut matched = 0;
        for _ in 0..3000 {
            let text: Vec<&str> = (0..rng.below(9))
                .map(|_| rng.pick(&pieces).as_str())
                .collect();
            let text = text.join(*rng.pick(&[" ", "  ", ", ", "-", ""]));
            let found = sensitive_topics(&text);
            matched += usize::from(!found.is_empty());
            assert_eq!(found, search_every_keyword(&normalise(&text)), "{text:?}");
        }
        assert!(matched > 500, "the sample touches topics: {matched}");
    }
}
