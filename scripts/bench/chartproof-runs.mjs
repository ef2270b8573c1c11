// The chartproof side of the bench: drops the inputs on the page through its testing
// contract (browser.mjs) and keeps the medians. `bench` is { driver, url, keyFile,
// verifyHome, work, runs } throughout.
import { nativeAnchors, nativeRepositoryLoop } from './native.mjs';
import { withMemory } from './memory.mjs';
import { bareFileList, bareRead } from './bare.mjs';
import { fmtMs, log, median } from './util.mjs';

export const filesOf = (bench, c) => [c.archive, c.prov, bench.keyFile];
const repositoryFiles = (bench, charts) => [
  ...charts.flatMap((c) => [c.archive, c.prov]),
  bench.keyFile,
];

/** '' when every drop verified `expected` charts, else what the page said instead. */
function statusNote(statuses, expected) {
  const entries = Object.entries(statuses ?? {});
  const verified = entries
    .filter(([k]) => /^verified( \(helm \w+\))?$/.test(k))
    .reduce((n, [, c]) => n + c, 0);
  if (verified === expected && verified === entries.reduce((n, [, c]) => n + c, 0)) return '';
  return entries.map(([k, n]) => (n === 1 ? k : `${n}× ${k}`)).join(', ') || 'nothing';
}

/** What a set of drops answered: '' if all verified, and the words of the other cards. */
export function answers(drops, expected) {
  const note = [...new Set(drops.map((d) => statusNote(d.statuses, expected)).filter(Boolean))];
  const texts = [...new Set(drops.flatMap((d) => d.texts ?? []))];
  return { statusNote: note.join('; '), texts };
}

/**
 * The worst main-thread figures over several drops (each field its own maximum): whether
 * the tab froze in any of them is what matters, not in a typical one.
 */
export function worstMainThread(drops) {
  const all = drops.filter((d) => d.mainThread);
  if (!all.length) return null;
  const max = (f) => Math.max(...all.map(f));
  const worst = all.reduce((a, d) => (d.mainThread.longest > a.mainThread.longest ? d : a));
  return {
    count: max((d) => d.mainThread.count),
    longest: worst.mainThread.longest,
    longestAt: worst.mainThread.longestAt,
    longestAfterVerdict: worst.mainThread.longestAfterVerdict,
    longestAfterEvent: max((d) => d.mainThread.longestAfterEvent ?? NaN),
    pageLongest: max((d) => d.mainThread.pageLongest ?? NaN),
    browserBeforeEvent: max((d) => d.mainThread.browserBeforeEvent ?? NaN),
    total: max((d) => d.mainThread.total),
    frameGap: max((d) => d.mainThread.frameGap),
    // The bench's own MutationObserver time inside those tasks (browser.mjs), to show it is
    // not what makes them long.
    observer: max((d) => d.observerMs ?? 0),
  };
}

const logDrop = (label, r, native) =>
  log(
    `  ${label}: warm ${fmtMs(r.warm)} (cold ${fmtMs(r.cold)})` +
      (r.statusNote ? ` — page said ${r.statusNote}` : '') +
      `; ${native}; longest main-thread task ${fmtMs(r.mainThread?.longest)}`,
  );

/**
 * What a cold drop and the warm ones after it come to: {cold, warm (median), samples,
 * statusNote, texts, mainThread (worst of all), phases (the cold drop's own marks)}.
 */
export function summarize(cold, warm, expected) {
  const all = [cold, ...warm];
  return {
    cold: cold.ms,
    warm: median(warm.map((r) => r.ms)),
    samples: warm.map((r) => r.ms),
    // The driver's clock: setInputFiles → done seen (polled every 50 ms), which also holds
    // the browser's building of the input's file list before the change event fires.
    wall: median(warm.map((r) => r.wallMs)),
    ...answers(all, expected),
    mainThread: worstMainThread(all),
    phases: cold.phases,
    crashed: all.some((r) => r.crashed),
  };
}

