//! Decisions: one record per dated outcome on a PEP since the council took office, from three
//! sources that are merged, never counted twice.
//!
//! - The council's notes: the checked list of `curated/outcomes.json`, already attached to items.
//! - The PEP's status history: a change of `Status:` to Accepted, Rejected or Deferred, or to
//!   Final when the PEP was never Accepted, Active or Final before (a PEP that skips Accepted,
//!   as process PEPs do). A PEP entering the repository with a status, and changes to
//!   Provisional, Active, Withdrawn, Superseded or Draft, are not decisions: withdrawing and
//!   superseding are the authors' acts, and the others put nothing to rest. The steps come from
//!   `core::peps::history_steps`, so a bulk commit that rewrote a status to what it already was
//!   (python/peps in 2017) is no step and no decision.
//! - The PEP's `Resolution:` header, when its status is an outcome (Accepted, Final or Active:
//!   accepted; Rejected; Deferred). It is the resolution of the PEP's last status decision when
//!   that has the same outcome; otherwise, if dated, an outcome of its own.
//!
//! A PEP's outcome and a notes record are one record when they are on the same PEP with the
//! same outcome and no other outcome on that PEP lies between their dates; where the notes
//! record an outcome twice, it joins the latest record not after it (else the earliest). The
//! date is the header's where it is dated, not before the PEP's `Created:` and not before the
//! notes; else the notes' (the meeting, or a period's first day); else the commit's. Outcomes
//! dated before the council's first term (the BDFL era) are left out.
//!
//! Who decided: for a record the notes hold, the council, unless the curated entry says the
//! notes report its delegate's decision. Otherwise the delegate the PEP's header names (a person
//! or a group, not the council itself), else the standing PyPA delegates for a packaging PEP
//! (not a process or governance one), else the council: the Typing Council is only consulted.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use council_explorer::core::model::{
    Bases, DateBasis, DecidedStatus, Decider, Decision, Delegate, Delegation, HeaderBasis,
    HistoryBasis, NotesBasis, OutcomeKind, Resolution, Section, SectionKind, StatusChange,
};
use council_explorer::core::peps::history_steps;

use crate::curated::OutcomeEntry;
use crate::error::{read_text, IngestError};
use crate::people::Registry;
use crate::peps::PepRecord;

/// The decisions a PEP's status history holds, oldest first, at any date.
pub fn status_decisions(history: &[StatusChange]) -> Vec<HistoryBasis> {
    // Whether the PEP has been in force (Accepted, Active or Final) before the step.
    let mut in_force = false;
    let mut out = Vec::new();
    for step in history_steps(history) {
        let change = step.change;
        if change.field != "Status" {
            continue;
        }
        let to = change.new.as_str();
        let status = match to {
            // Added to the repository with this status: decided elsewhere, or nothing to decide.
            _ if step.from.is_empty() => None,
            // From Final or Active, a correction of the status, not a new acceptance.
            "Accepted" if !matches!(step.from, "Final" | "Active") => Some(DecidedStatus::Accepted),
            "Final" if !in_force => Some(DecidedStatus::Final),
            "Rejected" => Some(DecidedStatus::Rejected),
            "Deferred" => Some(DecidedStatus::Deferred),
            _ => None,
        };
        in_force |= matches!(to, "Accepted" | "Active" | "Final");
        if let Some(status) = status {
            out.push(HistoryBasis {
                date: change.date,
                commit: change.commit.clone(),
                status,
            });
        }
    }
    out
}

/// The outcome a PEP's current `Status:` says its `Resolution:` header resolved.
fn header_outcome(status: &str) -> Option<OutcomeKind> {
    match status {
        "Accepted" | "Final" | "Active" => Some(OutcomeKind::Accepted),
        "Rejected" => Some(OutcomeKind::Rejected),
        "Deferred" => Some(OutcomeKind::Deferred),
        _ => None,
    }
}

/// An outcome the PEP itself records: a status decision, its header, or both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PepOutcome {
    pub outcome: OutcomeKind,
    pub change: Option<HistoryBasis>,
    pub header: Option<Resolution>,
    /// The header's date where it can be this outcome's (not before `Created:`), else the
    /// commit's; `None` for a bare header alone, which only confirms a record of the notes.
    pub date: Option<NaiveDate>,
    pub date_basis: DateBasis,
}

