//! One person's record: roles, terms served, every election they stood in with votes or stars,
//! rank and result, their nomination platforms, the meetings whose notes name them present,
//! absent or as a guest, and the items that mention them.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::elections::ordinal;
use crate::core::model::{Section, VotingMethod};
use crate::core::number::count;
use crate::core::people::PersonRecord;
use crate::core::route::Route;
use crate::ui::components::mention::Mention;
use crate::ui::components::table_head::{TableHead, TableScroll};
use crate::ui::context::use_base;
use crate::ui::data::with_data;
use crate::ui::data::Loaded;
use crate::ui::document::{describe, set_title};
use crate::ui::pages::not_found::NotFound;

#[component]
pub fn PersonPage(
    /// The person's id, as the address gives it.
    slug: String,
) -> impl IntoView {
    with_data(move |loaded| {
        let slug = slug.clone();
        if loaded.data.person(&slug).is_none() {
            return view! { <NotFound what=format!("person \u{201c}{slug}\u{201d}")/> }.into_any();
        }
        view! { <PersonView loaded slug/> }.into_any()
    })
}

#[component]
fn PersonView(
    /// The data set.
    loaded: Arc<Loaded>,
    /// The person to show; they exist.
    slug: String,
) -> impl IntoView {
    let base = use_base();
    let Some(r) = PersonRecord::new(&loaded.data, &slug) else {
        return ().into_any();
    };
    let name = r.person.name.clone();
    set_title(&name);
    let roles = r
        .person
        .roles
        .iter()
        .map(|role| view! { <li class=format!("badge role-{}", role.as_str())>{role.label()}</li> })
        .collect_view();
    let years = r.term_years();
    let terms = years
        .iter()
        .enumerate()
        .map(|(i, &y)| view! { {(i > 0).then_some(", ")} <a href=base.href(&Route::Election(y))>{y.to_string()}</a> })
        .collect_view();
    let terms = if years.is_empty() {
        "0 (none)".into_any()
    } else {
        view! { {format!("{} (", years.len())} {terms} ")" }.into_any()
    };
    // The record never changes once loaded, so plain maps are enough instead of keyed <For/>.
    let standings = r
        .standings
        .iter()
        .map(|s| {
            let e = s.election;
            let unit = match e.method {
                VotingMethod::Star => "stars",
                VotingMethod::Approval => "votes",
            };
            let score = s.result.score().map_or("—".to_string(), |n| format!("{n} {unit}"));
            let place = s.result.rank.map_or(String::new(), |k| format!("{} of {}", ordinal(k), s.of));
            let c = s.result.candidate;
            let result = if c.withdrawn { "withdrew" } else if c.elected { "elected" } else { "not elected" };
            let thread = s.nomination.map(|n| n.thread_url.clone());
            view! {
                <tr class:elected=c.elected data-term=e.term.to_string()>
                    <th scope="row"><a href=base.href(&Route::Nomination(e.term, r.person.id.clone()))>{format!("{} term", e.term)}</a></th>
                    <td class="num">{score}</td>
                    <td>{place}</td>
                    <td>{result}</td>
                    <td>{thread.map(|url| view! { <a href=url rel="noopener">"thread"</a> })}</td>
                </tr>
            }
        })
        .collect_view();
    let known: Vec<_> = r
        .standings
        .iter()
        .filter_map(|s| s.nomination.filter(|n| !n.platform.is_empty()))
        .collect();
    let any_known = !known.is_empty();
    let platforms = known
        .into_iter()
        .map(|n| {
            let points = n.platform.iter().map(|p| view! { <li>{p.clone()}</li> }).collect_view();
            view! {
                <section class="nomination">
                    <h3>"For the " <a href=base.href(&Route::Nomination(n.term, n.person.clone()))>{format!("{} term", n.term)}</a></h3>
                    <ul class="platform">{points}</ul>
                    <p><a href=n.thread_url.clone() rel="noopener">"Nomination thread on discuss.python.org"</a></p>
                </section>
            }
        })
        .collect_view();
    let meeting_links = |sections: &[&Section]| {
        sections
            .iter()
            .map(|s| view! { <li><a href=base.href(&Route::Meeting(s.id.clone()))>{s.id.clone()}</a></li> })
            .collect_view()
    };
    let present = meeting_links(&r.present);
    let absent = meeting_links(&r.absent);
    let guest = r
        .guest
        .iter()
        .map(|(s, role)| {
            view! { <li><a href=base.href(&Route::Meeting(s.id.clone()))>{s.id.clone()}</a> {format!(" ({role})")}</li> }
        })
        .collect_view();
    let items = r
        .items
        .iter()
        .map(|(s, i)| {
            view! {
                <Mention
                    date=s.date
                    href=base.href(&Route::MeetingItem(s.id.clone(), i.n))
                    heading=s.shown_heading().to_string()
                    n=i.n
                    kind=i.kind
                    summary=i.summary.clone()
                />
            }
        })
        .collect_view();
    let counts = (
        r.present.len(),
        r.absent.len(),
        r.guest.len(),
        r.items.len(),
    );
    let stood = r.standings.len();
    describe(&format!(
        "{name} on the Python Steering Council: {} served, {} stood in.",
        count(years.len(), "term"),
        count(stood, "election")
    ));
    let meetings = |n: usize| format!("{n} meeting{}", if n == 1 { "" } else { "s" });
    // Written out rather than `Facts`, whose values are text: each term served links to its
    // election. One row view serves every fact, so the wasm grows by one view, not six.
    let row = |label: &'static str, testid: &'static str, n: usize, value: AnyView| {
        view! { <dt>{label}</dt><dd data-testid=testid data-value=n.to_string()>{value}</dd> }
    };
    let facts = [
        ("Terms served", "terms-served", years.len(), terms),
        (
            "Elections stood in",
            "elections-stood",
            stood,
            stood.to_string().into_any(),
        ),
        (
            "Named present",
            "present-count",
            counts.0,
            meetings(counts.0).into_any(),
        ),
        (
            "Named absent",
            "absent-count",
            counts.1,
            meetings(counts.1).into_any(),
        ),
        (
            "Guest at",
            "guest-count",
            counts.2,
            meetings(counts.2).into_any(),
        ),
        (
            "Items that name them",
            "item-count",
            counts.3,
            counts.3.to_string().into_any(),
        ),
    ]
    .into_iter()
    .map(|(label, testid, n, value)| row(label, testid, n, value))
    .collect_view();
    view! {
        <article class="person" data-testid="person-page" data-person=r.person.id.clone()>
            <nav class="breadcrumbs" aria-label="Breadcrumbs">
                <a href=base.href(&Route::home())>"Timeline"</a>
                " › "
                <a href=base.href(&Route::People)>"People"</a>
                " › "
                <span aria-current="page">{name.clone()}</span>
            </nav>
            <h1>{name.clone()}</h1>
            {r.person.note.clone().map(|n| view! { <p class="gist">{n}</p> })}
            {(!r.person.roles.is_empty()).then(|| view! { <ul class="roles" aria-label="Roles">{roles}</ul> })}
            <dl class="facts">{facts}</dl>
            {(stood > 0).then(|| view! {
                <TableScroll label="Elections">
                <table class="results" data-testid="person-elections">
                    <caption>"Elections"</caption>
                    <TableHead columns=vec![("Election", false), ("Votes or stars", true), ("Place", false), ("Result", false), ("Nomination", false)]/>
                    <tbody>{standings}</tbody>
                </table>
                </TableScroll>
                <h2>"Platforms"</h2>
                {(!any_known).then_some(view! { <p class="muted">"No nomination statement of theirs is known to this site; the threads above have them."</p> })}
                {platforms}
            })}
            <h2>"Attendance"</h2>
            <p class="muted">"Most notes do not say who attended; these are the meetings whose notes do, or that list them as a guest."</p>
            <div class="attendance">
                <section><h3>{format!("Present ({})", counts.0)}</h3><ul class="compact">{present}</ul></section>
                <section><h3>{format!("Absent ({})", counts.1)}</h3><ul class="compact">{absent}</ul></section>
                <section><h3>{format!("Guest ({})", counts.2)}</h3><ul class="compact">{guest}</ul></section>
            </div>
            <h2>{format!("Items that name them ({})", counts.3)}</h2>
            <ol class="mentions">{items}</ol>
        </article>
    }
    .into_any()
}
