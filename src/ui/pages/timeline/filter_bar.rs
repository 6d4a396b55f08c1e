//! The timeline's filter controls. They show the qualifiers in the search box's text and
//! change a choice by rewriting that qualifier in the text; the page turns the new text into a
//! navigation, so the URL's `q` stays the only copy of the state. On a phone the controls
//! below the search box fold behind a "Filters" button that says how many are on; a wide
//! screen always shows them (CSS decides, so the prerendered page is right at either width).

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::search_box::{Change, Edit, SearchBox};
use crate::core::kind::{EntryKind, EntryRole};
use crate::core::model::Decider;
use crate::core::people::sections_stating_attendance;
use crate::core::query::{parse_pep, qualifier_text, set_qualifier, Filter, Qualifier};
use crate::core::search::{Counts, FacetCounts, Results};
use crate::core::sort::sort;
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
    let term = Memo::new(move |_| filter.with(|f| f.term.map(|t| t.to_string())));
    let year = Memo::new(move |_| filter.with(|f| f.year.map(|y| y.to_string())));
    let person = Memo::new(move |_| filter.with(|f| f.person.clone()));
    let set = move |key: Qualifier, value: Option<String>| {
        let q = filter.with_untracked(|f| set_qualifier(&f.q, key, value.as_deref()));
        on_change.run((q, Edit::Choice));
    };
    let index = loaded.clone();
    // The person control shows a person when the qualifier names exactly one.
    let chosen_person =
        Memo::new(move |_| person.with(|p| p.as_ref().map(|p| index.index.people_matching(p))));

    let attendance_note = format!(
        "Only {} of the {} sections of the notes say who attended.",
        sections_stating_attendance(&loaded.data),
        loaded.data.parts.sections.len()
    );
    // The person's id when the qualifier names exactly one, else the "everyone" choice.
    let person_value = move || match chosen_person.get() {
        Some(ids) if ids.len() == 1 => ids[0].clone(),
        _ => String::new(),
    };
    let data = loaded.clone();
    let person_options = move || {
        let c: BTreeMap<String, usize> = counts.with(|c| c.person.clone());
        let selected = person_value();
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
    // What each select offers: (value, what the option reads), from the counts.
    let counted = move |which: fn(&FacetCounts) -> &Counts,
                        all: &[(&'static str, &'static str)]| {
        counts.with(|c| {
            let c = which(c);
            all.iter()
                .map(|&(value, label)| {
                    let n = c.get(value).copied().unwrap_or(0);
                    (value.to_string(), format!("{label} ({n})"))
                })
                .collect::<Vec<_>>()
        })
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
                let label = format!("{value} ({n})");
                (value, label)
            })
            .collect::<Vec<_>>()
    };
    let kinds = EntryKind::ALL.map(|k| (k.as_str(), k.label()));
    let roles = EntryRole::ALL.map(|r| (r.as_str(), r.label()));
    let deciders = [
        (Decider::Council.as_str(), "The council"),
        (Decider::Delegate.as_str(), "A delegate"),
    ];
    let chosen = |get: fn(&Filter) -> Option<String>| Memo::new(move |_| filter.with(get));
    let choose = Callback::new(move |(key, value): (Qualifier, Option<String>)| set(key, value));
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
    // The PEP box follows the typing as the search box does: what it holds goes into the
    // search as `pep:…`, where a value that is not a PEP number is explained under the box.
    let type_pep = move |value: String| {
        let value = value.trim().to_string();
        let q = filter.with_untracked(|f| {
            set_qualifier(
                &f.q,
                Qualifier::Pep,
                Some(value.as_str()).filter(|v| !v.is_empty()),
            )
        });
        on_change.run((q, Edit::Typing));
    };
    let pep_text = Memo::new(move |_| filter.with(|f| qualifier_text(&f.q, Qualifier::Pep)));
    let pep_problem = move || {
        pep_text.with(|t| {
            t.as_deref()
                .filter(|t| parse_pep(t).is_none())
                .map(|t| format!("\u{201c}{t}\u{201d} is not a PEP number: type one such as 703."))
        })
    };
    // What the fold hides that the search holds.
    let on = Memo::new(move |_| {
        filter.with(|f| {
            [
                Qualifier::Person,
                Qualifier::Pep,
                Qualifier::Kind,
                Qualifier::Term,
                Qualifier::Year,
                Qualifier::Role,
                Qualifier::By,
            ]
            .into_iter()
            .filter(|&k| qualifier_text(&f.q, k).is_some_and(|v| !v.is_empty()))
            .count()
        })
    });
    let open = RwSignal::new(false);
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
            <button type="button" class="button secondary filters-toggle" aria-controls="filter-controls"
                aria-expanded=move || open.get().to_string() on:click=move |_| open.update(|o| *o = !*o)>
                {move || match on.get() { 0 => "Filters".to_string(), n => format!("Filters ({n})") }}
            </button>
            <div id="filter-controls" class="filter-controls" class:folded=move || !open.get()>
            <div class="field field-person">
                <label for="filter-person">"Person"</label>
                <select id="filter-person" prop:value=person_value
                    on:change=move |ev| { let v = event_target_value(&ev); set(Qualifier::Person, Some(v).filter(|v| !v.is_empty())) }>
                    <option value="" selected=move || chosen_person.with(|c| c.as_ref().is_none_or(|ids| ids.len() != 1))>{everyone}</option>
                    {person_options}
                </select>
                // Entries name people in many ways; few sections say who was there.
                {move || person.with(Option::is_some).then(|| view! {
                    <p class="field-note" data-testid="attendance-note">{attendance_note.clone()}</p>
                })}
            </div>
            <div class="field">
                <label for="filter-pep">"PEP"</label>
                <input id="filter-pep" type="text" inputmode="numeric" list="pep-list" placeholder="e.g. 703" autocomplete="off"
                    aria-describedby="filter-pep-problem" aria-invalid=move || pep_problem().map(|_| "true")
                    prop:value=move || pep_text.get().unwrap_or_default()
                    on:focus=move |_| pep_list_wanted.set(true)
                    on:input=move |ev| type_pep(event_target_value(&ev))/>
                <datalist id="pep-list">{pep_suggestions}</datalist>
                <p id="filter-pep-problem" class="field-problem" data-testid="pep-problem">{pep_problem}</p>
            </div>
            <Choice id="filter-kind" label="Kind" all="All kinds" key=Qualifier::Kind set=choose
                chosen=chosen(|f| f.kind.map(|k| k.as_str().to_string()))
                options=Signal::derive(move || counted(|c| &c.kind, &kinds))/>
            <Choice id="filter-term" label="Term" all="All terms" key=Qualifier::Term set=choose
                chosen=term options=Signal::derive(move || year_like(|c| &c.term, term.get()))/>
            <Choice id="filter-year" label="Year" all="All years" key=Qualifier::Year set=choose
                chosen=year options=Signal::derive(move || year_like(|c| &c.year, year.get()))/>
            <Choice id="filter-role" label="Role" all="Any role" key=Qualifier::Role set=choose
                chosen=chosen(|f| f.role.map(|r| r.as_str().to_string()))
                options=Signal::derive(move || counted(|c| &c.role, &roles))/>
            <Choice id="filter-by" label="Decided by" all="Anyone" key=Qualifier::By set=choose
                chosen=chosen(|f| f.by.map(|d| d.as_str().to_string()))
                options=Signal::derive(move || counted(|c| &c.by, &deciders))/>
            <div class="field field-button">
                <button type="button" class="button secondary" data-testid="clear-filters"
                    disabled=move || filter.get().is_empty()
                    on:click=move |_| {
                        on_change.run((String::new(), Edit::Choice));
                        // Disabled now, the button loses the focus: the search box takes it.
                        if let Some(q) = document().get_element_by_id("filter-q") {
                            let _ = q.unchecked_into::<web_sys::HtmlElement>().focus();
                        }
                    }>
                    "Clear filters"
                </button>
            </div>
            </div>
        </form>
    }
}