/** One cold drop, then `warmRuns` with Reset between, in `page`; summarized. */
async function coldAndWarm(driver, page, files, expected, warmRuns, timeout) {
  const cold = await driver.drop(page, files, expected, timeout);
  const warm = [];
  for (let i = 0; i < warmRuns; i++) {
    await driver.reset(page);
    warm.push(await driver.drop(page, files, expected, timeout));
  }
  return summarize(cold, warm, expected);
}

/**
 * Cold, warm (Reset between) and kept-worker drops of each chart in `page`, stored on the
 * chart. Each case's native anchors are timed right before chartproof does the same files,
 * so both see the same load on the machine.
 */
export async function measureCharts(bench, page, single) {
  const { driver, runs } = bench;
  for (const c of single) {
    c.native = nativeAnchors(c, {
      verifyHome: bench.verifyHome,
      work: bench.work,
      runs: c.big ? runs.nativeBig : runs.native,
    });
    const timeout = c.big ? 300_000 : 120_000;
    const files = filesOf(bench, c);
    Object.assign(
      c,
      await coldAndWarm(driver, page, files, 1, c.big ? runs.warmBig : runs.warm, timeout),
    );
    const redrop = [];
    for (let i = 0; i < runs.redrop; i++) {
      redrop.push((await driver.drop(page, files, 1, timeout)).ms);
    }
    await driver.reset(page);
    c.redrop = median(redrop);
    // A small drop's floor: Chromium reading the same files in a bare page's worker.
    if (!c.big) c.bareRead = await bareRead(driver.browser, files, runs.warm);
    log(
      `  ${c.label}: app's own marks (cold drop): ` +
        Object.entries(c.phases ?? {})
          .map(([k, v]) => `${k} ${fmtMs(v)}`)
          .join(', '),
    );
    logDrop(
      c.label,
      c,
      `kept worker ${fmtMs(c.redrop)}; gpg --verify + sha256sum ${fmtMs(c.native.helmVerify.median)}` +
        (c.bareRead === undefined
          ? ''
          : `; reading the files alone (bare page) ${fmtMs(c.bareRead)}`),
    );
  }
}

/**
 * Navigation → first verdict: a fresh browser context each time, `goto` (until the load
 * event), then the small chart's files at once. Kept: change→verdict and, from the page's
 * own clock, navigation start→verdict.
 */
export async function measureFirstDrop(bench, small) {
  const { driver, url, runs } = bench;
  const first = [];
  for (let i = 0; i < runs.first; i++) {
    const page = await driver.newPage();
    await page.goto(url);
    // Over bare CDP: Playwright's first call in a fresh page would run its injected script
    // there before the files are given (browser.mjs rawGive).
    first.push(await driver.drop(page, filesOf(bench, small), 1, 60_000, { raw: true }));
    await page.context().close();
  }
  const firstDrop = {
    size: small.size,
    median: median(first.map((r) => r.ms)),
    sinceNavigation: median(first.map((r) => r.sinceNavigation)),
    samples: first.map((r) => r.ms),
    navigationSamples: first.map((r) => r.sinceNavigation),
    // navigation → load event, load event → change event (the driver), change → verdict.
    loadEnd: median(first.map((r) => r.loadEnd ?? NaN)),
    driverGap: median(first.map((r) => (r.loadEnd === null ? NaN : r.changeAt - r.loadEnd))),
    // What a user giving the files the moment the page has loaded would see.
    withoutDriver: median(first.map((r) => (r.loadEnd ?? NaN) + r.ms)),
    warm: small.warm,
    native: small.native.helmVerify.median,
    ...answers(first, 1),
    mainThread: worstMainThread(first),
  };
  log(
    `  first drop after load: ${fmtMs(firstDrop.median)} (navigation → verdict ` +
      `${fmtMs(firstDrop.sinceNavigation)}: load event ${fmtMs(firstDrop.loadEnd)}, driver ` +
      `${fmtMs(firstDrop.driverGap)}; load + change→verdict ${fmtMs(firstDrop.withoutDriver)})`,
  );
  return firstDrop;
}

