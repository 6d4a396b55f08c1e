//! The time axis: a window of days drawn at its real pixel width over an overview of all eight
//! years. Ticks adapt to the window (years down to days), council terms lie behind as bands,
//! and each lane holds a mark per entry (meetings and notes; decisions by outcome, in colour
//! and shape; elections and nominations; the lane of the PEP or the person the search names),
//! folded into a count where marks would overlap. Wheel, pinch and the buttons or + and − zoom,
//! a drag pans, and a drag across the overview picks a range. The window is the search's
//! `date:` qualifier: it follows the address, and a gesture writes it back (one history step
//! per gesture). All the arithmetic is `core::axis`; this file turns gestures into windows and
//! draws.
//!
//! The marks are drawn with DOM calls (`draw`), not as views.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

mod draw;

use draw::{draw, draw_overview, roam};

use super::search_box::{Change, Edit};
use crate::core::axis::{describe, DateRange, Scale, TickStep, Window};
use crate::core::date::parse_iso;
use crate::core::kind::{EntryKind, EntryRole};
use crate::core::model::{OutcomeKind, PepDetails};
use crate::core::query::{set_qualifier, Filter, Qualifier};
use crate::core::route::Route;
use crate::core::search::run;
use crate::core::timeline::Entry;
use crate::ui::context::use_base;
use crate::ui::data::{pep_details, Loaded};
use crate::ui::schedule::Later;

const SVG: &str = "http://www.w3.org/2000/svg";
/// Where the tick labels end and the lanes begin, and how tall a lane is.
const TOP: i32 = 22;
const LANE: i32 = 30;
/// Marks closer than this (in pixels) fold into one count, drawn this wide.
const GAP: u32 = 22;
const PILL: i32 = 20;
/// The strip under the lanes that names the terms.
const FOOT: i32 = 14;
/// The least room a tick label gets.
const LABEL_GAP: u32 = 52;
/// How long a gesture rests before the address and the list follow it.
const REST: std::time::Duration = std::time::Duration::from_millis(150);
/// How tall the overview strip is.
const OVERVIEW: i32 = 26;

/// The days the axis can show: the whole years the entries fall in (2019 to 2026 for the
/// council's eight terms).
fn span_of(entries: &[Entry]) -> Window {
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
    let years = entries.iter().map(|e| e.date.year());
    let (first, last) = (
        years.clone().min().unwrap_or(2019),
        years.max().unwrap_or(2026),
    );
    Window::new(day(first, 1, 1), day(last, 12, 31)).unwrap_or_else(|| unreachable!())
}

/// The window a search shows within `all`: its `date:` range, else its year, else its
/// `before:`/`after:` bounds, else everything.
fn window_of(f: &Filter, all: Window) -> Window {
    let range = f.date.or_else(|| {
        let year = f.year.map(|y| {
            let day = |m, d| NaiveDate::from_ymd_opt(y, m, d);
            (day(1, 1), day(12, 31))
        });
        let (start, end) = year.unwrap_or((f.after, f.before.and_then(|d| d.pred_opt())));
        DateRange::new(start, end).ok()
    });
    range.map_or(all, |r| Window::from_range(r, all))
}

/// The search's text with `window` as its one date qualifier (none for the whole span, `all`).
fn with_window(q: &str, window: Window, all: Window) -> String {
    let mut q = q.to_string();
    for key in [Qualifier::Year, Qualifier::Before, Qualifier::After] {
        q = set_qualifier(&q, key, None);
    }
    let value = (window != all).then(|| window.to_range().to_qualifier_value());
    set_qualifier(&q, Qualifier::Date, value.as_deref())
}

/// One lane of marks.
#[derive(Clone, Copy, PartialEq, Eq)]
enum LaneKind {
    Meetings,
    Decisions,
    Elections,
    Pep(u16),
    Person,
}

impl LaneKind {
    fn label(self) -> String {
        match self {
            LaneKind::Meetings => "Meetings & notes".into(),
            LaneKind::Decisions => "Decisions".into(),
            LaneKind::Elections => "Elections".into(),
            LaneKind::Pep(n) => format!("PEP {n}"),
            LaneKind::Person => "Their part".into(),
        }
    }
}

