//! One person's record: roles, terms served, every election they stood in with votes or stars,
//! rank and result, their nomination platforms, the meetings whose notes name them present,
//! absent or as a guest, and the items that mention them.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::closest::Asked;
use crate::core::elections::ordinal;
use crate::core::model::{Section, VotingMethod};
use crate::core::number::count;
use crate::core::people::{sections_stating_attendance, Part, PersonRecord};
use crate::core::route::Route;
use crate::ui::components::mention::Mention;
use crate::ui::components::page_header::PageHeader;
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
            return view! { <NotFound asked=Asked::Person(slug)/> }.into_any();
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
    // By year, newest first, and within a year by what they were there.
    let by_year = r
        .meetings_by_year(&loaded.data)
        .into_iter()
        .map(|(year, parts)| {
            let parts = parts
                .into_iter()
                .map(|(part, sections)| {
                    let links = sections
                        .iter()
                        .enumerate()
                        .map(|(i, s)| {
                            let why = (part == Part::Guest)
                                .then(|| guest_role(s, &r.person.id))
                                .flatten()
                                .map(|role| format!(" ({role})"));
                            view! { {(i > 0).then_some(", ")} <a href=base.href(&Route::Meeting(s.id.clone()))>{s.id.clone()}</a>{why} }
                        })
                        .collect_view();
                    view! {
                        <li data-part=part.as_str()>
                            <span class="role-tag">{format!("{} ({})", part_label(part), sections.len())}</span>
                            " " {links}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="year-of-meetings">
                    <h3>{year.to_string()}</h3>
                    <ul class="compact">{parts}</ul>
                </section>
            }
        })
        .collect_view();
    let stated = sections_stating_attendance(&loaded.data);
    let stated_note = format!(
        "The notes say who attended in only {stated} of their {} sections, {} of them during {}'s terms; \
         the rest neither list them present nor absent.",
        loaded.data.parts.sections.len(),
        r.stated_in_terms,
        r.person.name,
    );
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
            <PageHeader route=Route::Person(r.person.id.clone()) crumb=name.clone() title=name.clone()/>
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
            <h2>"Meetings, by year"</h2>
            <p class="muted" data-testid="attendance-stated">{stated_note}</p>
            <div class="meetings-by-year" data-testid="meetings-by-year">{by_year}</div>
            <h2>{format!("Items that name them ({})", counts.3)}</h2>
            <ol class="mentions">{items}</ol>
        </article>
    }
    .into_any()
}

/// Why `id` was a guest at `s`, as its guest list says.
fn guest_role<'a>(s: &'a Section, id: &str) -> Option<&'a str> {
    s.guests
        .iter()
        .find(|g| g.person == id)
        .map(|g| g.role.as_str())
}

/// What a part is called on a person's page.
fn part_label(part: Part) -> &'static str {
    match part {
        Part::Mentioned => "Named in the notes",
        other => other.label(),
    }
}
