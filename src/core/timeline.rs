//! The timeline: every record of the data set as one dated entry, with what the filters need
//! (people, PEPs, term, searchable text) worked out once when the data set loads.

use chrono::{Datelike, NaiveDate};

use super::dataset::Dataset;
use super::date::month_year;
pub use super::kind::EntryKind;
use super::kind::{Badge, EntryRole};
use super::model::{Decider, OutcomeKind, Period, PersonId, Section, SectionKind};
use super::people::{member_in, participation, served_before, Part};
use super::route::Route;
use super::sort::{sort, sort_by};
use super::text::fold;

/// One mark on the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub kind: EntryKind,
    /// The day the entry stands at: a recap or summary at the end of its months.
    pub date: NaiveDate,
    /// The months a recap or summary covers.
    pub span: Option<Period>,
    /// A short headline built from facts ("PEP 713 rejected", "Meeting").
    pub title: String,
    /// A finer label: the section kind for notes, the outcome for decisions.
    pub badge: Badge,
    /// A line of our own words (a meeting's gist, a decision's PEP title), may be empty.
    pub detail: String,
    pub peps: Vec<u16>,
    pub people: Vec<PersonId>,
    /// The outcomes a decision (or the items of a section) recorded.
    pub outcomes: Vec<OutcomeKind>,
    /// Who took a decision; `None` for the other kinds.
    pub decided_by: Option<Decider>,
    /// What each person of `people` was in the entry (the `role:` qualifier), one pair per
    /// role they had.
    pub roles: Vec<(PersonId, EntryRole)>,
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

/// A run of timeline entries under one heading: a month, "Best matches first" for a ranked
/// list, or a PEP's "Decisions" ahead of either. Labels are unique within one list of groups,
/// so they key it; rows are keyed by their index into the entries.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub label: String,
    /// Whether the label is the rows' month, so that a row need not give its year.
    pub by_month: bool,
    /// Indices into the entries, in the order shown.
    pub entries: Vec<usize>,
}

/// The heading of the outcomes that lead a search for a PEP.
pub const DECISIONS: &str = "Decisions";

/// The first `n` of `hits` (indices into `all`) in groups: the first `lead` hits (a PEP's
/// decisions, see `search::Results::outcomes_first`) as one group, then the rest by month in
/// the order given, or as one group when they are `ranked` by relevance.
pub fn groups(all: &[Entry], hits: &[usize], lead: usize, n: usize, ranked: bool) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    for (k, &i) in hits.iter().take(n).enumerate() {
        let (label, by_month) = if k < lead {
            (DECISIONS.to_string(), false)
        } else if ranked {
            ("Best matches first".to_string(), false)
        } else {
            (month_year(all[i].date), true)
        };
        match out.last_mut() {
            Some(g) if g.label == label => g.entries.push(i),
            _ => out.push(Group {
                label,
                by_month,
                entries: vec![i],
            }),
        }
    }
    out
}

