//! The app's addresses: the one table of its pages. `Route::parse` reads an address (path,
//! query and fragment, the site's base removed) into a page with typed parameters, and
//! `Route::path` writes it back, so every link in the app is built here (and gets the site's
//! base added in one place, [`href`]). A page's state that lives in the address, the timeline's
//! search and the PEP list's sort and filter, is part of its route.

use super::dataset::is_slug;
use super::peps::PepQuery;
use super::query::{to_query, Filter};
use super::text::{fold, split_words};

/// A page of the app, or a place on one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// The timeline (`/`), narrowed by the search box's text `q` (`/?q=pep:703`), which holds
    /// every filter (see `query`).
    Home {
        q: String,
    },
    /// A section of the notes (`/meetings/2023-08-28`).
    Meeting(String),
    /// One item of a section (`/meetings/2023-08-28#item-3`).
    MeetingItem(String, u16),
    /// One election (`/elections/2023`).
    Election(u16),
    /// One nominee on their election's page (`/elections/2023#pablo-galindo-salgado`).
    Nomination(u16, String),
    /// Every election (`/elections`).
    Elections,
    /// One PEP's story with the council (`/peps/703`).
    Pep(u16),
    /// The PEPs the council touched (`/peps`), sorted and filtered (`?sort=…&outcome=…`).
    Peps(PepQuery),
    /// One person's record (`/people/pablo-galindo-salgado`; the name in any case, with or
    /// without accents, reads as the id: `/people/%C5%81ukasz-Langa` is `lukasz-langa`).
    Person(String),
    /// Everyone (`/people`).
    People,
    NotFound,
}

impl Route {
    /// The bare timeline.
    pub fn home() -> Route {
        Route::Home { q: String::new() }
    }

    /// The timeline narrowed by the search text `q`.
    pub fn search(q: impl Into<String>) -> Route {
        Route::Home { q: q.into() }
    }

    /// The PEP list in its default order, unfiltered.
    pub fn peps() -> Route {
        Route::Peps(PepQuery::default())
    }

    /// Parses an address with the site's base already removed. The fragment is ignored except
    /// for items and nominees, whose `#item-N` and `#<person>` are part of their address; the
    /// query only for the timeline and the PEP list.
    pub fn parse(address: &str) -> Route {
        let (rest, fragment) = address.split_once('#').unwrap_or((address, ""));
        let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        match parts.as_slice() {
            [] => Route::Home {
                q: Filter::from_query(query).q,
            },
            ["elections"] => Route::Elections,
            ["peps"] => Route::Peps(PepQuery::from_query(query)),
            // Digits only (`0703` is PEP 703, as peps.python.org writes it), so `+7` or
            // `7e2` are not PEP numbers.
            ["peps", n] if (1..=4).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()) => {
                n.parse().map_or(Route::NotFound, Route::Pep)
            }
            ["people"] => Route::People,
            ["people", who] => person_slug(who).map_or(Route::NotFound, Route::Person),
            ["meetings", id] if is_section_id(id) => {
                match fragment.strip_prefix("item-").and_then(|n| n.parse().ok()) {
                    Some(n) => Route::MeetingItem(id.to_string(), n),
                    None => Route::Meeting(id.to_string()),
                }
            }
            ["elections", year] if year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) => {
                match year.parse() {
                    Ok(y) if (2019..=2100).contains(&y) => {
                        if fragment.is_empty() {
                            Route::Election(y)
                        } else {
                            Route::Nomination(y, fragment.to_string())
                        }
                    }
                    _ => Route::NotFound,
                }
            }
            _ => Route::NotFound,
        }
    }

    /// The address of this route, starting with `/`, without the site's base.
    pub fn path(&self) -> String {
        let with_query = |path: &str, query: String| {
            if query.is_empty() {
                path.to_string()
            } else {
                format!("{path}?{query}")
            }
        };
        match self {
            Route::Home { q } => with_query("/", to_query(q)),
            Route::Meeting(id) => format!("/meetings/{id}"),
            Route::MeetingItem(id, n) => format!("/meetings/{id}#item-{n}"),
            Route::Election(y) => format!("/elections/{y}"),
            Route::Nomination(y, person) => format!("/elections/{y}#{person}"),
            Route::Elections => "/elections".to_string(),
            Route::Pep(n) => format!("/peps/{n}"),
            Route::Peps(query) => with_query("/peps", query.to_query()),
            Route::Person(slug) => format!("/people/{slug}"),
            Route::People => "/people".to_string(),
            Route::NotFound => "/not-found".to_string(),
        }
    }

    /// The page this route shows, without the state that changes in place on it (the search,
    /// the PEP list's order, the place on a page): a page is drawn anew only when this changes.
    pub fn page(&self) -> Route {
        match self {
            Route::Home { .. } => Route::home(),
            Route::MeetingItem(id, _) => Route::Meeting(id.clone()),
            Route::Nomination(y, _) => Route::Election(*y),
            Route::Peps(_) => Route::peps(),
            other => other.clone(),
        }
    }

    /// The list a record's page belongs to (a meeting's is the timeline), for the header's
    /// navigation; a list belongs to itself.
    pub fn section(&self) -> Route {
        match self.page() {
            Route::Meeting(_) => Route::home(),
            Route::Pep(_) => Route::peps(),
            Route::Person(_) => Route::People,
            Route::Election(_) => Route::Elections,
            other => other,
        }
    }
}

/// Whether `id` has the shape of a section id: characters of dates and slugs only. Whether
/// such a section exists is the data set's question.
pub fn is_section_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 40
        && id
            .bytes()
            .all(|b| b.is_ascii_digit() || b.is_ascii_lowercase() || b == b'-')
}

/// The person id an address's last part stands for: the id itself, or a name written another
/// way (`Lukasz-Langa`, `%C5%81ukasz-Langa`, `lukasz_langa`), folded to lowercase ASCII words
/// joined by hyphens as ids are; `None` when that is not the shape of an id. Whether such a
/// person exists is the data set's question.
pub fn person_slug(part: &str) -> Option<String> {
    let folded = fold(&percent_decode(part));
    let slug = split_words(&folded)
        .map(|(_, w)| w)
        .collect::<Vec<_>>()
        .join("-");
    is_slug(&slug).then_some(slug)
}

/// `s` with its `%XX` escapes decoded, as a browser writes a path's letters outside ASCII
/// (`%C5%81` for "Ł"); a `%` without two hex digits stays as it is, and bytes that are not
/// UTF-8 become U+FFFD.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let hex = |i: usize| bytes.get(i).and_then(|&b| (b as char).to_digit(16));
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match (bytes[i], hex(i + 1), hex(i + 2)) {
            (b'%', Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                i += 3;
            }
            (b, ..) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Joins the site's base (`""` or `/council`) and a route's address.
pub fn href(base: &str, route: &Route) -> String {
    format!("{}{}", base.trim_end_matches('/'), route.path())
}
