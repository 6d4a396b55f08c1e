//! A list of labelled facts (`<dl class="facts">`) built from data rather than written out as
//! markup on each page: the record pages share this one small view, which keeps the wasm small.

use leptos::either::Either;
use leptos::prelude::*;

/// One labelled fact.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    pub label: &'static str,
    pub value: String,
    /// Makes the value a link.
    pub href: Option<String>,
    /// A `data-testid` for tests.
    pub testid: Option<&'static str>,
    /// A machine-readable `data-value` (a count, a number of days) for tests.
    pub data: Option<String>,
}

impl Fact {
    pub fn new(label: &'static str, value: impl Into<String>) -> Fact {
        Fact {
            label,
            value: value.into(),
            href: None,
            testid: None,
            data: None,
        }
    }

    pub fn link(mut self, href: String) -> Fact {
        self.href = Some(href);
        self
    }

    /// Adds a test id and a machine-readable value.
    pub fn tested(mut self, testid: &'static str, data: impl ToString) -> Fact {
        self.testid = Some(testid);
        self.data = Some(data.to_string());
        self
    }
}

/// The facts as a definition list.
#[component]
pub fn Facts(
    /// The facts, in order.
    facts: Vec<Fact>,
    /// A `data-testid` for the list.
    #[prop(optional)]
    testid: Option<&'static str>,
) -> impl IntoView {
    // Fixed once drawn: a plain map is enough instead of a keyed <For/>.
    let rows = facts
        .into_iter()
        .map(|f| {
            let value = match f.href {
                Some(href) => Either::Left(view! { <a href=href>{f.value}</a> }),
                None => Either::Right(f.value),
            };
            view! { <dt>{f.label}</dt><dd data-testid=f.testid data-value=f.data>{value}</dd> }
        })
        .collect_view();
    view! { <dl class="facts" data-testid=testid>{rows}</dl> }
}
