//! Browser tests of the PEP, person and election pages and the membership chart (issue 4):
//! each page kind opened cold and checked against the files in `data/`, the list pages'
//! counts and shareable queries, the links from every PEP number, person name and election to
//! its page, and the not-found views. axe-core in both themes and the
//! 375 px width for these pages are checked with every other page kind in `accessibility.rs`.

use crate::harness::*;

/// One file of the bundled data set (`data/`), which the built site serves.
fn data_file(name: &str) -> Vec<Value> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join(name);
    let text =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("parse {}: {e}", path.display()))
}

impl Browser {
    /// Waits for `[data-testid=<id>]` and returns its `data-count` (lists) or `data-value`
    /// (a fact).
    async fn count_of(&self, id: &str) -> u64 {
        let css = format!("[data-testid={id}]");
        self.find(&css).await;
        self.until(&format!("a number in {css}'s data-count or data-value"), async || {
            let found = self
                .js(
                    "const e = document.querySelector(arguments[0]); return e && (e.dataset.count || e.dataset.value)",
                    vec![json!(css)],
                )
                .await;
            found
                .as_str()
                .and_then(|s| s.parse().ok())
                .ok_or(format!("data-count {found}"))
        })
        .await
    }

    /// Waits until the tab's title contains `part`.
    async fn title_has(&self, part: &str) {
        self.until(&format!("a title with {part:?}"), async || {
            let title = self.client.title().await.map_err(|e| e.to_string())?;
            if title.contains(part) {
                Ok(())
            } else {
                Err(format!("title {title:?}"))
            }
        })
        .await
    }

    /// `attribute` of every element matching `css`.
    async fn attrs(&self, css: &str, attribute: &str) -> Vec<String> {
        let found = self
            .js(
                "return [...document.querySelectorAll(arguments[0])].map(e => e.getAttribute(arguments[1]) || '')",
                vec![json!(css), json!(attribute)],
            )
            .await;
        let list = found.as_array().cloned().unwrap_or_default();
        list.iter()
            .map(|v| v.as_str().unwrap_or_default().to_owned())
            .collect()
    }
}

/// PEP `number`'s details file, read as the PEP page reads it.
fn details(number: u16) -> council_explorer::core::model::PepDetails {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("data/peps/{number}.json"));
    let text =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    council_explorer::core::dataset::parse_details(number, &text).unwrap()
}

/// How many lines PEP `number`'s status history shows: the core's steps, in which a row that
/// keeps the status in force is not a step.
fn history_lines(number: u16) -> usize {
    council_explorer::core::peps::history_steps(&details(number).history).len()
}

/// Whether item `item` of meetings.json refers to PEP `n`, by its list or an outcome.
fn item_refers_to(item: &Value, n: u64) -> bool {
    let listed = item["peps"]
        .as_array()
        .is_some_and(|p| p.iter().any(|v| v.as_u64() == Some(n)));
    let outcome = item["outcomes"]
        .as_array()
        .is_some_and(|o| o.iter().any(|o| o["pep"].as_u64() == Some(n)));
    listed || outcome || item["outcome"]["pep"].as_u64() == Some(n)
}

