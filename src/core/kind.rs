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

/// What a person was in an entry, as the `role:` qualifier names it: a member of the council
/// in office, present or absent where the notes say so, a guest the council met, a nominee in
/// an election, or a former member (someone who had served before and was not serving then).
/// One person can be several at once (a member who was present).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntryRole {
    Member,
    Present,
    Absent,
    Guest,
    Nominee,
    FormerMember,
}

impl EntryRole {
    pub const ALL: [EntryRole; 6] = [
        EntryRole::Member,
        EntryRole::Present,
        EntryRole::Absent,
        EntryRole::Guest,
        EntryRole::Nominee,
        EntryRole::FormerMember,
    ];

    /// As the qualifier writes it (`role:former-member`).
    pub fn as_str(self) -> &'static str {
        match self {
            EntryRole::Member => "member",
            EntryRole::Present => "present",
            EntryRole::Absent => "absent",
            EntryRole::Guest => "guest",
            EntryRole::Nominee => "nominee",
            EntryRole::FormerMember => "former-member",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            EntryRole::Member => "Council member",
            EntryRole::Present => "Present",
            EntryRole::Absent => "Absent",
            EntryRole::Guest => "Guest",
            EntryRole::Nominee => "Nominee",
            EntryRole::FormerMember => "Former member",
        }
    }

    pub fn parse(s: &str) -> Option<EntryRole> {
        let s = s.to_ascii_lowercase().replace('_', "-");
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// The one role a row names for a person: the most telling of those they had.
    pub fn most_telling(roles: impl IntoIterator<Item = EntryRole>) -> Option<EntryRole> {
        roles.into_iter().max_by_key(|r| match r {
            EntryRole::Member => 0,
            EntryRole::FormerMember => 1,
            EntryRole::Nominee => 2,
            EntryRole::Present | EntryRole::Absent | EntryRole::Guest => 3,
        })
    }
}
