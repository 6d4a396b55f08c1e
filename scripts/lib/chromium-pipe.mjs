// Headless Chromium driven over its DevTools pipe (--remote-debugging-pipe): the protocol's
// JSON messages, each ended by a NUL byte, written to the browser's fd 3 and read from its fd 4.
// Just what the build scripts need — a tab, navigation, evaluation — with no npm package.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Starts Chromium; resolves to `{ newPage, close }`. */
export async function launch(chromium) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-pipe-'));
  const proc = spawn(
    chromium,
    [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      `--user-data-dir=${profile}`, '--remote-debugging-pipe', 'about:blank',
    ],
    // A process group of its own, so that close() ends its helper processes too.
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'], detached: true },
  );
  // Being in a group of its own, it would outlive an interrupted script: end it then too.
  const end = () => {
    try {
      process.kill(-proc.pid);
    } catch {
      // Already gone.
    }
  };
  process.on('exit', end);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      end();
      process.exit(130);
    });
  }
  let stderr = '';
  proc.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-2000)));
  const [, , , toBrowser, fromBrowser] = proc.stdio;

  let next = 1;
  const waiting = new Map();
  const listeners = new Set();
  let buffered = '';
  fromBrowser.on('data', (chunk) => {
    const parts = (buffered + chunk.toString('utf8')).split('\0');
    buffered = parts.pop();
    for (const part of parts) {
      const message = JSON.parse(part);
      const call = waiting.get(message.id);
      if (call) {
        waiting.delete(message.id);
        if (message.error) call.reject(new Error(`${call.method}: ${message.error.message}`));
        else call.resolve(message.result);
      } else if (message.method) {
        for (const listen of listeners) listen(message);
      }
    }
  });
  const gone = new Promise((resolve) => proc.on('exit', resolve));
  gone.then((code) => {
    for (const call of waiting.values()) {
      call.reject(new Error(`Chromium exited (${code}) during ${call.method}\n${stderr}`));
    }
  });

  function send(method, params = {}, sessionId) {
    const id = next++;
    toBrowser.write(JSON.stringify({ id, method, params, sessionId }) + '\0');
    return new Promise((resolve, reject) => waiting.set(id, { method, resolve, reject }));
  }

  function once(sessionId, method) {
    return new Promise((resolve) => {
      const listen = (message) => {
        if (message.sessionId === sessionId && message.method === method) {
          listeners.delete(listen);
          resolve(message.params);
        }
      };
      listeners.add(listen);
    });
  }

  return {
    /** Opens a tab of the given size; resolves to `{ navigate, evaluate }`. */
    async newPage({ width, height }) {
      const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
      const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
      await send('Page.enable', {}, sessionId);
      const screen = { width, height, deviceScaleFactor: 1, mobile: false };
      await send('Emulation.setDeviceMetricsOverride', screen, sessionId);
      return {
        /** Sends any DevTools command to the tab. */
        command: (method, params) => send(method, params, sessionId),
        /** Loads `url` and waits for its load event. */
        async navigate(url) {
          const loaded = once(sessionId, 'Page.loadEventFired');
          const { errorText } = await send('Page.navigate', { url }, sessionId);
          if (errorText) throw new Error(`${url}: ${errorText}`);
          await loaded;
        },
        /** The value of `expression` in the page, a promise's once it settles. */
        async evaluate(expression) {
          const { result, exceptionDetails } = await send(
            'Runtime.evaluate',
            { expression, awaitPromise: true, returnByValue: true },
            sessionId,
          );
          if (exceptionDetails) {
            throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
          }
          return result.value;
        },
      };
    },
    /** Stops the browser and removes its profile. */
    async close() {
      toBrowser.end();
      end();
      await gone;
      try {
        fs.rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
      } catch (e) {
        console.warn(`chromium-pipe: could not remove ${profile}: ${e.message}`);
      }
    },
  };
}
