// Drives chartproof in headless Chromium through its testing contract (DEVELOPERS.md):
// files go to [data-testid=file-input]; a drop is done when every [data-testid=verdict]
// created for it carries data-status. Times are taken inside the page (from the input's
// change event to the DOM mutation that completes the last verdict), so Playwright's own
// round trips are not counted; the driver's wall time is kept alongside.
/* global window, document, MutationObserver, Worker -- page-side code passed to Playwright */
import { writeFileSync } from 'node:fs';
import { cmdline, currentRss, descendants, peakRss, now } from './util.mjs';

export async function loadPlaywright() {
  try {
    return await import('playwright-core');
  } catch {
    return await import('@playwright/test');
  }
}

/** Runs in the page before its own scripts: the timing hooks. */
function instrument() {
  const B = {
    expected: 0,
    t0: null,
    tDone: null,
    statuses: null,
    count: 0,
  };
  window.__bench = B;
  const start = (e) => {
    const t = e.target;
    if (B.t0 === null && t && t.matches && t.matches('[data-testid="file-input"]')) {
      B.t0 = performance.now();
    }
  };
  document.addEventListener('input', start, true);
  document.addEventListener('change', start, true);
  const check = () => {
    if (B.t0 === null || B.tDone !== null || !B.expected) return;
    const els = document.querySelectorAll('[data-testid="verdict"]');
    if (els.length < B.expected) return;
    for (const el of els) if (el.__benchStale || !el.hasAttribute('data-status')) return;
    B.tDone = performance.now();
    const counts = {};
    for (const el of els) {
      const reason = el.getAttribute('data-reason');
      const helm = el.getAttribute('data-helm');
      const k =
        el.getAttribute('data-status') +
        (reason ? `/${reason}` : '') +
        (helm ? ` (helm ${helm})` : '');
      counts[k] = (counts[k] || 0) + 1;
    }
    B.statuses = counts;
    B.count = els.length;
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-status'],
  });
  B.arm = (n) => {
    for (const el of document.querySelectorAll('[data-testid="verdict"]')) el.__benchStale = true;
    B.expected = n;
    B.t0 = null;
    B.tDone = null;
    B.statuses = null;
    B.count = 0;
  };
}

export class Driver {
  constructor(browser, url) {
    this.browser = browser;
    this.url = url;
  }

  async newPage() {
    const context = await this.browser.newContext();
    await context.addInitScript(instrument);
    const page = await context.newPage();
    page.on('pageerror', (e) => console.warn(`[page error] ${e.message}`));
    return page;
  }

  async open() {
    const page = await this.newPage();
    await page.goto(this.url);
    await page.locator('[data-testid="file-input"]').waitFor({ state: 'attached' });
    return page;
  }

  /**
   * Gives `files` to the file input and waits until `expected` fresh verdicts are complete.
   * Returns the in-page time, the driver's wall time and the statuses seen.
   */
  async drop(page, files, expected, timeout) {
    await page.evaluate((n) => window.__bench.arm(n), expected);
    const t0 = now();
    await page.locator('[data-testid="file-input"]').setInputFiles(files);
    try {
      await page.waitForFunction(() => window.__bench.tDone !== null, null, {
        timeout,
        polling: 50,
      });
    } catch {
      const partial = await page.evaluate(() =>
        [...document.querySelectorAll('[data-testid="verdict"]')].reduce(
          (n, el) => n + (el.hasAttribute('data-status') && !el.__benchStale ? 1 : 0),
          0,
        ),
      );
      return { ms: NaN, wallMs: NaN, timedOut: true, statuses: { [`done ${partial}`]: 1 } };
    }
    const wallMs = now() - t0;
    const r = await page.evaluate(() => {
      const B = window.__bench;
      return {
        ms: B.tDone - B.t0,
        sinceNavigation: B.tDone,
        statuses: B.statuses,
        count: B.count,
        // The app's own timing marks (VerdictDetails: data-read-ms, data-hash-ms, …), summed
        // over the cards of this drop.
        phases: [...document.querySelectorAll('[data-testid="timings"]')].reduce((sum, el) => {
          for (const [k, v] of Object.entries(el.dataset)) {
            const phase = /^(\w+)Ms$/.exec(k)?.[1];
            if (phase) sum[phase] = (sum[phase] ?? 0) + Number(v);
          }
          return sum;
        }, {}),
      };
    });
    return { ...r, wallMs, timedOut: false };
  }

