//! Who was there, and who decided (issues 17 and 19): the `role:` and `by:` qualifiers and
//! their controls, the role each row names, the person page's meetings by year, and the
//! decisions the PEP headers hold after the notes end.

use crate::harness::*;

/// What the timeline shows: each row's date, title and role tag, as a person reads them.
#[derive(Debug, serde::Deserialize)]
struct Row {
    date: String,
    title: String,
    role: String,
    href: String,
}

const ROWS: &str = "return [...document.querySelectorAll('main li.entry')].map((li) => ({
    date: li.querySelector('time').getAttribute('datetime'),
    title: li.querySelector('a.entry-link').textContent.trim(),
    role: (li.querySelector('.role-tag[data-role]') || { textContent: '' }).textContent.trim(),
    href: li.querySelector('a.entry-link').getAttribute('href'),
  }))";

#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn a_person_and_a_role_list_exactly_where_they_had_it() {
    let b = Browser::open().await;
    b.goto("?q=person:lukasz%20role:guest%20year:2023").await;
    let n = b.timeline().await;
    // Issue 17's example: the 2023 meetings where Łukasz Langa was a guest, and nothing else.
    assert_eq!(n, 21, "Łukasz was a guest at 21 sections of 2023");
    let rows: Vec<Row> = b.read(ROWS, vec![]).await;
    assert_eq!(rows.len(), 21);
    for r in &rows {
        assert!(
            r.date.starts_with("2023") && r.href.contains("/meetings/") && r.role == "Guest",
            "a 2023 meeting that says he was a guest: {r:?}"
        );
    }
    // The controls say the same as the box, and the person filter says how little the notes
    // state about attendance.
    assert_eq!(b.value_of("select#filter-role").await.unwrap(), "guest");
    assert_eq!(
        b.value_of("select#filter-person").await.unwrap(),
        "lukasz-langa"
    );
    let note = b.find("[data-testid=attendance-note]").await;
    assert!(note.is_displayed().await.unwrap());
    let text = note.text().await.unwrap();
    assert!(text.contains("say who attended"), "{text}");

    // Choosing a role with the control writes the qualifier, as every control does.
    b.find("select#filter-role")
        .await
        .select_by_value("present")
        .await
        .expect("choose present");
    b.until("role:present in the URL", async || {
        match b.qualifier("role").await? {
            Some(r) if r == "present" => Ok(()),
            other => Err(format!("role {other:?}")),
        }
    })
    .await;
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn a_person_page_lists_meetings_by_year_and_part() {
    let b = Browser::open().await;
    b.goto("people/lukasz-langa").await;
    let years = b.find("[data-testid=meetings-by-year]").await;
    assert!(years.is_displayed().await.unwrap());
    let headings = b.texts("[data-testid=meetings-by-year] h3").await;
    assert!(
        headings.contains(&"2023".to_string()) && headings.windows(2).all(|w| w[0] > w[1]),
        "years, newest first: {headings:?}"
    );
    let parts = b
        .texts("[data-testid=meetings-by-year] li[data-part=guest] .role-tag")
        .await;
    assert!(
        parts.iter().any(|p| p.starts_with("Guest (")),
        "his guest visits counted per year: {parts:?}"
    );
    let stated = b.texts("[data-testid=attendance-stated]").await;
    assert!(stated[0].contains("say who attended"), "{stated:?}");
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn decisions_after_the_notes_come_from_the_pep_headers_with_who_decided() {
    let b = Browser::open().await;
    // Issue 19's example: the council's 2025 decisions, which only the PEP headers record.
    b.goto("?q=kind:decision%20year:2025%20by:council").await;
    let n = b.timeline().await;
    assert!(n >= 15, "the council's 2025 decisions: {n}");
    let rows: Vec<Row> = b.read(ROWS, vec![]).await;
    assert!(
        rows.iter().any(|r| r.title == "PEP 750 accepted"),
        "{rows:?}"
    );
    assert!(rows.iter().all(|r| r.date.starts_with("2025")));
    assert_eq!(b.value_of("select#filter-by").await.unwrap(), "council");

    // PEP 810's page: its acceptance on 2025-11-03, in words, with the resolution post.
    b.goto("peps/810").await;
    let decision = b.find("[data-testid=pep-decisions] li.decision").await;
    let text = normalise(&decision.text().await.unwrap());
    assert!(
        text.contains("2025-11-03") && text.contains("Accepted PEP 810 (Explicit lazy imports)"),
        "{text}"
    );
    let link = decision
        .find(Locator::Css("a[href*='discuss.python.org']"))
        .await
        .expect("a link to the resolution post");
    assert!(link.is_displayed().await.unwrap());

    // A delegate's decision says whose it was.
    b.goto("peps/752").await;
    let decision = b.find("[data-testid=pep-decisions] li.decision").await;
    assert_eq!(
        decision.attr("data-decided-by").await.unwrap().as_deref(),
        Some("delegate")
    );
    let text = normalise(&decision.text().await.unwrap());
    assert!(
        text.contains("by its delegate") && text.contains("Dustin Ingram"),
        "{text}"
    );
    b.close().await;
}
