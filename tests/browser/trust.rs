//! Browser tests that the site can be trusted with: it runs under a strict
//! Content-Security-Policy, shows hostile data as inert text, says clearly what is wrong with
//! broken data or a failing server, and can be used by keyboard, at 375 px, in both themes.
//! They use the harness of `tests/browser.rs` (this is its child module).

use super::*;
use fantoccini::actions::{InputSource, KeyAction, KeyActions};

#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn the_app_runs_under_a_strict_csp_that_blocks_injected_scripts() {
    let b = Browser::open().await;
    b.goto("").await;
    b.timeline().await;

    let policy = b
        .js(
            "const m = document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]');
             return m ? m.content : null",
            vec![],
        )
        .await;
    let policy = policy
        .as_str()
        .unwrap_or_else(|| panic!("index.html has no Content-Security-Policy <meta>"))
        .to_owned();
    let directive = |name: &str| -> Vec<String> {
        policy
            .split(';')
            .map(str::trim)
            .find_map(|d| d.strip_prefix(name).filter(|rest| rest.starts_with(' ')))
            .map(|rest| rest.split_whitespace().map(str::to_owned).collect())
            .unwrap_or_default()
    };
    let script_src = directive("script-src");
    assert!(
        script_src.contains(&"'self'".to_owned())
            && script_src.contains(&"'wasm-unsafe-eval'".to_owned()),
        "script-src should allow the site's own scripts and WebAssembly: {policy}"
    );
    for word in [
        "'unsafe-inline'",
        "'unsafe-eval'",
        "*",
        "data:",
        "http:",
        "https:",
    ] {
        assert!(
            !script_src.contains(&word.to_owned()),
            "script-src allows {word}: {policy}"
        );
    }
    assert_eq!(directive("default-src"), ["'none'"], "policy: {policy}");
    assert_eq!(directive("object-src"), ["'none'"], "policy: {policy}");
    assert!(
        !directive("style-src").contains(&"'unsafe-inline'".to_owned()),
        "style-src allows inline styles: {policy}"
    );
    assert!(
        b.csp_violations().await.is_empty(),
        "loading the home page broke the policy: {:?}",
        b.csp_violations().await
    );

    // What an injection would try: an inline script and an inline event handler. (eval is not
    // tried here: a script run through WebDriver is exempt from the page's policy, so only the
    // policy's text above can show that eval is refused.)
    b.js(
        "const s = document.createElement('script');
         s.textContent = 'window.__pwned = \"inline script\"';
         document.body.append(s);
         const d = document.createElement('div');
         d.innerHTML = '<img src=\"x\" onerror=\"window.__pwned = &quot;handler&quot;\">';
         document.body.append(d);
         return null",
        vec![],
    )
    .await;
    let blocked = b
        .until(
            "violations for the inline script and the handler",
            async || {
                let v = b.csp_violations().await;
                let has = |d: &str| v.iter().any(|l| l.starts_with(d));
                if has("script-src-elem") && has("script-src-attr") {
                    Ok(v)
                } else {
                    Err(format!("{v:?}"))
                }
            },
        )
        .await;
    let pwned = b.js("return window.__pwned ?? null", vec![]).await;
    assert_eq!(
        pwned,
        Value::Null,
        "an injected script ran; blocked: {blocked:?}"
    );
    println!("blocked as it should be:\n  {}", blocked.join("\n  "));
    // The app itself still works after the attempts.
    b.find("input#filter-pep").await;
    b.js("window.__cspViolations = []; return null", vec![])
        .await;
    b.close().await;
}

// ---------------------------------------------------------------------------------------------
// Hostile data

/// What every free-text string of the hostile data set becomes: markup that would run a script
/// or add elements if the app ever wrote data into the page as HTML.
const PAYLOAD: &str = "<img src=x onerror=\"window.__pwned='img'\">\
                       <script>window.__pwned='script'</script><b class=injected>bold</b>";
/// What every URL becomes: still an https address (the data set's rule for links), with
/// markup after it that would break out of an attribute written as text.
const URL_PAYLOAD: &str = "https://example.invalid/\"><img/src=x/onerror=window.__pwned='href'>";

