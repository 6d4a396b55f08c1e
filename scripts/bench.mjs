// Cold loads of the built app and of bench/hello in one headless Chromium, each in a fresh
// browser context (empty cache), alternating so that both see the same machine load.
//
//   node scripts/bench.mjs APP_DIR HELLO_DIR [RUNS] [--throttle]
//
// For the app the times are from navigation start to the first timeline row (`li.entry`) in
// the DOM, and to the first row of the live app (after the prerendered view is gone); for
// hello, to its paragraph. Both sites are served from memory on 127.0.0.1, gzipped
// as a static host would; --throttle adds a 10 Mbit/s, 40 ms network (Chromium's emulation).
//
// Then, on a slow phone's profile (a 4G-like network, 1.6 Mbit/s down and 150 ms round trips,
// and the CPU slowed 4x), the time until the site's header is first painted, for a shared
// search link, the PEP list and a prerendered meeting: no address should show a blank page
// for long while the app loads (target: the first two within 1.2x of the meeting).
import path from 'node:path';
import { createRequire } from 'node:module';

import { serve } from './lib/static-server.mjs';

const require = createRequire(path.resolve('.tools/package.json'));
const puppeteer = require('puppeteer-core');

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const throttle = process.argv.includes('--throttle');
const [appDir, helloDir] = args;
const runs = Number(args[2] ?? 15);
if (!appDir || !helloDir || !(runs > 0)) {
  console.error('usage: node scripts/bench.mjs APP_DIR HELLO_DIR [RUNS] [--throttle]');
  process.exit(2);
}

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--no-first-run'],
});

// One cold load: a new context has its own empty cache. The observer is installed before any
// of the page's own scripts run and notes when an element matching each selector first enters
// the DOM; resolves to those times, in the order of `selectors`.
async function coldLoad(url, selectors, phone = false) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    if (phone) {
      const cdp = await page.createCDPSession();
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 150,
        downloadThroughput: (1.6 * 1024 * 1024) / 8,
        uploadThroughput: (750 * 1024) / 8,
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    } else if (throttle) {
      const cdp = await page.createCDPSession();
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 40,
        downloadThroughput: (10 * 1024 * 1024) / 8,
        uploadThroughput: (5 * 1024 * 1024) / 8,
      });
    }
    await page.evaluateOnNewDocument((sels, visible) => {
      window.__seen = sels.map(() => null);
      // In the DOM, or (`visible`) shown with a box in a frame about to be painted.
      const there = (sel) => {
        const e = document.querySelector(sel);
        return e && (!visible || e.getBoundingClientRect().height > 0);
      };
      const look = () => {
        sels.forEach((sel, i) => {
          if (window.__seen[i] === null && there(sel)) window.__seen[i] = performance.now();
        });
        return window.__seen.every((t) => t !== null);
      };
      if (visible) {
        const frame = () => look() || requestAnimationFrame(frame);
        requestAnimationFrame(frame);
      } else {
        new MutationObserver((_, obs) => look() && obs.disconnect()).observe(document, {
          childList: true,
          subtree: true,
        });
      }
    }, selectors, phone);
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => window.__seen.every((t) => t !== null), { timeout: 60000, polling: 50 });
    return await page.evaluate(() => window.__seen);
  } finally {
    await context.close();
  }
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  return { median: at(0.5), p95: at(0.95), min: s[0], max: s[s.length - 1] };
};

const app = await serve(appDir);
const hello = await serve(helloDir);
const appUrl = app.url;
const helloUrl = hello.url;
// The first timeline row, whichever draws it (the prerendered HTML, or the app on a build
// without it), and the first row of the live app once it has taken the prerendered view's
// place: from then on the page answers clicks and typing.
const FIRST_ROW = 'li.entry';
const LIVE_ROW = 'body:not(:has(> #prerender)) > main li.entry';
const times = { app: [], live: [], hello: [] };
// The slow phone: the first painted header at three kinds of address.
const HEADER = '.site-header .brand';
const PHONE = [
  ['/?q=pep:703 (a shared search)', '?q=pep:703'],
  ['/peps (a list page)', 'peps'],
  ['/meetings/2023-08-28 (prerendered)', 'meetings/2023-08-28'],
];
const phoneRuns = Math.max(3, Math.ceil(runs / 3));
const header = PHONE.map(() => []);
try {
  // One unmeasured load of each warms the OS and Chromium's shared state, not the page caches.
  await coldLoad(appUrl, [FIRST_ROW, LIVE_ROW]);
  await coldLoad(helloUrl, ['#hello']);
  for (let i = 0; i < runs; i++) {
    const [first, live] = await coldLoad(appUrl, [FIRST_ROW, LIVE_ROW]);
    times.app.push(first);
    times.live.push(live);
    times.hello.push((await coldLoad(helloUrl, ['#hello']))[0]);
  }
  for (let i = 0; i < phoneRuns; i++) {
    for (const [k, [, at]] of PHONE.entries()) {
      header[k].push((await coldLoad(appUrl + at, [HEADER], true))[0]);
    }
  }
} finally {
  await browser.close();
  app.close();
  hello.close();
}

const a = stats(times.app);
const l = stats(times.live);
const h = stats(times.hello);
const fmt = (x) => `${x.toFixed(0).padStart(5)} ms`;
const line = (label, x) =>
  console.log(`  ${label}  median ${fmt(x.median)}  p95 ${fmt(x.p95)}  min ${fmt(x.min)}  max ${fmt(x.max)}`);
console.log(`cold loads, ${runs} each${throttle ? ', network throttled to 10 Mbit/s + 40 ms' : ''}:`);
line('app, first timeline row ', a);
line('app, live (wasm running)', l);
line('hello (bare Leptos)     ', h);
const ratio = a.median / h.median;
console.log(`  first row: ratio of medians ${ratio.toFixed(2)}x (target <= 1.5x): ${ratio <= 1.5 ? 'ok' : 'OVER'}`);
console.log(`  live app:  ratio of medians ${(l.median / h.median).toFixed(2)}x`);
const meeting = stats(header[PHONE.length - 1]).median;
console.log(`slow phone (4G-like: 1.6 Mbit/s, 150 ms; CPU 4x slower), first painted header, ${phoneRuns} loads each:`);
for (const [k, [label]] of PHONE.entries()) {
  const s = stats(header[k]);
  const ratio = s.median / meeting;
  const verdict = k === PHONE.length - 1 ? '' : `  ${ratio.toFixed(2)}x the meeting (target <= 1.2x): ${ratio <= 1.2 ? 'ok' : 'OVER'}`;
  console.log(`  ${label.padEnd(36)} median ${fmt(s.median)}  p95 ${fmt(s.p95)}${verdict}`);
}
