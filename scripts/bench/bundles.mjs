// The built page and worker bundles, their gzip sizes and budgets (issue 5).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Issue 13's budgets, gzip bytes: also checked by e2e/bundle.spec.ts. */
export const PAGE_BUDGET = 100_000;
export const WORKER_BUDGET = 120_000;

/** The built page and worker bundles and their gzip sizes. */
export function bundles(site) {
  const assets = join(site, 'assets');
  const files = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const html = readFileSync(join(site, 'index.html'), 'utf8');
  const pick = (re) => {
    const all = files.filter((f) => re.test(f));
    return all.find((f) => html.includes(f)) ?? all[0];
  };
  const out = [];
  for (const [label, re, budget] of [
    ['page', /^index-.*\.js$/, PAGE_BUDGET],
    ['worker', /^verifier\.worker-.*\.js$/, WORKER_BUDGET],
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
