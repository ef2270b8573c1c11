// The Chart.yaml summary's readers (src/ui/browse/chart-fields.ts, subcharts.ts) and the
// store's cards for a check that failed before the worker's plan (src/state/fallback-cards.ts).
import { describe, expect, it } from 'vitest';
import type { TarEntry } from '../src/core/archive/chart-archive';
import { tableOf, type BrowseListing } from '../src/core/archive/table';
import type { ChartMeta } from '../src/core/archive/chart-meta';
import { isGoTrue, MAX_PARSED, readAnnotation } from '../src/ui/browse/chart-fields';
import { subcharts } from '../src/ui/browse/subcharts';
import { fallbackCards } from '../src/state/fallback-cards';

describe('readAnnotation', () => {
  it('Artifact Hub changes: strings, or kind, description and links', () => {
    expect(readAnnotation('artifacthub.io/changes', '- Added a flag\n- Fixed a bug\n')).toEqual({
      kind: 'changes',
      items: [
        { kind: null, description: 'Added a flag', links: [] },
        { kind: null, description: 'Fixed a bug', links: [] },
      ],
    });
    const structured = [
      '- kind: fixed',
      '  description: CVE-1',
      '  links:',
      '    - name: advisory',
      '      url: https://example.invalid/a',
    ].join('\n');
    expect(readAnnotation('artifacthub.io/changes', structured)).toEqual({
      kind: 'changes',
      items: [
        {
          kind: 'fixed',
          description: 'CVE-1',
          links: [{ name: 'advisory', url: 'https://example.invalid/a' }],
        },
      ],
    });
  });

  it('images and signKey', () => {
    const images = '- name: app\n  image: r/app:1\n  whitelisted: true\n- image: r/b:2\n';
    expect(readAnnotation('artifacthub.io/images', images)).toEqual({
      kind: 'images',
      items: [
        { name: 'app', image: 'r/app:1', whitelisted: true },
        { name: null, image: 'r/b:2', whitelisted: false },
      ],
    });
    expect(readAnnotation('artifacthub.io/signKey', 'fingerprint: AB12\nurl: u\n')).toEqual({
      kind: 'signKey',
      fingerprint: 'AB12',
      url: 'u',
    });
  });

  it('as written when the YAML does not read, or has another shape, or is too big', () => {
    const raw = (text: string) => ({ kind: 'text', text });
    expect(readAnnotation('artifacthub.io/changes', '- [unclosed\n')).toEqual(raw('- [unclosed'));
    expect(readAnnotation('artifacthub.io/changes', 'just a line')).toEqual(raw('just a line'));
    expect(readAnnotation('artifacthub.io/changes', '- ok\n- {kind: x}\n')).toEqual(
      raw('- ok\n- {kind: x}'),
    );
    expect(readAnnotation('artifacthub.io/images', '- __proto__: {image: x}\n')).toEqual(
      raw('- __proto__: {image: x}'),
    );
    const big = `- ${'x'.repeat(MAX_PARSED)}`;
    expect(readAnnotation('artifacthub.io/changes', big)).toEqual(raw(big));
    // An alias bomb: 9^9 nodes once expanded.
    const names = 'abcdefghi';
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...[...names.slice(1)].map((n, i) => `${n}: &${n} [${Array(9).fill(`*${names[i]}`)}]`),
    ].join('\n');
    expect(readAnnotation('artifacthub.io/signKey', bomb)).toEqual(raw(bomb));
  });

  it('other annotations as written, line breaks kept; values that are no string as JSON', () => {
    expect(readAnnotation('license', 'Apache-2.0\nor MIT\n')).toEqual({
      kind: 'text',
      text: 'Apache-2.0\nor MIT',
    });
    expect(readAnnotation('nested', { a: ['1'] })).toEqual({ kind: 'text', text: '{"a":["1"]}' });
  });
});

describe('isGoTrue', () => {
  it('what yaml.v2 takes for true', () => {
    for (const v of ['true', 'True', 'TRUE', 'yes', 'on', 'y']) expect(isGoTrue(v)).toBe(true);
    for (const v of ['false', 'no', '1', '', null, true, ['true']]) expect(isGoTrue(v)).toBe(false);
  });
});

