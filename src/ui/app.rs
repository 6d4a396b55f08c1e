//! The app shell and its navigation. The shell is the header with the site's navigation, the
//! page the address names, and the footer. The navigation makes the address bar the app's
//! state: links are real `<a href>`s, and a plain click on one inside the site (no modifier
//! key, no new tab, no download) becomes a history entry and a new page without a reload; back
//! and forward come as `popstate`. Each page gets its parameters from one dispatch on
//! `Route::parse`, the only route table.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::context::{use_base, Base, HistoryMode, Navigator};
use super::data::{load, DataHandle};
use super::history::{self, current_address, place};
use super::pages::{
    election::ElectionPage, elections::ElectionsPage, meeting::MeetingPage, not_found::NotFound,
    people::PeoplePage, pep::PepPage, peps::PepsPage, person::PersonPage, timeline::TimelinePage,
};
use super::prerender::hand_over_when_drawn;
use super::schedule::Later;
use crate::core::closest::Asked;
use crate::core::route::{href, Route};

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
    let navigator = navigation(base.clone());
    provide_context(navigator);
    // A page is drawn anew only when the page changes, not when the search or the place on it
    // does: those the page follows in place.
    let page = Memo::new(move |_| navigator.route.with(Route::page));
    let home = href(&base, &Route::home());

    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="site-header">
            <a class="brand" href=home>
                <span class="brand-mark" aria-hidden="true">"◆"</span>
                " Steering Council Explorer"
            </a>
            <span class="tagline">"Python's Steering Council, 2019–2026"</span>
            <SiteNav/>
        </header>
        <main id="main" tabindex="-1">{move || page_view(page.get())}</main>
        <footer class="site-footer">
            <p>
                "Built from the council's "
                <a href="https://github.com/python/steering-council/tree/main/updates">"published notes"</a>
                ", the "
                <a href="https://github.com/python/peps">"PEPs"</a>
                " and the election PEPs 8100–8107. Summaries are our own words; every record links to its original."
            </p>
        </footer>
    }
}

/// The page for `page` (a route as `Route::page` gives it), with its parameters as props.
fn page_view(page: Route) -> AnyView {
    match page {
        Route::Home { .. } => view! { <TimelinePage/> }.into_any(),
        Route::Meeting(id) | Route::MeetingItem(id, _) => view! { <MeetingPage id/> }.into_any(),
        Route::Election(year) | Route::Nomination(year, _) => {
            view! { <ElectionPage year/> }.into_any()
        }
        Route::Elections => view! { <ElectionsPage/> }.into_any(),
        Route::Pep(number) => view! { <PepPage number/> }.into_any(),
        Route::Peps(_) => view! { <PepsPage/> }.into_any(),
        Route::Person(slug) => view! { <PersonPage slug/> }.into_any(),
        Route::People => view! { <PeoplePage/> }.into_any(),
        Route::NotFound => {
            // No route, but the address may still say what it was after (`/peps/walrus`).
            let (base, address) = (use_base().0, current_address());
            let asked = Asked::from_address(address.strip_prefix(&base).unwrap_or(&address));
            view! { <NotFound asked/> }.into_any()
        }
    }
}

/// The header's links to the four kinds of page. The one whose list is shown is marked
/// `aria-current="page"`; on a record of that kind (a PEP, a person, an election, a meeting)
/// its list is marked `aria-current="true"`.
#[component]
fn SiteNav() -> impl IntoView {
    let base = use_base();
    let route = expect_context::<Navigator>().route;
    let here = Memo::new(move |_| route.with(Route::page));
    let links = [
        ("Timeline", Route::home()),
        ("PEPs", Route::peps()),
        ("People", Route::People),
        ("Elections", Route::Elections),
    ]
    .map(|(label, list)| {
        let href = base.href(&list);
        let aria = move || {
            here.with(|here| {
                if *here == list {
                    Some("page")
                } else if here.section() == list {
                    Some("true")
                } else {
                    None
                }
            })
        };
        view! { <li><a href=href aria-current=aria>{label}</a></li> }
    });
    view! {
        <nav class="site-nav" aria-label="Main">
            <ul>{links.into_iter().collect_view()}</ul>
        </nav>
    }
}

