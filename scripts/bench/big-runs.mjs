// The cases past the everyday: archives of 1, 2 and 4 GiB (made one at a time, each deleted
// before the next, and only when the disk can hold it) and one archive of 100,000 files.
// Each runs in a fresh page, so its memory figures belong to it alone.
/* global window, document -- page-side code passed to Playwright */
import { rmSync, statfsSync } from 'node:fs';
import { join } from 'node:path';
import { filesOf, freshPageDrops, summarize } from './chartproof-runs.mjs';
import { makeChart } from './fixtures.mjs';
import { pageHeapNow } from './memory.mjs';
import { nativeAnchors } from './native.mjs';
import { fmtBytes, fmtMs, log, now } from './util.mjs';

const GiB = 1024 ** 3;
/** Left free beside a generated archive, for everything else on the machine. */
const DISK_RESERVE = 2 * GiB;
/** Per drop of a GiB archive: a few MiB/s would still finish; a hang would not. */
const BIG_TIMEOUT = 15 * 60_000;

/** Bytes free for an unprivileged writer in the folder `dir` (what `df` calls Avail). */
function freeBytes(dir) {
  const s = statfsSync(dir);
  return s.bavail * s.bsize;
}

const logCase = (label, r, anchor) =>
  log(
    `  ${label}: ${fmtMs(r.warm)} (cold ${fmtMs(r.cold)}); ${anchor}; peak renderer ` +
      `${fmtBytes(r.memory?.rendererRss - r.memory?.rendererIdle)} above idle; longest ` +
      `main-thread task ${fmtMs(r.mainThread?.longest)}` +
      (r.statusNote ? ` — page said ${r.statusNote}` : ''),
  );

/**
 * For each size in GiB: a signed chart of exactly that much random payload (stored, gzip
 * level 0), sha256sum and gpg --verify + sha256sum on it, then two drops in a fresh page.
 */
export async function measureBigArchives(bench, gibs) {
  const out = [];
  for (const gib of gibs) {
    const label = `${gib} GiB`;
    const payload = gib * GiB;
    const free = freeBytes(bench.work);
    if (free < payload + DISK_RESERVE) {
      const skipped =
        `skipped: ${fmtBytes(free)} free in ${bench.work}, the archive needs ` +
        `${fmtBytes(payload)} plus ${fmtBytes(DISK_RESERVE)} kept free`;
      log(`  ${label}: ${skipped}`);
      out.push({ label, size: payload, skipped });
      continue;
    }
    const dir = join(bench.work, `big-${gib}`);
    try {
      const tg = now();
      const chart = await makeChart({
        outDir: dir,
        signer: bench.signer,
        name: `bench-${gib}gib`,
        version: '1.0.0',
        payload,
        level: 0,
      });
      log(`  ${label}: ${fmtBytes(chart.size)} written in ${fmtMs(now() - tg)}`);
      const native = nativeAnchors(chart, {
        verifyHome: bench.verifyHome,
        work: bench.work,
        runs: bench.runs.nativeHuge,
        which: ['sha256sum', 'helmVerify'],
        warmup: false,
      });
      const r = await freshPageDrops(bench, filesOf(bench, chart), 1, {
        warmRuns: bench.runs.warmHuge,
        timeout: BIG_TIMEOUT,
      });
      const result = { label, size: chart.size, native, memory: r.memory };
      Object.assign(result, summarize(r.first, r.warm, 1));
      logCase(label, result, `sha256sum ${fmtMs(native.sha256sum.median)}`);
      out.push(result);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return out;
}

/**
 * The chart of many files: drop→verdict next to `tar tzf` (and gpg --verify + sha256sum),
 * then how long the file tree takes to appear and the page's heap once it has (after a
 * garbage collection: what the page keeps for the listing).
 */
export async function measureManyFiles(bench, many) {
  const native = nativeAnchors(many, {
    verifyHome: bench.verifyHome,
    work: bench.work,
    runs: bench.runs.native,
    which: ['tarList', 'helmVerify'],
  });
  // Polled every animation frame; the drop's settle time has passed already, so a tree
  // that came with the verdict shows as that settle time: an upper bound, not an interval.
  const afterFirst = async (page) => {
    const shown = await page
      .waitForFunction(() => document.querySelector('[data-testid="tree-entry"]'), null, {
        timeout: 60_000,
      })
      .then(
        () => true,
        () => false,
      );
    const treeBy = shown
      ? await page.evaluate(() => performance.now() - window.__bench.tDone)
      : NaN;
    return { treeShown: shown, treeBy, heap: await pageHeapNow(page) };
  };
  const r = await freshPageDrops(bench, filesOf(bench, many), 1, {
    warmRuns: bench.runs.warmBig,
    afterFirst,
  });
  const result = {
    label: `${many.files.toLocaleString('en')} files`,
    files: many.files,
    size: many.size,
    native,
    memory: r.memory,
    ...r.extra,
    ...summarize(r.first, r.warm, 1),
  };
  logCase(result.label, result, `tar tzf ${fmtMs(native.tarList.median)}`);
  log(
    `    file tree shown ${result.treeShown ? `by ${fmtMs(result.treeBy)} after the verdict` : 'never (60 s)'}; page heap after it ` +
      `${fmtBytes(result.heap?.afterGc)} (before GC ${fmtBytes(result.heap?.before)})`,
  );
  return result;
}
