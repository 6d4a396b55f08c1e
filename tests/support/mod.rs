//! What the native test files share: the small fixture (`tests/fixtures/tiny.json`) and the
//! bundled data set as `Dataset`s, and the plain, slow matchers the search index is checked
//! against. Each test file is a crate of its own and takes this with `mod support;`, using only
//! part of it.
#![allow(dead_code)]

use std::collections::BTreeMap;

use council_explorer::core::dataset::{DataError, DataFile, Dataset, Parts};
use council_explorer::core::query::Filter;
use council_explorer::core::search::{fails as fails_on, Facet};
use council_explorer::core::text::split_words;
use council_explorer::core::timeline::Entry;
use serde_json::Value;

/// The fixture's JSON: every data file under one key (`sections` for the meetings).
pub fn fixture() -> Value {
    serde_json::from_str(include_str!("../fixtures/tiny.json")).expect("fixture is JSON")
}

/// The fixture's `Parts` after `edit` has changed its JSON.
pub fn parts_with(edit: impl FnOnce(&mut Value)) -> Result<Parts, DataError> {
    let mut v = fixture();
    edit(&mut v);
    Parts::parse_with(|file| {
        let key = match file {
            DataFile::Meetings => "sections".to_string(),
            f => f.name().trim_end_matches(".json").to_string(),
        };
        v[key].to_string()
    })
}

/// The fixture as a data set, after `edit`.
pub fn tiny_with(edit: impl FnOnce(&mut Value)) -> Dataset {
    let parts = parts_with(edit).expect("the fixture parses");
    Dataset::new(parts).expect("the fixture is valid")
}

pub fn tiny() -> Dataset {
    tiny_with(|_| {})
}

/// The bundled data set, `data/`.
pub fn bundled() -> Dataset {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    let parts =
        Parts::parse_with(|f| std::fs::read_to_string(format!("{dir}/{}", f.name())).unwrap())
            .expect("data/ parses");
    Dataset::new(parts).expect("data/ is valid")
}

/// One file of `data/` as JSON records.
pub fn json(file: &str) -> Vec<Value> {
    let path = format!("{}/data/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("parse {path}: {e}"))
}

/// Which conditions of `f` the entry fails, free text included, read the slow way from its
/// haystack: the oracle the search index's answers are checked against.
fn fails(f: &Filter, e: &Entry) -> u8 {
    let mut mask = fails_on(f, e, None);
    if mask & Facet::OTHER == 0 && !text_matches(f, e) {
        mask |= Facet::OTHER;
    }
    mask
}

fn text_matches(f: &Filter, e: &Entry) -> bool {
    let words: Vec<&str> = split_words(&e.haystack).map(|(_, w)| w).collect();
    f.words
        .iter()
        .all(|w| words.iter().any(|x| x.starts_with(w.as_str())))
        && f.phrases.iter().all(|p| phrase_at_some_word(&words, p))
}

/// Whether the phrase's words start at some word of `words`, one after another: whole words,
/// the last one a prefix, as free words are.
fn phrase_at_some_word(words: &[&str], phrase: &str) -> bool {
    let want: Vec<&str> = phrase.split(' ').collect();
    (0..words.len()).any(|start| {
        want.iter().enumerate().all(|(k, w)| {
            words.get(start + k).is_some_and(|x| {
                if k + 1 == want.len() {
                    x.starts_with(w)
                } else {
                    x == w
                }
            })
        })
    })
}

/// Whether `e` passes every condition of `f`.
pub fn matches(f: &Filter, e: &Entry) -> bool {
    fails(f, e) == 0
}

/// The entries that pass `f`, in timeline order.
pub fn apply<'a>(f: &'a Filter, entries: &'a [Entry]) -> impl Iterator<Item = &'a Entry> + 'a {
    entries.iter().filter(move |e| matches(f, e))
}

/// For each value of `facet`, how many entries would match if that facet were set to the
/// value and every other condition stayed as it is.
pub fn counts(f: &Filter, entries: &[Entry], facet: Facet) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for e in entries.iter().filter(|e| fails(f, e) & !facet.bit() == 0) {
        let keys: Vec<String> = match facet {
            Facet::Person => e.people.clone(),
            Facet::Pep => e.peps.iter().map(u16::to_string).collect(),
            Facet::Kind => vec![e.kind.as_str().to_string()],
            Facet::Term => vec![e.term.to_string()],
            Facet::Year => vec![e.year().to_string()],
            Facet::Role => {
                // The roles of the people the filter names, or anyone's.
                let named = |x: &str| f.person.as_ref().is_none_or(|p| x.starts_with(p.as_str()));
                let mut roles: Vec<String> = e
                    .roles
                    .iter()
                    .filter(|(x, _)| named(x))
                    .map(|(_, r)| r.as_str().to_string())
                    .collect();
                roles.sort();
                roles.dedup();
                roles
            }
            Facet::By => e
                .decided_by
                .map(|d| d.as_str().to_string())
                .into_iter()
                .collect(),
        };
        for k in keys {
            *out.entry(k).or_insert(0) += 1;
        }
    }
    out
}