/// Replaces every string in `value` that could be free text: ids, slugs, dates, kinds and
/// commit hashes (lowercase letters, digits, `-`, `_`) stay, so the data set stays valid and
/// the pages' addresses still work; URLs (under a key ending in `url`) get [`URL_PAYLOAD`].
fn make_hostile(value: &mut Value, key: &str) {
    match value {
        Value::String(s) if key.ends_with("url") => *s = URL_PAYLOAD.to_owned(),
        Value::String(s) => {
            let id_like = s
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
            if !id_like {
                *s = PAYLOAD.to_owned();
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| make_hostile(v, key)),
        Value::Object(fields) => fields.iter_mut().for_each(|(k, v)| make_hostile(v, k)),
        _ => {}
    }
}

/// Every `.json` under the built site's `data/`, relative to the site's root.
fn data_files(dir: &Path, rel: &str, out: &mut Vec<String>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("read {}: {e}", dir.display()));
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let rel = format!("{rel}/{name}");
        if entry.path().is_dir() {
            data_files(&entry.path(), &rel, out);
        } else if name.ends_with(".json") {
            out.push(rel);
        }
    }
}

/// The real data files with [`make_hostile`] applied, keyed by path relative to the site's
/// root. Checked with the app's own parsing and validation, so the app will show them.
fn hostile_data_set() -> HashMap<String, String> {
    let root = site_dir();
    let mut files = Vec::new();
    data_files(&root.join("data"), "data", &mut files);
    let mut out = HashMap::new();
    let mut replaced = 0;
    for file in files {
        let text = std::fs::read_to_string(root.join(&file)).expect("read a data file");
        let mut value: Value = serde_json::from_str(&text).expect("a data file is JSON");
        make_hostile(&mut value, "");
        let hostile = serde_json::to_string(&value).expect("write JSON");
        replaced += hostile.matches("window.__pwned").count();
        out.insert(file, hostile);
    }
    assert!(replaced > 1000, "only {replaced} payloads in the data set");
    let parts = council_explorer::core::dataset::Parts::parse_with(|f| {
        let rel = format!("data/{}", f.name());
        out.get(&rel)
            .cloned()
            .unwrap_or_else(|| std::fs::read_to_string(root.join(&rel)).unwrap_or_default())
    })
    .expect("the hostile data set parses");
    let problems = council_explorer::core::dataset::validate(&parts);
    assert!(
        problems.is_empty(),
        "the hostile data set is not valid: {problems:?}"
    );
    out
}

/// What the page shows of an injection, checked in the page: scripts that ran, elements the
/// payload would have added, live `javascript:` links, and whether the payload shows as text.
const INJECTION_REPORT: &str = "
  const bodyScripts = [...document.querySelectorAll('script')].filter(s => !document.head.contains(s));
  return {
    pwned: window.__pwned === undefined ? null : String(window.__pwned),
    imgs: document.querySelectorAll('img[src=\"x\"], img').length,
    scripts: bodyScripts.length,
    bold: document.querySelectorAll('b.injected').length,
    handlers: document.querySelectorAll('[onerror], [onclick], [onload]').length,
    badLinks: [...document.querySelectorAll('a[href]')]
      .map(a => a.href).filter(h => !/^https?:/i.test(h)),
    payloadShown: document.body.innerText.includes('<script>window.__pwned'),
    urlsKept: [...document.querySelectorAll('a[href]')]
      .filter(a => a.getAttribute('href').startsWith('https://example.invalid/')).length,
  };";

#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn hostile_text_in_every_field_stays_inert_text() {
    let b = Browser::open().await;
    for (file, body) in hostile_data_set() {
        b.site.replace(&file, Replacement::Generated(body.into()));
    }
    // Every page kind that shows records (the not-found views show none).
    let pages = PAGE_KINDS
        .iter()
        .filter(|(_, _, ready)| !ready.contains("not-found"))
        .map(|&(_, page, ready)| (page, ready));
    for (page, ready) in pages {
        b.goto(page).await;
        b.find(ready).await;
        let report = b.js(INJECTION_REPORT, vec![]).await;
        println!("/{page}: {report}");
        assert_eq!(
            report["pwned"],
            Value::Null,
            "/{page}: a script ran: {report}"
        );
        for count in ["imgs", "scripts", "bold", "handlers"] {
            assert_eq!(report[count], 0, "/{page}: {count} injected: {report}");
        }
        assert_eq!(
            report["badLinks"],
            json!([]),
            "/{page}: links that are not http(s): {report}"
        );
        assert_eq!(
            report["payloadShown"], true,
            "/{page}: the payload is not shown as text: {report}"
        );
        let violations = b.csp_violations().await;
        assert!(
            violations.is_empty(),
            "/{page}: something tried to run and the CSP blocked it: {violations:?}"
        );
    }
    // The meeting page links its source: the hostile URL is kept as an inert https address.
    b.goto("meetings/2023-08-28").await;
    b.find("li.item").await;
    let report = b.js(INJECTION_REPORT, vec![]).await;
    assert!(
        report["urlsKept"].as_u64().unwrap_or(0) > 0,
        "no link keeps the hostile https URL as its href: {report}"
    );
    b.close().await;
}

