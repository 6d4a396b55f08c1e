//! The home page: the filter bar, the time axis and the matching entries, grouped by month, or
//! best match first when the search has words (a PEP's decisions ahead of either), with the
//! words marked. Its own pieces are the
//! modules below; the search lives in the address (`Route::Home { q }`).

mod export_bar;
mod filter_bar;
mod membership_chart;
mod search_box;
mod time_axis;

use std::sync::Arc;

use chrono::Datelike;
use leptos::prelude::*;

use crate::core::axis::describe as describe_range;
use crate::core::date::{month_day, month_span};
use crate::core::kind::EntryRole;
use crate::core::model::{Decider, PersonId};
use crate::core::query::Filter;
use crate::core::route::Route;
use crate::core::search::{highlight, run, segments, widen};
use crate::core::sort::sort;
use crate::core::timeline::{groups, rows_to_draw, Entry, Group};
use crate::ui::context::{use_base, use_navigator, HistoryMode};
use crate::ui::data::with_data;
use crate::ui::data::Loaded;
use crate::ui::document::set_title;
use crate::ui::history::{self, place};
use crate::ui::schedule::Later;
use export_bar::ExportBar;
use filter_bar::FilterBar;
use membership_chart::MembershipChart;
use search_box::{Change, Edit, BOX_ID};
use time_axis::TimeAxis;
use wasm_bindgen::JsCast;

/// How many entries a page of the timeline holds; "Show more" adds as many again, so a broad
/// filter stays quick to render. Thirty fill a tall screen several times over; 50 made the
/// keystroke that replaces a whole page (the first letter of a search) measurably slower.
const PAGE: usize = 30;
/// How many of the first page a new search draws before it is painted (about what a laptop
/// screen shows under the search box); the rest follow just after, so a keystroke's results
/// appear without waiting for rows below the fold.
const FIRST: usize = 4;

#[component]
pub fn TimelinePage() -> impl IntoView {
    let navigator = use_navigator();
    // The search the address holds; the last one stays while the page gives way to another.
    let addressed = Memo::new(move |last: Option<&String>| {
        navigator.route.with(|r| match r {
            Route::Home { q } => q.clone(),
            _ => last.cloned().unwrap_or_default(),
        })
    });
    // The text just typed, until the address bar holds it: typing updates the results at once
    // and the history entry (about a millisecond) follows after the paint. The address is
    // still the state, a frame later.
    let typed = RwSignal::new(None::<String>);
    let filter = Memo::new(move |_| match typed.get() {
        Some(q) => Filter::parse(&q),
        None => addressed.with(|q| Filter::parse(q)),
    });
    // The search the current typing burst's history entry holds: the burst's first keystroke
    // adds an entry, the rest rewrite it, and a choice ends the burst.
    let burst = StoredValue::new(None::<String>);
    let address_bar = Later::new();
    // A gesture's first step adds an entry even if a later step replaces it before the paint.
    let gesture_starts = StoredValue::new(false);
    let on_change = Callback::new(move |(text, edit): Change| match edit {
        Edit::Typing | Edit::Step(_) => {
            if edit == Edit::Step(true) {
                gesture_starts.set_value(true);
            }
            typed.set(Some(text));
            address_bar.after_paint(move || {
                if let Some(q) = typed.get_untracked() {
                    let here = addressed.get_untracked();
                    let mode = match edit {
                        Edit::Step(_) if gesture_starts.get_value() => HistoryMode::Push,
                        Edit::Step(_) => HistoryMode::Replace,
                        _ if burst.with_value(|b| b.as_deref() == Some(here.as_str())) => {
                            HistoryMode::Replace
                        }
                        _ => HistoryMode::Push,
                    };
                    gesture_starts.set_value(false);
                    burst.set_value((edit == Edit::Typing).then(|| q.clone()));
                    // The address first, then back to reading it: the filter is the same, so
                    // nothing is drawn again.
                    navigator.go(Route::search(q), mode);
                    typed.set(None);
                }
            });
        }
        Edit::Choice => {
            address_bar.cancel();
            burst.set_value(None);
            gesture_starts.set_value(false);
            typed.set(None);
            navigator.go(Route::search(text), HistoryMode::Push);
        }
    });
    // The tab's title waits for the paint too: it is not what a keystroke is for.
    let title = Later::new();
    Effect::new(move |_| {
        let f = filter.get();
        title.after_paint(move || {
            set_title(&if f.is_empty() {
                "Timeline".to_string()
            } else {
                format!("Timeline: {}", describe(&f))
            })
        });
    });
    with_data(move |loaded| view! { <Timeline loaded filter on_change/> })
}

fn describe(f: &Filter) -> String {
    format!("\u{201c}{}\u{201d}", f.q.trim())
}

