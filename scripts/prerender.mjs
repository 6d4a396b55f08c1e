// Writes the app's own first view of the home page and of every meeting, person, election and
// touched PEP's page into the built site as HTML, so that those pages show as soon as the HTML
// arrives instead of after the wasm has downloaded, compiled and drawn them.
//
//   node scripts/prerender.mjs SITE_DIR [PUBLIC_URL]
//
// The built site is served from memory and opened in one headless Chromium, driven over its
// DevTools pipe (scripts/lib/chromium-pipe.mjs). The app loads once; each page is reached by the
// app's own client-side navigation, and its <body> is kept once the app has drawn it. The view
// goes into the page's file inside <div id="prerender">: index.html for home,
// meetings/<id>.html for a meeting (which is how GitHub Pages answers /meetings/<id>), and the
// same for people/, elections/ and peps/; peps.html, people.html and elections.html (and a copy
// as <folder>/index.html, for hosts that answer a folder's name with it) for the lists. The
// stylesheet hides the live app while that element exists, and the app removes it once its
// own view is ready (src/ui/app.rs).
//
// A page opened at another address than its own (a query such as /?q=pep:703, or any address
// a host answers with 404.html) must not show the wrong page, nor a blank one: the guard marks
// it stale, and the stylesheet then shows the view's header and navigation with the app's own
// loading view in place of the page. That loading view is drawn by the app too (with the data
// held back), and it is all 404.html holds between its header and footer.
//
// Each written page also starts the app only after its first paint: the wasm, the data and
// their preloads wait in a <template> until then, so the prerendered view is not held up by
// downloads it does not need.
import fs from 'node:fs';
import path from 'node:path';

import { launch } from './lib/chromium-pipe.mjs';
import { serve } from './lib/static-server.mjs';

const [dir, prefix = '/'] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node scripts/prerender.mjs SITE_DIR [PUBLIC_URL]');
  process.exit(2);
}
const fail = (why) => {
  console.error(`prerender: ${why}; the site is left without prerendered pages`);
  process.exit(1);
};

const shell = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
if (shell.includes('id="prerender"')) {
  console.error(`prerender: ${dir}/index.html already holds a prerendered view; nothing changed`);
  process.exit(1);
}

// The home page, the three lists, and the pages of the records in the data set's files
// (src/core/route.rs): every section of the notes, person, election and PEP, so that every
// address the app links to answers 200 with its own first view. (The lists' names are also
// folders here, elections/, people/, peps/, which some hosts answer with a redirect to the
// folder: hence the copy as the folder's index.html.)
const records = (file) => JSON.parse(fs.readFileSync(path.join(dir, 'data', file), 'utf8'));
const leaf = (at) => ({ path: at, file: `${at}.html`, ready: 'main h1' });
const home = { path: '', file: 'index.html', ready: 'main li.entry' };
const list = (at) => ({ path: at, file: `${at}.html`, copy: `${at}/index.html`, ready: 'main h1' });
const pages = [
  list('peps'),
  list('people'),
  list('elections'),
  ...records('meetings.json').map(({ id }) => leaf(`meetings/${id}`)),
  ...records('people.json').map(({ id }) => leaf(`people/${id}`)),
  ...records('elections.json').map(({ term }) => leaf(`elections/${term}`)),
  ...records('peps.json').map(({ number }) => leaf(`peps/${number}`)),
];

// In the page: waits for `ready` with no loading notice left, then for the after-paint work
// (facet counts, the title) to be done, and returns the title, the description the page set
// and the drawn <body>.
const drawn = (ready) => `new Promise((done, give_up) => {
  const t0 = performance.now();
  const poll = () => {
    if (document.querySelector(${JSON.stringify(ready)}) && !document.querySelector('main .loading')) {
      requestAnimationFrame(() => setTimeout(() =>
        done({
          title: document.title,
          description: document.querySelector('meta[name=description]')?.content ?? '',
          body: document.body.innerHTML,
        }), 50));
    } else if (performance.now() - t0 > 20000) {
      give_up(new Error('not drawn within 20 s: ' + document.body.innerText.slice(0, 300)));
    } else {
      setTimeout(poll, 10);
    }
  };
  poll();
})`;

// Goes to `path` as the app's own links do: the router follows history changes.
const follow = (url) => `history.pushState(null, '', ${JSON.stringify(url)});
  dispatchEvent(new PopStateEvent('popstate', { state: null }));`;

// In the page, while the data is held back: the app's loading view, and the whole <body>.
const loading = `new Promise((done, give_up) => {
  const t0 = performance.now();
  const poll = () => {
    const view = document.querySelector('main [data-testid=loading]');
    if (view) {
      requestAnimationFrame(() => done({ view: view.outerHTML, body: document.body.innerHTML }));
    } else if (performance.now() - t0 > 20000) {
      give_up(new Error('no loading view within 20 s'));
    } else {
      setTimeout(poll, 10);
    }
  };
  poll();
})`;

