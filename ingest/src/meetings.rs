//! Sections of the notes with their meaning: from the splitter's raw sections and items to
//! `Section`s with attendance, guests, item kinds, PEPs, people, links, outcomes and the
//! curated summaries.
//!
//! The splitter (`notes.rs`) decides where sections and items start and end; this module
//! decides what they say. It works on `RawSectionIn`, a plain copy of what the splitter gives,
//! so it can be tested without the files.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use council_explorer::core::model::{
    Guest, Item, Outcome, Period, Section, SectionKind, Source, Term,
};

use crate::curated::{OutcomeEntry, Summaries};
use crate::error::IngestError;
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
}

/// Builds every section, then attaches the curated outcomes and summaries, failing on an
/// entry that points at nothing.
pub fn sections(
    raw: &[RawSectionIn],
    terms: &[Term],
    people: &Registry,
    peps: &PepIndex,
    outcomes: &[OutcomeEntry],
    summaries: &Summaries,
    notices: &mut Notices,
) -> Result<Vec<Section>, IngestError> {
    let mut out: Vec<Section> = raw
        .iter()
        .map(|s| section(s, terms, people, peps, notices))
        .collect();
    attach_outcomes(&mut out, outcomes)?;
    attach_summaries(&mut out, summaries)?;
    // Decisions change an item's kind, so kinds are settled last.
    for (s, r) in out.iter_mut().zip(raw) {
        let guests: BTreeSet<&str> = s.guests.iter().map(|g| g.person.as_str()).collect();
        for (item, raw_item) in s.items.iter_mut().zip(&r.items) {
            let lead = semantics::lead(&raw_item.text);
            let met_guest = semantics::says_met(lead)
                && people
                    .mentions(lead, s.date)
                    .iter()
                    .any(|p| guests.contains(p.as_str()));
            item.kind = semantics::item_kind(
                &raw_item.text,
                item.outcome.is_some(),
                !item.peps.is_empty(),
                met_guest,
            );
        }
    }
    out.sort_by(|a, b| a.date.cmp(&b.date).then(a.id.cmp(&b.id)));
    Ok(out)
}

fn section(
    s: &RawSectionIn,
    terms: &[Term],
    people: &Registry,
    peps: &PepIndex,
    notices: &mut Notices,
) -> Section {
    let term = crate::elections::term_on(terms, s.date);
    let members: Vec<String> = terms
        .iter()
        .find(|t| t.year == term)
        .map(|t| t.members.clone())
        .unwrap_or_default();
    let mut guests: Vec<Guest> = Vec::new();
    let items: Vec<Item> = s
        .items
        .iter()
        .map(|raw| {
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
            // Conduct items may name or use initials of the people concerned: index nobody.
            let mentioned = if semantics::is_conduct(&raw.text) {
                Vec::new()
            } else {
                people.mentions(&raw.text, s.date)
            };
            // Guests come from the item's own line ("met with X"), not from the topics nested
            // under it; a conduct item makes nobody a guest.
            let lead = semantics::lead(&raw.text);
            if semantics::says_met(lead) && !semantics::is_conduct(lead) {
                for id in people
                    .mentions(lead, s.date)
                    .iter()
                    .filter(|id| !members.contains(id))
                {
                    if guests.iter().any(|g| &g.person == id) {
                        continue;
                    }
                    let roles = people.get(id).map(|p| p.roles.clone()).unwrap_or_default();
                    guests.push(Guest {
                        person: id.clone(),
                        role: semantics::guest_role(&roles).to_string(),
                    });
                }
            }
            Item {
                n: raw.n,
                kind: council_explorer::core::model::ItemKind::Update,
                // A subheading is a label; a long one is a sentence of the notes, which the data
                // set never carries.
                topic: raw
                    .topic
                    .clone()
                    .filter(|t| t.split_whitespace().count() <= 8),
                peps: numbers,
                people: mentioned,
                outcome: None,
                outcomes: Vec::new(),
                summary: None,
                links: semantics::links(&raw.text, peps),
                line: raw.line,
            }
        })
        .collect();
    let attendance = if matches!(s.kind, SectionKind::Meeting | SectionKind::NoMeeting) {
        let texts: Vec<String> = s.items.iter().map(|i| i.text.clone()).collect();
        semantics::attendance(&texts, &members, people, s.date)
    } else {
        Default::default()
    };
    Section {
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
    }
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
