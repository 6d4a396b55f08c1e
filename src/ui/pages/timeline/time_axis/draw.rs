//! Drawing the axis: with DOM calls into one `<g>`, not as views, since a pan step redraws a
//! few hundred marks within a frame. Elements already there are reused in place (`Pen`), and
//! every text from the data is set with `setAttribute` or `textContent`, never parsed as markup.

use chrono::NaiveDate;
use leptos::prelude::document;
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::{LaneKind, Mark, FOOT, GAP, LABEL_GAP, LANE, PILL, SVG, TOP};
use crate::core::axis::{bins, describe, drawn_at, spaced, ticks, DateRange, Scale};

fn el(doc: &web_sys::Document, name: &str) -> Option<Element> {
    doc.create_element_ns(Some(SVG), name).ok()
}

pub(super) fn set(e: &Element, pairs: &[(&str, &str)]) {
    for (k, v) in pairs {
        let _ = e.set_attribute(k, v);
    }
}

/// Draws the axis for `scale` into `g`, replacing what was there.
#[allow(clippy::too_many_arguments)]
pub(super) fn draw(
    g: &Element,
    scale: &Scale,
    lanes: &[(LaneKind, Vec<Mark>)],
    terms: &[(u16, DateRange)],
    notes_end: Option<NaiveDate>,
    hovered: Option<usize>,
    on_screen: Option<(NaiveDate, NaiveDate)>,
    focused: usize,
) {
    let doc = document();
    // A redraw replaces every mark: the one that had the focus hands it on to its successor.
    let had_focus = doc
        .active_element()
        .filter(|a| g.contains(Some(a)))
        .and_then(|a| a.get_attribute("data-focus"));
    let mut pen = Pen::new(g);
    // What was drawn, for the benchmark that times a step (scripts/bench-axis).
    let _ = g.set_attribute(
        "data-window",
        &format!("{}..{}", scale.window().start(), scale.window().end()),
    );
    let w = scale.width() as i32;
    let lanes_end = TOP + LANE * lanes.len() as i32;
    let bottom = lanes_end + FOOT;
    let window = scale.window();
    let num = |n: i32| n.to_string();
    // Terms as bands, with their names where there is room.
    for (k, (year, range)) in terms.iter().enumerate() {
        let (x0, x1) = scale.extent(range);
        let (x0, x1) = (x0.max(0), x1.min(w));
        if x1 <= x0 {
            continue;
        }
        if let Some(r) = pen.take("rect") {
            let class = if k % 2 == 0 {
                "band band-even"
            } else {
                "band band-odd"
            };
            set(
                &r,
                &[
                    ("class", class),
                    ("x", &num(x0)),
                    ("y", &num(TOP)),
                    ("width", &num(x1 - x0)),
                    ("height", &num(bottom - TOP)),
                ],
            );
        }
        if x1 - x0 > 70 {
            if let Some(t) = pen.take("text") {
                set(
                    &t,
                    &[
                        ("class", "band-label"),
                        ("x", &num(x0 + 4)),
                        ("y", &num(bottom - 3)),
                    ],
                );
                t.set_text_content(Some(&format!("{year} term")));
            }
        }
    }
    // After the last published notes, the meetings lane is hatched and says why it is empty.
    if let Some(end) = notes_end.filter(|&d| d < window.end()) {
        let x0 = scale.x(end.max(window.start())).max(0);
        if let Some(r) = pen.take("rect") {
            set(
                &r,
                &[
                    ("class", "no-notes"),
                    ("x", &num(x0)),
                    ("y", &num(TOP)),
                    ("width", &num(w - x0)),
                    ("height", &num(LANE)),
                ],
            );
        }
        if w - x0 > 150 {
            if let Some(t) = pen.take("text") {
                set(
                    &t,
                    &[
                        ("class", "no-notes-label"),
                        ("x", &num(x0 + 6)),
                        ("y", &num(TOP + LANE * 2 / 3 + 4)),
                    ],
                );
                t.set_text_content(Some(&format!("The council's notes end on {end}")));
            }
        }
    }
    // Ticks: a line and a label each, year boundaries stronger.
    for t in ticks(scale, LABEL_GAP) {
        if let Some(line) = pen.take("line") {
            let class = if t.major { "tick major" } else { "tick" };
            set(
                &line,
                &[
                    ("class", class),
                    ("x1", &num(t.x)),
                    ("x2", &num(t.x)),
                    ("y1", &num(TOP - 6)),
                    ("y2", &num(lanes_end)),
                ],
            );
        }
        if let Some(label) = pen.take("text") {
            let class = if t.major {
                "tick-label major"
            } else {
                "tick-label"
            };
            // Right of its line, or left of it where the axis ends too soon for the label.
            let (x, anchor) = if w - t.x < LABEL_GAP as i32 {
                (t.x - 3, "end")
            } else {
                (t.x + 3, "start")
            };
            set(
                &label,
                &[
                    ("class", class),
                    ("x", &num(x)),
                    ("y", "13"),
                    ("text-anchor", anchor),
                ],
            );
            label.set_text_content(Some(&t.label));
        }
    }
    // Which part of the list is on screen.
    if let Some((a, b)) = on_screen {
        if let Ok(r) = DateRange::new(Some(a.min(b)), Some(a.max(b))) {
            let (x0, x1) = scale.extent(&r);
            if let Some(rect) = pen.take("rect") {
                set(
                    &rect,
                    &[
                        ("class", "on-screen"),
                        ("x", &num(x0.max(0))),
                        ("y", &num(TOP - 4)),
                        ("width", &num((x1 - x0).max(2))),
                        ("height", "3"),
                    ],
                );
            }
        }
    }
    // The lanes: a label, then a mark per entry or a count per fold.
    let mut stop = 0usize;
    for (row, (kind, marks)) in lanes.iter().enumerate() {
        // The lane's name along its top, its marks below it.
        let y = TOP + LANE * row as i32 + LANE * 2 / 3;
        let in_view = marks
            .iter()
            .enumerate()
            .filter(|(_, m)| window.contains(m.date))
            .map(|(i, m)| (i, scale.x_mid(m.date)));
        for bin in spaced(bins(in_view, GAP), half_width, w) {
            let one = &marks[bin.first];
            // At the middle of its marks, but wholly inside the axis.
            let x = drawn_at(&bin, half_width(bin.count), w);
            let node = if bin.count == 1 {
                let a = pen.take("a");
                if let (Some(a), Some(href)) = (&a, &one.href) {
                    set(
                        a,
                        &[
                            ("href", href),
                            ("aria-label", &one.name),
                            ("data-name", &one.name),
                            ("data-detail", &one.detail),
                        ],
                    );
                }
                let mut inner = a.as_ref().map(Pen::new);
                if let Some(shape) = inner.as_mut().and_then(|p| p.take("path")) {
                    set(
                        &shape,
                        &[
                            ("class", &format!("mark {}", one.class)),
                            ("d", &shape_path(one.class, x, y)),
                        ],
                    );
                }
                if let Some(p) = inner {
                    p.finish();
                }
                if one.entry.is_some() && one.entry == hovered {
                    if let Some(ring) = pen.take("circle") {
                        set(
                            &ring,
                            &[
                                ("class", "mark-ring"),
                                ("cx", &num(x)),
                                ("cy", &num(y)),
                                ("r", "9"),
                            ],
                        );
                    }
                }
                a
            } else {
                let last = &marks[bin.last];
                let words = format!(
                    "{} entries, {}: zoom in",
                    bin.count,
                    describe(
                        &DateRange::new(Some(one.date), Some(last.date))
                            .unwrap_or_else(|_| window.to_range())
                    )
                );
                let b = pen.take("g");
                if let Some(b) = &b {
                    set(
                        b,
                        &[
                            ("class", "bin"),
                            ("role", "button"),
                            ("aria-label", &words),
                            ("data-name", &words),
                            ("data-from", &one.date.to_string()),
                            ("data-to", &last.date.to_string()),
                        ],
                    );
                    let mut inner = Pen::new(b);
                    if let Some(r) = inner.take("rect") {
                        let wide = half_width(bin.count) * 2;
                        set(
                            &r,
                            &[
                                ("x", &num(x - wide / 2)),
                                ("y", &num(y - 8)),
                                ("width", &num(wide)),
                                ("height", "16"),
                                ("rx", "8"),
                            ],
                        );
                    }
                    if let Some(t) = inner.take("text") {
                        set(&t, &[("x", &num(x)), ("y", &num(y + 4))]);
                        t.set_text_content(Some(&bin.count.to_string()));
                    }
                    inner.finish();
                    let hit = one.entry.is_some()
                        && marks[bin.first..=bin.last]
                            .iter()
                            .any(|m| m.entry.is_some() && m.entry == hovered);
                    if hit {
                        let _ = b.set_attribute("class", "bin hovered");
                    }
                }
                b
            };
            if let Some(n) = node {
                set(
                    &n,
                    &[
                        ("tabindex", if stop == focused { "0" } else { "-1" }),
                        ("data-focus", &stop.to_string()),
                        ("data-lane", &row.to_string()),
                        ("data-x", &num(x)),
                    ],
                );
                stop += 1;
            }
        }
        if let Some(t) = pen.take("text") {
            set(
                &t,
                &[
                    ("class", "lane-label"),
                    ("x", "4"),
                    ("y", &num(TOP + LANE * row as i32 + 11)),
                ],
            );
            t.set_text_content(Some(&kind.label()));
        }
    }
    pen.finish();
    // One stop of the axis is always in the tab order, even after the marks change.
    let at = if focused < stop { focused } else { 0 };
    if let Ok(Some(mark)) = g.query_selector(&format!("[data-focus='{at}']")) {
        let _ = mark.set_attribute("tabindex", "0");
        if had_focus.is_some() {
            if let Ok(el) = mark.dyn_into::<web_sys::SvgElement>() {
                let _ = el.focus();
            }
        }
    }
}

