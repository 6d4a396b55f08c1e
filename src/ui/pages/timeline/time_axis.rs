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
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::Element;

mod draw;

use draw::{draw, draw_overview, roam, set};

use super::search_box::{Change, Edit};
use crate::core::axis::{describe, DateRange, Scale, TickStep, Window, MIN_SPAN_DAYS};
use crate::core::date::parse_iso;
use crate::core::kind::{EntryKind, EntryRole};
use crate::core::model::{OutcomeKind, PepDetails};
use crate::core::query::{set_qualifier, Filter, Qualifier};
use crate::core::route::Route;
use crate::core::search::run;
use crate::core::timeline::Entry;
use crate::ui::context::use_base;
use crate::ui::data::{use_pep_details, Loaded};
use crate::ui::schedule::Later;

const SVG: &str = "http://www.w3.org/2000/svg";
/// Where the tick labels end and the lanes begin, and how tall a lane is.
const TOP: i32 = 22;
const LANE: i32 = 36;
/// Marks closer than this (in pixels) fold into one count, drawn this wide.
const GAP: u32 = 22;
const PILL: i32 = 20;
/// The strip under the lanes that names the terms.
const FOOT: i32 = 14;
/// The least room a tick label gets.
const LABEL_GAP: u32 = 52;
/// The events the figure's one listener takes (and `wheel`, which it takes not passively).
const EVENTS: [&str; 10] = [
    "pointerdown",
    "pointermove",
    "pointerup",
    "pointercancel",
    "click",
    "keydown",
    "mouseover",
    "mouseout",
    "focusin",
    "focusout",
];
/// How long a gesture rests before the address and the list follow it.
const REST: std::time::Duration = std::time::Duration::from_millis(150);
/// How tall the overview strip is.
const OVERVIEW: i32 = 34;

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
            LaneKind::Elections => "Elections & nominations".into(),
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
    // Only a PEP the data set has gets its details fetched: while a number is being typed
    // (`7`, `71`, `713`) the filter passes through numbers that no PEP has.
    let pep = {
        let l = loaded.clone();
        Memo::new(move |_| filter.with(|f| f.pep.filter(|&n| l.data.pep(n).is_some())))
    };
    let (details, _) = use_pep_details(pep.into());
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
                                EntryRole::Guest => "shape-down role-guest",
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
                    pep_lane(
                        &l,
                        &base,
                        n,
                        details.get().flatten().and_then(Result::ok),
                        all,
                    ),
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

    let axis = Rc::new(Axis {
        all,
        figure,
        view,
        width,
        filter,
        on_change,
        moving: moving.clone(),
        first: Rc::default(),
        address: Later::new(),
        focus: focus.clone(),
        pointers: RefCell::default(),
        start: Cell::default(),
        dragged: Cell::default(),
        wheeling: Rc::default(),
        resting: Later::new(),
        brush: Cell::default(),
    });

    // Everything on the axis that changes, drawn with DOM calls, once a frame at most.
    Effect::new(move |_| {
        let (w, px) = (view.get(), width.get());
        let (hover, screen) = (hovered.get(), on_screen.get());
        let Some(f) = figure.get() else {
            return;
        };
        let find = |css: &str| f.query_selector(css).ok().flatten();
        lanes.with(|lanes| {
            let scale = Scale::new(w, px);
            let height = TOP + LANE * lanes.len() as i32 + FOOT;
            let words = if w == all {
                format!("All of {} to {}", all.start().year(), all.end().year())
            } else {
                describe(&w.to_range())
            };
            if let Some(svg) = find("svg.axis") {
                let unit = TickStep::choose(&scale, LABEL_GAP).describe();
                // "marked in years", "marked every 2 years".
                let unit = if unit.starts_with("every") {
                    unit
                } else {
                    format!("in {unit}")
                };
                set(
                    &svg,
                    &[
                        ("viewBox", &format!("0 0 {px} {height}")),
                        ("height", &height.to_string()),
                        (
                            "aria-label",
                            &format!(
                                "Time axis, {words}, marked {unit}. Arrow keys move between \
                                 marks, + and − zoom, 0 shows everything."
                            ),
                        ),
                    ],
                );
            }
            if let Some(t) = find(".axis-range") {
                t.set_text_content(Some(&words));
            }
            // A button with nothing left to do says so; `aria-disabled` keeps it focused.
            let narrowest = w.days() <= MIN_SPAN_DAYS.min(all.days());
            for (css, idle) in [
                ("button[data-action=in]", narrowest),
                ("button[data-action=out]", w == all),
                ("button[data-action=all]", w == all),
            ] {
                if let Some(b) = find(css) {
                    let _ = b.set_attribute("aria-disabled", if idle { "true" } else { "false" });
                }
            }
            if let Some(g) = find(".axis-marks") {
                draw(
                    &g,
                    &scale,
                    lanes,
                    &terms,
                    notes_end,
                    hover,
                    screen,
                    focus.get(),
                );
            }
            if let Some(ul) = find(".lanes") {
                // What each lane holds in the window shown, as the list below says it.
                let keys: Vec<String> = lanes
                    .iter()
                    .map(|(k, marks)| {
                        let shown = marks.iter().filter(|m| w.contains(m.date)).count();
                        format!("{} ({shown})", k.label())
                    })
                    .collect();
                write_list(&ul, &keys);
            }
            if let Some(keys) = find(".person-keys") {
                let person = lanes.iter().any(|(k, _)| *k == LaneKind::Person);
                let _ = keys.toggle_attribute_with_force("hidden", !person);
            }
            if let Some(o) = find("svg.overview") {
                set(&o, &[("viewBox", &format!("0 0 {px} {OVERVIEW}"))]);
            }
            if let Some(r) = find(".overview-window") {
                let (x0, x1) = Scale::new(all, px).extent(&w.to_range());
                set(
                    &r,
                    &[
                        ("x", &x0.to_string()),
                        ("width", &(x1 - x0).max(3).to_string()),
                    ],
                );
            }
        });
    });
    // The overview: the whole span and a stroke per stretch of it with entries, drawn when
    // those change (a step moves only the window's frame on it, above).
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
    // And every gesture, key and pointer on the figure goes through one listener.
    let observer = StoredValue::new_local(None::<web_sys::ResizeObserver>);
    let listener = StoredValue::new_local(None::<(Element, Closure<dyn Fn(web_sys::Event)>)>);
    Effect::new(move |_| {
        let Some(f) = figure.get() else {
            return;
        };
        let measure = Closure::<dyn Fn()>::new(move || {
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
        let axis = axis.clone();
        let handle =
            Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| axis.handle(&ev));
        let callback = handle.as_ref().unchecked_ref();
        for name in EVENTS {
            let _ = f.add_event_listener_with_callback(name, callback);
        }
        // Not passive: the wheel zooms the axis instead of scrolling the page.
        let options = web_sys::AddEventListenerOptions::new();
        options.set_passive(false);
        let _ = f.add_event_listener_with_callback_and_add_event_listener_options(
            "wheel", callback, &options,
        );
        listener.set_value(Some((f.into(), handle)));
    });
    on_cleanup(move || {
        if let Some(Some(o)) = observer.try_update_value(Option::take) {
            o.disconnect();
        }
        // The figure may still get events as it goes (the focus leaving it): its listeners go
        // before the closure they call.
        if let Some(Some((f, handle))) = listener.try_update_value(Option::take) {
            for name in EVENTS.iter().chain(&["wheel"]) {
                let _ =
                    f.remove_event_listener_with_callback(name, handle.as_ref().unchecked_ref());
            }
        }
    });

    view! {
        <figure class="time-axis" node_ref=figure>
            <div class="axis-controls" role="group" aria-label="Move the time axis">
                <span class="axis-range" aria-live="polite" data-testid="axis-range"></span>
                <button type="button" class="button secondary" aria-label="Zoom in" data-action="in">"+"</button>
                <button type="button" class="button secondary" aria-label="Zoom out" data-action="out">"−"</button>
                <button type="button" class="button secondary" data-testid="axis-reset" data-action="all">"Show all"</button>
            </div>
            <svg class="axis" role="group" data-testid="axis" data-roving="">
                <defs>
                    <pattern id="no-notes" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                        <rect class="hatch" width="2" height="6"/>
                    </pattern>
                </defs>
                <g class="axis-marks"></g>
            </svg>
            <div class="axis-card" role="status" hidden=""></div>
            <svg class="overview" aria-label="The whole span: drag across it to pick the days shown, or zoom and move on the axis above with its keys" role="img" height=OVERVIEW>
                <g class="overview-marks"></g>
                <rect class="overview-window" y="1" height="15"/>
            </svg>
            <figcaption class="legend">
                <ul class="lanes"></ul>
                <span class="key shape-up outcome-accepted">"accepted"</span>
                <span class="key shape-cross outcome-rejected">"rejected"</span>
                <span class="key shape-diamond outcome-deferred">"deferred"</span>
                <span class="key shape-ring outcome-other">"other outcome"</span>
                <span class="person-keys" hidden="">
                    <span class="key role-present">"present"</span>
                    <span class="key role-absent">"absent"</span>
                    <span class="key role-guest">"guest"</span>
                    <span class="key role-nominee">"nominee"</span>
                </span>
                <span class="key-bands">"Shaded bands are council terms; a number is several entries, which a click zooms in to."</span>
            </figcaption>
        </figure>
    }
}

