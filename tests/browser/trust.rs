//! Browser tests that the site can be trusted with: it runs under a strict
//! Content-Security-Policy, shows hostile data as inert text, says clearly what is wrong with
//! broken data or a failing server, and can be used by keyboard, at 375 px, in both themes.
//! They use the harness of `tests/browser.rs` (this is its child module).

use super::*;

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
