#!/usr/bin/env node
// npm run bench — how fast chartproof verifies signed Helm charts, next to the native
// tools doing the same work (sha256sum, gpg --verify, gzip, tar) on the same files.
//
//   node scripts/bench.mjs [--quick] [--write | --no-write] [--keep]
//
// Builds the app if dist/ is missing, serves a copy of dist/ with scripts/serve.mjs on a
// free port, generates signed charts of ~20 KiB, 1 MiB, 16 MiB and 256 MiB and a repository
// of 500 small signed charts in a temporary folder, drives headless Chromium through the
// page's testing contract (DEVELOPERS.md), prints one table plus the targets of issue 5,
// and writes docs/benchmarks.md (full runs; --quick writes only with --write).
// --quick: no 256 MiB chart, 50 charts in the repository, fewer runs.
// --keep: leave the temporary folder (inputs) in place and print its path.
// Servers, browsers and gpg agents it started are always stopped, also on Ctrl-C.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
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
import { generateInputs } from './bench/inputs.mjs';
import { machine } from './bench/machine.mjs';
import { observations } from './bench/observations.mjs';
import { tableRows, textTable } from './bench/report.mjs';
import { startServer } from './bench/server.mjs';
import { checkTargets, textTargets } from './bench/targets.mjs';
import { loadAverage, log, now } from './bench/util.mjs';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = new Set(process.argv.slice(2));
for (const a of argv) {
  if (!['--quick', '--write', '--no-write', '--keep', '--help', '-h'].includes(a)) {
    console.error(`unknown option ${a}`);
    process.exit(2);
  }
}
if (argv.has('--help') || argv.has('-h')) {
  console.log('usage: node scripts/bench.mjs [--quick] [--write | --no-write] [--keep]');
  process.exit(0);
}
const QUICK = argv.has('--quick');
const WRITE = argv.has('--write') || (!QUICK && !argv.has('--no-write'));
const KEEP = argv.has('--keep');

const KiB = 1024;
const MiB = 1024 * KiB;
// Payload sizes are a little under the target so the .tgz (payload + tar/gzip framing +
// the chart's YAML) lands close to it.
const SIZES = [
  { label: '20 KiB', name: 'bench-small', payload: 20 * KiB - 1200 },
  { label: '1 MiB', name: 'bench-medium', payload: MiB - 1200 },
  { label: '16 MiB', name: 'bench-large', payload: 16 * MiB - 8 * KiB },
  { label: '256 MiB', name: 'bench-huge', payload: 256 * MiB - 128 * KiB, big: true },
].filter((s) => !(QUICK && s.big));
const REPO_COUNT = QUICK ? 50 : 500;
const RUNS = {
  warm: QUICK ? 3 : 7,
  warmBig: 3,
  redrop: 3,
  first: 3,
  native: QUICK ? 3 : 7,
  nativeBig: 3,
  repoWarm: QUICK ? 2 : 3,
  repoNative: 3,
};
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
  if (!existsSync(join(ROOT, 'dist/index.html'))) {
    log('dist/ is missing: npm run build');
    const b = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
    if (b.status !== 0) throw new Error('npm run build failed');
  }

  const work = mkdtempSync(join(tmpdir(), 'chartproof-bench-'));
  onCleanup(() => {
    if (KEEP) log(`inputs kept in ${work}`);
    else rmSync(work, { recursive: true, force: true });
  });
  // Serve a copy: other work may rebuild dist/ (new hashed names) while the bench runs.
  const site = join(work, 'site');
  cpSync(join(ROOT, 'dist'), site, { recursive: true });
  const bundleSizes = bundles(site);

  const inputs = await generateInputs(work, { sizes: SIZES, repoCount: REPO_COUNT });

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
  log(`chartproof at ${url} in Chromium ${browser.version()}`);

  const { keyFile, verifyHome, single, repo } = inputs;
  const bench = { driver, url, keyFile, verifyHome, work, runs: RUNS };
  const page = await driver.open();
  await measureCharts(bench, page, single);
  const firstDrop = await measureFirstDrop(bench, single[0]);
  const workerStartup = await measureWorkerStartup(bench, page, bundleSizes);
  const repoResult = await measureRepository(bench, page, inputs);
  const chromiumVersion = browser.version();
  await page.context().close();
  await measurePeakMemory(bench, single, repo, repoResult);

  // ---- report ----
  const results = {
    quick: QUICK,
    machine: machine(chromiumVersion, loadStart),
    runs: RUNS,
    firstDrop,
    workerStartup,
    charts: single,
    repo: repoResult,
    bundles: bundleSizes,
    elapsed: now() - t0,
  };
  const rows = tableRows(results);
  const targets = checkTargets(results);
  console.log(`\n${textTable(rows)}\n`);
  for (const r of rows.filter((x) => x.note)) console.log(`note: ${r.op.trim()}: ${r.note}`);
  console.log(`\nTargets (issue 5):\n${textTargets(targets)}\n`);
  if (WRITE) {
    const path = join(ROOT, 'docs/benchmarks.md');
    await writeBenchmarksMarkdown(path, results, rows, targets);
    log(`wrote ${path}`);
  } else {
    log('docs/benchmarks.md not written (quick run; pass --write to write it)');
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
