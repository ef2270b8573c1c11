// Differential test: a fixed-seed corpus of adversarial provs, keys and archives
// (test/differential/), each case with the verdict our rules expect. GnuPG must agree with every
// expectation's cryptographic part (or the case says why not); the core must reach the expected
// verdict; and the core's Helm fields must equal what real Helm 3.17.2 / 4.1.4 binaries answer.
// The full table of cases and disagreements goes to $TMPDIR/differential-report.txt.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { helmBinaries } from '../scripts/helm-binaries.mjs';
import type { HelmBinaries } from './oracle/helm';
import { runProc } from './oracle/proc';
import { generatedCases } from './differential/generate';
import { report, type Row } from './differential/report';
import { runAll } from './differential/run';

const LONG = 600_000; // a cold run: generation, ~100 gpg runs, ~600 Helm runs
const REPORT = join(tmpdir(), 'differential-report.txt');

let result: ReturnType<typeof report>;
let bins: HelmBinaries | null = null;

const version = async (binary: string) =>
  (await runProc(binary, ['version', '--short'])).stdout.toString('utf8').trim();

beforeAll(async () => {
  try {
    bins = await helmBinaries();
  } catch (err) {
    if (process.env.CI) throw err;
    console.warn(`differential: Helm comparisons skipped: ${(err as Error).message}`);
  }
  const tag = bins ? `${await version(bins.helm3)} ${await version(bins.helm4)}` : '';
  const { root, cases } = await generatedCases();
  const outcomes = await runAll(root, cases, bins, tag);
  result = report(outcomes);
  writeFileSync(REPORT, result.text);
}, LONG);

const rows = (r: Row[]) =>
  r.map((x) => `${x.id} | ${x.field} | expected ${x.expected} | got ${x.got}`).join('\n');

describe('differential corpus', () => {
  it('gpg agrees with every expectation, or the case says why not', () => {
    expect(rows(result.gpg.unexplained), `see ${REPORT}`).toBe('');
  });

  it('the core reaches every expected verdict', () => {
    expect(rows(result.core), `see ${REPORT}`).toBe('');
  });

  it('the core answers as real Helm 4, Helm 3 and helm install --verify', (ctx) => {
    if (!bins) ctx.skip();
    expect(rows(result.helm), `see ${REPORT}`).toBe('');
  });
});
