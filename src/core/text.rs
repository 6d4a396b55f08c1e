//! Text as search sees it: folded to lowercase ASCII where a letter has a plain form, and split
//! into words. The query language, the search index, highlighting and name matching all use
//! these, so a word means the same thing everywhere, in a quoted phrase too.

/// Latin letters with diacritics (every one in Latin-1 and Latin Extended-A, which covers the
/// data), lowercase, and the plain letters each folds to. A hand table rather than a Unicode
/// crate: the wasm download is on a budget.
const FOLDS: &[(&str, &str)] = &[
    ("àáâãäåāăą", "a"),
    ("æ", "ae"),
    ("çćĉċč", "c"),
    ("ďđð", "d"),
    ("èéêëēĕėęě", "e"),
    ("ĝğġģ", "g"),
    ("ĥħ", "h"),
    ("ìíîïĩīĭįı", "i"),
    ("ĳ", "ij"),
    ("ĵ", "j"),
    ("ķĸ", "k"),
    ("ĺļľŀł", "l"),
    ("ñńņňŉŋ", "n"),
    ("òóôõöøōŏő", "o"),
    ("œ", "oe"),
    ("ŕŗř", "r"),
    ("śŝşšſ", "s"),
    ("ß", "ss"),
    ("ţťŧ", "t"),
    ("þ", "th"),
    ("ùúûüũūŭůűų", "u"),
    ("ŵ", "w"),
    ("ýÿŷ", "y"),
    ("źżž", "z"),
];

/// Lowercases and drops diacritics, so "lukasz" finds "Łukasz" and "taskaya" finds "Taşkaya".
/// Combining marks (text written as "e" + "\u{301}") are dropped too.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            c if c.is_ascii() => out.push(c),
            // A combining diacritical mark: its letter is already written.
            '\u{300}'..='\u{36f}' => {}
            c => match FOLDS.iter().find(|(from, _)| from.contains(c)) {
                Some((_, to)) => out.push_str(to),
                None => out.push(c),
            },
        }
    }
    out
}

/// The words of folded text with their byte offsets: runs of letters and digits.
pub fn split_words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}

/// Whether the words of `phrase` (folded, one space between words) stand one after another in
/// the folded `text`, split as [`split_words`] splits it: each a whole word but the last, which
/// only has to start one, as a free word does. So `"free-threading"` finds "free threading"
/// and "free-threaded", and punctuation between the words does not matter.
pub fn has_phrase(text: &str, phrase: &str) -> bool {
    let want: Vec<&str> = phrase.split(' ').filter(|w| !w.is_empty()).collect();
    let Some((last, before)) = want.split_last() else {
        return true;
    };
    let words: Vec<&str> = split_words(text).map(|(_, w)| w).collect();
    words
        .windows(want.len())
        .any(|run| run[..before.len()] == *before && run[before.len()].starts_with(last))
}
