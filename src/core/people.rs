//! What the data set records of each person: the terms they served, the elections they stood in
//! with their result, the meetings whose notes name them present, absent or as a guest, and the
//! items that mention them; their part in any one section (member present or absent, guest and
//! why, mentioned) and whether they had served before; plus the list of everyone, the council's
//! membership by term, and the person a name written in a source (a PEP header, a nomination)
//! means. Derived from the data set on demand; nothing here is stored.

use std::collections::HashMap;

use chrono::Datelike;

use super::dataset::Dataset;
use super::elections::{ranking, Ranked};
use super::model::{Election, Item, Nomination, Person, Role, Section, Term};
use super::sort::{sort, sort_by, sort_by_key};
use super::text::fold;

/// One election a person stood in.
#[derive(Debug, Clone)]
pub struct Standing<'a> {
    pub election: &'a Election,
    /// Their line of the results, with their rank.
    pub result: Ranked<'a>,
    /// Candidates who did not withdraw, for "3rd of 10".
    pub of: usize,
    /// Their nomination (thread and platform), when the data set has it.
    pub nomination: Option<&'a Nomination>,
}

/// Everything the data set says about one person.
#[derive(Debug, Clone)]
pub struct PersonRecord<'a> {
    pub person: &'a Person,
    /// Terms they served on the council, oldest first.
    pub terms: Vec<&'a Term>,
    /// Elections they stood in, oldest first.
    pub standings: Vec<Standing<'a>>,
    /// Sections whose notes name them present (or, naming only absentees, imply it).
    pub present: Vec<&'a Section>,
    /// Sections whose notes name them absent.
    pub absent: Vec<&'a Section>,
    /// Sections they joined as a guest, with why.
    pub guest: Vec<(&'a Section, &'a str)>,
    /// Items that name them, in date order.
    pub items: Vec<(&'a Section, &'a Item)>,
    /// Sections during their terms whose notes state attendance at all (names or a
    /// head-count): what `present` and `absent` are out of.
    pub stated_in_terms: usize,
}

impl<'a> PersonRecord<'a> {
    /// The record of person `id`; `None` when no such person exists.
    pub fn new(data: &'a Dataset, id: &str) -> Option<PersonRecord<'a>> {
        let person = data.person(id)?;
        let has = |list: &[String]| list.iter().any(|p| p == id);
        let terms = data
            .parts
            .terms
            .iter()
            .filter(|t| has(&t.members))
            .collect();
        let standings = data
            .parts
            .elections
            .iter()
            .filter_map(|e| {
                let ranked = ranking(e);
                let of = ranked.iter().filter(|r| !r.candidate.withdrawn).count();
                let result = ranked.into_iter().find(|r| r.candidate.person == id)?;
                let nomination = data
                    .parts
                    .nominations
                    .iter()
                    .find(|n| n.term == e.term && n.person == id);
                Some(Standing {
                    election: e,
                    result,
                    of,
                    nomination,
                })
            })
            .collect();
        let sections = &data.parts.sections;
        let with = |pick: fn(&Section) -> &[String]| -> Vec<&'a Section> {
            sections.iter().filter(|s| has(pick(s))).collect()
        };
        Some(PersonRecord {
            person,
            terms,
            standings,
            present: with(|s| &s.attendance.present),
            absent: with(|s| &s.attendance.absent),
            guest: sections
                .iter()
                .flat_map(|s| {
                    s.guests
                        .iter()
                        .filter(|g| g.person == id)
                        .map(move |g| (s, g.role.as_str()))
                })
                .collect(),
            items: sections
                .iter()
                .flat_map(|s| s.items.iter().map(move |i| (s, i)))
                .filter(|(_, i)| has(&i.people))
                .collect(),
            stated_in_terms: sections
                .iter()
                .filter(|s| s.attendance.stated && member_in(data, id, s.term))
                .count(),
        })
    }