const site = await serve(dir, prefix);
const browser = await launch(process.env.CHROME_PATH ?? '/usr/bin/chromium');
const views = [];
let shell404 = null;
let loadingView = null;
try {
  const tab = await browser.newPage({ width: 1280, height: 900 });
  // The app on a page that waits for the data, the data held back: the header, the
  // navigation, the loading view and the footer, as 404.html shows them before the app runs.
  // (Which page it is, the navigation's aria-current says; 404.html stands for any page, so
  // that mark is dropped below.)
  const release = site.hold('data/meetings.json');
  await tab.navigate(site.url + 'meetings/shell');
  ({ view: loadingView, body: shell404 } = await tab
    .evaluate(loading)
    .catch((e) => fail(`the loading view: ${e.message}`)));
  release();
  const visit = async (page) => {
    const url = site.url + page.path;
    if (page === home) await tab.navigate(url);
    else await tab.evaluate(follow(new URL(url).pathname));
    return tab.evaluate(drawn(page.ready)).catch((e) => fail(`${url}: ${e.message}`));
  };
  const keep = async (page) => {
    const { title, description, body } = await visit(page);
    views.push({ ...page, title, description, view: clean(body) });
  };
  await keep(home);
  for (const page of pages) await keep(page);
} finally {
  await browser.close();
  site.close();
}

const rows = (views[0].view.match(/<li class="entry /g) ?? []).length;
if (rows === 0 || !views[0].view.includes('id="filter-q"')) {
  fail('the app drew no timeline on the home page');
}

// The loading view a stale page shows in place of its own (see the top of this file).
const staleOnly = clean(loadingView).replace('class="', 'class="stale-only ');
let bytes = 0;
const write = (file, html) => {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), html);
  bytes += html.length;
};
const withLoading = (view) => view.replace(/(<main\b[^>]*>)/, (m) => m + staleOnly);
for (const { file, copy, path: at, title, description, view } of views) {
  const html = page(shell, { at: prefix + at, title, description, view: withLoading(view) });
  write(file, html);
  if (copy) write(copy, html);
}
// 404.html: never the page of its address, so always shown as stale, the loading view and all.
write(
  '404.html',
  page(shell, {
    at: '404',
    title: 'Steering Council Explorer',
    view: withLoading(clean(shell404).replace(/ aria-current="[^"]*"/g, '')),
  }),
);
const counts = new Map();
for (const { path: at } of views.slice(1)) {
  const kind = at.includes('/') ? at.split('/')[0] : 'lists';
  counts.set(kind, (counts.get(kind) ?? 0) + 1);
}
const kinds = [...counts].map(([kind, n]) => `${n} ${kind}`).join(', ');
console.log(
  `[prerender] ${views.length} pages (home with ${rows} rows, ${kinds}), ` +
    `${Math.round(bytes / 1024)} KB of HTML`,
);

/** The drawn <body> without scripts, the <noscript> notice and the renderer's markers. */
function clean(body) {
  return body
    .replace(/<noscript>[\s\S]*?<\/noscript>/g, '')
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<!---->/g, '')
    .trim();
}

/** The shell with `view` prerendered for the address `at`, and the app started after paint;
 * its title and description are the ones the app gave the page, which link previews show. */
function page(shell, { at, title, description, view }) {
  // The view belongs to one address. A guard in <head>, before the view is parsed, marks the
  // page when it is opened at any other (a query, or a host that answers unknown paths with
  // this file), and the stylesheet then hides the view. The same script on every page, so one
  // hash in the policy (scripts/add-csp) allows it; the address is in its data attribute.
  const guard =
    `<script data-page="${escape(at.replace(/\/$/, ''))}">` +
    `if (location.search || location.pathname.replace(/\\/$/, '') !== document.currentScript.dataset.page) ` +
    `document.documentElement.classList.add('stale-prerender');</script>`;
  let preloads = '';
  const out = shell
    // Functions, so that a `$` in the view or title is not read as a replacement pattern.
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escape(title)}</title>`)
    .replace(/<meta name="description" content="[^"]*"/, (meta) =>
      description === undefined ? meta : `<meta name="description" content="${escape(description)}"`,
    )
    .replace(/\s*<link rel="(?:preload|modulepreload)"[^>]*>/g, (link) => {
      preloads += link;
      return '';
    })
    .replace(/import init, \* as bindings from ('[^']+');/, (_, js) =>
      [
        // Once the view has painted (the browser reports it a little after the frame), at
        // once if the guard hid it, and in any case after a second.
        'await new Promise((go) => {',
        "  if (document.documentElement.classList.contains('stale-prerender')) return go();",
        '  setTimeout(go, 1000);',
        '  try {',
        '    new PerformanceObserver((paints) => {',
        "      if (paints.getEntriesByName('first-contentful-paint').length) go();",
        "    }).observe({ type: 'paint', buffered: true });",
        '  } catch { go(); }',
        '});',
        "document.head.append(document.getElementById('after-paint').content);",
        `const bindings = await import(${js});`,
        'const init = bindings.default;',
      ].join('\n'),
    )
    .replace(/<\/head>/, () => `  ${guard}\n  <template id="after-paint">${preloads}\n  </template>\n  </head>`)
    .replace(/<body>/, () => `<body>\n    <div id="prerender">${view}</div>`);
  if (!out.includes("getElementById('after-paint')") || !preloads.includes('.wasm')) {
    fail("Trunk's boot script or preloads are not as expected: has Trunk changed how it boots the app?");
  }
  return out;
}

function escape(text) {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
