//! The Leptos UI: it only reads the core and draws it. `app` is the shell and the navigation;
//! `pages` are the views of one route each (the timeline's own pieces under
//! `pages/timeline/`); `components` are pieces several pages use. Around them: what the app
//! hands down (`context`), the data set's loading and its view (`data`), the tab's title and
//! description (`document`), the history entries and the place kept in them (`history`), the
//! hand-over from the prerendered HTML (`prerender`), and work left for after a paint or a
//! delay (`schedule`).

mod app;
pub mod components;
pub mod context;
pub mod data;
pub mod document;
pub mod history;
pub mod pages;
mod prerender;
pub mod schedule;

/// Starts the app in the page's `<body>`.
pub fn mount() {
    console_error_panic_hook::set_once();
    prerender::drop_stale_prerender();
    leptos::mount::mount_to_body(app::App);
}
