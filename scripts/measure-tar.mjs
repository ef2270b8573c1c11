#!/usr/bin/env node
// Measures the tar readers considered for issue 3 (docs/decisions/0001-tar-reader.md):
// js-untar (its shipped bundle and the worker code inside it), nanotar's parseTar, and ours
// (src/core/tar.ts, gunzip.ts, chart-archive.ts). Listings are compared with GNU tar's.
//
//   node scripts/measure-tar.mjs [--big-mib N] [--browser]
//
// --browser also runs js-untar and our reader in Chromium (Playwright; CHROMIUM_PATH, default
// /usr/bin/chromium): js-untar's blob worker, js-untar inside a worker, and a CSP without blob:.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { gunzipSync, gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = process.env.CHARTPROOF_FIXTURES ?? resolve(root, '../shared/fixtures');
const args = process.argv.slice(2);
const bigMiB = Number(args[args.indexOf('--big-mib') + 1]) || 100;
const work = fs.mkdtempSync(join(tmpdir(), 'measure-tar-'));
const env = { ...process.env, LC_ALL: 'C.UTF-8' };
const out = (line = '') => process.stdout.write(line + '\n');
const strip = (p) => String(p).replace(/\/+$/, '') || String(p);

// ---- the readers, bundled as a browser would get them -------------------------------------

const { rolldown } = await import(
  pathToFileURL(join(root, 'node_modules/rolldown/dist/index.mjs'))
);
const from = (what, path) => `export { ${what} } from ${JSON.stringify(join(root, path))};`;
const entries = {
  ours:
    from('readChartArchive', 'src/core/chart-archive.ts') + from('gunzip', 'src/core/gunzip.ts'),
  oursTar: from('readTar', 'src/core/tar.ts'),
  pako: from('Inflate', 'node_modules/pako/dist/pako.mjs'),
  nanotar: from('parseTar', 'node_modules/nanotar/dist/index.mjs'),
};
const built = {};
for (const [name, code] of Object.entries(entries)) {
  fs.writeFileSync(join(work, `${name}-entry.mjs`), code);
  const input = join(work, `${name}-entry.mjs`);
  const build = await rolldown({ input, platform: 'browser', logLevel: 'silent' });
  const min = (await build.generate({ format: 'esm', minify: true })).output[0].code;
  await build.write({ file: join(work, `${name}.mjs`), format: 'esm' });
  const module = await import(pathToFileURL(join(work, `${name}.mjs`)));
  built[name] = { module, min: min.length, gz: gzipSync(min).length };
}
const untarDist = fs.readFileSync(join(root, 'node_modules/js-untar/build/dist/untar.js'), 'utf8');

function untarBundleError(globals) {
  try {
    vm.runInNewContext(untarDist, { module: { exports: {} }, exports: {}, ...globals });
    return 'loads';
  } catch (err) {
    return `${err.name}: ${err.message}`;
  }
}
// The worker code js-untar's bundle hands to `new Blob([...])`, run here without a worker.
const blobLiteral = /new Blob\(\[('(?:[^'\\]|\\.)*')\]\)/.exec(untarDist)[1];
const workerSource = Function(`return ${blobLiteral}`)();
function jsUntar(tar) {
  const files = [];
  const self = {
    postMessage(msg) {
      if (msg.type === 'extract') files.push(msg.data);
      if (msg.type === 'error') throw new Error(msg.data.message);
    },
  };
  vm.runInNewContext(workerSource, { self, DataView, ArrayBuffer, Uint8Array, parseInt, Error });
  self.onmessage({ data: { type: 'extract', buffer: tar.slice().buffer } });
  return { paths: files.map((f) => strip(f.name)), links: files.map((f) => f.linkname || null) };
}

const readers = {
  'js-untar': jsUntar,
  nanotar: (tar) => {
    const items = built.nanotar.module.parseTar(tar.slice());
    return { paths: items.map((i) => strip(i.name)), links: null }; // it keeps no link targets
  },
  ours: (tar) => {
    const r = built.oursTar.module.readTar(tar, { maxFile: 5 << 20 });
    const links = r.entries.map((e) => e.linkTarget);
    return { paths: r.entries.map((e) => e.path), links, failure: r.failure };
  },
};

// ---- the corpus ---------------------------------------------------------------------------

function gnuTar(tar) {
  const run = (flags) => spawnSync('tar', [flags, '-'], { input: tar, env, maxBuffer: 1 << 30 });
  const lines = (r) => r.stdout.toString('utf8').split('\n').filter(Boolean);
  const links = lines(run('tvf')).map((l) => /(?: -> | link to )(.*)$/.exec(l)?.[1] ?? null);
  return { paths: lines(run('tf')).map(strip), links };
}

const cases = [];
const roots = ['generated', 'helm', '../realworld/cases'].map((d) => join(fixtures, d));
for (const dir of roots) {
  for (const name of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!name.endsWith('.tgz')) continue;
    const unzipped = spawnSync('gzip', ['-dc'], { input: fs.readFileSync(join(dir, name)) });
    if (unzipped.status === 0 || unzipped.status === 2) {
      cases.push({
        name: join(dir, name).slice(fixtures.length - 8),
        tar: new Uint8Array(unzipped.stdout),
      });
    }
  }
}

