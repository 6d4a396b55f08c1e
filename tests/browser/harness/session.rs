//! One test's browser: a chromedriver with its Chromium, a fresh profile and the site's own
//! server, and the ways a test reads the page (a script's value, texts, the URL) and waits for
//! a state.

use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};

use super::server::{Site, PRELOAD_UNUSED};

/// The longest any test waits for the page to reach a state.
pub const WAIT: Duration = Duration::from_secs(20);
const POLL: Duration = Duration::from_millis(50);

/// A chromedriver on a free port, in a process group of its own so that dropping it also ends
/// the Chromium it started, even when a test panics before closing its session.
struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    fn start() -> Self {
        let program =
            std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let port = free_port();
        let child = Command::new(&program)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .unwrap_or_else(|e| {
                panic!("cannot start {program} ({e}): `scripts/install-tools --test` installs it")
            });
        let driver = Driver { child, port };
        let deadline = Instant::now() + Duration::from_secs(10);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "{program} did not listen on port {port} within 10 s"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        driver
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill")
            .args(["-KILL", "--", &group])
            .stderr(Stdio::null())
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a free port");
    listener.local_addr().expect("a local address").port()
}

/// A fresh Chromium profile directory, removed on drop.
struct Profile(PathBuf);

impl Profile {
    fn new() -> Self {
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("council-browser-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create a Chromium profile directory");
        Profile(dir)
    }
}

impl Drop for Profile {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// One test's browser session on its own server. Fields drop in order: the client, the server,
/// then chromedriver with its Chromium, and only then the profile Chromium was writing to.
pub struct Browser {
    pub client: Client,
    pub site: Site,
    /// Parts of the console errors this test expects (the 404 of an unknown address, a 500
    /// it asked the server for); any other error fails it in [`Browser::close`].
    expected: Mutex<Vec<&'static str>>,
    _driver: Driver,
    _profile: Profile,
}

impl Browser {
    /// Saves what the browser shows as `target/screenshots/<name>.png`: the README's pictures
    /// are regenerated from these.
    pub async fn screenshot(&self, name: &str) {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
        std::fs::create_dir_all(&dir).expect("create target/screenshots");
        let png = self.client.screenshot().await.expect("take a screenshot");
        std::fs::write(dir.join(format!("{name}.png")), png).expect("write the screenshot");
    }

    pub async fn open() -> Self {
        let site = Site::start();
        let driver = Driver::start();
        let profile = Profile::new();
        let mut options = json!({
            "args": [
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,900",
                format!("--user-data-dir={}", profile.0.display()),
            ],
        });
        if Path::new("/usr/bin/chromium").is_file() {
            options["binary"] = json!("/usr/bin/chromium");
        }
        let mut capabilities = serde_json::Map::new();
        capabilities.insert("goog:chromeOptions".into(), options);
        // The console of every page the session opens, errors and uncaught exceptions included,
        // kept by chromedriver until read (`console_errors`), across page loads.
        capabilities.insert("goog:loggingPrefs".into(), json!({ "browser": "ALL" }));
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{}", driver.port))
            .await
            .expect("start a Chromium session through chromedriver");
        let browser = Browser {
            client,
            site,
            expected: Mutex::default(),
            _driver: driver,
            _profile: profile,
        };
        // Every page records what its Content-Security-Policy blocked, from before its first
        // script runs, so that `close` can fail a test whose pages broke the policy.
        browser
            .cdp(
                "Page.addScriptToEvaluateOnNewDocument",
                json!({ "source": RECORD_CSP_VIOLATIONS }),
            )
            .await;
        browser
    }

    /// Ends the session. Fails the test if the current page's Content-Security-Policy blocked
    /// anything (an inline style or script the app added would show up here), or if any page
    /// of the session logged an error or a warning, threw, or panicked, unless the test named
    /// that message with [`Browser::expect_error`].
    pub async fn close(self) {
        let blocked = self.csp_violations().await;
        let errors = self.unexpected_errors().await;
        let _ = self.client.close().await;
        assert!(
            blocked.is_empty(),
            "the Content-Security-Policy blocked something on the last page:\n  {}",
            blocked.join("\n  ")
        );
        assert!(
            errors.is_empty(),
            "the console showed errors or warnings the test did not expect:\n  {}",
            errors.join("\n  ")
        );
    }

    /// From now on, a console error containing `part` is one this test expects.
    pub fn expect_error(&self, part: &'static str) {
        self.expected.lock().unwrap().push(part);
    }

    /// The console's errors and warnings since the last call (chromedriver hands each entry out
    /// once): `console.error` (a Rust panic's message among them), uncaught exceptions, failed
    /// requests, and what the browser warns of (such as an attribute it ignores).
    pub async fn console_errors(&self) -> Vec<String> {
        let entries = self
            .client
            .issue_cmd(BrowserLog)
            .await
            .unwrap_or_else(|e| panic!("read the browser's console: {e}"));
        let entries = entries.as_array().cloned().unwrap_or_default();
        entries
            .iter()
            .filter(|e| e["level"] == "SEVERE" || e["level"] == "WARNING")
            .map(|e| e["message"].as_str().unwrap_or_default().to_owned())
            .collect()
    }

