//! Finding and reading (issue 18): a PEP's decisions lead its search, each item of a meeting
//! copies its own link, the STAR election shows its runoffs seat by seat, dead ends offer a way
//! on, a person's address works in any case, and on a 375 px phone the filters fold, the first
//! entry is on the first screen, tables keep their key column in sight and chart labels are
//! readable. The phone screenshots the README shows are taken here.

use crate::harness::*;

/// A 375 × 800 phone, as the issue measured it.
async fn phone(b: &Browser) {
    b.cdp(
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": 375, "height": 800, "deviceScaleFactor": 2, "mobile": true }),
    )
    .await;
}

/// Every timeline group shown: its heading and the kinds of its rows, and whether each row
/// gives its year.
const GROUPS: &str = "return [...document.querySelectorAll('[data-testid=timeline] section.month')]
  .map(s => ({
    heading: s.querySelector('h2').textContent.trim(),
    kinds: [...s.querySelectorAll('li.entry')].map(li => li.dataset.kind),
    years: [...s.querySelectorAll('li.entry')].every(li => !!li.querySelector('.entry-year')),
  }))";

#[derive(Debug, serde::Deserialize)]
struct Shown {
    heading: String,
    kinds: Vec<String>,
    years: bool,
}

#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn a_search_for_a_pep_shows_its_decisions_first() {
    let b = Browser::open().await;
    b.goto("?q=pep:701").await;
    b.timeline().await;
    let groups: Vec<Shown> = b
        .until("a Decisions group, then months", async || {
            let g: Vec<Shown> = b.read(GROUPS, vec![]).await;
            if g.len() > 1 && g[0].heading == "Decisions" {
                Ok(g)
            } else {
                Err(format!("{g:?}"))
            }
        })
        .await;
    assert_eq!(
        groups[0].kinds,
        ["decision", "decision"],
        "PEP 701's two decisions: {groups:?}"
    );
    assert!(groups[0].years, "rows under Decisions give their year");
    for g in &groups[1..] {
        assert!(
            g.heading.contains("20") && !g.kinds.contains(&"decision".to_string()),
            "then months, without the decisions again: {g:?}"
        );
    }
    // The first row is reachable and names the PEP.
    let first = b
        .texts("section.month:first-of-type li.entry a.entry-link")
        .await;
    assert!(first[0].contains("PEP 701"), "{first:?}");
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn each_item_of_a_meeting_copies_its_own_link() {
    let b = Browser::open().await;
    b.allow_clipboard().await;
    b.goto("meetings/2023-08-28").await;
    b.find("li.item").await;
    let names: Vec<String> = b
        .read(
            "return [...document.querySelectorAll('li.item')].map(li => {
               const button = li.querySelector('button.copy-link');
               return button ? button.textContent.replace(/\\s+/g, ' ').trim() : '';
             })",
            vec![],
        )
        .await;
    let want: Vec<String> = (1..=names.len())
        .map(|n| format!("Copy link to item {n}"))
        .collect();
    assert_eq!(names, want, "one named button per item");
    // By keyboard: the focus reaches the third item's button, and Enter copies.
    let button = b.find("#item-3 button.copy-link").await;
    b.js(
        "document.querySelector('#item-3 button.copy-link').focus()",
        vec![],
    )
    .await;
    let focused: bool = b
        .read(
            "return document.activeElement === document.querySelector('#item-3 button.copy-link')",
            vec![],
        )
        .await;
    assert!(focused, "the button takes the focus");
    button
        .send_keys(&Key::Enter.to_string())
        .await
        .expect("press Enter on the button");
    b.until("the item to say its link was copied", async || {
        let said = b.texts("#item-3 .copy-status").await.join(" ");
        if said == "Link copied" {
            Ok(())
        } else {
            Err(format!("status {said:?}"))
        }
    })
    .await;
    let pasted = b.clipboard().await;
    assert_eq!(
        pasted.as_str(),
        Some(b.site.url("meetings/2023-08-28#item-3").as_str()),
        "the clipboard holds the item's own address"
    );
    assert!(
        b.texts("#item-2 .copy-status").await.join("").is_empty(),
        "only the item copied says so"
    );
    b.close().await;
}

