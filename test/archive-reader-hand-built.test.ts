// The archive reader against hand-built tars that break one rule each (test/tar-builder.ts),
// each compared with what GNU tar and Helm make of the same bytes.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readChartArchive, type ArchiveListing } from '../src/core/archive/chart-archive';
import { listingWarningWords } from '../src/core/verdict/words';
import { file, header, pax, tar } from './tar-builder';
import { entry, paths, tarList } from './tar-listing';

const OUTSIDE = 'chart illegally contains content outside the base directory: ';
const read = (...parts: Uint8Array[][]) => readChartArchive(gzipSync(tar(...parts)));
const chart = (...parts: Uint8Array[][]) => read(file('demo/Chart.yaml', 'name: demo\n'), ...parts);
/** The listing's warnings as the page says them. */
const said = (l: ArchiveListing) => l.warnings.map(listingWarningWords);

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
    expect(said(l).join()).toMatch(/header at byte 1024 is damaged \(header checksum/);
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
    expect(said(l).join('\n')).toMatch(warning);
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
    expect(said(l)).toEqual([
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
    expect(said(l)).toContain(
      'The archive ends inside "demo/big.txt" (100 of 2000 bytes present): it was cut short.',
    );
    expect(l.helmReject).toBe('unexpected EOF');
  });

  it('notes a UTF-8 BOM, keeping it in the data', () => {
    const l = chart(file('demo/values.yaml', '\uFEFFa: 1\n'));
    expect(entry(l, 'demo/values.yaml')!.data![0]).toBe(0xef);
    expect(said(l)).toEqual([
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
    expect(said(readChartArchive(gz))[0]).toMatch(/^"demo\/a": also named "demo\/b" .* disagree/);
    const sized = chart(
      [header('demo/link', { type: '2', size: 512, link: 'x' })],
      file('demo/d', ''),
    );
    expect(said(sized)[0]).toMatch(/declares 512 bytes .* tar skips them, Helm reads/);
  });

  it('refuses data hidden after a lone zero block', () => {
    const l = chart([new Uint8Array(512)], file('demo/hidden', 'x'));
    expect(paths(l)).toEqual(['demo/Chart.yaml']);
    expect(l.helmReject).toBe('archive/tar: invalid tar header');
  });

  it('refuses a malformed PAX header', () => {
    const l = chart(file('PaxHeaders/x', `${'9'.repeat(200_000)} path=x\n`, { type: 'x' }));
    expect(said(l)[0]).toBe('The PAX header at byte 1024 is malformed; reading stopped there.');
    expect(l.helmReject).toBe('archive/tar: invalid tar header');
  });

  it('says when the gzip holds no tar', () => {
    const l = readChartArchive(gzipSync('apiVersion: v2\nname: demo\n'.repeat(40)));
    expect(said(l)[0]).toMatch(/^The decompressed data is not a tar archive/);
    expect(l.helmReject).toBe('archive/tar: invalid tar header');
  });
});