/// The site's base path (`""` at a domain's root, `/council` under a sub-path), from the
/// `<base>` Trunk writes for `--public-url`.
fn base_path() -> String {
    let uri = document().base_uri().ok().flatten().unwrap_or_default();
    let after_scheme = uri.split_once("://").map_or(uri.as_str(), |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("", |i| &after_scheme[i..]);
    path.trim_end_matches('/').to_string()
}

/// The route of `address` (a path with query and fragment, as the address bar has it).
fn route_of(base: &str, address: &str) -> Route {
    match address.strip_prefix(base) {
        Some(rest) if rest.is_empty() || rest.starts_with(['/', '?', '#']) => Route::parse(rest),
        _ => Route::NotFound,
    }
}

/// The address bar as the app's state: the route it holds, history entries for links and
/// choices, back and forward, the place on each page kept in its entry, and clicks on the
/// site's own links.
fn navigation(base: String) -> Navigator {
    if let Ok(h) = window().history() {
        // The app puts each page back where it was once the page is drawn; the browser's own
        // restoration would run before that, on a page still loading.
        let _ = h.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
    }
    let start = route_of(&base, &current_address());
    let (route, set_route) = signal(start.clone());
    // An address in an older or looser form (`?pep=703`, `/peps/0703`) takes the form the app
    // writes, so that what is shared is what the app would link to.
    if start != Route::NotFound && !same_address(&href(&base, &start), &current_address()) {
        history::replace(&href(&base, &start));
    }
    restore_when_drawn(
        match place() {
            Some(p) => Target::Place(p.y),
            None => Target::of(&start).unwrap_or(Target::Stay),
        },
        None,
    );

    let go = {
        let base = base.clone();
        Callback::new(move |(to, mode): (Route, HistoryMode)| {
            let from = route.get_untracked();
            let address = href(&base, &to);
            // Going where the page already is adds no step to the history (as a browser treats
            // a link to its own address): a choice made twice, a control's change and Enter.
            let mode = if address == current_address() {
                HistoryMode::Replace
            } else {
                mode
            };
            match mode {
                HistoryMode::Push => history::push(&address),
                HistoryMode::Replace => history::replace(&address),
            }
            let new_page = to.page() != from.page();
            let target = Target::of(&to);
            set_route.set(to);
            if mode == HistoryMode::Push {
                // A new page takes the focus into its content, so that Tab goes on from its
                // top and a screen reader starts reading there.
                if new_page {
                    focus_main_when_drawn();
                }
                if let Some(t) = target {
                    restore_when_drawn(t, None);
                } else if new_page {
                    restore_when_drawn(Target::Place(0), None);
                }
            }
        })
    };
    let navigator = Navigator::new(route, go);

    {
        let base = base.clone();
        history::on_back_or_forward(move || {
            let (left, to) = (route.get_untracked(), route_of(&base, &current_address()));
            // Back on the page a link was followed from, the focus goes to that link again.
            let link = (left.page() != to.page()).then(|| href(&base, &left));
            set_route.set(to);
            restore_when_drawn(
                match place() {
                    Some(p) => Target::Place(p.y),
                    None => Target::of(&route.get_untracked()).unwrap_or(Target::Place(0)),
                },
                link,
            );
        });
    }

    // Where the page is scrolled, kept in its entry a moment after scrolling stops (browsers
    // limit how often an entry may be rewritten).
    let save = Later::new();
    let scrolling = window_event_listener(ev::scroll, move |_| {
        save.after(std::time::Duration::from_millis(120), || {
            history::remember(|p| p.y = history::scrolled())
        });
    });
    let clicks = window_event_listener(ev::click, move |ev| follow_link(&ev, &base, navigator));
    on_cleanup(move || {
        scrolling.remove();
        clicks.remove();
    });
    navigator
}

/// Whether two addresses of the site say the same: the same path and query (the fragment is
/// a place on the page and is never rewritten).
fn same_address(a: &str, b: &str) -> bool {
    let strip = |s: &str| s.split('#').next().unwrap_or_default().to_string();
    strip(a) == strip(b)
}

/// A plain click on a link to a page of the site goes there inside the app; anything else
/// (another site, a modifier key or middle button for a new tab, `target`, `download`) is left
/// to the browser.
fn follow_link(ev: &ev::MouseEvent, base: &str, navigator: Navigator) {
    if ev.default_prevented()
        || ev.button() != 0
        || ev.meta_key()
        || ev.ctrl_key()
        || ev.shift_key()
        || ev.alt_key()
    {
        return;
    }
    let Some(link) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("a[href]").ok().flatten())
    else {
        return;
    };
    let target = link.get_attribute("target").unwrap_or_default();
    if link.has_attribute("download") || !(target.is_empty() || target == "_self") {
        return;
    }
    let href = link.get_attribute("href").unwrap_or_default();
    // A link to a place on this page (the skip link): with the site's <base>, the browser
    // would read it as a place on the home page.
    if let Some(id) = href.strip_prefix('#') {
        ev.prevent_default();
        if let Some(el) = document()
            .get_element_by_id(id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            el.scroll_into_view();
            let _ = el.focus();
        }
        return;
    }
    let base_uri = document().base_uri().ok().flatten().unwrap_or_default();
    let Ok(url) = web_sys::Url::new_with_base(&href, &base_uri) else {
        return;
    };
    if url.origin() != window().location().origin().unwrap_or_default() {
        return;
    }
    let address = format!("{}{}{}", url.pathname(), url.search(), url.hash());
    if address
        .strip_prefix(base)
        .is_none_or(|rest| !rest.is_empty() && !rest.starts_with(['/', '?']))
    {
        return;
    }
    ev.prevent_default();
    let to = route_of(base, &address);
    // The page shown, again: nothing new for the history (as a browser treats a link to the
    // address it is on), but its place, if the link names one.
    let mode = if same_address(&address, &current_address()) && url.hash().is_empty() {
        HistoryMode::Replace
    } else {
        HistoryMode::Push
    };
    navigator.go(to, mode);
}