    /// The console's errors that no [`Browser::expect_error`] names.
    pub async fn unexpected_errors(&self) -> Vec<String> {
        let mut expected = self.expected.lock().unwrap().clone();
        if self.site.slowed.load(Ordering::SeqCst) {
            expected.push(PRELOAD_UNUSED);
        }
        let errors = self.console_errors().await;
        errors
            .into_iter()
            .filter(|e| !expected.iter().any(|part| e.contains(part)))
            .collect()
    }

    /// What the current page's Content-Security-Policy blocked so far, one line each.
    pub async fn csp_violations(&self) -> Vec<String> {
        self.read("return window.__cspViolations || []", vec![])
            .await
    }

    /// Lets the site's origin use the clipboard, which headless Chromium otherwise refuses.
    pub async fn allow_clipboard(&self) {
        let url = self.site.url("");
        let origin: String = url.split('/').take(3).collect::<Vec<_>>().join("/");
        self.cdp(
            "Browser.grantPermissions",
            json!({
                "origin": origin,
                "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"],
            }),
        )
        .await;
    }

    /// What the clipboard holds, as the page reads it (`error: …` if it cannot).
    pub async fn clipboard(&self) -> Value {
        self.client
            .execute_async(
                "const done = arguments[arguments.length - 1]; \
                 navigator.clipboard.readText().then(done, e => done('error: ' + e))",
                vec![],
            )
            .await
            .expect("read the clipboard")
    }

    /// Sends a Chrome DevTools Protocol command through chromedriver; its result, or a panic.
    pub async fn cdp(&self, cmd: &'static str, params: Value) -> Value {
        self.client
            .issue_cmd(Cdp { cmd, params })
            .await
            .unwrap_or_else(|e| panic!("CDP {cmd}: {e}"))
    }

    /// Loads `path` (relative to the site's root) as a fresh page load, and waits until the
    /// live app has taken the place of the prerendered home page, if the page had one: tests
    /// work the app, not the HTML that stands in for it while it loads.
    pub async fn goto(&self, path: &str) {
        self.goto_early(path).await;
        self.until(
            "the live app in place of the prerendered view",
            async || {
                if self.prerender_gone().await {
                    Ok(())
                } else {
                    Err("prerendered view still there".to_string())
                }
            },
        )
        .await;
    }

    /// Whether the page holds no prerendered view (any more).
    pub async fn prerender_gone(&self) -> bool {
        self.js("return !document.getElementById('prerender')", vec![])
            .await
            == Value::Bool(true)
    }

    /// Loads `path` as a fresh page load and returns as soon as the page is parsed.
    pub async fn goto_early(&self, path: &str) {
        let url = self.site.url(path);
        self.client
            .goto(&url)
            .await
            .unwrap_or_else(|e| panic!("open {url}: {e}"));
    }

    /// Waits for the first element matching `css`.
    pub async fn find(&self, css: &str) -> Element {
        match self
            .client
            .wait()
            .at_most(WAIT)
            .every(POLL)
            .for_element(Locator::Css(css))
            .await
        {
            Ok(element) => element,
            Err(e) => panic!("no `{css}` within {WAIT:?} ({e})\n{}", self.state().await),
        }
    }

    /// Polls `check` until it gives `Ok`; after [`WAIT`], fails with `what` and the last `Err`,
    /// which describes what the page showed instead.
    pub async fn until<T>(
        &self,
        what: &str,
        mut check: impl AsyncFnMut() -> Result<T, String>,
    ) -> T {
        let deadline = Instant::now() + WAIT;
        loop {
            match check().await {
                Ok(value) => return value,
                Err(last) if Instant::now() >= deadline => {
                    panic!(
                        "waited {WAIT:?} for {what}; last seen: {last}\n{}",
                        self.state().await
                    )
                }
                Err(_) => tokio::time::sleep(POLL).await,
            }
        }
    }

    /// The URL and the start of the page's text, for failure messages.
    pub async fn state(&self) -> String {
        let url = self
            .client
            .current_url()
            .await
            .map(|u| u.to_string())
            .unwrap_or_default();
        let body = self
            .js(
                "return document.body ? document.body.innerText.slice(0, 800) : ''",
                vec![],
            )
            .await;
        let requests = self.site.log.lock().unwrap().join("\n  ");
        format!(
            "page {url} shows:\n{}\nrequests served:\n  {requests}",
            body.as_str().unwrap_or_default()
        )
    }

    /// Runs `script` in the page (its `arguments` are `args`) and gives what it returns, or
    /// `null` if it failed.
    pub async fn js(&self, script: &str, args: Vec<Value>) -> Value {
        self.client
            .execute(script, args)
            .await
            .unwrap_or(Value::Null)
    }

