//! The app shell: header, router, footer, and the data set's one load, handed down through
//! context.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use super::load::{load, Loaded};
use super::pages::{
    election::ElectionPage, meeting::MeetingPage, not_found::NotFound, timeline::TimelinePage,
};
use crate::core::dataset::DataError;
use crate::core::route::{href, Route as Page};

/// What every page reads: the data set's load (pending, failed or done) and how to retry it.
/// Pages get this rather than the resource's internals so they cannot start a second load.
#[derive(Clone, Copy)]
pub struct DataHandle {
    pub state: LocalResource<Result<Arc<Loaded>, DataError>>,
    pub retry: RwSignal<u32>,
}

/// The site's base path (`""` at the root, `/council` under a sub-path), from the `<base>`
/// element Trunk writes for `--public-url`.
#[derive(Clone)]
pub struct Base(pub String);

impl Base {
    /// An `href` for a route, with the base added.
    pub fn href(&self, route: &Page) -> String {
        href(&self.0, route)
    }
}

pub fn use_base() -> Base {
    use_context::<Base>().unwrap_or(Base(String::new()))
}

fn base_path() -> String {
    let uri = document().base_uri().ok().flatten().unwrap_or_default();
    let after_scheme = uri.split_once("://").map_or(uri.as_str(), |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("", |i| &after_scheme[i..]);
    path.trim_end_matches('/').to_string()
}

#[component]
pub fn App() -> impl IntoView {
    let base = base_path();
    provide_context(Base(base.clone()));
    let retry = RwSignal::new(0u32);
    let state = LocalResource::new(move || {
        retry.track();
        load()
    });
    provide_context(DataHandle { state, retry });
    let home = href(&base, &Page::Home);

    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <Router base=base>
            <header class="site-header">
                <a class="brand" href=home>
                    <span class="brand-mark" aria-hidden="true">"◆"</span>
                    " Steering Council Explorer"
                </a>
                <span class="tagline">"Python's Steering Council, 2019–2026"</span>
            </header>
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <NotFound what="page".to_string()/> }>
                    <Route path=path!("/") view=TimelinePage/>
                    <Route path=path!("/meetings/:id") view=MeetingPage/>
                    <Route path=path!("/elections/:year") view=ElectionPage/>
                </Routes>
            </main>
            <footer class="site-footer">
                <p>
                    "Built from the council's "
                    <a href="https://github.com/python/steering-council/tree/main/updates">"published notes"</a>
                    ", the "
                    <a href="https://github.com/python/peps">"PEPs"</a>
                    " and the election PEPs 8100–8107. Summaries are our own words; every record links to its original."
                </p>
            </footer>
        </Router>
    }
}

/// Sets the tab's title; every page calls it with what it shows.
pub fn set_title(what: &str) {
    document().set_title(&format!("{what} · Steering Council Explorer"));
}