/// Where a page should be once drawn.
#[derive(Debug, Clone, PartialEq)]
enum Target {
    /// Scrolled this far (0 for the top).
    Place(i32),
    /// At the element with this id (a meeting's `#item-3`, an election's `#<person>`).
    Element(String),
    /// Wherever it is.
    Stay,
}

impl Target {
    /// The element a route names a place on, if it does.
    fn of(route: &Route) -> Option<Target> {
        match route {
            Route::MeetingItem(_, n) => Some(Target::Element(format!("item-{n}"))),
            Route::Nomination(_, slug) => Some(Target::Element(slug.clone())),
            _ => None,
        }
    }
}

/// Gives the focus to the page's `<main>` once the page has been drawn (without scrolling: the
/// page's place is set apart).
fn focus_main_when_drawn() {
    request_animation_frame(|| {
        if let Some(main) = document().get_element_by_id("main") {
            focus_in_place(main);
        }
    });
}

/// Gives `el` the focus without scrolling it into view.
fn focus_in_place(el: web_sys::Element) {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = el
        .unchecked_into::<web_sys::HtmlElement>()
        .focus_with_options(&options);
}

/// How many frames a page may take to be drawn before it is put in place anyway (about two
/// seconds): the data set may still be loading, a PEP's details still coming.
const FRAMES: u32 = 120;

/// Puts the page at `target` as soon as it has been drawn far enough: its loading notices gone,
/// the prerendered view handed over, and the page long enough for the place (or the element
/// there), checked each frame before it is painted. Then the focus goes to the page's link to
/// `link`, if given and there is one, where it stands.
fn restore_when_drawn(target: Target, link: Option<String>) {
    fn attempt(target: Target, link: Option<String>, frames_left: u32) {
        let doc = document();
        let waiting = doc.get_element_by_id("prerender").is_some()
            || doc.query_selector("main .loading").ok().flatten().is_some();
        let done = !waiting
            && match &target {
                Target::Stay => true,
                Target::Place(y) => {
                    let room = doc.document_element().map_or(0, |e| e.scroll_height())
                        - window()
                            .inner_height()
                            .ok()
                            .and_then(|h| h.as_f64())
                            .unwrap_or(0.0) as i32;
                    if room >= *y || frames_left == 0 {
                        window().scroll_to_with_x_and_y(0.0, f64::from(*y));
                        true
                    } else {
                        false
                    }
                }
                Target::Element(id) => match doc.get_element_by_id(id) {
                    Some(el) => {
                        el.scroll_into_view();
                        true
                    }
                    None => frames_left == 0,
                },
            };
        if !done && frames_left > 0 {
            request_animation_frame(move || attempt(target, link, frames_left - 1));
        } else if let Some(a) = link.and_then(|l| {
            doc.query_selector(&format!("main a[href=\"{l}\"]"))
                .ok()
                .flatten()
        }) {
            focus_in_place(a);
        }
    }
    request_animation_frame(move || attempt(target, link, FRAMES));
}
