//! The timeline's filter controls. They show the qualifiers in the search box's text and
//! change a choice by rewriting that qualifier in the text; the page turns the new text into a
//! navigation, so the URL's `q` stays the only copy of the state.

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;

use super::search_box::{Change, Edit, SearchBox};
use crate::core::query::{parse_pep, set_qualifier, Filter, Qualifier};
use crate::core::search::{Counts, FacetCounts, Results};
use crate::core::sort::sort;
use crate::core::timeline::EntryKind;
use crate::ui::data::Loaded;
use crate::ui::schedule::Later;

/// The filter controls with a match count beside every choice.
#[component]
pub fn FilterBar(
    /// The data set, for the lists of people, PEPs, terms and years.
    loaded: Arc<Loaded>,
    /// The filter the URL holds.
    filter: Memo<Filter>,
    /// What the filter found, with the counts each control shows (in `search::FACETS` order).
    results: Memo<Results>,
    /// Called with each change.
    on_change: Callback<Change>,
) -> impl IntoView {
    // The counts sit inside closed lists, out of sight while someone types, and a list's new
    // options cost the browser text shaping and layout. So a keystroke's results are painted
    // first and the lists follow in the next task: this is the work the typist does not wait for.
    let counts = RwSignal::new(results.with_untracked(|r| r.counts.clone()));
    // Only the newest of the keystrokes that queued an update draws the lists.
    let later = Later::new();
    Effect::new(move |first: Option<()>| {
        results.track();
        if first.is_none() {
            return;
        }
        later.after_paint(move || {
            let now = results.with_untracked(|r| r.counts.clone());
            if counts.with_untracked(|c| *c != now) {
                counts.set(now);
            }
        });
    });
    // Each control follows its own qualifier, not every change of the text.
    let kind = Memo::new(move |_| filter.with(|f| f.kind));
    let term = Memo::new(move |_| filter.with(|f| f.term.map(|t| t.to_string())));
    let year = Memo::new(move |_| filter.with(|f| f.year.map(|y| y.to_string())));
    let pep = Memo::new(move |_| filter.with(|f| f.pep));
    let person = Memo::new(move |_| filter.with(|f| f.person.clone()));
    let set = move |key: Qualifier, value: Option<String>| {
        let q = filter.with_untracked(|f| set_qualifier(&f.q, key, value.as_deref()));
        on_change.run((q, Edit::Choice));
    };
    let index = loaded.clone();
    // The person control shows a person when the qualifier names exactly one.
    let chosen_person =
        Memo::new(move |_| person.with(|p| p.as_ref().map(|p| index.index.people_matching(p))));

    let data = loaded.clone();
    let person_options = move || {
        let c: BTreeMap<String, usize> = counts.with(|c| c.person.clone());
        let selected = match chosen_person.get() {
            Some(ids) if ids.len() == 1 => ids[0].clone(),
            _ => String::new(),
        };
        // As for years: the chosen person keeps their option even with no entries.
        let mut people: Vec<(&str, &str, usize)> = data
            .data
            .parts
            .people
            .iter()
            .filter_map(|p| {
                let n = c.get(&p.id).copied();
                let n = if p.id == selected {
                    Some(n.unwrap_or(0))
                } else {
                    n
                };
                n.map(|n| (p.name.as_str(), p.id.as_str(), n))
            })
            .collect();
        sort(&mut people);
        people
            .into_iter()
            .map(|(name, id, n)| {
                let sel = id == selected;
                view! { <option value=id.to_string() selected=sel>{format!("{name} ({n})")}</option> }
            })
            .collect_view()
    };
    let kind_options = move || {
        let c = counts.with(|c| c.kind.clone());
        let selected = kind.get();
        EntryKind::ALL
            .into_iter()
            .map(|k| {
                let n = c.get(k.as_str()).copied().unwrap_or(0);
                view! { <option value=k.as_str() selected=selected == Some(k)>{format!("{} ({n})", k.label())}</option> }
            })
            .collect_view()
    };
    let year_like = move |which: fn(&FacetCounts) -> &Counts, current: Option<String>| {
        let mut c = counts.with(|c| which(c).clone());
        // A chosen value with no entries still gets its option, so the control shows what the
        // query says rather than "All".
        if let Some(v) = &current {
            c.entry(v.clone()).or_insert(0);
        }
        c.into_iter()
            .rev()
            .map(|(value, n)| {
                let sel = current.as_deref() == Some(value.as_str());
                view! { <option value=value.clone() selected=sel>{format!("{value} ({n})")}</option> }
            })
            .collect_view()
    };
    let peps = loaded.clone();
    // The PEP list only helps once the field is in use, so it is drawn on first focus rather
    // than with the first view.
    let pep_list_wanted = RwSignal::new(false);
    let pep_suggestions = move || {
        if !pep_list_wanted.get() {
            return None;
        }
        let c = counts.with(|c| c.pep.clone());
        let mut numbers: Vec<u16> = c.keys().filter_map(|k| k.parse().ok()).collect();
        sort(&mut numbers);
        let options = numbers
            .into_iter()
            .map(|n| {
                let title = peps
                    .data
                    .pep(n)
                    .map(|p| p.title.clone())
                    .unwrap_or_default();
                view! { <option value=n.to_string()>{format!("PEP {n}: {title}")}</option> }
            })
            .collect_view();
        Some(options)
    };
    let apply_pep = move |value: String| {
        let pep = parse_pep(&value);
        if pep.is_some() || value.trim().is_empty() {
            set(Qualifier::Pep, pep.map(|n| n.to_string()));
        }
    };
    let everyone = move || match (person.get(), chosen_person.get()) {
        (Some(p), Some(ids)) if ids.len() != 1 => format!("Names starting \u{201c}{p}\u{201d}"),
        _ => "Everyone".to_string(),
    };

    view! {
        <form class="filter-bar" role="search" aria-label="Filter the timeline" on:submit=|ev| ev.prevent_default()>
            <div class="field field-wide">
                <label for="filter-q">"Search"</label>
                <SearchBox loaded=loaded.clone() filter run_problems=Signal::derive(move || results.with(|r| r.problems.clone())) on_change/>
            </div>
            <div class="field">
                <label for="filter-person">"Person"</label>
                <select id="filter-person"
                    on:change=move |ev| { let v = event_target_value(&ev); set(Qualifier::Person, Some(v).filter(|v| !v.is_empty())) }>
                    <option value="" selected=move || chosen_person.with(|c| c.as_ref().is_none_or(|ids| ids.len() != 1))>{everyone}</option>
                    {person_options}
                </select>
            </div>
            <div class="field">
                <label for="filter-pep">"PEP"</label>
                <input id="filter-pep" type="text" inputmode="numeric" list="pep-list" placeholder="e.g. 703" autocomplete="off"
                    prop:value=move || pep.get().map(|n| n.to_string()).unwrap_or_default()
                    on:focus=move |_| pep_list_wanted.set(true)
                    on:change=move |ev| apply_pep(event_target_value(&ev))
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Enter" { apply_pep(event_target_value(&ev)) }/>
                <datalist id="pep-list">{pep_suggestions}</datalist>
            </div>
            <div class="field">
                <label for="filter-kind">"Kind"</label>
                <select id="filter-kind"
                    on:change=move |ev| { let v = event_target_value(&ev); set(Qualifier::Kind, EntryKind::parse(&v).map(|k| k.as_str().to_string())) }>
                    <option value="" selected=move || kind.get().is_none()>"All kinds"</option>
                    {kind_options}
                </select>
            </div>
            <div class="field">
                <label for="filter-term">"Term"</label>
                <select id="filter-term"
                    on:change=move |ev| { let v = event_target_value(&ev); set(Qualifier::Term, Some(v).filter(|v| !v.is_empty())) }>
                    <option value="" selected=move || term.with(Option::is_none)>"All terms"</option>
                    {move || year_like(|c| &c.term, term.get())}
                </select>
            </div>
            <div class="field">
                <label for="filter-year">"Year"</label>
                <select id="filter-year"
                    on:change=move |ev| { let v = event_target_value(&ev); set(Qualifier::Year, Some(v).filter(|v| !v.is_empty())) }>
                    <option value="" selected=move || year.with(Option::is_none)>"All years"</option>
                    {move || year_like(|c| &c.year, year.get())}
                </select>
            </div>
            <div class="field field-button">
                <button type="button" class="button secondary" data-testid="clear-filters"
                    disabled=move || filter.get().is_empty()
                    on:click=move |_| on_change.run((String::new(), Edit::Choice))>
                    "Clear filters"
                </button>
            </div>
        </form>
    }
}
