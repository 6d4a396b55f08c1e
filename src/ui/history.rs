//! The browser's history as the app uses it: entries the app pushes or replaces, back and
//! forward, and where a person was on a page, kept in that page's own entry (`history.state`)
//! so that back, forward and a reload bring it back: the scroll position, and how many rows
//! the timeline had drawn.
//!
//! This is `web_sys::History` itself. gloo-history (tried, version 0.3) keeps an entry's state
//! in memory under an id, so a reload loses it; and what it adds besides is a listener for
//! `popstate`, one line here.

use leptos::ev;
use leptos::prelude::{window, window_event_listener};
use wasm_bindgen::JsValue;
use web_sys::js_sys::{Object, Reflect};

/// What an entry remembers of its page.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Place {
    /// How far the page was scrolled, in CSS pixels.
    pub y: i32,
    /// How many rows the timeline had drawn, where "Show more" had drawn more.
    pub rows: Option<u32>,
}

impl Place {
    fn to_js(self) -> JsValue {
        let o = Object::new();
        let _ = Reflect::set(&o, &"y".into(), &self.y.into());
        if let Some(n) = self.rows {
            let _ = Reflect::set(&o, &"rows".into(), &n.into());
        }
        o.into()
    }

    fn from_js(v: &JsValue) -> Option<Place> {
        let number = |key: &str| Reflect::get(v, &key.into()).ok()?.as_f64();
        Some(Place {
            y: number("y")? as i32,
            rows: number("rows").map(|n| n as u32),
        })
    }
}

fn history() -> Option<web_sys::History> {
    window().history().ok()
}

/// Adds an entry for `address`; the page left keeps its place in its own entry.
pub fn push(address: &str) {
    remember(|p| p.y = scrolled());
    if let Some(h) = history() {
        let _ = h.push_state_with_url(&JsValue::NULL, "", Some(address));
    }
}

/// Puts `address` in the current entry's place, keeping what the entry remembers.
pub fn replace(address: &str) {
    let state = place().map_or(JsValue::NULL, Place::to_js);
    if let Some(h) = history() {
        let _ = h.replace_state_with_url(&state, "", Some(address));
    }
}

/// What the current entry remembers, if anything.
pub fn place() -> Option<Place> {
    Place::from_js(&history()?.state().ok()?)
}

/// Changes what the current entry remembers, keeping its address.
pub fn remember(change: impl FnOnce(&mut Place)) {
    let before = place();
    let mut now = before.unwrap_or_default();
    change(&mut now);
    if before != Some(now) {
        if let Some(h) = history() {
            let _ = h.replace_state(&now.to_js(), "");
        }
    }
}

/// Calls `then` after each step back or forward through the history, for as long as the page
/// lives (the app's navigation is set up once).
pub fn on_back_or_forward(then: impl Fn() + 'static) {
    std::mem::forget(window_event_listener(ev::popstate, move |_| then()));
}

/// The address bar's path, query and fragment.
pub fn current_address() -> String {
    let l = window().location();
    format!(
        "{}{}{}",
        l.pathname().unwrap_or_default(),
        l.search().unwrap_or_default(),
        l.hash().unwrap_or_default()
    )
}

/// How far the page is scrolled now.
pub fn scrolled() -> i32 {
    window().scroll_y().map_or(0, |y| y.round() as i32)
}
