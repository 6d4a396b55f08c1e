//! Where one page gives way to the next, and where the prerendered view hands over to the live
//! app (issue 14): no panic, the right title and description, links a person can see and
//! reach, no blank page while the app loads, and a history that remembers where you were.

use crate::harness::*;

/// The title and description a page has when opened on its own, and how to tell it is drawn.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
struct Heading {
    title: String,
    description: String,
}

const HEADING: &str = "return { title: document.title,
    description: document.querySelector('meta[name=description]').content }";

/// One address of each kind of page the app has.
const KINDS: [&str; 10] = [
    "",
    "?q=pep:703",
    "meetings/2023-08-28",
    "peps/703",
    "peps",
    "people/pablo-galindo-salgado",
    "people",
    "elections/2023",
    "elections",
    "meetings/2031-01-01",
];

/// Follows a link to `path` (relative to the site) the way a click on a link in the page does,
/// so the app, not the browser, handles the navigation.
async fn follow(b: &Browser, path: &str) {
    b.js(
        "const a = document.createElement('a');
         a.href = arguments[0];
         a.textContent = 'go';
         document.body.append(a);
         a.click();
         a.remove();",
        vec![json!(b.site.url(path))],
    )
    .await;
}

/// A walk through every ordered pair of `n` nodes (an Euler circuit of the complete directed
/// graph, Hierholzer's way), starting and ending at 0.
fn every_pair(n: usize) -> Vec<usize> {
    let mut next: Vec<Vec<usize>> = (0..n)
        .map(|a| (0..n).filter(|&b| b != a).rev().collect())
        .collect();
    let (mut stack, mut walk) = (vec![0], Vec::new());
    while let Some(&at) = stack.last() {
        match next[at].pop() {
            Some(to) => stack.push(to),
            None => walk.push(stack.pop().unwrap_or_default()),
        }
    }
    walk.reverse();
    walk
}

#[test]
fn the_walk_covers_every_pair_once() {
    let walk = every_pair(5);
    let mut pairs: Vec<(usize, usize)> = walk.windows(2).map(|w| (w[0], w[1])).collect();
    assert_eq!(pairs.len(), 20);
    pairs.sort_unstable();
    pairs.dedup();
    assert_eq!(pairs.len(), 20, "{walk:?}");
}

// Issue 14: the timeline's after-paint work outlived it and read disposed signals on the
// meeting page (two panics), and then retitled the meeting "Timeline".
#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn a_search_result_opens_its_meeting_without_a_panic_and_with_its_title() {
    let b = Browser::open().await;
    b.goto("?q=pep:703").await;
    b.timeline().await;
    let link = b.find("a.entry-link[href*='/meetings/']").await;
    let href = link.prop("href").await.unwrap().unwrap_or_default();
    link.click().await.expect("click the first meeting");
    path_is(&b, &url_path(&href)).await;
    let h1 = b.find("main h1").await.text().await.unwrap_or_default();
    // Long enough for any work the timeline left for after the paint or a timeout to run.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let now: Heading = b.read(HEADING, vec![]).await;
    assert_eq!(
        now.title,
        format!("{h1} · Steering Council Explorer"),
        "the meeting's title"
    );
    assert!(
        !now.description.contains("one timeline"),
        "the meeting describes itself: {now:?}"
    );
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn every_navigation_between_page_kinds_sets_the_title_and_description() {
    let b = Browser::open().await;
    // Each kind of page opened on its own gives the title and description to expect.
    let mut cold = Vec::new();
    for path in KINDS {
        if path.starts_with("meetings/2031") {
            b.expect_error(NOT_FOUND);
        }
        b.goto(path).await;
        b.find("main h1").await;
        tokio::time::sleep(Duration::from_millis(200)).await;
        let heading: Heading = b.read(HEADING, vec![]).await;
        cold.push(heading);
    }
    b.goto(KINDS[0]).await;
    b.timeline().await;
    let walk = every_pair(KINDS.len());
    for pair in walk.windows(2) {
        let (from, to) = (KINDS[pair[0]], KINDS[pair[1]]);
        follow(&b, to).await;
        let want = &cold[pair[1]];
        b.until(
            &format!("the title of /{to} after coming from /{from}"),
            async || {
                let now: Heading = b.read(HEADING, vec![]).await;
                if now == *want {
                    Ok(())
                } else {
                    Err(format!("{now:?}, want {want:?}"))
                }
            },
        )
        .await;
    }
    // Nothing scheduled by an earlier page changes it afterwards.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let last: Heading = b.read(HEADING, vec![]).await;
    assert_eq!(last, cold[0], "the title stays that of the last page");
    println!("{} navigations, each with its page's title", walk.len() - 1);
    b.close().await;
}