/// The runoff chart: its name, each seat's parts as drawn, and the smallest label in pixels.
const RUNOFF: &str = "const svg = document.querySelector('[data-testid=runoff-chart]');
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const name = svg.getAttribute('aria-labelledby').split(' ')
    .map(id => document.getElementById(id).textContent).join(' ');
  const seats = [];
  let y = null;
  for (const r of svg.querySelectorAll('rect.share')) {
    if (r.getAttribute('y') !== y) { seats.push([]); y = r.getAttribute('y'); }
    seats[seats.length - 1].push([r.getAttribute('class'), Number(r.getAttribute('width'))]);
  }
  return { name, seats, width: svg.viewBox.baseVal.width,
    legend: [...document.querySelectorAll('.runoff .legend li')].map(l => l.textContent),
    smallest: Math.min(...[...svg.querySelectorAll('text')]
      .map(t => parseFloat(getComputedStyle(t).fontSize) * scale)) }";

#[derive(Debug, serde::Deserialize)]
struct Runoff {
    name: String,
    seats: Vec<Vec<(String, f64)>>,
    width: f64,
    legend: Vec<String>,
    smallest: f64,
}

#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn the_star_election_shows_each_seats_runoff() {
    let b = Browser::open().await;
    phone(&b).await;
    b.goto("elections/2026").await;
    let heading = b.find("h2#rounds").await;
    assert_eq!(heading.text().await.unwrap(), "Seat by seat");
    let method = b
        .find("[data-testid=election-page] .facts a[href$='#rounds']")
        .await;
    assert!(method.text().await.unwrap().contains("STAR"));
    let rows: Vec<Vec<String>> = b
        .read(
            "return [...document.querySelectorAll('[data-testid=rounds] tbody tr')]
               .map(tr => [...tr.children].map(c => c.textContent.replace(/\\s+/g, ' ').trim()))",
            vec![],
        )
        .await;
    assert_eq!(rows.len(), 5, "one row per seat: {rows:?}");
    assert_eq!(
        rows[0],
        [
            "1",
            "Pablo Galindo Salgado (313 stars)",
            "Savannah Ostrowski (249 stars)",
            "36 to 19",
            "19",
            "17"
        ]
    );
    let r: Runoff = b.read(RUNOFF, vec![]).await;
    assert!(
        r.name.contains("Runoff") && r.name.contains("seat"),
        "{r:?}"
    );
    assert_eq!(r.seats.len(), 5, "{r:?}");
    // Seat 1: 36 rated Pablo higher, 19 both the same, 19 Savannah, of 74 ballots.
    let classes: Vec<&str> = r.seats[0].iter().map(|(c, _)| c.as_str()).collect();
    assert_eq!(
        classes,
        [
            "share share-preferred_winner",
            "share share-equal",
            "share share-preferred_runner_up"
        ]
    );
    for seat in &r.seats {
        let total: f64 = seat.iter().map(|(_, w)| w).sum();
        assert!(
            (total - r.width).abs() < 1.0,
            "a bar is every ballot: {seat:?}"
        );
    }
    assert!(
        (r.seats[0][0].1 - 36.0 * r.width / 74.0).abs() <= 1.0,
        "{r:?}"
    );
    assert_eq!(
        r.legend,
        [
            "Preferred the winner",
            "Rated both the same",
            "Preferred the runner-up"
        ]
    );
    assert!(r.smallest >= 11.0, "labels of {} px at 375 px", r.smallest);
    let source = b.find("a[href='https://peps.python.org/pep-8107/']").await;
    assert!(source.is_displayed().await.unwrap());
    let axe = b.axe_violations().await;
    assert!(axe.is_empty(), "/elections/2026 at 375 px: {axe:#?}");
    // An approval election has no runoff.
    b.goto("elections/2025").await;
    b.find("[data-testid=results]").await;
    assert!(b.texts("#rounds").await.is_empty());
    b.close().await;
}

/// The links a not-found view offers, as `(text, path)`.
async fn way_on(b: &Browser, path: &str) -> Vec<(String, String)> {
    b.goto(path).await;
    b.find("[data-testid=not-found]").await;
    b.until(&format!("/{path} to offer a way on"), async || {
        let links: Vec<(String, String)> = b
            .read(
                "return [...document.querySelectorAll('[data-testid=way-on] a')]
                   .map(a => [a.textContent, new URL(a.href).pathname])",
                vec![],
            )
            .await;
        if links.is_empty() {
            Err("no links".to_string())
        } else {
            Ok(links)
        }
    })
    .await
}