/// One select of the filter bar: its "all" choice and a choice per value, each with how many
/// entries it would show. Choosing writes the qualifier into the search text.
#[component]
fn Choice(
    /// The select's id, which its label names.
    id: &'static str,
    /// What the control is called.
    label: &'static str,
    /// What the empty choice says ("All kinds").
    all: &'static str,
    /// The qualifier it writes.
    key: Qualifier,
    /// The value the search holds now, if any.
    chosen: Memo<Option<String>>,
    /// The values to offer and what each option reads, in order.
    options: Signal<Vec<(String, String)>>,
    /// Called with the qualifier and its new value (`None` for "all").
    set: Callback<(Qualifier, Option<String>)>,
) -> impl IntoView {
    let list = move || {
        let now = chosen.get();
        options
            .get()
            .into_iter()
            .map(|(value, text)| {
                let sel = now.as_deref() == Some(value.as_str());
                view! { <option value=value selected=sel>{text}</option> }
            })
            .collect_view()
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            // An option's `selected` attribute no longer moves a menu once someone has used
            // it, so the menu's value follows the search itself (Back, Forward).
            <select id=id prop:value=move || chosen.get().unwrap_or_default() on:change=move |ev| {
                let v = event_target_value(&ev);
                set.run((key, Some(v).filter(|v| !v.is_empty())));
            }>
                <option value="" selected=move || chosen.with(Option::is_none)>{all}</option>
                {list}
            </select>
        </div>
    }
}
