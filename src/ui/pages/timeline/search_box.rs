//! The search box: an ARIA combobox whose list suggests people and PEPs for the piece being
//! typed, with the query's problems explained beside it. Its text is the filter's `q`; it
//! reports edits and never keeps a copy of its own.

use std::sync::Arc;

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::query::{Filter, Problem};
use crate::core::search::suggest;
use crate::ui::data::Loaded;

/// How the search text changed: keys typed into the box (a burst of which is one step of the
/// history), or a choice (a control, a suggestion, Esc), which is a step of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Typing,
    Choice,
    /// A step of a gesture on the time axis (a drag, a wheel turn, a brush); `true` for its
    /// first step, which adds the history entry the later ones take the place of.
    Step(bool),
}

/// The search box's new text, and how it changed.
pub type Change = (String, Edit);

/// The box's element id; `/` focuses it and the results' ArrowUp leads back to it.
pub const BOX_ID: &str = "filter-q";
const LIST_ID: &str = "search-suggestions";

/// The search box with its autocomplete list and problem messages.
#[component]
pub fn SearchBox(
    /// The data set and its search index, for suggestions.
    loaded: Arc<Loaded>,
    /// The filter the URL holds; its `q` is the box's text.
    filter: Memo<Filter>,
    /// Problems found while running the query (a person no one matches).
    run_problems: Signal<Vec<Problem>>,
    /// Called with the box's new text, and whether it was typed or chosen.
    on_change: Callback<Change>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    let suggestions = Memo::new(move |_| filter.with(|f| suggest(&loaded.index, &f.q)));
    let expanded = move || open.get() && suggestions.with(|s| !s.is_empty());
    let choose = move |i: usize| {
        if let Some(s) = suggestions.with_untracked(|s| s.get(i).cloned()) {
            on_change.run((s.q, Edit::Choice));
        }
        open.set(false);
        active.set(None);
    };

    // `/` anywhere but in a field jumps to the box, as on many sites with search.
    let handle = window_event_listener(ev::keydown, move |ev| {
        if ev.key() == "/" && !ev.ctrl_key() && !ev.meta_key() && !ev.alt_key() && !in_field(&ev) {
            if let Some(el) = box_element() {
                ev.prevent_default();
                let _ = el.focus();
            }
        }
    });
    on_cleanup(move || handle.remove());

    let on_keydown = move |ev: ev::KeyboardEvent| {
        let n = suggestions.with_untracked(Vec::len);
        let listing = open.get_untracked() && n > 0;
        match ev.key().as_str() {
            "ArrowDown" if listing => {
                ev.prevent_default();
                active.update(|a| *a = Some(a.map_or(0, |i| (i + 1) % n)));
            }
            "ArrowUp" if listing => {
                ev.prevent_default();
                active.update(|a| *a = Some(a.map_or(n - 1, |i| (i + n - 1) % n)));
            }
            "ArrowDown" => {
                // Out of the box and onto the first result.
                if let Some(first) = document()
                    .query_selector("a.entry-link")
                    .ok()
                    .flatten()
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    ev.prevent_default();
                    let _ = first.focus();
                }
            }
            "Enter" => {
                if let (true, Some(i)) = (listing, active.get_untracked()) {
                    ev.prevent_default();
                    choose(i);
                }
            }
            "Escape" => {
                ev.prevent_default();
                if listing {
                    open.set(false);
                    active.set(None);
                } else if !filter.with_untracked(|f| f.q.is_empty()) {
                    on_change.run((String::new(), Edit::Choice));
                } else if let Some(el) = box_element() {
                    let _ = el.blur();
                }
            }
            _ => {}
        }
    };

    let problems = move || {
        let mut all = filter.with(|f| f.problems.clone());
        all.extend(run_problems.get());
        all
    };
    let options = move || {
        let current = active.get();
        suggestions
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, s)| {
                view! {
                    <li role="option" id=format!("suggestion-{i}") class="suggestion"
                        aria-selected=if current == Some(i) { "true" } else { "false" }
                        // Chosen on mousedown, before the box's blur closes the list.
                        on:mousedown=move |ev| { ev.prevent_default(); choose(i) }>
                        {s.label}
                    </li>
                }
            })
            .collect_view()
    };

    view! {
        <div class="search-box">
            <input id=BOX_ID type="search" placeholder="Words, names, PEP titles, or pep:703 person:pablo date:2023…"
                autocomplete="off" spellcheck="false"
                role="combobox" aria-autocomplete="list" aria-controls=LIST_ID
                aria-expanded=move || if expanded() { "true" } else { "false" }
                aria-activedescendant=move || active.get().filter(|_| expanded()).map(|i| format!("suggestion-{i}"))
                aria-describedby="search-hint search-problems"
                prop:value=move || filter.get().q
                on:input=move |ev| {
                    open.set(true);
                    active.set(None);
                    on_change.run((event_target_value(&ev), Edit::Typing));
                }
                on:keydown=on_keydown
                on:blur=move |_| open.set(false)/>
            <ul id=LIST_ID role="listbox" class="suggestions" aria-label="Suggestions" hidden=move || !expanded()>
                {options}
            </ul>
        </div>
        <p id="search-hint" class="search-hint">
            "Narrow with " <code>"pep:703"</code> " " <code>"person:pablo"</code> " " <code>"kind:decision"</code> " "
            <code>"outcome:rejected"</code> " " <code>"year:2023"</code> " " <code>"term:2024"</code> " "
            <code>"date:2022-01..2022-06"</code> " " <code>"role:guest"</code> " " <code>"by:delegate"</code> ". Press " <kbd>"/"</kbd>
            " to search, " <kbd>"↓"</kbd> " or " <kbd>"j"</kbd> "/" <kbd>"k"</kbd> " to move through results."
        </p>
        <p id="search-problems" class="search-problems" data-testid="search-problems" role="status" aria-live="polite">
            {move || problems().into_iter().map(|p| view! { <span class="problem">{p.message}</span> " " }).collect_view()}
        </p>
    }
}

fn box_element() -> Option<web_sys::HtmlElement> {
    document()
        .get_element_by_id(BOX_ID)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
}

/// Whether a key event comes from a place where keys type text.
pub fn in_field(ev: &ev::KeyboardEvent) -> bool {
    let Some(el) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.is_content_editable()
}