    /// The sections that say something of them, by year (newest first) and by their part in
    /// each: present, absent, guest, or named in an item. Sections of their own terms that
    /// name them nowhere say nothing of them and are left out.
    pub fn meetings_by_year(&self, data: &'a Dataset) -> Vec<YearOfMeetings<'a>> {
        let mut years: Vec<YearOfMeetings<'a>> = Vec::new();
        for s in data.parts.sections.iter().rev() {
            let Some(p) = participation(data, s, &self.person.id) else {
                continue;
            };
            let part = match p.part {
                Part::Member if p.items.is_empty() => continue,
                Part::Member => Part::Mentioned,
                other => other,
            };
            let year = s.date.year();
            if years.last().is_none_or(|(y, _)| *y != year) {
                years.push((year, Vec::new()));
            }
            let parts = &mut years.last_mut().expect("just pushed").1;
            match parts.iter_mut().find(|(q, _)| *q == part) {
                Some((_, list)) => list.push(s),
                None => parts.push((part, vec![s])),
            }
        }
        for (_, parts) in &mut years {
            sort_by_key(parts, |(part, _)| PARTS.iter().position(|p| p == part));
        }
        years
    }

    /// Term years served, e.g. `[2021, 2022, 2023]`.
    pub fn term_years(&self) -> Vec<u16> {
        self.terms.iter().map(|t| t.year).collect()
    }
}

/// A person's part in one section of the notes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    /// A member of the term in office, named present (or present by the notes naming only
    /// who was away).
    Present,
    /// A member of the term in office, named absent (or absent by the notes naming only who
    /// was there).
    Absent,
    /// A member of the term in office; the notes do not say whether they were there.
    Member,
    /// Not a member of the term; the notes say the council met them.
    Guest,
    /// Named in an item, none of the above.
    Mentioned,
}

impl Part {
    pub fn as_str(self) -> &'static str {
        match self {
            Part::Present => "present",
            Part::Absent => "absent",
            Part::Member => "member",
            Part::Guest => "guest",
            Part::Mentioned => "mentioned",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Part::Present => "Present",
            Part::Absent => "Absent",
            Part::Member => "Member",
            Part::Guest => "Guest",
            Part::Mentioned => "Mentioned",
        }
    }
}

/// One year of a person's meetings: the year, and the sections for each part they had.
pub type YearOfMeetings<'a> = (i32, Vec<(Part, Vec<&'a Section>)>);

/// The order a person's page lists their parts in.
const PARTS: [Part; 5] = [
    Part::Present,
    Part::Absent,
    Part::Guest,
    Part::Mentioned,
    Part::Member,
];

/// What one section records of one person.
#[derive(Debug, Clone)]
pub struct Participation<'a> {
    pub part: Part,
    /// For a guest, why they were there, in a few words ("Developer-in-Residence", "Former
    /// council member at office hours").
    pub guest_role: Option<&'a str>,
    /// They had served on the council in a term before the section's.
    pub former_member: bool,
    /// The section's items that name them.
    pub items: Vec<&'a Item>,
}

/// Person `id`'s part in `section`; `None` when the section has nothing to say of them (not a
/// member of its term, not a guest, named in none of its items).
pub fn participation<'a>(
    data: &Dataset,
    section: &'a Section,
    id: &str,
) -> Option<Participation<'a>> {
    let named = |list: &[String]| list.iter().any(|p| p == id);
    let guest = section.guests.iter().find(|g| g.person == id);
    let items: Vec<&Item> = section.items.iter().filter(|i| named(&i.people)).collect();
    let part = if member_in(data, id, section.term) {
        if named(&section.attendance.present) {
            Part::Present
        } else if named(&section.attendance.absent) {
            Part::Absent
        } else {
            Part::Member
        }
    } else if guest.is_some() {
        Part::Guest
    } else if !items.is_empty() {
        Part::Mentioned
    } else {
        return None;
    };
    Some(Participation {
        part,
        guest_role: guest.map(|g| g.role.as_str()),
        former_member: served_before(data, id, section.term),
        items,
    })
}

/// Whether `id` was a member of the council in term `year`.
pub fn member_in(data: &Dataset, id: &str, year: u16) -> bool {
    data.parts
        .terms
        .iter()
        .any(|t| t.year == year && t.members.iter().any(|m| m == id))
}

