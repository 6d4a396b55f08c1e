//! Search: the language of the search box, a word index built once per load, ranking,
//! highlighting, autocomplete and "how to widen" hints.
//!
//! The box's text is the only state. It holds free words (matched as word prefixes, case- and
//! accent-insensitive), `"quoted phrases"` and GitHub-style qualifiers (`pep:703`,
//! `person:pablo`, `kind:decision`, `outcome:rejected`, `year:2023`, `term:2024`,
//! `before:2022-06`, `after:2021-01-15`). The filter controls read and write qualifiers inside
//! that text, so the two can never disagree.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};

use super::dataset::Dataset;
use super::filter::{parse_pep, Facet, Filter};
use super::model::{OutcomeKind, PersonId};
use super::sort::{sort, sort_by_key};
use super::timeline::{fold, Entry, EntryKind};

/// A qualifier the box understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Qualifier {
    Pep,
    Person,
    Kind,
    Outcome,
    Year,
    Term,
    Before,
    After,
}

impl Qualifier {
    pub const ALL: [Qualifier; 8] = [
        Qualifier::Pep,
        Qualifier::Person,
        Qualifier::Kind,
        Qualifier::Outcome,
        Qualifier::Year,
        Qualifier::Term,
        Qualifier::Before,
        Qualifier::After,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Pep => "pep",
            Qualifier::Person => "person",
            Qualifier::Kind => "kind",
            Qualifier::Outcome => "outcome",
            Qualifier::Year => "year",
            Qualifier::Term => "term",
            Qualifier::Before => "before",
            Qualifier::After => "after",
        }
    }

    pub fn parse(s: &str) -> Option<Qualifier> {
        let s = s.to_ascii_lowercase();
        Self::ALL.into_iter().find(|q| q.as_str() == s)
    }

    /// What a good value looks like, for the message shown when a value is bad.
    fn expects(self) -> String {
        match self {
            Qualifier::Pep => "a PEP number, such as pep:703".into(),
            Qualifier::Person => "the start of a name or id, such as person:pablo".into(),
            Qualifier::Kind => format!("one of {}", EntryKind::ALL.map(|k| k.as_str()).join(", ")),
            Qualifier::Outcome => {
                format!("one of {}", OutcomeKind::ALL.map(|k| k.as_str()).join(", "))
            }
            Qualifier::Year => "a year, such as year:2023".into(),
            Qualifier::Term => "a council term's year, such as term:2024".into(),
            Qualifier::Before | Qualifier::After => format!(
                "a date as YYYY, YYYY-MM or YYYY-MM-DD, such as {}:2022-06",
                self.as_str()
            ),
        }
    }
}

/// Something in the box that could not be used; the rest of the query still applies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The token as typed.
    pub token: String,
    /// What is wrong and what would work, in a sentence.
    pub message: String,
}

/// One whitespace-separated piece of the box's text (quotes keep spaces inside a piece).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte range of the piece in the text.
    pub span: Range<usize>,
    /// The text before the first `:` when it is a bare word (`pep` in `pep:703`).
    pub key: Option<String>,
    /// The value after the colon (or the whole piece), quotes removed.
    pub value: String,
    /// Whether the piece was quoted (a phrase).
    pub quoted: bool,
}

