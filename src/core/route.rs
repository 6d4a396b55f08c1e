//! The app's paths: parsing a path into a `Route` and writing a route back as a path, so every
//! link in the app is built in one place (and gets the site's base path added in one place).

/// A page of the app, or a place on one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// The timeline (`/`); its filters live in the query string, see `filter`.
    Home,
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
    /// The PEPs the council touched (`/peps`); sort and outcome filter live in the query.
    Peps,
    /// One person's record (`/people/pablo-galindo-salgado`).
    Person(String),
    /// Everyone (`/people`).
    People,
    NotFound,
}

impl Route {
    /// Parses a path with the site's base already removed. The fragment, if any, is ignored
    /// except for items, whose `#item-N` is part of their address.
    pub fn parse(path: &str) -> Route {
        let (path, fragment) = path.split_once('#').unwrap_or((path, ""));
        let path = path.split('?').next().unwrap_or("");
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        match parts.as_slice() {
            [] => Route::Home,
            ["elections"] => Route::Elections,
            ["peps"] => Route::Peps,
            // Digits only (`0703` is PEP 703, as peps.python.org writes it), so `+7` or
            // `7e2` are not PEP numbers.
            ["peps", n] if (1..=4).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()) => {
                n.parse().map_or(Route::NotFound, Route::Pep)
            }
            ["people"] => Route::People,
            ["people", slug] if super::dataset::is_slug(slug) => Route::Person(slug.to_string()),
            ["meetings", id] if is_section_id(id) => {
                match fragment.strip_prefix("item-").and_then(|n| n.parse().ok()) {
                    Some(n) => Route::MeetingItem(id.to_string(), n),
                    None => Route::Meeting(id.to_string()),
                }
            }
            ["elections", year] => match year.parse() {
                Ok(y) if (2019..=2100).contains(&y) && !year.starts_with('+') => {
                    if fragment.is_empty() {
                        Route::Election(y)
                    } else {
                        Route::Nomination(y, fragment.to_string())
                    }
                }
                _ => Route::NotFound,
            },
            _ => Route::NotFound,
        }
    }

    /// The path of this route, starting with `/`, without the site's base.
    pub fn path(&self) -> String {
        match self {
            Route::Home => "/".to_string(),
            Route::Meeting(id) => format!("/meetings/{id}"),
            Route::MeetingItem(id, n) => format!("/meetings/{id}#item-{n}"),
            Route::Election(y) => format!("/elections/{y}"),
            Route::Nomination(y, person) => format!("/elections/{y}#{person}"),
            Route::Elections => "/elections".to_string(),
            Route::Pep(n) => format!("/peps/{n}"),
            Route::Peps => "/peps".to_string(),
            Route::Person(slug) => format!("/people/{slug}"),
            Route::People => "/people".to_string(),
            Route::NotFound => "/not-found".to_string(),
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

/// Joins the site's base (`""` or `/council`) and a route's path.
pub fn href(base: &str, route: &Route) -> String {
    format!("{}{}", base.trim_end_matches('/'), route.path())
}
