//! The pieces every record page's table is built from: the header row from a list of column
//! names, and the scrolling box a wide table sits in on a phone (one small view each instead
//! of markup written out per table).

use leptos::prelude::*;

/// `<thead>` with one `<th scope="col">` per column.
#[component]
pub fn TableHead(
    /// Column names; `true` marks a numeric column (right-aligned).
    columns: Vec<(&'static str, bool)>,
) -> impl IntoView {
    let cells = columns
        .into_iter()
        .map(|(name, numeric)| view! { <th scope="col" class:num=numeric>{name}</th> })
        .collect_view();
    view! { <thead><tr>{cells}</tr></thead> }
}

/// A box that scrolls sideways when its table is wider than the screen. A keyboard can only
/// scroll what it can focus, so the box is a tab stop, and a named region so that a screen
/// reader says what that stop is.
#[component]
pub fn TableScroll(
    /// What the table shows, as its caption says it.
    label: &'static str,
    /// The table.
    children: Children,
) -> impl IntoView {
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=label>
            {children()}
        </div>
    }
}