#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn dead_ends_offer_a_way_on() {
    let b = Browser::open().await;
    b.expect_error(NOT_FOUND);
    let links = way_on(&b, "meetings/2023-08-29").await;
    assert_eq!(
        links[0],
        (
            "Before it: Council meeting, 2023-08-28".to_string(),
            "/council/meetings/2023-08-28".to_string()
        ),
        "{links:?}"
    );
    assert!(links[1].0.starts_with("After it: "), "{links:?}");
    let links = way_on(&b, "people/lukas-langa").await;
    assert_eq!(
        links[0],
        (
            "Łukasz Langa".to_string(),
            "/council/people/lukasz-langa".to_string()
        )
    );
    let links = way_on(&b, "peps/716").await;
    let texts: Vec<&str> = links.iter().map(|(t, _)| t.as_str()).collect();
    assert!(
        texts[1].starts_with("PEP 715: ") && texts[2].starts_with("PEP 718: "),
        "{texts:?}"
    );
    // An address no route knows still says what it was after.
    let links = way_on(&b, "peps/pattern-matching").await;
    assert!(
        links.iter().any(|(_, p)| p == "/council/peps/634"),
        "{links:?}"
    );
    // And the offer leads there.
    b.goto("meetings/2023-08-29").await;
    b.find("[data-testid=way-on] a")
        .await
        .click()
        .await
        .unwrap();
    path_is(&b, "/council/meetings/2023-08-28").await;
    b.find("li.item").await;
    let axe = b.axe_violations().await;
    assert!(
        axe.is_empty(),
        "a meeting with a copy button per item: {axe:#?}"
    );
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn a_persons_address_in_another_case_opens_their_page() {
    let b = Browser::open().await;
    // The static host has no page at these addresses: it answers 404 with the app.
    b.expect_error(NOT_FOUND);
    for path in ["people/Lukasz-Langa", "people/%C5%81ukasz-Langa"] {
        b.goto(path).await;
        b.find("[data-testid=person-page]").await;
        path_is(&b, "/council/people/lukasz-langa").await;
        let h1 = b.texts("h1").await;
        assert_eq!(h1, ["Łukasz Langa"], "{path}");
    }
    b.close().await;
}

/// The filter bar on a phone: the toggle, whether the controls show, and where the first
/// entry starts.
const FOLD: &str = "const toggle = document.querySelector('.filters-toggle');
  const shown = e => !!e && e.getClientRects().length > 0;
  const entry = document.querySelector('[data-testid=timeline] li.entry');
  return { toggle: shown(toggle) ? toggle.textContent.trim() : '',
    expanded: toggle ? toggle.getAttribute('aria-expanded') || '' : '',
    search: shown(document.querySelector('#filter-q')),
    controls: shown(document.querySelector('#filter-person')),
    entry_top: entry ? entry.getBoundingClientRect().top : -1,
    axis_bottom: document.querySelector('.time-axis').getBoundingClientRect().bottom,
    height: window.innerHeight }";

#[derive(Debug, serde::Deserialize)]
struct Fold {
    toggle: String,
    expanded: String,
    search: bool,
    controls: bool,
    entry_top: f64,
    axis_bottom: f64,
    height: f64,
}

#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn on_a_phone_the_filters_fold_and_the_first_entry_shows() {
    let b = Browser::open().await;
    phone(&b).await;
    b.goto("").await;
    b.timeline().await;
    let f: Fold = b.read(FOLD, vec![]).await;
    assert_eq!(
        (f.toggle.as_str(), f.expanded.as_str(), f.search, f.controls),
        ("Filters", "false", true, false),
        "{f:?}"
    );
    assert!(
        f.entry_top > f.axis_bottom && f.entry_top < f.height,
        "the first entry starts on the first screen, after the time axis: {f:?}"
    );
    b.screenshot("phone-home").await;
    let axe = b.axe_violations().await;
    assert!(axe.is_empty(), "home at 375 px: {axe:#?}");

    // The same on a shared search, which says how many filters it holds.
    b.goto("?q=pep:703%20kind:decision%20gil").await;
    b.timeline().await;
    let f: Fold = b.read(FOLD, vec![]).await;
    assert_eq!(f.toggle, "Filters (2)", "{f:?}");
    assert!(f.entry_top < f.height, "{f:?}");

    // By keyboard: the toggle opens the controls and says so.
    tab_to(&b, ".filters-toggle", 20).await;
    press(&b, &[Key::Enter.into()]).await;
    let f: Fold = b
        .until("the controls open", async || {
            let f: Fold = b.read(FOLD, vec![]).await;
            if f.controls && f.expanded == "true" {
                Ok(f)
            } else {
                Err(format!("{f:?}"))
            }
        })
        .await;
    assert!(f.search, "{f:?}");
    let on_toggle: bool = b
        .read(
            "return document.activeElement.classList.contains('filters-toggle')",
            vec![],
        )
        .await;
    assert!(on_toggle);

    // A wide screen keeps every control in sight, with no toggle.
    b.cdp("Emulation.clearDeviceMetricsOverride", json!({}))
        .await;
    b.goto("").await;
    b.timeline().await;
    let f: Fold = b.read(FOLD, vec![]).await;
    assert!(f.controls && f.toggle.is_empty(), "{f:?}");
    b.close().await;
}