/// Draws into `parent` in document order, reusing the elements already there where the tag
/// is the same: a redraw then changes attributes rather than making new elements, which costs
/// a pan step less. `finish` removes what was not drawn again.
pub(super) struct Pen<'a> {
    parent: &'a Element,
    at: u32,
    /// The namespace the elements it makes are in: SVG, or `None` for HTML.
    svg: bool,
}

impl<'a> Pen<'a> {
    fn new(parent: &'a Element) -> Pen<'a> {
        Pen {
            parent,
            at: 0,
            svg: true,
        }
    }

    /// A pen for HTML children (a list, the card).
    pub(super) fn new_html(parent: &'a Element) -> Pen<'a> {
        Pen {
            parent,
            at: 0,
            svg: false,
        }
    }

    fn make(&self, tag: &str) -> Option<Element> {
        if self.svg {
            el(&document(), tag)
        } else {
            document().create_element(tag).ok()
        }
    }

    /// The next element, a `tag`: the one there if it is one, else a new one in its place.
    pub(super) fn take(&mut self, tag: &str) -> Option<Element> {
        let there = self.parent.children().item(self.at);
        self.at += 1;
        match there {
            Some(e) if e.local_name() == tag => Some(e),
            Some(e) => {
                let new = self.make(tag)?;
                let _ = e.replace_with_with_node_1(&new);
                Some(new)
            }
            None => {
                let new = self.make(tag)?;
                let _ = self.parent.append_child(&new);
                Some(new)
            }
        }
    }

    pub(super) fn finish(self) {
        while let Some(e) = self.parent.children().item(self.at) {
            e.remove();
        }
    }
}

/// Makes `mark` the axis's one stop in the tab order and gives it the focus.
pub(super) fn roam(mark: &Element) {
    if let Ok(Some(svg)) = mark.closest("svg") {
        if let Ok(all) = svg.query_selector_all("[tabindex='0']") {
            for i in 0..all.length() {
                if let Some(e) = all.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                    let _ = e.set_attribute("tabindex", "-1");
                }
            }
        }
    }
    let _ = mark.set_attribute("tabindex", "0");
    if let Some(el) = mark.dyn_ref::<web_sys::SvgElement>() {
        if !mark.matches(":focus").unwrap_or(false) {
            let _ = el.focus();
        }
    }
}

/// How far a drawn bin of `count` marks reaches either side of its middle: a mark, or a count
/// of one digit or more.
fn half_width(count: usize) -> i32 {
    match count {
        1 => 6,
        2..=9 => PILL / 2,
        _ => PILL / 2 + 3,
    }
}

/// The outline of a mark of `class` at (x, y): its shape tells the outcome as well as its
/// colour does.
fn shape_path(class: &str, x: i32, y: i32) -> String {
    let shape = class.split(' ').next().unwrap_or("shape-circle");
    match shape {
        "shape-up" => format!("M{x} {}L{} {}L{} {}Z", y - 6, x + 6, y + 5, x - 6, y + 5),
        "shape-cross" => format!(
            "M{} {}L{} {}M{} {}L{} {}",
            x - 5,
            y - 5,
            x + 5,
            y + 5,
            x + 5,
            y - 5,
            x - 5,
            y + 5
        ),
        "shape-diamond" => format!("M{x} {}L{} {y}L{x} {}L{} {y}Z", y - 6, x + 6, y + 6, x - 6),
        "shape-down" => format!("M{x} {}L{} {}L{} {}Z", y + 6, x + 6, y - 5, x - 6, y - 5),
        "shape-square" => format!("M{} {}h10v10h-10Z", x - 5, y - 5),
        "shape-dot" => format!("M{} {y}a3 3 0 1 0 6 0a3 3 0 1 0 -6 0", x - 3),
        // A circle, filled or (ring) not: the stroke is the class's.
        _ => format!("M{} {y}a5 5 0 1 0 10 0a5 5 0 1 0 -10 0", x - 5),
    }
}

/// The overview: a stroke per stretch of days with entries, darker the more it holds, and the
/// years.
pub(super) fn draw_overview(g: &Element, all: &Scale, dates: &[NaiveDate]) {
    let doc = document();
    g.set_text_content(None);
    let num = |n: i32| n.to_string();
    for bin in bins(dates.iter().enumerate().map(|(i, &d)| (i, all.x_mid(d))), 3) {
        if let Some(r) = el(&doc, "rect") {
            let level = match bin.count {
                1 => "o1",
                2..=3 => "o2",
                _ => "o3",
            };
            set(
                &r,
                &[
                    ("class", &format!("density {level}")),
                    ("x", &num(bin.x0)),
                    ("y", "3"),
                    ("width", &num((bin.x1 - bin.x0).max(2))),
                    ("height", "10"),
                ],
            );
            let _ = g.append_child(&r);
        }
    }
    for year in 2020..=2026 {
        if let Some(d) = NaiveDate::from_ymd_opt(year, 1, 1) {
            let x = all.x(d);
            if let Some(t) = el(&doc, "text") {
                set(
                    &t,
                    &[("class", "overview-year"), ("x", &num(x + 2)), ("y", "29")],
                );
                t.set_text_content(Some(&format!("’{:02}", year % 100)));
                let _ = g.append_child(&t);
            }
        }
    }
}