/// Splits `text` into pieces at whitespace outside double quotes.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut start = None;
    let mut in_quotes = false;
    let mut push = |span: Range<usize>| {
        let raw = &text[span.clone()];
        let colon = raw.find(':');
        let key = colon
            .map(|i| &raw[..i])
            .filter(|k| !k.is_empty() && k.bytes().all(|b| b.is_ascii_alphabetic()));
        let rest = match key {
            Some(k) => &raw[k.len() + 1..],
            None => raw,
        };
        out.push(Token {
            span,
            key: key.map(str::to_ascii_lowercase),
            value: rest.replace('"', ""),
            quoted: rest.starts_with('"'),
        });
    };
    for (i, c) in text.char_indices() {
        if c == '"' {
            in_quotes = !in_quotes;
        }
        if c.is_whitespace() && !in_quotes {
            if let Some(s) = start.take() {
                push(s..i);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        push(s..text.len());
    }
    out
}

/// Reads the box's text into a filter. Nothing here fails: a bad piece becomes a `Problem`
/// and is left out, so the rest of the query still narrows the timeline.
pub fn parse(text: &str) -> Filter {
    let mut f = Filter {
        q: text.to_string(),
        ..Filter::default()
    };
    for t in tokens(text) {
        let raw = &text[t.span.clone()];
        let Some(key) = &t.key else {
            add_text(&mut f, &t.value, t.quoted);
            continue;
        };
        let value = t.value.trim();
        let Some(q) = Qualifier::parse(key) else {
            f.problems.push(Problem {
                token: raw.to_string(),
                message: format!(
                    "\u{201c}{key}:\u{201d} is not a qualifier, so it was left out. Known ones: {}.",
                    Qualifier::ALL.map(|q| format!("{}:", q.as_str())).join(" ")
                ),
            });
            continue;
        };
        // A qualifier still being typed (`person:`) asks for nothing yet.
        if value.is_empty() {
            continue;
        }
        let ok = match q {
            Qualifier::Pep => parse_pep(value).map(|n| f.pep = Some(n)),
            Qualifier::Person => {
                f.person = Some(fold(value));
                Some(())
            }
            Qualifier::Kind => {
                EntryKind::parse(&value.to_ascii_lowercase()).map(|k| f.kind = Some(k))
            }
            Qualifier::Outcome => {
                let v = value.to_ascii_lowercase().replace('-', "_");
                OutcomeKind::ALL
                    .into_iter()
                    .find(|o| o.as_str() == v)
                    .map(|o| f.outcome = Some(o))
            }
            Qualifier::Year => parse_year(value).map(|y| f.year = Some(y)),
            Qualifier::Term => parse_year(value).map(|y| f.term = Some(y as u16)),
            Qualifier::Before => period(value).map(|(start, _)| f.before = Some(start)),
            Qualifier::After => period(value).map(|(_, end)| f.after = Some(end)),
        };
        if ok.is_none() {
            f.problems.push(Problem {
                token: raw.to_string(),
                message: format!(
                    "\u{201c}{value}\u{201d} is not a value {}: takes, so it was left out. It takes {}.",
                    q.as_str(),
                    q.expects()
                ),
            });
        }
    }
    f
}

fn add_text(f: &mut Filter, value: &str, quoted: bool) {
    let words: Vec<String> = split_words(&fold(value))
        .map(|(_, w)| w.to_string())
        .collect();
    if quoted && words.len() > 1 {
        f.phrases.push(words.join(" "));
    }
    f.words.extend(words);
}

fn parse_year(s: &str) -> Option<i32> {
    s.parse()
        .ok()
        .filter(|y| (1900..=2200).contains(y) && s.len() == 4)
}

/// The first day of a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` period and the first day after it.
pub fn period(s: &str) -> Option<(NaiveDate, NaiveDate)> {
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, len: usize| -> Option<u32> {
        (p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    };
    let year = parse_year(parts.first()?)?;
    match parts[1..] {
        [] => Some((
            NaiveDate::from_ymd_opt(year, 1, 1)?,
            NaiveDate::from_ymd_opt(year + 1, 1, 1)?,
        )),
        [m] => {
            let m = num(m, 2)?;
            let start = NaiveDate::from_ymd_opt(year, m, 1)?;
            let end = if m == 12 {
                NaiveDate::from_ymd_opt(year + 1, 1, 1)?
            } else {
                NaiveDate::from_ymd_opt(year, m + 1, 1)?
            };
            Some((start, end))
        }
        [m, d] => {
            let day = NaiveDate::from_ymd_opt(year, num(m, 2)?, num(d, 2)?)?;
            Some((day, day.succ_opt()?))
        }
        _ => None,
    }
}

/// The words of folded text with their byte offsets: runs of letters and digits.
fn split_words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}

/// `text` with every `key:` piece removed and, if `value` is given, `key:value` put where the
/// first one was (or at the end). Other pieces keep their order and spelling.
pub fn set_qualifier(text: &str, key: Qualifier, value: Option<&str>) -> String {
    let mut pieces: Vec<String> = Vec::new();
    let mut placed = false;
    let new = value.map(|v| {
        if v.contains(char::is_whitespace) {
            format!("{}:\"{v}\"", key.as_str())
        } else {
            format!("{}:{v}", key.as_str())
        }
    });
    for t in tokens(text) {
        if t.key.as_deref() == Some(key.as_str()) {
            if !placed {
                pieces.extend(new.clone());
                placed = true;
            }
        } else {
            pieces.push(text[t.span].to_string());
        }
    }
    if !placed {
        pieces.extend(new);
    }
    pieces.join(" ")
}

/// `text` without the piece at `span`.
pub fn drop_span(text: &str, span: Range<usize>) -> String {
    tokens(text)
        .into_iter()
        .filter(|t| t.span != span)
        .map(|t| text[t.span].to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

/// How strongly a word counts, by where it stands in the entry.
const IN_TITLE: u8 = 4;
const IN_DETAIL: u8 = 2;
const IN_BODY: u8 = 1;

/// One person's searchable forms: id, folded full name, folded words of names and aliases.
#[derive(Debug, Clone)]
struct PersonKeys {
    id: PersonId,
    name: String,
    keys: Vec<String>,
}

/// One entry's words, sorted, each with the weight of the most prominent place it stands in.
type Words = Vec<(Box<str>, u8)>;

/// What searching needs: people's names and PEP titles, worked out when the data set loads;
/// and each entry's words, sorted, with the weight of the most prominent place they stand in.
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// Worked out on first use (or by [`Index::warm`]), not at load: the first view searches no
    /// words, and building them is a good part of the time before it is drawn.
    words: OnceLock<Vec<Words>>,
    people: Vec<PersonKeys>,
    /// PEPs some entry mentions, with their titles, by number.
    peps: Vec<(u16, String)>,
}

impl Index {
    /// Builds the index of `entries` (the timeline of `data`).
    pub fn new(data: &Dataset, entries: &[Entry]) -> Index {
        let people = data
            .parts
            .people
            .iter()
            .map(|p| {
                let mut keys: Vec<String> = std::iter::once(p.name.as_str())
                    .chain(p.aliases.iter().map(String::as_str))
                    .flat_map(|n| {
                        let f = fold(n);
                        let mut out: Vec<String> =
                            split_words(&f).map(|(_, w)| w.to_string()).collect();
                        out.push(f);
                        out
                    })
                    .collect();
                keys.push(p.id.clone());
                sort(&mut keys);
                keys.dedup();
                PersonKeys {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    keys,
                }
            })
            .collect();
        let mut numbers: Vec<u16> = entries
            .iter()
            .flat_map(|e| e.peps.iter().copied())
            .collect();
        sort(&mut numbers);
        numbers.dedup();
        let peps = numbers
            .into_iter()
            .map(|n| (n, data.pep(n).map(|p| p.title.clone()).unwrap_or_default()))
            .collect();
        Index {
            words: OnceLock::new(),
            people,
            peps,
        }
    }

    /// Works out the entries' words now, if no search has yet: called once the first view is
    /// drawn, so that the first search does not wait for them.
    pub fn warm(&self, entries: &[Entry]) {
        self.words(entries);
    }

    /// Each entry's words (`entries` are the ones the index was built from).
    fn words(&self, entries: &[Entry]) -> &[Words] {
        self.words.get_or_init(|| {
            entries
                .iter()
                .map(|e| {
                    let mut best: HashMap<&str, u8> = HashMap::new();
                    let title = fold(&e.title);
                    let detail = fold(&e.detail);
                    for (text, weight) in [
                        (e.haystack.as_str(), IN_BODY),
                        (detail.as_str(), IN_DETAIL),
                        (title.as_str(), IN_TITLE),
                    ] {
                        for (_, w) in split_words(text) {
                            let slot = best.entry(w).or_insert(0);
                            *slot = (*slot).max(weight);
                        }
                    }
                    let mut list: Words = best.into_iter().map(|(w, n)| (w.into(), n)).collect();
                    sort(&mut list);
                    list
                })
                .collect()
        })
    }

    /// The ids of the people `prefix` names: the one whose id it is exactly, else everyone with
    /// an id, a name, or a word of a name that starts with it.
    pub fn people_matching(&self, prefix: &str) -> Vec<PersonId> {
        let prefix = fold(prefix);
        if let Some(p) = self.people.iter().find(|p| p.id == prefix) {
            return vec![p.id.clone()];
        }
        self.people
            .iter()
            .filter(|p| p.keys.iter().any(|k| k.starts_with(&prefix)))
            .map(|p| p.id.clone())
            .collect()
    }

    /// The relevance of entry `i` for the free text of `f`, or `None` when a word is missing.
    /// Each word adds the weight of the best place a word starting with it stands, plus one
    /// when it is the whole word.
    fn score(&self, entries: &[Entry], i: usize, f: &Filter) -> Option<u32> {
        let entry = &entries[i];
        let list: &[(Box<str>, u8)] = if f.words.is_empty() {
            &[]
        } else {
            &self.words(entries)[i]
        };
        let mut score = 0;
        for w in &f.words {
            let from = list.partition_point(|(x, _)| x.as_ref() < w.as_str());
            let mut best = None;
            for (x, weight) in list[from..]
                .iter()
                .take_while(|(x, _)| x.starts_with(w.as_str()))
            {
                let s = u32::from(*weight) * 2 + u32::from(x.as_ref() == w);
                best = best.max(Some(s));
            }
            score += best?;
        }
        for p in &f.phrases {
            if !entry.haystack.contains(p.as_str()) {
                return None;
            }
            score += 2;
        }
        Some(score)
    }
}

/// Counts of one facet: value → entries that would match with that value chosen.
pub type Counts = BTreeMap<String, usize>;

/// What a query found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Results {
    /// Indices into the entries, best first; ties (and every entry when there is no free text)
    /// keep the timeline's order, newest first.
    pub hits: Vec<usize>,
    /// For each facet of `FACETS`, the counts its control shows.
    pub counts: [Counts; 5],
    /// Problems found while resolving the query against the data (a person nobody matches).
    pub problems: Vec<Problem>,
}

/// The facets counted, in the order of `Results::counts`.
pub const FACETS: [Facet; 5] = [
    Facet::Person,
    Facet::Kind,
    Facet::Term,
    Facet::Year,
    Facet::Pep,
];

/// Runs `f` over `entries` in one pass: the ranked hits and every facet's counts.
pub fn run(index: &Index, entries: &[Entry], f: &Filter) -> Results {
    let mut problems = Vec::new();
    let people = f.person.as_ref().map(|p| {
        let ids = index.people_matching(p);
        if ids.is_empty() {
            problems.push(Problem {
                token: format!("person:{p}"),
                message: format!(
                    "No one's name or id starts with \u{201c}{p}\u{201d}, so nothing matches it."
                ),
            });
        }
        ids
    });
    let mut scored: Vec<(u32, usize)> = Vec::new();
    let mut person: HashMap<&str, usize> = HashMap::new();
    let mut kind: HashMap<EntryKind, usize> = HashMap::new();
    let mut term: HashMap<u16, usize> = HashMap::new();
    let mut year: HashMap<i32, usize> = HashMap::new();
    let mut pep: HashMap<u16, usize> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        let mut fails = f.fails(e, people.as_deref());
        let mut score = 0;
        if fails & Facet::OTHER == 0 {
            match index.score(entries, i, f) {
                Some(s) => score = s,
                None => fails |= Facet::OTHER,
            }
        }
        let without = |facet: Facet| fails & !facet.bit() == 0;
        if fails == 0 {
            scored.push((score, i));
        }
        if without(Facet::Person) {
            for p in &e.people {
                *person.entry(p.as_str()).or_default() += 1;
            }
        }
        if without(Facet::Kind) {
            *kind.entry(e.kind).or_default() += 1;
        }
        if without(Facet::Term) {
            *term.entry(e.term).or_default() += 1;
        }
        if without(Facet::Year) {
            *year.entry(e.date.year()).or_default() += 1;
        }
        if without(Facet::Pep) {
            for &n in &e.peps {
                *pep.entry(n).or_default() += 1;
            }
        }
    }
    // Stable: equal scores keep the timeline's order.
    sort_by_key(&mut scored, |&(s, _)| std::cmp::Reverse(s));
    // `collect` into a BTreeMap sorts with its own copy of the sort algorithm for each type of
    // iterator (see `core::sort`); inserting the keys one by one only reuses the map's insert.
    fn counts(pairs: impl Iterator<Item = (String, usize)>) -> Counts {
        let mut out = Counts::new();
        out.extend(pairs);
        out
    }
    fn strings<K: ToString>(m: HashMap<K, usize>) -> Counts {
        counts(m.into_iter().map(|(k, n)| (k.to_string(), n)))
    }
    Results {
        hits: scored.into_iter().map(|(_, i)| i).collect(),
        counts: [
            strings(person),
            counts(kind.into_iter().map(|(k, n)| (k.as_str().to_string(), n))),
            strings(term),
            strings(year),
            strings(pep),
        ],
        problems,
    }
}

