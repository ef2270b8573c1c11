// The archive reader against `tar tzf` on every fixture archive and on archives GNU tar writes
// in each format, against Helm's own table of illegal paths, and against hand-built tars that
// break one rule each.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ArchiveError, readChartArchive, type ArchiveListing } from '../src/core/chart-archive';
import { gunzip } from '../src/core/gunzip';
import { FIXTURES } from './fixtures';
import { file, header, pax, tar } from './tar-builder';

const MiB = 1024 * 1024;
const utf8Env = { ...process.env, LC_ALL: 'C.UTF-8' };

/**
 * What `tar tzf` lists (trailing slashes dropped), or null when it cannot read the archive.
 * Run as `gzip -dc | tar tf -` so that gzip's warning status 2 ("trailing garbage ignored")
 * counts as read, as it does for people.
 */
function tarList(gz: Uint8Array): string[] | null {
  const run = (cmd: string, args: string[], input: Uint8Array) =>
    spawnSync(cmd, args, { input, env: utf8Env, maxBuffer: 256 * MiB });
  const unzipped = run('gzip', ['-dc'], gz);
  if (unzipped.status !== 0 && unzipped.status !== 2) return null;
  const listed = run('tar', ['tf', '-'], unzipped.stdout);
  if (listed.status !== 0) return null;
  const lines = listed.stdout.toString('utf8').split('\n').filter(Boolean);
  return lines.map((p) => p.replace(/\/+$/, '') || p);
}

const archivesIn = (dir: string) =>
  fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.tgz'))
    .map((name) => join(dir, name));
const paths = (l: ArchiveListing) => l.entries.map((e) => e.path);
const entry = (l: ArchiveListing, path: string) => l.entries.find((e) => e.path === path);
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
    expect(read).toThrow(
      expect.objectContaining({ reason, message: expect.stringMatching(message) }),
    );
  });
});

// ---- hand-built tars ------------------------------------------------------------------------

const OUTSIDE = 'chart illegally contains content outside the base directory: ';
const read = (...parts: Uint8Array[][]) => readChartArchive(gzipSync(tar(...parts)));
const chart = (...parts: Uint8Array[][]) => read(file('demo/Chart.yaml', 'name: demo\n'), ...parts);