/// What a person can see of a page and use: its visible text, and each visible link with its
/// accessible name and box. `root` is the element whose view it is.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
struct Seen {
    text: String,
    links: Vec<SeenLink>,
}

#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
struct SeenLink {
    href: String,
    name: String,
    svg: bool,
    width: f64,
    height: f64,
    /// Inside a composite widget (the time axis) that is one Tab stop, whose arrow keys move
    /// between its links.
    #[serde(default)]
    roving: bool,
}

const SEEN: &str = "const root = arguments[0] ? document.getElementById(arguments[0]) : document.body;
  const visible = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
  const name = (a) => (a.getAttribute('aria-label') || a.textContent).replace(/\\s+/g, ' ').trim();
  return {
    text: root.innerText.replace(/\\s+/g, ' ').trim(),
    links: [...root.querySelectorAll('a')].filter((a) => a.getAttribute('href') !== null && visible(a))
      .map((a) => { const r = a.getBoundingClientRect(); return {
        href: a.getAttribute('href'), name: name(a), svg: a.namespaceURI === 'http://www.w3.org/2000/svg',
        width: Math.round(r.width), height: Math.round(r.height), roving: !!a.closest('[data-roving]') }; }),
  };";

/// The `href` of every element the focus stops at, pressing Tab from the top of the page until
/// it comes round again (or `most` presses).
async fn tab_stops(b: &Browser, most: usize) -> Vec<String> {
    b.js(
        "document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);",
        vec![],
    )
    .await;
    let mut stops = Vec::new();
    for _ in 0..most {
        let body = b.client.find(Locator::Css("body")).await.expect("a body");
        body.send_keys(&Key::Tab.to_string())
            .await
            .expect("press Tab");
        let href: Option<String> = b
            .read(
                "const a = document.activeElement;
                 return a && a !== document.body
                   ? (a.closest('[data-roving]') ? 'roving' : (a.getAttribute('href') ?? ('#' + a.tagName)))
                   : null",
                vec![],
            )
            .await;
        match href {
            Some(h) if stops.first() != Some(&h) => stops.push(h),
            _ => break,
        }
    }
    stops
}

/// The prerendered pages, by kind, and what shows once each is drawn.
const PRERENDERED: [(&str, &str); 8] = [
    ("", "main li.entry"),
    ("meetings/2023-08-28", "main h1"),
    ("people/pablo-galindo-salgado", "main h1"),
    ("elections/2023", "main h1"),
    ("peps/703", "main [data-testid=pep-header]"),
    ("peps", "main h1"),
    ("people", "main h1"),
    ("elections", "main h1"),
];