/// For the first `.table-scroll` on the page, scrolled all the way right: how far its first
/// row header is from the box's left edge, and whether the header is what shows there.
const KEY_COLUMN: &str = "const box = document.querySelector('.table-scroll');
  box.scrollLeft = box.scrollWidth;
  const th = box.querySelector('tbody th');
  const b = box.getBoundingClientRect(), t = th.getBoundingClientRect();
  const at = document.elementFromPoint(t.left + 4, t.top + t.height / 2);
  return { scrolled: box.scrollLeft, offset: t.left - b.left, on_top: th.contains(at) }";

#[derive(Debug, serde::Deserialize)]
struct KeyColumn {
    scrolled: f64,
    offset: f64,
    on_top: bool,
}

#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn on_a_phone_tables_keep_their_key_column_in_sight() {
    let b = Browser::open().await;
    phone(&b).await;
    for (path, table) in [
        ("peps", "[data-testid=pep-table]"),
        ("people", "[data-testid=people-table]"),
        ("elections", "[data-testid=elections-table]"),
    ] {
        b.goto(path).await;
        b.find(table).await;
        if path == "peps" {
            // The list as it opens, its table moved sideways a little.
            b.js(
                "document.querySelector('.table-scroll').scrollLeft = 160",
                vec![],
            )
            .await;
            b.screenshot("phone-peps").await;
        }
        b.js(
            "document.querySelector('.table-scroll').scrollIntoView()",
            vec![],
        )
        .await;
        let k: KeyColumn = b.read(KEY_COLUMN, vec![]).await;
        assert!(
            k.scrolled > 0.0,
            "/{path}: the table scrolls at 375 px: {k:?}"
        );
        assert!(
            k.offset.abs() < 1.0 && k.on_top,
            "/{path}: scrolled right, the row headers stay at the left: {k:?}"
        );
    }
    b.close().await;
}

/// The smallest label of any bar chart on the page, in pixels as drawn.
const SMALLEST_CHART_LABEL: &str =
    "return Math.min(...[...document.querySelectorAll('svg.bar-chart')]
  .flatMap(svg => {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return [...svg.querySelectorAll('text')]
      .map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
  }))";

#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn on_a_phone_chart_labels_are_readable() {
    let b = Browser::open().await;
    phone(&b).await;
    for (path, ready) in [
        ("elections", "[data-testid=elections-table]"),
        ("elections/2023", "[data-testid=results]"),
        ("elections/2026", "[data-testid=rounds]"),
    ] {
        b.goto(path).await;
        b.find(ready).await;
        let smallest: f64 = b.read(SMALLEST_CHART_LABEL, vec![]).await;
        assert!(
            smallest >= 11.0,
            "/{path}: chart labels of {smallest:.1} px"
        );
    }
    b.close().await;
}

/// The README's phone pictures: home is taken with the fold test, the PEP list (its table
/// moved sideways) with the tables'; these are a meeting and an election's runoffs.
#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn phone_screenshots_of_a_meeting_and_an_election() {
    let b = Browser::open().await;
    phone(&b).await;
    b.goto("meetings/2023-08-28").await;
    b.find("li.item").await;
    b.screenshot("phone-meeting").await;
    b.goto("elections/2026").await;
    b.find("[data-testid=rounds]").await;
    b.js("document.getElementById('rounds').scrollIntoView()", vec![])
        .await;
    b.screenshot("phone-election").await;
    b.close().await;
}
