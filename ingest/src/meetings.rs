//! Sections of the notes with their meaning: from the splitter's raw sections and items to
//! `Section`s with attendance, guests, item kinds, PEPs, people, links, outcomes and the
//! curated summaries.
//!
//! Who took part: an item's `people` are everyone it names (and the guest of the sync topic it
//! stands under); the section's `guests` are the people its items say the council met
//! (`guests.rs`) who were not members of the term. A conduct item names and meets nobody.
//! Where the rules cannot tell, `curated/participants.json` decides, one reason a line.
//!
//! The splitter (`notes.rs`) decides where sections and items start and end; this module
//! decides what they say. It works on `RawSectionIn`, a plain copy of what the splitter gives,
//! so it can be tested without the files.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use council_explorer::core::model::{
    Guest, Item, Outcome, Period, PersonId, Section, SectionKind, Source, Term,
};

use crate::curated::{OutcomeEntry, Part, ParticipantEntry, Summaries};
use crate::error::IngestError;
use crate::guests::{self, Met};
use crate::people::Registry;
use crate::semantics::{self, PepIndex};

/// A known slip in the notes: in this section, this number is written for that PEP.
/// 2022-03-14 lists the typing annotation PEPs as "(564, 649)"; PEP 564 is about time
/// functions, the annotation PEPs are 563 and 649.
const ERRATA: &[(&str, u16, u16)] = &[("2022-03-14", 564, 563)];

/// One section as the splitter gives it.
#[derive(Debug, Clone)]
pub struct RawSectionIn {
    pub id: String,
    pub kind: SectionKind,
    pub date: NaiveDate,
    pub period: Option<Period>,
    pub heading: String,
    /// Whether a meeting took place (the splitter knows the partial meetings of no-meeting
    /// sections).
    pub held: bool,
    pub source: Source,
    pub items: Vec<RawItemIn>,
}

/// One item as the splitter gives it: a top-level bullet or paragraph, nested bullets folded in.
#[derive(Debug, Clone)]
pub struct RawItemIn {
    pub n: u16,
    pub line: u32,
    pub topic: Option<String>,
    pub text: String,
}

/// What building the sections noticed, for the report.
#[derive(Debug, Clone, Default)]
pub struct Notices {
    /// Numbers written as PEPs that have no PEP file, with their section.
    pub unknown_peps: Vec<(String, u16)>,
    /// Sections that say part of the council met without saying who or how many.
    pub vague_attendance: Vec<String>,
    /// Curated calls on who took part that were applied.
    pub participant_overrides: usize,
}

/// What reading an item's words found, for settling its kind once outcomes are known.
struct ItemFacts {
    conduct: bool,
    /// The item says the council met someone who is not a member of the term.
    met_guest: bool,
}

/// The hand-written files that sit on the parsed notes (`curated.rs`).
#[derive(Debug, Clone, Copy)]
pub struct Curated<'a> {
    pub outcomes: &'a [OutcomeEntry],
    pub participants: &'a [ParticipantEntry],
    pub summaries: &'a Summaries,
}

/// Builds every section, then attaches the curated outcomes and summaries, failing on an
/// entry that points at nothing.
pub fn sections(
    raw: &[RawSectionIn],
    terms: &[Term],
    people: &Registry,
    peps: &PepIndex,
    curated: Curated,
    notices: &mut Notices,
) -> Result<Vec<Section>, IngestError> {
    check_participants(raw, people, curated.participants)?;
    notices.participant_overrides = curated.participants.len();
    let (mut out, facts): (Vec<Section>, Vec<Vec<ItemFacts>>) = raw
        .iter()
        .map(|s| section(s, terms, people, peps, curated.participants, notices))
        .unzip();
    attach_outcomes(&mut out, curated.outcomes)?;
    attach_summaries(&mut out, curated.summaries)?;
    // Decisions change an item's kind, so kinds are settled last.
    for ((s, r), facts) in out.iter_mut().zip(raw).zip(&facts) {
        for ((item, raw_item), f) in s.items.iter_mut().zip(&r.items).zip(facts) {
            item.kind = semantics::item_kind(
                f.conduct,
                &raw_item.text,
                item.outcome.is_some(),
                !item.peps.is_empty(),
                f.met_guest,
            );
        }
    }
    out.sort_by(|a, b| a.date.cmp(&b.date).then(a.id.cmp(&b.id)));
    Ok(out)
}