/// One way to widen a query that found nothing: drop one piece.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Widen {
    /// The piece to drop, as typed.
    pub token: String,
    /// The box's text without it.
    pub q: String,
    /// How many entries that would show.
    pub count: usize,
}

/// For a query with no results: each piece whose removal alone brings results back, most
/// results first.
pub fn widen(index: &Index, entries: &[Entry], q: &str) -> Vec<Widen> {
    let mut out: Vec<Widen> = tokens(q)
        .into_iter()
        .filter_map(|t| {
            let token = q[t.span.clone()].to_string();
            let rest = drop_span(q, t.span);
            let count = run(index, entries, &parse(&rest)).hits.len();
            (count > 0).then_some(Widen {
                token,
                q: rest,
                count,
            })
        })
        .collect();
    sort_by_key(&mut out, |w| std::cmp::Reverse(w.count));
    out.truncate(4);
    out
}

/// Byte ranges of `text` to mark: the start of each word that one of the query's words begins,
/// as long as that query word.
pub fn highlight(text: &str, words: &[String]) -> Vec<Range<usize>> {
    if words.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut word_start = None;
    let ends = text
        .char_indices()
        .map(|(i, c)| (i, Some(c)))
        .chain(std::iter::once((text.len(), None)));
    for (i, c) in ends {
        match (c.is_some_and(char::is_alphanumeric), word_start) {
            (true, None) => word_start = Some(i),
            (false, Some(s)) => {
                if let Some(r) = mark_in_word(&text[s..i], words) {
                    out.push(s..s + r);
                }
                word_start = None;
            }
            _ => {}
        }
    }
    out
}