// ---------------------------------------------------------------------------------------------
// Broken data and failing fetches

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
    // A page without a prerendered view shows a spinner while it waits; it turns, unless the
    // visitor asked for less motion.
    b.goto("people").await;
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

// ---------------------------------------------------------------------------------------------
// Accessibility

/// Every kind of page: a name, its path and what shows once it is drawn.
const PAGE_KINDS: [(&str, &str, &str); 10] = [
    ("home", "", "[data-testid=timeline] li.entry"),
    ("meeting", "meetings/2023-08-28", "li.item"),
    ("election", "elections/2023", "section.nomination"),
    ("elections", "elections", "[data-testid=elections-table]"),
    ("PEP", "peps/703", "[data-testid=pep-page]"),
    ("PEPs", "peps", "[data-testid=pep-table]"),
    (
        "person",
        "people/pablo-galindo-salgado",
        "[data-testid=person-page]",
    ),
    ("people", "people", "[data-testid=people-table]"),
    (
        "no such meeting",
        "meetings/2031-01-01",
        "[data-testid=not-found]",
    ),
    ("no such page", "no/such/page", "[data-testid=not-found]"),
];

/// Emulates a media type (`""` for the screen) and media features such as
/// `prefers-color-scheme`; they last across page loads until changed.
async fn emulate(b: &Browser, media: &str, features: &[(&str, &str)]) {
    let features: Vec<Value> = features
        .iter()
        .map(|(name, value)| json!({ "name": name, "value": value }))
        .collect();
    b.cdp(
        "Emulation.setEmulatedMedia",
        json!({ "media": media, "features": features }),
    )
    .await;
}

/// The page's landmarks and headings, as a screen reader lists them.
const LANDMARKS: &str = "
  const count = css => document.querySelectorAll(css).length;
  return {
    h1: count('h1'),
    banner: count('body > header, [role=banner]'),
    main: count('main, [role=main]'),
    contentinfo: count('body > footer, [role=contentinfo]'),
    unlabelledNav: [...document.querySelectorAll('nav')]
      .filter(n => !n.getAttribute('aria-label') && !n.getAttribute('aria-labelledby')).length,
    unnamedCharts: [...document.querySelectorAll('svg:not([aria-hidden=true])')]
      .filter(s => !s.closest('[aria-hidden=true]'))
      .filter(s => !s.getAttribute('aria-label') && !s.getAttribute('aria-labelledby')).length,
    skippedLevel: (() => {
      let last = 0;
      for (const h of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
        const level = Number(h.tagName[1]);
        if (last && level > last + 1) return `${h.tagName} after h${last}: ${h.textContent.trim().slice(0, 40)}`;
        last = level;
      }
      return null;
    })(),
  };";

/// Checks the landmarks and headings of the current page; problems, one line each.
async fn landmark_problems(b: &Browser, page: &str) -> Vec<String> {
    let found = b.js(LANDMARKS, vec![]).await;
    let mut problems = Vec::new();
    for (key, want) in [("h1", 1), ("banner", 1), ("main", 1), ("contentinfo", 1)] {
        if found[key] != want {
            problems.push(format!("{page}: {} {key}, want {want}", found[key]));
        }
    }
    if found["unnamedCharts"] != 0 {
        problems.push(format!(
            "{page}: {} chart(s) with no text equivalent",
            found["unnamedCharts"]
        ));
    }
    if found["unlabelledNav"] != 0 {
        problems.push(format!("{page}: a <nav> without a label"));
    }
    if let Some(skip) = found["skippedLevel"].as_str() {
        problems.push(format!("{page}: a heading level is skipped: {skip}"));
    }
    problems
}