describe('hand-built archives', () => {
  it('reads a plain chart without warnings', () => {
    const l = chart(file('demo/values.yaml', 'a: 1\n'));
    expect(l).toMatchObject({ warnings: [], helmReject: null, tooLarge: null, topFolder: 'demo' });
    const values = { type: 'file', size: 5, mode: 0o644, mtime: 1736717568 };
    expect(entry(l, 'demo/values.yaml')).toMatchObject(values);
    const [a, b] = l.entries.map((e) => e.data!);
    expect(a!.buffer).toBe(b!.buffer); // views of one buffer, not copies
    const big = readChartArchive(gzipSync(tar(file('demo/values.yaml', 'a: 1\n'))), { maxFile: 4 });
    expect(big.entries[0]).toMatchObject({ size: 5, data: null, truncated: false });
  });

  it('reports a bad header checksum', () => {
    const bad = file('demo/values.yaml', 'a: 1\n');
    bad[0]![0] = 'X'.charCodeAt(0);
    const l = chart(bad);
    expect(l.warnings.join()).toMatch(/header at byte 1024 is damaged \(header checksum/);
    expect(l.helmReject).toBe('archive/tar: invalid tar header');
    expect(paths(l)).toEqual(['demo/Chart.yaml']);
  });

  it.each([
    ['demo//etc/passwd', /absolute path/, 'chart illegally contains absolute paths'],
    ['/etc/passwd', /absolute path/, 'Chart.yaml file is missing'],
    ['demo/../../evil', /climbs out/, 'chart illegally references parent directory'],
    ['demo/C:/evil', /drive letter/, 'chart contains illegally named files'],
    ['Chart.yaml', /outside the chart's top folder/, `${OUTSIDE}"Chart.yaml"`],
    ['Chart.yaml/a.yaml', /outside the chart's top folder/, 'chart yaml not in base directory'],
  ])('flags %s', (name, warning, helm) => {
    const l = read(file(name, 'x: 1\n'));
    expect(l.warnings.join('\n')).toMatch(warning);
    expect(l.helmReject).toBe(helm);
  });

  // Helm's own table (pkg/chart/loader/load_test.go); null where Helm fails only later, on
  // the contents of Chart.yaml, which this reader does not judge.
  it.each([
    ['../../malformed-helm-test', 'chart illegally references parent directory'],
    ['/foo/../../malformed-helm-test', 'chart illegally references parent directory'],
    ['./../../malformed-helm-test', 'chart illegally references parent directory'],
    ['./.', `${OUTSIDE}"./."`],
    ['missing-leading-slash', `${OUTSIDE}"missing-leading-slash"`],
    ['/missing-leading-slash', 'Chart.yaml file is missing'],
    ['///foo', 'chart illegally contains absolute paths'],
    ['\\\\foo', 'chart illegally contains absolute paths'],
    ['\\..\\..\\foo', 'chart illegally references parent directory'],
    ['\\.\\c:\\\\foo', 'chart contains illegally named files'],
    ['/./c://foo', 'chart contains illegally named files'],
    ['\\\\?\\Some\\windows\\magic', 'chart illegally contains absolute paths'],
    ['/Chart.yaml', null],
    ['c:\\Chart.yaml', null],
  ])('gives Helm’s answer for %s', (name, helm) => {
    expect(read(file(name, 'hello: world')).helmReject).toBe(helm);
  });

  it('flags links, which Helm loads as empty files', () => {
    const l = chart(
      [header('demo/templates/ok', { type: '2', link: '../values.yaml' })],
      [header('demo/escape', { type: '2', link: '../../etc/passwd' })],
      [header('demo/hard', { type: '1', link: 'demo/Chart.yaml' })],
    );
    const escape = { type: 'symlink', linkTarget: '../../etc/passwd', data: null };
    expect(entry(l, 'demo/escape')).toMatchObject(escape);
    expect(l.warnings).toEqual([
      '"demo/templates/ok": a symbolic link to "../values.yaml"; Helm loads it as an empty file.',
      '"demo/escape": a symbolic link to "../../etc/passwd", which points outside the chart; Helm loads it as an empty file.',
      '"demo/hard": a hard link to "demo/Chart.yaml"; Helm loads it as an empty file.',
    ]);
    expect(l.helmReject).toBeNull();
  });

  it('reports an archive cut inside an entry', () => {
    const whole = tar(file('demo/Chart.yaml', 'c'), file('demo/big.txt', 'x'.repeat(2000)));
    const l = readChartArchive(gzipSync(whole.subarray(0, 512 * 3 + 100)));
    expect(entry(l, 'demo/big.txt')).toMatchObject({ truncated: true, size: 2000 });
    expect(entry(l, 'demo/big.txt')!.data).toHaveLength(100);
    expect(l.warnings).toContain(
      'The archive ends inside "demo/big.txt" (100 of 2000 bytes present): it was cut short.',
    );
    expect(l.helmReject).toBe('unexpected EOF');
  });

  it('notes a UTF-8 BOM, keeping it in the data', () => {
    const l = chart(file('demo/values.yaml', '\uFEFFa: 1\n'));
    expect(entry(l, 'demo/values.yaml')!.data![0]).toBe(0xef);
    expect(l.warnings).toEqual([
      '"demo/values.yaml": starts with a UTF-8 byte-order mark, which Helm strips when loading.',
    ]);
  });

  it('reads the ustar prefix, PAX records and GNU long names as GNU tar does', () => {
    const long = `demo/${'d'.repeat(120)}/${'f'.repeat(90)}`;
    const parts = [
      file('demo/Chart.yaml', 'name: demo\n'),
      file('prefixed.yaml', 'p: 1\n', { prefix: 'demo/templates' }),
      pax({ path: 'demo/files/a b=c ü.txt', mtime: '1700000000.5' }),
      file('ignored', 'x'),
      file('././@LongLink', `${long}\0`, { type: 'L' }),
      file(long.slice(0, 100), 'y'),
      file('././@LongLink', `${'t'.repeat(150)}\0`, { type: 'K' }),
      [header('demo/link', { type: '2', link: 't'.repeat(100) })],
    ];
    const gz = gzipSync(tar(...parts));
    const l = readChartArchive(gz);
    expect(paths(l)).toEqual(tarList(gz));
    const named = ['demo/templates/prefixed.yaml', 'demo/files/a b=c ü.txt', long, 'demo/link'];
    expect(paths(l)).toEqual(['demo/Chart.yaml', ...named]);
    expect(entry(l, 'demo/files/a b=c ü.txt')!.mtime).toBe(1700000000);
    expect(entry(l, 'demo/link')!.linkTarget).toBe('t'.repeat(150));
  });

  it('warns where tar and Helm read the same bytes differently', () => {
    const named = [pax({ path: 'demo/a' }), file('././@LongLink', 'demo/b\0', { type: 'L' })];
    const gz = gzipSync(tar(...named, file('demo/c', 'x')));
    expect(paths(readChartArchive(gz))).toEqual(tarList(gz)); // GNU tar: the PAX name wins
    expect(readChartArchive(gz).warnings[0]).toMatch(
      /^"demo\/a": also named "demo\/b" .* disagree/,
    );
    const sized = chart(
      [header('demo/link', { type: '2', size: 512, link: 'x' })],
      file('demo/d', ''),
    );
    expect(sized.warnings[0]).toMatch(/declares 512 bytes .* tar skips them, Helm reads/);
  });

  it('refuses data hidden after a lone zero block', () => {
    const l = chart([new Uint8Array(512)], file('demo/hidden', 'x'));
    expect(paths(l)).toEqual(['demo/Chart.yaml']);
    expect(l.helmReject).toBe('archive/tar: invalid tar header');
  });

  it('refuses a malformed PAX header', () => {
    const l = chart(file('PaxHeaders/x', `${'9'.repeat(200_000)} path=x\n`, { type: 'x' }));
    expect(l.warnings[0]).toBe('The PAX header at byte 1024 is malformed; reading stopped there.');
    expect(l.helmReject).toBe('archive/tar: invalid tar header');
  });

  it('says when the gzip holds no tar', () => {
    const l = readChartArchive(gzipSync('apiVersion: v2\nname: demo\n'.repeat(40)));
    expect(l.warnings[0]).toMatch(/^The decompressed data is not a tar archive/);
    expect(l.helmReject).toBe('archive/tar: invalid tar header');
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
    expect(l.tooLarge).toMatch(/more than 100 MiB once decompressed/);
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
