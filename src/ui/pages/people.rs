//! Everyone the data set names, with their roles, the terms they served and how often the
//! notes name them.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::people::{everyone, PersonSummary};
use crate::core::route::Route;
use crate::ui::components::page_header::ListHeader;
use crate::ui::components::person_link::PersonLink;
use crate::ui::components::table_head::{TableHead, TableScroll};
use crate::ui::context::use_base;
use crate::ui::data::with_data;
use crate::ui::data::Loaded;
use crate::ui::document::set_title;

#[component]
pub fn PeoplePage() -> impl IntoView {
    set_title("People");
    with_data(move |loaded| view! { <PeopleList loaded/> })
}

#[component]
fn PeopleList(
    /// The data set.
    loaded: Arc<Loaded>,
) -> impl IntoView {
    let people = everyone(&loaded.data);
    let total = people.len();
    let members = people.iter().filter(|p| !p.terms.is_empty()).count();
    view! {
        <ListHeader route=Route::People name="People" testid="people-count" count=total
            text=format!("{total} people, {members} of whom served on the council.")/>
        <TableScroll label="Everyone with their roles">
            <table class="results" data-testid="people-table">
                <caption class="visually-hidden">"Everyone with their roles"</caption>
                <TableHead columns=vec![("Name", false), ("Roles", false), ("Terms served", false), ("Elections", true), ("Meetings", true), ("Items", true)]/>
                <tbody>
                    // Fixed once loaded: a plain map is enough instead of a keyed <For/>.
                    {people.into_iter().map(|person| view! { <PersonRow person/> }).collect_view()}
                </tbody>
            </table>
        </TableScroll>
    }
}

#[component]
fn PersonRow(
    /// The person to draw.
    person: PersonSummary,
) -> impl IntoView {
    let roles = person
        .roles
        .iter()
        .map(|r| r.label())
        .collect::<Vec<_>>()
        .join(", ");
    let base = use_base();
    let terms = person
        .terms
        .iter()
        .enumerate()
        .map(|(i, &y)| view! { {(i > 0).then_some(", ")} <a href=base.href(&Route::Election(y))>{y.to_string()}</a> })
        .collect_view();
    view! {
        <tr data-person=person.id.clone()>
            <th scope="row"><PersonLink id=person.id.clone() name=person.name.clone()/></th>
            <td>{roles} {person.note.clone().map(|n| view! { <span class="muted">{format!(" · {n}")}</span> })}</td>
            <td>{terms}</td>
            <td class="num">{person.elections}</td>
            <td class="num">{person.meetings}</td>
            <td class="num">{person.items}</td>
        </tr>
    }
}
