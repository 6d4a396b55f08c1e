//! Broken data and failing fetches, and addresses that name nothing: each says clearly what
//! is wrong and offers a way on (a retry, a link back).

use crate::harness::*;

#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn unknown_meetings_show_not_found_with_a_way_back() {
    let b = Browser::open().await;
    b.expect_error(NOT_FOUND);
    // Not a date at all, and a well-formed date with no meeting.
    for id in ["2023-13-45", "2031-01-01"] {
        b.goto(&format!("meetings/{id}")).await;
        let view = b.find("[data-testid=not-found]").await;
        assert!(
            view.is_displayed().await.unwrap_or(false),
            "not-found for {id} is not visible"
        );
        // The way back, after the meetings it offers instead (issue 18).
        let link = view
            .find(Locator::Css("a[data-testid=back-to-timeline]"))
            .await
            .unwrap_or_else(|_| panic!("the not-found view for {id} has no link"));
        let href = link.prop("href").await.unwrap().unwrap_or_default();
        let back = href.split(['?', '#']).next().unwrap_or_default();
        assert!(
            back == b.site.base || back == b.site.base.trim_end_matches('/'),
            "the not-found link for {id} goes to {href}, not the timeline {}",
            b.site.base
        );
        link.click().await.expect("follow the link back");
        b.find("[data-testid=timeline]").await;
    }
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn bad_data_shows_an_error_that_retry_recovers_from() {
    let b = Browser::open().await;
    b.expect_error(SERVER_ERROR);

    b.site
        .replace(MEETINGS_JSON, Replacement::Body("[{\"broken"));
    b.goto("").await;
    let error = b.find("[data-testid=data-error]").await;
    let message = normalise(&error.text().await.unwrap_or_default());
    // The file, and the problem as the parser saw it: where, and that the text ended early.
    for part in [
        "meetings.json",
        "not valid data (line 1, column",
        "EOF while parsing",
    ] {
        assert!(
            message.contains(part),
            "the error for truncated JSON lacks {part:?}: {message:?}"
        );
    }
    b.find("button[data-testid=retry]").await;

    b.site.replace(MEETINGS_JSON, Replacement::Status(500));
    b.goto("").await;
    let message = b
        .until("an error naming meetings.json and 500", async || {
            let texts = b.texts("[data-testid=data-error]").await;
            let text = texts.first().ok_or("no [data-testid=data-error]")?;
            if text.contains("meetings.json") && text.contains("500") {
                Ok(text.clone())
            } else {
                Err(format!("{text:?}"))
            }
        })
        .await;
    println!("error view for a 500: {message}");

    b.site.restore(MEETINGS_JSON);
    b.find("button[data-testid=retry]")
        .await
        .click()
        .await
        .expect("click retry");
    b.timeline().await;
    assert!(
        b.texts("[data-testid=data-error]").await.is_empty(),
        "the error stays after a successful retry"
    );
    b.close().await;
}

/// Waits for the error view; returns its text.
async fn error_view(b: &Browser, what: &str, must_contain: &[&str]) -> String {
    b.until(what, async || {
        let texts = b.texts("[data-testid=data-error]").await;
        let text = texts.first().ok_or("no [data-testid=data-error]")?;
        if must_contain.iter().all(|m| text.contains(m)) {
            Ok(text.clone())
        } else {
            Err(format!("{text:?} lacks one of {must_contain:?}"))
        }
    })
    .await
}

/// The text of data file `rel` after `edit`.
fn edited(rel: &str, edit: impl FnOnce(&mut Value)) -> Arc<str> {
    let text = std::fs::read_to_string(site_dir().join(rel)).expect("read a data file");
    let mut value: Value = serde_json::from_str(&text).expect("a data file is JSON");
    edit(&mut value);
    value.to_string().into()
}

