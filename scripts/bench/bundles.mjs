// The built page and worker bundles, their gzip sizes and budgets (issue 5). A bundle is every
// script it loads before it can work: the page's entry, what index.html preloads and what they
// import; the worker's entry and what it imports. Chunks loaded on demand are listed apart.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Issue 13's budgets, gzip bytes: also checked by e2e/bundle.spec.ts. */
export const PAGE_BUDGET = 100_000;
export const WORKER_BUDGET = 120_000;

const STATIC_IMPORT = /\b(?:import|export)\s*(?:[\w$*{},\s]+from\s*)?["']\.\/([^"']+\.js)["']/g;

/** `files` and every chunk they import statically, in first-seen order. */
function withStaticImports(assets, files) {
  const out = [...files];
  for (let i = 0; i < out.length; i++) {
    const text = readFileSync(join(assets, out[i]), 'utf8');
    for (const m of text.matchAll(STATIC_IMPORT)) if (!out.includes(m[1])) out.push(m[1]);
  }
  return out;
}

/** The scripts index.html loads at once: its module entry and the chunks it preloads. */
export function pageFiles(site) {
  const html = readFileSync(join(site, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\.\/assets\/([^"]+\.js)"/g)].map((m) => m[1]);
  return withStaticImports(join(site, 'assets'), [...new Set(refs)]);
}

/** The verification worker's entry and the chunks it imports statically. */
export function workerFiles(site) {
  const assets = join(site, 'assets');
  const entry = readdirSync(assets).find((f) => /^verifier\.worker-.*\.js$/.test(f));
  return entry ? withStaticImports(assets, [entry]) : [];
}

/** A file's gzip size as the budgets count it (level 9, as served). */
export const gzipOf = (assets, file) =>
  gzipSync(readFileSync(join(assets, file)), { level: 9 }).length;

/** The built page and worker bundles and their gzip sizes (each file gzipped as served). */
export function bundles(site) {
  const assets = join(site, 'assets');
  const out = [];
  const counted = new Set();
  for (const [label, files, budget] of [
    ['page', pageFiles(site), PAGE_BUDGET],
    ['worker', workerFiles(site), WORKER_BUDGET],
  ]) {
    if (files.length === 0) continue;
    files.forEach((f) => counted.add(f));
    out.push({
      label,
      file: files.join(' + '),
      raw: files.reduce((n, f) => n + readFileSync(join(assets, f)).length, 0),
      gzip: files.reduce((n, f) => n + gzipOf(assets, f), 0),
      budget,
    });
  }
  // Any other chunk (loaded on demand): reported, no budget of its own.
  for (const file of readdirSync(assets).filter((f) => f.endsWith('.js') && !counted.has(f))) {
    const raw = readFileSync(join(assets, file)).length;
    out.push({ label: 'lazy chunk', file, raw, gzip: gzipOf(assets, file), budget: null });
  }
  return out;
}
