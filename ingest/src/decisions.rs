//! Decisions: one record per outcome the notes record (the checked list of
//! `curated/outcomes.json`, already attached to items), dated and linked to the PEP's
//! resolution.
//!
//! The date is the PEP's dated `Resolution:` header when that header is the resolution this
//! record led to: the record is the PEP's last, its outcome agrees with the PEP's status, and
//! the header date is not before the notes. Otherwise it is the meeting's date, or for a
//! recap, update or summary the first day of its period. The resolution URL is attached on
//! the same condition, so an early deferral never points at a later acceptance.

use std::collections::BTreeMap;

use council_explorer::core::model::{DateBasis, Decision, OutcomeKind, Section, SectionKind};

use crate::peps::PepRecord;

use crate::error::IngestError;

/// Does a PEP's current `Status:` agree with this outcome?
fn agrees(outcome: OutcomeKind, status: &str) -> bool {
    match outcome {
        OutcomeKind::Accepted | OutcomeKind::Conditional | OutcomeKind::Tentative => {
            matches!(status, "Accepted" | "Final" | "Active")
        }
        OutcomeKind::Rejected => status == "Rejected",
        OutcomeKind::Deferred => status == "Deferred",
        OutcomeKind::WithdrawalRequested => status == "Withdrawn",
    }
}

pub fn decisions(sections: &[Section], peps: &[PepRecord]) -> Result<Vec<Decision>, IngestError> {
    let by_number: BTreeMap<u16, &PepRecord> = peps.iter().map(|p| (p.number, p)).collect();
    // Every section where each PEP came up, in date order (sections are sorted already).
    let mut discussed: BTreeMap<u16, Vec<String>> = BTreeMap::new();
    for s in sections {
        for n in s.items.iter().flat_map(|i| &i.peps) {
            let list = discussed.entry(*n).or_default();
            if !list.contains(&s.id) {
                list.push(s.id.clone());
            }
        }
    }
    let records: Vec<(&Section, u16, council_explorer::core::model::Outcome)> = sections
        .iter()
        .flat_map(|s| {
            s.items
                .iter()
                .flat_map(move |i| i.outcomes.iter().map(move |o| (s, i.n, *o)))
        })
        .collect();
    let mut out = Vec::with_capacity(records.len());
    for (k, (s, n, o)) in records.iter().enumerate() {
        let pep = by_number.get(&o.pep).ok_or_else(|| {
            IngestError::other(format!("decision on PEP {}, which has no file", o.pep))
        })?;
        let is_last = !records[k + 1..]
            .iter()
            .any(|(_, _, later)| later.pep == o.pep);
        let header = pep
            .resolution
            .as_ref()
            .filter(|_| is_last && agrees(o.result, &pep.status));
        let (date, date_basis) = match header.and_then(|r| r.date).filter(|d| *d >= s.date) {
            Some(d) => (d, DateBasis::PepHeader),
            None if matches!(s.kind, SectionKind::Meeting | SectionKind::NoMeeting) => {
                (s.date, DateBasis::Meeting)
            }
            None => (s.date, DateBasis::Period),
        };
        out.push(Decision {
            id: format!("{}-{}-{}", o.pep, o.result.as_str(), date),
            pep: o.pep,
            outcome: o.result,
            date,
            date_basis,
            section: s.id.clone(),
            item: *n,
            resolution_url: header.map(|r| r.url.clone()),
            discussed_in: discussed.get(&o.pep).cloned().unwrap_or_default(),
        });
    }
    out.sort_by(|a, b| {
        a.date
            .cmp(&b.date)
            .then(a.pep.cmp(&b.pep))
            .then(a.section.cmp(&b.section))
    });
    for w in out.windows(2) {
        if w[0].id == w[1].id {
            return Err(IngestError::other(format!(
                "two decisions with the id {}",
                w[0].id
            )));
        }
    }
    Ok(out)
}