// What GNU tar writes in each format, with what charts hold: long names, UTF-8, spaces, links.
const tree = join(work, 'tree');
const longDir = join(tree, 'chart/templates', 'a-rather-long-folder-name/'.repeat(4));
fs.mkdirSync(longDir, { recursive: true });
fs.mkdirSync(join(tree, 'chart/files'));
fs.writeFileSync(join(tree, 'chart/values.yaml'), 'a: 1\n');
fs.writeFileSync(join(longDir, `${'configmap-'.repeat(6)}.yaml`), 'kind: ConfigMap\n');
fs.writeFileSync(join(tree, 'chart/files/größe = x y.txt'), 'ü\n');
fs.symlinkSync('../values.yaml', join(tree, 'chart/files/link'));
fs.linkSync(join(tree, 'chart/values.yaml'), join(tree, 'chart/hard'));
for (const format of ['gnu', 'oldgnu', 'ustar', 'pax']) {
  // Names ustar cannot hold: a 150-byte link target, a 124-byte name with spaces and "=".
  const extra = [
    join(tree, 'chart/files/longlink'),
    join(tree, `chart/${'a b=c '.repeat(20)}.txt`),
  ];
  if (format !== 'ustar') {
    fs.symlinkSync(`../${'t'.repeat(150)}`, extra[0]);
    fs.writeFileSync(extra[1], 'x\n');
  }
  const tar = spawnSync('tar', [`--format=${format}`, '-cf', '-', '-C', tree, 'chart'], { env });
  for (const path of extra) fs.rmSync(path, { force: true });
  cases.push({ name: `GNU tar --format=${format}`, tar: new Uint8Array(tar.stdout) });
}

function header(name, { type = '0', size = 0 } = {}) {
  const b = new Uint8Array(512);
  const put = (at, s) => b.set(new TextEncoder().encode(s), at);
  const octal = (n, width) => n.toString(8).padStart(width, '0') + '\0';
  put(0, name);
  [100, 108, 116].forEach((at, i) => put(at, octal([0o644, 0, 0][i], 7)));
  put(124, octal(size, 11));
  put(136, octal(1736717568, 11));
  put(156, type);
  put(257, 'ustar\x0000');
  put(148, ' '.repeat(8));
  const sum = b.reduce((s, x) => s + x, 0);
  put(148, octal(sum, 6));
  return b;
}
const block = (ascii) => Uint8Array.from({ length: 512 }, (_, i) => ascii.charCodeAt(i) || 0);
const [c, v] = [header('c/Chart.yaml', { size: 5 }), header('c/values.yaml', { size: 5 })];
const good = new Uint8Array(
  Buffer.concat([c, block('a: 1\n'), v, block('b: 2\n'), block(''), block('')]),
);
const badSum = Uint8Array.from(good);
badSum[1024] = 0x58;

// ---- 1. correctness -----------------------------------------------------------------------

