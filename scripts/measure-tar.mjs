#!/usr/bin/env node
// Measures the tar readers considered for issue 3 (docs/decisions/0001-tar-reader.md):
// js-untar (its shipped bundle and the worker code inside it), nanotar's parseTar, and ours
// (src/core/archive/tar.ts, gunzip.ts, chart-archive.ts). Listings are compared with GNU tar's.
//
//   node scripts/measure-tar.mjs [--big-mib N] [--browser]
//
// --browser also runs js-untar and our reader in Chromium (Playwright; CHROMIUM_PATH, default
// /usr/bin/chromium): js-untar's blob worker, js-untar inside a worker, and a CSP without blob:.
// The sections live in scripts/measure-tar/.

import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reportInBrowser } from './measure-tar/browser.mjs';
import { damageable, listingCases } from './measure-tar/corpus.mjs';
import { reportCorrectness } from './measure-tar/correctness.mjs';
import { loadReaders, reportBundleSizes } from './measure-tar/readers.mjs';
import { reportSpeed } from './measure-tar/speed.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = process.env.CHARTPROOF_FIXTURES ?? resolve(root, '../shared/fixtures');
const args = process.argv.slice(2);
const bigMiB = Number(args[args.indexOf('--big-mib') + 1]) || 100;
const work = fs.mkdtempSync(join(tmpdir(), 'measure-tar-'));
const out = (line = '') => process.stdout.write(line + '\n');

const readers = await loadReaders(root, work);
const cases = listingCases(fixtures, work);

out(`# Tar readers for chart archives (node ${process.version})\n`);
reportCorrectness(out, readers, cases, damageable());
reportSpeed(out, readers, bigMiB);
reportBundleSizes(out, readers);

if (args.includes('--browser')) await reportInBrowser(out, readers, { fixtures, work });
fs.rmSync(work, { recursive: true, force: true });
