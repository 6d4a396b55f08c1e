//! The timeline's filter: the search box's text and what it asks for, its URL form (`q=`, with
//! the older `person=`, `pep=`, `kind=`, `term=`, `year=` links read into it), matching, and the
//! counts each filter control shows. `search` reads the text into a `Filter`.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use super::model::{OutcomeKind, PersonId};
use super::search::{self, Problem};
use super::timeline::{Entry, EntryKind};

/// What the timeline is narrowed to. `q`, the search box's text, is the state; the other fields
/// are read from it by `search::parse`, and the URL holds only `q`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// The search box's text as typed.
    pub q: String,
    /// The start of a person's name or id (folded).
    pub person: Option<String>,
    pub pep: Option<u16>,
    pub kind: Option<EntryKind>,
    pub outcome: Option<OutcomeKind>,
    pub term: Option<u16>,
    pub year: Option<i32>,
    /// Entries dated before this day.
    pub before: Option<NaiveDate>,
    /// Entries dated on or after this day (the first day after the period `after:` names).
    pub after: Option<NaiveDate>,
    /// Free words, folded; each must start a word of the entry.
    pub words: Vec<String>,
    /// Quoted phrases, folded; each must appear as it is.
    pub phrases: Vec<String>,
    /// Pieces of `q` that could not be used.
    pub problems: Vec<Problem>,
}

/// One of the filters, for counting "what if this one were changed".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Facet {
    Person,
    Pep,
    Kind,
    Term,
    Year,
}

impl Facet {
    /// The bit of a "which conditions fail" mask that stands for this facet.
    pub fn bit(self) -> u8 {
        match self {
            Facet::Person => 1,
            Facet::Pep => 2,
            Facet::Kind => 4,
            Facet::Term => 8,
            Facet::Year => 16,
        }
    }

    /// The bit for every condition that is not a facet (outcome, dates, text).
    pub const OTHER: u8 = 32;
}

impl Filter {
    /// Reads the box's text.
    pub fn parse(q: &str) -> Filter {
        search::parse(q)
    }

    /// Reads a query string (with or without the leading `?`). Links from before the search
    /// box understood qualifiers (`?person=..&pep=..`) are turned into the same qualifiers in
    /// front of the text; their values that do not parse are dropped, as they always were.
    pub fn from_query(query: &str) -> Filter {
        let mut qualifiers: Vec<String> = Vec::new();
        let mut text = String::new();
        for (key, raw) in form_urlencoded::parse(query.trim_start_matches('?').as_bytes()) {
            let value = raw.trim();
            if value.is_empty() {
                continue;
            }
            let legacy = match key.as_ref() {
                "person" if super::dataset::is_slug(value) => Some(format!("person:{value}")),
                "pep" => parse_pep(value).map(|n| format!("pep:{n}")),
                "kind" => EntryKind::parse(value).map(|k| format!("kind:{}", k.as_str())),
                "term" => value.parse::<u16>().ok().map(|t| format!("term:{t}")),
                "year" => value
                    .parse::<i32>()
                    .ok()
                    .filter(|y| (1900..=2200).contains(y))
                    .map(|y| format!("year:{y}")),
                // Kept as typed, trailing space included: the box shows this text, and a space
                // just typed must not vanish on the next keystroke.
                "q" => {
                    text = raw.trim_start().to_string();
                    None
                }
                _ => None,
            };
            qualifiers.extend(legacy);
        }
        qualifiers.extend((!text.is_empty()).then_some(text));
        Filter::parse(&qualifiers.join(" "))
    }

    /// Whether a query string is in the older form `from_query` converts, so the page can
    /// put the converted form in the address bar.
    pub fn is_old_form(query: &str) -> bool {
        form_urlencoded::parse(query.trim_start_matches('?').as_bytes())
            .any(|(k, _)| matches!(k.as_ref(), "person" | "pep" | "kind" | "term" | "year"))
    }

