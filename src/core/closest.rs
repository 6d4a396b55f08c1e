//! What a not-found view offers in place of what was asked for: the meetings nearest the day a
//! meeting's address names, the people whose names come closest to a person's address, the
//! PEPs nearest a number or sharing words with a title, the elections nearest a term. Plain
//! functions of the data set; the view only draws the links they give.

use std::cmp::Reverse;

use chrono::NaiveDate;

use super::dataset::Dataset;
use super::model::{Election, Pep, Person, Section, SectionKind};
use super::route::{percent_decode, Route};
use super::sort::sort_by_key;
use super::text::{fold, split_words};

/// What an address asked for that the data set does not hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Asked {
    /// A section of the notes, by the id the address gives (`2023-08-29`).
    Meeting(String),
    /// A person, by the address's last part as written (`Lukas-Langa`).
    Person(String),
    /// A PEP, by number.
    Pep(u16),
    /// A PEP, by words of its title (`/peps/pattern-matching`).
    PepTitle(String),
    /// The election for a term.
    Election(u16),
    /// An address of no kind the site has, by its path (`/elections/abc`).
    Page(String),
}

impl Asked {
    /// What an address the route table turned away asked for, read from its path (the site's
    /// base removed), so that `/peps/pattern-matching` or `/people/Łukasz` still get a way on.
    pub fn from_address(address: &str) -> Asked {
        let path = address.split(['?', '#']).next().unwrap_or_default();
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        match parts.as_slice() {
            ["meetings", id] => Asked::Meeting(percent_decode(id)),
            ["people", who] => Asked::Person(percent_decode(who)),
            ["peps", n] => n
                .parse()
                .map_or_else(|_| Asked::PepTitle(percent_decode(n)), Asked::Pep),
            ["elections", y] => y
                .parse()
                .map_or_else(|_| Asked::Page(percent_decode(path)), Asked::Election),
            _ => Asked::Page(percent_decode(path)),
        }
    }

    /// What was asked for, in a few words: "meeting 2023-13-45", "PEP 9999".
    pub fn what(&self) -> String {
        match self {
            Asked::Meeting(id) => format!("meeting {id}"),
            Asked::Person(who) => format!("person \u{201c}{who}\u{201d}"),
            Asked::Pep(n) => format!("PEP {n}"),
            Asked::PepTitle(t) => format!("PEP \u{201c}{t}\u{201d}"),
            Asked::Election(y) => format!("election for the term {y}"),
            Asked::Page(path) => format!("page at {path}"),
        }
    }
}

/// The links a not-found view offers, best first, under a heading.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WayOn {
    /// What the links are ("The nearest notes"); empty when there are none.
    pub heading: &'static str,
    /// Where each link goes and what it reads.
    pub links: Vec<(Route, String)>,
}

/// What to offer in place of `asked`.
pub fn way_on(data: &Dataset, asked: &Asked) -> WayOn {
    let (heading, links): (&'static str, Vec<(Route, String)>) = match asked {
        Asked::Meeting(id) => {
            let day = day_of(id);
            let (before, after) = day.map_or((None, None), |d| nearest_notes(data, d));
            let link = |s: &Section, when: &str| {
                (
                    Route::Meeting(s.id.clone()),
                    format!("{when}: {}", s.title()),
                )
            };
            let links = before
                .map(|s| {
                    link(
                        s,
                        if Some(s.date) == day {
                            "On that day"
                        } else {
                            "Before it"
                        },
                    )
                })
                .into_iter()
                .chain(after.map(|s| link(s, "After it")))
                .collect();
            ("The nearest notes", links)
        }
        Asked::Person(who) => (
            "People with a name like it",
            closest_people(data, who)
                .into_iter()
                .map(|p| (Route::Person(p.id.clone()), p.name.clone()))
                .collect(),
        ),
        Asked::Pep(n) => ("The nearest PEPs", pep_links(nearest_peps(data, *n))),
        Asked::PepTitle(t) => ("PEPs with a title like it", pep_links(peps_titled(data, t))),
        Asked::Election(y) => (
            "The nearest elections",
            nearest_elections(data, *y)
                .into_iter()
                .map(|e| {
                    let label = format!("Election for the {} term", e.term);
                    (Route::Election(e.term), label)
                })
                .collect(),
        ),
        Asked::Page(_) => ("", Vec::new()),
    };
    WayOn {
        heading: if links.is_empty() { "" } else { heading },
        links,
    }
}

fn pep_links(peps: Vec<&Pep>) -> Vec<(Route, String)> {
    peps.into_iter()
        .map(|p| {
            (
                Route::Pep(p.number),
                format!("PEP {}: {}", p.number, p.title),
            )
        })
        .collect()
}