/// `list`'s items, one per text, reusing those there.
fn write_list(list: &Element, texts: &[String]) {
    let mut pen = draw::Pen::new_html(list);
    for t in texts {
        if let Some(li) = pen.take("li") {
            li.set_text_content(Some(t));
        }
    }
    pen.finish();
}

/// What the axis's gestures need between events: the window and how it was when a gesture
/// began, the pointers down, and what a gesture has written so far.
struct Axis {
    /// The whole span the axis can show.
    all: Window,
    figure: NodeRef<leptos::html::Figure>,
    view: RwSignal<Window>,
    width: RwSignal<u32>,
    filter: Memo<Filter>,
    on_change: Callback<Change>,
    /// A gesture is under way: the window is the axis's own until the address holds it.
    moving: Rc<Cell<bool>>,
    /// The gesture's first step is still to be written (it adds a history entry).
    first: Rc<Cell<bool>>,
    address: Later,
    /// The mark that is the axis's stop in the tab order.
    focus: Rc<Cell<usize>>,
    /// The pointers down on the axis, with their x.
    pointers: RefCell<Vec<(i32, i32)>>,
    /// The window, the x and the spread of two pointers when the gesture began.
    start: Cell<Option<(Window, i32, i32)>>,
    /// The pointer has moved far enough to be a drag, not a click on a mark.
    dragged: Cell<bool>,
    /// A turn of the wheel is under way.
    wheeling: Rc<Cell<bool>>,
    resting: Later,
    /// Where a brush across the overview began, and whether it has moved.
    brush: Cell<Option<(i32, bool)>>,
}