/// The first half of data file `rel`: a download cut short.
fn first_half(rel: &str) -> Arc<str> {
    let text = std::fs::read_to_string(site_dir().join(rel)).expect("read a data file");
    let mut cut = text.len() / 2;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    text[..cut].into()
}

#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn each_kind_of_broken_file_names_the_file_and_the_problem() {
    let b = Browser::open().await;
    b.expect_error(NOT_FOUND);
    let first_section = |v: &mut Value| v.as_array_mut().unwrap()[0].clone();
    let cases: Vec<(&str, &str, Replacement, Vec<&str>)> = vec![
        (
            "an empty file",
            "data/terms.json",
            Replacement::Body(""),
            vec!["terms.json", "empty"],
        ),
        (
            "truncated JSON",
            MEETINGS_JSON,
            Replacement::Generated(first_half(MEETINGS_JSON)),
            vec!["meetings.json", "not valid data (line", "EOF while parsing"],
        ),
        (
            "a wrong type",
            "data/peps.json",
            Replacement::Generated(edited("data/peps.json", |v| {
                v[0]["number"] = json!("one");
            })),
            vec!["peps.json", "invalid type: string \"one\"", "u16"],
        ),
        (
            "a duplicate id",
            MEETINGS_JSON,
            Replacement::Generated(edited(MEETINGS_JSON, |v| {
                let copy = first_section(v);
                v.as_array_mut().unwrap().push(copy);
            })),
            vec!["meetings.json", "used twice"],
        ),
        (
            "a dangling reference",
            "data/decisions.json",
            Replacement::Generated(edited("data/decisions.json", |v| {
                let mut all = v.as_array_mut().unwrap().iter_mut();
                let d = all.find(|d| d["bases"]["notes"].is_object()).unwrap();
                d["bases"]["notes"]["section"] = json!("2099-01-01");
            })),
            vec!["decisions.json", "does not exist"],
        ),
        (
            "an impossible date",
            MEETINGS_JSON,
            Replacement::Generated(edited(MEETINGS_JSON, |v| {
                v[0]["date"] = json!("2023-02-30");
            })),
            vec!["meetings.json", "out of range"],
        ),
        (
            "a javascript: link",
            MEETINGS_JSON,
            Replacement::Generated(edited(MEETINGS_JSON, |v| {
                v[0]["source"]["url"] = json!("javascript:alert(1)");
            })),
            vec![
                "meetings.json",
                "javascript:alert(1)",
                "not an http(s) address",
            ],
        ),
        (
            "a missing file",
            "data/peps.json",
            Replacement::Status(404),
            vec!["peps.json", "404"],
        ),
    ];
    for (what, file, replacement, expect) in cases {
        b.site.replace(file, replacement);
        b.goto("").await;
        let text = error_view(&b, &format!("the error view for {what}"), &expect).await;
        println!("{what}: {text}");
        b.site.restore(file);
    }
    // Retry after the last one: the file is back, the timeline shows.
    b.find("button[data-testid=retry]")
        .await
        .click()
        .await
        .expect("click retry");
    b.timeline().await;
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn a_slow_file_gives_up_after_a_while_and_retry_recovers() {
    let b = Browser::open().await;
    b.site
        .replace(MEETINGS_JSON, Replacement::Slow(Duration::from_secs(40)));
    // A page whose prerendered view is not its own (a query) shows a spinner while it waits;
    // it turns, unless the visitor asked for less motion.
    b.goto("?q=gil").await;
    b.find("[data-testid=loading]").await;
    let spin = "return getComputedStyle(document.querySelector('.spinner')).animationName";
    assert_eq!(b.js(spin, vec![]).await, "spin", "the spinner's animation");
    emulate(&b, "", &[("prefers-reduced-motion", "reduce")]).await;
    assert_eq!(
        b.js(spin, vec![]).await,
        "none",
        "the spinner turns despite prefers-reduced-motion"
    );
    // A prerendered meeting page stays readable while it waits.
    b.goto_early("meetings/2023-08-28").await;
    let started = Instant::now();
    let items = b.texts("#prerender li.item").await;
    assert!(
        !items.is_empty(),
        "the prerendered meeting while the data is slow"
    );
    // The app waits 10 s for a file; `until` waits up to 20 s.
    let text = error_view(&b, "the slow-file error", &["meetings.json", "slow"]).await;
    let waited = started.elapsed();
    println!("after {waited:?}: {text}");
    assert!(
        waited >= Duration::from_secs(8),
        "the app gave up after only {waited:?}"
    );
    b.site.restore(MEETINGS_JSON);
    b.find("button[data-testid=retry]")
        .await
        .click()
        .await
        .expect("click retry");
    let retried = Instant::now();
    b.find("li.item").await;
    assert!(b.prerender_gone().await, "the live meeting after the retry");
    // The hanging request was ended: the retry does not wait behind it.
    assert!(
        retried.elapsed() < Duration::from_secs(5),
        "the retry took {:?}",
        retried.elapsed()
    );
    b.close().await;
}

