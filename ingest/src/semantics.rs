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
use crate::words;

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
pub(crate) fn mask_urls(text: &str) -> String {
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

/// Code of Conduct and moderation matters, as whole words. "conduct" alone is not among them:
/// the council also conducts interviews, votes and mock elections.
const CONDUCT_WORDS: &[&str] = &[
    "code of conduct",
    "coc",
    "conduct wg",
    "conduct work group",
    "conduct working group",
    "conduct workgroup",
    "conduct issue",
    "conduct issues",
    "conduct report",
    "conduct reports",
    "conduct violation",
    "conduct violations",
    "conduct situation",
    "conduct situations",
    "conduct complaint",
    "conduct complaints",
    "ban",
    "bans",
    "banned",
    "suspension",
    "suspend",
    "suspended",
    "moderation",
    "moderator",
    "moderators",
    "harassment",
];

/// A no-meeting notice, as whole words (also how a dated section's first item says that no
/// regular meeting took place).
pub const NO_MEETING: &[&str] = &[
    "no meeting",
    "no regular meeting",
    "no sc meeting",
    "could not meet",
    "meeting was skipped",
    "not be meeting",
];

/// Words that say who was there, as whole words: an abbreviated council, a head-count, who
/// could meet.
const WHO_MET: &[&str] = &[
    "abbreviated steering council",
    "abbreviated meeting",
    "available to meet",
];

/// Words that say a member was away, as whole words, in an item that states attendance.
const AWAY: &[&str] = &[
    "traveling",
    "travelling",
    "jury duty",
    "were out",
    "was out",
    "on holiday",
    "on vacation",
    "was away",
    "were away",
    "absent",
    "could not make it",
];

/// Wording that says part of the council met without saying who or how many.
const VAGUE: &[&str] = &[
    "most of the steering council",
    "most of the sc",
    "subset of the sc",
    "subset of the steering council",
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

/// Whether `text` (an item's own line, or the topic it stands under) is about a Code of
/// Conduct or moderation matter: one of the words, or people written as initials ("S.K."),
/// which the notes use only for the people such matters concern.
pub fn is_conduct(text: &str) -> bool {
    words::has_any(text, CONDUCT_WORDS) || has_initials(text)
}

/// Two or more capital letters each followed by a dot, standing alone ("S.K.", "M.S."), other
/// than the abbreviations of places.
fn has_initials(text: &str) -> bool {
    const PLACES: &[&str] = &["U.S.", "U.K.", "E.U.", "U.N."];
    let b = text.as_bytes();
    (0..b.len()).any(|i| {
        let starts = i == 0 || !(b[i - 1] as char).is_alphanumeric() && b[i - 1] != b'.';
        let mut k = i;
        while k + 1 < b.len() && b[k].is_ascii_uppercase() && b[k + 1] == b'.' {
            k += 2;
        }
        starts
            && k - i >= 4
            && !b.get(k).is_some_and(u8::is_ascii_alphanumeric)
            && !PLACES.contains(&&text[i..k])
    })
}

/// Whether an item is a statement of who attended or that no meeting took place: its own
/// line says so, and the item is short (a long item that says it in passing is about
/// something else). A parenthetical "(who was absent …)" is an aside, not such a statement.
pub fn is_attendance(text: &str) -> bool {
    let whole = flatten(&mask_urls(text));
    let own = flatten(lead(text));
    whole.len() < 200
        && (words::has_any(&own, NO_MEETING)
            || words::has_any(&own, WHO_MET)
            || head_count(&own).is_some())
}

/// The item's kind. Conduct matters come before anything else so that they never show up as
/// a sync or a discussion with names attached; then an outcome makes a decision.
pub fn item_kind(
    conduct: bool,
    text: &str,
    has_outcome: bool,
    has_peps: bool,
    has_guest: bool,
) -> ItemKind {
    if conduct {
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

/// What a section's items say about attendance: a head-count ("4 SC members present", "only
/// N SC members could make it", "N/5 of us", "Three Steering Council members were
/// available"), who was there ("An abbreviated Steering Council (A, B; C and D were out)"),
/// who was away ("X (who was absent …)", "an abbreviated meeting, X was traveling"). Where
/// only those present are named, the other members of the term were away; where only those
/// away are named, the others were there.
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
        let count = head_count(&text);
        if let Some(count) = count {
            att.stated = true;
            att.count = Some(count);
        }
        let abbreviated = words::has(&text, "abbreviated");
        if abbreviated {
            for at in words::find_all(&text, "steering council") {
                let Some(inner) = text[at + "steering council".len()..]
                    .strip_prefix(" (")
                    .and_then(|rest| rest.split_once(')'))
                    .map(|(inner, _)| inner)
                else {
                    continue;
                };
                let (here, away) = inner.split_once(';').unwrap_or((inner, ""));
                att.stated = true;
                att.present
                    .extend(people.mentions(here, date).into_iter().filter(is_member));
                att.absent
                    .extend(people.mentions(away, date).into_iter().filter(is_member));
            }
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
        if abbreviated || count.is_some() || words::has(&text, "available to meet") {
            for clause in text.split(|c| ",.;()".contains(c)) {
                if words::has_any(clause, AWAY) {
                    let away: Vec<PersonId> = people
                        .mentions(clause, date)
                        .into_iter()
                        .filter(is_member)
                        .collect();
                    att.stated |= !away.is_empty();
                    att.absent.extend(away);
                }
            }
        }
    }
    att.present.sort();
    att.present.dedup();
    att.absent.sort();
    att.absent.dedup();
    att.present.retain(|p| !att.absent.contains(p));
    let others = |named: &[PersonId]| -> Vec<PersonId> {
        members
            .iter()
            .filter(|m| !named.contains(m))
            .cloned()
            .collect()
    };
    if att.present.is_empty() && !att.absent.is_empty() {
        att.present = others(&att.absent);
    } else if att.absent.is_empty() && !att.present.is_empty() {
        att.absent = others(&att.present);
    }
    att
}

/// Whether a section's items say that part of the council met without saying who or how many
/// ("Most of the Steering Council met with …", "A subset of the SC had a call …").
pub fn vague_attendance(items: &[String]) -> bool {
    items.iter().any(|i| words::has_any(&flatten(i), VAGUE))
}

/// "N SC members present", "only N SC members could make it", "N/5 of us", "Three Steering
/// Council members were available to meet".
fn head_count(text: &str) -> Option<u8> {
    let w = words::words(text);
    let number = |s: &str| -> Option<u8> {
        match s {
            "one" => Some(1),
            "two" => Some(2),
            "three" => Some(3),
            "four" => Some(4),
            "five" => Some(5),
            _ => s.parse().ok().filter(|n| (1..=5).contains(n)),
        }
    };
    let is = |i: usize, alternatives: &[&str]| {
        w.get(i)
            .is_some_and(|x| alternatives.contains(&x.text.as_str()))
    };
    for i in 0..w.len() {
        let Some(n) = number(&w[i].text) else {
            continue;
        };
        // "3/5 of us": the slash sits between the two numbers.
        if is(i + 1, &["5"])
            && text[w[i].end..w[i + 1].start] == *"/"
            && is(i + 2, &["of"])
            && is(i + 3, &["us"])
        {
            return Some(n);
        }
        let mut k = i + 1;
        if is(k, &["sc"]) {
            k += 1;
        } else if is(k, &["steering"]) && is(k + 1, &["council"]) {
            k += 2;
        } else {
            continue;
        }
        if !is(k, &["members"]) {
            continue;
        }
        k += 1;
        if is(k, &["were"]) {
            k += 1;
        }
        let stated = is(k, &["present", "available"])
            || (is(k, &["could"]) && is(k + 1, &["make"]) && is(k + 2, &["it"]));
        if stated {
            return Some(n);
        }
    }
    None
}

/// Why a guest was there, in a few words: their post from the people list, whether they had
/// served on the council before, and the occasion where the sentence that met them names one
/// (office hours, a hand-off).
pub fn guest_role(roles: &[Role], former_member: bool, sentence: &str) -> String {
    let post = if roles.contains(&Role::DeveloperInResidence) {
        Some("Developer-in-Residence")
    } else if roles.contains(&Role::PsfStaff) {
        Some("PSF staff")
    } else if roles.contains(&Role::ReleaseManager) {
        Some("Release manager")
    } else {
        None
    };
    let mut role = match (post, former_member) {
        (Some(post), true) => format!("{post}, former council member"),
        (Some(post), false) => post.to_string(),
        (None, true) => "Former council member".to_string(),
        (None, false) => "Guest".to_string(),
    };
    if words::has_any(sentence, &["office hour", "office hours"]) {
        role.push_str(" at office hours");
    } else if words::has_any(sentence, &["hand-off", "handoff", "hand over"]) {
        role.push_str(" at the hand-off");
    }
    role
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
        assert_eq!(
            head_count("Three Steering Council members were available"),
            Some(3)
        );
        assert_eq!(head_count("3 SC members present."), Some(3));
        assert_eq!(
            head_count("Delaying it until all of us have reread it"),
            None
        );
        assert_eq!(head_count("PEP 8 SC members present"), None);
    }

    #[test]
    fn conduct_matters_by_whole_words_and_initials() {
        for text in [
            "- Discussion on Code of Conduct violation",
            "- Checked in on two conduct issues.",
            "- The SC reviewed code of conduct reports.",
            "- A 3-month ban, which surprised some",
            "- Exploring ways to improve the feedback mechanism for moderators",
            "- The Conduct WG sent advice about developer S.K.",
            "- Voted to remove S.K. as a core dev",
            "- The SC agreed to issue a 3 month suspension",
        ] {
            assert!(is_conduct(text), "{text}");
        }
        // The issue's look-alikes: the verb "conduct", and capitals that are no one's initials.
        for text in [
            "- How to conduct votes well",
            "- Considered conducting mock elections",
            "- interviews that the SC conducted.",
            "- No meeting due to a U.S. holiday",
            "- SC discussed Ned B.'s proposal",
        ] {
            assert!(!is_conduct(text), "{text}");
        }
    }

    #[test]
    fn attendance_items_state_who_came_or_that_none_met() {
        for text in [
            "- No meeting due to holidays.",
            "[3.11.0 release](https://www.youtube.com/watch?v=x) day. No meeting.",
            "- The council will not be meeting next week.",
            "[ The SC could not meet this week ]",
            "- Small meeting, 3/5 of us. Talked about the conference.",
            "* 4 SC members present",
            "- Three SC members were available, Ada was traveling.",
            "- An abbreviated meeting, Ada was traveling.",
            "- No regular meeting this week. Two members had a call with a PM.",
        ] {
            assert!(is_attendance(text), "{text}");
        }
        // The issue's look-alikes.
        for text in [
            "* Waiting until all of us have read it.",
            "* Most of us need to read PEP 9.",
            "- Closing a list for lack of use.",
            "- Lack of use of office hours.",
            "- Agreed on PEP 9. Cy will write to Bo (who was absent from the meeting).",
            "* Discussed PyCon Typing Summit attendance.",
            "* Petr and Brett said that they won't attend.",
        ] {
            assert!(!is_attendance(text), "{text}");
        }
    }

    fn members() -> Vec<PersonId> {
        ["ada-example", "bo-sample", "cy-test", "di-demo", "ed-mock"]
            .map(String::from)
            .to_vec()
    }

    fn registry() -> Registry {
        Registry::from_json(
            "people.json",
            r#"[
              {"id": "ada-example", "name": "Ada Example", "aliases": ["Ada"]},
              {"id": "bo-sample", "name": "Bo Sample", "aliases": ["Bo"]},
              {"id": "cy-test", "name": "Cy Test", "aliases": ["Cy"]},
              {"id": "di-demo", "name": "Di Demo", "aliases": ["Di"]},
              {"id": "ed-mock", "name": "Ed Mock", "aliases": ["Ed"]},
              {"id": "flo-stub", "name": "Flo Stub", "aliases": ["Flo"]}
            ]"#,
        )
        .unwrap()
    }

    fn att(items: &[&str]) -> Attendance {
        let items: Vec<String> = items.iter().map(|s| s.to_string()).collect();
        let day = NaiveDate::from_ymd_opt(2023, 6, 5).unwrap();
        attendance(&items, &members(), &registry(), day)
    }

    // The issue: a head-count followed by named absentees recorded nobody absent.
    #[test]
    fn a_head_count_with_named_absentees() {
        let a = att(&["- Three SC members were available, Ada and Bo were traveling."]);
        assert!(a.stated);
        assert_eq!(a.count, Some(3));
        assert_eq!(a.absent, ["ada-example", "bo-sample"]);
        assert_eq!(a.present, ["cy-test", "di-demo", "ed-mock"]);
    }

    // The issue: sections naming only who was present left the other members unrecorded.
    #[test]
    fn a_list_of_who_was_there_makes_the_others_absent() {
        let a = att(&[
            "- An abbreviated Steering Council (Ada, Bo, Cy, and Di) met with Flo, and discussed:",
            "- A further abbreviated Steering Council (Ada, Bo, and Cy) discussed:",
        ]);
        assert_eq!(
            a.present,
            ["ada-example", "bo-sample", "cy-test", "di-demo"]
        );
        assert_eq!(a.absent, ["ed-mock"]);
        let a = att(&["- An abbreviated Steering Council (Ada, Bo, and Cy; Di and Ed were out on holiday) met."]);
        assert_eq!(a.present, ["ada-example", "bo-sample", "cy-test"]);
        assert_eq!(a.absent, ["di-demo", "ed-mock"]);
    }

    #[test]
    fn a_list_of_who_was_away_makes_the_others_present() {
        let a = att(&["- Cy will write to Ada (who was absent from the meeting)."]);
        assert_eq!(a.absent, ["ada-example"]);
        assert_eq!(a.present.len(), 4);
        let a = att(&["- An abbreviated meeting: Ada was traveling and Bo had jury duty."]);
        assert_eq!(a.absent, ["ada-example", "bo-sample"]);
        // Away words only count where the item states attendance.
        let a = att(&["- Ada was traveling to a conference and will report back."]);
        assert!(!a.stated && a.absent.is_empty());
    }

    #[test]
    fn vague_wording_is_noticed_not_stated() {
        let items = ["- Most of the Steering Council met with Flo.".to_string()];
        assert!(vague_attendance(&items));
        assert!(!att(&[items[0].as_str()]).stated);
    }

    // The issue: former council members who came back as guests showed as plain "Guest".
    #[test]
    fn guest_roles_say_a_former_member_and_the_occasion() {
        assert_eq!(
            guest_role(&[], true, "Guido attended today's meeting"),
            "Former council member"
        );
        assert_eq!(
            guest_role(&[], true, "Office hours visit from Carol"),
            "Former council member at office hours"
        );
        assert_eq!(
            guest_role(&[Role::DeveloperInResidence], true, "met with Petr"),
            "Developer-in-Residence, former council member"
        );
        assert_eq!(
            guest_role(&[Role::PsfStaff], false, "met with Ee"),
            "PSF staff"
        );
        assert_eq!(
            guest_role(&[], false, "a hand-off meeting with Victor"),
            "Guest at the hand-off"
        );
    }
}