#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn pep_person_and_election_pages_open_cold_with_their_facts() {
    let b = Browser::open().await;

    // PEP 703: title, outcome and date, mentions, links, header nav.
    let peps = data_file("peps.json");
    let pep = peps.iter().find(|p| p["number"] == 703).expect("PEP 703");
    let decisions: Vec<Value> = data_file("decisions.json")
        .into_iter()
        .filter(|d| d["pep"] == 703)
        .collect();
    let meetings = data_file("meetings.json");
    let mentions = meetings
        .iter()
        .flat_map(|s| s["items"].as_array().cloned().unwrap_or_default())
        .filter(|i| item_refers_to(i, 703))
        .count() as u64;
    b.goto("peps/703").await;
    b.find("[data-testid=pep-page]").await;
    let title = pep["title"].as_str().unwrap();
    let h1 = b.texts("h1").await;
    assert!(
        h1.iter()
            .any(|t| t.contains("PEP 703") && t.contains(title)),
        "h1 {h1:?}"
    );
    b.title_has("PEP 703").await;
    assert_eq!(b.count_of("pep-decisions").await, decisions.len() as u64);
    let shown = b.texts("[data-testid=pep-decisions] li").await;
    for d in &decisions {
        let (date, outcome) = (d["date"].as_str().unwrap(), d["outcome"].as_str().unwrap());
        assert!(
            shown
                .iter()
                .any(|t| t.contains(date) && t.contains(outcome)),
            "no decision line with {outcome} on {date}: {shown:?}"
        );
    }
    assert_eq!(b.count_of("pep-mentions").await, mentions);
    assert_eq!(
        b.texts("[data-testid=pep-mentions] [data-testid=mention]")
            .await
            .len() as u64,
        mentions
    );
    assert_eq!(
        b.attrs("[data-testid=pep-external]", "href").await,
        vec!["https://peps.python.org/pep-0703/".to_owned()]
    );
    let status = b.texts("[data-testid=pep-status]").await;
    assert_eq!(status, vec![pep["status"].as_str().unwrap().to_owned()]);
    // The rest of the header comes from data/peps/703.json, fetched when the page opens.
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/peps/703.json");
    let details: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    b.find("[data-testid=pep-history]").await;
    let header = b.texts("[data-testid=pep-header] dd").await;
    let created = details["created"].as_str().unwrap().to_owned();
    assert!(header.contains(&created), "no {created} in {header:?}");
    assert_eq!(
        b.texts("[data-testid=pep-history] li").await.len(),
        history_lines(703)
    );
    b.screenshot("pep").await;
    let current = b.attrs(".site-nav a[aria-current]", "href").await;
    assert_eq!(
        current,
        vec![format!("{PREFIX}peps")],
        "the PEPs link is current"
    );

    // Pablo Galindo Salgado: terms served, elections stood, each score.
    let id = "pablo-galindo-salgado";
    let named = |list: &Value| list.as_array().is_some_and(|l| l.contains(&json!(id)));
    let terms = data_file("terms.json")
        .iter()
        .filter(|t| named(&t["members"]))
        .count() as u64;
    let elections = data_file("elections.json");
    let stood: Vec<(String, u64)> = elections
        .iter()
        .filter_map(|e| {
            let list = e["candidates"].as_array()?;
            let c = list.iter().find(|c| c["person"] == id)?;
            Some((
                e["term"].to_string(),
                c["stars"].as_u64().or(c["votes"].as_u64())?,
            ))
        })
        .collect();
    b.goto(&format!("people/{id}")).await;
    b.find("[data-testid=person-page]").await;
    b.title_has("Pablo Galindo Salgado").await;
    assert_eq!(b.count_of("terms-served").await, terms);
    assert_eq!(b.count_of("elections-stood").await, stood.len() as u64);
    for (term, score) in &stood {
        let row = b
            .texts(&format!(
                "[data-testid=person-elections] tr[data-term='{term}']"
            ))
            .await;
        assert!(
            row.len() == 1 && row[0].contains(&score.to_string()),
            "the {term} row should show {score}: {row:?}"
        );
    }

    // The 2026 election: every candidate's stars in the table and a bar per candidate.
    let e = elections.iter().find(|e| e["term"] == 2026).expect("2026");
    let candidates = e["candidates"].as_array().unwrap();
    b.goto("elections/2026").await;
    b.find("[data-testid=election-page]").await;
    b.title_has("2026").await;
    for c in candidates {
        let person = c["person"].as_str().unwrap();
        let score = b
            .attrs(&format!("tr[data-person='{person}']"), "data-score")
            .await;
        let want = c["stars"].as_u64().or(c["votes"].as_u64()).unwrap();
        assert_eq!(score, vec![want.to_string()], "{person}");
    }
    let elected = candidates.iter().filter(|c| c["elected"] == true).count();
    assert_eq!(
        b.texts("[data-testid=results] tr.elected").await.len(),
        elected
    );
    let bars = b.texts("svg.bar-chart[role=img] rect.bar").await.len();
    let standing = candidates.iter().filter(|c| c["withdrawn"] != true).count();
    assert_eq!(bars, standing, "one bar per candidate");
    b.screenshot("election").await;
    let turnout = b.attrs("[data-testid=turnout]", "data-value").await;
    assert_eq!(turnout, vec![e["cast"].to_string()]);
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn list_pages_show_the_right_counts_and_keep_the_filter_in_the_url() {
    let b = Browser::open().await;
    let decisions = data_file("decisions.json");
    let mut touched: Vec<u64> = decisions.iter().filter_map(|d| d["pep"].as_u64()).collect();
    for s in data_file("meetings.json") {
        for item in s["items"].as_array().cloned().unwrap_or_default() {
            let listed = item["peps"].as_array().cloned().unwrap_or_default();
            touched.extend(listed.iter().filter_map(Value::as_u64));
        }
    }
    touched.sort_unstable();
    touched.dedup();
    let mut rejected: Vec<u64> = decisions
        .iter()
        .filter(|d| d["outcome"] == "rejected")
        .filter_map(|d| d["pep"].as_u64())
        .collect();
    rejected.sort_unstable();
    rejected.dedup();

    b.goto("peps").await;
    assert_eq!(b.count_of("pep-count").await, touched.len() as u64);
    let select = b.find("select#peps-outcome").await;
    select
        .select_by_value("rejected")
        .await
        .expect("choose rejected");
    b.until("outcome=rejected in the URL and the count", async || {
        let param = b.param("outcome").await?;
        let rows = b
            .attrs("[data-testid=pep-table] tbody tr", "data-pep")
            .await;
        if param.as_deref() == Some("rejected") && rows.len() == rejected.len() {
            Ok(())
        } else {
            Err(format!("outcome={param:?}, {} rows", rows.len()))
        }
    })
    .await;
    // Opened cold, the query gives the same list, in number order when asked.
    b.goto("peps?outcome=rejected&sort=number").await;
    assert_eq!(b.count_of("pep-count").await, rejected.len() as u64);
    let rows: Vec<u64> = b
        .attrs("[data-testid=pep-table] tbody tr", "data-pep")
        .await
        .iter()
        .filter_map(|n| n.parse().ok())
        .collect();
    assert_eq!(rows, rejected);

    b.goto("people").await;
    assert_eq!(
        b.count_of("people-count").await,
        data_file("people.json").len() as u64
    );
    assert_eq!(
        b.texts("[data-testid=people-table] tbody tr").await.len(),
        data_file("people.json").len()
    );

    let elections = data_file("elections.json");
    b.goto("elections").await;
    assert_eq!(b.count_of("election-count").await, elections.len() as u64);
    let nominations = data_file("nominations.json");
    for e in &elections {
        let term = e["term"].to_string();
        let want = nominations
            .iter()
            .filter(|n| n["term"] == e["term"])
            .count();
        let got = b
            .attrs(
                &format!("[data-testid=elections-table] tr[data-term='{term}']"),
                "data-nominees",
            )
            .await;
        assert_eq!(got, vec![want.to_string()], "nominees for {term}");
    }
    assert_eq!(b.texts("svg.bar-chart[role=img]").await.len(), 2);

    // The home page's membership chart: a lane per member, each a person link.
    let mut members: Vec<String> = data_file("terms.json")
        .iter()
        .flat_map(|t| t["members"].as_array().cloned().unwrap_or_default())
        .filter_map(|m| m.as_str().map(str::to_owned))
        .collect();
    members.sort();
    members.dedup();
    b.goto("").await;
    b.find("[data-testid=membership-chart]").await;
    let lanes = b.attrs("[data-testid=membership-lane]", "href").await;
    assert_eq!(lanes.len(), members.len(), "{lanes:?}");
    for m in &members {
        let href = format!("{PREFIX}people/{m}");
        assert!(lanes.contains(&href), "no lane links to {href}: {lanes:?}");
    }

    // Open on the bare timeline; folded while a search is on, so the results come up under the
    // box; opened by hand it stays open as typing goes on; open again once the search is cleared.
    let chart_open = async || {
        b.js(
            "return document.querySelector('[data-testid=membership-chart]').open",
            vec![],
        )
        .await
        .as_bool()
        .unwrap_or(false)
    };
    assert!(chart_open().await, "the chart is open on the bare timeline");
    let input = b.find("input#filter-q").await;
    input.send_keys("py").await.expect("type");
    b.until("the chart folded while searching", async || {
        let q = b.param("q").await?;
        match (chart_open().await, q.as_deref()) {
            (false, Some("py")) => Ok(()),
            (open, q) => Err(format!("open {open}, q={q:?}")),
        }
    })
    .await;
    b.find("[data-testid=membership-chart] summary")
        .await
        .click()
        .await
        .expect("open the chart by hand");
    input.send_keys("thon").await.expect("type on");
    b.until("the chart kept open by hand", async || {
        let q = b.param("q").await?;
        match (chart_open().await, q.as_deref()) {
            (true, Some("python")) => Ok(()),
            (open, q) => Err(format!("open {open}, q={q:?}")),
        }
    })
    .await;
    b.find("[data-testid=membership-chart] summary")
        .await
        .click()
        .await
        .expect("fold the chart by hand");
    b.find("[data-testid=clear-filters]")
        .await
        .click()
        .await
        .expect("clear the filters");
    b.until("the chart open again on the bare timeline", async || {
        let q = b.param("q").await?;
        match (chart_open().await, q) {
            (true, None) => Ok(()),
            (open, q) => Err(format!("open {open}, q={q:?}")),
        }
    })
    .await;
    // The button is disabled with nothing left to clear; the focus went to the search box.
    let focused: String = b.read("return document.activeElement.id", vec![]).await;
    assert_eq!(focused, "filter-q");
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn pep_numbers_names_and_elections_link_to_their_pages() {
    let b = Browser::open().await;
    let href = |path: &str| format!("{PREFIX}{path}");

    // PEP 451's header names two delegates, both people of the data set.
    let delegate = details(451).delegate.unwrap_or_default();
    assert!(
        delegate.contains("Brett Cannon") && delegate.contains("Alyssa Coghlan"),
        "the test needs PEP 451's delegates: {delegate:?}"
    );
    b.goto("peps/451").await;
    b.find("[data-testid=pep-header] a.person-link").await;
    let people = b
        .attrs("[data-testid=pep-header] a.person-link", "href")
        .await;
    for id in ["brett-cannon", "alyssa-coghlan"] {
        let want = href(&format!("people/{id}"));
        assert!(people.contains(&want), "no {want} in {people:?}");
    }

    // PEP 410's source history says "Accepted → Rejected" in 2017, five years after it was
    // rejected; the page steps from the status in force and leaves that row out.
    b.goto("peps/410").await;
    b.find("[data-testid=pep-history]").await;
    let history = b.texts("[data-testid=pep-history] li").await;
    assert_eq!(history.len(), history_lines(410), "{history:?}");
    assert!(
        !history.iter().any(|h| h.contains("Accepted")),
        "{history:?}"
    );

    // A meeting's outcome badge links its PEP.
    b.goto("meetings/2023-08-28").await;
    b.find("li.item").await;
    let badges = b
        .attrs(".outcome[data-outcome=rejected] a.pep-link", "href")
        .await;
    assert!(badges.contains(&href("peps/713")), "badges {badges:?}");

    // An election: nomination anchors keep the base path, the election PEP links here and to
    // peps.python.org, and nominators who are people link to them.
    let elections = data_file("elections.json");
    let pep = elections.iter().find(|e| e["term"] == 2019).expect("2019")["pep"]
        .as_u64()
        .unwrap();
    b.goto("elections/2019").await;
    b.find("[data-testid=election-page]").await;
    let anchors = b
        .attrs(
            "[data-testid=results] a[aria-label^='Nomination of']",
            "href",
        )
        .await;
    assert!(!anchors.is_empty());
    for a in &anchors {
        assert!(a.starts_with(&href("elections/2019#")), "anchor {a}");
    }
    let links = b.attrs("dl.facts a", "href").await;
    assert!(links.contains(&href(&format!("peps/{pep}"))), "{links:?}");
    assert!(
        links.contains(&format!("https://peps.python.org/pep-{pep:04}/")),
        "{links:?}"
    );
    let nominators = b
        .attrs("section#donald-stufft p a.person-link", "href")
        .await;
    assert_eq!(
        nominators,
        vec![href("people/brett-cannon"), href("people/guido-van-rossum")]
    );

    // Opened cold with a nominee's fragment, the page lands on that nomination once drawn.
    let last = data_file("nominations.json")
        .iter()
        .rfind(|n| n["term"] == 2023)
        .and_then(|n| n["person"].as_str().map(str::to_owned))
        .expect("a 2023 nomination");
    b.goto(&format!("elections/2023#{last}")).await;
    b.find(&format!("section.nomination#{last}")).await;
    b.until(&format!("#{last} scrolled into view"), async || {
        let at = b
            .js(
                "const e = document.getElementById(arguments[0]);
                 const top = e.getBoundingClientRect().top;
                 return [window.scrollY, top, window.innerHeight]",
                vec![json!(last)],
            )
            .await;
        let n = |i: usize| at[i].as_f64().unwrap_or(-1.0);
        if n(0) > 0.0 && n(1) >= -2.0 && n(1) < n(2) {
            Ok(())
        } else {
            Err(format!("[scrollY, top, innerHeight] = {at}"))
        }
    })
    .await;

    // A person's terms served link to their elections.
    let id = "pablo-galindo-salgado";
    let years: Vec<String> = data_file("terms.json")
        .iter()
        .filter(|t| {
            t["members"]
                .as_array()
                .is_some_and(|m| m.contains(&json!(id)))
        })
        .map(|t| t["year"].to_string())
        .collect();
    b.goto(&format!("people/{id}")).await;
    b.find("[data-testid=terms-served]").await;
    let terms = b.attrs("[data-testid=terms-served] a", "href").await;
    let want: Vec<String> = years
        .iter()
        .map(|y| href(&format!("elections/{y}")))
        .collect();
    assert_eq!(terms, want);
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn unknown_peps_people_and_years_show_not_found() {
    let b = Browser::open().await;
    b.expect_error(NOT_FOUND);
    let peps = data_file("peps.json");
    assert!(
        !peps.iter().any(|p| p["number"] == 9876),
        "the test needs a PEP number that does not exist"
    );
    // Each with the list the navigation marks as its own: none for an address of no kind.
    for (path, list) in [
        ("peps/9876", Some("PEPs")),
        ("peps/abc", None),
        ("people/nobody-at-all", Some("People")),
        ("elections/2031", Some("Elections")),
        ("nonsense", None),
    ] {
        b.goto(path).await;
        let view = b.find("[data-testid=not-found]").await;
        assert!(
            view.is_displayed().await.unwrap_or(false),
            "not-found for {path} is not visible"
        );
        b.title_has("Not found").await;
        // A review in the browser: an address of no kind got "There is no page", without
        // saying which. Every view names what was asked for.
        let said = view.text().await.unwrap_or_default();
        let asked = path.rsplit('/').next().unwrap_or(path);
        assert!(said.contains(asked), "not-found for {path} says {said:?}");
        let current: Vec<String> = b
            .read(
                "return [...document.querySelectorAll('.site-nav [aria-current]')]
                   .map((a) => `${a.textContent} ${a.getAttribute('aria-current')}`)",
                vec![],
            )
            .await;
        let want: Vec<String> = list.map(|l| format!("{l} true")).into_iter().collect();
        assert_eq!(current, want, "{path}");
    }
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn meeting_page_opens_cold_from_its_url() {
    let b = Browser::open().await;
    b.goto("meetings/2023-08-28").await;

    b.until("an h1 with the date 2023-08-28", async || {
        let h1 = b.texts("h1").await;
        if h1.iter().any(|t| t.contains("2023-08-28")) {
            Ok(())
        } else {
            Err(format!("h1 {h1:?}"))
        }
    })
    .await;
    b.find("li.item").await;
    let items = b
        .js(
            "return [...document.querySelectorAll('li.item')].map(li => ({
               outcomes: [...li.querySelectorAll('.outcome')].map(o => o.dataset.outcome),
               peps: [...li.querySelectorAll('a.pep-link')].map(a => a.textContent),
             }))",
            vec![],
        )
        .await;
    let items = items.as_array().cloned().unwrap_or_default();
    let strings = |item: &Value, key: &str| -> Vec<String> {
        let list = item[key].as_array().cloned().unwrap_or_default();
        list.iter()
            .map(|v| normalise(v.as_str().unwrap_or_default()))
            .collect()
    };
    let rejected_713 = items.iter().any(|item| {
        strings(item, "outcomes").iter().any(|o| o == "rejected")
            && strings(item, "peps").iter().any(|p| p == "PEP 713")
    });
    assert!(
        rejected_713,
        "no li.item has both .outcome[data-outcome=rejected] and a.pep-link \"PEP 713\"; items: {items:?}"
    );
    b.until("a title with 2023-08-28", async || {
        let title = b.client.title().await.map_err(|e| e.to_string())?;
        if title.contains("2023-08-28") {
            Ok(())
        } else {
            Err(format!("title {title:?}"))
        }
    })
    .await;
    b.close().await;
}
