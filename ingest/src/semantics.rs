//! What an item of the notes is about: the PEPs it refers to, the links it gives, the people
//! it names, what kind of item it is, and what a section says about attendance and guests.
//!
//! Everything here reads one item's Markdown at a time and knows no file layout (that is the
//! splitter's job, `notes.rs`). PEP references come in many shapes (DATA-NOTES §2): `PEP 703`,
//! `PEP-703`, `PEPs 634-636`, `PEP 634/635/636`, `PEPs 615 (…), 616 (…), and 617 (…)`,
//! `PEPs [667](…)/[558](…)`, links to three URL styles with no "PEP" in the text, and a few
//! names. A parenthesis right after a PEP number is that PEP's title and is skipped, so the
//! "PEP 509" inside PEP 699's title is not a reference.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use council_explorer::core::model::{Attendance, ItemKind, Link, PersonId, Role};

use crate::people::Registry;

/// PEPs referred to by a name instead of a number.
const NAMED: &[(&str, &[u16])] = &[("Pattern Matching PEPs", &[634, 635, 636])];

/// The PEP titles, to label links and to know which numbers are PEPs.
#[derive(Debug, Clone, Default)]
pub struct PepIndex {
    pub titles: BTreeMap<u16, String>,
}

impl PepIndex {
    pub fn exists(&self, n: u16) -> bool {
        self.titles.contains_key(&n)
    }
}

