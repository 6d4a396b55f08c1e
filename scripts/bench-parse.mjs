// Loads a built site RUNS times in headless Chromium and prints how long the app took to read
// its data: the time between the page's `data-fetched` and `data-parsed` marks (src/ui/data.rs),
// which covers reading every file and checking the data set. Used by scripts/bench-parse.
//
//   node scripts/bench-parse.mjs SITE_DIR PUBLIC_URL RUNS LABEL
import path from 'node:path';
import { createRequire } from 'node:module';
import { serve } from './lib/static-server.mjs';

const require = createRequire(path.resolve('.tools/package.json'));
const puppeteer = require('puppeteer-core');
const [dir, prefix, runs, label] = process.argv.slice(2);
const site = await serve(dir, prefix);
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--no-first-run'],
});
const times = [];
for (let i = 0; i < Number(runs); i++) {
  const page = await browser.newPage();
  await page.goto(site.url, { waitUntil: 'load' });
  await page.waitForFunction(() => performance.getEntriesByName('data-parsed').length > 0, {
    timeout: 30000,
  });
  times.push(
    await page.evaluate(() => {
      const at = (name) => performance.getEntriesByName(name)[0].startTime;
      return at('data-parsed') - at('data-fetched');
    }),
  );
  await page.close();
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(
  `PARSE ${label}: median ${median.toFixed(1)} ms, fastest ${times[0].toFixed(1)} ms, ` +
    `slowest ${times[times.length - 1].toFixed(1)} ms over ${times.length} loads`,
);
await browser.close();
site.close();
