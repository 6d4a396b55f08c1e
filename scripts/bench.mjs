// Cold loads of the built app and of bench/hello in one headless Chromium, each in a fresh
// browser context (empty cache), alternating so that both see the same machine load.
//
//   node scripts/bench.mjs APP_DIR HELLO_DIR [RUNS] [--throttle]
//
// For the app the time is from navigation start to the first timeline row (`li.entry`) in the
// DOM; for hello, to its paragraph. Both sites are served from memory on 127.0.0.1, gzipped
// as a static host would; --throttle adds a 10 Mbit/s, 40 ms network (Chromium's emulation).
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
// of the page's own scripts run and notes when the first matching element enters the DOM.
async function coldLoad(url, selector) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    if (throttle) {
      const cdp = await page.createCDPSession();
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 40,
        downloadThroughput: (10 * 1024 * 1024) / 8,
        uploadThroughput: (5 * 1024 * 1024) / 8,
      });
    }
    await page.evaluateOnNewDocument((sel) => {
      window.__first = null;
      const seen = () => {
        if (window.__first === null && document.querySelector(sel)) window.__first = performance.now();
        return window.__first !== null;
      };
      new MutationObserver((_, obs) => seen() && obs.disconnect()).observe(document, {
        childList: true,
        subtree: true,
      });
    }, selector);
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => window.__first !== null, { timeout: 60000, polling: 50 });
    return await page.evaluate(() => window.__first);
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
const times = { app: [], hello: [] };
try {
  // One unmeasured load of each warms the OS and Chromium's shared state, not the page caches.
  await coldLoad(appUrl, 'li.entry');
  await coldLoad(helloUrl, '#hello');
  for (let i = 0; i < runs; i++) {
    times.app.push(await coldLoad(appUrl, 'li.entry'));
    times.hello.push(await coldLoad(helloUrl, '#hello'));
  }
} finally {
  await browser.close();
  app.close();
  hello.close();
}

const a = stats(times.app);
const h = stats(times.hello);
const fmt = (x) => `${x.toFixed(0).padStart(5)} ms`;
console.log(`cold loads, ${runs} each${throttle ? ', network throttled to 10 Mbit/s + 40 ms' : ''}:`);
console.log(`  app   (first li.entry)  median ${fmt(a.median)}  p95 ${fmt(a.p95)}  min ${fmt(a.min)}  max ${fmt(a.max)}`);
console.log(`  hello (bare Leptos)     median ${fmt(h.median)}  p95 ${fmt(h.p95)}  min ${fmt(h.min)}  max ${fmt(h.max)}`);
const ratio = a.median / h.median;
console.log(`  ratio of medians ${ratio.toFixed(2)}x (target <= 1.5x): ${ratio <= 1.5 ? 'ok' : 'OVER'}`);
