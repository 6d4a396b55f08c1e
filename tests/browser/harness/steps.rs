//! Steps several tests take: filter the timeline, wait for a path, search, find the focus,
//! press keys and Tab to a control, and wait for the hand-over from a prerendered view.

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;

use super::session::Browser;
use serde_json::{json, Value};

/// What the timeline showed at each step of [`filter_by_person_then_pep`].
pub struct Filtered {
    pub all: u64,
    pub person: u64,
    pub pep: u64,
}

/// On the home page: picks a person, goes back to everyone, then asks for PEP 713, checking
/// the URL and the count at each step. The person is cleared before the PEP because the data
/// links no person to PEP 713 (the notes of 2023 don't list who attended), so the two together
/// match nothing.
pub async fn filter_by_person_then_pep(b: &Browser) -> Filtered {
    b.goto("").await;
    let all = b.timeline().await;

    let select = b.find("select#filter-person").await;
    let values = b.js(
        "return [...document.querySelectorAll('select#filter-person option')].map(o => o.value)",
        vec![],
    );
    let values: Vec<String> = values
        .await
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect();
    let slug = values
        .iter()
        .find(|v| *v == "pablo-galindo-salgado")
        .or_else(|| values.iter().find(|v| !v.is_empty()))
        .unwrap_or_else(|| panic!("select#filter-person has no person to choose: {values:?}"))
        .clone();
    select
        .select_by_value(&slug)
        .await
        .expect("choose a person");
    let person = b
        .until(
            &format!("person:{slug} in the URL and a new count"),
            async || {
                let param = b.qualifier("person").await?;
                let count = b.result_count().await?;
                match param {
                    Some(p) if p == slug && count != all => Ok(count),
                    _ => Err(format!("person={param:?}, count {count} (was {all})")),
                }
            },
        )
        .await;
    assert!(person > 0, "no entry for person {slug}");
    let shown = b.texts("li.entry").await.len() as u64;
    assert!(
        shown > 0 && shown <= person,
        "{shown} li.entry shown for a count of {person} (person {slug})"
    );

    select.select_by_value("").await.expect("choose all people");
    b.until("person gone from the URL and the full count", async || {
        let param = b.qualifier("person").await?;
        let count = b.result_count().await?;
        match param {
            None if count == all => Ok(()),
            _ => Err(format!("person={param:?}, count {count} (want {all})")),
        }
    })
    .await;

    let input = b.find("input#filter-pep").await;
    input
        .send_keys(&("713" + &Key::Enter))
        .await
        .expect("type in the PEP filter");
    let pep = b
        .until("pep:713 in the URL and a new count", async || {
            let param = b.qualifier("pep").await?;
            let count = b.result_count().await?;
            match param {
                Some(p) if p == "713" && count != all => Ok(count),
                _ => Err(format!("pep={param:?}, count {count} (was {all})")),
            }
        })
        .await;
    assert!(
        pep > 0 && pep < all,
        "with PEP 713 the count is {pep}, of {all} in all"
    );
    let entries = b.texts("li.entry").await;
    assert!(!entries.is_empty(), "count {pep} but no li.entry shown");
    for entry in &entries {
        assert!(
            entry.contains("713"),
            "an entry shown for PEP 713 does not mention it: {entry:?}"
        );
    }
    Filtered { all, person, pep }
}

/// Waits until the current URL's path is `path`.
pub async fn path_is(b: &Browser, path: &str) {
    b.until(&format!("the URL path {path}"), async || {
        let url = b.client.current_url().await.map_err(|e| e.to_string())?;
        if url.path() == path {
            Ok(())
        } else {
            Err(url.to_string())
        }
    })
    .await
}

/// The path of an absolute URL.
pub fn url_path(href: &str) -> String {
    let after_scheme = href.split_once("://").map_or(href, |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("/", |i| &after_scheme[i..]);
    path.split(['?', '#']).next().unwrap_or_default().to_owned()
}

/// The `id` of the focused element.
pub async fn focused_id(b: &Browser) -> String {
    let id = b.js(
        "return document.activeElement ? document.activeElement.id : ''",
        vec![],
    );
    id.await.as_str().unwrap_or_default().to_owned()
}

/// The `href` of the focused element.
pub async fn focused_href(b: &Browser) -> String {
    let href = b.js(
        "const a = document.activeElement; return a && a.href ? a.href : ''",
        vec![],
    );
    href.await.as_str().unwrap_or_default().to_owned()
}

/// Types `text` into the search box and waits until the URL's `q` holds it.
pub async fn search_for(b: &Browser, text: &str) {
    let input = b.find("input#filter-q").await;
    input.send_keys(text).await.expect("type in the search box");
    b.until(&format!("q={text:?} in the URL"), async || {
        let q = b.param("q").await?;
        if q.as_deref() == Some(text) {
            Ok(())
        } else {
            Err(format!("q={q:?}"))
        }
    })
    .await;
}

impl Browser {
    /// Waits until the live app has taken the prerendered view's place and its `css` elements
    /// read `texts`, as the prerendered ones did.
    pub async fn handed_over_with(&self, css: &str, texts: &[String]) {
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

/// Every kind of page: a name, its path and what shows once it is drawn.
pub const PAGE_KINDS: [(&str, &str, &str); 10] = [
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
pub async fn emulate(b: &Browser, media: &str, features: &[(&str, &str)]) {
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

/// Types `keys` (characters or [`Key`]s as chars), as a keyboard does: into whatever has the
/// focus.
pub async fn press(b: &Browser, keys: &[char]) {
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
pub async fn tab_to(b: &Browser, css: &str, most: usize) -> Vec<String> {
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