/// The day a section id starts with (`2023-08-28`, `2023-08-28-handoff`), read leniently: a
/// missing or single-digit month or day is read as such, and one past the calendar's end comes
/// down to its last day (`2023-13-45` is 2023-12-31), so a mistyped date still has neighbours.
pub fn day_of(id: &str) -> Option<NaiveDate> {
    let mut parts = id.split('-');
    let year = parts.next().filter(|y| y.len() == 4)?.parse().ok()?;
    let mut number = |default: u32, most: u32| {
        parts
            .next()
            .filter(|p| (1..=2).contains(&p.len()))
            .and_then(|p| p.parse::<u32>().ok())
            .map_or(default, |n| n.clamp(1, most))
    };
    let month = number(1, 12);
    let day = number(1, 31);
    (1..=day)
        .rev()
        .find_map(|d| NaiveDate::from_ymd_opt(year, month, d))
}

/// The last notes dated on or before `day` and the first after it: a meeting held, an update,
/// a recap or a summary (until 2021 the notes are updates and recaps, not minutes); a section
/// that only says no meeting took place is nothing to offer.
pub fn nearest_notes(data: &Dataset, day: NaiveDate) -> (Option<&Section>, Option<&Section>) {
    let held = || {
        data.parts
            .sections
            .iter()
            .filter(|s| s.held || s.kind != SectionKind::NoMeeting)
    };
    let before = held().filter(|s| s.date <= day).max_by_key(|s| s.date);
    let after = held().filter(|s| s.date > day).min_by_key(|s| s.date);
    (before, after)
}

/// Up to five people whose names, aliases or ids are most like the words of `asked` (folded:
/// case and accents do not matter), best first, ties by name.
pub fn closest_people<'a>(data: &'a Dataset, asked: &str) -> Vec<&'a Person> {
    let asked = words(asked);
    let mut scored: Vec<(u32, &Person)> = data
        .parts
        .people
        .iter()
        .filter_map(|p| {
            let mut keys = words(&p.name);
            keys.extend(p.aliases.iter().flat_map(|a| words(a)));
            keys.extend(p.id.split('-').map(str::to_string));
            let score: u32 = asked
                .iter()
                .map(|w| keys.iter().map(|k| likeness(w, k)).max().unwrap_or(0))
                .sum();
            (score > 0).then_some((score, p))
        })
        .collect();
    sort_by_key(&mut scored, |&(s, p)| (Reverse(s), p.name.as_str()));
    scored.into_iter().take(5).map(|(_, p)| p).collect()
}

/// How alike two folded words are: 3 when they are the same, 2 when one starts the other
/// ("lukas", "lukasz"), 1 when they share their first three letters ("lucas", "lukasz" do
/// not), else 0.
fn likeness(a: &str, b: &str) -> u32 {
    let shared = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    if a == b {
        3
    } else if shared >= 3 && shared == a.len().min(b.len()) {
        2
    } else if shared >= 3 {
        1
    } else {
        0
    }
}

/// The PEPs nearest `n`: two below it and two above, or more on one side where the other has
/// fewer, in number order.
pub fn nearest_peps(data: &Dataset, n: u16) -> Vec<&Pep> {
    let mut all: Vec<&Pep> = data.parts.peps.iter().filter(|p| p.number != n).collect();
    sort_by_key(&mut all, |p| p.number);
    let (below, above) = all.split_at(all.partition_point(|p| p.number < n));
    let up = above.len().min(4 - below.len().min(2));
    let down = below.len().min(4 - up);
    below[below.len() - down..]
        .iter()
        .chain(&above[..up])
        .copied()
        .collect()
}

/// Words too common in titles to tell PEPs apart.
const COMMON: [&str; 7] = ["the", "and", "for", "with", "from", "into", "pep"];

/// Up to five PEPs whose titles have the most of the words of `text` (a word of the title
/// starting with one counts half as much as the word itself), or whose number one of them is.
pub fn peps_titled<'a>(data: &'a Dataset, text: &str) -> Vec<&'a Pep> {
    let asked: Vec<String> = words(text)
        .into_iter()
        .filter(|w| (w.len() >= 3 && !COMMON.contains(&w.as_str())) || w.parse::<u16>().is_ok())
        .collect();
    let mut scored: Vec<(u32, &Pep)> = data
        .parts
        .peps
        .iter()
        .filter_map(|p| {
            let title = words(&p.title);
            let score: u32 = asked
                .iter()
                .map(|w| match w.parse::<u16>() {
                    Ok(n) => u32::from(n == p.number) * 4,
                    Err(_) => title
                        .iter()
                        .map(|t| u32::from(t.starts_with(w.as_str())) + u32::from(t == w))
                        .max()
                        .unwrap_or(0),
                })
                .sum();
            (score > 0).then_some((score, p))
        })
        .collect();
    sort_by_key(&mut scored, |&(s, _)| Reverse(s));
    scored.into_iter().take(5).map(|(_, p)| p).collect()
}

/// The two elections whose terms are nearest `term`, oldest first.
pub fn nearest_elections(data: &Dataset, term: u16) -> Vec<&Election> {
    let mut all: Vec<&Election> = data.parts.elections.iter().collect();
    sort_by_key(&mut all, |e| e.term.abs_diff(term));
    all.truncate(2);
    sort_by_key(&mut all, |e| e.term);
    all
}

fn words(s: &str) -> Vec<String> {
    split_words(&fold(s)).map(|(_, w)| w.to_string()).collect()
}