/// Every outcome PEP `pep` records, oldest first, those before `start` left out.
pub fn pep_outcomes(pep: &PepRecord, start: NaiveDate) -> Vec<PepOutcome> {
    let mut out: Vec<PepOutcome> = status_decisions(&pep.history)
        .into_iter()
        .map(|change| PepOutcome {
            outcome: change.status.outcome(),
            change: Some(change),
            header: None,
            date: None,
            date_basis: DateBasis::StatusHistory,
        })
        .collect();
    if let (Some(res), Some(outcome)) = (&pep.resolution, header_outcome(&pep.status)) {
        match out.last_mut() {
            Some(last) if last.outcome == outcome => last.header = Some(res.clone()),
            _ => out.push(PepOutcome {
                outcome,
                change: None,
                header: Some(res.clone()),
                date: None,
                date_basis: DateBasis::PepHeader,
            }),
        }
    }
    for o in &mut out {
        // A header dated before the PEP was written is a slip (PEP 820's year); the commit
        // then dates the outcome.
        let header_date = o
            .header
            .as_ref()
            .and_then(|r| r.date)
            .filter(|d| pep.created.is_none_or(|c| *d >= c));
        (o.date, o.date_basis) = match (header_date, &o.change) {
            (Some(d), _) => (Some(d), DateBasis::PepHeader),
            (None, Some(c)) => (Some(c.date), DateBasis::StatusHistory),
            (None, None) => (o.header.as_ref().and_then(|r| r.date), DateBasis::PepHeader),
        };
    }
    out.retain(|o| o.date.is_none_or(|d| d >= start));
    out
}

/// The council's standing delegations that decide who took a PEP's decision.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StandingDelegations {
    /// The PyPA's areas and delegates ("Package Distribution Metadata PEPs", "Paul Moore").
    pub packaging: Vec<(String, String)>,
}

impl StandingDelegations {
    /// Reads python/steering-council's `process/standing-delegations.md` (or the file of that
    /// name in `dir` itself); without one, no PEP falls under a standing delegation.
    pub fn read(dir: &Path) -> Result<StandingDelegations, IngestError> {
        let name = "standing-delegations.md";
        let Some(path) = [dir.join("process").join(name), dir.join(name)]
            .into_iter()
            .find(|p| p.exists())
        else {
            return Ok(StandingDelegations::default());
        };
        StandingDelegations::parse(&format!("steering-council/{name}"), &read_text(&path)?)
    }

    /// The bullets `- <area>: <name>` under the heading that names the PyPA.
    pub fn parse(file: &str, text: &str) -> Result<StandingDelegations, IngestError> {
        let mut packaging = Vec::new();
        let mut heading_line = None;
        for (i, line) in text.lines().enumerate() {
            if let Some(h) = line.strip_prefix("## ") {
                if heading_line.is_some() && !h.contains("PyPA") {
                    break;
                }
                if h.contains("PyPA") {
                    heading_line = Some(i as u32 + 1);
                }
                continue;
            }
            if heading_line.is_none() {
                continue;
            }
            if let Some((area, who)) = line.strip_prefix("- ").and_then(|b| b.split_once(": ")) {
                if area.trim_end().ends_with("PEPs") {
                    packaging.push((area.trim().to_string(), who.trim().to_string()));
                }
            }
        }
        match heading_line {
            Some(line) if packaging.is_empty() => Err(IngestError::at(
                file,
                line,
                "the PyPA section lists no `- <area> PEPs: <name>` delegation",
            )),
            _ => Ok(StandingDelegations { packaging }),
        }
    }

    /// Whether PEP `pep` is one of the packaging PEPs the PyPA's delegates decide: topic
    /// Packaging, and not a process or governance PEP, which stay with the council.
    pub fn covers(&self, pep: &PepRecord) -> bool {
        let topics: Vec<&str> = pep
            .topic
            .iter()
            .flat_map(|t| t.split(','))
            .map(str::trim)
            .collect();
        !self.packaging.is_empty()
            && topics.contains(&"Packaging")
            && !topics.contains(&"Governance")
            && pep.pep_type != "Process"
    }
}

