// Floors under chartproof's numbers, measured in bare pages with none of its code: what
// Chromium alone takes for the same files. A target a floor already passes cannot be met
// by the page, and the bench says so beside it.
/* global window, document -- page-side code passed to Playwright */
import { resolve } from 'node:path';
import { median } from './util.mjs';

/**
 * How long Chromium's main thread takes to give `files` to a file input in a bare page (no
 * script but the observer, no handler): the longest task from DOM.setFileInputFiles to the
 * change event. The same FileList is built before any page's change handler can run, so it is
 * the floor under a big drop's longest task (0.45–0.55 ms a file here, linear; a drag and
 * drop of the same files took longer still, 5.9 s for 10,000, 2026-12-03).
 */
export async function bareFileList(browser, files) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.setContent('<input type="file" multiple>');
    await page.evaluate(() => {
      window.__tasks = [];
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) window.__tasks.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask', buffered: true });
      document.querySelector('input').addEventListener('change', () => {
        window.__changed = performance.now();
      });
      window.__before = performance.now();
    });
    const cdp = await context.newCDPSession(page);
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', {
      nodeId: root.nodeId,
      selector: 'input',
    });
    await cdp.send('DOM.setFileInputFiles', { nodeId, files: files.map((f) => resolve(f)) });
    await page.waitForFunction(() => window.__changed !== undefined, null, { timeout: 120_000 });
    // The long-task entry is queued some time after the task ends: waited for (up to 5 s).
    // (await: the context closes in `finally`, which would otherwise run first.)
    const held = await page
      .waitForFunction(
        () => {
          const t = window.__tasks.find(
            // (durations are whole milliseconds: the task may seem to end just before)
            ([s, d]) => s <= window.__changed && s + d + 2 >= window.__changed,
          );
          return t ? window.__changed - t[0] : false;
        },
        null,
        { timeout: 5_000 },
      )
      .catch(() => null);
    return held ? await held.jsonValue() : NaN;
  } finally {
    await context.close().catch(() => {});
  }
}

/** The bare page of bareRead: a file input and a worker that reads what it is given. */
const READER_PAGE = `<!doctype html><input type="file" multiple><script>
const code = 'onmessage = async (e) => { await Promise.all(e.data.map((f) => f.arrayBuffer())); postMessage(0); };';
const worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
window.__reads = [];
const input = document.querySelector('input');
input.addEventListener('change', () => {
  const t0 = performance.now();
  worker.onmessage = () => { window.__reads.push(performance.now() - t0); input.value = ''; };
  worker.postMessage([...input.files]);
});
</script>`;

/**
 * The floor under a drop: from the change event until a worker has read every given
 * file whole (posted as Files, read in parallel with arrayBuffer(), answered back), in a bare
 * page served from an origin of its own. chartproof's worker reads the same way; the hash,
 * the signature, the rules and the card come on top. One warm-up, then the median of `runs`.
 */
export async function bareRead(browser, files, runs) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.route('http://bare.invalid/', (route) =>
      route.fulfill({ contentType: 'text/html', body: READER_PAGE }),
    );
    await page.goto('http://bare.invalid/');
    const input = page.locator('input');
    for (let i = 0; i <= runs; i++) {
      await input.setInputFiles(
        files.map((f) => resolve(f)),
        { timeout: 300_000 },
      );
      await page.waitForFunction((n) => window.__reads.length === n, i + 1, {
        polling: 10,
        timeout: 300_000,
      });
    }
    return median((await page.evaluate(() => window.__reads)).slice(1));
  } finally {
    await context.close().catch(() => {});
  }
}
