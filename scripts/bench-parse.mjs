import path from 'node:path';
import { createRequire } from 'node:module';
import { serve } from './lib/static-server.mjs';
const require = createRequire(path.resolve('.tools/package.json'));
const puppeteer = require('puppeteer-core');
const [dir, prefix, runs] = process.argv.slice(2);
const site = await serve(dir, prefix);
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--no-first-run'] });
const times = [];
for (let i = 0; i < Number(runs); i++) {
  const page = await browser.newPage();
  await page.goto(site.url, { waitUntil: 'load' });
  await page.waitForFunction(() => performance.getEntriesByName('data-parsed').length > 0, { timeout: 20000 });
  times.push(await page.evaluate(() => performance.getEntriesByName('data-parsed')[0].startTime - performance.getEntriesByName('data-fetched')[0].startTime));
  await page.close();
}
times.sort((a, b) => a - b);
console.log(dir, 'parse ms median', times[Math.floor(times.length / 2)].toFixed(1), 'min', times[0].toFixed(1));
await browser.close(); site.close();
