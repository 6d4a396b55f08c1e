//! The kinds of things the timeline shows, as enums with `as_str()` for CSS classes, ids and
//! URL values and `label()` for what a person reads.

use super::model::{OutcomeKind, SectionKind, VotingMethod};

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

/// The small label before a timeline row's title: what kind of section, outcome, election or
/// nomination the row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Badge {
    Section(SectionKind),
    Outcome(OutcomeKind),
    Election(VotingMethod),
    Nomination,
    Withdrawn,
}

impl Badge {
    /// For CSS classes (`badge-period_summary`) and the CSV export.
    pub fn as_str(self) -> &'static str {
        match self {
            Badge::Section(k) => k.as_str(),
            Badge::Outcome(o) => o.as_str(),
            Badge::Election(m) => m.as_str(),
            Badge::Nomination => "nomination",
            Badge::Withdrawn => "withdrawn",
        }
    }

    /// What the badge reads.
    pub fn label(self) -> &'static str {
        match self {
            Badge::Section(k) => k.label(),
            Badge::Outcome(o) => o.label(),
            Badge::Election(VotingMethod::Approval) => "approval vote",
            Badge::Election(VotingMethod::Star) => "STAR vote",
            Badge::Nomination => "nomination",
            Badge::Withdrawn => "withdrawn",
        }
    }
}