impl Axis {
    /// Shows `w` now, and writes it into the address once the gesture rests a moment (the
    /// list follows then, so its redrawing does not compete with the gesture's frames). A
    /// gesture's first step adds a history entry and the rest take its place.
    fn commit(&self, w: Window, starts: bool) {
        if self.view.get_untracked() != w {
            self.view.set(w);
        }
        self.moving.set(true);
        // Stays set until the address is written, so a step that replaces the pending write
        // still adds the gesture's one history entry.
        self.first.set(self.first.get() || starts);
        let (moving, first) = (self.moving.clone(), self.first.clone());
        let (filter, on_change, all) = (self.filter, self.on_change, self.all);
        self.address.after(REST, move || {
            let q = filter.with_untracked(|f| with_window(&f.q, w, all));
            on_change.run((q, Edit::Step(first.replace(false))));
            moving.set(false);
        });
    }

    fn width(&self) -> u32 {
        self.width.get_untracked()
    }

    /// The x of a pointer event in the figure.
    fn x(&self, ev: &web_sys::MouseEvent) -> i32 {
        let left = self
            .figure
            .get_untracked()
            .map_or(0.0, |f| f.get_bounding_client_rect().left());
        (f64::from(ev.client_x()) - left) as i32
    }

    fn zoom_by(&self, factor: f64) {
        let scale = Scale::new(self.view.get_untracked(), self.width());
        self.commit(
            scale.zoom_at(factor, self.width() as i32 / 2, self.all),
            true,
        );
    }

