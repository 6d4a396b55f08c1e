//! Running a query: one pass over the entries gives the ranked hits and every filter control's
//! counts; for a query that finds nothing, the pieces whose removal would bring results back.

use std::collections::{BTreeMap, HashMap};

use chrono::Datelike;

use super::Index;
use crate::core::kind::EntryRole;
use crate::core::model::PersonId;
use crate::core::query::{drop_span, parse, tokens, Filter, Problem};
use crate::core::sort::{sort, sort_by_key};
use crate::core::timeline::{Entry, EntryKind};

/// Counts of one facet: value → entries that would match with that value chosen.
pub type Counts = BTreeMap<String, usize>;

/// What a query found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Results {
    /// Indices into the entries, best first; ties (and every entry when there is no free text)
    /// keep the timeline's order, newest first. With `pep:N`, the outcomes recorded on PEP N
    /// come before the rest.
    pub hits: Vec<usize>,
    /// How many of the first `hits` are those outcomes (0 without `pep:`): what a search for a
    /// PEP is most often after, so they lead, under a heading of their own.
    pub outcomes_first: usize,
    /// For each filter control, the counts it shows.
    pub counts: FacetCounts,
    /// Problems found while resolving the query against the data (a person nobody matches).
    pub problems: Vec<Problem>,
}

/// What each filter control counts: for every value, the entries that would match with that
/// value chosen and every other filter as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FacetCounts {
    /// By person id.
    pub person: Counts,
    /// By kind (`EntryKind::as_str`).
    pub kind: Counts,
    pub term: Counts,
    pub year: Counts,
    /// By PEP number.
    pub pep: Counts,
    /// By role (`EntryRole::as_str`): entries where the person asked for (or anyone) had it.
    pub role: Counts,
    /// Decisions by who took them (`Decider::as_str`).
    pub by: Counts,
}

/// Runs `f` over `entries` in one pass: the ranked hits and every facet's counts.
pub fn run(index: &Index, entries: &[Entry], f: &Filter) -> Results {
    let mut problems = Vec::new();
    let people = f.person.as_ref().map(|p| {
        let ids = index.people_matching(p);
        if ids.is_empty() {
            problems.push(Problem {
                token: format!("person:{p}"),
                message: format!(
                    "No one's name or id starts with \u{201c}{p}\u{201d}, so nothing matches it."
                ),
            });
        }
        ids
    });
    let mut scored: Vec<(u32, usize)> = Vec::new();
    let mut person: HashMap<&str, usize> = HashMap::new();
    // Kinds, roles and deciders are counted by their names, and terms, years and PEPs by a
    // `u16`: maps of one key type compile once.
    let mut kind: HashMap<&str, usize> = HashMap::new();
    let mut term: HashMap<u16, usize> = HashMap::new();
    let mut year: HashMap<u16, usize> = HashMap::new();
    let mut pep: HashMap<u16, usize> = HashMap::new();
    let mut role: HashMap<&str, usize> = HashMap::new();
    let mut by: HashMap<&str, usize> = HashMap::new();
    let terms = index.terms(entries, f);
    for (i, e) in entries.iter().enumerate() {
        let mut fails = fails(f, e, people.as_deref());
        let mut score = 0;
        if fails & Facet::OTHER == 0 {
            match index.score(entries, i, f, &terms) {
                Some(s) => score = s,
                None => fails |= Facet::OTHER,
            }
        }
        let without = |facet: Facet| fails & !facet.bit() == 0;
        if fails == 0 {
            scored.push((score, i));
        }
        if without(Facet::Person) {
            for p in &e.people {
                *person.entry(p.as_str()).or_default() += 1;
            }
        }
        if without(Facet::Kind) {
            *kind.entry(e.kind.as_str()).or_default() += 1;
        }
        if without(Facet::Term) {
            *term.entry(e.term).or_default() += 1;
        }
        if without(Facet::Year) {
            *year.entry(year_of(e)).or_default() += 1;
        }
        if without(Facet::Pep) {
            for &n in &e.peps {
                *pep.entry(n).or_default() += 1;
            }
        }
        if without(Facet::Role) {
            let mut had: Vec<EntryRole> = e
                .roles
                .iter()
                .filter(|(x, _)| people.as_ref().is_none_or(|ids| ids.contains(x)))
                .map(|&(_, r)| r)
                .collect();
            sort(&mut had);
            had.dedup();
            for r in had {
                *role.entry(r.as_str()).or_default() += 1;
            }
        }
        if let (true, Some(d)) = (without(Facet::By), e.decided_by) {
            *by.entry(d.as_str()).or_default() += 1;
        }
    }
    // Stable: equal scores keep the timeline's order. A PEP's decisions go first, each part
    // in that order.
    let outcome_on = |i: usize| {
        f.pep
            .is_some_and(|n| entries[i].kind == EntryKind::Decision && entries[i].peps.contains(&n))
    };
    sort_by_key(&mut scored, |&(s, i)| {
        (!outcome_on(i), std::cmp::Reverse(s))
    });
    let outcomes_first = scored.iter().take_while(|&&(_, i)| outcome_on(i)).count();
    // `collect` into a BTreeMap sorts with its own copy of the sort algorithm for each type of
    // iterator (see `core::sort`); inserting the keys one by one only reuses the map's insert.
    fn counts(pairs: impl Iterator<Item = (String, usize)>) -> Counts {
        let mut out = Counts::new();
        out.extend(pairs);
        out
    }
    fn strings<K: ToString>(m: HashMap<K, usize>) -> Counts {
        counts(m.into_iter().map(|(k, n)| (k.to_string(), n)))
    }
    Results {
        hits: scored.into_iter().map(|(_, i)| i).collect(),
        outcomes_first,
        counts: FacetCounts {
            person: strings(person),
            kind: strings(kind),
            term: strings(term),
            year: strings(year),
            pep: strings(pep),
            role: strings(role),
            by: strings(by),
        },
        problems,
    }
}