const entry = (path: string, text: string | null = 'x'): TarEntry => ({
  path,
  type: text === null ? 'dir' : 'file',
  size: text?.length ?? 0,
  mode: 0o644,
  mtime: 0,
  linkTarget: null,
  data: text === null ? null : new TextEncoder().encode(text),
  truncated: false,
});
const listing = (entries: TarEntry[]): BrowseListing => ({
  table: tableOf(entries),
  warnings: [],
  helmReject: null,
  tooLarge: null,
  topFolder: 'c',
  tarFault: null,
});
const meta = (fields: Record<string, unknown>): ChartMeta => ({
  path: 'c/Chart.yaml',
  fields,
  error: null,
});

describe('subcharts', () => {
  it('archives and folders in charts/, declared by name (version in the file name)', () => {
    const found = subcharts(
      listing([
        entry('c/Chart.yaml'),
        entry('c/charts', null),
        entry('c/charts/redis-17.3.1.tgz'),
        entry('c/charts/redis-ha-4.0.0.tgz'),
        entry('c/charts/redis-17.3.1.tgz.prov'),
        entry('c/charts/.gitkeep'),
        entry('c/charts/web', null),
        entry('c/charts/web/Chart.yaml', 'name: frontend\nversion: 1.0.0\n'),
        entry('c/charts/web/templates/a.yaml'),
        entry('c/charts/tools/Chart.yaml', 'name: tools\n'),
        entry('c/templates/charts/not-a-subchart.tgz'),
      ]),
      meta({ dependencies: [{ name: 'redis', version: '~17' }, { name: 'frontend' }] }),
    );
    expect(found).toEqual([
      { path: 'charts/redis-17.3.1.tgz', declared: true },
      { path: 'charts/redis-ha-4.0.0.tgz', declared: false },
      { path: 'charts/web/', declared: true },
      { path: 'charts/tools/', declared: false },
    ]);
  });

  it('a v1 chart declares them in requirements.yaml', () => {
    const found = subcharts(
      listing([
        entry('c/requirements.yaml', 'dependencies:\n  - name: mysql\n    version: 1.0.0\n'),
        entry('c/charts/mysql-1.0.0.tgz'),
      ]),
      meta({ apiVersion: 'v1' }),
    );
    expect(found).toEqual([{ path: 'charts/mysql-1.0.0.tgz', declared: true }]);
  });
});

describe('fallbackCards', () => {
  const given = (name: string, bytes: string | Uint8Array<ArrayBuffer> = '') => ({
    id: name,
    name,
    blob: new Blob([bytes]),
  });

  it('one card per archive and per orphan prov; none for keys, indexes or other files', async () => {
    const cards = await fallbackCards([
      given('a-1.0.0.tgz'),
      given('a-1.0.0.tgz.prov'),
      given('orphan-2.0.0.tgz.prov'),
      given('key.asc', '-----BEGIN PGP PUBLIC KEY BLOCK-----'),
      given('index.yaml', 'apiVersion: v1'),
      given('README.md', '# hi'),
    ]);
    expect(cards).toEqual([
      { id: 'a-1.0.0.tgz', archive: 'a-1.0.0.tgz', prov: 'a-1.0.0.tgz.prov' },
      { id: 'orphan-2.0.0.tgz.prov', archive: null, prov: 'orphan-2.0.0.tgz.prov' },
    ]);
  });

  it('an archive is known by its first bytes too, as the worker knows it', async () => {
    const cards = await fallbackCards([given('download', new Uint8Array([0x1f, 0x8b, 8, 0]))]);
    expect(cards).toEqual([{ id: 'download', archive: 'download', prov: null }]);
  });

  it('a prov that may belong to an archive left unpaired gets no card of its own', async () => {
    const cards = await fallbackCards([
      given('a.tgz'),
      given('b.tgz'),
      given('renamed.prov'),
      given('other.prov'),
      given('third.prov'),
    ]);
    expect(cards.map((c) => c.id)).toEqual(['a.tgz', 'b.tgz', 'third.prov']);
  });
});
