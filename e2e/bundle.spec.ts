// The built page's budgets (issue 13): what a first visit downloads before the worker is
// asked anything. openpgp.js, pako and yaml belong to the worker; the page reaches the
// core through barrels (core/keys, core/archive), which stay light only while package.json's
// `sideEffects` lets the bundler drop the re-exports the page does not use.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import {
  PAGE_BUDGET,
  WORKER_BUDGET,
  gzipOf,
  pageFiles,
  workerFiles,
} from '../scripts/bench/bundles.mjs';

const DIST = process.env.E2E_DIST ?? 'dist';
const ASSETS = join(DIST, 'assets');

const gzip = (file: string) => gzipOf(ASSETS, file);

test('the page loads at most 100 KB of gzipped script, without openpgp.js, pako or yaml', () => {
  // index.html's module entry, the chunks it preloads, and what they import.
  const scripts = pageFiles(DIST);
  expect(scripts.length, 'index.html loads at least its entry').toBeGreaterThan(0);
  const total = scripts.reduce((n, f) => n + gzip(f), 0);
  expect(total, `page scripts ${scripts.join(', ')}`).toBeLessThanOrEqual(PAGE_BUDGET);
  for (const file of scripts) {
    const text = readFileSync(join(ASSETS, file), 'utf8');
    expect(text, `${file} holds openpgp.js`).not.toContain('OpenPGP.js v');
    expect(text, `${file} holds pako`).not.toContain('invalid distance too far back');
    expect(text, `${file} holds yaml`).not.toContain('Implicit keys need to be on a single line');
  }
});

test('the verification worker stays within 120 KB gzip before its lazy chunks', () => {
  const scripts = workerFiles(DIST);
  expect(scripts.length, 'a built verifier worker').toBeGreaterThan(0);
  const text = scripts.map((f) => readFileSync(join(ASSETS, f), 'utf8')).join('\n');
  // The markers above must mean something: the worker really carries all three.
  expect(text).toContain('OpenPGP.js v');
  expect(text).toContain('invalid distance too far back');
  expect(text).toContain('Implicit keys need to be on a single line');
  const total = scripts.reduce((n, f) => n + gzip(f), 0);
  expect(total, `worker scripts ${scripts.join(', ')}`).toBeLessThanOrEqual(WORKER_BUDGET);
});