    /// Every event on the figure, by its type and where it happened.
    fn handle(&self, ev: &web_sys::Event) {
        let target = ev.target().and_then(|t| t.dyn_into::<Element>().ok());
        let within = |css: &str| target.as_ref().and_then(|t| t.closest(css).ok().flatten());
        let on_axis = within("svg.axis").is_some();
        match ev.type_().as_str() {
            "pointerdown" => {
                let Some(p) = ev.dyn_ref::<web_sys::PointerEvent>() else {
                    return;
                };
                if within("svg.overview").is_some() {
                    self.brush.set(Some((self.x(p), false)));
                    if let Some(t) = &target {
                        let _ = t.set_pointer_capture(p.pointer_id());
                    }
                } else if on_axis {
                    self.pointer_down(p);
                }
            }
            "pointermove" => {
                let Some(p) = ev.dyn_ref::<web_sys::PointerEvent>() else {
                    return;
                };
                if self.brush.get().is_some() {
                    self.brushed(p, false);
                } else {
                    self.pointer_move(p, target.as_ref());
                }
            }
            "pointerup" | "pointercancel" => {
                let Some(p) = ev.dyn_ref::<web_sys::PointerEvent>() else {
                    return;
                };
                if self.brush.get().is_some() {
                    self.brushed(p, true);
                }
                self.pointers
                    .borrow_mut()
                    .retain(|&(id, _)| id != p.pointer_id());
                self.start.set(None);
            }
            "click" => {
                if let Some(b) = within("button[data-action]") {
                    match b.get_attribute("data-action").as_deref() {
                        Some("in") => self.zoom_by(2.0),
                        Some("out") => self.zoom_by(0.5),
                        _ => self.commit(self.all, true),
                    }
                } else if on_axis {
                    // A drag is not a click on the mark it started on.
                    if self.dragged.replace(false) {
                        ev.prevent_default();
                        ev.stop_propagation();
                    } else if let Some(bin) = target_bin(ev, self.all) {
                        ev.prevent_default();
                        self.commit(bin, true);
                    }
                }
            }
            "wheel" if on_axis => {
                let Some(w) = ev.dyn_ref::<web_sys::WheelEvent>() else {
                    return;
                };
                ev.prevent_default();
                let scale = Scale::new(self.view.get_untracked(), self.width());
                let next = if w.delta_x().abs() > w.delta_y().abs() {
                    scale.pan_px(-(w.delta_x() as i32), self.all)
                } else {
                    scale.zoom_at((-w.delta_y() / 300.0).exp2(), self.x(w), self.all)
                };
                self.commit(next, !self.wheeling.replace(true));
                let wheeling = self.wheeling.clone();
                self.resting
                    .after(std::time::Duration::from_millis(300), move || {
                        wheeling.set(false)
                    });
            }
            "keydown" if on_axis => {
                if let Some(k) = ev.dyn_ref::<web_sys::KeyboardEvent>() {
                    self.key(k);
                }
            }
            "mouseover" | "focusin" if on_axis => {
                let mark = within("[data-name]");
                self.card(mark.as_ref());
                if ev.type_() == "focusin" {
                    if let Some(stop) = within("[data-focus]") {
                        if let Some(i) = stop
                            .get_attribute("data-focus")
                            .and_then(|v| v.parse().ok())
                        {
                            self.focus.set(i);
                            roam(&stop);
                        }
                    }
                }
            }
            "mouseout" | "focusout" if on_axis => {
                let to = ev
                    .dyn_ref::<web_sys::MouseEvent>()
                    .and_then(|m| m.related_target())
                    .or_else(|| {
                        ev.dyn_ref::<web_sys::FocusEvent>()
                            .and_then(|f| f.related_target())
                    })
                    .and_then(|t| t.dyn_into::<Element>().ok());
                if to
                    .and_then(|t| t.closest("[data-name]").ok().flatten())
                    .is_none()
                {
                    self.card(None);
                }
            }
            _ => {}
        }
    }

    fn pointer_down(&self, p: &web_sys::PointerEvent) {
        let x = self.x(p);
        let mut ps = self.pointers.borrow_mut();
        ps.retain(|&(id, _)| id != p.pointer_id());
        ps.push((p.pointer_id(), x));
        let spread = if ps.len() == 2 {
            (ps[0].1 - ps[1].1).abs()
        } else {
            0
        };
        self.start.set(Some((self.view.get_untracked(), x, spread)));
        self.dragged.set(false);
    }

