//! The built site served as a static host (GitHub Pages) serves it: a file that exists is
//! served, `/x` from `x.html` if there is one (a prerendered page), and any other path under
//! [`PREFIX`] gets `404.html` with status 404. A test can answer one file with a body, a status
//! or a delay of its choosing.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// The path the site is built for and served under.
pub const PREFIX: &str = "/council/";
pub const MEETINGS_JSON: &str = "data/meetings.json";
/// What the console says of an answer with status 404 (an address that names nothing) or 500,
/// for a test that expects one: `Browser::expect_error(NOT_FOUND)`.
pub const NOT_FOUND: &str = "the server responded with a status of 404";
pub const SERVER_ERROR: &str = "the server responded with a status of 500";
/// What the browser warns of when a file the page preloads is not used within a few seconds
/// of the load, as when a test holds the wasm back: expected in any test that slows a file.
pub const PRELOAD_UNUSED: &str = "was preloaded using link preload but not used";

/// What the server sends for one file instead of its contents on disk.
#[derive(Clone)]
pub enum Replacement {
    /// A 200 answer with this body.
    Body(&'static str),
    /// An answer with this status and a short text body.
    Status(u16),
    /// A 200 answer with a body the test made.
    Generated(Arc<str>),
    /// The file from disk, sent only after this long: a slow server or connection.
    Slow(Duration),
}

/// The built site served on 127.0.0.1 under [`PREFIX`], on a port the OS chose.
///
/// Each connection gets a thread and one answer, then `Connection: close`: the browser opens
/// a new connection per request, which keeps the server small and never leaves a request
/// waiting behind another on a kept-alive connection.
pub struct Site {
    pub port: u16,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
    replacements: Arc<Mutex<HashMap<String, Replacement>>>,
    /// Some file has been answered slowly (`Replacement::Slow`) in this session.
    pub slowed: AtomicBool,
    /// One line per answered request, shown when a test fails.
    pub log: Arc<Mutex<Vec<String>>>,
    /// `http://127.0.0.1:<port>/council/`
    pub base: String,
}

impl Site {
    pub fn start() -> Self {
        let root = Arc::new(site_dir());
        let listener = TcpListener::bind("127.0.0.1:0").expect("start the static server");
        let port = listener.local_addr().expect("a local address").port();
        let stop = Arc::new(AtomicBool::new(false));
        let replacements = Arc::<Mutex<HashMap<String, Replacement>>>::default();
        let log = Arc::<Mutex<Vec<String>>>::default();
        let thread = {
            let stop = Arc::clone(&stop);
            let replacements = Arc::clone(&replacements);
            let log = Arc::clone(&log);
            std::thread::spawn(move || {
                for stream in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    let (root, replacements, log) = (
                        Arc::clone(&root),
                        Arc::clone(&replacements),
                        Arc::clone(&log),
                    );
                    std::thread::spawn(move || serve(stream, &root, &replacements, &log));
                }
            })
        };
        Site {
            port,
            stop,
            thread: Some(thread),
            replacements,
            slowed: AtomicBool::new(false),
            log,
            base: format!("http://127.0.0.1:{port}{PREFIX}"),
        }
    }

    /// The absolute URL of `path`, which is relative to the site's root.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path.trim_start_matches('/'))
    }

    /// From now on, answer `file` (relative to the site's root) with `replacement`.
    pub fn replace(&self, file: &str, replacement: Replacement) {
        if matches!(replacement, Replacement::Slow(_)) {
            self.slowed.store(true, Ordering::SeqCst);
        }
        let mut replacements = self.replacements.lock().unwrap();
        replacements.insert(file.to_owned(), replacement);
    }

    /// Serve `file` from disk again.
    pub fn restore(&self, file: &str) {
        self.replacements.lock().unwrap().remove(file);
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wakes the accept loop so that it sees `stop`.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

pub fn site_dir() -> PathBuf {
    let dir = std::env::var_os("SITE_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            panic!(
            "SITE_DIR is not set: build the site with `scripts/build-site --public-url /council/ \
             --out target/site` and run with SITE_DIR=target/site (scripts/test does both)"
        )
        });
    assert!(
        dir.join("index.html").is_file() && dir.join("404.html").is_file(),
        "SITE_DIR={} has no index.html and 404.html: is it a build from scripts/build-site?",
        dir.display()
    );
    dir
}

/// One HTTP answer.
struct Answer {
    status: u16,
    content_type: &'static str,
    body: Vec<u8>,
}

