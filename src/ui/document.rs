//! The document around the app: the tab's title and the page's description. Every page sets
//! both for what it shows, so history, bookmarks and link previews name the right page.

use leptos::prelude::document;

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
