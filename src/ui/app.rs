//! The app shell: header, router, footer, and the data set's one load, handed down through
//! context.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;
use wasm_bindgen::JsCast;

use super::load::{load, Loaded};
use super::pages::{
    election::ElectionPage, elections::ElectionsPage, meeting::MeetingPage, not_found::NotFound,
    people::PeoplePage, pep::PepPage, peps::PepsPage, person::PersonPage, timeline::TimelinePage,
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
    let state = LocalResource::new(move || load(retry.get()));
    provide_context(DataHandle { state, retry });
    // The data is in (or failed): the live first view takes the prerendered one's place in
    // the next animation frame, by when the page has drawn it, and before that frame's paint.
    Effect::new(move |_| {
        if state.with(Option::is_some) {
            request_animation_frame(hand_over_when_drawn);
        }
    });
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
                <SiteNav/>
            </header>
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <NotFound what="page".to_string()/> }>
                    <Route path=path!("/") view=TimelinePage/>
                    <Route path=path!("/meetings/:id") view=MeetingPage/>
                    <Route path=path!("/elections/:year") view=ElectionPage/>
                    <Route path=path!("/elections") view=ElectionsPage/>
                    <Route path=path!("/peps") view=PepsPage/>
                    <Route path=path!("/peps/:number") view=PepPage/>
                    <Route path=path!("/people") view=PeoplePage/>
                    <Route path=path!("/people/:slug") view=PersonPage/>
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

/// The header's links to the four kinds of page. The one whose list is shown is marked
/// `aria-current="page"`; on a record of that kind (a PEP, a person, an election, a meeting)
/// its list is marked `aria-current="true"`.
#[component]
fn SiteNav() -> impl IntoView {
    let base = use_base();
    let location = use_location();
    let current = Memo::new({
        let base = base.0.clone();
        move |_| {
            let path = location.pathname.get();
            Page::parse(path.strip_prefix(base.as_str()).unwrap_or(&path))
        }
    });
    let links = [
        ("Timeline", Page::Home),
        ("PEPs", Page::Peps),
        ("People", Page::People),
        ("Elections", Page::Elections),
    ]
    .map(|(label, list)| {
        let href = base.href(&list);
        let aria = move || {
            let here = current.get();
            let within = matches!(
                (&list, &here),
                (Page::Home, Page::Meeting(_) | Page::MeetingItem(..))
                    | (Page::Peps, Page::Pep(_))
                    | (Page::People, Page::Person(_))
                    | (Page::Elections, Page::Election(_) | Page::Nomination(..))
            );
            if here == list {
                Some("page")
            } else if within {
                Some("true")
            } else {
                None
            }
        };
        view! { <li><a href=href aria-current=aria>{label}</a></li> }
    });
    view! {
        <nav class="site-nav" aria-label="Main">
            <ul>{links.into_iter().collect_view()}</ul>
        </nav>
    }
}

/// The site's description, as `index.html` has it: what a page without one of its own says.
pub const DESCRIPTION: &str = "Explore the Python Steering Council's elections, weekly meetings and PEP decisions on one timeline.";

/// Sets the tab's title, and the site's description until the page gives its own
/// ([`describe`]); every page calls it with what it shows.
pub fn set_title(what: &str) {
    document().set_title(&format!("{what} · Steering Council Explorer"));
    describe(DESCRIPTION);
}

/// Sets the page's `<meta name="description">`: a record's page says what it holds, so that
/// its prerendered HTML (scripts/prerender.mjs) gives a shared link a preview of its own.
pub fn describe(text: &str) {
    if let Ok(Some(meta)) = document().query_selector("meta[name=description]") {
        let _ = meta.set_attribute("content", text);
    }
}

