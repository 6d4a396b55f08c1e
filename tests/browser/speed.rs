//! A measurement, not a test: how long a keystroke in the search box takes until the results
//! are painted, over the site in `SITE_DIR` (`scripts/bench-search` builds it with real or
//! scaled data and runs this once per size). Prints the median and 95th percentile of two
//! times: until the results are in the page and laid out (the work a keystroke costs), and until
//! the frame showing them is painted (what the eye sees, which adds the wait for the next frame:
//! up to 16.7 ms at 60 Hz). Work the page leaves for after that paint (the rest of the first
//! page of rows, the counts in the closed lists, the address bar) is not counted, but it runs
//! between the keys, so a slow one would show in the next keystroke.

use crate::harness::*;

/// What is typed, one character at a time; each character is one sample.
const TYPED: [&str; 6] = [
    "free threading",
    "lukasz",
    "pep:703",
    "person:pablo kind:decision",
    "typing annotations",
    "outcome:rejected year:2023",
];
/// How many times the whole of `TYPED` is typed: about 200 samples, so that the 95th
/// percentile rests on ten of them rather than five.
const ROUNDS: usize = 2;

#[tokio::test]
#[ignore = "a measurement run by scripts/bench-search, not part of scripts/test"]
async fn search_speed_keystroke_to_paint() {
    let label = std::env::var("BENCH_LABEL").unwrap_or_else(|_| "this site".into());
    let b = Browser::open().await;
    b.goto("").await;
    let entries = b.timeline().await;
    // In the page: set the box's text as a keystroke would and fire `input`, wait until the
    // timeline shows that text's results and force their layout, then wait for the next frame
    // to be painted (a requestAnimationFrame callback runs before the paint, a task queued from
    // it after).
    let samples = b
        .client
        .execute_async(
            "const [typed, ROUNDS, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
             const input = document.getElementById('filter-q');
             const shows = t => document.querySelector('[data-testid=timeline]').dataset.q === t;
             // Yields to the page's own tasks; unlike setTimeout(0), a message is not held back
             // 4 ms once timeouts nest, which would round every time up.
             const tick = () => new Promise(r => {
               const c = new MessageChannel();
               c.port1.onmessage = () => r();
               c.port2.postMessage(0);
             });
             const type = async text => {
               const t0 = performance.now();
               // Asked for before the keystroke, so this callback is the first of the next
               // frame and the task it queues runs right after that frame is painted, ahead of
               // any work the page itself leaves for after the paint.
               const painted = new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
               input.value = text;
               input.dispatchEvent(new InputEvent('input', { bubbles: true }));
               // The page reacts in microtasks: waiting in microtasks first sees the results
               // without letting the browser render a frame in between, which would be counted
               // here; then, should they come later, in tasks.
               for (let i = 0; i < 10000 && !shows(text); i++) await Promise.resolve();
               while (!shows(text)) {
                 if (performance.now() - t0 > 5000) return [-1, -1];
                 await tick();
               }
               document.body.getBoundingClientRect();
               const laid = performance.now() - t0;
               await painted;
               const done = performance.now() - t0;
               // A fast typist's pace, about eight keys a second: what a search leaves for after
               // the paint (the rest of its first page) is done before the next key, as it is
               // for a person, instead of being counted in the next keystroke.
               await new Promise(r => setTimeout(r, 120));
               return [laid, done];
             };
             (async () => {
               const times = [];
               for (let round = 0; round < ROUNDS; round++) for (const q of typed) {
                 await type('');
                 for (let i = 1; i <= q.length; i++) times.push(await type(q.slice(0, i)));
               }
               done(times);
             })();",
            vec![json!(TYPED), json!(ROUNDS)],
        )
        .await
        .expect("run the measurement in the page");
    let pairs: Vec<(f64, f64)> = samples
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .filter_map(|v| Some((v.get(0)?.as_f64()?, v.get(1)?.as_f64()?)))
        .collect();
    let typed: usize = ROUNDS * TYPED.iter().map(|t| t.len()).sum::<usize>();
    assert_eq!(pairs.len(), typed, "one sample per character");
    assert!(
        pairs.iter().all(|&(t, _)| t >= 0.0),
        "a keystroke's results never showed within 5 s: {pairs:?}"
    );
    println!(
        "SEARCH-SPEED {label}: {entries} entries, {} keystrokes; in the page and laid out: {}; painted: {}",
        pairs.len(),
        figures(pairs.iter().map(|p| p.0).collect()),
        figures(pairs.iter().map(|p| p.1).collect()),
    );
    b.close().await;
}