/// The delegate the PEP's header names, unless it names the council itself or is a
/// placeholder ("TODO").
pub fn header_delegate(pep: &PepRecord, people: &Registry) -> Option<Delegate> {
    let name = pep.delegate.as_deref()?.trim();
    let lower = name.to_lowercase();
    if name.is_empty()
        || lower.contains("steering council")
        || matches!(lower.as_str(), "todo" | "tbd")
    {
        return None;
    }
    Some(Delegate {
        via: Delegation::PepHeader,
        name: Some(name.to_string()),
        person: people.exact(name).cloned(),
    })
}

/// Who decided an outcome no notes record holds.
pub fn decider(
    pep: &PepRecord,
    people: &Registry,
    standing: &StandingDelegations,
) -> (Decider, Option<Delegate>) {
    if let Some(d) = header_delegate(pep, people) {
        return (Decider::Delegate, Some(d));
    }
    if standing.covers(pep) {
        let d = Delegate {
            via: Delegation::StandingPackaging,
            name: None,
            person: None,
        };
        return (Decider::Delegate, Some(d));
    }
    (Decider::Council, None)
}

/// One outcome of the notes: an item's outcome and who the curated list says decided it.
#[derive(Debug, Clone, Copy)]
struct NotesRecord<'a> {
    section: &'a Section,
    item: u16,
    outcome: OutcomeKind,
    by: Decider,
}

/// Which notes record (an index into `notes`) each PEP outcome joins, by the rule above.
fn join(notes: &[NotesRecord], outcomes: &[PepOutcome]) -> Vec<Option<usize>> {
    let mut taken = vec![false; notes.len()];
    let mut joined = vec![None; outcomes.len()];
    for (k, o) in outcomes.iter().enumerate() {
        let pick = match o.date {
            Some(d) => {
                // Another outcome strictly between two dates keeps them apart.
                let apart = |n: NaiveDate| {
                    let (lo, hi) = if n <= d { (n, d) } else { (d, n) };
                    let inside = |x: NaiveDate| lo < x && x < hi;
                    notes
                        .iter()
                        .any(|m| m.outcome != o.outcome && inside(m.section.date))
                        || outcomes
                            .iter()
                            .any(|p| p.outcome != o.outcome && p.date.is_some_and(inside))
                };
                let fits: Vec<usize> = (0..notes.len())
                    .filter(|&i| !taken[i] && notes[i].outcome == o.outcome)
                    .filter(|&i| !apart(notes[i].section.date))
                    .collect();
                let before = fits.iter().copied().filter(|&i| notes[i].section.date <= d);
                before
                    .max_by_key(|&i| (notes[i].section.date, i))
                    .or_else(|| fits.iter().copied().min_by_key(|&i| notes[i].section.date))
            }
            // An undated header can only confirm the PEP's last record of the notes.
            None => notes
                .len()
                .checked_sub(1)
                .filter(|&i| !taken[i] && notes[i].outcome == o.outcome),
        };
        if let Some(i) = pick {
            taken[i] = true;
            joined[k] = Some(i);
        }
    }
    joined
}

/// What the decisions are built from.
pub struct Inputs<'a> {
    pub sections: &'a [Section],
    pub outcomes: &'a [OutcomeEntry],
    pub peps: &'a [PepRecord],
    pub people: &'a Registry,
    pub standing: &'a StandingDelegations,
    /// The first day of the council's first term.
    pub start: NaiveDate,
}