    /// The query string for this filter, without `?`; empty when nothing is filtered.
    pub fn to_query(&self) -> String {
        let q = self.q.as_str();
        if q.trim().is_empty() {
            return String::new();
        }
        form_urlencoded::Serializer::new(String::new())
            .append_pair("q", q)
            .finish()
    }

    pub fn is_empty(&self) -> bool {
        self.q.trim().is_empty()
    }

    /// Which conditions `e` fails, as a mask of `Facet::bit`s and `Facet::OTHER`, leaving out
    /// the free text (the search index checks that). `people` are the ids `person` resolved
    /// to; without them an id that starts with `person` counts.
    pub fn fails(&self, e: &Entry, people: Option<&[PersonId]>) -> u8 {
        let mut mask = 0;
        if let Some(p) = &self.person {
            let hit = match people {
                Some(ids) => e.people.iter().any(|x| ids.contains(x)),
                None => e.people.iter().any(|x| x.starts_with(p.as_str())),
            };
            if !hit {
                mask |= Facet::Person.bit();
            }
        }
        if self.pep.is_some_and(|n| !e.peps.contains(&n)) {
            mask |= Facet::Pep.bit();
        }
        if self.kind.is_some_and(|k| e.kind != k) {
            mask |= Facet::Kind.bit();
        }
        if self.term.is_some_and(|t| e.term != t) {
            mask |= Facet::Term.bit();
        }
        if self.year.is_some_and(|y| e.date.year() != y) {
            mask |= Facet::Year.bit();
        }
        if self.outcome.is_some_and(|o| !e.outcomes.contains(&o))
            || self.before.is_some_and(|d| e.date >= d)
            || self.after.is_some_and(|d| e.date < d)
        {
            mask |= Facet::OTHER;
        }
        mask
    }

    /// Whether `e` has every free word (as a word prefix) and phrase, read from its haystack.
    /// The search index answers the same question faster.
    fn text_matches(&self, e: &Entry) -> bool {
        let words: Vec<&str> = e
            .haystack
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        self.words
            .iter()
            .all(|w| words.iter().any(|x| x.starts_with(w.as_str())))
            && self.phrases.iter().all(|p| e.haystack.contains(p.as_str()))
    }

    fn fails_all(&self, e: &Entry) -> u8 {
        let mut mask = self.fails(e, None);
        if mask & Facet::OTHER == 0 && !self.text_matches(e) {
            mask |= Facet::OTHER;
        }
        mask
    }

    /// Whether `entry` passes every filter.
    pub fn matches(&self, entry: &Entry) -> bool {
        self.fails_all(entry) == 0
    }

    /// The entries that pass, in timeline order.
    pub fn apply<'a>(&'a self, entries: &'a [Entry]) -> impl Iterator<Item = &'a Entry> + 'a {
        entries.iter().filter(move |e| self.matches(e))
    }

    /// For each value of `facet`, how many entries would match if that facet were set to the
    /// value and every other filter stayed as it is.
    pub fn counts(&self, entries: &[Entry], facet: Facet) -> BTreeMap<String, usize> {
        let mut out = BTreeMap::new();
        for e in entries
            .iter()
            .filter(|e| self.fails_all(e) & !facet.bit() == 0)
        {
            let keys: Vec<String> = match facet {
                Facet::Person => e.people.clone(),
                Facet::Pep => e.peps.iter().map(u16::to_string).collect(),
                Facet::Kind => vec![e.kind.as_str().to_string()],
                Facet::Term => vec![e.term.to_string()],
                Facet::Year => vec![e.year().to_string()],
            };
            for k in keys {
                *out.entry(k).or_insert(0) += 1;
            }
        }
        out
    }
}

/// A PEP number from `713`, `PEP 713`, `pep-0713`.
pub fn parse_pep(s: &str) -> Option<u16> {
    let s = s.trim().to_ascii_lowercase();
    let digits = s
        .trim_start_matches("pep")
        .trim_start_matches(['-', ' ', '_']);
    digits.parse().ok().filter(|&n| n <= 9999)
}