// Issue 14: the live time axis drew its year links as HTML <a> inside <svg>: no box, no
// name, no click, no Tab stop, which an outerHTML comparison could not see.
#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn after_the_hand_over_every_page_shows_and_links_what_its_html_did() {
    let b = Browser::open().await;
    let wasm = wasm_file();
    for (path, ready) in PRERENDERED {
        b.site
            .replace(&wasm, Replacement::Slow(Duration::from_millis(1500)));
        b.goto_early(path).await;
        let before: Seen = b.read(SEEN, vec![json!("prerender")]).await;
        assert!(
            before.links.len() > 5,
            "/{path}: the HTML shows its links before the app runs: {before:?}"
        );
        b.site.restore(&wasm);
        b.until(&format!("/{path} handed over"), async || {
            if b.prerender_gone().await {
                Ok(())
            } else {
                Err("prerendered view still there".into())
            }
        })
        .await;
        b.find(ready).await;
        let after: Seen = b.read(SEEN, vec![Value::Null]).await;
        assert_eq!(after.text, before.text, "/{path}: the same visible text");
        let hrefs = |s: &Seen| s.links.iter().map(|l| l.href.clone()).collect::<Vec<_>>();
        assert_eq!(hrefs(&after), hrefs(&before), "/{path}: the same links");
        for (live, html) in after.links.iter().zip(&before.links) {
            assert!(
                live.width > 0.0 && live.height > 0.0 && !live.name.is_empty(),
                "/{path}: a link a person can see and name: {live:?}"
            );
            assert_eq!(
                (live.svg, &live.name),
                (html.svg, &html.name),
                "/{path}: the link to {} is the same element",
                live.href
            );
        }
        let stops = tab_stops(&b, after.links.len() + 60).await;
        let missed: Vec<&String> = after
            .links
            .iter()
            .filter(|l| !l.roving)
            .map(|l| &l.href)
            .filter(|h| !stops.contains(h))
            .collect();
        // A composite widget is one stop: Tab reaches one of its links, the arrows the rest.
        let roving: Vec<&String> = after
            .links
            .iter()
            .filter(|l| l.roving)
            .map(|l| &l.href)
            .collect();
        assert!(
            roving.is_empty() || stops.iter().any(|s| s == "roving"),
            "/{path}: Tab never reaches the time axis"
        );
        assert!(
            missed.is_empty(),
            "/{path}: links Tab never reaches: {missed:?}"
        );
        println!(
            "/{path}: {} links, the same before and after, all reached by Tab",
            after.links.len()
        );
    }
    b.close().await;
}

// Issue 14: the live time axis drew its links as HTML <a> inside <svg>: no box, no name, no
// click, no Tab stop, which an outerHTML comparison could not see.
#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn a_mark_on_the_time_axis_is_a_link_a_person_can_click() {
    let b = Browser::open().await;
    b.goto("").await;
    b.timeline().await;
    let mark = b.find("svg.axis a[href]").await;
    let link: SeenLink = b
        .read(
            "const a = arguments[0]; const r = a.getBoundingClientRect();
             return { href: a.getAttribute('href'), name: a.getAttribute('aria-label'),
                      svg: a.namespaceURI === 'http://www.w3.org/2000/svg',
                      width: r.width, height: r.height }",
            vec![serde_json::to_value(&mark).unwrap()],
        )
        .await;
    assert!(
        link.svg && link.width > 0.0 && link.height > 0.0 && !link.name.is_empty(),
        "an SVG link with a box and a name: {link:?}"
    );
    mark.click().await.expect("click the mark");
    path_is(
        &b,
        &url_path(&b.site.url(link.href.trim_start_matches(PREFIX))),
    )
    .await;
    b.find("main h1").await;
    b.close().await;
}

/// Whether the site header, its navigation and something in the main area show, with a box.
const SHELL: &str = "const shown = (css) => [...document.querySelectorAll(css)]
    .some((e) => e.getClientRects().length > 0 && e.getBoundingClientRect().height > 0);
  const nav = performance.getEntriesByType('navigation')[0];
  return { header: shown('.site-header .brand'), nav: shown('.site-nav a'),
           main: shown('main h1, main .skeleton, main [data-testid=loading]'),
           status: nav ? nav.responseStatus : 0 }";

#[derive(Debug, serde::Deserialize)]
struct Shell {
    header: bool,
    nav: bool,
    main: bool,
    status: u16,
}

// Issue 14: a shared filtered link and the list pages stayed blank, without even the header,
// until the wasm and the data were in; the list pages also answered 404.
#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn no_address_shows_a_blank_page_while_the_app_loads() {
    let b = Browser::open().await;
    b.site
        .replace(&wasm_file(), Replacement::Slow(Duration::from_secs(4)));
    for (path, status) in [
        ("?q=pep:703", 200),
        ("peps", 200),
        ("people", 200),
        ("elections", 200),
        ("meetings/2023-08-28", 200),
        ("peps/9999", 404),
        ("not/a/page", 404),
    ] {
        if status == 404 {
            b.expect_error(NOT_FOUND);
        }
        b.goto_early(path).await;
        let shell: Shell = b.read(SHELL, vec![]).await;
        assert!(
            shell.header && shell.nav && shell.main && shell.status == status,
            "/{path}: before the app runs, the header, the navigation and the page's place \
             show, with status {status}: {shell:?}"
        );
    }
    b.close().await;
}