/// How many bytes at the start of `word` the longest query word matches, if any does. Folding
/// can change a letter's length ("Ł" is two bytes, "l" one), so the word is folded letter by
/// letter.
fn mark_in_word(word: &str, words: &[String]) -> Option<usize> {
    let mut folded = String::new();
    let mut best = None;
    for (i, c) in word.char_indices() {
        folded.push_str(&fold(c.encode_utf8(&mut [0; 4])));
        let end = i + c.len_utf8();
        if words.contains(&folded) {
            best = Some(end);
        }
        if !words.iter().any(|w| w.starts_with(folded.as_str())) {
            break;
        }
    }
    best
}

/// `text` cut into pieces, each marked or not, following `ranges` (sorted, not overlapping).
pub fn segments<'a>(text: &'a str, ranges: &[Range<usize>]) -> Vec<(&'a str, bool)> {
    let mut out = Vec::new();
    let mut at = 0;
    for r in ranges {
        if r.start < at || r.end > text.len() {
            continue;
        }
        if r.start > at {
            out.push((&text[at..r.start], false));
        }
        out.push((&text[r.clone()], true));
        at = r.end;
    }
    if at < text.len() {
        out.push((&text[at..], false));
    }
    out
}

/// An autocomplete choice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// What the list shows ("Pablo Galindo Salgado", "PEP 703: Making the GIL optional…").
    pub label: String,
    /// The box's whole text once chosen.
    pub q: String,
}

