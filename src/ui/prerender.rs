//! The hand-over from a page's prerendered first view (written into its HTML at build time by
//! scripts/prerender.mjs) to the live app: dropped at once where it belongs to another address,
//! else replaced once the live view has drawn the same page, keeping what was typed and where
//! the focus was.

use leptos::prelude::{document, request_animation_frame};
use wasm_bindgen::JsCast;

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
pub fn hand_over_when_drawn() {
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
