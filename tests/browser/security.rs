//! The site runs under a strict Content-Security-Policy, and hostile data shows as inert text.

use crate::harness::*;

#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn the_app_runs_under_a_strict_csp_that_blocks_injected_scripts() {
    let b = Browser::open().await;
    // What the test injects is refused, and the console says so; its <img src="x"> is a 404.
    b.expect_error("violates the following Content Security Policy directive");
    b.expect_error(NOT_FOUND);
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
      .map(a => new URL(a.getAttribute('href'), document.baseURI).href).filter(h => !/^https?:/i.test(h)),
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