/// How many choices the list shows.
const SUGGESTIONS: usize = 8;

/// Choices for the piece being typed at the end of `q`: people for `person:…` or a bare name,
/// PEPs for `pep:…` or bare digits. Nothing once the text ends in a space.
pub fn suggest(index: &Index, q: &str) -> Vec<Suggestion> {
    if q.is_empty() || q.ends_with(char::is_whitespace) {
        return Vec::new();
    }
    let Some(last) = tokens(q).pop() else {
        return Vec::new();
    };
    let head = q[..last.span.start].to_string();
    let with = |piece: String| Suggestion {
        label: String::new(),
        q: format!("{head}{piece} "),
    };
    let value = fold(last.value.trim());
    let people = |limit: usize| {
        index
            .people
            .iter()
            .filter(|p| value.is_empty() || p.keys.iter().any(|k| k.starts_with(&value)))
            .take(limit)
            .map(|p| Suggestion {
                label: p.name.clone(),
                ..with(format!("person:{}", p.id))
            })
            .collect::<Vec<_>>()
    };
    let peps = |limit: usize| {
        let digits = value.bytes().all(|b| b.is_ascii_digit());
        index
            .peps
            .iter()
            .filter(|(n, title)| {
                if digits {
                    n.to_string().starts_with(&value)
                } else {
                    let title = fold(title);
                    split_words(&value)
                        .all(|(_, w)| split_words(&title).any(|(_, t)| t.starts_with(w)))
                }
            })
            .take(limit)
            .map(|(n, title)| Suggestion {
                label: format!("PEP {n}: {title}"),
                ..with(format!("pep:{n}"))
            })
            .collect::<Vec<_>>()
    };
    match last.key.as_deref() {
        Some("person") => people(SUGGESTIONS),
        Some("pep") => peps(SUGGESTIONS),
        Some(_) => Vec::new(),
        None if last.quoted || value.chars().count() < 2 => Vec::new(),
        None if value.bytes().all(|b| b.is_ascii_digit()) => peps(SUGGESTIONS),
        None => people(SUGGESTIONS),
    }
}
