// A static host for a built site, as the benchmark and Lighthouse need one: files from memory,
// gzipped as a real host would, `index.html` for paths that are not files, since the app
// routes on the client. `prefix` is the public URL the site was built for.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** Starts serving `dir` under `prefix` on 127.0.0.1; resolves to `{ url, close, hold }`.
 * `hold(file)` keeps every answer for `file` (relative to the site) waiting until the function
 * it returns is called: the prerender draws the app's loading view that way. */
export function serve(dir, prefix = '/') {
  const root = path.resolve(dir);
  const cache = new Map();
  const held = new Map();
  const server = http.createServer(async (req, res) => {
    let url = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const waiting = held.get(url.slice(prefix.length));
    if (waiting) await waiting.promise;
    if (!url.startsWith(prefix)) {
      res.writeHead(404).end();
      return;
    }
    url = url.slice(prefix.length);
    let file = path.join(root, path.normalize('/' + url));
    // As GitHub Pages answers: `/x` from x.html (a prerendered page), a folder from its
    // index.html; other paths that are not files get the app's plain shell, 404.html (index.html
    // holds the prerendered home page), with status 200 as hosts with a single-page fallback
    // answer: crawlers and Lighthouse read the status of a deep link.
    const isFile = (f) => f.startsWith(root) && fs.existsSync(f) && fs.statSync(f).isFile();
    if (!isFile(file)) {
      const candidates = [`${file}.html`, path.join(file, 'index.html'), path.join(root, '404.html')];
      file = candidates.find(isFile) ?? path.join(root, 'index.html');
    }
    if (!cache.has(file)) cache.set(file, zlib.gzipSync(fs.readFileSync(file), { level: 9 }));
    const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    const body = gzip ? cache.get(file) : fs.readFileSync(file);
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(body);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${server.address().port}${prefix}`,
        close: () => server.close(),
        hold: (file) => {
          let release;
          const promise = new Promise((go) => (release = go));
          held.set(file, { promise });
          return () => {
            held.delete(file);
            release();
          };
        },
      }),
    ),
  );
}
