//! The search index: people's names and PEP titles worked out when the data set loads, and each
//! entry's words (built on first use), with how a query's free words score an entry.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::core::dataset::Dataset;
use crate::core::model::PersonId;
use crate::core::query::Filter;
use crate::core::sort::sort;
use crate::core::text::{fold, has_phrase, split_words};
use crate::core::timeline::Entry;

/// How strongly a word counts, by where it stands in the entry.
const IN_TITLE: u8 = 4;
const IN_DETAIL: u8 = 2;
const IN_BODY: u8 = 1;

/// One person's searchable forms: id, folded full name, folded words of names and aliases.
#[derive(Debug, Clone)]
pub(super) struct PersonKeys {
    pub(super) id: PersonId,
    pub(super) name: String,
    pub(super) keys: Vec<String>,
}

/// Every entry's words: one sorted vocabulary, and for each entry the places in it of the
/// entry's words, in order, each with the weight of the most prominent place it stands in.
/// Searching compares a query word with the vocabulary once, and then each entry only by
/// numbers in one short list, which stays quick when the entries no longer fit in a cache.
#[derive(Debug, Clone, Default)]
struct Words {
    vocabulary: Vec<Box<str>>,
    entries: Vec<Vec<(u32, u8)>>,
}

/// A free word of a query, as the places in the vocabulary of the words that start with it
/// (`from..to`) and whether the first of them is the word itself.
#[derive(Debug, Clone, Copy)]
pub(super) struct Term {
    from: u32,
    to: u32,
    whole: bool,
}

/// What searching needs: people's names and PEP titles, worked out when the data set loads;
/// and each entry's words, sorted, with the weight of the most prominent place they stand in.
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// Worked out on first use (or by [`Index::warm`]), not at load: the first view searches no
    /// words, and building them is a good part of the time before it is drawn.
    words: OnceLock<Words>,
    pub(super) people: Vec<PersonKeys>,
    /// PEPs some entry mentions, with their titles, by number.
    pub(super) peps: Vec<(u16, String)>,
}

impl Index {
    /// Builds the index of `entries` (the timeline of `data`).
    pub fn new(data: &Dataset, entries: &[Entry]) -> Index {
        let people = data
            .parts
            .people
            .iter()
            .map(|p| {
                let mut keys: Vec<String> = std::iter::once(p.name.as_str())
                    .chain(p.aliases.iter().map(String::as_str))
                    .flat_map(|n| {
                        let f = fold(n);
                        let mut out: Vec<String> =
                            split_words(&f).map(|(_, w)| w.to_string()).collect();
                        out.push(f);
                        out
                    })
                    .collect();
                keys.push(p.id.clone());
                sort(&mut keys);
                keys.dedup();
                PersonKeys {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    keys,
                }
            })
            .collect();
        let mut numbers: Vec<u16> = entries
            .iter()
            .flat_map(|e| e.peps.iter().copied())
            .collect();
        sort(&mut numbers);
        numbers.dedup();
        let peps = numbers
            .into_iter()
            .map(|n| (n, data.pep(n).map(|p| p.title.clone()).unwrap_or_default()))
            .collect();
        Index {
            words: OnceLock::new(),
            people,
            peps,
        }
    }

    /// Works out the entries' words now, if no search has yet: called once the first view is
    /// drawn, so that the first search does not wait for them.
    pub fn warm(&self, entries: &[Entry]) {
        self.words(entries);
    }

