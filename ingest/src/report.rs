//! The coverage report: how many of each thing the build produced, set beside the counts the
//! source study (DATA-NOTES) found, so a parser that silently drops something is noticed.
//! Where the study only gives a regex count ("~61, ±3"), a count within that margin agrees.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use chrono::Datelike;
use council_explorer::core::model::{
    Bases, DateBasis, Decider, Delegation, OutcomeKind, Role, SectionKind,
};

use crate::Output;

/// One line of the report: what, how many, and the number DATA-NOTES expects where it gives one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub what: String,
    pub count: usize,
    pub expected: Option<usize>,
    /// How far off the count may be and still agree: 0 for an exact count, the study's margin
    /// for its regex counts.
    pub margin: usize,
}

/// The guests DATA-NOTES counts by person: (what, whom, from when, how many sections). Its
/// counts are regex counts, ±3, of the sections that name them; "others" counts the sections
/// with any other guest.
const GUESTS_BY_PERSON: &[(&str, &[&str], &str, usize)] = &[
    ("Łukasz Langa (DiR)", &["lukasz-langa"], "2021-07-19", 61),
    (
        "PSF Executive Director",
        &["ewa-jodlowska", "deb-nicholson"],
        "2019-01-01",
        30,
    ),
    ("Ezio Melotti", &["ezio-melotti"], "2019-01-01", 16),
];
const GUEST_MARGIN: usize = 3;

#[derive(Debug, Clone, Default)]
pub struct Report {
    pub lines: Vec<Line>,
}

impl Report {
    fn add(&mut self, what: impl Into<String>, count: usize, expected: Option<usize>) {
        self.add_about(what, count, expected, 0);
    }

    fn add_about(
        &mut self,
        what: impl Into<String>,
        count: usize,
        expected: Option<usize>,
        margin: usize,
    ) {
        self.lines.push(Line {
            what: what.into(),
            count,
            expected,
            margin,
        });
    }

    /// The lines about people: guests, stated attendance, roles (the part of the report that
    /// `data/README.md` quotes).
    pub fn people_lines(&self) -> &[Line] {
        let start = self
            .lines
            .iter()
            .position(|l| l.what == "attendance stated")
            .unwrap_or(self.lines.len());
        let end = self.lines[start..]
            .iter()
            .position(|l| l.what.starts_with("PEP references"))
            .map_or(self.lines.len(), |k| start + k);
        &self.lines[start..end]
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
        r.people(out, notices);
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
        r.add(
            "  STAR rounds (seats)",
            out.elections.iter().map(|e| e.rounds.len()).sum(),
            None,
        );
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
    /// Guests, stated attendance and roles, each beside DATA-NOTES where it counts them.
    fn people(&mut self, out: &Output, notices: &crate::meetings::Notices) {
        let sections = &out.sections;
        let stated: Vec<_> = sections.iter().filter(|s| s.attendance.stated).collect();
        let named = stated
            .iter()
            .filter(|s| !s.attendance.present.is_empty() || !s.attendance.absent.is_empty())
            .count();
        self.add("attendance stated", stated.len(), Some(18));
        self.add("  with names", named, Some(9));
        self.add("  with only a head-count", stated.len() - named, Some(7));
        self.add(
            "  names present",
            sections.iter().map(|s| s.attendance.present.len()).sum(),
            None,
        );
        self.add(
            "  names absent",
            sections.iter().map(|s| s.attendance.absent.len()).sum(),
            None,
        );
        self.add(
            "attendance vague, not stated",
            notices.vague_attendance.len(),
            Some(2),
        );

        let with_guests = |ids: &dyn Fn(&str) -> bool| {
            sections
                .iter()
                .filter(|s| s.guests.iter().any(|g| ids(&g.person)))
                .count()
        };
        self.add("sections with guests", with_guests(&|_| true), None);
        let counted: BTreeSet<&str> = GUESTS_BY_PERSON
            .iter()
            .flat_map(|(_, ids, _, _)| ids.iter().copied())
            .collect();
        for (what, ids, from, expected) in GUESTS_BY_PERSON {
            let naming = sections
                .iter()
                .filter(|s| s.date.format("%Y-%m-%d").to_string().as_str() >= *from)
                .filter(|s| {
                    s.items
                        .iter()
                        .flat_map(|i| &i.people)
                        .chain(s.guests.iter().map(|g| &g.person))
                        .any(|p| ids.contains(&p.as_str()))
                })
                .count();
            self.add_about(
                format!("  {what}, named"),
                naming,
                Some(*expected),
                GUEST_MARGIN,
            );
            self.add(
                "    met as a guest",
                with_guests(&|p| ids.contains(&p)),
                None,
            );
        }
        self.add_about(
            "  others met as guests",
            with_guests(&|p| !counted.contains(p)),
            Some(24),
            GUEST_MARGIN,
        );
        let guests: Vec<&str> = sections
            .iter()
            .flat_map(|s| &s.guests)
            .map(|g| g.role.as_str())
            .collect();
        self.add("guest entries", guests.len(), None);
        for label in [
            "Developer-in-Residence",
            "PSF staff",
            "Release manager",
            "Former council member",
            "Guest",
        ] {
            self.add(
                format!("  {label}"),
                guests.iter().filter(|r| r.starts_with(label)).count(),
                None,
            );
        }
        self.add(
            "  who had served on the council",
            guests
                .iter()
                .filter(|r| r.to_lowercase().contains("former council member"))
                .count(),
            None,
        );
        self.add(
            "  at office hours",
            guests
                .iter()
                .filter(|r| r.ends_with("at office hours"))
                .count(),
            None,
        );
        self.add(
            "curated calls on who took part",
            notices.participant_overrides,
            None,
        );

        for (role, expected) in [
            (Role::CouncilMember, Some(13)),
            (Role::Nominee, None),
            (Role::DeveloperInResidence, None),
            (Role::PsfStaff, None),
            (Role::ReleaseManager, None),
            (Role::Guest, None),
        ] {
            self.add(
                format!("people with role {}", role.as_str()),
                out.people
                    .iter()
                    .filter(|p| p.roles.contains(&role))
                    .count(),
                expected,
            );
        }
    }
}

impl fmt::Display for Line {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = &self.what;
        let count = self.count;
        match self.expected {
            Some(e) if self.margin > 0 && e.abs_diff(count) <= self.margin => {
                write!(f, "{what:<32} {count:>6}   (DATA-NOTES ~{e})")
            }
            Some(e) if self.margin > 0 => {
                write!(f, "{what:<32} {count:>6}   (DATA-NOTES ~{e}: differs)")
            }
            Some(e) if e == count => write!(f, "{what:<32} {count:>6}   (DATA-NOTES {e})"),
            Some(e) => write!(f, "{what:<32} {count:>6}   (DATA-NOTES {e}: differs)"),
            None => write!(f, "{what:<32} {count:>6}"),
        }
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
            writeln!(f, "{l}")?;
        }
        Ok(())
    }
}
