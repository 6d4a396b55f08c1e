// Lighthouse on the built site, served locally, with Debian's Chromium and no network beyond
// 127.0.0.1: the home page and one meeting page, desktop and mobile settings.
//
//   node scripts/lighthouse.mjs SITE_DIR MEETING_PATH [--json DIR]
//
// SITE_DIR is a build for the public URL `/`; MEETING_PATH is e.g. `meetings/2023-08-28`.
// Prints the four category scores for each page and setting and, with --json, keeps the full
// reports in DIR.
import fs from 'node:fs';
import path from 'node:path';

import { serve } from './lib/static-server.mjs';

const tools = path.resolve('.tools/node_modules');
const { default: lighthouse } = await import(`${tools}/lighthouse/core/index.js`);
const { launch } = await import(`${tools}/chrome-launcher/dist/index.js`);
const { default: desktopConfig } = await import(`${tools}/lighthouse/core/config/desktop-config.js`);

const args = process.argv.slice(2);
const jsonAt = args.indexOf('--json');
const jsonDir = jsonAt >= 0 ? args.splice(jsonAt, 2)[1] : null;
const [siteDir, meetingPath] = args;
if (!siteDir || !meetingPath) {
  console.error('usage: node scripts/lighthouse.mjs SITE_DIR MEETING_PATH [--json DIR]');
  process.exit(2);
}

const CATEGORIES = ['accessibility', 'best-practices', 'seo', 'performance'];
const TARGETS = { accessibility: 100, 'best-practices': 95, seo: 90, performance: 95 };

const site = await serve(siteDir);
const chrome = await launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    // No network beyond the local server: nothing Chromium would fetch for itself.
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-domain-reliability',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
  ],
});

let failed = false;
const pages = [
  ['home', site.url],
  ['meeting', site.url + meetingPath],
];
try {
  for (const [setting, config] of [
    ['desktop', desktopConfig],
    ['mobile', undefined],
  ]) {
    for (const [name, url] of pages) {
      const result = await lighthouse(
        url,
        { port: chrome.port, onlyCategories: CATEGORIES, logLevel: 'error', output: 'json' },
        config,
      );
      const lhr = result.lhr;
      if (jsonDir) {
        fs.mkdirSync(jsonDir, { recursive: true });
        fs.writeFileSync(path.join(jsonDir, `${name}-${setting}.json`), result.report);
      }
      const scores = CATEGORIES.map((c) => {
        const score = Math.round((lhr.categories[c]?.score ?? 0) * 100);
        const short = c === 'best-practices' ? 'BP' : c.slice(0, 4);
        const mark = score >= TARGETS[c] ? '' : '!';
        if (mark) failed = true;
        return `${short} ${String(score).padStart(3)}${mark}`;
      });
      console.log(`${setting.padEnd(8)} ${name.padEnd(8)} ${scores.join('  ')}`);
      if (lhr.runtimeError) console.log(`  runtime error: ${lhr.runtimeError.message}`);
      // What kept a score down: every failing audit of the first three categories, and the
      // performance metrics.
      for (const c of CATEGORIES) {
        for (const ref of lhr.categories[c]?.auditRefs ?? []) {
          const audit = lhr.audits[ref.id];
          if (ref.weight > 0 && audit.score !== null && audit.score < 1 && c !== 'performance') {
            console.log(`  ${c}: ${audit.id}: ${audit.title}`);
          }
        }
      }
      const m = (id) => lhr.audits[id]?.displayValue ?? '-';
      console.log(
        `  FCP ${m('first-contentful-paint')}, LCP ${m('largest-contentful-paint')}, TBT ${m('total-blocking-time')}, CLS ${m('cumulative-layout-shift')}, SI ${m('speed-index')}`,
      );
    }
  }
} finally {
  chrome.kill();
  site.close();
}
console.log(failed ? 'lighthouse: some scores are below target (marked !)' : 'lighthouse: all scores on target');