#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn every_page_kind_passes_axe_in_light_and_dark_with_sound_landmarks() {
    let b = Browser::open().await;
    let mut report = Vec::new();
    for theme in ["light", "dark"] {
        emulate(&b, "", &[("prefers-color-scheme", theme)]).await;
        for (name, path, ready) in PAGE_KINDS {
            b.goto(path).await;
            b.find(ready).await;
            let page = format!("{name} ({theme})");
            let dark = b
                .js(
                    "return matchMedia('(prefers-color-scheme: dark)').matches",
                    vec![],
                )
                .await;
            assert_eq!(
                dark,
                json!(theme == "dark"),
                "{page}: the theme is not emulated"
            );
            report.extend(
                b.axe_violations()
                    .await
                    .into_iter()
                    .map(|v| format!("{page}: {v}")),
            );
            report.extend(landmark_problems(&b, &page).await);
        }
        // The error view, for a file the server fails to give.
        b.site.replace(MEETINGS_JSON, Replacement::Status(500));
        b.goto("").await;
        b.find("[data-testid=data-error]").await;
        let page = format!("error view ({theme})");
        report.extend(
            b.axe_violations()
                .await
                .into_iter()
                .map(|v| format!("{page}: {v}")),
        );
        report.extend(landmark_problems(&b, &page).await);
        b.site.restore(MEETINGS_JSON);
    }
    // The dark theme really is another palette, so its contrast was checked too.
    let background = b
        .js(
            "return getComputedStyle(document.body).backgroundColor",
            vec![],
        )
        .await;
    assert_eq!(
        background,
        json!("rgb(17, 19, 23)"),
        "the dark theme's background"
    );
    assert!(
        report.is_empty(),
        "{} problems:\n{}",
        report.len(),
        report.join("\n")
    );
    b.close().await;
}

/// Types `keys` (characters or [`Key`]s as chars), as a keyboard does: into whatever has the
/// focus.
async fn press(b: &Browser, keys: &[char]) {
    let mut actions = KeyActions::new("keyboard".into());
    for &key in keys {
        actions = actions
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key });
    }
    b.client.perform_actions(actions).await.expect("press keys");
}

/// What has the focus and whether a sighted keyboard user can see it.
const FOCUS_REPORT: &str = "
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const s = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  return {
    what: `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} ${(el.textContent || '').trim().slice(0, 40)}`,
    matches: el.matches(arguments[0]),
    focusVisible: el.matches(':focus-visible'),
    ring: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none',
    onScreen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight
      && r.right > 0 && r.left < innerWidth,
  };";

/// Presses Tab until the focus is on an element matching `css`, checking at every stop that
/// the focus is visible; gives the path the focus took.
async fn tab_to(b: &Browser, css: &str, most: usize) -> Vec<String> {
    let mut path = Vec::new();
    for _ in 0..most {
        press(b, &[Key::Tab.into()]).await;
        let focus = b.js(FOCUS_REPORT, vec![json!(css)]).await;
        if focus.is_null() {
            path.push("(nothing)".to_owned());
            continue;
        }
        let what = focus["what"].as_str().unwrap_or_default().to_owned();
        for check in ["focusVisible", "ring", "onScreen"] {
            assert_eq!(
                focus[check], true,
                "the focus on {what} fails {check} after {path:?}: {focus}"
            );
        }
        path.push(what);
        if focus["matches"] == true {
            return path;
        }
    }
    panic!("{most} presses of Tab never reached `{css}`; the focus went {path:?}");
}