#[component]
fn Timeline(
    /// The data set.
    loaded: Arc<Loaded>,
    /// The filter from the URL.
    filter: Memo<Filter>,
    /// Turns a change of the search text into a navigation.
    on_change: Callback<Change>,
) -> impl IntoView {
    let all = loaded.clone();
    let results = Memo::new(move |_| filter.with(|f| run(&all.index, &all.entries, f)));
    // How many rows are drawn, and for which search. A new search keeps the rows it shares
    // with what is on screen and draws at most FIRST new ones before the paint; derived here
    // rather than reset by an effect, which would first draw the old number of rows.
    // A page opened again (back, forward, a reload) draws as many rows as it had.
    let again = place().and_then(|p| p.rows).map(|n| n as usize);
    let drawn = RwSignal::new((
        filter.with_untracked(|f| f.q.clone()),
        again.unwrap_or(FIRST),
    ));
    // The rows drawn, sorted: a set that a binary search reads needs no hash table of its own.
    let on_screen = StoredValue::new(Vec::<usize>::new());
    let limit = Memo::new(move |_| {
        filter.with(|f| match drawn.with(|(q, n)| (*q == f.q).then_some(*n)) {
            Some(n) => n,
            None => results.with(|r| {
                on_screen.with_value(|s| {
                    rows_to_draw(&r.hits, |i| s.binary_search(&i).is_ok(), FIRST, PAGE)
                })
            }),
        })
    });
    // Once a new search is painted, its first page is drawn in full.
    let rest_of_page = Later::new();
    Effect::new(move |_| {
        let q = filter.with(|f| f.q.clone());
        if limit.get_untracked() < PAGE {
            rest_of_page.after_paint(move || {
                if filter.with_untracked(|f| f.q == q) {
                    drawn.set((q, PAGE));
                }
            });
        }
    });
    let show_more = move |_| {
        let q = filter.with_untracked(|f| f.q.clone());
        let n = limit.get_untracked() + PAGE;
        drawn.set((q, n));
        history::remember(|p| p.rows = u32::try_from(n).ok());
    };
    let count = move || results.with(|r| r.hits.len());
    let handle = window_event_listener(leptos::ev::keydown, move_through_results);
    on_cleanup(move || handle.remove());
    let entries = loaded.clone();
    let shown = Memo::new(move |_| {
        let n = limit.get();
        let ranked = filter.with(|f| !f.words.is_empty());
        results.with(|r| groups(&entries.entries, &r.hits, r.outcomes_first, n, ranked))
    });
    Effect::new(move |_| {
        let mut rows: Vec<usize> =
            shown.with(|gs| gs.iter().flat_map(|g| g.entries.iter().copied()).collect());
        sort(&mut rows);
        on_screen.set_value(rows);
    });
    let words = Memo::new(move |_| filter.with(|f| f.words.clone()));
    // The row under the pointer or the focus, ringed on the axis; and the dates of the rows on
    // screen, bracketed there.
    let hovered = RwSignal::new(None::<usize>);
    let on_screen = RwSignal::new(None::<(chrono::NaiveDate, chrono::NaiveDate)>);
    let look = Later::new();
    let follow = move || {
        look.after_paint(move || {
            let now = rows_on_screen();
            if on_screen.get_untracked() != now {
                on_screen.set(now);
            }
        })
    };
    let scrolling = {
        let follow = follow.clone();
        window_event_listener(leptos::ev::scroll, move |_| follow())
    };
    on_cleanup(move || scrolling.remove());
    Effect::new(move |_| {
        shown.track();
        follow();
    });
    // The axis follows the search just after the list is painted, so that a keystroke's
    // results do not wait for the axis to be redrawn (its own gestures redraw it at once).
    let drawn_on_axis = RwSignal::new(filter.get_untracked());
    let axis_later = Later::new();
    Effect::new(move |_| {
        let f = filter.get();
        axis_later.after_paint(move || drawn_on_axis.set(f));
    });
    let axis_filter = Memo::new(move |_| drawn_on_axis.get());
    let people = loaded.clone();
    let who = Memo::new(move |_| {
        filter.with(|f| {
            let ids = people.index.people_matching(f.person.as_ref()?);
            (ids.len() == 1).then(|| ids[0].clone())
        })
    });
    let labels = move || shown.with(|gs| gs.iter().map(|g| g.label.clone()).collect::<Vec<_>>());
    // On a phone the membership chart would stand between the search and its first result, so
    // it starts folded there (its heading opens it). The prerendered page, drawn wide, has it
    // open; the stylesheet hides it on a phone, so the hand-over moves nothing.
    let wide = window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .is_none_or(|w| w > 640.0);
    let base = use_base();
    let hints = loaded.clone();
    let widen_links = move || {
        if count() > 0 {
            return Vec::new();
        }
        let q = filter.with(|f| f.q.clone());
        widen(&hints.index, &hints.entries, &q)
            .into_iter()
            .map(|w| {
                let href = base.href(&Route::search(w.q));
                view! {
                    <li><a href=href>{format!("Drop \u{201c}{}\u{201d}", w.token)}</a>
                    {format!(" ({} {})", w.count, if w.count == 1 { "entry" } else { "entries" })}</li>
                }
            })
            .collect::<Vec<_>>()
    };
    view! {
        <h1 class="visually-hidden">"Steering Council timeline"</h1>
        <FilterBar loaded=loaded.clone() filter results on_change/>
        <TimeAxis loaded=loaded.clone() filter=axis_filter on_change hovered on_screen/>
        <MembershipChart loaded=loaded.clone() open=Memo::new(move |_| wide && filter.with(Filter::is_empty))/>
        <p class="result-count" data-testid="result-count" data-count=move || count().to_string() aria-live="polite">
            {move || {
                let n = match count() {
                    0 => return "No entries match. Remove a filter or shorten the search to see more.".to_string(),
                    1 => "1 entry".to_string(),
                    n => format!("{n} entries"),
                };
                // The days in effect, said in words (the time axis's window).
                match filter.with(|f| f.date) {
                    Some(range) => format!("{}: {n}", describe_range(&range)),
                    None => n,
                }
            }}
        </p>
        <ul class="widen" data-testid="widen">{widen_links}</ul>
        <ExportBar loaded=loaded.clone() results/>
        <div class="timeline" data-testid="timeline" data-q=move || filter.with(|f| f.q.clone())>
            // Keyed twice, by month and by entry, and the marks follow the words in place: a
            // keystroke then adds and removes rows rather than drawing every row again.
            <For each=labels key=|label| label.clone() let:label>
                <MonthGroup loaded=loaded.clone() label shown words who hovered/>
            </For>
        </div>
        // Counted from a full page: the rows past FIRST are already on their way.
        <Show when=move || { count() > limit.get().max(PAGE) }>
            <button class="button secondary show-more" on:click=show_more>
                {move || format!("Show more ({} not shown yet)", count().saturating_sub(limit.get().max(PAGE)))}
            </button>
        </Show>
    }
}