/// One mark before binning: where it goes, what it is called and where it leads.
#[derive(Clone, PartialEq)]
struct Mark {
    date: NaiveDate,
    /// The shape and colour: a CSS class (`shape-circle outcome-accepted`).
    class: &'static str,
    /// The accessible name and the card's text.
    name: String,
    /// The card's second line (a gist, a PEP title).
    detail: String,
    href: Option<String>,
    /// The timeline entry it stands for, if any (for the row highlight).
    entry: Option<usize>,
}

/// What the card next to a mark or count says, and where it stands.
#[derive(Clone, PartialEq)]
struct Card {
    x: i32,
    y: i32,
    title: String,
    detail: String,
}

/// The shape and colour of an entry's mark.
fn class_of(e: &Entry) -> &'static str {
    match (e.kind, e.outcomes.first()) {
        (EntryKind::Decision, Some(OutcomeKind::Accepted)) => "shape-up outcome-accepted",
        (EntryKind::Decision, Some(OutcomeKind::Rejected)) => "shape-cross outcome-rejected",
        (EntryKind::Decision, Some(OutcomeKind::Deferred)) => "shape-diamond outcome-deferred",
        (EntryKind::Decision, _) => "shape-ring outcome-other",
        (EntryKind::Meeting, _) => "shape-circle kind-meeting",
        (EntryKind::Election, _) => "shape-square kind-election",
        (EntryKind::Nomination, _) => "shape-dot kind-nomination",
    }
}

/// The marks of an entry, named as the examples are ("Meeting 2023-08-28: …").
fn mark_of(base: &crate::ui::context::Base, i: usize, e: &Entry, class: &'static str) -> Mark {
    Mark {
        date: e.date,
        class,
        name: format!("{} {}: {}", e.badge.label(), e.date, e.title),
        detail: e.detail.clone(),
        href: Some(base.href(&e.route)),
        entry: Some(i),
    }
}

