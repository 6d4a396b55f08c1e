//! The timeline: every record of the data set as one dated entry, with what the filters need
//! (people, PEPs, term, searchable text) worked out once when the data set loads.

use chrono::{Datelike, NaiveDate};

use super::dataset::Dataset;
use super::model::{OutcomeKind, PersonId, SectionKind};
use super::route::Route;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntryKind {
    Meeting,
    Decision,
    Nomination,
    Election,
}

impl EntryKind {
    pub const ALL: [EntryKind; 4] = [
        EntryKind::Meeting,
        EntryKind::Decision,
        EntryKind::Nomination,
        EntryKind::Election,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EntryKind::Meeting => "meeting",
            EntryKind::Decision => "decision",
            EntryKind::Nomination => "nomination",
            EntryKind::Election => "election",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            EntryKind::Meeting => "Meetings & notes",
            EntryKind::Decision => "Decisions",
            EntryKind::Nomination => "Nominations",
            EntryKind::Election => "Elections",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// One mark on the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub kind: EntryKind,
    pub date: NaiveDate,
    /// A short headline built from facts ("PEP 713 rejected", "Meeting").
    pub title: String,
    /// A finer label: the section kind for notes, the outcome for decisions.
    pub badge: &'static str,
    /// A line of our own words (a meeting's gist, a decision's PEP title), may be empty.
    pub detail: String,
    pub peps: Vec<u16>,
    pub people: Vec<PersonId>,
    /// The outcomes a decision (or the items of a section) recorded.
    pub outcomes: Vec<OutcomeKind>,
    /// The council term in office on `date`.
    pub term: u16,
    pub route: Route,
    /// Lowercased, diacritics-folded text the free-text filter searches.
    pub haystack: String,
}

impl Entry {
    pub fn year(&self) -> i32 {
        self.date.year()
    }
}

/// The term in office on `date`: the latest term that started on or before it.
pub fn term_on(data: &Dataset, date: NaiveDate) -> u16 {
    let terms = &data.parts.terms;
    terms
        .iter()
        .filter(|t| t.start <= date)
        .map(|t| t.year)
        .max()
        .or_else(|| terms.iter().map(|t| t.year).min())
        .unwrap_or(0)
}

/// Every entry of the data set, newest first.
pub fn entries(data: &Dataset) -> Vec<Entry> {
    let mut out = Vec::new();
    for s in &data.parts.sections {
        let mut people: Vec<PersonId> = s
            .attendance
            .present
            .iter()
            .chain(&s.attendance.absent)
            .chain(s.guests.iter().map(|g| &g.person))
            .chain(s.items.iter().flat_map(|i| &i.people))
            .cloned()
            .collect();
        people.sort();
        people.dedup();
        let mut peps: Vec<u16> = s
            .items
            .iter()
            .flat_map(|i| i.peps.iter().copied())
            .collect();
        peps.sort_unstable();
        peps.dedup();
        let title = match s.kind {
            SectionKind::Meeting => "Council meeting".to_string(),
            SectionKind::NoMeeting if s.held => "Partial meeting".to_string(),
            SectionKind::NoMeeting => "No meeting".to_string(),
            _ => s.heading.clone(),
        };
        let mut outcomes: Vec<OutcomeKind> = s
            .items
            .iter()
            .flat_map(|i| i.outcomes.iter().chain(&i.outcome).map(|o| o.result))
            .collect();
        outcomes.sort();
        outcomes.dedup();
        let text: Vec<&str> = s
            .items
            .iter()
            .filter_map(|i| i.summary.as_deref())
            .collect();
        out.push(Entry {
            kind: EntryKind::Meeting,
            date: s.date,
            title,
            badge: s.kind.label(),
            detail: s.gist.clone().unwrap_or_default(),
            haystack: haystack(
                data,
                [s.id.as_str(), &s.heading, s.gist.as_deref().unwrap_or("")]
                    .into_iter()
                    .chain(text),
                &peps,
                &people,
            ),
            peps,
            people,
            outcomes,
            term: s.term,
            route: Route::Meeting(s.id.clone()),
        });
    }
    for d in &data.parts.decisions {
        let title = data.pep(d.pep).map_or("", |p| p.title.as_str());
        let people = data
            .section(&d.section)
            .and_then(|(s, ..)| s.items.iter().find(|i| i.n == d.item))
            .map(|i| i.people.clone())
            .unwrap_or_default();
        out.push(Entry {
            kind: EntryKind::Decision,
            date: d.date,
            title: format!("PEP {} {}", d.pep, d.outcome.label()),
            badge: d.outcome.as_str(),
            detail: title.to_string(),
            haystack: haystack(data, [title, d.outcome.label()], &[d.pep], &people),
            peps: vec![d.pep],
            people,
            outcomes: vec![d.outcome],
            term: term_on(data, d.date),
            route: Route::MeetingItem(d.section.clone(), d.item),
        });
    }
    for e in &data.parts.elections {
        let elected: Vec<&str> = e
            .candidates
            .iter()
            .filter(|c| c.elected)
            .map(|c| data.name(&c.person))
            .collect();
        let people: Vec<PersonId> = e.candidates.iter().map(|c| c.person.clone()).collect();
        let detail = format!("Elected: {}", elected.join(", "));
        out.push(Entry {
            kind: EntryKind::Election,
            date: e.voting.end,
            title: format!("Election for the {} term", e.term),
            badge: e.method.as_str(),
            haystack: haystack(data, [detail.as_str(), "election"], &[e.pep], &people),
            detail,
            peps: vec![e.pep],
            people,
            outcomes: vec![],
            term: e.term,
            route: Route::Election(e.term),
        });
        for n in data.parts.nominations.iter().filter(|n| n.term == e.term) {
            let name = data.name(&n.person);
            let detail = n.platform.first().cloned().unwrap_or_default();
            out.push(Entry {
                kind: EntryKind::Nomination,
                date: e.nomination.start,
                title: format!("{name} nominated for the {} term", n.term),
                badge: if n.withdrawn {
                    "withdrawn"
                } else {
                    "nomination"
                },
                haystack: haystack(
                    data,
                    [name, "nomination"]
                        .into_iter()
                        .chain(n.platform.iter().map(String::as_str)),
                    &[],
                    std::slice::from_ref(&n.person),
                ),
                detail,
                peps: vec![],
                people: vec![n.person.clone()],
                outcomes: vec![],
                term: n.term,
                route: Route::Nomination(n.term, n.person.clone()),
            });
        }
    }
    // Newest first; within a day, the kinds in a fixed order so the list is stable.
    out.sort_by(|a, b| {
        b.date
            .cmp(&a.date)
            .then(a.kind.cmp(&b.kind))
            .then(a.title.cmp(&b.title))
    });
    out
}

fn haystack<'a>(
    data: &Dataset,
    texts: impl IntoIterator<Item = &'a str>,
    peps: &[u16],
    people: &[PersonId],
) -> String {
    let mut s = String::new();
    for t in texts {
        s.push_str(t);
        s.push(' ');
    }
    for &n in peps {
        s.push_str(&format!("pep {n} pep-{n} pep{n} "));
        if let Some(p) = data.pep(n) {
            s.push_str(&p.title);
            s.push(' ');
        }
    }
    for id in people {
        if let Some(p) = data.person(id) {
            s.push_str(&p.name);
            s.push(' ');
            for a in &p.aliases {
                s.push_str(a);
                s.push(' ');
            }
        }
    }
    fold(&s)
}

/// Accented letters the data uses, and the plain letter each folds to.
const FOLDS: &[(&str, char)] = &[
    ("áàâäãåą", 'a'),
    ("éèêëęě", 'e'),
    ("íìîï", 'i'),
    ("óòôöõø", 'o'),
    ("úùûüů", 'u'),
    ("ł", 'l'),
    ("ńñň", 'n'),
    ("śš", 's'),
    ("źżž", 'z'),
    ("ćčç", 'c'),
    ("ř", 'r'),
    ("ý", 'y'),
];

/// Lowercases and drops the accents of the letters the data uses, so "lukasz" finds "Łukasz".
pub fn fold(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| {
            FOLDS
                .iter()
                .find(|(from, _)| from.contains(c))
                .map_or(c, |&(_, to)| to)
        })
        .collect()
}