/// j/ArrowDown and k/ArrowUp on a result's link move focus to the next or previous one (the
/// browser scrolls it into view); k on the first goes back to the search box. With nothing
/// focused, j starts at the first result. Enter then opens the link as a click would.
fn move_through_results(ev: leptos::ev::KeyboardEvent) {
    if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
        return;
    }
    let step: isize = match ev.key().as_str() {
        "j" | "ArrowDown" => 1,
        "k" | "ArrowUp" => -1,
        _ => return,
    };
    let Some(target) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let on_link = target.matches("a.entry-link").unwrap_or(false);
    let on_page = matches!(target.tag_name().as_str(), "BODY" | "MAIN");
    if !(on_link || (on_page && step == 1)) {
        return;
    }
    let Ok(links) = document().query_selector_all("a.entry-link") else {
        return;
    };
    let at = (0..links.length()).find(|&i| links.get(i).is_some_and(|n| n == *target));
    let next = match at {
        Some(0) if step < 0 => document().get_element_by_id(BOX_ID),
        Some(i) => links
            .get(i.saturating_add_signed(step as i32))
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok()),
        None => links
            .get(0)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok()),
    };
    if let Some(el) = next.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        ev.prevent_default();
        let _ = el.focus();
    }
}

/// `text` with the words marked, redrawn only when the marked ranges change: most keystrokes
/// leave most rows' marks as they were.
fn marked(text: String, words: Memo<Vec<String>>) -> impl IntoView {
    let text = Arc::<str>::from(text);
    let shown = text.clone();
    let ranges = Memo::new(move |_| words.with(|w| highlight(&text, w)));
    move || ranges.with(|r| marked_ranges(&shown, r))
}

/// `text` with `ranges` in `<mark>`.
fn marked_ranges(text: &str, ranges: &[std::ops::Range<usize>]) -> impl IntoView {
    segments(text, ranges)
        .into_iter()
        .map(|(piece, mark)| {
            if mark {
                view! { <mark>{piece.to_string()}</mark> }.into_any()
            } else {
                piece.to_string().into_any()
            }
        })
        .collect_view()
}

/// How many PEP chips a row shows before "+N more".
const CHIPS: usize = 8;