#[component]
pub fn TimeAxis(
    /// The data set, for the entries, terms and notes.
    loaded: Arc<Loaded>,
    /// The filter the address holds.
    filter: Memo<Filter>,
    /// Turns a new window into the search's `date:` qualifier.
    on_change: Callback<Change>,
    /// The entry whose row is under the pointer or has the focus: its mark is ringed.
    hovered: RwSignal<Option<usize>>,
    /// The dates of the rows on screen, bracketed on the axis.
    on_screen: RwSignal<Option<(NaiveDate, NaiveDate)>>,
) -> impl IntoView {
    let base = use_base();
    let figure = NodeRef::<leptos::html::Figure>::new();
    // The width drawn at is the figure's own, measured once drawn and on every resize; the
    // prerender draws at the same width the live app then measures.
    let width = RwSignal::new(1200u32);
    let all = span_of(&loaded.entries);
    let view = RwSignal::new(filter.with_untracked(|f| window_of(f, all)));
    // While a gesture is under way the window is the axis's own; it follows the address again
    // once the address holds the gesture's window.
    let moving = Rc::new(Cell::new(false));
    let card = RwSignal::new(None::<Card>);
    // Which mark is the axis's stop in the tab order (a roving tabindex). Not a signal: moving
    // the focus redraws nothing.
    let focus = Rc::new(Cell::new(0usize));

    // The entries found by the search without its dates: the axis shows them all, the list
    // only those in the window.
    let wide = {
        let l = loaded.clone();
        Memo::new(move |_| {
            let f = filter.with(|f| Filter {
                date: None,
                year: None,
                before: None,
                after: None,
                ..f.clone()
            });
            run(&l.index, &l.entries, &f)
        })
    };
    {
        let moving = moving.clone();
        Effect::new(move |_| {
            let w = filter.with(|f| window_of(f, all));
            if !moving.get() && view.get_untracked() != w {
                view.set(w);
            }
        });
    }
    let pep = Memo::new(move |_| filter.with(|f| f.pep));
    let details = LocalResource::new(move || {
        let n = pep.get();
        async move {
            match n {
                Some(n) => pep_details(n, 0).await.ok(),
                None => None,
            }
        }
    });
    let person = {
        let l = loaded.clone();
        Memo::new(move |_| {
            filter.with(|f| {
                let ids = l.index.people_matching(f.person.as_ref()?);
                (ids.len() == 1).then(|| ids[0].clone())
            })
        })
    };

    // The marks of every lane, for the whole span; drawing picks those in the window.
    let lanes = {
        let (l, base) = (loaded.clone(), base.clone());
        Memo::new(move |_| {
            let mut lanes: Vec<(LaneKind, Vec<Mark>)> = vec![
                (LaneKind::Meetings, Vec::new()),
                (LaneKind::Decisions, Vec::new()),
                (LaneKind::Elections, Vec::new()),
            ];
            let who = person.get();
            let mut own: Vec<Mark> = Vec::new();
            wide.with(|r| {
                for &i in r.hits.iter().rev() {
                    let e = &l.entries[i];
                    let lane = match e.kind {
                        EntryKind::Meeting => 0,
                        EntryKind::Decision => 1,
                        _ => 2,
                    };
                    lanes[lane].1.push(mark_of(&base, i, e, class_of(e)));
                    if let Some(id) = &who {
                        let had = e.roles.iter().filter(|(x, _)| x == id).map(|&(_, r)| r);
                        if let Some(role) = EntryRole::most_telling(had) {
                            let class = match role {
                                EntryRole::Present => "shape-circle role-present",
                                EntryRole::Absent => "shape-ring role-absent",
                                EntryRole::Guest => "shape-diamond role-guest",
                                EntryRole::Nominee => "shape-square role-nominee",
                                _ => "shape-dot role-member",
                            };
                            let mut m = mark_of(&base, i, e, class);
                            m.name = format!("{}: {}", role.label(), m.name);
                            own.push(m);
                        }
                    }
                }
            });
            if who.is_some() {
                lanes.push((LaneKind::Person, own));
            }
            if let Some(n) = pep.get() {
                lanes.push((
                    LaneKind::Pep(n),
                    pep_lane(&l, &base, n, details.get().flatten(), all),
                ));
            }
            lanes
        })
    };
    // The council's terms, for the bands, and where the published notes end.
    let terms: Vec<(u16, DateRange)> = loaded
        .data
        .parts
        .terms
        .iter()
        .filter_map(|t| Some((t.year, DateRange::new(Some(t.start), t.end).ok()?)))
        .collect();
    let notes_end = loaded.data.parts.sections.iter().map(|s| s.date).max();

    // A gesture writes its window into the address once the hand rests a moment (the list
    // follows then, so its redrawing does not compete with the gesture's frames); its first step
    // adds a history entry and the rest take its place.
    let address = Later::new();
    let first = Rc::new(Cell::new(false));
    let commit = {
        let (moving, first) = (moving.clone(), first.clone());
        move |w: Window, starts: bool| {
            if view.get_untracked() != w {
                view.set(w);
            }
            moving.set(true);
            first.set(first.get() || starts);
            let (moving, first) = (moving.clone(), first.clone());
            address.after(REST, move || {
                let q = filter.with_untracked(|f| with_window(&f.q, w, all));
                on_change.run((q, Edit::Step(first.replace(false))));
                moving.set(false);
            });
        }
    };

    // Drawing: once a frame at most, whatever changed.
    {
        let focus = focus.clone();
        Effect::new(move |_| {
            let w = view.get();
            let px = width.get();
            let hover = hovered.get();
            let screen = on_screen.get();
            let at = focus.get();
            lanes.with(|lanes| {
                if let Some(g) = figure
                    .get()
                    .and_then(|f| f.query_selector(".axis-marks").ok().flatten())
                {
                    draw(
                        &g,
                        &Scale::new(w, px),
                        lanes,
                        &terms,
                        notes_end,
                        hover,
                        screen,
                        at,
                    );
                }
            });
        });
    }
    // The overview: the whole span and a stroke per stretch of it with entries, drawn when
    // those change (the window's frame on it is a view of its own, below: a step moves only it).
    Effect::new(move |_| {
        let px = width.get();
        let found: Vec<NaiveDate> = wide.with(|r| {
            r.hits
                .iter()
                .rev()
                .map(|&i| loaded.entries[i].date)
                .collect()
        });
        if let Some(g) = figure
            .get()
            .and_then(|f| f.query_selector(".overview-marks").ok().flatten())
        {
            draw_overview(&g, &Scale::new(all, px), &found);
        }
    });

    // The width drawn at is the figure's own, whenever it changes: also when the live view
    // first shows, at the hand-over from the prerendered one (hidden until then, it has none).
    let observer = StoredValue::new_local(None::<web_sys::ResizeObserver>);
    {
        Effect::new(move |_| {
            let Some(f) = figure.get() else {
                return;
            };
            let measure = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
                if let Some(f) = figure.get_untracked() {
                    let w = f.client_width();
                    if w > 0 && width.get_untracked() != w as u32 {
                        width.set(w as u32);
                    }
                }
            });
            if let Ok(o) = web_sys::ResizeObserver::new(measure.as_ref().unchecked_ref()) {
                o.observe(&f);
                observer.set_value(Some(o));
            }
            // Lives as long as the observer, which the cleanup below disconnects.
            measure.forget();
        });
    }
    on_cleanup(move || {
        if let Some(Some(o)) = observer.try_update_value(Option::take) {
            o.disconnect();
        }
    });

    // Pointer gestures on the main axis: drag to pan, two fingers to pinch.
    let pointers: Rc<RefCell<Vec<(i32, i32)>>> = Rc::default();
    let start = Rc::new(Cell::new(None::<(Window, i32, i32)>));
    // Whether the pointer has moved far enough to be a drag (and not a click on a mark).
    let dragged = Rc::new(Cell::new(false));
    let local_x = move |ev: &web_sys::MouseEvent| -> i32 {
        let left = figure
            .get()
            .map_or(0.0, |f| f.get_bounding_client_rect().left());
        (f64::from(ev.client_x()) - left) as i32
    };
    let on_down = {
        let (pointers, start, dragged) = (pointers.clone(), start.clone(), dragged.clone());
        move |ev: ev::PointerEvent| {
            let x = local_x(&ev);
            let mut p = pointers.borrow_mut();
            p.retain(|&(id, _)| id != ev.pointer_id());
            p.push((ev.pointer_id(), x));
            let spread = if p.len() == 2 {
                (p[0].1 - p[1].1).abs()
            } else {
                0
            };
            start.set(Some((view.get_untracked(), x, spread)));
            dragged.set(false);
        }
    };
    let on_move = {
        let (pointers, start, dragged, commit) = (
            pointers.clone(),
            start.clone(),
            dragged.clone(),
            commit.clone(),
        );
        move |ev: ev::PointerEvent| {
            let Some((w0, x0, spread0)) = start.get() else {
                return;
            };
            let x = local_x(&ev);
            let mut p = pointers.borrow_mut();
            if let Some(slot) = p.iter_mut().find(|(id, _)| *id == ev.pointer_id()) {
                slot.1 = x;
            }
            let scale = Scale::new(w0, width.get_untracked());
            let next = if p.len() == 2 && spread0 > 0 {
                let spread = (p[0].1 - p[1].1).abs().max(1);
                scale.zoom_at(
                    f64::from(spread) / f64::from(spread0),
                    (p[0].1 + p[1].1) / 2,
                    all,
                )
            } else if (x - x0).abs() > 4 || dragged.get() {
                scale.pan_px(x - x0, all)
            } else {
                return;
            };
            // The drag's first step adds a history entry; the rest take its place.
            let starts = !dragged.get();
            if starts {
                dragged.set(true);
                if let Some(t) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) {
                    let _ = t.set_pointer_capture(ev.pointer_id());
                }
            }
            commit(next, starts);
        }
    };
    let on_up = {
        let (pointers, start) = (pointers.clone(), start.clone());
        move |ev: ev::PointerEvent| {
            let mut p = pointers.borrow_mut();
            p.retain(|&(id, _)| id != ev.pointer_id());
            start.set(None);
        }
    };
    // A drag is not a click on the mark it started on.
    let on_click_capture = {
        let dragged = dragged.clone();
        move |ev: ev::MouseEvent| {
            if dragged.replace(false) {
                ev.prevent_default();
                ev.stop_propagation();
            }
        }
    };
    // The wheel zooms around the pointer (a sideways swipe pans); one gesture is the wheel's
    // events until it rests.
    let resting = Later::new();
    let wheeling = Rc::new(Cell::new(false));
    let on_wheel = {
        let (commit, wheeling) = (commit.clone(), wheeling.clone());
        move |ev: ev::WheelEvent| {
            ev.prevent_default();
            let scale = Scale::new(view.get_untracked(), width.get_untracked());
            let next = if ev.delta_x().abs() > ev.delta_y().abs() {
                scale.pan_px(-(ev.delta_x() as i32), all)
            } else {
                scale.zoom_at((-ev.delta_y() / 300.0).exp2(), local_x(&ev), all)
            };
            commit(next, !wheeling.replace(true));
            let wheeling = wheeling.clone();
            resting.after(std::time::Duration::from_millis(300), move || {
                wheeling.set(false)
            });
        }
    };
    // Brushing the overview: the days dragged across become the window; a click there moves
    // the window, as long as it is, to centre on that day.
    let brush = Rc::new(Cell::new(None::<(i32, bool)>));
    let on_brush_down = {
        let brush = brush.clone();
        move |ev: ev::PointerEvent| {
            brush.set(Some((local_x(&ev), false)));
            if let Some(t) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) {
                let _ = t.set_pointer_capture(ev.pointer_id());
            }
        }
    };
    let brushed = {
        let (brush, commit) = (brush.clone(), commit.clone());
        move |ev: &ev::PointerEvent, done: bool| {
            let Some((x0, moved)) = brush.get() else {
                return;
            };
            let x = local_x(ev);
            let whole = Scale::new(all, width.get_untracked());
            if (x - x0).abs() >= 3 {
                brush.set(Some((x0, true)));
                commit(Window::from_range(whole.brush(x0, x), all), !moved);
            } else if done && !moved {
                let w = view.get_untracked();
                let middle = w.start() + chrono::Days::new(w.days() as u64 / 2);
                commit(w.pan((whole.date_at(x) - middle).num_days(), all), true);
            }
            if done {
                brush.set(None);
            }
        }
    };
    let zoom_by = {
        let commit = commit.clone();
        move |factor: f64| {
            let w = view.get_untracked();
            let middle = Scale::new(w, width.get_untracked());
            commit(
                middle.zoom_at(factor, width.get_untracked() as i32 / 2, all),
                true,
            );
        }
    };

    // The keyboard: arrows move between marks, + and − zoom, 0 shows everything, and Shift
    // with an arrow pans.
    let on_key = {
        let (zoom_by, commit, focus) = (zoom_by.clone(), commit.clone(), focus.clone());
        move |ev: ev::KeyboardEvent| {
            let w = view.get_untracked();
            let step = (w.days() / 4).max(1);
            match ev.key().as_str() {
                "+" | "=" => zoom_by(2.0),
                "-" | "_" => zoom_by(0.5),
                "0" => commit(all, true),
                "ArrowLeft" | "ArrowRight" if ev.shift_key() => {
                    let days = if ev.key() == "ArrowLeft" { -step } else { step };
                    commit(w.pan(days, all), true);
                }
                "ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown" | "Home" | "End" => {
                    let key = ev.key();
                    if let Some(next) = next_mark(&ev, &key) {
                        focus.set(next.0);
                        roam(&next.1);
                    }
                }
                "Enter" | " " => {
                    // A count zooms in to its marks; a mark is a link and opens by itself.
                    if let Some(bin) = target_bin(&ev, all) {
                        ev.prevent_default();
                        commit(bin, true);
                    }
                    return;
                }
                _ => return,
            }
            ev.prevent_default();
        }
    };
    let on_bin_click = {
        let commit = commit.clone();
        move |ev: ev::MouseEvent| {
            if let Some(bin) = target_bin(&ev, all) {
                ev.prevent_default();
                commit(bin, true);
            }
        }
    };
    let focus_for_card = focus.clone();
    // The card follows the pointer or the focus onto a mark or a count.
    let show_card = move |ev: &web_sys::Event, focusing: bool| {
        let found = ev
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|t| t.closest("[data-name]").ok().flatten());
        card.set(found.map(|m| {
            let attr = |k: &str| m.get_attribute(k).unwrap_or_default();
            Card {
                x: attr("data-x").parse().unwrap_or(0),
                y: attr("data-y").parse().unwrap_or(0),
                title: attr("data-name"),
                detail: attr("data-detail"),
            }
        }));
        let stop = ev
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|t| t.closest("[data-focus]").ok().flatten());
        if let (true, Some(stop)) = (focusing, stop) {
            if let Some(i) = stop
                .get_attribute("data-focus")
                .and_then(|v| v.parse().ok())
            {
                focus_for_card.set(i);
                roam(&stop);
            }
        }
    };

    let frame = move || Scale::new(all, width.get()).extent(&view.get().to_range());
    let range_words = move || {
        let w = view.get();
        if w == all {
            "All of 2019 to 2026".to_string()
        } else {
            describe(&w.to_range())
        }
    };
    let unit = move || TickStep::choose(&Scale::new(view.get(), width.get()), LABEL_GAP).describe();
    let height = move || {
        let n = lanes.with(Vec::len) as i32;
        TOP + n * LANE + FOOT
    };
    let card_view = move || {
        card.get().map(|c| {
            view! {
                <div class="axis-card" role="status" style:left=format!("{}px", c.x.max(0)) style:top=format!("{}px", c.y + 14)>
                    <strong>{c.title}</strong>
                    {(!c.detail.is_empty()).then(|| view! { <span>{c.detail}</span> })}
                </div>
            }
        })
    };
    let lane_keys = move || {
        lanes.with(|ls| {
            ls.iter()
                .map(|(k, marks)| view! { <li>{format!("{} ({})", k.label(), marks.len())}</li> })
                .collect_view()
        })
    };
    let on_focus = show_card.clone();
    view! {
        <figure class="time-axis" node_ref=figure>
            <div class="axis-controls" role="group" aria-label="Move the time axis">
                <span class="axis-range" aria-live="polite" data-testid="axis-range">{range_words}</span>
                <button type="button" class="button secondary" aria-label="Zoom in" on:click={let z = zoom_by.clone(); move |_| z(2.0)}>"+"</button>
                <button type="button" class="button secondary" aria-label="Zoom out" on:click={let z = zoom_by.clone(); move |_| z(0.5)}>"−"</button>
                <button type="button" class="button secondary" data-testid="axis-reset" on:click={let c = commit.clone(); move |_| c(all, true)}>"Show all"</button>
            </div>
            <svg class="axis" role="group" data-testid="axis" data-roving=""
                aria-label=move || format!("Time axis, {}, marked in {}. Arrow keys move between marks, + and − zoom, 0 shows everything.", range_words(), unit())
                viewBox=move || format!("0 0 {} {}", width.get(), height()) height=height
                on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up.clone() on:pointercancel=on_up
                on:click=move |ev: ev::MouseEvent| { on_click_capture(ev.clone()); on_bin_click(ev) }
                on:wheel=on_wheel on:keydown=on_key
                on:mouseover=move |ev: ev::MouseEvent| show_card(&ev, false) on:focusin=move |ev: ev::FocusEvent| on_focus(&ev, true)
                on:mouseleave=move |_| card.set(None) on:focusout=move |_| card.set(None)>
                <defs>
                    <pattern id="no-notes" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                        <rect class="hatch" width="2" height="6"/>
                    </pattern>
                </defs>
                <g class="axis-marks"></g>
            </svg>
            {card_view}
            <svg class="overview" aria-label="The whole span, 2019 to 2026: drag across it to pick the days shown" role="img"
                viewBox=move || format!("0 0 {} {OVERVIEW}", width.get()) height=OVERVIEW
                on:pointerdown=on_brush_down
                on:pointermove={let b = brushed.clone(); move |ev: ev::PointerEvent| b(&ev, false)}
                on:pointerup=move |ev: ev::PointerEvent| brushed(&ev, true)>
                <g class="overview-marks"></g>
                <rect class="overview-window" y="2" height="20"
                    x=move || frame().0 width=move || (frame().1 - frame().0).max(3)/>
            </svg>
            <figcaption class="legend">
                <ul class="lanes">{lane_keys}</ul>
                <span class="key shape-up outcome-accepted">"accepted"</span>
                <span class="key shape-cross outcome-rejected">"rejected"</span>
                <span class="key shape-diamond outcome-deferred">"deferred"</span>
                <span class="key shape-ring outcome-other">"other outcome"</span>
                <span class="key-bands">"Shaded bands are council terms; a number is several entries, which a click zooms in to."</span>
            </figcaption>
        </figure>
    }
}

