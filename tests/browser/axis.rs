//! The time axis as a person moves through it (issue 16): the wheel zooms around the pointer, a
//! drag pans, a drag across the overview picks a range, the keyboard reaches a mark and opens
//! it, back and forward step through windows, and a PEP or a person gets a lane of its own; at
//! 1280 px and at 375 px. Input goes through the browser's own input pipeline (DevTools'
//! `Input.dispatchMouseEvent`), as a mouse's would.

use crate::harness::*;

/// What the axis shows and where it is on the page.
#[derive(Debug, Clone, serde::Deserialize)]
struct Axis {
    /// The main axis's box, in CSS pixels of the viewport.
    left: f64,
    top: f64,
    width: f64,
    height: f64,
    /// The overview's.
    over_top: f64,
    over_height: f64,
    /// The words for the window.
    range: String,
    /// The smallest font size of any label drawn.
    smallest_label: f64,
}

const AXIS: &str = "const a = document.querySelector('svg.axis').getBoundingClientRect();
  const o = document.querySelector('svg.overview').getBoundingClientRect();
  const labels = [...document.querySelectorAll('svg.axis text, svg.overview text')]
    .map((t) => parseFloat(getComputedStyle(t).fontSize));
  return { left: a.left, top: a.top, width: a.width, height: a.height,
           over_top: o.top, over_height: o.height,
           range: document.querySelector('[data-testid=axis-range]').textContent,
           smallest_label: Math.min(...labels) }";

impl Browser {
    async fn axis(&self) -> Axis {
        self.js(
            "document.querySelector('.time-axis').scrollIntoView({block: 'center'})",
            vec![],
        )
        .await;
        self.read(AXIS, vec![]).await
    }

    /// A mouse event at (x, y) of the viewport, through the browser's input pipeline.
    async fn mouse(&self, kind: &str, x: f64, y: f64, extra: Value) {
        let mut params = json!({ "type": kind, "x": x, "y": y, "button": "left", "buttons": 1, "clickCount": 1 });
        if let (Some(p), Some(e)) = (params.as_object_mut(), extra.as_object()) {
            p.extend(e.clone());
        }
        if kind == "mouseMoved" || kind == "mouseWheel" {
            params["button"] = json!(if kind == "mouseWheel" { "none" } else { "left" });
        }
        self.cdp("Input.dispatchMouseEvent", params).await;
    }

    /// A drag from x0 to x1 along y, in steps, as a hand does.
    async fn drag(&self, x0: f64, x1: f64, y: f64) {
        self.mouse("mousePressed", x0, y, json!({})).await;
        for k in 1..=8 {
            let x = x0 + (x1 - x0) * f64::from(k) / 8.0;
            self.mouse("mouseMoved", x, y, json!({})).await;
        }
        self.mouse("mouseReleased", x1, y, json!({ "buttons": 0 }))
            .await;
    }

    /// The `date:` range the address holds, as its two ends.
    async fn window(&self) -> Result<(String, String), String> {
        let value = self.qualifier("date").await?.ok_or("no date: qualifier")?;
        let (a, b) = value.split_once("..").unwrap_or((&value, &value));
        Ok((a.to_string(), b.to_string()))
    }
}

/// The rows shown: their dates.
async fn row_dates(b: &Browser) -> Vec<String> {
    b.read(
        "return [...document.querySelectorAll('main li.entry')].map((li) => li.dataset.date)",
        vec![],
    )
    .await
}

/// What a person could not read on the axis: marks or counts of one lane whose boxes overlap,
/// a lane's name over its marks, and marks or tick labels that stick out of the axis. Empty
/// when every one stands clear.
async fn crowded(b: &Browser) -> Vec<String> {
    b.read(
        "const svg = document.querySelector('svg.axis');
         const box = svg.getBoundingClientRect();
         const drawn = [...svg.querySelectorAll('[data-lane][data-focus]')]
           .map((n) => ({ lane: n.dataset.lane, r: n.getBoundingClientRect(), name: n.dataset.name }))
           .sort((a, b) => a.lane.localeCompare(b.lane) || a.r.left - b.r.left);
         const out = [];
         drawn.forEach((m, i) => {
           if (m.r.left < box.left - 0.5 || m.r.right > box.right + 0.5) out.push(`outside the axis: ${m.name}`);
           const next = drawn[i + 1];
           if (next && next.lane === m.lane && next.r.left < m.r.right - 0.5)
             out.push(`${m.name} and ${next.name} overlap by ${(m.r.right - next.r.left).toFixed(1)} px`);
         });
         const meet = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
         for (const label of svg.querySelectorAll('.lane-label')) {
           const r = label.getBoundingClientRect();
           for (const m of drawn) if (meet(r, m.r)) out.push(`the lane name ${label.textContent} covers ${m.name}`);
         }
         for (const t of svg.querySelectorAll('.tick-label')) {
           const r = t.getBoundingClientRect();
           if (r.left < box.left - 0.5 || r.right > box.right + 0.5) out.push(`tick label ${t.textContent} cut off`);
         }
         return out;",
        vec![],
    )
    .await
}

