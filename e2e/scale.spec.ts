// A repository of 500 and 2,000 small signed charts in one drop: every chart's verdict element
// gets its data-status, the page stays usable while the worker is busy (Reset mid-run works),
// and the main thread's long tasks during the drop are recorded as annotations (never
// asserted: timings belong to `npm run bench`).
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { makeKey, publicKeyFile, signedChart } from './signed-charts';

const MOST = 2000;
// Generated once per machine: signing 2,000 provs in Node takes a while.
const DIR = join(tmpdir(), `chartproof-scale-${MOST}-v1`);

async function repository(): Promise<void> {
  if (existsSync(join(DIR, 'done'))) return;
  mkdirSync(DIR, { recursive: true });
  const key = await makeKey('Scale Test Signer');
  const key_ = publicKeyFile(key, 'key.asc');
  writeFileSync(join(DIR, key_.name), key_.buffer);
  for (let i = 0; i < MOST; i++) {
    const name = `chart-${String(i).padStart(4, '0')}`;
    for (const f of await signedChart({ name, signer: key }))
      writeFileSync(join(DIR, f.name), f.buffer);
  }
  writeFileSync(join(DIR, 'done'), '');
}

/** The first `count` charts (archive and prov each) and the key, as paths. */
function chartFiles(count: number): string[] {
  const names = readdirSync(DIR)
    .filter((n) => /^chart-\d{4}-/.test(n))
    .sort();
  return [...names.slice(0, count * 2), 'key.asc'].map((n) => join(DIR, n));
}

interface DropWatch {
  /** change event → the evaluate request posted to the worker. */
  postMs: number | null;
  firstStatusMs: number | null;
  allStatusMs: number | null;
  longTasks: { start: number; duration: number }[];
}

/** Runs in the page before its scripts: long tasks, the evaluate request, the verdicts. */
function watchDrop(expected: number) {
  const w = {
    t0: null as number | null,
    postMs: null as number | null,
    firstStatusMs: null as number | null,
    allStatusMs: null as number | null,
    longTasks: [] as { start: number; duration: number }[],
  };
  window.__drop = w as DropWatch & { t0: number };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      w.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  document.addEventListener(
    'change',
    (e) => {
      if ((e.target as Element).matches?.('[data-testid="file-input"]')) w.t0 ??= performance.now();
    },
    true,
  );
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (
    this: Worker,
    ...args: Parameters<Worker['postMessage']>
  ) {
    const msg = args[0] as { type?: string };
    if (msg?.type === 'evaluate' && w.t0 !== null && w.postMs === null)
      w.postMs = performance.now() - w.t0;
    return post.apply(this, args);
  } as Worker['postMessage'];
  const check = () => {
    if (w.t0 === null || w.allStatusMs !== null) return;
    const done = document.querySelectorAll('[data-testid="verdict"][data-status]').length;
    if (done > 0) w.firstStatusMs ??= performance.now() - w.t0;
    if (done >= expected) w.allStatusMs = performance.now() - w.t0;
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-status'],
  });
}

declare global {
  interface Window {
    __drop: DropWatch & { t0: number };
  }
}

async function dropWatch(page: Page): Promise<DropWatch> {
  return page.evaluate(() => {
    const w = window.__drop;
    const end = w.t0 + (w.allStatusMs ?? Infinity);
    const longTasks = w.longTasks.filter((t) => t.start + t.duration >= w.t0 && t.start <= end);
    return { ...w, longTasks };
  });
}

test.describe('a repository at scale', () => {
  test.describe.configure({ timeout: 240_000 });
  test.beforeAll(async () => {
    test.setTimeout(240_000);
    await repository();
  });

  for (const count of [500, MOST]) {
    test(`${count} signed charts: every verdict gets its status, the table fills in`, async ({
      page,
    }) => {
      await page.addInitScript(watchDrop, count);
      await page.goto('./');
      await page.getByTestId('file-input').setInputFiles(chartFiles(count));
      // Waited for in the page, rarely polled: Playwright's own polling of thousands of
      // elements would be counted among the page's long tasks.
      await page.waitForFunction(() => window.__drop.allStatusMs !== null, null, {
        polling: 1000,
        timeout: 180_000,
      });
      const w = await dropWatch(page);

      const batch = page.getByTestId('batch');
      await expect(batch.getByRole('heading')).toHaveText(`${count} charts · ${count} checked`);
      await expect(page.getByTestId('verdict')).toHaveCount(count);
      await expect(page.locator('[data-testid="verdict"][data-status="verified"]')).toHaveCount(
        count,
      );
      const files = page.getByTestId('file-count');
      await expect(files).toHaveAttribute('data-count', `${count * 2 + 1}`);
      // Shown on demand, every given file gets its row (built a few hundred per commit).
      await page.getByTestId('show-files').click();
      await expect(page.getByTestId('given-file')).toHaveCount(count * 2 + 1);
      // A row leads to its card, shown whole.
      const row = batch.getByTestId('batch-row').first();
      const chart = await row.locator('td').first().innerText();
      await row.locator('td').first().getByRole('button').click();
      const card = page.locator('article.card:focus');
      await expect(card).toBeVisible();
      await expect(card).toHaveAttribute('data-chart', chart);
      await expect(card.getByTestId('helm-answer')).toHaveCount(3);

      // The task that gave the files also runs Playwright's setInputFiles (about 0.7 s for
      // 4,001 files, with or without the page's handler): it is counted apart.
      const t0 = await page.evaluate(() => window.__drop.t0);
      const input = w.longTasks.find((t) => t.start <= t0 && t0 <= t.start + t.duration);
      const durations = w.longTasks.filter((t) => t !== input).map((t) => t.duration);
      const summary = {
        charts: count,
        postMs: w.postMs,
        firstStatusMs: w.firstStatusMs,
        allStatusMs: w.allStatusMs,
        inputTaskMs: Math.round(input?.duration ?? 0),
        longTasks: durations.length,
        longTaskMs: Math.round(durations.reduce((a, b) => a + b, 0)),
        longestMs: Math.round(Math.max(0, ...durations)),
        over100: durations.filter((d) => d > 100).length,
      };
      test.info().annotations.push({ type: 'long tasks', description: JSON.stringify(summary) });
      console.log(`scale: ${JSON.stringify(summary)}`);
    });
  }

  test(`Reset while ${MOST} charts are being checked: the page clears and takes the next drop`, async ({
    page,
  }) => {
    await page.goto('./');
    await page.getByTestId('file-input').setInputFiles(chartFiles(MOST));
    await expect(page.locator('[data-testid="verdict"][data-status]').first()).toBeAttached({
      timeout: 60_000,
    });
    await page.getByTestId('reset').click();
    await expect(page.getByTestId('verdict')).toHaveCount(0);
    await expect(page.getByTestId('batch')).toHaveCount(0);
    await expect(page.getByTestId('given-file')).toHaveCount(0);
    // Nothing of the stopped run comes back; the next drop is checked as usual.
    await page.getByTestId('file-input').setInputFiles(chartFiles(2));
    await expect(page.locator('[data-testid="verdict"][data-status="verified"]')).toHaveCount(2);
    await expect(page.getByTestId('batch').getByRole('heading')).toHaveText('2 charts · 2 checked');
    await page.waitForTimeout(500);
    await expect(page.getByTestId('verdict')).toHaveCount(2);
  });
});
