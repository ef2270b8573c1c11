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
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { Driver, loadPlaywright, withMemory } from './bench/browser.mjs';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.mjs';
import { makeChart, makeRepository, stopAgent, writeKey } from './bench/fixtures.mjs';
import { nativeAnchors, nativeRepositoryLoop } from './bench/native.mjs';
import {
  checkTargets,
  observations,
  tableRows,
  textTable,
  textTargets,
  writeMarkdown,
} from './bench/report.mjs';
import { fmtBytes, fmtMs, loadAverage, log, median, now } from './bench/util.mjs';

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

// ---------------------------------------------------------------------------------------
// Cleanup: everything started is registered here and undone in reverse order. Each entry
// has an asynchronous way (normal end, signals) and a synchronous one for process 'exit',
// so nothing is left running even if something calls process.exit() early.
const cleanups = [];
const onCleanup = (run, sync = run) => cleanups.push({ run, sync });
let cleaning = null;
function cleanup() {
  cleaning ??= (async () => {
    while (cleanups.length) {
      const { run } = cleanups.pop();
      try {
        await run();
      } catch (e) {
        console.warn(`[bench] cleanup: ${e.message}`);
      }
    }
  })();
  return cleaning;
}
process.on('exit', () => {
  while (cleanups.length) {
    try {
      cleanups.pop().sync();
    } catch {
      // best effort while exiting
    }
  }
});
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    console.error(`\n[bench] ${sig}: stopping`);
    void cleanup().finally(() => process.exit(130));
  });
}

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.unref();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