#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn a_keyboard_alone_walks_from_home_through_a_filter_and_a_meeting_to_a_pep_and_back() {
    let b = Browser::open().await;
    b.goto("").await;
    let all = b.timeline().await;

    // The first Tab reaches the skip link, which shows itself.
    tab_to(&b, ".skip-link", 1).await;
    let to_filter = tab_to(&b, "input#filter-pep", 20).await;
    press(&b, &['7', '1', '3', Key::Enter.into()]).await;
    let filtered = b
        .until("pep:713 in the URL and a new count", async || {
            let param = b.qualifier("pep").await?;
            let count = b.result_count().await?;
            match param {
                Some(p) if p == "713" && count < all => Ok(count),
                _ => Err(format!("pep={param:?}, count {count} (all {all})")),
            }
        })
        .await;

    let to_entry = tab_to(&b, "a.entry-link[href*='/meetings/']", 60).await;
    press(&b, &[Key::Enter.into()]).await;
    b.until("a meeting page", async || {
        let url = b.client.current_url().await.map_err(|e| e.to_string())?;
        let h1 = b.texts("h1").await;
        if url.path().starts_with(&format!("{PREFIX}meetings/")) && !h1.is_empty() {
            Ok(())
        } else {
            Err(format!("{url} with h1 {h1:?}"))
        }
    })
    .await;

    let to_pep = tab_to(&b, "a.pep-link", 80).await;
    let pep = b
        .js("return document.activeElement.textContent.trim()", vec![])
        .await;
    let pep = pep.as_str().unwrap_or_default().to_owned();
    println!(
        "Tab stops: {} to the PEP filter, {} to the entry, {} to {pep} on the meeting page",
        to_filter.len(),
        to_entry.len(),
        to_pep.len()
    );
    let meeting = b.client.current_url().await.expect("the URL").to_string();
    press(&b, &[Key::Enter.into()]).await;
    b.until(&format!("the page of {pep}"), async || {
        let h1 = b.texts("h1").await;
        if h1.iter().any(|h| h.contains(&pep)) {
            Ok(())
        } else {
            Err(format!("h1 {h1:?}"))
        }
    })
    .await;
    // Its links are reachable too, with visible focus.
    tab_to(&b, "main a[href]", 30).await;

    b.client.back().await.expect("go back");
    b.until("the meeting again", async || {
        let url = b.client.current_url().await.map_err(|e| e.to_string())?;
        if url.as_str() == meeting {
            Ok(())
        } else {
            Err(url.to_string())
        }
    })
    .await;
    b.client.back().await.expect("go back");
    b.until("the filtered timeline again", async || {
        let param = b.qualifier("pep").await?;
        let count = b.result_count().await?;
        if param.as_deref() == Some("713") && count == filtered {
            Ok(())
        } else {
            Err(format!("pep={param:?}, count {count} (want {filtered})"))
        }
    })
    .await;
    b.close().await;
}

/// Whether the page is wider than the window, and the widest elements if so.
const OVERFLOW: &str = "
  const width = document.documentElement.clientWidth;
  return {
    scrollWidth: document.documentElement.scrollWidth,
    width,
    wide: [...document.querySelectorAll('body *')]
      .filter(e => e.getBoundingClientRect().right > width + 1)
      .slice(0, 5).map(e => `${e.tagName.toLowerCase()}.${e.getAttribute('class')}`),
  };";

#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn pages_fit_a_375_px_phone_and_print_without_the_controls() {
    let b = Browser::open().await;
    b.cdp(
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": 375, "height": 740, "deviceScaleFactor": 2, "mobile": true }),
    )
    .await;
    for (name, path, ready) in PAGE_KINDS {
        b.goto(path).await;
        b.find(ready).await;
        let o = b.js(OVERFLOW, vec![]).await;
        assert_eq!(
            o["width"], 375,
            "{name}: the window is not 375 px wide: {o}"
        );
        assert!(
            o["scrollWidth"].as_u64() <= o["width"].as_u64(),
            "{name}: the page scrolls sideways at 375 px: {o}"
        );
    }

    for scheme in ["light", "dark"] {
        // On screen the dark theme is light text on a dark page, which must not reach paper.
        emulate(&b, "", &[("prefers-color-scheme", scheme)]).await;
        b.goto("").await;
        b.find("[data-testid=timeline] li.entry").await;
        let screen = b.js(INK, vec![]).await;
        assert_eq!(
            screen["dark"],
            json!(scheme == "dark"),
            "the {scheme} scheme is not emulated: {screen}"
        );
        if scheme == "dark" {
            assert!(
                screen["lightest"].as_f64() > Some(0.7),
                "the dark theme's text on screen is not light: {screen}"
            );
        }

        emulate(&b, "print", &[("prefers-color-scheme", scheme)]).await;
        b.goto("").await;
        b.find("[data-testid=timeline] li.entry").await;
        let shown = b
            .js(
                "const shown = css => { const e = document.querySelector(css);
                                        return !!e && getComputedStyle(e).display !== 'none'; };
                 return { header: shown('.site-header'), filters: shown('.filter-bar'),
                          entries: shown('li.entry'), footer: shown('.site-footer') }",
                vec![],
            )
            .await;
        assert_eq!(
            shown,
            json!({ "header": false, "filters": false, "entries": true, "footer": true }),
            "what a printed timeline shows ({scheme} scheme)"
        );
        let ink = b.js(INK, vec![]).await;
        assert!(
            ink["lightest"].as_f64() < Some(0.4) && ink["paper"].as_f64() > Some(0.95),
            "printing in the {scheme} scheme is not dark text on white: {ink}"
        );
    }
    b.close().await;
}