/// The marks of PEP `n`'s own lane: created, each status change, each mention in the notes,
/// each outcome.
fn pep_lane(
    l: &Loaded,
    base: &crate::ui::context::Base,
    n: u16,
    details: Option<Arc<PepDetails>>,
    all: Window,
) -> Vec<Mark> {
    let mut marks: Vec<Mark> = Vec::new();
    let page = Some(base.href(&Route::Pep(n)));
    if let Some(d) = &details {
        if let Some(created) = d.created {
            marks.push(Mark {
                date: created,
                class: "shape-ring pep-created",
                name: format!("PEP {n} created {created}"),
                detail: String::new(),
                href: page.clone(),
                entry: None,
            });
        }
        for h in d
            .history
            .iter()
            .filter(|h| h.field == "Status" && !h.old.is_empty())
        {
            marks.push(Mark {
                date: h.date,
                class: "shape-square pep-status",
                name: format!("PEP {n} status {} → {} on {}", h.old, h.new, h.date),
                detail: "A commit to python/peps".to_string(),
                href: page.clone(),
                entry: None,
            });
        }
    }
    for (i, e) in l.entries.iter().enumerate().rev() {
        if e.peps.contains(&n) && matches!(e.kind, EntryKind::Meeting | EntryKind::Decision) {
            marks.push(mark_of(base, i, e, class_of(e)));
        }
    }
    marks.retain(|m| all.contains(m.date));
    crate::core::sort::sort_by_key(&mut marks, |m| m.date);
    marks
}

