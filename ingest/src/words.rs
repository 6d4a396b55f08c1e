//! Whole-word matching: the one way the ingest looks for words in the notes. A phrase matches
//! only where no letter or digit touches either of its ends, so "sync" is not found in
//! "asyncio", "conduct" not in "conducted", "of us" not in "lack of use". Case is ignored for
//! ASCII letters; everything else must match exactly.

/// `text` with ASCII letters lowercased: the same bytes at the same offsets otherwise, so an
/// offset found in the copy is an offset in `text`.
pub fn lower(text: &str) -> String {
    text.to_ascii_lowercase()
}

/// No letter or digit right before `start` or right at `end`.
pub fn bounded(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Byte offsets of every whole-word occurrence of `phrase` in `text`, ignoring ASCII case.
pub fn find_all(text: &str, phrase: &str) -> Vec<usize> {
    find_all_lowered(&lower(text), &lower(phrase))
}

/// `find_all` for a text and phrase already passed through `lower`.
pub fn find_all_lowered(text: &str, phrase: &str) -> Vec<usize> {
    let mut out = Vec::new();
    if phrase.is_empty() {
        return out;
    }
    let mut from = 0;
    while let Some(pos) = text[from..].find(phrase) {
        let start = from + pos;
        let end = start + phrase.len();
        if bounded(text, start, end) {
            out.push(start);
        }
        from = start + text[start..].chars().next().map_or(1, char::len_utf8);
    }
    out
}

/// Whether `phrase` occurs in `text` as whole words, ignoring ASCII case.
pub fn has(text: &str, phrase: &str) -> bool {
    !find_all(text, phrase).is_empty()
}

/// Whether any of `phrases` occurs in `text` as whole words, ignoring ASCII case.
pub fn has_any(text: &str, phrases: &[&str]) -> bool {
    let text = lower(text);
    phrases
        .iter()
        .any(|p| !find_all_lowered(&text, &lower(p)).is_empty())
}

/// A word of a text: a run of letters and digits, with where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    /// The word with ASCII letters lowercased.
    pub text: String,
}

/// The words of `text`, in order. Everything that is not a letter or a digit separates words,
/// so "check-in" is two words and "today's" is "today" and "s".
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Word {
                    start: s,
                    end: i,
                    text: lower(&text[s..i]),
                });
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Word {
            start: s,
            end: text.len(),
            text: lower(&text[s..]),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    // The look-alikes: each was matched by the old substring rules.
    #[test]
    fn words_inside_other_words_do_not_match() {
        assert!(!has("the asyncio uncancel issue", "sync"));
        assert!(!has("remove asynchat and friends", "sync"));
        assert!(!has("drafting replies asynchronously", "sync"));
        assert!(!has("interviews that the SC conducted", "conduct"));
        assert!(!has("conducting mock elections", "conduct"));
        assert!(!has("the lack of use for the list", "of us"));
        assert!(has("Sync-ups with Łukasz", "sync"));
        assert!(has("small meeting 3/5 of us.", "of us"));
        assert!(has("a Code of Conduct violation", "code of conduct"));
    }

    #[test]
    fn case_is_ignored_and_offsets_are_the_texts() {
        let text = "Łukasz met the Developer In Residence";
        let at = find_all(text, "developer in residence");
        assert_eq!(at.len(), 1);
        assert_eq!(&text[at[0]..at[0] + 22], "Developer In Residence");
        assert!(has_any(
            "No meeting today.",
            &["no regular meeting", "no meeting"]
        ));
    }

    #[test]
    fn words_split_at_everything_but_letters_and_digits() {
        let w: Vec<String> = words("A check-in with Ł, today's 3/5.")
            .into_iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(w, ["a", "check", "in", "with", "Ł", "today", "s", "3", "5"]);
    }
}