/// How light the page's paper and its lightest text are (relative luminance, 0 black to 1
/// white): the body's background, and the colour of the body, headings, entries and muted
/// notes that are shown.
const INK: &str = "
  const lum = c => {
    const [r, g, b] = c.match(/[\\d.]+/g).map(Number)
      .map(v => v / 255).map(v => v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const texts = [...document.querySelectorAll('body, h1, h2, li.entry, .muted, main a')]
    .filter(e => e.getClientRects().length > 0)
    .map(e => ({ what: e.tagName.toLowerCase() + '.' + (e.getAttribute('class') || ''),
                 color: getComputedStyle(e).color }));
  const lightest = texts.reduce((a, t) => (lum(t.color) > lum(a.color) ? t : a), texts[0]);
  const body = getComputedStyle(document.body);
  return {
    dark: matchMedia('(prefers-color-scheme: dark)').matches,
    lightest: lum(lightest.color),
    lightestIs: `${lightest.what} ${lightest.color}`,
    paper: lum(body.backgroundColor),
    background: body.backgroundColor,
  };";

/// The pages with tables and the table each shows.
const TABLE_PAGES: [(&str, &str); 5] = [
    ("elections", "[data-testid=elections-table]"),
    ("elections/2023", "[data-testid=results]"),
    ("peps", "[data-testid=pep-table]"),
    ("people", "[data-testid=people-table]"),
    (
        "people/pablo-galindo-salgado",
        "[data-testid=person-elections]",
    ),
];

/// Every `.table-scroll` box: whether it scrolls sideways, and what a keyboard and a screen
/// reader get from it.
const SCROLL_BOXES: &str = "
  return [...document.querySelectorAll('.table-scroll')].map(e => ({
    scrolls: e.scrollWidth > e.clientWidth,
    tabindex: e.getAttribute('tabindex'),
    role: e.getAttribute('role'),
    label: e.getAttribute('aria-label') || '',
    scrollLeft: e.scrollLeft,
  }));";

#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn tables_at_375_px_pass_axe_and_scroll_by_keyboard() {
    let b = Browser::open().await;
    b.cdp(
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": 375, "height": 740, "deviceScaleFactor": 2, "mobile": true }),
    )
    .await;
    let mut report = Vec::new();
    let mut scrolled = 0;
    for (path, table) in TABLE_PAGES {
        b.goto(path).await;
        b.find(table).await;
        report.extend(
            b.axe_violations()
                .await
                .into_iter()
                .map(|v| format!("/{path} at 375 px: {v}")),
        );
        let boxes = b.js(SCROLL_BOXES, vec![]).await;
        let boxes = boxes.as_array().cloned().unwrap_or_default();
        assert!(
            !boxes.is_empty(),
            "/{path}: the table is in no .table-scroll"
        );
        for found in &boxes {
            if found["tabindex"] != "0" || found["role"] != "region" || found["label"] == "" {
                report.push(format!(
                    "/{path}: a .table-scroll is not a named, focusable region: {found}"
                ));
            }
        }
        // A box that scrolls can be scrolled from the keyboard: Tab to it, then arrow right.
        if boxes
            .iter()
            .any(|f| f["scrolls"] == true && f["tabindex"] == "0")
        {
            tab_to(&b, ".table-scroll", 60).await;
            press(
                &b,
                &[Key::Right.into(), Key::Right.into(), Key::Right.into()],
            )
            .await;
            // Chromium animates a keyboard scroll, so its end is waited for.
            let moved = b
                .until(
                    &format!("/{path}: the focused table scrolled"),
                    async || {
                        let left = b
                            .js(
                                "const e = document.activeElement;
                             return e.classList.contains('table-scroll') ? e.scrollLeft : -1",
                                vec![],
                            )
                            .await;
                        match left.as_f64() {
                            Some(l) if l > 0.0 => Ok(true),
                            Some(l) if l < 0.0 => Ok(false),
                            _ => Err(format!("scrollLeft {left}")),
                        }
                    },
                )
                .await;
            if moved {
                scrolled += 1;
            } else {
                report.push(format!("/{path}: the focus left the table when arrowed"));
            }
        }
    }
    // At 375 px the wide tables do scroll, so the keyboard check above was not skipped.
    assert!(
        scrolled > 0,
        "no table scrolls sideways at 375 px: {report:?}"
    );
    assert!(
        report.is_empty(),
        "{} problems:\n{}",
        report.len(),
        report.join("\n")
    );
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn the_home_page_shows_its_prerendered_view_until_the_app_takes_over() {
    let b = Browser::open().await;
    // The wasm held back 3 s: what shows meanwhile is the HTML alone.
    b.site
        .replace(&wasm_file(), Replacement::Slow(Duration::from_secs(3)));
    b.goto_early("").await;
    let rows = b.texts("#prerender li.entry a.entry-link").await;
    assert!(
        rows.len() >= 10,
        "the HTML shows the timeline's first rows: {rows:?}"
    );
    assert_eq!(
        b.js(
            "return document.querySelectorAll('#filter-q').length",
            vec![]
        )
        .await,
        json!(1),
        "one search box before the app runs"
    );
    // Someone starts typing before the app is ready; it keeps the text and the focus.
    let early = b.find("#prerender #filter-q").await;
    early.click().await.expect("focus the early box");
    early
        .send_keys("703")
        .await
        .expect("type into the early box");
    b.until(
        "the live app in place of the prerendered view, with the typing",
        async || {
            let gone = b.prerender_gone().await;
            let q = b.param("q").await?;
            let text = b.value_of("input#filter-q").await?;
            let focused = b
                .js(
                    "return document.activeElement && document.activeElement.id",
                    vec![],
                )
                .await;
            if gone && q.as_deref() == Some("703") && text == "703" && focused == json!("filter-q")
            {
                Ok(())
            } else {
                Err(format!(
                    "prerender gone {gone}, q={q:?}, box {text:?}, focus {focused}"
                ))
            }
        },
    )
    .await;
    assert_eq!(
        b.js(
            "return document.querySelectorAll('#filter-q').length",
            vec![]
        )
        .await,
        json!(1),
        "one search box once the app runs"
    );
    // The live home page describes itself as index.html does (src/ui/app.rs, DESCRIPTION).
    let source = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("index.html"))
        .expect("read index.html");
    let site = source
        .split_once(r#"<meta name="description" content=""#)
        .and_then(|(_, rest)| rest.split_once('"'))
        .map(|(text, _)| text.replace("&#39;", "'"))
        .expect("a description in index.html");
    assert_eq!(
        b.js(
            "return document.querySelector('meta[name=description]').content",
            vec![]
        )
        .await,
        json!(site),
        "the home page's description"
    );

    // Any other address than the bare home page hides it from the start (the wasm is still
    // held back): it would show the wrong page until the app ran.
    b.goto_early("?q=pep:703").await;
    let shown = "const p = document.getElementById('prerender');
                 return !!p && getComputedStyle(p).display !== 'none'";
    assert_eq!(
        b.js(shown, vec![]).await,
        json!(false),
        "a query hides the prerendered home page from the start"
    );
    b.until(
        "the app, without the prerendered view, on the query",
        async || {
            let gone = b.prerender_gone().await;
            let box_text = b.value_of("input#filter-q").await?;
            if gone && box_text == "pep:703" {
                Ok(())
            } else {
                Err(format!("prerender gone {gone}, box {box_text:?}"))
            }
        },
    )
    .await;
    b.close().await;
}

impl Browser {
    /// Waits until the live app has taken the prerendered view's place and its `css` elements
    /// read `texts`, as the prerendered ones did.
    async fn handed_over_with(&self, css: &str, texts: &[String]) {
        self.until(
            &format!("the live page in place of the prerendered one, with {css}"),
            async || {
                let gone = self.prerender_gone().await;
                let live = self.texts(css).await;
                if gone && live == texts {
                    Ok(())
                } else {
                    Err(format!("prerender gone {gone}, {css}: {live:?}"))
                }
            },
        )
        .await;
    }
}

/// The name of the built site's `.wasm`.
fn wasm_file() -> String {
    std::fs::read_dir(site_dir())
        .expect("list SITE_DIR")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .find(|n| n.ends_with(".wasm"))
        .expect("a .wasm in SITE_DIR")
}

#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn a_meeting_page_is_prerendered_and_fetches_the_app_after_its_first_paint() {
    let b = Browser::open().await;
    b.site
        .replace(&wasm_file(), Replacement::Slow(Duration::from_secs(3)));
    // The section with the most items, as Lighthouse opens (scripts/lighthouse).
    let sections: Vec<Value> = serde_json::from_str(
        &std::fs::read_to_string(site_dir().join(MEETINGS_JSON)).expect("read meetings.json"),
    )
    .expect("parse meetings.json");
    let fullest = sections
        .iter()
        .max_by_key(|s| s["items"].as_array().map_or(0, Vec::len))
        .expect("a section");
    let id = fullest["id"].as_str().expect("an id");
    b.goto_early(&format!("meetings/{id}")).await;

    let heading = b.texts("#prerender article h1").await;
    assert!(
        heading.len() == 1 && heading[0].contains(id),
        "the HTML shows the meeting's heading before the wasm is in: {heading:?}"
    );
    let items = b.texts("#prerender article li[id^='item-']").await;
    assert_eq!(
        items.len(),
        fullest["items"].as_array().unwrap().len(),
        "the HTML shows every item of {id}"
    );
    let title = b.js("return document.title", vec![]).await;
    assert!(
        title.as_str().is_some_and(|t| t.contains(id)),
        "the tab is titled for the meeting from the start: {title}"
    );
    // Described too, for a shared link's preview: its heading and what it was about.
    let description = b
        .js(
            "return document.querySelector('meta[name=description]').content",
            vec![],
        )
        .await;
    let described = description.as_str().unwrap_or_default();
    assert!(
        described.starts_with(&heading[0])
            && fullest["gist"]
                .as_str()
                .is_none_or(|gist| described.contains(gist)),
        "the meeting's own description from the start: {description}"
    );

    // A keyboard user has tabbed to a link before the app is ready: the live page's same link
    // has the focus once the app takes over.
    let link = b
        .js(
            "const links = document.querySelectorAll('#prerender article li[id^=\"item-\"] a[href]');
             const link = links[Math.min(3, links.length - 1)];
             link.focus();
             return document.activeElement === link ? link.getAttribute('href') : null",
            vec![],
        )
        .await;
    assert!(
        link.is_string(),
        "a link in the prerendered items takes the focus"
    );

    b.handed_over_with("main article h1", &heading).await;
    let focus = b
        .js(
            "const a = document.activeElement;
             return a && a.isConnected && a.closest('main article') ? a.getAttribute('href') : null",
            vec![],
        )
        .await;
    assert_eq!(
        focus, link,
        "the focus moves to the same link in the live page"
    );
    // Nothing the first paint doesn't need is fetched before it: the wasm, its JS and the data
    // start after it, so the view is not held up by downloads (and Lighthouse's model of a
    // slow phone does not wait for them either).
    let report = b
        .js(
            "const paint = performance.getEntriesByName('first-contentful-paint')[0];
             return {
               paint: paint ? paint.startTime : null,
               early: performance.getEntriesByType('resource')
                 .filter((r) => /\\.(wasm|js)$|\\/data\\//.test(r.name))
                 .filter((r) => !paint || r.startTime < paint.startTime)
                 .map((r) => `${r.name} at ${Math.round(r.startTime)} ms`),
               late: performance.getEntriesByType('resource')
                 .filter((r) => /\\.wasm$/.test(r.name)).length,
             }",
            vec![],
        )
        .await;
    assert!(
        report["paint"].is_number() && report["late"] == json!(1),
        "a first paint and the wasm fetched: {report}"
    );
    assert_eq!(
        report["early"],
        json!([]),
        "fetched before the first paint ({} ms)",
        report["paint"]
    );
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn a_pep_page_keeps_its_prerendered_view_until_its_details_are_in() {
    let b = Browser::open().await;
    // The PEP's own details come after the data set; they are held back 3 s.
    b.site.replace(
        "data/peps/703.json",
        Replacement::Slow(Duration::from_secs(3)),
    );
    b.goto_early("peps/703").await;
    let header = b.texts("#prerender [data-testid=pep-header] dt").await;
    assert!(
        !header.is_empty(),
        "the HTML shows the PEP's header from its details at once"
    );
    // The live page is drawn behind it, still waiting for the details: the prerendered view,
    // which has them, stays in place rather than give way to a loading notice.
    b.until(
        "the live page waiting for the details behind the prerendered view",
        async || {
            let state = b
                .js(
                    "return [!!document.querySelector('#prerender ~ main [data-testid=pep-details-loading]'),
                             !!document.getElementById('prerender')]",
                    vec![],
                )
                .await;
            if state == json!([true, true]) {
                Ok(())
            } else {
                Err(format!("[live loading, prerender there]: {state}"))
            }
        },
    )
    .await;
    b.handed_over_with("main [data-testid=pep-header] dt", &header)
        .await;
    b.close().await;
}