    /// Each entry's words (`entries` are the ones the index was built from).
    fn words(&self, entries: &[Entry]) -> &Words {
        self.words.get_or_init(|| {
            // Each distinct word gets a number as it is first met, and the vocabulary is
            // sorted once at the end: far fewer strings to sort than one per entry and word.
            // The maps have the key and value types of the data set's and the counts' maps, so
            // the wasm carries their code once (each key and value type compiles its own).
            let mut numbers: HashMap<String, usize> = HashMap::new();
            let lists: Vec<Vec<(u32, u8)>> = entries
                .iter()
                .map(|e| {
                    let mut best: HashMap<&str, usize> = HashMap::new();
                    let title = fold(&e.title);
                    let detail = fold(&e.detail);
                    for (text, weight) in [
                        (e.haystack.as_str(), IN_BODY),
                        (detail.as_str(), IN_DETAIL),
                        (title.as_str(), IN_TITLE),
                    ] {
                        for (_, w) in split_words(text) {
                            let slot = best.entry(w).or_insert(0);
                            *slot = (*slot).max(usize::from(weight));
                        }
                    }
                    best.into_iter()
                        .map(|(w, weight)| {
                            let n = match numbers.get(w) {
                                Some(&n) => n,
                                None => {
                                    let n = numbers.len();
                                    numbers.insert(w.to_string(), n);
                                    n
                                }
                            };
                            (n as u32, weight as u8)
                        })
                        .collect()
                })
                .collect();
            let mut vocabulary: Vec<(String, usize)> = numbers.into_iter().collect();
            sort(&mut vocabulary);
            // The place in the sorted vocabulary of the word first numbered `n`.
            let mut place = vec![0u32; vocabulary.len()];
            for (at, (_, n)) in vocabulary.iter().enumerate() {
                place[*n] = at as u32;
            }
            let entries = lists
                .into_iter()
                .map(|mut list| {
                    for (n, _) in &mut list {
                        *n = place[*n as usize];
                    }
                    sort(&mut list);
                    list
                })
                .collect();
            let vocabulary = vocabulary
                .into_iter()
                .map(|(w, _)| w.into_boxed_str())
                .collect();
            Words {
                vocabulary,
                entries,
            }
        })
    }

    /// The free words of `f` as places in the vocabulary, worked out once per search.
    pub(super) fn terms(&self, entries: &[Entry], f: &Filter) -> Vec<Term> {
        if f.words.is_empty() {
            return Vec::new();
        }
        let v = &self.words(entries).vocabulary;
        f.words
            .iter()
            .map(|w| {
                let from = v.partition_point(|x| x.as_ref() < w.as_str());
                let n = v[from..].partition_point(|x| x.starts_with(w.as_str()));
                Term {
                    from: from as u32,
                    to: (from + n) as u32,
                    whole: v.get(from).is_some_and(|x| x.as_ref() == w),
                }
            })
            .collect()
    }

    /// The ids of the people `prefix` names: the one whose id it is exactly, else everyone with
    /// an id, a name, or a word of a name that starts with it.
    pub fn people_matching(&self, prefix: &str) -> Vec<PersonId> {
        let prefix = fold(prefix);
        if let Some(p) = self.people.iter().find(|p| p.id == prefix) {
            return vec![p.id.clone()];
        }
        self.people
            .iter()
            .filter(|p| p.keys.iter().any(|k| k.starts_with(&prefix)))
            .map(|p| p.id.clone())
            .collect()
    }

    /// The relevance of entry `i` for the free text of `f` (its words as `terms`), or `None`
    /// when a word is missing. Each word adds the weight of the best place a word starting
    /// with it stands, plus one when it is the whole word.
    pub(super) fn score(
        &self,
        entries: &[Entry],
        i: usize,
        f: &Filter,
        terms: &[Term],
    ) -> Option<u32> {
        let entry = &entries[i];
        let list: &[(u32, u8)] = if terms.is_empty() {
            &[]
        } else {
            &self.words(entries).entries[i]
        };
        let mut score = 0;
        for t in terms {
            let from = list.partition_point(|&(x, _)| x < t.from);
            let mut best = None;
            for &(x, weight) in list[from..].iter().take_while(|&&(x, _)| x < t.to) {
                let s = u32::from(weight) * 2 + u32::from(t.whole && x == t.from);
                best = best.max(Some(s));
            }
            score += best?;
        }
        for p in &f.phrases {
            if !has_phrase(&entry.haystack, p) {
                return None;
            }
            score += 2;
        }
        Some(score)
    }
}