/// Whether `id` served on the council in a term before `year` (a former member, when they are
/// not a member of `year`'s term).
pub fn served_before(data: &Dataset, id: &str, year: u16) -> bool {
    data.parts
        .terms
        .iter()
        .any(|t| t.year < year && t.members.iter().any(|m| m == id))
}

/// How many sections of the notes state attendance at all (names or a head-count); most do
/// not, so "named present" is out of these.
pub fn sections_stating_attendance(data: &Dataset) -> usize {
    data.parts
        .sections
        .iter()
        .filter(|s| s.attendance.stated)
        .count()
}

/// The person `name` means, as a PEP header or a nomination writes it: the one person whose name
/// or an alias it is, ignoring case and accents. `None` when nobody has it, or when more than one
/// person does (aliases such as a first name can be shared), so a link never guesses.
pub fn person_named<'a>(data: &'a Dataset, name: &str) -> Option<&'a Person> {
    let name = fold(name.trim());
    if name.is_empty() {
        return None;
    }
    let mut found = data.parts.people.iter().filter(|p| {
        std::iter::once(&p.name)
            .chain(&p.aliases)
            .any(|n| fold(n) == name)
    });
    let first = found.next()?;
    found.next().is_none().then_some(first)
}

/// One line of the list of everyone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonSummary {
    pub id: String,
    pub name: String,
    pub roles: Vec<Role>,
    pub note: Option<String>,
    /// Terms served, oldest first.
    pub terms: Vec<u16>,
    /// Elections stood in.
    pub elections: usize,
    /// Items that name them.
    pub items: usize,
    /// Sections that name them present, absent or as a guest.
    pub meetings: usize,
}

/// Everyone in the data set, by name, with counts worked out in one pass over the notes.
pub fn everyone(data: &Dataset) -> Vec<PersonSummary> {
    let mut items: HashMap<&str, usize> = HashMap::new();
    let mut meetings: HashMap<&str, usize> = HashMap::new();
    for s in &data.parts.sections {
        let mut named: Vec<&str> = s
            .attendance
            .present
            .iter()
            .chain(&s.attendance.absent)
            .chain(s.guests.iter().map(|g| &g.person))
            .map(String::as_str)
            .collect();
        sort(&mut named);
        named.dedup();
        for id in named {
            *meetings.entry(id).or_default() += 1;
        }
        for i in &s.items {
            for id in &i.people {
                *items.entry(id.as_str()).or_default() += 1;
            }
        }
    }
    let mut out: Vec<PersonSummary> = data
        .parts
        .people
        .iter()
        .map(|p| PersonSummary {
            id: p.id.clone(),
            name: p.name.clone(),
            roles: p.roles.clone(),
            note: p.note.clone(),
            terms: data
                .parts
                .terms
                .iter()
                .filter(|t| t.members.contains(&p.id))
                .map(|t| t.year)
                .collect(),
            elections: data
                .parts
                .elections
                .iter()
                .filter(|e| e.candidates.iter().any(|c| c.person == p.id))
                .count(),
            items: items.get(p.id.as_str()).copied().unwrap_or(0),
            meetings: meetings.get(p.id.as_str()).copied().unwrap_or(0),
        })
        .collect();
    sort_by(&mut out, |a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
    out
}

/// One council member's lane in the membership chart: the terms they served.
#[derive(Debug, Clone)]
pub struct Lane<'a> {
    pub person: &'a Person,
    pub terms: Vec<&'a Term>,
}

/// Everyone who served on the council, in order of their first term (then by name), with the
/// terms they served.
pub fn membership(data: &Dataset) -> Vec<Lane<'_>> {
    let mut lanes: Vec<Lane> = data
        .parts
        .people
        .iter()
        .filter_map(|p| {
            let terms: Vec<&Term> = data
                .parts
                .terms
                .iter()
                .filter(|t| t.members.contains(&p.id))
                .collect();
            (!terms.is_empty()).then_some(Lane { person: p, terms })
        })
        .collect();
    sort_by(&mut lanes, |a, b| {
        let first = |l: &Lane| l.terms.iter().map(|t| t.year).min();
        first(a)
            .cmp(&first(b))
            .then(a.person.name.cmp(&b.person.name))
            .then(a.person.id.cmp(&b.person.id))
    });
    lanes
}
