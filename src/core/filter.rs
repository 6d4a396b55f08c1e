//! The timeline's filters: their state, its query-string form (`person`, `pep`, `kind`,
//! `term`, `year`, `q`), matching, and the counts each filter control shows.

use std::collections::BTreeMap;

use super::timeline::{fold, Entry, EntryKind};

/// What the timeline is narrowed to. The URL query is the only copy of it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub person: Option<String>,
    pub pep: Option<u16>,
    pub kind: Option<EntryKind>,
    pub term: Option<u16>,
    pub year: Option<i32>,
    pub q: String,
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

impl Filter {
    /// Reads a query string (with or without the leading `?`). Values that do not parse are
    /// dropped rather than failing the page: a bad link still shows the timeline.
    pub fn from_query(query: &str) -> Filter {
        let mut f = Filter::default();
        for (key, value) in form_urlencoded::parse(query.trim_start_matches('?').as_bytes()) {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            match key.as_ref() {
                "person" => f.person = Some(value.to_string()),
                "pep" => f.pep = parse_pep(value),
                "kind" => f.kind = EntryKind::parse(value),
                "term" => f.term = value.parse().ok(),
                "year" => f.year = value.parse().ok().filter(|y| (1900..=2200).contains(y)),
                "q" => f.q = value.to_string(),
                _ => {}
            }
        }
        f
    }

    /// The query string for this filter, without `?`; empty when nothing is filtered.
    pub fn to_query(&self) -> String {
        let mut q = form_urlencoded::Serializer::new(String::new());
        if let Some(p) = &self.person {
            q.append_pair("person", p);
        }
        if let Some(n) = self.pep {
            q.append_pair("pep", &n.to_string());
        }
        if let Some(k) = self.kind {
            q.append_pair("kind", k.as_str());
        }
        if let Some(t) = self.term {
            q.append_pair("term", &t.to_string());
        }
        if let Some(y) = self.year {
            q.append_pair("year", &y.to_string());
        }
        if !self.q.trim().is_empty() {
            q.append_pair("q", self.q.trim());
        }
        q.finish()
    }

    pub fn is_empty(&self) -> bool {
        self.q.trim().is_empty()
            && Filter {
                q: String::new(),
                ..self.clone()
            } == Filter::default()
    }

    /// Whether `entry` passes every filter.
    pub fn matches(&self, entry: &Entry) -> bool {
        self.matches_except(entry, None)
    }

    fn matches_except(&self, e: &Entry, skip: Option<Facet>) -> bool {
        let on = |f: Facet| skip != Some(f);
        (!on(Facet::Person) || self.person.as_ref().is_none_or(|p| e.people.contains(p)))
            && (!on(Facet::Pep) || self.pep.is_none_or(|n| e.peps.contains(&n)))
            && (!on(Facet::Kind) || self.kind.is_none_or(|k| e.kind == k))
            && (!on(Facet::Term) || self.term.is_none_or(|t| e.term == t))
            && (!on(Facet::Year) || self.year.is_none_or(|y| e.year() == y))
            && words(&self.q).all(|w| e.haystack.contains(w.as_str()))
    }

    /// The entries that pass.
    pub fn apply<'a>(&'a self, entries: &'a [Entry]) -> impl Iterator<Item = &'a Entry> + 'a {
        entries.iter().filter(move |e| self.matches(e))
    }

    /// For each value of `facet`, how many entries would match if that facet were set to the
    /// value and every other filter stayed as it is.
    pub fn counts(&self, entries: &[Entry], facet: Facet) -> BTreeMap<String, usize> {
        let mut out = BTreeMap::new();
        for e in entries
            .iter()
            .filter(|e| self.matches_except(e, Some(facet)))
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

fn words(q: &str) -> impl Iterator<Item = String> + '_ {
    q.split_whitespace().map(fold)
}