    /// Runs `script` in the page and reads what it returns as a `T` (a list of strings, a
    /// record): the one way tests read values from the page. A value of another shape fails
    /// the test, naming the script.
    pub async fn read<T: serde::de::DeserializeOwned>(&self, script: &str, args: Vec<Value>) -> T {
        let value = self
            .client
            .execute(script, args)
            .await
            .unwrap_or_else(|e| panic!("the page could not run `{script}`: {e}"));
        serde_json::from_value(value.clone())
            .unwrap_or_else(|e| panic!("`{script}` gave {value}, not what the test reads ({e})"))
    }

    /// The value of query parameter `key` in the current URL.
    pub async fn param(&self, key: &str) -> Result<Option<String>, String> {
        let url = self.client.current_url().await.map_err(|e| e.to_string())?;
        Ok(url
            .query_pairs()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.into_owned()))
    }

    /// The value of qualifier `key` (`713` for `pep:713`) in the URL's `q`, the search box's
    /// text, which holds every filter.
    pub async fn qualifier(&self, key: &str) -> Result<Option<String>, String> {
        let q = self.param("q").await?.unwrap_or_default();
        let prefix = format!("{key}:");
        Ok(q.split_whitespace()
            .find_map(|t| t.strip_prefix(prefix.as_str()))
            .map(str::to_owned))
    }

    /// `data-count` of `[data-testid=result-count]`.
    pub async fn result_count(&self) -> Result<u64, String> {
        let element = self
            .client
            .find(Locator::Css("[data-testid=result-count]"))
            .await
            .map_err(|_| "no [data-testid=result-count]".to_owned())?;
        let count = element
            .attr("data-count")
            .await
            .map_err(|e| e.to_string())?;
        let count = count.ok_or("result-count has no data-count")?;
        count
            .trim()
            .parse()
            .map_err(|_| format!("data-count={count:?} is not a number"))
    }

    /// The whitespace-normalised text of every element matching `css`.
    pub async fn texts(&self, css: &str) -> Vec<String> {
        let texts: Vec<String> = self
            .read(
                "return [...document.querySelectorAll(arguments[0])].map(e => e.textContent)",
                vec![json!(css)],
            )
            .await;
        texts.iter().map(|t| normalise(t)).collect()
    }

    pub async fn value_of(&self, css: &str) -> Result<String, String> {
        let element = self
            .client
            .find(Locator::Css(css))
            .await
            .map_err(|_| format!("no `{css}`"))?;
        let value = element.prop("value").await.map_err(|e| e.to_string())?;
        Ok(value.unwrap_or_default())
    }

    /// Waits until the data has loaded and the timeline shows; returns the result count.
    pub async fn timeline(&self) -> u64 {
        self.find("[data-testid=timeline]").await;
        self.until("the result count", async || self.result_count().await)
            .await
    }

    /// Runs axe-core on the current page; returns its violations, one line each.
    pub async fn axe_violations(&self) -> Vec<String> {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join(".tools/node_modules/axe-core/axe.min.js");
        let axe = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "read {} ({e}): `scripts/install-tools --test` installs axe-core",
                path.display()
            )
        });
        self.client
            .execute(&axe, vec![])
            .await
            .expect("inject axe-core");
        let result = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 axe.run(document).then(
                   r => done(r.violations.map(v =>
                     `${v.id} (${v.impact}): ${v.help}; ${v.nodes.length} element(s), such as\\n    ` +
                     v.nodes.slice(0, 3).map(n => `${n.target.join(' ')}: ${n.html.slice(0, 160)}`)
                       .join('\\n    '))),
                   e => done([`axe failed: ${e}`]));",
                vec![],
            )
            .await
            .expect("run axe-core");
        serde_json::from_value(result).expect("axe-core's violations as lines")
    }
}

pub fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Records each `securitypolicyviolation` in `window.__cspViolations`; run on every new page.
const RECORD_CSP_VIOLATIONS: &str = "window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(
    `${e.effectiveDirective} blocked ${e.blockedURI || 'an inline script or style'}` +
    ` (${e.sourceFile || 'the page'}:${e.lineNumber}): ${(e.sample || '').slice(0, 80)}`));";

/// A Chrome DevTools Protocol command, sent through chromedriver's `goog/cdp/execute`: the
/// way to emulate media features and run a script before a page's own.
#[derive(Debug)]
struct Cdp {
    cmd: &'static str,
    params: Value,
}

/// Reads (and empties) chromedriver's copy of the browser console, which the session asked
/// for with `goog:loggingPrefs`.
#[derive(Debug)]
struct BrowserLog;

impl WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        let session = session_id.unwrap_or_default();
        base_url.join(&format!("session/{session}/se/log"))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = json!({ "type": "browser" });
        (http::Method::POST, Some(body.to_string()))
    }
}

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        let session = session_id.unwrap_or_default();
        base_url.join(&format!("session/{session}/goog/cdp/execute"))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = json!({ "cmd": self.cmd, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}
