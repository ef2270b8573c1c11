// Archives past WHOLE_MAX are read in chunks: the core never asks its source for more than
// one chunk at a time while hashing, and only the reading limit's worth for the contents.
// The chart is written to disk (test/big-chart.ts) and read through a file-backed source,
// as the worker reads a dropped File; the hash must equal Node's own over the same bytes.
import { openSync, readSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHUNK, type ByteSource } from '../src/core/archive/source';
import { inputLimit } from '../src/core/archive/gunzip';
import { DEFAULT_LIMITS, WHOLE_MAX, archiveReader } from '../src/core/archive';
import { evaluate } from '../src/core/verdict/evaluate';
import { writeBigChart, type BigChart } from './big-chart';
import { helmOracle } from './oracle/helm';
import { helmBinaries } from '../scripts/helm-binaries.mjs';

const MiB = 1024 * 1024;
const dir = join(tmpdir(), `chartproof-stream-${process.pid}`);
let chart: BigChart;

/** A file read with pread, remembering the largest single read asked for. */
function fileSource(path: string, size: number) {
  const fd = openSync(path, 'r');
  const reads: number[] = [];
  const source: ByteSource = {
    size,
    read: async (start, end) => {
      const n = Math.max(0, Math.min(end, size) - start);
      reads.push(n);
      const out = new Uint8Array(n);
      readSync(fd, out, 0, n, start);
      return out;
    },
  };
  return { source, reads, close: () => closeSync(fd) };
}

beforeAll(async () => {
  chart = await writeBigChart(dir, 160 * MiB);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('an archive past WHOLE_MAX', () => {
  it('is hashed chunk by chunk to the same SHA-256 as Node computes', async () => {
    expect(chart.size).toBeGreaterThan(WHOLE_MAX);
    const file = fileSource(chart.archive, chart.size);
    const fractions: number[] = [];
    const facts = await archiveReader('big-1.0.0.tgz', file.source).facts({
      onProgress: (x) => fractions.push(x),
    });
    file.close();
    expect(facts.sha256).toBe(chart.sha256);
    expect(facts.gzip).toBe(true);
    expect(Math.max(...file.reads)).toBeLessThanOrEqual(CHUNK);
    expect(fractions.at(-1)).toBe(1);
  });

  it('is unpacked only up to the reading limit, stopping there, not "cut short"', async () => {
    const file = fileSource(chart.archive, chart.size);
    const contents = await archiveReader('big-1.0.0.tgz', file.source).contents();
    file.close();
    expect(Math.max(...file.reads)).toBe(inputLimit(DEFAULT_LIMITS.maxTotal));
    expect(contents.problem).toBeNull();
    expect(contents.tooLarge).toBe('decompressed-size');
    expect(contents.chart?.fields).toMatchObject({ name: 'big', version: '1.0.0' });
    expect(contents.listing?.entries.map((e) => e.path)).toEqual([
      'big/Chart.yaml',
      'big/values.yaml',
      'big/files/blob.bin',
    ]);
  });

  it('gets a real verdict: verified by its key, Helm verify accepts, the loader refuses', async () => {
    const file = fileSource(chart.archive, chart.size);
    const text = (p: string) => new Uint8Array(readFileSync(p));
    const [card] = await evaluate([
      { id: 'a', name: 'big-1.0.0.tgz', source: file.source, origin: 'dropped' },
      { id: 'p', name: 'big-1.0.0.tgz.prov', bytes: text(chart.prov), origin: 'dropped' },
      { id: 'k', name: 'pub.asc', bytes: text(chart.key), origin: 'dropped' },
    ]);
    file.close();
    const v = card!.verdict;
    expect([v.status, v.reason, v.warnings]).toEqual(['verified', null, []]);
    expect(v.signer?.fingerprint).toBe(chart.fingerprint);
    expect(v.helm.v4.answer).toBe('accept');
    expect(v.helm.install.answer).toBe('reject');
    expect(v.helm.install.why).toContain('decompressed chart is larger than the maximum size');
    // The real binaries, on the same files (the oracle hands them a binary keyring).
    const real = await helmOracle([chart.archive, chart.prov, chart.key], await helmBinaries());
    expect([real.helm, real.helm3, real.helm_install]).toEqual([
      v.helm.v4.answer,
      v.helm.v3.answer,
      v.helm.install.answer,
    ]);
    expect(real.helm_install_why).toBe(v.helm.install.why);
  }, 120_000);
});
