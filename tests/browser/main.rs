#![cfg(not(target_arch = "wasm32"))]
//! Browser tests: the built site, opened in headless Chromium through chromedriver and used as a
//! person would. They need `SITE_DIR` (a build made by `scripts/build-site --public-url /council/`)
//! and `/usr/bin/chromedriver`, so a plain `cargo test` skips them; `scripts/test` runs them.
//!
//! `harness` serves the site as a static host would, drives the browser, and reads values from
//! the page; the other modules are the tests, one file per concern. Every test ends with
//! `Browser::close`, which fails it if the page broke its Content-Security-Policy or logged an
//! error the test did not name.

mod harness;

mod accessibility;
mod axis;
mod failures;
mod find;
mod history;
mod pages;
mod prerender;
mod roles;
mod seams;
mod search;
mod security;
mod speed;
mod timeline;
