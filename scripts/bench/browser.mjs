// Drives chartproof in headless Chromium through its testing contract (DEVELOPERS.md):
// files go to [data-testid=file-input]; a drop is done when every [data-testid=verdict]
// created for it carries data-status. Times are taken inside the page (from the input's
// change event to the DOM mutation that completes the last verdict), so Playwright's own
// round trips are not counted; the driver's wall time is kept alongside. The page also
// records its main-thread long tasks and animation-frame gaps, to tell whether the tab
// stayed responsive while it worked.
/* global window, document, MutationObserver, requestAnimationFrame, Worker -- page-side code passed to Playwright */
import { resolve } from 'node:path';
import { now } from './util.mjs';

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
    texts: null,
    count: 0,
    // Every main-thread task over 50 ms since navigation, as [start, duration] (Long Tasks
    // API; buffered, so tasks before this observer existed count too).
    tasks: [],
    frameGap: 0,
    framesOn: false,
    observerMs: 0,
  };
  window.__bench = B;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) B.tasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    B.tasks = null; // no Long Tasks API: reported as not measured
  }
  // The longest gap between animation frames while a drop is under way: what a user would
  // see as a frozen tab, also when the time goes to rendering rather than to one script task.
  let lastFrame = 0;
  const frame = (t) => {
    if (!B.framesOn) return;
    if (B.t0 !== null && lastFrame) B.frameGap = Math.max(B.frameGap, t - lastFrame);
    lastFrame = t;
    requestAnimationFrame(frame);
  };
  const start = (e) => {
    const t = e.target;
    if (B.t0 === null && t && t.matches && t.matches('[data-testid="file-input"]')) {
      B.t0 = performance.now();
    }
  };
  document.addEventListener('input', start, true);
  document.addEventListener('change', start, true);
  // Fresh verdict elements that have data-status, kept up to date from the mutation records
  // alone: scanning every verdict on each mutation would cost O(cards) per card rendered,
  // seconds of the page's main thread for 5,000 cards, and be counted as the page's time.
  const decided = new Set();
  const VERDICT = '[data-testid="verdict"]';
  const consider = (el) => {
    if (!el.matches(VERDICT) || el.__benchStale) return;
    if (el.hasAttribute('data-status')) decided.add(el);
    else decided.delete(el);
  };
  const each = (node, fn) => {
    if (node.nodeType !== 1) return;
    fn(node);
    for (const el of node.querySelectorAll(VERDICT)) fn(el);
  };
  const finish = () => {
    for (const el of decided) if (!el.isConnected) decided.delete(el);
    if (decided.size < B.expected) return;
    // One full check at the end: every fresh verdict in the page, not only those we saw.
    const els = [...document.querySelectorAll(VERDICT)].filter((el) => !el.__benchStale);
    if (els.length < B.expected || els.some((el) => !el.hasAttribute('data-status'))) return;
    B.tDone = performance.now();
    const counts = {};
    const texts = new Set();
    for (const el of els) {
      const status = el.getAttribute('data-status');
      const reason = el.getAttribute('data-reason');
      const helm = el.getAttribute('data-helm');
      const k = status + (reason ? `/${reason}` : '') + (helm ? ` (helm ${helm})` : '');
      counts[k] = (counts[k] || 0) + 1;
      // What a card that is not `verified` says, in its own words (title and headline).
      if (status !== 'verified' && texts.size < 5) {
        const words = [el.querySelector('h2'), el.querySelector('.headline')]
          .map((x) => x?.textContent?.trim())
          .filter(Boolean);
        const text = (words.length ? words.join(' — ') : el.textContent).replace(/\s+/g, ' ');
        texts.add(`${k}: ${text.trim().slice(0, 240)}`);
      }
    }
    B.statuses = counts;
    B.texts = [...texts];
    B.count = els.length;
  };
  new MutationObserver((records) => {
    if (B.t0 === null || B.tDone !== null || !B.expected) return;
    const t = performance.now();
    for (const r of records) {
      if (r.type === 'attributes') consider(r.target);
      else {
        for (const n of r.addedNodes) each(n, consider);
        for (const n of r.removedNodes) each(n, (el) => decided.delete(el));
      }
    }
    finish();
    B.observerMs += performance.now() - t; // the bench's own cost, reported beside the time
  }).observe(document, {
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
    B.texts = null;
    B.count = 0;
    B.observerMs = 0;
    decided.clear();
    B.frameGap = 0;
    lastFrame = 0;
    if (!B.framesOn) {
      B.framesOn = true;
      requestAnimationFrame(frame);
    }
  };
  /** Long tasks overlapping [t0, tEnd]: how many, the longest, their total; frame gap. */
  B.mainThread = (tEnd) => {
    B.framesOn = false;
    if (!B.tasks || B.t0 === null) return null;
    const during = B.tasks.filter(([s, d]) => s + d > B.t0 && s < tEnd);
    const longest = during.reduce((a, t) => (t[1] > a[1] ? t : a), [NaN, 0]);
    return {
      count: during.length,
      longest: longest[1],
      // When the longest task started, from the change event (negative: it holds the event)
      // and from the last verdict: tells input handling, answers and late rendering apart.
      longestAt: longest[0] - B.t0,
      longestAfterVerdict: longest[0] - (B.tDone ?? NaN),
      // Tasks that start after the change event: the page's own work, without the browser's
      // building of the input's file list that precedes the event in the same task.
      longestAfterEvent: Math.max(0, ...during.filter(([s]) => s >= B.t0).map(([, d]) => d)),
      // The page's own share of every task: a task that holds the change event is the
      // browser's building of the input's FileList up to the event (a bare page with no
      // script pays it too: bare.mjs bareFileList), then the page's change handlers; only the
      // part from the event on is the page's.
      pageLongest: Math.max(0, ...during.map(([s, d]) => s + d - Math.max(s, B.t0))),
      browserBeforeEvent: Math.max(0, ...during.filter(([s]) => s < B.t0).map(([s]) => B.t0 - s)),
      total: during.reduce((a, [, d]) => a + d, 0),
      frameGap: B.frameGap,
    };
  };
}