/// How many steps of each gesture are timed, each one sample.
const STEPS: usize = 60;

#[tokio::test]
#[ignore = "a measurement run by scripts/bench-axis, not part of scripts/test"]
async fn axis_speed_pan_and_zoom_step_to_paint() {
    let label = std::env::var("BENCH_LABEL").unwrap_or_else(|_| "this site".into());
    let b = Browser::open().await;
    // The whole span, every entry on the axis: the densest view there is. Zooming in and out
    // in turn changes the window at every step.
    b.goto("").await;
    b.timeline().await;
    let entries: u64 = b
        .read(
            "return document.querySelectorAll('svg.axis [data-focus]').length",
            vec![],
        )
        .await;
    // In the page: each step is a pointer move of a drag, or a notch of the wheel, fired at the
    // axis as the browser would; timed until the axis shows its new window, laid out, and until
    // the next frame is painted (as for a keystroke, see above). The address and the list follow
    // after that paint, between the steps, at a hand's pace.
    let samples = b
        .client
        .execute_async(
            "const [STEPS, done] = [arguments[0], arguments[arguments.length - 1]];
             const svg = document.querySelector('svg.axis');
             const g = svg.querySelector('.axis-marks');
             const box = svg.getBoundingClientRect();
             const y = box.top + box.height / 2;
             const at = (x) => ({ bubbles: true, cancelable: true, clientX: box.left + x, clientY: y, pointerId: 1, isPrimary: true, button: 0, buttons: 1 });
             const step = async (fire) => {
               const before = g.dataset.window;
               const t0 = performance.now();
               const painted = new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
               fire();
               for (let i = 0; i < 10000 && g.dataset.window === before; i++) await Promise.resolve();
               while (g.dataset.window === before) {
                 if (performance.now() - t0 > 2000) return [-1, -1];
                 await new Promise(r => setTimeout(r, 0));
               }
               document.body.getBoundingClientRect();
               const laid = performance.now() - t0;
               await painted;
               const end = performance.now() - t0;
               await new Promise(r => setTimeout(r, 60));
               return [laid, end];
             };
             (async () => {
               const times = [];
               // Zoom in and out in turn with the wheel over the middle, then pan by dragging.
               for (let i = 0; i < STEPS; i++) {
                 const dy = i % 2 === 0 ? -120 : 120;
                 times.push(await step(() => svg.dispatchEvent(new WheelEvent('wheel', { ...at(box.width / 2), deltaY: dy }))));
               }
               // Then a few years' window to pan across.
               svg.dispatchEvent(new WheelEvent('wheel', { ...at(box.width / 2), deltaY: -500 }));
               await new Promise(r => setTimeout(r, 400));
               svg.dispatchEvent(new PointerEvent('pointerdown', at(box.width * 0.8)));
               for (let i = 1; i <= STEPS; i++) {
                 times.push(await step(() => svg.dispatchEvent(new PointerEvent('pointermove', at(box.width * 0.8 - i * 8)))));
               }
               svg.dispatchEvent(new PointerEvent('pointerup', at(box.width * 0.8 - STEPS * 8)));
               done(times);
             })();",
            vec![json!(STEPS)],
        )
        .await
        .expect("run the measurement in the page");
    let pairs: Vec<(f64, f64)> = serde_json::from_value(samples).expect("pairs of times");
    assert!(
        pairs.iter().all(|&(t, _)| t >= 0.0),
        "a step never redrew: {pairs:?}"
    );
    println!(
        "AXIS-SPEED {label}: {entries} marks and counts over the whole span, {} steps (zoom and pan); redrawn and laid out: {}; painted: {}",
        pairs.len(),
        figures(pairs.iter().map(|p| p.0).collect()),
        figures(pairs.iter().map(|p| p.1).collect()),
    );
    b.close().await;
}

/// The median, the 95th percentile (nearest rank) and the maximum of `ms`.
fn figures(mut ms: Vec<f64>) -> String {
    ms.sort_by(f64::total_cmp);
    let at = |p: f64| ms[((ms.len() as f64 * p).ceil() as usize).clamp(1, ms.len()) - 1];
    format!(
        "p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms",
        at(0.50),
        at(0.95),
        ms[ms.len() - 1]
    )
}