/// The mark the arrow key `key` leads to from the focused one: the next or previous in its
/// lane, the nearest in the lane above or below, or the first or last.
fn next_mark(ev: &ev::KeyboardEvent, key: &str) -> Option<(usize, web_sys::SvgElement)> {
    let here = ev
        .target()?
        .dyn_into::<Element>()
        .ok()?
        .closest("[data-focus]")
        .ok()??;
    let svg = here.closest("svg").ok()??;
    let all = svg.query_selector_all("[data-focus]").ok()?;
    let attr = |e: &Element, k: &str| {
        e.get_attribute(k)
            .and_then(|v| v.parse::<i32>().ok())
            .unwrap_or(0)
    };
    let marks: Vec<Element> = (0..all.length())
        .filter_map(|i| all.item(i)?.dyn_into().ok())
        .collect();
    let (lane, x, at) = (
        attr(&here, "data-lane"),
        attr(&here, "data-x"),
        attr(&here, "data-focus"),
    );
    let pick = match key {
        "ArrowRight" => marks
            .iter()
            .find(|m| attr(m, "data-focus") == at + 1 && attr(m, "data-lane") == lane),
        "ArrowLeft" => marks
            .iter()
            .find(|m| attr(m, "data-focus") == at - 1 && attr(m, "data-lane") == lane),
        "Home" => marks.first(),
        "End" => marks.last(),
        _ => {
            let to = if key == "ArrowUp" { lane - 1 } else { lane + 1 };
            marks
                .iter()
                .filter(|m| attr(m, "data-lane") == to)
                .min_by_key(|m| (attr(m, "data-x") - x).abs())
        }
    }?;
    let i = attr(pick, "data-focus") as usize;
    Some((i, pick.clone().dyn_into().ok()?))
}

/// The window a count under the event stands for, zoomed in to its marks (within `all`).
fn target_bin(ev: &web_sys::Event, all: Window) -> Option<Window> {
    let bin = ev
        .target()?
        .dyn_into::<Element>()
        .ok()?
        .closest(".bin")
        .ok()??;
    let from = parse_iso(&bin.get_attribute("data-from")?)?;
    let to = parse_iso(&bin.get_attribute("data-to")?)?;
    Some(Window::around(from, to, all))
}
