//! A horizontal bar chart drawn as one SVG image with a title and a description. Screen readers
//! read the title and description; every page that draws one also shows the same numbers as a
//! table, which is where the individual values are for them.

use leptos::prelude::*;

/// One bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// The label left of the bar ("Pablo Galindo Salgado", "2024").
    pub label: String,
    /// The bar's length in the chart's unit.
    pub value: f64,
    /// The value as written at the bar's end ("313", "78.2%").
    pub text: String,
    /// Drawn in the highlight colour (the elected).
    pub marked: bool,
}

// A narrow drawing scaled to the column's width keeps the text readable on a phone: 420 units
// across a 375 px phone's 343 px column draw the 14-unit labels at 11.4 px (480 drew them at
// 10). Whole SVG units, as in the time axis: integers keep float formatting (about 12 KB) out
// of the wasm.
const LABEL_W: i64 = 165;
const BAR_H: i64 = 20;
const GAP: i64 = 6;
const WIDTH: i64 = 420;
const VALUE_W: i64 = 52;

/// Bars with labels and values, scaled to the largest value.
#[component]
pub fn BarChart(
    /// A stable id prefix for the title and description elements.
    id: String,
    /// What the chart shows, in a few words; the image's accessible name.
    title: String,
    /// One or two sentences summarising it (highest, lowest); the image's description.
    description: String,
    /// The bars, top to bottom.
    bars: Vec<Bar>,
    /// The largest value the scale runs to; the largest bar when `None`.
    #[prop(optional)]
    max: Option<f64>,
) -> impl IntoView {
    let max = max
        .unwrap_or_else(|| bars.iter().map(|b| b.value).fold(0.0, f64::max))
        .max(f64::EPSILON);
    let height = bars.len() as i64 * (BAR_H + GAP) + GAP;
    let span = WIDTH - LABEL_W - VALUE_W;
    let (title_id, desc_id) = (format!("{id}-title"), format!("{id}-desc"));
    let labelled_by = format!("{title_id} {desc_id}");
    // The bars are fixed once drawn, so a plain map is enough instead of a keyed <For/>.
    let rows = bars
        .into_iter()
        .enumerate()
        .map(|(i, b)| {
            let y = GAP + i as i64 * (BAR_H + GAP);
            // At least one unit, so a bar of zero still shows where the scale starts.
            let w = ((b.value / max * span as f64).round() as i64).max(1);
            let class = if b.marked { "bar marked" } else { "bar" };
            view! {
                <g>
                    <text class="bar-label" x=LABEL_W - 8 y=y + BAR_H * 7 / 10 text-anchor="end">{b.label}</text>
                    <rect class=class x=LABEL_W y=y width=w height=BAR_H rx=3/>
                    <text class="bar-value" x=LABEL_W + w + 6 y=y + BAR_H * 7 / 10>{b.text}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <svg class="bar-chart" viewBox=format!("0 0 {WIDTH} {height}") role="img"
            aria-labelledby=labelled_by>
            <title id=title_id>{title}</title>
            <desc id=desc_id>{description}</desc>
            {rows}
        </svg>
    }
}