  /**
   * How long a new verification worker takes from `new Worker()` to its first message (the
   * worker posts 'ready' once its module, openpgp.js included, has been evaluated): the cost
   * every drop after Reset pays, since Reset ends the worker. Median of `runs`.
   */
  async workerStartup(page, workerUrl, runs) {
    return page.evaluate(
      async ({ url, runs }) => {
        const times = [];
        for (let i = 0; i < runs; i++) {
          const t0 = performance.now();
          const w = new Worker(url, { type: 'module' });
          const ok = await new Promise((resolve) => {
            w.onmessage = () => resolve(true);
            w.onerror = () => resolve(false);
            setTimeout(() => resolve(false), 10_000);
          });
          times.push(ok ? performance.now() - t0 : NaN);
          w.terminate();
        }
        return times;
      },
      { url: workerUrl, runs },
    );
  }

  /** Waits (up to 5 s) for the page to start its verification worker ahead of a drop. */
  async workerStarted(page) {
    if (page.workers().length) return;
    await page.waitForEvent('worker', { timeout: 5_000 }).catch(() => {});
  }

  async reset(page) {
    const button = page.locator('[data-testid="reset"]');
    if (await button.isEnabled()) await button.click();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="verdict"]').length === 0,
      null,
      { timeout: 30_000, polling: 50 },
    );
  }
}

/** The renderer processes of the browser this Node process launched. */
function rendererPids() {
  // Chromium's children rewrite their argv into one space-joined string.
  return descendants(process.pid).filter((pid) => {
    const args = cmdline(pid).join(' ');
    return / --type=renderer( |$)/.test(args) && !args.includes('--top-chrome-webui');
  });
}

/**
 * Runs `fn` while sampling memory: the renderer processes' peak RSS (VmHWM, reset first
 * through /proc/PID/clear_refs; page and worker share this process), the page's V8 heap and
 * every dedicated worker's V8 heap and ArrayBuffer backing store (CDP Runtime.getHeapUsage;
 * workers are reached with Target.setAutoAttach on the page's session).
 */
export async function withMemory(page, fn) {
  const renderers = rendererPids();
  const idleRss = new Map(renderers.map((pid) => [pid, currentRss(pid)]));
  for (const pid of renderers) {
    try {
      writeFileSync(`/proc/${pid}/clear_refs`, '5');
    } catch {
      // not permitted: the peak then covers the process's whole life
    }
  }
  const peak = { pageHeap: 0, workerHeap: 0, workerBuffers: 0, workerSeen: false };
  const cdp = await page.context().newCDPSession(page);
  const workers = new Map(); // sessionId -> true
  const pending = new Map(); // id -> resolve
  let nextId = 1;
  cdp.on('Target.attachedToTarget', (e) => {
    if (e.targetInfo.type === 'worker') workers.set(e.sessionId, true);
  });
  cdp.on('Target.detachedFromTarget', (e) => workers.delete(e.sessionId));
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const msg = JSON.parse(e.message);
    if (msg.id && pending.has(msg.id)) {
      pending.get(msg.id)(msg.result ?? null);
      pending.delete(msg.id);
    }
  });
  const askWorker = (sessionId) =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      cdp
        .send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }),
        })
        .catch(() => resolve(null));
      setTimeout(() => {
        pending.delete(id);
        resolve(null);
      }, 500);
    });
  let workerAttach = true;
  await cdp
    .send('Target.setAutoAttach', {
      autoAttach: true,
      waitForDebuggerOnStart: false,
      flatten: false,
    })
    .catch(() => (workerAttach = false));

  let running = true;
  const sampler = (async () => {
    while (running) {
      const page = cdp.send('Runtime.getHeapUsage').catch(() => null);
      const inWorkers = [...workers.keys()].map(askWorker);
      const [p, ...ws] = await Promise.all([page, ...inWorkers]);
      if (p) peak.pageHeap = Math.max(peak.pageHeap, p.usedSize);
      for (const w of ws) {
        if (!w) continue;
        peak.workerSeen = true;
        peak.workerHeap = Math.max(peak.workerHeap, w.usedSize);
        peak.workerBuffers = Math.max(peak.workerBuffers, w.backingStorageSize ?? 0);
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  })();
  let result;
  try {
    result = await fn();
  } finally {
    running = false;
    await sampler;
    await cdp.detach().catch(() => {});
  }
  const rss = Math.max(0, ...rendererPids().map(peakRss).filter(Number.isFinite));
  const idle = Math.max(0, ...renderers.map((pid) => idleRss.get(pid) ?? 0));
  return {
    result,
    memory: {
      rendererRss: rss || NaN,
      rendererIdle: idle || NaN,
      pageHeap: peak.pageHeap || NaN,
      workerHeap: workerAttach && peak.workerSeen ? peak.workerHeap : NaN,
      workerBuffers: workerAttach && peak.workerSeen ? peak.workerBuffers : NaN,
    },
  };
}
