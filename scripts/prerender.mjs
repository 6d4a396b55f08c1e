// Writes the home page's first view into a built site's index.html, so that the timeline shows
// as soon as the HTML arrives instead of after the wasm has downloaded, compiled and drawn it.
//
//   node scripts/prerender.mjs SITE_DIR [PUBLIC_URL]
//
// The view is the app's own: the built site is served from memory and opened in headless
// Chromium, which prints the page once the app has drawn it. Its <body> goes into index.html
// inside <div id="prerender">; the stylesheet hides the live app while that element exists,
// and the app removes it as soon as its own first view is ready (src/ui/app.rs). Only the bare
// home URL uses it: 404.html, which static hosts answer deep links with, stays the plain shell.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

import { serve } from './lib/static-server.mjs';

const [dir, prefix = '/'] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node scripts/prerender.mjs SITE_DIR [PUBLIC_URL]');
  process.exit(2);
}
const chromium = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const index = path.join(dir, 'index.html');
const page = fs.readFileSync(index, 'utf8');
if (page.includes('id="prerender"')) {
  console.error(`prerender: ${index} already holds a prerendered view`);
  process.exit(1);
}

const site = await serve(dir, prefix);
let dom;
try {
  // Virtual time runs the app's timers and waits for its fetches, then the page is printed.
  ({ stdout: dom } = await promisify(execFile)(
    'timeout',
    ['120', chromium, '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--window-size=1280,900', '--virtual-time-budget=10000', '--dump-dom', site.url],
    { encoding: 'utf8', maxBuffer: 64 << 20 },
  ));
} finally {
  site.close();
}

const body = /<body[^>]*>([\s\S]*)<\/body>/.exec(dom)?.[1] ?? '';
const view = body
  .replace(/<noscript>[\s\S]*?<\/noscript>/g, '')
  .replace(/<script[\s\S]*?<\/script>/g, '')
  // The markers the app's renderer leaves between pieces of a view.
  .replace(/<!---->/g, '')
  .trim();
const rows = (view.match(/<li class="entry /g) ?? []).length;
if (rows === 0 || !view.includes('id="filter-q"')) {
  console.error('prerender: the app drew no timeline in headless Chromium; index.html is unchanged');
  process.exit(1);
}
// Only the bare home URL may show it: any other address served this file (a query, or a host
// that answers deep links with index.html) marks the page from <head>, before the view is
// parsed, and the stylesheet then hides it. Inline, so no request waits on it; scripts/add-csp allows it by
// its hash.
const home = JSON.stringify(prefix.replace(/\/$/, ''));
const guard =
  `<script>if (location.search || location.pathname.replace(/\\/$/, '') !== ${home}) ` +
  `document.documentElement.classList.add('not-home');</script>`;
fs.writeFileSync(
  index,
  // A function, so that a `$` in the view is not read as a replacement pattern.
  page
    .replace(/<\/head>/, () => `  ${guard}\n  </head>`)
    .replace(/<body>/, () => `<body>\n    <div id="prerender">${view}</div>`),
);
console.log(`[prerender] ${index}: the first view, ${rows} rows, ${Math.round(view.length / 1024)} KB of HTML`);
