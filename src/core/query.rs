//! The search box's language and its URL form. The box's text (`q`) is the only state: it holds
//! free words (matched as word prefixes, case- and accent-insensitive), `"quoted phrases"` and
//! GitHub-style qualifiers (`pep:703`, `person:pablo`, `kind:decision`, `outcome:rejected`,
//! `year:2023`, `term:2024`, `date:2022-01..2022-06`, `before:2022-06`, `after:2021-01-15`,
//! `role:guest`, `by:delegate`). The filter controls read and
//! write qualifiers inside that text, so the two can never disagree; the URL holds it as `q=`
//! (older links with `person=`, `pep=`, `kind=`, `term=`, `year=` are read into the same
//! qualifiers). Reading the text never fails: a piece that cannot be used becomes a
//! [`Problem`] and the rest still applies.

use std::ops::Range;

use chrono::NaiveDate;

use super::axis::DateRange;
use super::kind::{EntryKind, EntryRole};
use super::model::{Decider, OutcomeKind};
use super::text::{fold, split_words};

/// What the timeline is narrowed to. `q`, the search box's text, is the state; the other fields
/// are read from it by `search::parse`, and the URL holds only `q`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// The search box's text as typed.
    pub q: String,
    /// The start of a person's name or id (folded).
    pub person: Option<String>,
    pub pep: Option<u16>,
    pub kind: Option<EntryKind>,
    pub outcome: Option<OutcomeKind>,
    pub term: Option<u16>,
    pub year: Option<i32>,
    /// Entries dated before this day.
    pub before: Option<NaiveDate>,
    /// Entries dated on or after this day (the first day after the period `after:` names).
    pub after: Option<NaiveDate>,
    /// Entries dated within this range, both ends included (`date:2022-01..2022-06`): the time
    /// axis's window.
    pub date: Option<DateRange>,
    /// Entries where someone (the person `person` names, if it is set) had this role.
    pub role: Option<EntryRole>,
    /// Decisions taken by the council or by a delegate.
    pub by: Option<Decider>,
    /// Free words, folded; each must start a word of the entry.
    pub words: Vec<String>,
    /// Quoted phrases, folded, their words split as free words are and joined by one space;
    /// each must appear with its words in order and next to each other.
    pub phrases: Vec<String>,
    /// Pieces of `q` that could not be used.
    pub problems: Vec<Problem>,
}

impl Filter {
    /// Reads the box's text.
    pub fn parse(q: &str) -> Filter {
        parse(q)
    }

    /// Reads a query string (with or without the leading `?`). Links from before the search
    /// box understood qualifiers (`?person=..&pep=..`) are turned into the same qualifiers in
    /// front of the text; their values that do not parse are dropped, as they always were.
    pub fn from_query(query: &str) -> Filter {
        let mut qualifiers: Vec<String> = Vec::new();
        let mut text = String::new();
        for (key, raw) in form_urlencoded::parse(query.trim_start_matches('?').as_bytes()) {
            let value = raw.trim();
            if value.is_empty() {
                continue;
            }
            let legacy = match key.as_ref() {
                "person" if super::dataset::is_slug(value) => Some(format!("person:{value}")),
                "pep" => parse_pep(value).map(|n| format!("pep:{n}")),
                "kind" => EntryKind::parse(value).map(|k| format!("kind:{}", k.as_str())),
                "term" => value.parse::<u16>().ok().map(|t| format!("term:{t}")),
                "year" => value
                    .parse::<i32>()
                    .ok()
                    .filter(|y| (1900..=2200).contains(y))
                    .map(|y| format!("year:{y}")),
                // Kept as typed, trailing space included: the box shows this text, and a space
                // just typed must not vanish on the next keystroke.
                "q" => {
                    text = raw.trim_start().to_string();
                    None
                }
                _ => None,
            };
            qualifiers.extend(legacy);
        }
        qualifiers.extend((!text.is_empty()).then_some(text));
        Filter::parse(&qualifiers.join(" "))
    }

    /// Whether a query string is in the older form `from_query` converts, so the page can
    /// put the converted form in the address bar.
    pub fn is_old_form(query: &str) -> bool {
        form_urlencoded::parse(query.trim_start_matches('?').as_bytes())
            .any(|(k, _)| matches!(k.as_ref(), "person" | "pep" | "kind" | "term" | "year"))
    }

    /// The query string for this filter, without `?`; empty when nothing is filtered.
    pub fn to_query(&self) -> String {
        to_query(&self.q)
    }

    pub fn is_empty(&self) -> bool {
        self.q.trim().is_empty()
    }
}

/// The query string that holds the box's text `q`, without `?`; empty for an empty search.
pub fn to_query(q: &str) -> String {
    if q.trim().is_empty() {
        return String::new();
    }
    form_urlencoded::Serializer::new(String::new())
        .append_pair("q", q)
        .finish()
}

/// A qualifier the box understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Qualifier {
    Pep,
    Person,
    Kind,
    Outcome,
    Year,
    Term,
    Date,
    Before,
    After,
    Role,
    By,
}

impl Qualifier {
    pub const ALL: [Qualifier; 11] = [
        Qualifier::Pep,
        Qualifier::Person,
        Qualifier::Kind,
        Qualifier::Outcome,
        Qualifier::Year,
        Qualifier::Term,
        Qualifier::Date,
        Qualifier::Before,
        Qualifier::After,
        Qualifier::Role,
        Qualifier::By,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Pep => "pep",
            Qualifier::Person => "person",
            Qualifier::Kind => "kind",
            Qualifier::Outcome => "outcome",
            Qualifier::Year => "year",
            Qualifier::Term => "term",
            Qualifier::Date => "date",
            Qualifier::Before => "before",
            Qualifier::After => "after",
            Qualifier::Role => "role",
            Qualifier::By => "by",
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
            Qualifier::Date => {
                "a day, month or year, or a range of them such as date:2022-01..2022-06".into()
            }
            Qualifier::Role => {
                format!("one of {}", EntryRole::ALL.map(|r| r.as_str()).join(", "))
            }
            Qualifier::By => format!("one of {}", Decider::ALL.map(|d| d.as_str()).join(", ")),
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
            Qualifier::Role => EntryRole::parse(value).map(|r| f.role = Some(r)),
            Qualifier::By => Decider::parse(&value.to_ascii_lowercase()).map(|d| f.by = Some(d)),
            // A range that cannot be read says why in its own words.
            Qualifier::Date => match DateRange::parse(value) {
                Ok(r) => {
                    f.date = Some(r);
                    Some(())
                }
                Err(why) => {
                    f.problems.push(Problem {
                        token: raw.to_string(),
                        message: format!("{why} It was left out."),
                    });
                    continue;
                }
            },
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

/// The value of the first `key:` piece in `text`, as typed (quotes removed), if there is one.
pub fn qualifier_text(text: &str, key: Qualifier) -> Option<String> {
    tokens(text)
        .into_iter()
        .find(|t| t.key.as_deref() == Some(key.as_str()))
        .map(|t| t.value)
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

/// A PEP number from `713`, `PEP 713`, `pep-0713`.
pub fn parse_pep(s: &str) -> Option<u16> {
    let s = s.trim().to_ascii_lowercase();
    let digits = s
        .trim_start_matches("pep")
        .trim_start_matches(['-', ' ', '_']);
    digits.parse().ok().filter(|&n| n <= 9999)
}
