//! The coverage report: how many of each thing the build produced, set beside the counts the
//! source study (DATA-NOTES) found, so a parser that silently drops something is noticed.

use std::collections::BTreeMap;
use std::fmt;

use chrono::Datelike;
use council_explorer::core::model::{
    Bases, DateBasis, Decider, Delegation, OutcomeKind, SectionKind,
};

use crate::Output;

/// One line of the report: what, how many, and the number DATA-NOTES expects where it gives one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub what: String,
    pub count: usize,
    pub expected: Option<usize>,
}

#[derive(Debug, Clone, Default)]
pub struct Report {
    pub lines: Vec<Line>,
}

impl Report {
    fn add(&mut self, what: impl Into<String>, count: usize, expected: Option<usize>) {
        self.lines.push(Line {
            what: what.into(),
            count,
            expected,
        });
    }

    pub fn of(
        out: &Output,
        unattached_history: usize,
        history_found: bool,
        notices: &crate::meetings::Notices,
    ) -> Report {
        let mut r = Report::default();
        let sections = &out.sections;
        r.add("sections", sections.len(), Some(189));
        for (kind, expected) in [
            (SectionKind::Meeting, None),
            (SectionKind::NoMeeting, Some(13)),
            (SectionKind::Recap, Some(18)),
            (SectionKind::Update, Some(4)),
            (SectionKind::PeriodSummary, Some(3)),
        ] {
            let n = sections.iter().filter(|s| s.kind == kind).count();
            r.add(format!("  {}", kind.as_str()), n, expected);
        }
        let dated = sections
            .iter()
            .filter(|s| matches!(s.kind, SectionKind::Meeting | SectionKind::NoMeeting))
            .count();
        r.add("  dated sections", dated, Some(164));
        r.add(
            "held meetings",
            sections
                .iter()
                .filter(|s| {
                    s.held && matches!(s.kind, SectionKind::Meeting | SectionKind::NoMeeting)
                })
                .count(),
            Some(151),
        );
        r.add("items", sections.iter().map(|s| s.items.len()).sum(), None);
        r.add(
            "  with a summary",
            sections
                .iter()
                .flat_map(|s| &s.items)
                .filter(|i| i.summary.is_some())
                .count(),
            None,
        );
        r.add(
            "  summaries missing",
            sections
                .iter()
                .flat_map(|s| &s.items)
                .filter(|i| i.summary.is_none())
                .count(),
            None,
        );
        r.add(
            "  gists missing",
            sections.iter().filter(|s| s.gist.is_none()).count(),
            None,
        );
        r.add(
            "attendance stated",
            sections.iter().filter(|s| s.attendance.stated).count(),
            Some(18),
        );
        r.add(
            "sections with guests",
            sections.iter().filter(|s| !s.guests.is_empty()).count(),
            None,
        );
        r.add(
            "PEP references (item, PEP)",
            sections
                .iter()
                .flat_map(|s| &s.items)
                .map(|i| i.peps.len())
                .sum(),
            None,
        );
        let mut distinct: Vec<u16> = sections
            .iter()
            .flat_map(|s| &s.items)
            .flat_map(|i| i.peps.iter().copied())
            .collect();
        distinct.sort();
        distinct.dedup();
        r.add("distinct PEPs in the notes", distinct.len(), Some(125));
        r.add(
            "numbers written as PEPs without a file",
            notices.unknown_peps.len(),
            None,
        );
        r.add("decisions", out.decisions.len(), Some(80));
        let expected: BTreeMap<OutcomeKind, usize> = [
            (OutcomeKind::Accepted, 53),
            (OutcomeKind::Deferred, 13),
            (OutcomeKind::Rejected, 11),
            (OutcomeKind::Conditional, 1),
            (OutcomeKind::Tentative, 1),
            (OutcomeKind::WithdrawalRequested, 1),
        ]
        .into();
        for kind in OutcomeKind::ALL {
            let n = out.decisions.iter().filter(|d| d.outcome == kind).count();
            r.add(
                format!("  {}", kind.as_str()),
                n,
                expected.get(&kind).copied(),
            );
        }
        let mut decided: Vec<u16> = out.decisions.iter().map(|d| d.pep).collect();
        decided.sort();
        decided.dedup();
        r.add("  PEPs with a decision", decided.len(), Some(67));
        r.decisions(out);
        r.add("elections", out.elections.len(), Some(8));
        r.add("terms", out.terms.len(), Some(8));
        let candidates: Vec<_> = out.elections.iter().flat_map(|e| &e.candidates).collect();
        r.add(
            "nominees (not withdrawn)",
            candidates.iter().filter(|c| !c.withdrawn).count(),
            Some(76),
        );
        r.add(
            "withdrawn nominations",
            candidates.iter().filter(|c| c.withdrawn).count(),
            Some(1),
        );
        r.add("nominations", out.nominations.len(), Some(77));
        r.add(
            "  first post known",
            out.nominations
                .iter()
                .filter(|n| n.first_post_by.is_some())
                .count(),
            Some(49),
        );
        r.add(
            "  with a platform",
            out.nominations
                .iter()
                .filter(|n| !n.platform.is_empty())
                .count(),
            None,
        );
        r.add("people", out.people.len(), None);
        r.add("PEPs", out.peps.len(), Some(736));
        r.add(
            "  with a Resolution",
            out.pep_details
                .iter()
                .filter(|p| p.resolution.is_some())
                .count(),
            Some(257),
        );
        r.add(
            "  dated Resolution",
            out.pep_details
                .iter()
                .filter(|p| p.resolution.as_ref().is_some_and(|x| x.date.is_some()))
                .count(),
            Some(67),
        );
        r.add(
            "  with a delegate",
            out.pep_details
                .iter()
                .filter(|p| p.delegate.is_some())
                .count(),
            Some(46 + 83),
        );
        let rows: usize = out.pep_details.iter().map(|p| p.history.len()).sum();
        r.add(
            "status history rows",
            rows,
            history_found.then_some(2568 - unattached_history),
        );
        r.add("  rows for PEPs without a file", unattached_history, None);
        r
    }
}