impl Answer {
    fn file(status: u16, name: &str, body: Vec<u8>) -> Self {
        let content_type = content_type(name);
        Answer {
            status,
            content_type,
            body,
        }
    }

    fn text(status: u16, body: &str) -> Self {
        let content_type = "text/plain; charset=utf-8";
        Answer {
            status,
            content_type,
            body: body.into(),
        }
    }
}

/// Reads one request from `stream`, answers it and logs it.
fn serve(
    mut stream: TcpStream,
    root: &Path,
    replacements: &Mutex<HashMap<String, Replacement>>,
    log: &Mutex<Vec<String>>,
) {
    // Chromium opens spare connections that may never carry a request; they end here.
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let mut head = Vec::new();
    let mut buf = [0; 4096];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => head.extend_from_slice(&buf[..n]),
        }
        if head.len() > 64 * 1024 {
            return;
        }
    }
    let head = String::from_utf8_lossy(&head);
    let mut request_line = head.lines().next().unwrap_or_default().split(' ');
    let method = request_line.next().unwrap_or_default();
    let target = request_line.next().unwrap_or_default();
    let answer = match method {
        "GET" | "HEAD" => answer(target, root, replacements),
        _ => Answer::text(405, "only GET and HEAD are served here"),
    };
    let reason = match answer.status {
        200 => "OK",
        404 => "Not Found",
        405 => "Method Not Allowed",
        500 => "Internal Server Error",
        _ => "Answer",
    };
    let header = format!(
        "HTTP/1.1 {} {reason}\r\nContent-Type: {}\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\nConnection: close\r\n\r\n",
        answer.status,
        answer.content_type,
        answer.body.len()
    );
    let body: &[u8] = if method == "HEAD" { &[] } else { &answer.body };
    let sent = stream
        .write_all(header.as_bytes())
        .and_then(|()| stream.write_all(body));
    // A browser that went away mid-answer is no concern of the test by itself.
    let outcome = match sent {
        Ok(()) => answer.status.to_string(),
        Err(e) => format!("{}, not sent: {e}", answer.status),
    };
    log.lock()
        .unwrap()
        .push(format!("{method} {target} -> {outcome}"));
}

/// What the site answers for `target`: the test's replacement if it set one, the file (or the
/// prerendered page) if it exists, else `404.html` with status 404, as a static host does.
fn answer(target: &str, root: &Path, replacements: &Mutex<HashMap<String, Replacement>>) -> Answer {
    let path = target.split(['?', '#']).next().unwrap_or_default();
    let Some(rel) = path.strip_prefix(PREFIX) else {
        return Answer::text(404, "only /council/ is served here");
    };
    let replacement = replacements.lock().unwrap().get(rel).cloned();
    match replacement {
        Some(Replacement::Body(body)) => return Answer::file(200, rel, body.into()),
        Some(Replacement::Status(status)) => {
            return Answer::text(status, &format!("answered {status} by the test"));
        }
        Some(Replacement::Generated(body)) => {
            return Answer::file(200, rel, body.as_bytes().to_vec())
        }
        Some(Replacement::Slow(delay)) => std::thread::sleep(delay),
        None => {}
    }
    // The app's paths need no percent-decoding; refusing `..` keeps answers inside the site.
    // `/x` may be a prerendered page, x.html, which GitHub Pages answers it with.
    let file = match rel {
        "" => root.join("index.html"),
        _ if rel.split('/').any(|part| part == "..") => root.join("404.html"),
        _ if !root.join(rel).is_file() => root.join(format!("{rel}.html")),
        _ => root.join(rel),
    };
    match std::fs::read(&file) {
        Ok(bytes) if file.is_file() => Answer::file(200, rel, bytes),
        _ => match std::fs::read(root.join("404.html")) {
            Ok(page) => Answer::file(404, "404.html", page),
            Err(e) => Answer::text(500, &format!("cannot read 404.html: {e}")),
        },
    }
}

fn content_type(name: &str) -> &'static str {
    match name.rsplit_once('.').map(|(_, ext)| ext) {
        Some("wasm") => "application/wasm",
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        Some("txt") | Some("md") => "text/plain; charset=utf-8",
        // "" is the site's root, answered with index.html.
        Some("html") | None => "text/html; charset=utf-8",
        Some(_) => "application/octet-stream",
    }
}

/// The name of the built site's `.wasm`.
pub fn wasm_file() -> String {
    std::fs::read_dir(site_dir())
        .expect("list SITE_DIR")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .find(|n| n.ends_with(".wasm"))
        .expect("a .wasm in SITE_DIR")
}