pub fn decisions(inputs: &Inputs) -> Result<Vec<Decision>, IngestError> {
    let by_number: BTreeMap<u16, &PepRecord> = inputs.peps.iter().map(|p| (p.number, p)).collect();
    // Every section where each PEP came up, in date order (sections are sorted already).
    let mut discussed: BTreeMap<u16, Vec<String>> = BTreeMap::new();
    for s in inputs.sections {
        for n in s.items.iter().flat_map(|i| &i.peps) {
            let list = discussed.entry(*n).or_default();
            if !list.contains(&s.id) {
                list.push(s.id.clone());
            }
        }
    }
    let mut notes: BTreeMap<u16, Vec<NotesRecord>> = BTreeMap::new();
    for s in inputs.sections {
        for i in &s.items {
            for o in &i.outcomes {
                let entry = inputs.outcomes.iter().find(|e| {
                    e.section == s.id
                        && e.pep == o.pep
                        && e.outcome == o.result
                        && e.item_in(&s.items).is_some_and(|x| x.n == i.n)
                });
                notes.entry(o.pep).or_default().push(NotesRecord {
                    section: s,
                    item: i.n,
                    outcome: o.result,
                    by: entry.map_or(Decider::Council, |e| e.by),
                });
            }
        }
    }
    for n in notes.keys() {
        if !by_number.contains_key(n) {
            return Err(IngestError::other(format!(
                "decision on PEP {n}, which has no file"
            )));
        }
    }

    let mut out = Vec::new();
    for pep in inputs.peps {
        let notes = notes.remove(&pep.number).unwrap_or_default();
        let outcomes = pep_outcomes(pep, inputs.start);
        let joined = join(&notes, &outcomes);
        let discussed_in = discussed.get(&pep.number).cloned().unwrap_or_default();
        let record =
            |outcome: OutcomeKind,
             date: NaiveDate,
             date_basis: DateBasis,
             bases: Bases,
             (decided_by, delegate): (Decider, Option<Delegate>)| Decision {
                id: format!("{}-{}-{date}", pep.number, outcome.as_str()),
                pep: pep.number,
                outcome,
                date,
                date_basis,
                bases,
                decided_by,
                delegate,
                discussed_in: discussed_in.clone(),
            };
        for (i, n) in notes.iter().enumerate() {
            let with = joined
                .iter()
                .position(|j| *j == Some(i))
                .map(|k| &outcomes[k]);
            let header = with.and_then(|o| o.header.as_ref());
            let by = match n.by {
                Decider::Council => (Decider::Council, None),
                Decider::Delegate => {
                    let d = header_delegate(pep, inputs.people).ok_or_else(|| {
                        IngestError::other(format!(
                            "curated/outcomes.json: PEP {} ({} item {}) is marked as its delegate's decision, but its header names no delegate",
                            pep.number, n.section.id, n.item
                        ))
                    })?;
                    (Decider::Delegate, Some(d))
                }
            };
            // The header dates the record where it dates the PEP's outcome, and not before
            // the notes that record it.
            let header_date = with
                .filter(|o| o.date_basis == DateBasis::PepHeader)
                .and_then(|o| o.date)
                .filter(|d| *d >= n.section.date);
            let (date, date_basis) = match header_date {
                Some(d) => (d, DateBasis::PepHeader),
                None if matches!(
                    n.section.kind,
                    SectionKind::Meeting | SectionKind::NoMeeting
                ) =>
                {
                    (n.section.date, DateBasis::Meeting)
                }
                None => (n.section.date, DateBasis::Period),
            };
            let bases = Bases {
                notes: Some(NotesBasis {
                    section: n.section.id.clone(),
                    item: n.item,
                }),
                pep_header: header.map(header_basis),
                status_history: with.and_then(|o| o.change.clone()),
            };
            out.push(record(n.outcome, date, date_basis, bases, by));
        }
        for (o, j) in outcomes.iter().zip(&joined) {
            // A bare header with no record of the notes to confirm is no dated outcome.
            let (None, Some(date)) = (j, o.date) else {
                continue;
            };
            let bases = Bases {
                notes: None,
                pep_header: o.header.as_ref().map(header_basis),
                status_history: o.change.clone(),
            };
            let by = decider(pep, inputs.people, inputs.standing);
            out.push(record(o.outcome, date, o.date_basis, bases, by));
        }
    }
    out.sort_by(|a, b| (a.date, a.pep, &a.id).cmp(&(b.date, b.pep, &b.id)));
    for w in out.windows(2) {
        if w[0].id == w[1].id {
            return Err(IngestError::other(format!(
                "PEP {}: two decisions with the id {}",
                w[0].pep, w[0].id
            )));
        }
    }
    Ok(out)
}

fn header_basis(r: &Resolution) -> HeaderBasis {
    HeaderBasis {
        date: r.date,
        url: r.url.clone(),
    }
}