impl Report {
    /// The decisions by year and decider, by who decided, by where they were found, and how
    /// many the notes alone hold (the study's 80 counts only those).
    fn decisions(&mut self, out: &Output) {
        let ds = &out.decisions;
        let mut years: BTreeMap<i32, [usize; 2]> = BTreeMap::new();
        for d in ds {
            let by = years.entry(d.date.year()).or_default();
            by[usize::from(d.decided_by == Decider::Delegate)] += 1;
        }
        self.add("decisions by year", ds.len(), None);
        for (year, [council, delegate]) in years {
            self.add(
                format!("  {year} (council {council}, delegate {delegate})"),
                council + delegate,
                None,
            );
        }
        for by in Decider::ALL {
            let n = ds.iter().filter(|d| d.decided_by == by).count();
            self.add(format!("decided by the {}", by.as_str()), n, None);
        }
        for (via, what) in [
            (Delegation::PepHeader, "  named by the PEP's header"),
            (
                Delegation::StandingPackaging,
                "  standing packaging delegates",
            ),
        ] {
            let n = ds
                .iter()
                .filter(|d| d.delegate.as_ref().is_some_and(|x| x.via == via))
                .count();
            self.add(what, n, None);
        }
        let has = |f: fn(&Bases) -> bool| ds.iter().filter(|d| f(&d.bases)).count();
        self.add("decisions with a basis in", ds.len(), None);
        self.add("  the notes", has(|b| b.notes.is_some()), Some(80));
        self.add(
            "    the notes alone",
            has(|b| b.notes.is_some() && b.pep_header.is_none() && b.status_history.is_none()),
            None,
        );
        self.add(
            "  the PEP's Resolution header",
            has(|b| b.pep_header.is_some()),
            None,
        );
        self.add(
            "    dated",
            has(|b| b.pep_header.as_ref().is_some_and(|h| h.date.is_some())),
            None,
        );
        self.add(
            "  the status history",
            has(|b| b.status_history.is_some()),
            None,
        );
        self.add(
            "  the PEP only (no notes)",
            has(|b| b.notes.is_none()),
            None,
        );
        for basis in [
            DateBasis::PepHeader,
            DateBasis::Meeting,
            DateBasis::Period,
            DateBasis::StatusHistory,
        ] {
            let n = ds.iter().filter(|d| d.date_basis == basis).count();
            self.add(format!("dated by {}", basis.as_str()), n, None);
        }
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for l in &self.lines {
            match l.expected {
                Some(e) if e == l.count => {
                    writeln!(f, "{:<32} {:>6}   (DATA-NOTES {e})", l.what, l.count)?
                }
                Some(e) => writeln!(
                    f,
                    "{:<32} {:>6}   (DATA-NOTES {e}: differs)",
                    l.what, l.count
                )?,
                None => writeln!(f, "{:<32} {:>6}", l.what, l.count)?,
            }
        }
        Ok(())
    }
}