/**
 * Gives `files` to the page's file input over bare CDP (DOM.setFileInputFiles, Runtime.evaluate
 * polling), the way a page opened with files in hand would get them. Playwright's own calls
 * in a fresh context first evaluate its injected script in the page, which took ~300 ms of
 * the main thread between the load event and the change event (traces, 2026-12-03): time the
 * driver spends, not the app.
 */
async function rawGive(page, files, expected, timeout) {
  const cdp = await page.context().newCDPSession(page);
  const evaluate = async (expression) =>
    (await cdp.send('Runtime.evaluate', { expression, returnByValue: true })).result.value;
  const until = async (expression) => {
    const end = now() + timeout;
    while (!(await evaluate(expression))) {
      if (now() > end) throw new Error(`timed out waiting for ${expression}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  try {
    const input = `document.querySelector('[data-testid="file-input"]')`;
    await until(`${input} !== null && window.__bench !== undefined`);
    await evaluate(`window.__bench.arm(${Number(expected)})`);
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', {
      nodeId: root.nodeId,
      selector: '[data-testid="file-input"]',
    });
    await cdp.send('DOM.setFileInputFiles', { nodeId, files: files.map((f) => resolve(f)) });
    await until('window.__bench.tDone !== null');
  } finally {
    await cdp.detach().catch(() => {});
  }
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
   * Gives `files` to the file input and waits until `expected` fresh verdicts are complete,
   * then `settleMs` more (so long tasks right after the last verdict, e.g. rendering a big
   * listing, count too). Returns the in-page time, the driver's wall time, the statuses
   * seen (and what cards that are not `verified` say), the app's own timing marks and the
   * main thread's long tasks. A timeout or a crashed tab is an answer, not an exception.
   */
  async drop(page, files, expected, timeout, { settleMs = 200, raw = false } = {}) {
    const t0 = now();
    try {
      if (raw) await rawGive(page, files, expected, timeout);
      else {
        await page.evaluate((n) => window.__bench.arm(n), expected);
        await page.locator('[data-testid="file-input"]').setInputFiles(files, { timeout });
        await page.waitForFunction(() => window.__bench.tDone !== null, null, {
          timeout,
          polling: 50,
        });
      }
    } catch (e) {
      return failedDrop(page, e, now() - t0);
    }
    const wallMs = now() - t0;
    const r = await page.evaluate(async (settle) => {
      const B = window.__bench;
      await new Promise((resolve) => setTimeout(resolve, settle));
      return {
        ms: B.tDone - B.t0,
        // performance.now() counts from the navigation's start (timeOrigin).
        sinceNavigation: B.tDone,
        // When the load event ended and when the change event came: the gap between them is
        // the driver's (setInputFiles after goto resolved), not the page's.
        loadEnd: performance.getEntriesByType('navigation')[0]?.loadEventEnd ?? null,
        changeAt: B.t0,
        statuses: B.statuses,
        texts: B.texts,
        count: B.count,
        observerMs: B.observerMs,
        mainThread: B.mainThread(performance.now()),
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
    }, settleMs);
    return { ...r, wallMs, timedOut: false };
  }

  /**
   * How long a new verification worker takes from `new Worker()` to its 'ready' message
   * (posted once its module, openpgp.js included, has been evaluated): the cost
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
            w.onmessage = (e) => e.data?.type === 'ready' && resolve(true);
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

/** What a drop that did not finish tells: how many verdicts came, or that the tab died. */
async function failedDrop(page, error, wallMs) {
  const base = { ms: NaN, wallMs, timedOut: true, texts: [], phases: {} };
  try {
    const r = await page.evaluate(() => ({
      done: [...document.querySelectorAll('[data-testid="verdict"]')].filter(
        (el) => el.hasAttribute('data-status') && !el.__benchStale,
      ).length,
      mainThread: window.__bench.mainThread(performance.now()),
    }));
    return { ...base, statuses: { [`timed out, ${r.done} done`]: 1 }, mainThread: r.mainThread };
  } catch {
    // The page is gone (renderer crashed, e.g. out of memory): say so, with Playwright's words.
    const why = String(error?.message ?? error).split('\n')[0];
    return { ...base, crashed: true, statuses: { [`tab crashed: ${why}`]: 1 }, mainThread: null };
  }
}