#[component]
fn MonthGroup(
    /// The data set, whose entries the group's indices point into.
    loaded: Arc<Loaded>,
    /// The group's heading, unique among the groups shown.
    label: String,
    /// Every group shown; this one draws the rows of the group with its label.
    shown: Memo<Vec<Group>>,
    /// The search's free words, marked in the rows.
    words: Memo<Vec<String>>,
    /// The one person the search names, whose role each row says.
    who: Memo<Option<PersonId>>,
    /// The entry of the row under the pointer or the focus.
    hovered: RwSignal<Option<usize>>,
) -> impl IntoView {
    let (heading, aria) = (label.clone(), label.clone());
    // Under a heading that is not their month (a ranked list, a PEP's decisions), rows give
    // their year too. A label always heads the same kind of group.
    let with_year = shown.with_untracked(|gs| gs.iter().any(|g| g.label == label && !g.by_month));
    let rows = move || {
        shown.with(|gs| {
            gs.iter()
                .find(|g| g.label == label)
                .map(|g| g.entries.clone())
                .unwrap_or_default()
        })
    };
    view! {
        <section class="month" aria-label=aria>
            <h2 class="month-heading">{heading}</h2>
            <ul class="entries">
                <For each=rows key=|&i| i let:i>
                    <EntryRow entry=loaded.entries[i].clone() i words with_year who hovered/>
                </For>
            </ul>
        </section>
    }
}

#[component]
fn EntryRow(
    /// The entry to draw.
    entry: Entry,
    /// The search's free words, marked where they start a word.
    words: Memo<Vec<String>>,
    /// Whether to give the year too: under a month heading the heading says it.
    with_year: bool,
    /// The one person the search names, if it names one: the row says what they were in it.
    who: Memo<Option<PersonId>>,
    /// Its index among the entries.
    i: usize,
    /// Set to `i` while the row is under the pointer or holds the focus.
    hovered: RwSignal<Option<usize>>,
) -> impl IntoView {
    let base = use_base();
    let roles = entry.roles.clone();
    let role = move || {
        who.with(|w| {
            let id = w.as_ref()?;
            EntryRole::most_telling(roles.iter().filter(|(x, _)| x == id).map(|&(_, r)| r))
        })
        .map(|r| view! { <span class="role-tag" data-role=r.as_str()>{r.label()}</span> })
    };
    let by_delegate = (entry.decided_by == Some(Decider::Delegate))
        .then(|| view! { <span class="role-tag">"by its delegate"</span> });
    let when = match entry.span {
        Some(p) => month_span(p.start, p.end),
        None => month_day(entry.date),
    };
    let href = base.href(&entry.route);
    let (title, detail) = (entry.title.clone(), entry.detail.clone());
    let peps = entry
        .peps
        .iter()
        .take(CHIPS)
        .map(|&n| view! { <a class="chip" href=base.href(&Route::Pep(n))>{format!("PEP {n}")}</a> })
        .collect_view();
    // The entry's own page lists every PEP, so the rest are one click away.
    let more = entry.peps.len().saturating_sub(CHIPS);
    let more = (more > 0).then(|| {
        view! {
            <a class="chip chip-more" href=href.clone() aria-label=format!("and {more} more PEPs")>
                {format!("+{more} more")}
            </a>
        }
    });
    view! {
        <li class=format!("entry entry-{}", entry.kind.as_str()) data-kind=entry.kind.as_str() data-date=entry.date.to_string()
            on:mouseenter=move |_| hovered.set(Some(i)) on:mouseleave=move |_| hovered.set(None)
            on:focusin=move |_| hovered.set(Some(i)) on:focusout=move |_| hovered.set(None)>
            <time datetime=entry.date.to_string()>
                {when}
                {(with_year && entry.span.is_none()).then(|| view! { " " <span class="entry-year">{entry.date.year()}</span> })}
            </time>
            <div class="entry-body">
                <span class=format!("badge badge-{}", entry.badge.as_str())>{entry.badge.label()}</span>
                " "
                <a class="entry-link" href=href>{marked(title, words)}</a>
                {by_delegate}
                {role}
                {(!detail.is_empty()).then(|| view! { <p class="entry-detail">{marked(detail, words)}</p> })}
                <div class="chips">{peps}{more}</div>
            </div>
        </li>
    }
}

/// The dates of the first and last timeline rows at least partly on screen.
fn rows_on_screen() -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
    let rows = document().query_selector_all("main li.entry").ok()?;
    let height = window().inner_height().ok()?.as_f64()?;
    let mut seen = (0..rows.length()).filter_map(|i| {
        let row = rows.item(i)?.dyn_into::<web_sys::Element>().ok()?;
        let r = row.get_bounding_client_rect();
        (r.bottom() > 0.0 && r.top() < height)
            .then(|| crate::core::date::parse_iso(&row.get_attribute("data-date")?))
            .flatten()
    });
    let first = seen.next()?;
    Some((first, seen.next_back().unwrap_or(first)))
}
