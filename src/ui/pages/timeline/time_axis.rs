//! The visual time axis: years, council terms as bands, and a mark per matching entry. Each
//! year label is a link that narrows the timeline to that year.

use std::sync::Arc;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::core::date::month_year;
use crate::core::query::{set_qualifier, Filter, Qualifier};
use crate::core::route::Route;
use crate::core::search::Results;
use crate::core::timeline::EntryKind;
use crate::ui::context::use_base;
use crate::ui::data::Loaded;

// Whole SVG units: the axis is 1000 wide, so a unit is under three days, and integers keep
// float formatting (about 10 KB of wasm) out of the build.
const WIDTH: i64 = 1000;
const FIRST_YEAR: i32 = 2019;
const LAST_YEAR: i32 = 2026;

fn x(date: NaiveDate) -> i64 {
    let start = NaiveDate::from_ymd_opt(FIRST_YEAR, 1, 1).unwrap_or_default();
    let end = NaiveDate::from_ymd_opt(LAST_YEAR + 1, 1, 1).unwrap_or_default();
    let span = (end - start).num_days();
    ((date - start).num_days() * WIDTH / span).clamp(0, WIDTH)
}

/// Years, term bands and a mark for the entries found.
#[component]
pub fn TimeAxis(
    /// The data set, for the terms.
    loaded: Arc<Loaded>,
    /// What the filter found.
    results: Memo<Results>,
    /// The filter, so year links keep the other filters.
    filter: Memo<Filter>,
) -> impl IntoView {
    let base = use_base();
    // The terms never change once loaded, so a plain map is enough instead of a keyed <For/>.
    let today = NaiveDate::from_ymd_opt(LAST_YEAR + 1, 1, 1).unwrap_or_default();
    let bands = loaded
        .data
        .parts
        .terms
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let (x0, x1) = (x(t.start), x(t.end.unwrap_or(today)));
            let class = if i % 2 == 0 { "band band-even" } else { "band band-odd" };
            view! {
                <g>
                    <title>{format!("{} term: {} to {}", t.year, t.start, t.end.map_or("today".into(), |e| e.to_string()))}</title>
                    <rect class=class x=x0 y=22 width=(x1 - x0).max(1) height=34/>
                    <text class="band-label" x=x0 + 4 y=34>{format!("{} term", t.year)}</text>
                </g>
            }
        })
        .collect_view();
    // The year links are drawn once; a keystroke only changes their addresses, which costs the
    // browser less than new elements.
    let years = (FIRST_YEAR..=LAST_YEAR)
        .map(|y| {
            let base = base.clone();
            let link = move || {
                filter.with(|f| {
                    let year = (f.year != Some(y)).then(|| y.to_string());
                    base.href(&Route::search(set_qualifier(
                        &f.q,
                        Qualifier::Year,
                        year.as_deref(),
                    )))
                })
            };
            let current = Memo::new(move |_| filter.with(|f| f.year == Some(y)));
            let x0 = x(NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or_default());
            // The builder's SVG <a>: the view macro makes an HTML <a> even inside <svg> (where it
            // has no box, no name and no Tab stop, though its markup reads the same).
            let label = view! {
                // The whole top of the year's column takes the click, not only the glyphs of
                // its label.
                <rect class="year-hit" x=x0 y=0 width=WIDTH / i64::from(LAST_YEAR - FIRST_YEAR + 1) height=18/>
                <text class=move || if current.get() { "year-label current" } else { "year-label" } x=x0 + 4 y=14>{y.to_string()}</text>
            };
            let link = leptos::svg::a()
                .attr("href", link)
                .attr("aria-label", format!("Show {y} only"))
                .attr("aria-current", move || current.get().then_some("true"))
                .child(label);
            view! {
                <line class="year-tick" x1=x0 x2=x0 y1=0 y2=70/>
                {link}
            }
        })
        .collect_view();
    let all = loaded.clone();
    // One path per kind of entry, a short stroke per date, rather than an element per mark; the
    // four paths are drawn once and a keystroke changes only their `d`.
    let paths = Memo::new(move |_| {
        results.with(|r| {
            // Marks at the same x look the same, so each is drawn once.
            let mut seen = std::collections::HashSet::new();
            let mut paths: [String; 4] = Default::default();
            for e in r.hits.iter().map(|&i| &all.entries[i]) {
                let cx = x(e.date);
                if !seen.insert((e.kind, cx)) {
                    continue;
                }
                let y = match e.kind {
                    EntryKind::Meeting => 42,
                    EntryKind::Decision => 50,
                    _ => 30,
                };
                let at = EntryKind::ALL
                    .iter()
                    .position(|k| *k == e.kind)
                    .unwrap_or(0);
                paths[at].push_str(&format!("M{cx} {y}v6"));
            }
            paths
        })
    });
    let marks = EntryKind::ALL
        .into_iter()
        .enumerate()
        .map(|(at, kind)| {
            let d = move || paths.with(|p| p[at].clone());
            view! { <path class=format!("mark mark-{}", kind.as_str()) d=d/> }
        })
        .collect_view();
    let entries = loaded.clone();
    let summary = move || {
        results.with(|r| {
            let dates = r.hits.iter().map(|&i| entries.entries[i].date);
            match (dates.clone().min(), dates.max()) {
                (Some(first), Some(last)) => format!(
                    "{} entries from {} to {}",
                    r.hits.len(),
                    month_year(first),
                    month_year(last)
                ),
                _ => "No entries".to_string(),
            }
        })
    };
    view! {
        <figure class="time-axis">
            // A group, not an image: it holds the year links, which must stay reachable.
            <svg viewBox=format!("0 0 {WIDTH} 70") role="group" aria-label=summary preserveAspectRatio="none">
                {bands}
                {marks}
                {years}
            </svg>
            <figcaption class="legend">
                <span class="key key-meeting">"Meetings & notes"</span>
                <span class="key key-decision">"Decisions"</span>
                <span class="key key-election">"Elections & nominations"</span>
                <span class="key-bands">"Shaded bands are council terms; click a year to narrow to it."</span>
            </figcaption>
        </figure>
    }
}
