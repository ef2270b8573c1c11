// Section 3 (--browser): js-untar and our reader in Chromium (Playwright; CHROMIUM_PATH,
// default /usr/bin/chromium): js-untar's blob worker, js-untar inside a worker, and a CSP
// without blob:. Reads the ours.mjs bundle that readers.mjs wrote to `work`.
import * as fs from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export async function reportInBrowser(out, { untarDist }, { fixtures, work }) {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) return out(`\n(no Chromium at ${executablePath}: skipped)`);
  const { chromium } = await import('playwright');
  const tgz = fs.readFileSync(join(fixtures, 'helm/hashtest-1.2.3.tgz'));
  const tar = gunzipSync(tgz);
  const files = {
    '/untar.js': untarDist,
    '/ours.mjs': fs.readFileSync(join(work, 'ours.mjs')),
    '/untar-worker.js': `try { importScripts('/untar.js'); postMessage('loads'); } catch (e) { postMessage(e.name + ': ' + e.message); }`,
    '/ours-worker.mjs': `import { readChartArchive } from '/ours.mjs';
      const gz = new Uint8Array(await (await fetch('/tgz')).arrayBuffer());
      const t = performance.now(); const l = readChartArchive(gz);
      postMessage(l.entries.length + ' entries in ' + (performance.now() - t).toFixed(1) + ' ms');`,
    '/tar': tar,
    '/tgz': tgz,
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const type = /\.m?js$/.test(url.pathname) ? 'text/javascript' : 'text/html';
    const csp = url.searchParams.has('csp')
      ? { 'content-security-policy': "default-src 'self'" }
      : {};
    res.writeHead(200, { 'content-type': type, ...csp });
    res.end(files[url.pathname] ?? '<script src="/untar.js"></script>');
  }).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${server.address().port}`;
  const b = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  const page = await b.newPage();
  const untarTimes = () =>
    page.evaluate(async () => {
      const buf = await (await fetch('/tar')).arrayBuffer();
      const times = [];
      for (let i = 0; i < 20; i++) {
        const t = performance.now();
        const timeout = new Promise((_, no) =>
          setTimeout(() => no(new Error('no answer in 2 s')), 2000),
        );
        try {
          await Promise.race([globalThis.untar(buf.slice(0)), timeout]);
        } catch (e) {
          return `fails (${e.message ?? e.type ?? e})`;
        }
        times.push(performance.now() - t);
      }
      return `median ${times.sort((x, y) => x - y)[10].toFixed(1)} ms per untar() (a new blob: worker each time)`;
    });
  const inWorker = (url, type) =>
    page.evaluate(
      ([u, t]) =>
        new Promise((r) => (new globalThis.Worker(u, { type: t }).onmessage = (e) => r(e.data))),
      [url, type],
    );
  await page.goto(`${base}/`);
  out(`\n## In Chromium ${b.version()}, on ${tar.length} bytes of tar (${tgz.length} gzipped)`);
  out(`- js-untar in a page: ${await untarTimes()}`);
  out(
    `- js-untar in a dedicated worker, importScripts: ${await inWorker('/untar-worker.js', 'classic')}`,
  );
  out(
    `- ours in a module worker, readChartArchive: ${await inWorker('/ours-worker.mjs', 'module')}`,
  );
  await page.goto(`${base}/?csp`);
  out(`- js-untar in a page under CSP "default-src 'self'": ${await untarTimes()}`);
  await b.close();
  server.close();
}
