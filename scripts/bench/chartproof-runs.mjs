// The chartproof side of the bench: drops the inputs on the page through its testing
// contract (browser.mjs) and keeps the medians. `bench` is { driver, url, keyFile,
// verifyHome, work, runs } throughout.
import { nativeAnchors, nativeRepositoryLoop } from './native.mjs';
import { withMemory } from './browser.mjs';
import { fmtMs, log, median } from './util.mjs';

const filesOf = (bench, c) => [c.archive, c.prov, bench.keyFile];
const repositoryFiles = (bench, repo) => [
  ...repo.flatMap((c) => [c.archive, c.prov]),
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
const statusNotes = (all, expected) =>
  [...new Set(all.map((s) => statusNote(s, expected)).filter(Boolean))].join('; ');

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
    const cold = await driver.drop(page, files, 1, timeout);
    const statuses = [cold.statuses];
    const warm = [];
    for (let i = 0; i < (c.big ? runs.warmBig : runs.warm); i++) {
      await driver.reset(page);
      const r = await driver.drop(page, files, 1, timeout);
      warm.push(r.ms);
      statuses.push(r.statuses);
    }
    const redrop = [];
    for (let i = 0; i < runs.redrop; i++) {
      const r = await driver.drop(page, files, 1, timeout);
      redrop.push(r.ms);
    }
    await driver.reset(page);
    c.cold = cold.ms;
    c.warm = median(warm);
    c.redrop = median(redrop);
    c.statusNote = statusNotes(statuses, 1);
    c.phases = cold.phases;
    log(
      `  ${c.label}: app's own marks (cold drop): ` +
        Object.entries(c.phases ?? {})
          .map(([k, v]) => `${k} ${fmtMs(v)}`)
          .join(', '),
    );
    log(
      `  ${c.label}: warm ${fmtMs(c.warm)} (cold ${fmtMs(c.cold)}, kept worker ${fmtMs(c.redrop)})` +
        (c.statusNote ? ` — page said ${c.statusNote}` : '') +
        `; gpg --verify + sha256sum ${fmtMs(c.native.helmVerify.median)}`,
    );
  }
}

/** First drop right after page load, each in a fresh context. */
export async function measureFirstDrop(bench, small) {
  const { driver, url, runs } = bench;
  const first = [];
  for (let i = 0; i < runs.first; i++) {
    const page = await driver.newPage();
    await page.goto(url);
    const r = await driver.drop(page, filesOf(bench, small), 1, 60_000);
    first.push(r);
    await page.context().close();
  }
  const firstDrop = {
    size: small.size,
    median: median(first.map((r) => r.ms)),
    sinceNavigation: median(first.map((r) => r.sinceNavigation)),
    samples: first.map((r) => r.ms),
    native: small.native.helmVerify.median,
  };
  log(`  first drop after load: ${fmtMs(firstDrop.median)}`);
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

/** The whole repository in one drop, next to the gpg + sha256sum shell loop. */
export async function measureRepository(bench, page, { repo, repoDir, repoBytes }) {
  const { driver, runs } = bench;
  const repoNative = nativeRepositoryLoop(repoDir, {
    verifyHome: bench.verifyHome,
    runs: runs.repoNative,
  });
  const repoFiles = repositoryFiles(bench, repo);
  const repoCold = await driver.drop(page, repoFiles, repo.length, 300_000);
  const repoWarm = [];
  const repoStatuses = [repoCold.statuses];
  for (let i = 0; i < runs.repoWarm; i++) {
    await driver.reset(page);
    const r = await driver.drop(page, repoFiles, repo.length, 300_000);
    repoWarm.push(r.ms);
    repoStatuses.push(r.statuses);
  }
  const repoResult = {
    count: repo.length,
    bytes: repoBytes,
    cold: repoCold.ms,
    warm: median(repoWarm),
    native: repoNative,
    statusNote: statusNotes(repoStatuses, repo.length),
  };
  log(
    `  repository: warm ${fmtMs(repoResult.warm)} (cold ${fmtMs(repoResult.cold)}); ` +
      `shell loop ${fmtMs(repoNative.median)}`,
  );
  return repoResult;
}

/**
 * Peak memory: one more drop per case, each in a fresh page (its own renderer process)
 * with nothing else open, so the renderer's peak RSS belongs to that drop alone.
 */
export async function measurePeakMemory(bench, single, repo, repoResult) {
  const { driver } = bench;
  log('peak memory');
  const measureMemory = async (files, expected) => {
    const p = await driver.open();
    await driver.workerStarted(p);
    const m = await withMemory(p, () => driver.drop(p, files, expected, 300_000));
    await p.context().close();
    return m.memory;
  };
  for (const c of single) c.memory = await measureMemory(filesOf(bench, c), 1);
  repoResult.memory = await measureMemory(repositoryFiles(bench, repo), repo.length);
}
