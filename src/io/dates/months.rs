//! Month names in the languages TikTok Studio writes dates in (en, es, pt, fr, de, nl, it, el),
//! full, short and, for Greek, in the genitive (`15 Ιανουαρίου`) and nominative, with or
//! without accents. It only names months: it never reads days, years or whole dates.

/// Full month names, accents removed and lower-cased as [`fold`] does, January first.
#[rustfmt::skip]
const FULL_NAMES: [&[&str]; 12] = [
    &["january", "enero", "janeiro", "janvier", "januar", "janner", "januari", "gennaio", "ιανουαριοσ", "ιανουαριου"],
    &["february", "febrero", "fevereiro", "fevrier", "februar", "februari", "febbraio", "φεβρουαριοσ", "φεβρουαριου"],
    &["march", "marzo", "marco", "mars", "marz", "maerz", "maart", "μαρτιοσ", "μαρτιου"],
    &["april", "abril", "avril", "aprile", "απριλιοσ", "απριλιου"],
    &["may", "mayo", "maio", "mai", "mei", "maggio", "μαιοσ", "μαιου"],
    &["june", "junio", "junho", "juin", "juni", "giugno", "ιουνιοσ", "ιουνιου"],
    &["july", "julio", "julho", "juillet", "juli", "luglio", "ιουλιοσ", "ιουλιου"],
    &["august", "agosto", "aout", "augustus", "αυγουστοσ", "αυγουστου"],
    &["september", "septiembre", "setiembre", "setembro", "septembre", "settembre", "σεπτεμβριοσ", "σεπτεμβριου"],
    &["october", "octubre", "outubro", "octobre", "oktober", "ottobre", "οκτωβριοσ", "οκτωβριου"],
    &["november", "noviembre", "novembro", "novembre", "νοεμβριοσ", "νοεμβριου"],
    &["december", "diciembre", "dezembro", "decembre", "dezember", "dicembre", "δεκεμβριοσ", "δεκεμβριου"],
];

/// Short forms that are not the start of a full name (Dutch `mrt`, German `Mrz`).
const ODD_SHORT_NAMES: [(&str, u32); 2] = [("mrt", 3), ("mrz", 3)];

/// Words that sit between day and month (`8 de marzo`, `the 8th of March`).
const FILLERS: [&str; 5] = ["de", "del", "of", "the", "le"];

/// Shortest start of a month name accepted as its short form (`Apr`, `Ιαν`).
const MIN_SHORT: usize = 3;

/// Whether `token` is a word that only joins day and month.
pub(super) fn is_filler(token: &str) -> bool {
    FILLERS.contains(&fold(token).as_str())
}

/// The month (1..=12) a word names in any supported language, full or short; `None` when it
/// names none or could be two (`Ιου`: June or July).
pub(super) fn month_of(token: &str) -> Option<u32> {
    let word = fold(token);
    if word.is_empty() {
        return None;
    }
    if let Some(&(_, month)) = ODD_SHORT_NAMES.iter().find(|(short, _)| *short == word) {
        return Some(month);
    }
    let mut found = None;
    for (index, names) in FULL_NAMES.iter().enumerate() {
        let month = u32::try_from(index + 1).ok()?;
        if names.iter().any(|name| *name == word) {
            return Some(month);
        }
        let is_short =
            word.chars().count() >= MIN_SHORT && names.iter().any(|n| n.starts_with(&word));
        if is_short {
            if found.is_some_and(|m| m != month) {
                return None;
            }
            found = Some(month);
        }
    }
    found
}

/// Lower case without accents or combining marks, final sigma as sigma, trailing dots dropped.
fn fold(token: &str) -> String {
    token
        .trim_end_matches('.')
        .chars()
        .flat_map(char::to_lowercase)
        .filter(|c| !('\u{0300}'..='\u{036F}').contains(c))
        .map(plain_letter)
        .collect()
}

fn plain_letter(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        'ñ' => 'n',
        'ά' => 'α',
        'έ' => 'ε',
        'ή' => 'η',
        'ί' | 'ϊ' | 'ΐ' => 'ι',
        'ό' => 'ο',
        'ύ' | 'ϋ' | 'ΰ' => 'υ',
        'ώ' => 'ω',
        'ς' => 'σ',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::month_of;

    #[rustfmt::skip]
    const BY_LANGUAGE: [[&str; 12]; 9] = [
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
        ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
        ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"],
        ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
        ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
        ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
        ["Ιανουαρίου", "Φεβρουαρίου", "Μαρτίου", "Απριλίου", "Μαΐου", "Ιουνίου", "Ιουλίου", "Αυγούστου", "Σεπτεμβρίου", "Οκτωβρίου", "Νοεμβρίου", "Δεκεμβρίου"],
        ["Ιανουάριος", "Φεβρουάριος", "Μάρτιος", "Απρίλιος", "Μάιος", "Ιούνιος", "Ιούλιος", "Αύγουστος", "Σεπτέμβριος", "Οκτώβριος", "Νοέμβριος", "Δεκέμβριος"],
    ];

    #[test]
    fn every_language_names_every_month_in_full() {
        for names in BY_LANGUAGE {
            for (index, name) in names.iter().enumerate() {
                assert_eq!(month_of(name), Some(index as u32 + 1), "{name}");
            }
        }
    }

    #[test]
    fn greek_without_accents_or_in_capitals() {
        assert_eq!(month_of("ΙΑΝΟΥΑΡΙΟΥ"), Some(1));
        assert_eq!(month_of("Μαιου"), Some(5));
        assert_eq!(month_of("ΜΑΪΟΥ"), Some(5));
        assert_eq!(month_of("Αυγουστου"), Some(8));
        assert_eq!(month_of("Δεκεμβριος"), Some(12));
    }

    #[test]
    fn short_names_in_each_language() {
        #[rustfmt::skip]
        let cases = [
            ("Apr", 4), ("Sept", 9), ("Dec.", 12), ("ene", 1), ("dic", 12), ("fev", 2), ("out", 10),
            ("janv.", 1), ("févr.", 2), ("juil.", 7), ("Mrz", 3), ("Okt", 10), ("Dez", 12),
            ("mrt", 3), ("mei", 5), ("gen", 1), ("giu", 6), ("lug", 7), ("ott", 10), ("Ιαν", 1),
            ("Μαΐ", 5), ("Ιουν", 6), ("Ιουλ", 7), ("Σεπ", 9), ("Δεκ", 12),
        ];
        for (name, month) in cases {
            assert_eq!(month_of(name), Some(month), "{name}");
        }
    }

    #[test]
    fn words_that_name_no_month_or_two() {
        for word in ["Smarch", "ju", "jui", "Ιου", "ma", "", "12", "de"] {
            assert_eq!(month_of(word), None, "{word}");
        }
    }
}
