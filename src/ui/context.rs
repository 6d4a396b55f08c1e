//! What the app hands every page through context, each the narrowest handle the pages need:
//! the site's base path, and where the app is with a way to go elsewhere. (The data set's load
//! is handed down the same way, as `data::DataHandle`.)

use leptos::prelude::*;

use crate::core::route::{href, Route};

/// The site's base path (`""` at the root, `/council` under a sub-path), from the `<base>`
/// element Trunk writes for `--public-url`.
#[derive(Clone)]
pub struct Base(pub String);

impl Base {
    /// An `href` for a route, with the base added.
    pub fn href(&self, route: &Route) -> String {
        href(&self.0, route)
    }
}

pub fn use_base() -> Base {
    use_context::<Base>().unwrap_or(Base(String::new()))
}

/// Whether a navigation adds an entry to the browser's history (a choice, a link) or takes
/// the current one's place (the keystrokes of one search after the first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HistoryMode {
    Push,
    Replace,
}

/// Where the app is (the route the address bar holds) and how to go elsewhere. Pages read the
/// route's parameters from their props; the timeline and the PEP list, whose state lives in the
/// address, read it here and change it with [`Navigator::go`].
#[derive(Clone, Copy)]
pub struct Navigator {
    pub route: ReadSignal<Route>,
    go: Callback<(Route, HistoryMode)>,
}

impl Navigator {
    pub fn new(route: ReadSignal<Route>, go: Callback<(Route, HistoryMode)>) -> Navigator {
        Navigator { route, go }
    }

    /// Goes to `to`: the address bar, the history and the page follow.
    pub fn go(&self, to: Route, mode: HistoryMode) {
        self.go.run((to, mode));
    }
}

pub fn use_navigator() -> Navigator {
    expect_context::<Navigator>()
}