    /// A drag pans, two fingers pinch; the drag's first step adds a history entry.
    fn pointer_move(&self, p: &web_sys::PointerEvent, target: Option<&Element>) {
        let Some((w0, x0, spread0)) = self.start.get() else {
            return;
        };
        let x = self.x(p);
        let next = {
            let mut ps = self.pointers.borrow_mut();
            if let Some(slot) = ps.iter_mut().find(|(id, _)| *id == p.pointer_id()) {
                slot.1 = x;
            }
            let scale = Scale::new(w0, self.width());
            if ps.len() == 2 && spread0 > 0 {
                let spread = (ps[0].1 - ps[1].1).abs().max(1);
                scale.zoom_at(
                    f64::from(spread) / f64::from(spread0),
                    (ps[0].1 + ps[1].1) / 2,
                    self.all,
                )
            } else if (x - x0).abs() > 4 || self.dragged.get() {
                scale.pan_px(x - x0, self.all)
            } else {
                return;
            }
        };
        let starts = !self.dragged.replace(true);
        if starts {
            if let Some(t) = target {
                let _ = t.set_pointer_capture(p.pointer_id());
            }
        }
        self.commit(next, starts);
    }

    /// A brush across the overview: the days dragged across become the window; a click there
    /// moves the window, as long as it is, to centre on that day.
    fn brushed(&self, p: &web_sys::PointerEvent, done: bool) {
        let Some((x0, moved)) = self.brush.get() else {
            return;
        };
        let x = self.x(p);
        let whole = Scale::new(self.all, self.width());
        if (x - x0).abs() >= 3 {
            self.brush.set(Some((x0, true)));
            self.commit(Window::from_range(whole.brush(x0, x), self.all), !moved);
        } else if done && !moved {
            let w = self.view.get_untracked();
            let middle = w.start() + chrono::Days::new(w.days() as u64 / 2);
            self.commit(
                w.pan((whole.date_at(x) - middle).num_days(), self.all),
                true,
            );
        }
        if done {
            self.brush.set(None);
        }
    }

    /// Arrows move between marks, + and − zoom, 0 shows everything, Shift with an arrow pans,
    /// Enter opens a mark (it is a link) or zooms into a count.
    fn key(&self, k: &web_sys::KeyboardEvent) {
        let w = self.view.get_untracked();
        let step = (w.days() / 4).max(1);
        let key = k.key();
        match key.as_str() {
            "+" | "=" => self.zoom_by(2.0),
            "-" | "_" => self.zoom_by(0.5),
            "0" => self.commit(self.all, true),
            "ArrowLeft" | "ArrowRight" if k.shift_key() => {
                let days = if key == "ArrowLeft" { -step } else { step };
                self.commit(w.pan(days, self.all), true);
            }
            "ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown" | "Home" | "End" => {
                if let Some(next) = next_mark(k, &key) {
                    self.focus.set(next.0);
                    roam(&next.1);
                }
            }
            "Enter" | " " => {
                if let Some(bin) = target_bin(k, self.all) {
                    k.prevent_default();
                    self.commit(bin, true);
                }
                return;
            }
            _ => return,
        }
        k.prevent_default();
    }

    /// The card beside `mark` (a mark or a count), or none.
    fn card(&self, mark: Option<&Element>) {
        let Some(card) = self
            .figure
            .get_untracked()
            .and_then(|f| f.query_selector(".axis-card").ok().flatten())
            .and_then(|c| c.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            return;
        };
        let Some(m) = mark else {
            card.set_hidden(true);
            return;
        };
        let attr = |k: &str| m.get_attribute(k).unwrap_or_default();
        let mut pen = draw::Pen::new_html(&card);
        for (tag, text) in [("strong", attr("data-name")), ("span", attr("data-detail"))] {
            if let Some(e) = pen.take(tag) {
                e.set_text_content(Some(&text));
            }
        }
        pen.finish();
        // Under the mark, centred on it but kept inside the figure: measured from the boxes,
        // since the buttons above the axis move it down the figure.
        card.set_hidden(false);
        let Some(host) = card.parent_element() else {
            return;
        };
        let (r, h) = (
            m.get_bounding_client_rect(),
            host.get_bounding_client_rect(),
        );
        let width = card.offset_width();
        let middle = ((r.left() + r.right()) / 2.0 - h.left()) as i32;
        let left = (middle - width / 2).min(h.width() as i32 - width).max(0);
        let style = card.style();
        let _ = style.set_property("left", &format!("{left}px"));
        let _ = style.set_property("top", &format!("{}px", (r.bottom() - h.top()) as i32 + 6));
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
