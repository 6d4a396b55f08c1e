//! Marking the query's words in the text shown.

use std::ops::Range;

use crate::core::text::fold;

/// Byte ranges of `text` to mark: the start of each word that one of the query's words begins,
/// as long as that query word.
pub fn highlight(text: &str, words: &[String]) -> Vec<Range<usize>> {
    if words.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut word_start = None;
    let ends = text
        .char_indices()
        .map(|(i, c)| (i, Some(c)))
        .chain(std::iter::once((text.len(), None)));
    for (i, c) in ends {
        match (c.is_some_and(char::is_alphanumeric), word_start) {
            (true, None) => word_start = Some(i),
            (false, Some(s)) => {
                if let Some(r) = mark_in_word(&text[s..i], words) {
                    out.push(s..s + r);
                }
                word_start = None;
            }
            _ => {}
        }
    }
    out
}

/// How many bytes at the start of `word` the longest query word matches, if any does. Folding
/// can change a letter's length ("Ł" is two bytes, "l" one), so the word is folded letter by
/// letter.
fn mark_in_word(word: &str, words: &[String]) -> Option<usize> {
    let mut folded = String::new();
    let mut best = None;
    for (i, c) in word.char_indices() {
        folded.push_str(&fold(c.encode_utf8(&mut [0; 4])));
        let end = i + c.len_utf8();
        if words.contains(&folded) {
            best = Some(end);
        }
        if !words.iter().any(|w| w.starts_with(folded.as_str())) {
            break;
        }
    }
    best
}

/// `text` cut into pieces, each marked or not, following `ranges` (sorted, not overlapping).
pub fn segments<'a>(text: &'a str, ranges: &[Range<usize>]) -> Vec<(&'a str, bool)> {
    let mut out = Vec::new();
    let mut at = 0;
    for r in ranges {
        if r.start < at || r.end > text.len() {
            continue;
        }
        if r.start > at {
            out.push((&text[at..r.start], false));
        }
        out.push((&text[r.clone()], true));
        at = r.end;
    }
    if at < text.len() {
        out.push((&text[at..], false));
    }
    out
}