/// The names of the zoom buttons that say they have nothing to do.
async fn idle_buttons(b: &Browser) -> Vec<String> {
    b.read(
        "return [...document.querySelectorAll('.time-axis button[aria-disabled=true]')]
           .map((b) => b.getAttribute('aria-label') || b.textContent.trim())",
        vec![],
    )
    .await
}

/// The keys of the axis's legend a person can see.
async fn legend_keys(b: &Browser) -> Vec<String> {
    b.read(
        "return [...document.querySelectorAll('figcaption.legend .key')]
           .filter((k) => k.getBoundingClientRect().width > 0).map((k) => k.textContent.trim())",
        vec![],
    )
    .await
}

/// The x in the viewport of `date` on an axis showing 2019-01-01 to 2026-12-31.
fn x_of(axis: &Axis, year: i32, month: u32) -> f64 {
    let days =
        |y: i32, m: u32| f64::from((y - 2019) * 365 + (y - 2017) / 4) + f64::from(m - 1) * 30.4;
    axis.left + axis.width * days(year, month) / days(2027, 1)
}

#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn the_wheel_zooms_into_2023_a_drag_pans_and_back_steps_through_windows() {
    let b = Browser::open().await;
    b.goto("").await;
    b.timeline().await;
    let axis = b.axis().await;
    assert_eq!(axis.range, "All of 2019 to 2026");
    let crowd = crowded(&b).await;
    assert!(crowd.is_empty(), "{crowd:#?}");
    // With everything shown, zooming out and "Show all" have nothing to do, and say so.
    assert_eq!(idle_buttons(&b).await, ["Zoom out", "Show all"]);
    let (x, y) = (x_of(&axis, 2023, 7), axis.top + axis.height / 2.0);
    // Five notches of a wheel over mid-2023: one gesture.
    for _ in 0..5 {
        b.mouse("mouseWheel", x, y, json!({ "deltaX": 0, "deltaY": -240 }))
            .await;
    }
    let zoomed = b
        .until("a window around 2023 in the URL", async || {
            let (a, z) = b.window().await?;
            if a.as_str() < "2023-07"
                && z.as_str() >= "2023-07"
                && (a.as_str() > "2021" || z.as_str() < "2025")
            {
                Ok((a, z))
            } else {
                Err(format!("date:{a}..{z}"))
            }
        })
        .await;
    assert!(idle_buttons(&b).await.is_empty());
    // The words, the list and its count follow the window.
    let words = b.axis().await.range;
    assert!(words.contains("2023"), "the window said in words: {words}");
    let count = b.texts("[data-testid=result-count]").await;
    assert!(
        count[0].contains(&words),
        "the list's words: {count:?} for {words}"
    );
    for d in row_dates(&b).await {
        assert!(
            d >= zoomed.0 && d.as_str() <= format!("{}-31", zoomed.1).as_str(),
            "a row outside the window: {d} not in {zoomed:?}"
        );
    }
    // A drag to the left brings later days in.
    let axis = b.axis().await;
    b.drag(
        axis.left + axis.width * 0.7,
        axis.left + axis.width * 0.3,
        y,
    )
    .await;
    let panned = b
        .until("a later window", async || {
            let w = b.window().await?;
            if w.0 > zoomed.0 {
                Ok(w)
            } else {
                Err(format!("{w:?}"))
            }
        })
        .await;
    // Each gesture was one step of the history.
    b.client.back().await.expect("back");
    b.until("back: the wheel's window", async || {
        let w = b.window().await?;
        if w == zoomed {
            Ok(())
        } else {
            Err(format!("{w:?}, want {zoomed:?}"))
        }
    })
    .await;
    b.client.back().await.expect("back");
    b.until("back: everything", async || {
        match b.qualifier("date").await? {
            None => Ok(()),
            Some(d) => Err(d),
        }
    })
    .await;
    b.client.forward().await.expect("forward");
    b.client.forward().await.expect("forward");
    b.until("forward: the drag's window", async || {
        let w = b.window().await?;
        if w == panned {
            Ok(())
        } else {
            Err(format!("{w:?}"))
        }
    })
    .await;
    b.screenshot("axis").await;
    // A window whose last tick falls near the axis's end.
    b.goto("?q=date:2022-01-01..2024-01-01").await;
    b.timeline().await;
    let crowd = crowded(&b).await;
    assert!(crowd.is_empty(), "two years: {crowd:#?}");
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn a_brush_across_the_overview_picks_the_days_and_the_list_follows() {
    let b = Browser::open().await;
    b.goto("").await;
    b.timeline().await;
    let axis = b.axis().await;
    let y = axis.over_top + axis.over_height / 2.0;
    b.drag(x_of(&axis, 2022, 1) + 2.0, x_of(&axis, 2022, 6) + 20.0, y)
        .await;
    let (a, z) = b
        .until("a range in the first half of 2022", async || {
            let w = b.window().await?;
            if w.0.starts_with("2022-01") && w.1.starts_with("2022-06")
                || w.1.starts_with("2022-07")
            {
                Ok(w)
            } else {
                Err(format!("{w:?}"))
            }
        })
        .await;
    let dates = row_dates(&b).await;
    assert!(!dates.is_empty());
    assert!(
        dates
            .iter()
            .all(|d| d.as_str() >= a.as_str() && d.as_str() <= format!("{z}-31").as_str()),
        "{dates:?}"
    );
    let words = b.axis().await.range;
    assert!(words.contains("2022"), "{words}");
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn the_keyboard_zooms_moves_between_marks_and_opens_one() {
    let b = Browser::open().await;
    b.goto("?q=date:2023-08").await;
    b.timeline().await;
    // The axis is one stop of the tab order: its first mark.
    let first = b.find("svg.axis [data-focus][tabindex='0']").await;
    b.js(
        "arguments[0].focus()",
        vec![serde_json::to_value(&first).unwrap()],
    )
    .await;
    let key = async |k: &str| {
        let el = b.client.active_element().await.expect("a focused element");
        el.send_keys(k).await.expect("press a key");
    };
    // + zooms in, − out, each one step of the history; the arrows walk the marks, and the
    // card says what the focused one is.
    key("+").await;
    let zoomed = b
        .until("a narrower window", async || {
            let w = b.window().await?;
            if w != ("2023-08".into(), "2023-08".into()) {
                Ok(w)
            } else {
                Err(format!("{w:?}"))
            }
        })
        .await;
    key("-").await;
    b.until("wider again", async || {
        let w = b.window().await?;
        if w != zoomed {
            Ok(())
        } else {
            Err(format!("{w:?}"))
        }
    })
    .await;
    let target = b
        .until("a single mark focused by the arrows", async || {
            key(&Key::Right.to_string()).await;
            let focused: Option<String> = b
                .read(
                    "const a = document.activeElement;
                     return a && a.closest('svg.axis') && a.tagName.toLowerCase() === 'a' ? a.getAttribute('href') : null",
                    vec![],
                )
                .await;
            focused.ok_or_else(|| "not on a single mark yet".to_string())
        })
        .await;
    let card = b.find(".axis-card").await;
    assert!(card.is_displayed().await.unwrap());
    assert!(!card.text().await.unwrap().is_empty());
    // The card stands beside the mark it describes, not on it, and inside the figure.
    let placed: String = b
        .read(
            "const m = document.activeElement.getBoundingClientRect();
             const c = document.querySelector('.axis-card').getBoundingClientRect();
             const f = document.querySelector('.time-axis').getBoundingClientRect();
             const on = c.left < m.right && m.left < c.right && c.top < m.bottom && m.top < c.bottom;
             return on ? 'covers the mark' : c.left < f.left - 0.5 || c.right > f.right + 0.5 ? 'outside the figure' : 'ok'",
            vec![],
        )
        .await;
    assert_eq!(placed, "ok");
    key(&Key::Enter.to_string()).await;
    path_is(
        &b,
        &url_path(&b.site.url(target.trim_start_matches(PREFIX))),
    )
    .await;
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn a_pep_and_a_person_get_lanes_of_their_own() {
    let b = Browser::open().await;
    // Early 2023, where its marks stand one by one.
    b.goto("?q=pep:703%20date:2023-01..2023-03").await;
    b.timeline().await;
    let lanes = b.texts("svg.axis .lane-label").await;
    assert!(lanes.contains(&"PEP 703".to_string()), "{lanes:?}");
    let names: Vec<String> = b
        .until("PEP 703's lane with its creation and outcome", async || {
            let names: Vec<String> = b
                .read(
                    "return [...document.querySelectorAll('svg.axis [data-lane=\"3\"][data-name]')].map((m) => m.dataset.name)",
                    vec![],
                )
                .await;
            let all = names.join(" | ");
            if all.contains("created") && names.len() >= 3 {
                Ok(names)
            } else {
                Err(all)
            }
        })
        .await;
    println!("PEP 703's lane: {} marks or counts", names.len());
    // The README's picture of a zoomed axis with a PEP lane: PEP 703's year.
    b.goto("?q=pep:703%20date:2023").await;
    b.timeline().await;
    b.screenshot("axis-pep").await;
    // A number no PEP has (as when `713` is being typed, at `71`) gets no lane and fetches
    // nothing: there is no `peps/71.json`, and asking for it would be a 404 in the console.
    b.goto("?q=pep:71").await;
    let lanes = b
        .until("the axis for pep:71", async || {
            let lanes = b.texts("svg.axis .lane-label").await;
            match b.qualifier("pep").await? {
                Some(p) if p == "71" && !lanes.is_empty() => Ok(lanes),
                p => Err(format!("pep={p:?}, lanes {lanes:?}")),
            }
        })
        .await;
    assert!(!lanes.iter().any(|l| l.starts_with("PEP")), "{lanes:?}");

    b.goto("?q=person:pablo-galindo-salgado").await;
    b.timeline().await;
    let lanes = b.texts("svg.axis .lane-label").await;
    assert!(lanes.contains(&"Their part".to_string()), "{lanes:?}");
    let marks = b.texts("svg.axis [data-lane=\"3\"]").await.len();
    assert!(marks > 3, "Pablo's lane has marks: {marks}");

    // A person's lane has its own keys, shown with it; a guest's mark is not the diamond of a
    // deferred decision.
    b.goto("?q=person:lukasz%20role:guest%20year:2023").await;
    b.timeline().await;
    let shown = legend_keys(&b).await;
    assert!(
        shown.contains(&"guest".to_string()) && shown.contains(&"deferred".to_string()),
        "{shown:?}"
    );
    let shapes: Vec<String> = b
        .read(
            "return [...document.querySelectorAll('svg.axis [data-lane=\"3\"] path.role-guest')].map((p) => p.getAttribute('class'))",
            vec![],
        )
        .await;
    assert!(
        !shapes.is_empty() && shapes.iter().all(|c| !c.contains("shape-diamond")),
        "{shapes:?}"
    );
    b.goto("").await;
    b.timeline().await;
    let shown = legend_keys(&b).await;
    assert!(!shown.contains(&"guest".to_string()), "{shown:?}");
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn on_a_phone_a_drag_pans_the_buttons_zoom_and_labels_stay_readable() {
    let b = Browser::open().await;
    b.cdp(
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": 375, "height": 800, "deviceScaleFactor": 2, "mobile": true }),
    )
    .await;
    b.goto("").await;
    b.timeline().await;
    let crowd = crowded(&b).await;
    assert!(crowd.is_empty(), "at 375 px: {crowd:#?}");
    b.goto("?q=date:2023").await;
    b.timeline().await;
    let axis = b.axis().await;
    assert!(
        axis.width <= 375.0 && axis.smallest_label >= 11.0,
        "{axis:?}"
    );
    b.find("button[aria-label='Zoom in']")
        .await
        .click()
        .await
        .expect("zoom in");
    let zoomed = b
        .until("a narrower window", async || {
            let w = b.window().await?;
            if w.0.as_str() > "2023-01" || w.1.as_str() < "2023-12" {
                Ok(w)
            } else {
                Err(format!("{w:?}"))
            }
        })
        .await;
    let axis = b.axis().await;
    b.drag(
        axis.left + 300.0,
        axis.left + 60.0,
        axis.top + axis.height / 2.0,
    )
    .await;
    b.until("a later window after the drag", async || {
        let w = b.window().await?;
        if w.0 > zoomed.0 {
            Ok(())
        } else {
            Err(format!("{w:?}"))
        }
    })
    .await;
    assert!(b.axis().await.smallest_label >= 11.0);
    b.close().await;
}