/// Joins lines and runs of spaces, so a reference split across lines (`[PEP\n  651]`) reads
/// as one.
pub fn flatten(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Does `url` point at a PEP, and which? Three styles: `peps.python.org/pep-0703/`,
/// `python.org/dev/peps/pep-0580/` and `github.com/python/peps/blob/…/pep-0580.rst`.
pub fn pep_of_url(url: &str) -> Option<u16> {
    let on_pep_site = url.contains("peps.python.org/")
        || url.contains("python.org/dev/peps/")
        || url.contains("github.com/python/peps/blob/");
    if !on_pep_site {
        return None;
    }
    let at = url.rfind("pep-")?;
    let digits: String = url[at + 4..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// Characters that end a URL in running text.
const URL_END: &str = ") ]><\"";

/// Markdown links `[label](url)` and bare `http(s)://` URLs, in order, with the byte span each
/// URL takes in `text` (for masking).
fn urls(text: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(pos) = text[from..].find("http") {
        let start = from + pos;
        let rest = &text[start..];
        if !(rest.starts_with("http://") || rest.starts_with("https://")) {
            from = start + 4;
            continue;
        }
        // A Markdown target ends at its closing parenthesis; a bare URL at a space or bracket.
        let in_target = text[..start].ends_with("](");
        let mut depth = 0;
        let mut end = text.len();
        for (i, c) in rest.char_indices() {
            let stop = match c {
                '(' => {
                    depth += 1;
                    false
                }
                ')' if depth > 0 => {
                    depth -= 1;
                    false
                }
                c if URL_END.contains(c) => true,
                _ => false,
            };
            if stop {
                end = start + i;
                break;
            }
        }
        let mut url = &text[start..end];
        if !in_target {
            url = url.trim_end_matches(|c| ".,;:*_".contains(c));
        }
        out.push((start, start + url.len(), url.to_string()));
        from = start + url.len().max(1);
    }
    out
}

/// The text with every URL blanked out, so slugs like `pep-703-…` in a forum address are not
/// read as references and link targets do not split a list of numbers.
fn mask_urls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (start, end, _) in urls(text) {
        out.push_str(&text[last..start]);
        last = end;
    }
    out.push_str(&text[last..]);
    out.replace("]()", "]")
}

/// The PEP numbers `text` refers to, in order of first mention, only numbers that are PEPs.
/// `unknown` collects numbers written as PEPs that have no file.
pub fn pep_refs(text: &str, peps: &PepIndex, unknown: &mut Vec<u16>) -> Vec<u16> {
    let text = flatten(text);
    let mut found: Vec<u16> = Vec::new();
    let mut push = |n: u16, found: &mut Vec<u16>| {
        if !peps.exists(n) {
            unknown.push(n);
        } else if !found.contains(&n) {
            found.push(n);
        }
    };
    for (_, _, url) in urls(&text) {
        if let Some(n) = pep_of_url(&url) {
            push(n, &mut found);
        }
    }
    let masked = mask_urls(&text);
    let bytes = masked.as_bytes();
    let mut i = 0;
    while let Some(pos) = masked[i..].find("PEP") {
        let start = i + pos;
        i = start + 3;
        if start > 0 && (bytes[start - 1] as char).is_alphanumeric() {
            continue;
        }
        let mut j = start + 3;
        if bytes.get(j) == Some(&b's') {
            j += 1;
        }
        let (numbers, end) = number_list(&masked, j);
        for n in numbers {
            push(n, &mut found);
        }
        i = i.max(end);
    }
    for (name, numbers) in NAMED {
        if masked.contains(name) {
            for n in *numbers {
                push(*n, &mut found);
            }
        }
    }
    found
}

/// Reads the numbers after "PEP"/"PEPs" starting at byte `at`: `703`, `-703`, ` [667]`,
/// ` (564, 649)`, lists joined by `/`, `,`, `and`, `&`, ranges `634-636`, each number
/// optionally followed by its title in parentheses. Returns the numbers and where reading
/// stopped.
fn number_list(s: &str, mut at: usize) -> (Vec<u16>, usize) {
    let b = s.as_bytes();
    let mut out: Vec<u16> = Vec::new();
    let skip = |at: &mut usize, set: &[u8]| {
        while b.get(*at).is_some_and(|c| set.contains(c)) {
            *at += 1;
        }
    };
    // Between "PEP" and the first number.
    skip(&mut at, b" -[(");
    let mut range_from: Option<u16> = None;
    loop {
        let digits_start = at;
        while b.get(at).is_some_and(u8::is_ascii_digit) {
            at += 1;
        }
        let digits = &s[digits_start..at];
        // A version ("3.10") or a word ("3rd") is not a PEP number; after the first number
        // a list only goes on with numbers of three or more digits ("PEP 649 and 2 others").
        let version = b.get(at) == Some(&b'.') && b.get(at + 1).is_some_and(u8::is_ascii_digit);
        let glued = b.get(at).is_some_and(|c| c.is_ascii_alphabetic());
        let too_short = !out.is_empty() && digits.len() < 3;
        if digits.is_empty() || digits.len() > 4 || version || glued || too_short {
            return (out, digits_start);
        }
        let n: u16 = digits.parse().unwrap_or(0);
        match range_from.take() {
            Some(prev) if n > prev && n - prev <= 10 => out.extend(prev + 1..=n),
            _ => out.push(n),
        }
        skip(&mut at, b"]");
        // The PEP's title in parentheses: skipped, so numbers inside it are not references.
        let mut look = at;
        skip(&mut look, b" ");
        if b.get(look) == Some(&b'(') {
            let mut depth = 0;
            for (k, c) in s[look..].char_indices() {
                match c {
                    '(' => depth += 1,
                    ')' => {
                        depth -= 1;
                        if depth == 0 {
                            at = look + k + 1;
                            break;
                        }
                    }
                    _ => {}
                }
            }
        }
        // A separator to a further number, which may carry its own "PEP" or "[".
        let rest = &s[at..];
        let Some(sep) = ["/", ", and ", ", ", " and ", " & ", "-", "\u{2013}"]
            .iter()
            .find(|p| rest.starts_with(**p))
        else {
            return (out, at);
        };
        let mut next = at + sep.len();
        if s[next..].starts_with("PEP ") {
            next += 4;
        }
        skip(&mut next, b"[");
        if !b.get(next).is_some_and(u8::is_ascii_digit) {
            return (out, at);
        }
        if *sep == "-" || *sep == "\u{2013}" {
            range_from = out.last().copied();
        }
        at = next;
    }
}

/// The links an item gives, with labels taken from facts (PEP titles, issue numbers, site
/// names) and never from the notes' own link text.
pub fn links(text: &str, peps: &PepIndex) -> Vec<Link> {
    let text = flatten(text);
    let mut out: Vec<Link> = Vec::new();
    for (_, _, url) in urls(&text) {
        if out.iter().any(|l| l.url == url) {
            continue;
        }
        out.push(Link {
            label: label_for(&url, peps),
            url,
        });
    }
    out
}

/// A neutral label for a URL.
pub fn label_for(url: &str, peps: &PepIndex) -> String {
    // A PEP's label is its header title alone: the number is in the URL, and a bare title is
    // a fact where "PEP N: title" would read as a sentence of the sources.
    if let Some(n) = pep_of_url(url) {
        return peps
            .titles
            .get(&n)
            .cloned()
            .unwrap_or_else(|| format!("PEP {n}"));
    }
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest
        .split('/')
        .next()
        .unwrap_or(rest)
        .trim_start_matches("www.");
    let path: Vec<&str> = rest.split('/').skip(1).filter(|p| !p.is_empty()).collect();
    match host {
        "github.com" if path.len() >= 4 && (path[2] == "issues" || path[2] == "pull") => {
            let number: String = path[3].chars().take_while(char::is_ascii_digit).collect();
            format!("{}/{}#{}", path[0], path[1], number)
        }
        "github.com" if path.len() >= 2 => format!("{}/{} on GitHub", path[0], path[1]),
        "bugs.python.org" => {
            let number: String = rest.chars().filter(char::is_ascii_digit).collect();
            format!("bpo-{number}")
        }
        "discuss.python.org" => "Discussion on discuss.python.org".to_string(),
        "mail.python.org" => match path.iter().position(|p| *p == "list") {
            Some(i) if i + 1 < path.len() => {
                format!(
                    "{} mailing list",
                    path[i + 1].trim_end_matches("@python.org")
                )
            }
            _ => "Mailing list archive".to_string(),
        },
        _ => host.to_string(),
    }
}

/// Words that say the council met someone rather than talked about them.
const MEETING_WORDS: &[&str] = &[
    "met with",
    "meeting with",
    "joined",
    "sync",
    "attended",
    "office hour",
    "talked to",
    "talked with",
    "chatting with",
    "introduced",
    "gave an update",
    "gave an overview",
    "update from",
    "checked in with",
    "check-in with",
    "discussed with",
];

/// Moderation and Code of Conduct matters; such items index no people (they may name or use
/// initials of the people concerned).
const CONDUCT_WORDS: &[&str] = &[
    "Code of Conduct",
    "code of conduct",
    "CoC",
    "conduct",
    "moderation",
    "suspension",
    "suspend",
    "ban ",
];

/// Sentences about who was (not) there.
const ATTENDANCE_WORDS: &[&str] = &[
    "members present",
    "could make it",
    "of us",
    "abbreviated",
    "no meeting",
    "No meeting",
    "Meeting was skipped",
    "was absent",
];

/// The item's own line, before any nested bullets: what the item is about, where the nested
/// bullets list the topics of, say, a sync.
pub fn lead(text: &str) -> &str {
    let mut end = text.len();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        if offset > 0 && line.len() > t.len() && (t.starts_with("- ") || t.starts_with("* ")) {
            end = offset;
            break;
        }
        offset += line.len();
    }
    &text[..end]
}

pub fn is_conduct(text: &str) -> bool {
    CONDUCT_WORDS.iter().any(|w| text.contains(w))
}

pub fn says_met(text: &str) -> bool {
    let lower = text.to_lowercase();
    MEETING_WORDS.iter().any(|w| lower.contains(w))
}

pub fn is_attendance(text: &str) -> bool {
    let text = flatten(text);
    // Attendance lines are short; a long item that mentions it in passing is about something else.
    text.len() < 200 && ATTENDANCE_WORDS.iter().any(|w| text.contains(w))
}

/// The item's kind. An outcome makes a decision; conduct matters come before anything else so
/// that they never show up as a sync or a discussion with names attached.
pub fn item_kind(text: &str, has_outcome: bool, has_peps: bool, has_guest: bool) -> ItemKind {
    if is_conduct(lead(text)) {
        ItemKind::Conduct
    } else if has_outcome {
        ItemKind::Decision
    } else if is_attendance(text) {
        ItemKind::Attendance
    } else if has_guest {
        ItemKind::GuestSync
    } else if has_peps {
        ItemKind::Discussion
    } else {
        ItemKind::Update
    }
}

/// What a section's items say about attendance: a head-count ("4 SC members present",
/// "only N SC members could make it", "N/5 of us"), or names ("abbreviated Steering Council
/// (A, B; C and D were out)", "X (who was absent …)", "X was traveling"). Where only absentees
/// are named, the other members of the term were there.
pub fn attendance(
    items: &[String],
    members: &[PersonId],
    people: &Registry,
    date: NaiveDate,
) -> Attendance {
    let mut att = Attendance::default();
    let is_member = |id: &PersonId| members.contains(id);
    for raw in items {
        let text = flatten(raw);
        if let Some(count) = head_count(&text) {
            att.stated = true;
            att.count = Some(count);
        }
        if let Some(inner) = text
            .find("Steering Council (")
            .filter(|_| text.contains("abbreviated"))
            .map(|at| &text[at + "Steering Council (".len()..])
            .and_then(|rest| rest.split_once(')').map(|(inner, _)| inner))
        {
            let (here, away) = inner.split_once(';').unwrap_or((inner, ""));
            att.stated = true;
            att.present
                .extend(people.mentions(here, date).into_iter().filter(is_member));
            att.absent
                .extend(people.mentions(away, date).into_iter().filter(is_member));
        }
        if let Some(at) = text.find("(who was absent") {
            if let Some(id) = people
                .mentions(&text[..at], date)
                .into_iter()
                .rfind(is_member)
            {
                att.stated = true;
                att.absent.push(id);
            }
        }
        if text.contains("abbreviated meeting") {
            for clause in text.split([',', '.']) {
                if ["traveling", "jury duty", "were out", "was out"]
                    .iter()
                    .any(|w| clause.contains(w))
                {
                    att.stated = true;
                    att.absent
                        .extend(people.mentions(clause, date).into_iter().filter(is_member));
                }
            }
        }
    }
    att.present.sort();
    att.present.dedup();
    att.absent.sort();
    att.absent.dedup();
    if att.present.is_empty() && !att.absent.is_empty() {
        att.present = members
            .iter()
            .filter(|m| !att.absent.contains(m))
            .cloned()
            .collect();
    }
    att
}

/// "N SC members present", "only N SC members could make it", "N/5 of us".
fn head_count(text: &str) -> Option<u8> {
    let words: Vec<&str> = text.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        let tail = words[i + 1..].join(" ");
        if let Ok(n) = w.parse::<u8>() {
            if tail.starts_with("SC members present")
                || tail.starts_with("SC members could make it")
            {
                return Some(n);
            }
        }
        if let Some((n, of)) = w.split_once('/') {
            if of == "5" && tail.starts_with("of us") {
                return n.parse().ok();
            }
        }
    }
    None
}