/// Every curated call on who took part must land on an item of a real section and name a
/// person of the people list.
fn check_participants(
    raw: &[RawSectionIn],
    people: &Registry,
    entries: &[ParticipantEntry],
) -> Result<(), IngestError> {
    for (k, e) in entries.iter().enumerate() {
        let here = |msg: &str| {
            IngestError::at(
                "curated/participants.json",
                k as u32 + 2,
                format!(
                    "entry {} ({} line {} {}): {msg}",
                    k + 1,
                    e.section,
                    e.line,
                    e.person
                ),
            )
        };
        let s = raw
            .iter()
            .find(|s| s.id == e.section)
            .ok_or_else(|| here("no such section"))?;
        if item_at(s, e.line).is_none() {
            return Err(here("the line is before the section's first item"));
        }
        if people.get(&e.person).is_none() {
            return Err(here("no such person in curated/people.json"));
        }
    }
    Ok(())
}

/// The index of the item of `s` whose lines hold `line`.
fn item_at(s: &RawSectionIn, line: u32) -> Option<usize> {
    s.items.iter().rposition(|i| i.line <= line)
}

fn section(
    s: &RawSectionIn,
    terms: &[Term],
    people: &Registry,
    peps: &PepIndex,
    participants: &[ParticipantEntry],
    notices: &mut Notices,
) -> (Section, Vec<ItemFacts>) {
    let term = crate::elections::term_on(terms, s.date);
    let members: Vec<String> = terms
        .iter()
        .find(|t| t.year == term)
        .map(|t| t.members.clone())
        .unwrap_or_default();
    let served_before = |id: &str| {
        terms
            .iter()
            .any(|t| t.year < term && t.members.iter().any(|m| m == id))
    };
    let mut guests: Vec<Guest> = Vec::new();
    let mut facts = Vec::new();
    // Whom a topic says the council met: every item beneath it took part in that meeting.
    let mut topic_met: BTreeMap<&str, Vec<Met>> = BTreeMap::new();
    let mut items: Vec<Item> = Vec::new();
    for (k, raw) in s.items.iter().enumerate() {
        let whole = match &raw.topic {
            Some(topic) => format!("{topic} {}", raw.text),
            None => raw.text.clone(),
        };
        let mut unknown = Vec::new();
        let mut numbers = semantics::pep_refs(&whole, peps, &mut unknown);
        for (section, wrong, right) in ERRATA {
            if *section == s.id {
                numbers
                    .iter_mut()
                    .filter(|n| **n == *wrong)
                    .for_each(|n| *n = *right);
            }
        }
        let mut seen = BTreeSet::new();
        numbers.retain(|n| seen.insert(*n));
        notices
            .unknown_peps
            .extend(unknown.into_iter().map(|n| (s.id.clone(), n)));

        // Conduct is read from the item's own line and its topic, not from topics nested under
        // it (a sync that touched on the Code of Conduct is still a sync).
        let conduct = semantics::is_conduct(semantics::lead(&raw.text))
            || raw.topic.as_deref().is_some_and(semantics::is_conduct);
        let under_topic: &[Met] = match raw.topic.as_deref() {
            Some(topic) => topic_met
                .entry(topic)
                .or_insert_with(|| guests::met(topic, people, s.date)),
            None => &[],
        };
        let calls: Vec<&ParticipantEntry> = participants
            .iter()
            .filter(|e| e.section == s.id && item_at(s, e.line) == Some(k))
            .collect();
        let (mut met, mut named) = took_part(raw, under_topic, people, s.date, &calls);
        // Conduct items may name or use initials of the people concerned: index nobody.
        if conduct {
            met.clear();
            named.clear();
        }
        let mut met_guest = false;
        for m in &met {
            if members.contains(&m.person) {
                continue;
            }
            met_guest = true;
            if guests.iter().any(|g| g.person == m.person) {
                continue;
            }
            let roles = people
                .get(&m.person)
                .map(|p| p.roles.clone())
                .unwrap_or_default();
            guests.push(Guest {
                person: m.person.clone(),
                role: semantics::guest_role(&roles, served_before(&m.person), &m.sentence),
            });
        }
        facts.push(ItemFacts { conduct, met_guest });
        items.push(Item {
            n: raw.n,
            kind: council_explorer::core::model::ItemKind::Update,
            // A subheading is a label; a long one is a sentence of the notes, which the data
            // set never carries.
            topic: raw
                .topic
                .clone()
                .filter(|t| t.split_whitespace().count() <= 8),
            peps: numbers,
            people: named,
            outcome: None,
            outcomes: Vec::new(),
            summary: None,
            links: semantics::links(&raw.text, peps),
            line: raw.line,
        });
    }
    let attendance = if matches!(s.kind, SectionKind::Meeting | SectionKind::NoMeeting) {
        let texts: Vec<String> = s.items.iter().map(|i| i.text.clone()).collect();
        if semantics::vague_attendance(&texts) {
            notices.vague_attendance.push(s.id.clone());
        }
        semantics::attendance(&texts, &members, people, s.date)
    } else {
        Default::default()
    };
    let section = Section {
        id: s.id.clone(),
        kind: s.kind,
        date: s.date,
        period: s.period,
        held: s.held,
        term,
        heading: s.heading.clone(),
        gist: None,
        attendance,
        guests,
        items,
        source: s.source.clone(),
    };
    (section, facts)
}