/// PEP 703's details, which its page fetches on its own after the data set.
const PEP_703_DETAILS: &str = "data/peps/703.json";

#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn a_failing_pep_details_file_names_itself_and_retry_shows_the_header() {
    let b = Browser::open().await;
    b.expect_error(SERVER_ERROR);
    let cases: Vec<(&str, Replacement, Vec<&str>)> = vec![
        (
            "a wrong type",
            Replacement::Generated(edited(PEP_703_DETAILS, |v| {
                v["python_version"] = json!(313);
            })),
            vec![
                "peps/703.json",
                "not valid data (line",
                "invalid type: integer `313`, expected a string",
            ],
        ),
        (
            "a server error",
            Replacement::Status(500),
            vec!["peps/703.json", "could not be loaded", "500"],
        ),
    ];
    for (what, replacement, expect) in cases {
        b.site.replace(PEP_703_DETAILS, replacement);
        b.goto("peps/703").await;
        let text = b
            .until(&format!("the PEP details error for {what}"), async || {
                let texts = b.texts("[data-testid=pep-details-error]").await;
                let text = texts.first().ok_or("no [data-testid=pep-details-error]")?;
                if expect.iter().all(|m| text.contains(m)) {
                    Ok(text.clone())
                } else {
                    Err(format!("{text:?} lacks one of {expect:?}"))
                }
            })
            .await;
        println!("{what}: {text}");
        // Only the fetched part failed: the page and what the data set knows stay.
        let facts = b.texts("[data-testid=pep-facts]").await;
        assert!(
            facts.first().is_some_and(|f| f.contains("Final")),
            "{what}: the PEP's status from the data set is gone: {facts:?}"
        );
        assert!(
            b.texts("[data-testid=pep-header]").await.is_empty(),
            "{what}: the header shows beside its error"
        );
    }
    // The error view, with the rest of the page around it, passes axe.
    let problems = b.axe_violations().await;
    assert!(
        problems.is_empty(),
        "the PEP details error view:\n{}",
        problems.join("\n")
    );

    b.site.restore(PEP_703_DETAILS);
    b.find("[data-testid=pep-details-error] button")
        .await
        .click()
        .await
        .expect("click retry");
    let header = b
        .until("PEP 703's header after the retry", async || {
            let texts = b.texts("[data-testid=pep-header]").await;
            let text = texts.first().ok_or("no [data-testid=pep-header]")?;
            if [
                "Created",
                "2023-01-09",
                "Python version",
                "3.13",
                "Sam Gross",
            ]
            .iter()
            .all(|m| text.contains(m))
            {
                Ok(text.clone())
            } else {
                Err(format!("{text:?}"))
            }
        })
        .await;
    println!("after the retry: {header}");
    assert!(
        b.texts("[data-testid=pep-details-error]").await.is_empty(),
        "the error stays after a successful retry"
    );
    b.find("[data-testid=pep-history] li").await;
    b.close().await;
}
