//! Autocomplete for the piece being typed: people for `person:`, PEPs for `pep:`.

use super::Index;
use crate::core::query::tokens;
use crate::core::text::{fold, split_words};

/// An autocomplete choice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// What the list shows ("Pablo Galindo Salgado", "PEP 703: Making the GIL optional…").
    pub label: String,
    /// The box's whole text once chosen.
    pub q: String,
}

/// How many choices the list shows.
const SUGGESTIONS: usize = 8;

/// Choices for the piece being typed at the end of `q`: people for `person:…` or a bare name,
/// PEPs for `pep:…` or bare digits. Nothing once the text ends in a space.
pub fn suggest(index: &Index, q: &str) -> Vec<Suggestion> {
    if q.is_empty() || q.ends_with(char::is_whitespace) {
        return Vec::new();
    }
    let Some(last) = tokens(q).pop() else {
        return Vec::new();
    };
    let head = q[..last.span.start].to_string();
    let with = |piece: String| Suggestion {
        label: String::new(),
        q: format!("{head}{piece} "),
    };
    let value = fold(last.value.trim());
    let people = |limit: usize| {
        index
            .people
            .iter()
            .filter(|p| value.is_empty() || p.keys.iter().any(|k| k.starts_with(&value)))
            .take(limit)
            .map(|p| Suggestion {
                label: p.name.clone(),
                ..with(format!("person:{}", p.id))
            })
            .collect::<Vec<_>>()
    };
    let peps = |limit: usize| {
        let digits = value.bytes().all(|b| b.is_ascii_digit());
        index
            .peps
            .iter()
            .filter(|(n, title)| {
                if digits {
                    n.to_string().starts_with(&value)
                } else {
                    let title = fold(title);
                    split_words(&value)
                        .all(|(_, w)| split_words(&title).any(|(_, t)| t.starts_with(w)))
                }
            })
            .take(limit)
            .map(|(n, title)| Suggestion {
                label: format!("PEP {n}: {title}"),
                ..with(format!("pep:{n}"))
            })
            .collect::<Vec<_>>()
    };
    match last.key.as_deref() {
        Some("person") => people(SUGGESTIONS),
        Some("pep") => peps(SUGGESTIONS),
        Some(_) => Vec::new(),
        None if last.quoted || value.chars().count() < 2 => Vec::new(),
        None if value.bytes().all(|b| b.is_ascii_digit()) => peps(SUGGESTIONS),
        None => people(SUGGESTIONS),
    }
}