/// Whom one item says the council met (under its topic, then on its own lines) and whom it
/// names (the topic's guest first, then in text order), with the curated calls applied;
/// membership and conduct are the caller's to weigh.
fn took_part(
    raw: &RawItemIn,
    under_topic: &[Met],
    people: &Registry,
    date: NaiveDate,
    calls: &[&ParticipantEntry],
) -> (Vec<Met>, Vec<PersonId>) {
    let mut met: Vec<Met> = under_topic.to_vec();
    for m in guests::met(&raw.text, people, date) {
        if !met.iter().any(|x| x.person == m.person) {
            met.push(m);
        }
    }
    let mut named: Vec<PersonId> = Vec::new();
    let name = |named: &mut Vec<PersonId>, id: &PersonId| {
        if !named.contains(id) {
            named.push(id.clone());
        }
    };
    for id in under_topic
        .iter()
        .map(|m| &m.person)
        .chain(&people.mentions(&raw.text, date))
    {
        name(&mut named, id);
    }
    for e in calls {
        match e.part {
            Part::Guest => {
                if !met.iter().any(|m| m.person == e.person) {
                    met.push(Met {
                        person: e.person.clone(),
                        sentence: raw.text.clone(),
                    });
                }
                name(&mut named, &e.person);
            }
            Part::NotGuest => met.retain(|m| m.person != e.person),
            Part::Named => name(&mut named, &e.person),
            Part::NotNamed => {
                named.retain(|p| *p != e.person);
                met.retain(|m| m.person != e.person);
            }
        }
    }
    (met, named)
}

/// Puts each curated outcome on the item whose lines hold it, checking that item refers to
/// the PEP. The entries' order is kept within an item.
fn attach_outcomes(sections: &mut [Section], outcomes: &[OutcomeEntry]) -> Result<(), IngestError> {
    let file = "curated/outcomes.json";
    for (k, e) in outcomes.iter().enumerate() {
        let here = |msg: String| {
            IngestError::at(
                file,
                k as u32 + 2,
                format!(
                    "entry {} ({} line {} PEP {}): {msg}",
                    k + 1,
                    e.section,
                    e.line,
                    e.pep
                ),
            )
        };
        let s = sections
            .iter_mut()
            .find(|s| s.id == e.section)
            .ok_or_else(|| here("no such section".into()))?;
        let n = e
            .item_in(&s.items)
            .map(|i| i.n)
            .ok_or_else(|| here("the line is before the section's first item".into()))?;
        let Some(item) = s.items.iter_mut().find(|i| i.n == n) else {
            return Err(here(format!("no item {n}")));
        };
        if !item.peps.contains(&e.pep) {
            return Err(here(format!(
                "item {} does not refer to that PEP (it refers to {:?})",
                item.n, item.peps
            )));
        }
        let outcome = Outcome {
            pep: e.pep,
            result: e.outcome,
        };
        if item.outcomes.contains(&outcome) {
            return Err(here("recorded twice".into()));
        }
        item.outcomes.push(outcome);
        item.outcome = item.outcomes.first().copied();
    }
    Ok(())
}

/// Puts gists on sections and summaries on items; a key that names nothing is an error.
fn attach_summaries(sections: &mut [Section], summaries: &Summaries) -> Result<(), IngestError> {
    let by_id: BTreeMap<String, usize> = sections
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.clone(), i))
        .collect();
    for (id, gist) in &summaries.gists {
        let i = by_id.get(id).ok_or_else(|| {
            IngestError::at(
                &gist.file,
                gist.line,
                format!("gist for {id:?}, which is no section"),
            )
        })?;
        sections[*i].gist = Some(gist.text.clone());
    }
    for (key, summary) in &summaries.items {
        let not_found = || {
            IngestError::at(
                &summary.file,
                summary.line,
                format!("summary for {key:?}, which is no item"),
            )
        };
        let (id, n) = key.rsplit_once('#').ok_or_else(not_found)?;
        let n: u16 = n.parse().map_err(|_| not_found())?;
        let i = by_id.get(id).ok_or_else(not_found)?;
        let item = sections[*i]
            .items
            .iter_mut()
            .find(|it| it.n == n)
            .ok_or_else(not_found)?;
        item.summary = Some(summary.text.clone());
    }
    Ok(())
}