/// Scrolls to the element the address's fragment names once the calling page has drawn it: a
/// page drawn after its data arrives is too late for the browser's own jump (a meeting's
/// `#item-N`, an election's `#<person>`).
pub fn jump_to_fragment() {
    Effect::new(move |_| {
        let hash = window().location().hash().unwrap_or_default();
        if let Some(el) = document().get_element_by_id(hash.trim_start_matches('#')) {
            el.scroll_into_view();
        }
    });
}

/// The page's first view as the build wrote it into its HTML (scripts/prerender.mjs), while
/// the page still has it.
fn prerendered() -> Option<web_sys::Element> {
    document().get_element_by_id("prerender")
}

/// Before the app mounts. A prerendered view belongs to one address; on any other (a query,
/// or a host that answers unknown paths with this file) the guard that scripts/prerender.mjs
/// puts in `<head>` has marked the page `stale-prerender` and the stylesheet hides the view.
/// Removing it too leaves one `#filter-q` for the app's own box.
pub fn drop_stale_prerender() {
    let elsewhere = document()
        .document_element()
        .is_some_and(|html| html.class_list().contains("stale-prerender"));
    if let (true, Some(view)) = (elsewhere, prerendered()) {
        view.remove();
    }
}

/// Hands over from the prerendered view once the live one has nothing left loading (a PEP
/// page fetches its details after the data set), checking again each frame until then: the
/// prerendered view already shows them, and swapping early would flash a loading notice.
fn hand_over_when_drawn() {
    let loading = document()
        .query_selector("#prerender ~ main .loading")
        .ok()
        .flatten()
        .is_some();
    if loading {
        request_animation_frame(hand_over_when_drawn);
    } else {
        hand_over_from_prerender();
    }
}

/// What can hold the focus, in the same order in the prerendered view and in the live one.
const FOCUSABLE: &str = "a[href], button, input, select, textarea, summary, [tabindex]";

/// Replaces the prerendered view with the live one, keeping what was typed into its search box
/// and the focus, should someone have started before the app was ready: a keyboard user may
/// have tabbed to a link, or begun a search.
fn hand_over_from_prerender() {
    let Some(view) = prerendered() else {
        return;
    };
    let text = view
        .query_selector("#filter-q")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|i| i.value())
        .unwrap_or_default();
    let focused = document().active_element().and_then(|active| {
        let position = nth_matching(&view, FOCUSABLE, |e| *e == active)?;
        Some((position, active))
    });
    view.remove();

    // The live element in the same place, if it is the same element: the live view may differ
    // (an error, say), and then the focus stays where the browser puts it.
    let same = |(position, was): (usize, web_sys::Element)| {
        let body = document().body()?;
        let live = nth_element(&body, FOCUSABLE, position)?;
        let alike = live.tag_name() == was.tag_name()
            && live.get_attribute("href") == was.get_attribute("href")
            && live.id() == was.id();
        alike.then_some(live)
    };
    let refocus = focused.and_then(same);

    if !text.is_empty() {
        if let Some(input) = document()
            .get_element_by_id("filter-q")
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            input.set_value(&text);
            let init = web_sys::EventInit::new();
            init.set_bubbles(true);
            if let Ok(event) = web_sys::Event::new_with_event_init_dict("input", &init) {
                let _ = input.dispatch_event(&event);
            }
        }
    }
    if let Some(live) = refocus.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = live.focus();
    }
}

/// The position among `root`'s elements matching `css` of the first one `is` picks.
fn nth_matching(
    root: &web_sys::Element,
    css: &str,
    is: impl Fn(&web_sys::Element) -> bool,
) -> Option<usize> {
    let list = root.query_selector_all(css).ok()?;
    (0..list.length()).position(|i| {
        list.item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|e| is(&e))
    })
}

/// `root`'s `position`th element matching `css`.
fn nth_element(root: &web_sys::Element, css: &str, position: usize) -> Option<web_sys::Element> {
    let list = root.query_selector_all(css).ok()?;
    list.item(u32::try_from(position).ok()?)?
        .dyn_into::<web_sys::Element>()
        .ok()
}