/// How many of `hits` to draw for a new search so that at most `fresh` rows are new: rows
/// already `on_screen` stay where they are and cost nothing, so typing that keeps the same
/// results redraws nothing, while results that all change still get `fresh` rows at once. The
/// rows drawn are always the first ones, never more than `page`, and at least `fresh` (or all
/// the hits, if fewer).
pub fn rows_to_draw(
    hits: &[usize],
    on_screen: impl Fn(usize) -> bool,
    fresh: usize,
    page: usize,
) -> usize {
    let mut new = 0;
    for (n, &i) in hits.iter().take(page).enumerate() {
        if !on_screen(i) {
            if new == fresh {
                return n;
            }
            new += 1;
        }
    }
    hits.len().min(page)
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
        sort(&mut people);
        people.dedup();
        let mut peps: Vec<u16> = s
            .items
            .iter()
            .flat_map(|i| i.peps.iter().copied())
            .collect();
        sort(&mut peps);
        peps.dedup();
        // A meeting's row is titled by what it was about (its date and kind stand beside the
        // title); recaps, updates and summaries by their heading, their gist below it.
        let (title, detail) = match (s.kind, &s.gist) {
            (SectionKind::Meeting, Some(gist)) => (gist.clone(), String::new()),
            (SectionKind::Meeting, None) => ("Council meeting".to_string(), String::new()),
            (SectionKind::NoMeeting, gist) => (
                if s.held {
                    "Partial meeting"
                } else {
                    "No meeting"
                }
                .to_string(),
                gist.clone().unwrap_or_default(),
            ),
            (_, gist) => (
                s.shown_heading().to_string(),
                gist.clone().unwrap_or_default(),
            ),
        };
        let mut outcomes: Vec<OutcomeKind> = s
            .items
            .iter()
            .flat_map(|i| i.outcomes.iter().chain(&i.outcome).map(|o| o.result))
            .collect();
        sort(&mut outcomes);
        outcomes.dedup();
        // The items' summaries and the subheadings they stand under (a run of items under one
        // subheading adds it once), so "council operations" finds the update with that topic.
        let mut topics: Vec<&str> = s.items.iter().filter_map(|i| i.topic.as_deref()).collect();
        topics.dedup();
        let text: Vec<&str> = s
            .items
            .iter()
            .filter_map(|i| i.summary.as_deref())
            .chain(topics)
            .collect();
        out.push(Entry {
            kind: EntryKind::Meeting,
            // A recap or summary stands at the end of the months it covers, after what
            // happened in them; its row says which months.
            date: s.period.map_or(s.date, |p| p.end),
            span: s.period,
            title,
            badge: Badge::Section(s.kind),
            detail,
            haystack: haystack(
                data,
                [s.id.as_str(), &s.heading, s.gist.as_deref().unwrap_or("")]
                    .into_iter()
                    .chain(text),
                &peps,
                &people,
            ),
            roles: people
                .iter()
                .flat_map(|p| section_roles(data, s, p))
                .collect(),
            peps,
            people,
            outcomes,
            decided_by: None,
            term: s.term,
            route: Route::Meeting(s.id.clone()),
        });
    }
    for d in &data.parts.decisions {
        let title = data.pep(d.pep).map_or("", |p| p.title.as_str());
        let notes = d.notes();
        let mut people = notes
            .and_then(|n| {
                let (s, ..) = data.section(&n.section)?;
                s.items.iter().find(|i| i.n == n.item)
            })
            .map(|i| i.people.clone())
            .unwrap_or_default();
        let delegate = d.delegate.as_ref();
        if let Some(id) = delegate.and_then(|x| x.person.as_ref()) {
            if !people.contains(id) {
                people.push(id.clone());
            }
        }
        // A delegate's decision is found by the word and by the name the header writes.
        let by: Vec<&str> = delegate
            .into_iter()
            .flat_map(|x| std::iter::once("delegate").chain(x.name.as_deref()))
            .collect();
        out.push(Entry {
            kind: EntryKind::Decision,
            date: d.date,
            span: None,
            title: format!("PEP {} {}", d.pep, d.outcome.label()),
            badge: Badge::Outcome(d.outcome),
            detail: title.to_string(),
            haystack: haystack(
                data,
                [title, d.outcome.label()].into_iter().chain(by),
                &[d.pep],
                &people,
            ),
            peps: vec![d.pep],
            roles: people
                .iter()
                .flat_map(|p| standing(data, p, term_on(data, d.date)))
                .collect(),
            people,
            outcomes: vec![d.outcome],
            decided_by: Some(d.decided_by),
            term: term_on(data, d.date),
            // Without an item of the notes to open, the PEP's page tells the story.
            route: match notes {
                Some(n) => Route::MeetingItem(n.section.clone(), n.item),
                None => Route::Pep(d.pep),
            },
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
            span: None,
            title: format!("Election for the {} term", e.term),
            badge: Badge::Election(e.method),
            haystack: haystack(data, [detail.as_str(), "election"], &[e.pep], &people),
            detail,
            peps: vec![e.pep],
            roles: people
                .iter()
                .map(|p| (p.clone(), EntryRole::Nominee))
                .collect(),
            people,
            outcomes: vec![],
            decided_by: None,
            term: e.term,
            route: Route::Election(e.term),
        });
        for n in data.parts.nominations.iter().filter(|n| n.term == e.term) {
            let name = data.name(&n.person);
            let detail = n.platform.first().cloned().unwrap_or_default();
            out.push(Entry {
                kind: EntryKind::Nomination,
                date: e.nomination.start,
                span: None,
                title: format!("{name} nominated for the {} term", n.term),
                badge: if n.withdrawn {
                    Badge::Withdrawn
                } else {
                    Badge::Nomination
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
                roles: vec![(n.person.clone(), EntryRole::Nominee)],
                outcomes: vec![],
                decided_by: None,
                term: n.term,
                route: Route::Nomination(n.term, n.person.clone()),
            });
        }
    }
    // Newest first; within a day, the kinds in a fixed order so the list is stable.
    sort_by(&mut out, |a, b| {
        b.date
            .cmp(&a.date)
            .then(a.kind.cmp(&b.kind))
            .then(a.title.cmp(&b.title))
    });
    out
}

/// What `id` was in section `s`: each role the `role:` qualifier can ask for.
fn section_roles(data: &Dataset, s: &Section, id: &PersonId) -> Vec<(PersonId, EntryRole)> {
    let Some(p) = participation(data, s, id) else {
        return Vec::new();
    };
    let mut roles = match p.part {
        Part::Present => vec![EntryRole::Member, EntryRole::Present],
        Part::Absent => vec![EntryRole::Member, EntryRole::Absent],
        Part::Member => vec![EntryRole::Member],
        Part::Guest => vec![EntryRole::Guest],
        Part::Mentioned => vec![],
    };
    if p.former_member && !member_in(data, id, s.term) {
        roles.push(EntryRole::FormerMember);
    }
    roles.into_iter().map(|r| (id.clone(), r)).collect()
}

/// What `id` was in term `term`'s time, for an entry that only names them: a member of that
/// term, or a former member.
fn standing(data: &Dataset, id: &PersonId, term: u16) -> Option<(PersonId, EntryRole)> {
    if member_in(data, id, term) {
        Some((id.clone(), EntryRole::Member))
    } else if served_before(data, id, term) {
        Some((id.clone(), EntryRole::FormerMember))
    } else {
        None
    }
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