async function startServer(dir) {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [join(ROOT, 'scripts/serve.mjs'), '--port', String(port), '--base', BASE, '--dir', dir],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const running = () => child.exitCode === null && child.signalCode === null;
  onCleanup(
    async () => {
      if (!running()) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
    () => running() && child.kill('SIGTERM'),
  );
  const url = `http://127.0.0.1:${port}${BASE}`;
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`scripts/serve.mjs exited ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return url;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`scripts/serve.mjs did not answer at ${url}`);
}

/** The built page and worker bundles and their gzip sizes. */
function bundles(site) {
  const assets = join(site, 'assets');
  const files = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const html = readFileSync(join(site, 'index.html'), 'utf8');
  const pick = (re) => {
    const all = files.filter((f) => re.test(f));
    return all.find((f) => html.includes(f)) ?? all[0];
  };
  const out = [];
  for (const [label, re, budget] of [
    ['page', /^index-.*\.js$/, 100_000],
    ['worker', /^verifier\.worker-.*\.js$/, 120_000],
  ]) {
    const file = pick(re);
    if (!file) continue;
    const bytes = readFileSync(join(assets, file));
    out.push({
      label,
      file,
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      budget,
    });
  }
  // Any other chunk (loaded on demand by the page): reported, no budget of its own.
  for (const file of files.filter((f) => !out.some((b) => b.file === f))) {
    const bytes = readFileSync(join(assets, file));
    const gzip = gzipSync(bytes, { level: 9 }).length;
    out.push({ label: 'lazy chunk', file, raw: bytes.length, gzip, budget: null });
  }
  return out;
}

function machine(chromium) {
  const sh = (cmd) => spawnSync('bash', ['-c', cmd], { encoding: 'utf8' }).stdout.trim();
  const cpu = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? '?';
  const mem = /^Mem:\s+(\d+)\s+(\d+)\s+(\d+)/m.exec(sh('free -g'));
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    cpu,
    nproc: sh('nproc') || String(cpus().length),
    memory: mem ? `${mem[1]} GiB total, ${mem[3]} GiB free (\`free -g\`)` : sh('free -g'),
    chromium,
    node: process.version,
    gpg: sh('gpg --version | head -1').replace(/^gpg \(GnuPG\) /, ''),
    load: `${loadStart} at the start, ${loadAverage()} at the end`,
  };
}

function statusNote(statuses, expected) {
  const entries = Object.entries(statuses ?? {});
  const verified = entries
    .filter(([k]) => /^verified( \(helm \w+\))?$/.test(k))
    .reduce((n, [, c]) => n + c, 0);
  if (verified === expected && verified === entries.reduce((n, [, c]) => n + c, 0)) return '';
  return entries.map(([k, n]) => (n === 1 ? k : `${n}× ${k}`)).join(', ') || 'nothing';
}

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

  // ---- inputs ----
  const signHome = join(work, 'gnupg-sign');
  const verifyHome = join(work, 'gnupg-verify');
  onCleanup(() => {
    stopAgent(signHome);
    stopAgent(verifyHome);
  });
  const keyFile = join(work, 'public-key.asc');
  const charts = join(work, 'charts');
  const repoDir = join(work, 'repo');
  log(`generating inputs in ${work}`);
  await writeKey(signHome, verifyHome, keyFile);
  const single = [];
  for (const s of SIZES) {
    const tg = now();
    const c = await makeChart({ work, outDir: charts, signHome, ...s, version: '1.0.0' });
    single.push({ ...s, ...c });
    log(`  ${s.name}: ${fmtBytes(c.size)} in ${fmtMs(now() - tg)}`);
  }
  const tr = now();
  const concurrency = Math.max(2, cpus().length);
  const repo = await makeRepository({
    work,
    outDir: repoDir,
    signHome,
    count: REPO_COUNT,
    concurrency,
  });
  const repoBytes = repo.reduce((n, c) => n + c.size + statSync(c.prov).size, 0);
  log(`  repository: ${repo.length} charts in ${fmtMs(now() - tr)}`);

  // ---- chartproof ----
  const url = await startServer(site);
  const { chromium } = await loadPlaywright();
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
    // Signals are ours: the handler above closes the browser, then the rest, then exits.
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

  const small = single[0];
  const filesOf = (c) => [c.archive, c.prov, keyFile];

  // Each case's native anchors are timed right before chartproof does the same files, so
  // both see the same load on the machine.
  const page = await driver.open();
  for (const c of single) {
    c.native = nativeAnchors(c, {
      verifyHome,
      work,
      runs: c.big ? RUNS.nativeBig : RUNS.native,
    });
    const timeout = c.big ? 300_000 : 120_000;
    const files = filesOf(c);
    const cold = await driver.drop(page, files, 1, timeout);
    const statuses = [cold.statuses];
    const warm = [];
    for (let i = 0; i < (c.big ? RUNS.warmBig : RUNS.warm); i++) {
      await driver.reset(page);
      const r = await driver.drop(page, files, 1, timeout);
      warm.push(r.ms);
      statuses.push(r.statuses);
    }
    const redrop = [];
    for (let i = 0; i < RUNS.redrop; i++) {
      const r = await driver.drop(page, files, 1, timeout);
      redrop.push(r.ms);
    }
    await driver.reset(page);
    c.cold = cold.ms;
    c.warm = median(warm);
    c.redrop = median(redrop);
    c.statusNote = [...new Set(statuses.map((s) => statusNote(s, 1)).filter(Boolean))].join('; ');
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

  // First drop right after page load, each in a fresh context.
  const first = [];
  for (let i = 0; i < RUNS.first; i++) {
    const page = await driver.newPage();
    await page.goto(url);
    const r = await driver.drop(page, filesOf(small), 1, 60_000);
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

  const workerFile = bundleSizes.find((b) => b.label === 'worker')?.file;
  const startup = workerFile
    ? await driver.workerStartup(page, new URL(`assets/${workerFile}`, url).href, 5)
    : [];
  const workerStartup = { median: median(startup), samples: startup };
  log(`  worker start-up: ${fmtMs(workerStartup.median)}`);

  const repoNative = nativeRepositoryLoop(repoDir, { verifyHome, runs: RUNS.repoNative });
  const repoFiles = [...repo.flatMap((c) => [c.archive, c.prov]), keyFile];
  const repoCold = await driver.drop(page, repoFiles, repo.length, 300_000);
  const repoWarm = [];
  const repoStatuses = [repoCold.statuses];
  for (let i = 0; i < RUNS.repoWarm; i++) {
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
    statusNote: [
      ...new Set(repoStatuses.map((s) => statusNote(s, repo.length)).filter(Boolean)),
    ].join('; '),
  };
  log(
    `  repository: warm ${fmtMs(repoResult.warm)} (cold ${fmtMs(repoResult.cold)}); ` +
      `shell loop ${fmtMs(repoNative.median)}`,
  );
  const chromiumVersion = browser.version();
  await page.context().close();

  // Peak memory: one more drop per case, each in a fresh page (its own renderer process)
  // with nothing else open, so the renderer's peak RSS belongs to that drop alone.
  log('peak memory');
  const measureMemory = async (files, expected) => {
    const p = await driver.open();
    await driver.workerStarted(p);
    const m = await withMemory(p, () => driver.drop(p, files, expected, 300_000));
    await p.context().close();
    return m.memory;
  };
  for (const c of single) c.memory = await measureMemory(filesOf(c), 1);
  repoResult.memory = await measureMemory(repoFiles, repo.length);

  // ---- report ----
  const results = {
    quick: QUICK,
    machine: machine(chromiumVersion),
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
    const md = writeMarkdown(path, results, rows, targets, defaultNotes());
    await prettify(path, md);
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

function defaultNotes() {
  return '_Not written yet: what the numbers above suggest about each missed target._';
}

/** Formats the markdown with the project's prettier, when it is installed. */
async function prettify(path, md) {
  try {
    const prettier = await import('prettier');
    const options = (await prettier.resolveConfig(path)) ?? {};
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path, await prettier.format(md, { ...options, filepath: path }));
  } catch (e) {
    log(`prettier not applied: ${e.message}`);
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