/// One way to widen a query that found nothing: drop one piece.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Widen {
    /// The piece to drop, as typed.
    pub token: String,
    /// The box's text without it.
    pub q: String,
    /// How many entries that would show.
    pub count: usize,
}

/// For a query with no results: each piece whose removal alone brings results back, most
/// results first.
pub fn widen(index: &Index, entries: &[Entry], q: &str) -> Vec<Widen> {
    let mut out: Vec<Widen> = tokens(q)
        .into_iter()
        .filter_map(|t| {
            let token = q[t.span.clone()].to_string();
            let rest = drop_span(q, t.span);
            let count = run(index, entries, &parse(&rest)).hits.len();
            (count > 0).then_some(Widen {
                token,
                q: rest,
                count,
            })
        })
        .collect();
    sort_by_key(&mut out, |w| std::cmp::Reverse(w.count));
    out.truncate(4);
    out
}

/// One of the filters, for counting "what if this one were changed".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Facet {
    Person,
    Pep,
    Kind,
    Term,
    Year,
    Role,
    By,
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
            Facet::Role => 32,
            Facet::By => 64,
        }
    }

    /// The bit for every condition that is not a facet (outcome, dates, text).
    pub const OTHER: u8 = 128;
}

/// Which conditions `e` fails, as a mask of `Facet::bit`s and `Facet::OTHER`, leaving out
/// the free text (the search index checks that). `people` are the ids `person` resolved
/// to; without them an id that starts with `person` counts.
pub fn fails(f: &Filter, e: &Entry, people: Option<&[PersonId]>) -> u8 {
    let mut mask = 0;
    if let Some(p) = &f.person {
        let hit = match people {
            Some(ids) => e.people.iter().any(|x| ids.contains(x)),
            None => e.people.iter().any(|x| x.starts_with(p.as_str())),
        };
        if !hit {
            mask |= Facet::Person.bit();
        }
    }
    if f.pep.is_some_and(|n| !e.peps.contains(&n)) {
        mask |= Facet::Pep.bit();
    }
    if f.kind.is_some_and(|k| e.kind != k) {
        mask |= Facet::Kind.bit();
    }
    if f.term.is_some_and(|t| e.term != t) {
        mask |= Facet::Term.bit();
    }
    if f.year.is_some_and(|y| e.date.year() != y) {
        mask |= Facet::Year.bit();
    }
    // With a person, the role is theirs (`person:lukasz role:guest`); alone, anyone's.
    if let Some(role) = f.role {
        let named = |x: &PersonId| match (&f.person, people) {
            (None, _) => true,
            (Some(_), Some(ids)) => ids.contains(x),
            (Some(p), None) => x.starts_with(p.as_str()),
        };
        if !e.roles.iter().any(|(x, r)| *r == role && named(x)) {
            mask |= Facet::Role.bit();
        }
    }
    if f.by.is_some() && e.decided_by != f.by {
        mask |= Facet::By.bit();
    }
    if f.outcome.is_some_and(|o| !e.outcomes.contains(&o))
        || f.before.is_some_and(|d| e.date >= d)
        || f.after.is_some_and(|d| e.date < d)
        || f.date.is_some_and(|r| !r.contains(e.date))
    {
        mask |= Facet::OTHER;
    }
    mask
}

/// The calendar year of an entry, in the key type terms and PEPs are counted by.
fn year_of(e: &Entry) -> u16 {
    u16::try_from(e.date.year()).unwrap_or_default()
}