/// Why a guest was there, in a few words, from their roles in the people list.
pub fn guest_role(roles: &[Role]) -> &'static str {
    if roles.contains(&Role::DeveloperInResidence) {
        "Developer-in-Residence"
    } else if roles.contains(&Role::PsfStaff) {
        "PSF staff"
    } else if roles.contains(&Role::ReleaseManager) {
        "Release manager"
    } else if roles.contains(&Role::CouncilMember) {
        "Former council member"
    } else {
        "Guest"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> PepIndex {
        let mut titles = BTreeMap::new();
        for n in [
            2, 4, 8, 13, 411, 509, 558, 563, 564, 580, 615, 616, 617, 634, 635, 636, 649, 651, 667,
            699, 703, 2026,
        ] {
            titles.insert(n, format!("Title {n}"));
        }
        PepIndex { titles }
    }

    fn refs(text: &str) -> Vec<u16> {
        pep_refs(text, &index(), &mut Vec::new())
    }

    #[test]
    fn every_reference_form() {
        assert_eq!(refs("about PEP-703 today"), [703]);
        assert_eq!(refs("PEPs 634-636 again"), [634, 635, 636]);
        assert_eq!(refs("PEP 634/635/636, the same"), [634, 635, 636]);
        assert_eq!(
            refs("PEPs 615 (one thing), 616 (another), and 617 (a third)"),
            [615, 616, 617]
        );
        assert_eq!(refs("PEPs [667](https://peps.python.org/pep-0667/)/[558](https://peps.python.org/pep-0558/)"), [667, 558]);
        assert_eq!(
            refs("- [649 (Some title)](https://peps.python.org/pep-0649/)"),
            [649]
        );
        assert_eq!(
            refs("the [PEP\n  651](https://www.python.org/dev/peps/pep-0651/) draft"),
            [651]
        );
        assert_eq!(
            refs("see https://github.com/python/peps/blob/master/pep-0580.rst"),
            [580]
        );
        assert_eq!(refs("accepted the Pattern Matching PEPs"), [634, 635, 636]);
        assert_eq!(refs("typing annotation PEPs (564, 649)."), [564, 649]);
        assert_eq!(
            refs("[PEP 2 – A](u), [PEP 4 – B](v), and [PEP 411 – C](w)"),
            [2, 4, 411]
        );
        assert_eq!(refs("PEP 2026 (Calendar Versioning):"), [2026]);
    }

    #[test]
    fn a_pep_inside_a_title_is_not_a_reference() {
        assert_eq!(
            refs("[PEP 699 (Remove a field added in PEP 509)](https://peps.python.org/pep-0699/)"),
            [699]
        );
    }

    #[test]
    fn versions_and_forum_slugs_are_not_references() {
        assert_eq!(refs("PEP 563 and 3.10 are related"), [563]);
        assert_eq!(
            refs("[poll](https://discuss.python.org/t/pep-703-poll/1) about it"),
            Vec::<u16>::new()
        );
    }

    #[test]
    fn links_are_labelled_from_facts() {
        let l = links("decided to [reject it,](https://github.com/python/steering-council/issues/191#issuecomment-1) and see https://bugs.python.org/issue28468).", &index());
        assert_eq!(l[0].label, "python/steering-council#191");
        assert_eq!(l[1].label, "bpo-28468");
        assert_eq!(l[1].url, "https://bugs.python.org/issue28468");
    }

    #[test]
    fn head_counts() {
        assert_eq!(head_count("* 4 SC members present"), Some(4));
        assert_eq!(
            head_count("Skipped: just 2 SC members could make it"),
            Some(2)
        );
        assert_eq!(head_count("a short one, 3/5 of us."), Some(3));
    }
}