/** new Worker → its 'ready' message, for the built worker bundle. */
export async function measureWorkerStartup(bench, page, bundleSizes) {
  const workerFile = bundleSizes.find((b) => b.label === 'worker')?.file;
  const startup = workerFile
    ? await bench.driver.workerStartup(page, new URL(`assets/${workerFile}`, bench.url).href, 5)
    : [];
  const workerStartup = { median: median(startup), samples: startup };
  log(`  worker start-up: ${fmtMs(workerStartup.median)}`);
  return workerStartup;
}

/**
 * One repository ({count, charts, bytes}) in one drop, next to the gpg + sha256sum shell
 * loop: the first drop in a fresh page with memory sampled (a separate memory drop of 5,000
 * charts would cost another minute), then warm drops; the big ones get fewer runs.
 */
export async function measureRepository(bench, repo) {
  const { runs } = bench;
  const large = repo.count >= 2000;
  const native = nativeRepositoryLoop(repo.charts, {
    verifyHome: bench.verifyHome,
    runs: large ? runs.repoNativeLarge : runs.repoNative,
    // The files were just written and gpg is warm from the smaller loops: a warm-up loop
    // would only add ~25 s.
    warmup: !large,
  });
  const files = repositoryFiles(bench, repo.charts);
  const r = await freshPageDrops(bench, files, repo.count, {
    warmRuns: large ? runs.repoWarmLarge : runs.repoWarm,
    timeout: Math.max(300_000, repo.count * 300),
  });
  const bare = await bareFileList(bench.driver.browser, files);
  // The drop's floor: Chromium reading every file of it in a bare page's worker, once.
  const bareReadMs = await bareRead(bench.driver.browser, files, 1);
  log(
    `  repository of ${repo.count}: Chromium's FileList in a bare page ${fmtMs(bare)}, ` +
      `reading the files there ${fmtMs(bareReadMs)}`,
  );
  const result = {
    count: repo.count,
    bytes: repo.bytes,
    native,
    bareFileList: bare,
    bareRead: bareReadMs,
    memory: r.memory,
    ...summarize(r.first, r.warm, repo.count),
  };
  logDrop(`repository of ${repo.count}`, result, `shell loop ${fmtMs(native.median)}`);
  return result;
}

/**
 * Peak memory of each chart: one more drop each, in a fresh page (its own renderer
 * process) with nothing else open, so the renderer's peak RSS belongs to that drop alone.
 */
export async function measurePeakMemory(bench, single) {
  if (single.length) log('peak memory');
  for (const c of single) c.memory = (await freshPageDrops(bench, filesOf(bench, c), 1)).memory;
}

/**
 * In a fresh page (its own renderer process, nothing else open, the worker started): one
 * drop while memory is sampled, then `afterFirst(page, drop)` (e.g. the page's heap once the
 * listing is shown), then `warmRuns` drops with Reset between. Stops early if the tab dies.
 */
export async function freshPageDrops(bench, files, expected, opts = {}) {
  const { warmRuns = 0, timeout = 300_000, afterFirst } = opts;
  const { driver } = bench;
  const p = await driver.open();
  try {
    await driver.workerStarted(p);
    const m = await withMemory(p, () => driver.drop(p, files, expected, timeout));
    const first = m.result;
    const extra = afterFirst && !first.crashed ? await afterFirst(p, first) : undefined;
    const warm = [];
    for (let i = 0; i < warmRuns && !(warm.at(-1) ?? first).crashed; i++) {
      await driver.reset(p);
      warm.push(await driver.drop(p, files, expected, timeout));
    }
    return { first, memory: m.memory, extra, warm };
  } finally {
    await p
      .context()
      .close()
      .catch(() => {});
  }
}
