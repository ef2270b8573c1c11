#!/usr/bin/env node
// npm run bench — how fast chartproof verifies signed Helm charts, next to the native
// tools doing the same work (sha256sum, gpg --verify, gzip, tar) on the same files.
//
//   node scripts/bench.mjs [--quick] [--write | --no-write] [--keep] [--only=GROUPS]
//                          [--big=GIB,…] [--repos=N,…] [--files=N] [--build=REV]
//
// Serves a copy of dist/ (built if missing) with scripts/serve.mjs, generates signed charts
// in a temporary folder, drives headless Chromium through the page's testing contract
// (DEVELOPERS.md), prints one table and the targets of issue 13, and writes
// docs/benchmarks.md (full runs; otherwise only with --write). scripts/bench/README.md
// says what each module does.
//   groups (--only=charts,first,repos,files,big; default all):
//     charts  signed charts of 20 KiB, 1 MiB, 16 MiB, 256 MiB: warm and cold drop→verdict
//     first   navigation → first verdict in fresh contexts (also measures the 20 KiB chart)
//     repos   repositories of --repos charts (default 500,2000,5000) in one drop
//     files   one chart of --files files (default 100000)
//     big     archives of --big GiB (default 1,2,4), each deleted after its run
// --quick: no 256 MiB chart, no GiB archives, a 50-chart repository, fewer runs.
// --build=REV: serve a build of commit REV's tree (git archive), not dist/.
// --keep: leave the temporary folder (inputs) in place and print its path.
// Servers, browsers and gpg agents it started are always stopped, also on Ctrl-C.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureBigArchives, measureManyFiles } from './bench/big-runs.mjs';
import { Driver, loadPlaywright } from './bench/browser.mjs';
import { writeBenchmarksMarkdown } from './bench/benchmarks-md.mjs';
import { bundles } from './bench/bundles.mjs';
import {
  measureCharts,
  measureFirstDrop,
  measurePeakMemory,
  measureRepository,
  measureWorkerStartup,
} from './bench/chartproof-runs.mjs';
import { cleanup, cleanupOnExit, onCleanup } from './bench/cleanup.mjs';
import { buildRevision, distState } from './bench/dist.mjs';
import { generateInputs } from './bench/inputs.mjs';
import { machine } from './bench/machine.mjs';
import { observations } from './bench/observations.mjs';
import { options } from './bench/options.mjs';
import { tableRows, textTable } from './bench/report.mjs';
import { startServer } from './bench/server.mjs';
import { checkTargets, textTargets } from './bench/targets.mjs';
import { loadAverage, log, now } from './bench/util.mjs';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const opt = options(process.argv.slice(2));
const BASE = '/chartproof/';
const loadStart = loadAverage();

cleanupOnExit();

async function main() {
  const t0 = now();
  const load1 = Number(loadStart.split(' ')[0]);
  if (load1 > cpus().length) {
    log(`warning: load average ${loadStart} on ${cpus().length} cores; timings will be noisy`);
  }
  process.chdir(ROOT);
  const work = mkdtempSync(join(tmpdir(), 'chartproof-bench-'));
  onCleanup(() => {
    if (opt.keep) log(`inputs kept in ${work}`);
    else rmSync(work, { recursive: true, force: true });
  });
  // Serve a copy (or a build of --build=REV): others may rebuild dist/ (new hashed names)
  // while the bench runs.
  const site = join(work, 'site');
  let dist;
  if (opt.build) {
    log(`building ${opt.build} (git archive + vite build)`);
    dist = buildRevision(ROOT, opt.build, work, site);
  } else {
    dist = distState(ROOT);
    if (!dist.built) {
      log('dist/ is missing: npm run build');
      const b = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
      if (b.status !== 0) throw new Error('npm run build failed');
      dist = distState(ROOT);
    }
    if (dist.stale) log(`warning: dist/ is older than ${dist.newest}; run npm run build first`);
    cpSync(join(ROOT, 'dist'), site, { recursive: true });
  }
  const bundleSizes = bundles(site);

  const inputs = await generateInputs(work, {
    sizes: opt.sizes,
    repoCounts: opt.repoCounts,
    manyFiles: opt.manyFiles,
  });

  // ---- chartproof ----
  const url = await startServer(ROOT, site, BASE);
  const { chromium } = await loadPlaywright();
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
    // Signals are ours: the cleanup closes the browser, then the rest, then exits.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  // (Playwright kills the browser it launched when this process exits.)
  onCleanup(
    () => browser.close(),
    () => {},
  );
  const driver = new Driver(browser, url);
  const chromiumVersion = browser.version();
  log(`chartproof at ${url} in Chromium ${chromiumVersion}`);

  const { keyFile, verifyHome, signer, single, repos, many } = inputs;
  const bench = { driver, url, keyFile, verifyHome, signer, work, runs: opt.runs };
  const page = await driver.open();
  await measureCharts(bench, page, single);
  const firstDrop = opt.groups.has('first') ? await measureFirstDrop(bench, single[0]) : null;
  const workerStartup = await measureWorkerStartup(bench, page, bundleSizes);
  await page.context().close();
  await measurePeakMemory(bench, single);
  const repoResults = [];
  for (const repo of repos) repoResults.push(await measureRepository(bench, repo));
  const manyResult = many ? await measureManyFiles(bench, many) : null;
  const big = opt.bigGiB.length ? await measureBigArchives(bench, opt.bigGiB) : [];

  // ---- report ----
  const results = {
    quick: opt.quick,
    partial: opt.partial,
    machine: machine(chromiumVersion, loadStart),
    dist,
    runs: opt.runs,
    firstDrop,
    workerStartup,
    charts: single,
    repos: repoResults,
    many: manyResult,
    big,
    bundles: bundleSizes,
    elapsed: now() - t0,
  };
  const rows = tableRows(results);
  const targets = checkTargets(results);
  console.log(`\n${textTable(rows)}\n`);
  for (const r of rows.filter((x) => x.note)) console.log(`note: ${r.op.trim()}: ${r.note}`);
  console.log(`\nTargets (issue 13):\n${textTargets(targets)}\n`);
  if (opt.write) {
    const path = join(ROOT, 'docs/benchmarks.md');
    await writeBenchmarksMarkdown(path, results, rows, targets);
    log(`wrote ${path}`);
  } else {
    log('docs/benchmarks.md not written (quick or partial run; pass --write to write it)');
    console.log(
      observations(results)
        .map((n) => `- ${n}`)
        .join('\n'),
    );
  }
}

try {
  await main();
} catch (e) {
  console.error(`[bench] failed: ${e.stack || e.message}`);
  process.exitCode = 1;
} finally {
  await cleanup();
}