out(`# Tar readers for chart archives (node ${process.version})\n`);
out('## js-untar bundle outside a page');
out(`- in a worker-like global (self, no window): ${untarBundleError({ self: {} })}`);
out(`- in a page-like global without Worker: ${untarBundleError({ window: {} })}\n`);
out(
  `## ${cases.length} listings compared with GNU tar's (\`tar tf\`; link targets from \`tar tvf\`)`,
);
for (const [name, read] of Object.entries(readers)) {
  const wrong = [];
  for (const c of cases) {
    const want = gnuTar(c.tar);
    let got;
    try {
      got = read(c.tar);
    } catch (err) {
      wrong.push(`${c.name}: throws ${err.message}`);
      continue;
    }
    const diff = want.paths.flatMap((p, k) => (p !== got.paths[k] ? [k] : []));
    const link = want.links.findIndex((l, k) => got.links && l !== null && l !== got.links[k]);
    const show = (k) => `${JSON.stringify(got.paths[k])} for ${JSON.stringify(want.paths[k])}`;
    if (got.paths.length !== want.paths.length) {
      const counts = `${got.paths.length} entries, tar ${want.paths.length}`;
      wrong.push(`${c.name}: ${counts}; the first that differs is ${show(diff[0])}`);
    } else if (diff.length > 0) {
      const more = diff.length > 3 ? ` (and ${diff.length - 3} more)` : '';
      wrong.push(`${c.name}: ${diff.slice(0, 3).map(show).join('; ')}${more}`);
    } else if (link >= 0) {
      wrong.push(
        `${c.name}: ${want.paths[link]} links to ${JSON.stringify(got.links[link])}, tar says ${JSON.stringify(want.links[link])}`,
      );
    }
  }
  out(
    `- ${name}: ${cases.length - wrong.length}/${cases.length} right${wrong.length ? '; wrong:' : ''}`,
  );
  for (const w of wrong) out(`  - ${w}`);
}
out('\n## Damaged archives (GNU tar and Go refuse both)');
for (const [what, tar] of [
  ['bad checksum on entry 2', badSum],
  ['cut inside entry 2', good.subarray(0, 512 * 3 + 2)],
]) {
  const said = Object.entries(readers).map(([name, read]) => {
    try {
      const r = read(tar);
      return `${name}: ${r.paths.length} entries, ${r.failure ? `reports "${r.failure.message}"` : 'says nothing'}`;
    } catch (err) {
      return `${name}: throws "${err.message}"`;
    }
  });
  out(`- ${what}: ${said.join('; ')}`);
}
const view = built.nanotar.module.parseTar(good.subarray(1024)).map((i) => i.name);
out(
  `- nanotar given a view (byteOffset 1024) holding only c/values.yaml lists ${JSON.stringify(view)}`,
);

// ---- 2. speed -----------------------------------------------------------------------------

let seed = 42;
const rand = () => (
  (seed ^= seed << 13),
  (seed ^= seed >>> 17),
  (seed ^= seed << 5),
  (seed >>> 0) / 2 ** 32
);
const fileSize = 50 * 1024;
const count = Math.round((bigMiB * 2 ** 20) / (fileSize + 512));
const big = new Uint8Array(count * (512 + fileSize) + 1024);
for (let i = 0, at = 0; i < count; i++, at += fileSize) {
  big.set(header(`big/templates/file-${i}.yaml`, { size: fileSize }), at);
  at += 512;
  // Lines of a fixed key and random letters compress about 2:1 (charts do 4-10:1).
  for (let j = 0; j < fileSize; j++) {
    big[at + j] = j % 40 === 39 ? 10 : j % 40 < 8 ? 97 + (j % 7) : 97 + Math.floor(rand() * 26);
  }
}
const bigGz = gzipSync(big);
const median = (f) => {
  const t = [0, 1, 2].map(() => ((s) => (f(), performance.now() - s))(performance.now()));
  return t.sort((a, b) => a - b)[1].toFixed(0);
};
const { gunzip, readChartArchive } = built.ours.module;
const size = (n) => `${(n / 2 ** 20).toFixed(1)} MiB`;
out(
  `\n## Speed: ${count} files, ${size(big.length)} tar, ${size(bigGz.length)} gzip (median of 3, ms)`,
);
out(
  `- gunzip, ours (pako, streaming, limit 200 MiB): ${median(() => gunzip(bigGz, { maxTotal: 200 * 2 ** 20 }))}`,
);
out(`- gunzip, node:zlib (native, for scale): ${median(() => gunzipSync(bigGz))}`);
for (const [name, read] of Object.entries(readers))
  out(`- index the tar, ${name}: ${median(() => read(big))}`);
