// The tar readers under comparison, bundled as a browser would get them (rolldown): ours
// (src/core), nanotar's parseTar, and js-untar, whose shipped bundle only runs in a page and
// whose worker code is run here by itself. Each reader returns { paths, links, failure? }.
import * as fs from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';

export const strip = (p) => String(p).replace(/\/+$/, '') || String(p);

/** Bundles each reader into `work` (ESM, plus its minified and gzipped size). */
async function bundleReaders(root, work) {
  const { rolldown } = await import(
    pathToFileURL(join(root, 'node_modules/rolldown/dist/index.mjs'))
  );
  const from = (what, path) => `export { ${what} } from ${JSON.stringify(join(root, path))};`;
  const entries = {
    ours:
      from('readChartArchive', 'src/core/archive/chart-archive.ts') +
      from('gunzip', 'src/core/archive/gunzip.ts'),
    oursTar: from('readTar', 'src/core/archive/tar.ts'),
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
  return built;
}

/** The bundles (`built`), js-untar's shipped file (`untarDist`) and the `readers`. */
export async function loadReaders(root, work) {
  const built = await bundleReaders(root, work);
  const untarDist = fs.readFileSync(
    join(root, 'node_modules/js-untar/build/dist/untar.js'),
    'utf8',
  );
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
  return { built, untarDist, readers };
}

/** What loading js-untar's bundle says in a context with these globals. */
export function untarBundleError(untarDist, globals) {
  try {
    vm.runInNewContext(untarDist, { module: { exports: {} }, exports: {}, ...globals });
    return 'loads';
  } catch (err) {
    return `${err.name}: ${err.message}`;
  }
}

export function reportBundleSizes(out, { built, untarDist }) {
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
}
