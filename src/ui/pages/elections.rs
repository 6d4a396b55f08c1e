//! Every election, one line per term: method, turnout and number of nominees, drawn as two
//! small charts over the years with the same numbers in a table.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::elections::{overview, ElectionSummary};
use crate::core::number::percent;
use crate::core::route::Route;
use crate::ui::components::bar_chart::{Bar, BarChart};
use crate::ui::components::page_header::ListHeader;
use crate::ui::components::person_link::PersonLink;
use crate::ui::components::table_head::{TableHead, TableScroll};
use crate::ui::context::use_base;
use crate::ui::data::with_data;
use crate::ui::data::Loaded;
use crate::ui::document::set_title;

#[component]
pub fn ElectionsPage() -> impl IntoView {
    set_title("Elections");
    with_data(move |loaded| view! { <ElectionList loaded/> })
}

/// "2019 term: 72.0% … 2026 term: 69.8%": the extremes of a series, for a chart's description.
fn extremes(
    summaries: &[ElectionSummary],
    value: impl Fn(&ElectionSummary) -> f64,
    show: impl Fn(&ElectionSummary) -> String,
) -> String {
    let by = |a: &&ElectionSummary, b: &&ElectionSummary| value(a).total_cmp(&value(b));
    match (summaries.iter().max_by(by), summaries.iter().min_by(by)) {
        (Some(hi), Some(lo)) => format!(
            "Highest: the {} term with {}; lowest: the {} term with {}.",
            hi.term,
            show(hi),
            lo.term,
            show(lo)
        ),
        _ => String::new(),
    }
}

#[component]
fn ElectionList(
    /// The data set.
    loaded: Arc<Loaded>,
) -> impl IntoView {
    let base = use_base();
    let data = &loaded.data;
    let all = overview(data);
    let percent = |s: &ElectionSummary| percent(s.cast, s.eligible);
    let turnout_bars = all
        .iter()
        .map(|s| Bar {
            label: format!("{} term", s.term),
            value: s.turnout,
            text: percent(s),
            marked: false,
        })
        .collect();
    let nominee_bars = all
        .iter()
        .map(|s| Bar {
            label: format!("{} term", s.term),
            value: s.nominees as f64,
            text: s.nominees.to_string(),
            marked: false,
        })
        .collect();
    let turnout_desc = extremes(&all, |s| s.turnout, percent);
    let nominee_desc = extremes(
        &all,
        |s| s.nominees as f64,
        |s| format!("{} nominees", s.nominees),
    );
    // Eight elections, fixed once loaded: a plain map is enough instead of a keyed <For/>.
    let rows = all
        .iter()
        .map(|s| {
            let elected = s
                .elected
                .iter()
                .enumerate()
                .map(|(i, id)| view! { {(i > 0).then_some(", ")} <PersonLink id=id.clone() name=data.name(id).to_string()/> })
                .collect_view();
            view! {
                <tr data-term=s.term.to_string() data-nominees=s.nominees.to_string()>
                    <th scope="row"><a href=base.href(&Route::Election(s.term))>{format!("{} term", s.term)}</a></th>
                    <td>{s.method.as_str()}</td>
                    <td class="num">{format!("{} of {}", s.cast, s.eligible)}</td>
                    <td class="num">{percent(s)}</td>
                    <td class="num">{s.nominees}</td>
                    <td class="num">{s.withdrawn}</td>
                    <td>{elected}</td>
                </tr>
            }
        })
        .collect_view();
    let count = all.len();
    view! {
        <ListHeader route=Route::Elections name="Elections" testid="election-count" count
            text=format!("{count} elections, one for each council term.")/>
        <div class="chart-pair">
            <figure class="chart">
                <figcaption>"Turnout by term"</figcaption>
                <BarChart id="turnout".to_string() title="Turnout by term (share of eligible voters who cast a ballot)".to_string()
                    description=turnout_desc bars=turnout_bars max=100.0/>
            </figure>
            <figure class="chart">
                <figcaption>"Nominees by term"</figcaption>
                <BarChart id="nominees".to_string() title="Nominees by term (withdrawn nominations included)".to_string()
                    description=nominee_desc bars=nominee_bars/>
            </figure>
        </div>
        <TableScroll label="Every election">
            <table class="results" data-testid="elections-table">
                <caption>"Every election"</caption>
                <TableHead columns=vec![("Election", false), ("Method", false), ("Ballots", true), ("Turnout", true), ("Nominees", true), ("Withdrew", true), ("Elected", false)]/>
                <tbody>{rows}</tbody>
            </table>
        </TableScroll>
    }
}