out(`- readChartArchive (gunzip, tar, Helm checks): ${median(() => readChartArchive(bigGz))}`);
const bomb = Buffer.concat([
  gzipSync(header('b/x', { size: 2 ** 30 })),
  gzipSync(Buffer.alloc(2 ** 30)),
]);
out(
  `- a ${(bomb.length / 1024).toFixed(0)} KiB gzip bomb (1 GiB of zeros), refused at 100 MiB: ${median(() => gunzip(bomb))}`,
);

out('\n## Bundle size (minified / gzipped bytes)');
out(`- ours, tar.ts alone: ${built.oursTar.min} / ${built.oursTar.gz}`);
out(
  `- ours, chart-archive.ts + gunzip.ts + tar.ts + pako's Inflate: ${built.ours.min} / ${built.ours.gz}`,
);
out(`- pako's Inflate alone: ${built.pako.min} / ${built.pako.gz}`);
out(`- nanotar parseTar: ${built.nanotar.min} / ${built.nanotar.gz}`);
out(
  `- js-untar build/dist/untar.js as shipped: ${untarDist.length} / ${gzipSync(untarDist).length}`,
);

if (args.includes('--browser')) await browser();
fs.rmSync(work, { recursive: true, force: true });

// ---- 3. in a browser ----------------------------------------------------------------------

async function browser() {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) return out(`\n(no Chromium at ${executablePath}: skipped)`);
  const { chromium } = await import('playwright');
  const tgz = fs.readFileSync(join(fixtures, 'helm/hashtest-1.2.3.tgz'));
  const tar = gunzipSync(tgz);
  const files = {
    '/untar.js': untarDist,
    '/ours.mjs': fs.readFileSync(join(work, 'ours.mjs')),
    '/untar-worker.js': `try { importScripts('/untar.js'); postMessage('loads'); } catch (e) { postMessage(e.name + ': ' + e.message); }`,
    '/ours-worker.mjs': `import { readChartArchive } from '/ours.mjs';
      const gz = new Uint8Array(await (await fetch('/tgz')).arrayBuffer());
      const t = performance.now(); const l = readChartArchive(gz);
      postMessage(l.entries.length + ' entries in ' + (performance.now() - t).toFixed(1) + ' ms');`,
    '/tar': tar,
    '/tgz': tgz,
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const type = /\.m?js$/.test(url.pathname) ? 'text/javascript' : 'text/html';
    const csp = url.searchParams.has('csp')
      ? { 'content-security-policy': "default-src 'self'" }
      : {};
    res.writeHead(200, { 'content-type': type, ...csp });
    res.end(files[url.pathname] ?? '<script src="/untar.js"></script>');
  }).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${server.address().port}`;
  const b = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  const page = await b.newPage();
  const untarTimes = () =>
    page.evaluate(async () => {
      const buf = await (await fetch('/tar')).arrayBuffer();
      const times = [];
      for (let i = 0; i < 20; i++) {
        const t = performance.now();
        const timeout = new Promise((_, no) =>
          setTimeout(() => no(new Error('no answer in 2 s')), 2000),
        );
        try {
          await Promise.race([globalThis.untar(buf.slice(0)), timeout]);
        } catch (e) {
          return `fails (${e.message ?? e.type ?? e})`;
        }
        times.push(performance.now() - t);
      }
      return `median ${times.sort((x, y) => x - y)[10].toFixed(1)} ms per untar() (a new blob: worker each time)`;
    });
  const inWorker = (url, type) =>
    page.evaluate(
      ([u, t]) =>
        new Promise((r) => (new globalThis.Worker(u, { type: t }).onmessage = (e) => r(e.data))),
      [url, type],
    );
  await page.goto(`${base}/`);
  out(`\n## In Chromium ${b.version()}, on ${tar.length} bytes of tar (${tgz.length} gzipped)`);
  out(`- js-untar in a page: ${await untarTimes()}`);
  out(
    `- js-untar in a dedicated worker, importScripts: ${await inWorker('/untar-worker.js', 'classic')}`,
  );
  out(
    `- ours in a module worker, readChartArchive: ${await inWorker('/ours-worker.mjs', 'module')}`,
  );
  await page.goto(`${base}/?csp`);
  out(`- js-untar in a page under CSP "default-src 'self'": ${await untarTimes()}`);
  await b.close();
  server.close();
}
