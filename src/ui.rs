//! The Leptos UI: it only reads the core and draws it. `app` holds the router and the data
//! set's loading; `pages` are the views of one route each; `components` are pieces several
//! pages use.

pub mod app;
pub mod components;
pub mod load;
pub mod pages;
pub mod schedule;

/// Starts the app in the page's `<body>`.
pub fn mount() {
    console_error_panic_hook::set_once();
    app::drop_stale_prerender();
    leptos::mount::mount_to_body(app::App);
}
