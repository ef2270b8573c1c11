// The archive reader against `tar tzf` on every fixture archive and on archives GNU tar writes
// in each format, against Helm's own table of illegal paths, and gunzip's limits. Hand-built
// tars that break one rule each: archive-reader-hand-built.test.ts.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ArchiveError, readChartArchive } from '../src/core/archive/chart-archive';
import { gunzip } from '../src/core/archive/gunzip';
import { gzipProblemWords, tooLargeWords } from '../src/core/verdict/words';
import { FIXTURES } from './fixtures';
import { header } from './tar-builder';
import { entry, MiB, paths, tarList, utf8Env } from './tar-listing';

const archivesIn = (dir: string) =>
  fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.tgz'))
    .map((name) => join(dir, name));
const fixture = (name: string) =>
  new Uint8Array(fs.readFileSync(join(FIXTURES, 'generated', name)));

describe('fixture archives, compared with tar tzf', () => {
  const archives = [
    ...archivesIn(join(FIXTURES, 'generated')),
    ...archivesIn(join(FIXTURES, 'helm')),
    ...archivesIn(join(resolve(FIXTURES, '../realworld'), 'cases')),
  ];
  it('finds the corpus', () => expect(archives.length).toBeGreaterThan(60));

  for (const file of archives) {
    it(file.slice(resolve(FIXTURES, '..').length + 1), () => {
      const bytes = new Uint8Array(fs.readFileSync(file));
      const expected = tarList(bytes);
      if (expected === null) {
        expect(() => readChartArchive(bytes)).toThrow(ArchiveError);
        return;
      }
      const listing = readChartArchive(bytes);
      expect(paths(listing)).toEqual(expected);
      expect(listing.tooLarge).toBeNull();
    });
  }

  it('reads GNU long names', () => {
    const l = readChartArchive(fixture('archive-gnu-longname/longgnu-1.0.0.tgz'));
    const long = paths(l).find((p) => p.endsWith('/configmap-with-a-long-file-name.yaml'));
    expect(long?.length).toBeGreaterThan(100);
    expect(l).toMatchObject({ warnings: [], helmReject: null, topFolder: 'longgnu' });
  });

  it('reads PAX UTF-8 names and contents', () => {
    const l = readChartArchive(fixture('archive-pax-utf8/paxutf8-1.0.0.tgz'));
    const data = entry(l, 'paxutf8/files/größe-данные-数据.txt')?.data;
    expect(new TextDecoder().decode(data!)).toContain('Привет');
    expect(l.helmReject).toBeNull();
  });

  it('opens the subchart inside a chart with the same reader', () => {
    const l = readChartArchive(fixture('archive-nested-dependency/withdep-1.0.0.tgz'));
    const inner = entry(l, 'withdep/charts/dep-0.1.0.tgz')!.data!;
    const sub = readChartArchive(inner);
    expect(paths(sub)).toEqual(tarList(inner));
    expect(sub).toMatchObject({ warnings: [], helmReject: null, topFolder: 'dep' });
  });

  it.each([
    ['archive-not-gzip/notgzip-1.0.0.tgz', 'not-gzip', /^Not a gzip archive: it starts with 3C 21/],
    ['archive-truncated/truncated-1.0.0.tgz', 'truncated', /truncated: unexpected end of data/],
    ['tamper-archive-byte-flipped/byteflip-1.0.0.tgz', 'corrupt', /CRC-32 does not match/],
  ])('refuses %s', (name, reason, message) => {
    const read = () => readChartArchive(fixture(name));
    expect(read).toThrow(ArchiveError);
    expect(read).toThrow(expect.objectContaining({ reason }));
    try {
      read();
    } catch (e) {
      expect(gzipProblemWords((e as ArchiveError).problem)).toMatch(message);
    }
  });
});

describe('gunzip', () => {
  it('refuses a gzip bomb quickly, holding no more than the limit', () => {
    const head = gzipSync(header('bomb/Chart.yaml', { size: 200 * MiB }));
    const bomb = Buffer.concat([head, gzipSync(Buffer.alloc(200 * MiB), { level: 9 })]);
    const started = performance.now();
    const l = readChartArchive(bomb);
    // A hang check, not a benchmark (npm run bench measures speed): shared machines are slow.
    expect(performance.now() - started).toBeLessThan(60_000);
    expect(tooLargeWords(l.tooLarge!)).toMatch(/more than 100 MiB once decompressed/);
    expect(l.helmReject).toBe('decompressed chart is larger than the maximum size 104857600');
    const small = gunzip(bomb, { maxTotal: MiB });
    expect(small.tooLarge).toBe(true);
    expect(small.data.buffer.byteLength).toBeLessThanOrEqual(MiB);
  });

  it('reads concatenated members, wherever the chunk boundaries fall', () => {
    const parts = [200_000, 70_000, 5].map((n, i) => Buffer.alloc(n, 65 + i));
    const out = gunzip(Buffer.concat(parts.map((p) => gzipSync(p, { level: 0 }))));
    expect(Buffer.from(out.data).equals(Buffer.concat(parts))).toBe(true);
    expect(out).toMatchObject({ tooLarge: false, trailing: 0 });
  });

  it.each([
    ['zeros', Buffer.alloc(300)],
    ['garbage', Buffer.from('garbage after the archive')],
  ])('ignores trailing %s after the last member, as gzip -dc does', (_, tail) => {
    for (const size of [10, 100_000]) {
      const body = Buffer.alloc(size, 7);
      const out = gunzip(Buffer.concat([gzipSync(body), tail]));
      expect(Buffer.from(out.data).equals(body)).toBe(true);
      expect(out.trailing).toBe(tail.length);
    }
  });

  it('reports progress up to the whole input', () => {
    const seen: number[] = [];
    readChartArchive(gzipSync(Buffer.alloc(300_000, 1), { level: 0 }), {}, (done, total) =>
      seen.push(done / total),
    );
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.at(-1)).toBe(1);
  });
});

describe('archives GNU tar writes', () => {
  const root = fs.mkdtempSync(join(tmpdir(), 'chartproof-tar-'));
  const longDir = join(root, 'demo/templates', 'a-rather-long-folder-name/'.repeat(4));
  fs.mkdirSync(longDir, { recursive: true });
  fs.mkdirSync(join(root, 'demo/files'));
  fs.writeFileSync(join(root, 'demo/Chart.yaml'), 'name: demo\n');
  fs.writeFileSync(join(root, 'demo/values.yaml'), 'a: 1\n');
  fs.writeFileSync(join(longDir, `${'configmap-'.repeat(6)}.yaml`), 'kind: ConfigMap\n');
  fs.writeFileSync(join(root, 'demo/files/größe = x y.txt'), 'ü\n');
  fs.symlinkSync('../values.yaml', join(root, 'demo/files/link'));
  fs.linkSync(join(root, 'demo/values.yaml'), join(root, 'demo/hard'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it.each(['gnu', 'oldgnu', 'ustar', 'pax'])('reads --format=%s', (format) => {
    const tgz = execFileSync('tar', [`--format=${format}`, '-cz', '-C', root, 'demo'], {
      env: utf8Env,
    });
    const l = readChartArchive(tgz);
    expect(paths(l)).toEqual(tarList(tgz));
    const link = { type: 'symlink', linkTarget: '../values.yaml' };
    expect(entry(l, 'demo/files/link')).toMatchObject(link);
    expect(l.entries.filter((e) => e.type === 'hardlink')).toHaveLength(1);
    expect(l.helmReject).toBeNull();
  });
});
