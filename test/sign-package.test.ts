// Packaging like `helm package`, with real Helm 4 as the oracle: for a chart made by
// `helm create` and for every chart folder of the fixture corpus, the core's archive must hold
// the very tar stream Helm writes (byte for byte: names, order, modes, times, Chart.yaml as
// Helm renders it), start with Helm's gzip header, list the same under `tar tzf`, and read the
// same to `helm show chart`, `helm show values` and `helm template`. Folders Helm refuses get
// Helm's own message.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helmBinaries } from '../scripts/helm-binaries.mjs';
import { loadChartFolder, saveChart, SignError } from '../src/core/sign';
import { FIXTURES } from './fixtures';
import { runHelm, type HelmBinaries } from './oracle/helm';
import { runProc } from './oracle/proc';
import { helmCreate, helmPackage, readFolder, tarList } from './sign-charts';

const LONG = 300_000;
let bins: HelmBinaries | null = null;
let work = '';

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'sign-package-'));
  try {
    bins = await helmBinaries();
  } catch (err) {
    if (process.env.CI) throw err;
    console.warn(`sign-package: skipped: ${(err as Error).message}`);
  }
}, LONG);
afterAll(() => rm(work, { recursive: true, force: true }));

/** Chart folders to package: `helm create`'s, then each fixture archive unpacked. */
const FIXTURE_ARCHIVES = readdirSync(join(FIXTURES, 'generated'))
  .filter((id) => statSync(join(FIXTURES, 'generated', id)).isDirectory())
  .flatMap((id) =>
    readdirSync(join(FIXTURES, 'generated', id))
      .filter((f) => f.endsWith('.tgz'))
      .map((tgz) => ({ id, tgz: join(FIXTURES, 'generated', id, tgz) })),
  );

async function folderFor(id: string, tgz: string | null, dir: string): Promise<string | null> {
  if (tgz === null) return helmCreate(bins!.helm4, dir, 'mychart');
  const r = await runProc('tar', ['xzf', tgz, '-C', dir]);
  const tops = (await readdir(dir)).filter((n) => statSync(join(dir, n)).isDirectory());
  return r.code === 0 && tops.length === 1 ? join(dir, tops[0]!) : null;
}

/** The gzip header up to the end of its comment: fixed fields, Helm's extra field, "Helm\0". */
const gzipHeader = (gz: Uint8Array) => gz.subarray(0, gz.indexOf(0, 12) + 1);

async function show(what: string[], archive: string, home: string): Promise<string> {
  const r = await runHelm(bins!.helm4, [...what, archive], home);
  return `${r.answer}\n${r.stdout}${r.why ?? ''}`;
}

describe('the core packages a chart folder as helm package does', () => {
  const cases = [{ id: 'helm-create', tgz: null as string | null }, ...FIXTURE_ARCHIVES];
  it.each(cases)(
    '$id',
    async ({ id, tgz }) => {
      if (!bins) return;
      const dir = join(work, id);
      await mkdir(join(dir, 'src'), { recursive: true });
      const folder = await folderFor(id, tgz, join(dir, 'src'));
      if (folder === null) return; // not an archive tar can unpack (the corpus's broken ones)
      const helm = await helmPackage(bins.helm4, folder, join(dir, 'helm'), dir);
      let ours;
      try {
        ours = saveChart(loadChartFolder('chart', readFolder(folder)));
      } catch (e) {
        // Helm refuses this folder too, in the same words.
        expect(e).toBeInstanceOf(SignError);
        expect('error' in helm ? helm.error : 'helm packaged it').toBe((e as Error).message);
        return;
      }
      if ('error' in helm) throw new Error(`Helm refused what we packaged: ${helm.error}`);
      expect(ours.fileName).toBe(helm.path.slice(helm.path.lastIndexOf('/') + 1));
      const theirs = new Uint8Array(await readFile(helm.path));
      expect(Buffer.from(gunzipSync(ours.archive)).equals(gunzipSync(theirs))).toBe(true);
      expect(Buffer.from(ours.tar).equals(gunzipSync(theirs))).toBe(true);
      expect([...gzipHeader(ours.archive)]).toEqual([...gzipHeader(theirs)]);
      const mine = join(dir, 'ours', ours.fileName);
      await mkdir(join(dir, 'ours'));
      await writeFile(mine, ours.archive);
      expect(await tarList(mine)).toEqual(await tarList(helm.path));
      for (const what of [
        ['show', 'chart'],
        ['show', 'values'],
        ['template', 'rel'],
      ]) {
        expect(await show(what, mine, dir)).toBe(await show(what, helm.path, dir));
      }
    },
    LONG,
  );
});

/** A chart folder from a map of path -> text; returns its path. */
async function makeFolder(name: string, files: Record<string, string>): Promise<string> {
  const folder = join(work, 'refused', name);
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(folder, path, '..'), { recursive: true });
    await writeFile(join(folder, path), text);
  }
  if (!existsSync(folder)) await mkdir(folder, { recursive: true });
  return folder;
}

const CHART = 'apiVersion: v2\nname: c\nversion: 1.0.0\n';
const REFUSED: [string, Record<string, string>][] = [
  ['no Chart.yaml', { 'values.yaml': 'a: 1\n' }],
  ['no name', { 'Chart.yaml': 'apiVersion: v2\nversion: 1.0.0\n' }],
  ['no version', { 'Chart.yaml': 'apiVersion: v2\nname: c\n' }],
  ['a version that is no semver', { 'Chart.yaml': 'apiVersion: v2\nname: c\nversion: one\n' }],
  ['a name with a slash', { 'Chart.yaml': 'apiVersion: v2\nname: a/b\nversion: 1.0.0\n' }],
  ['name ..', { 'Chart.yaml': 'apiVersion: v2\nname: ..\nversion: 1.0.0\n' }],
  ['apiVersion v3', { 'Chart.yaml': 'apiVersion: v3\nname: c\nversion: 1.0.0\n' }],
  ['apiVersion v9', { 'Chart.yaml': 'apiVersion: v9\nname: c\nversion: 1.0.0\n' }],
  ['a bad type', { 'Chart.yaml': `${CHART}type: plugin\n` }],
  ['maintainers as a string', { 'Chart.yaml': `${CHART}maintainers: me\n` }],
  ['deprecated as a string', { 'Chart.yaml': `${CHART}deprecated: "yes"\n` }],
  ['a null maintainer', { 'Chart.yaml': `${CHART}maintainers:\n  -\n` }],
  [
    'a dependency missing from charts/',
    { 'Chart.yaml': `${CHART}dependencies:\n  - name: d\n    repository: https://x\n` },
  ],
  ['a bad alias', { 'Chart.yaml': `${CHART}dependencies:\n  - name: d\n    alias: a.b\n` }],
  ['Chart.yaml that is not YAML', { 'Chart.yaml': 'name: c\n  version: [\n' }],
  ['Chart.yaml that is a string', { 'Chart.yaml': 'hello\n' }],
  ['values.yaml that is a list', { 'Chart.yaml': CHART, 'values.yaml': '- a\n' }],
  ['a schema that is not JSON', { 'Chart.yaml': CHART, 'values.schema.json': '{nope' }],
  ['a .helmignore with **', { 'Chart.yaml': CHART, '.helmignore': 'a/**\n' }],
  ['a .helmignore with a bad class', { 'Chart.yaml': CHART, '.helmignore': 'abc[\n' }],
  [
    'a negated folder rule (Helm ignores every file)',
    { 'Chart.yaml': CHART, '.helmignore': '!x/\n' },
  ],
  ['a stray file in charts/', { 'Chart.yaml': CHART, 'charts/README.md': 'hi\n' }],
];

describe("what helm package refuses, the core refuses with Helm's message", () => {
  it.each(REFUSED)(
    '%s',
    async (name, files) => {
      if (!bins) return;
      const folder = await makeFolder(name.replace(/\W+/g, '-'), files);
      const helm = await helmPackage(
        bins.helm4,
        folder,
        join(folder, '..', 'out'),
        join(work, 'refused'),
      );
      expect('error' in helm).toBe(true);
      const folderName = `${folder.slice(join(work, 'refused').length + 1)}`;
      let message = '';
      try {
        saveChart(loadChartFolder(folderName, readFolder(folder)));
      } catch (e) {
        message = (e as Error).message;
      }
      const theirs = (helm as { error: string }).error;
      if (name.includes('not YAML')) {
        // The YAML reader (src/core/yaml.ts) numbers lines its own way; the problem is Helm's.
        const problem = (m: string) => m.replace(/line \d+: /, '');
        expect(problem(message)).toBe(problem(theirs));
      } else {
        expect(message).toBe(theirs);
      }
    },
    LONG,
  );
});

describe('.helmignore as Helm applies it', () => {
  const IGNORE_CASES: [string, string][] = [
    ['base-name globs anywhere', '*.md\n'],
    ['anchored and structural rules', '/docs\nsub/*.txt\n'],
    ['folder-only rules', 'keep/\ndocs/\n'],
    ['negation after a glob', '*.txt\n!keep.txt\n'],
    ['negation first', '!*.yaml\n'],
    ['comments, blank lines, classes and escapes', '# c\n\n[a-c].txt\n\\#hash\n'],
  ];
  it.each(IGNORE_CASES)(
    '%s',
    async (name, rules) => {
      if (!bins) return;
      const folder = await makeFolder(`ignore-${name.replace(/\W+/g, '-')}`, {
        'Chart.yaml': CHART,
        '.helmignore': rules,
        'README.md': 'r\n',
        'a.txt': 'a\n',
        'keep.txt': 'k\n',
        '#hash': 'h\n',
        'docs/guide.md': 'g\n',
        'docs/x.txt': 'x\n',
        'sub/x.txt': 'x\n',
        'sub/y.yaml': 'y\n',
        'keep/file': 'f\n',
        'templates/.hidden': 'h\n',
        'templates/t.yaml': 'kind: x\n',
      });
      const helm = await helmPackage(bins.helm4, folder, join(folder, '..', `${name}-out`), work);
      if ('error' in helm) {
        // A negated rule ignores every file it does not match, Chart.yaml too: Helm's quirk.
        expect(() => loadChartFolder('c', readFolder(folder))).toThrow(helm.error);
        return;
      }
      const ours = saveChart(loadChartFolder('c', readFolder(folder)));
      expect(Buffer.from(ours.tar).equals(gunzipSync(await readFile(helm.path)))).toBe(true);
    },
    LONG,
  );
});

describe('chart shapes the fixtures do not have, packaged byte for byte as Helm does', () => {
  const LONG_DIR = `templates/${'deep/'.repeat(22)}`; // > 100 bytes: the USTAR name/prefix split
  const SHAPES: [string, Record<string, string | Uint8Array>][] = [
    [
      'a v1 chart: requirements.yaml and .lock kept as files, no dependencies in Chart.yaml',
      {
        'Chart.yaml': 'name: old\nversion: 0.1.0\ndescription: no apiVersion means v1\n',
        'requirements.yaml':
          'dependencies:\n  - name: dep\n    version: 1.0.0\n    repository: file://charts/dep\n',
        'requirements.lock':
          'dependencies: []\ndigest: sha256:abc\ngenerated: "2024-05-06T07:08:09.5Z"\n',
        'charts/dep/Chart.yaml': 'apiVersion: v2\nname: dep\nversion: 1.0.0\n',
      },
    ],
    [
      'a v2 chart with Chart.lock (re-rendered, its own time) and a schema',
      {
        'Chart.yaml': `${CHART}dependencies:\n  - name: dep\n    version: 1.0.0\n    repository: https://example.com/charts\n`,
        'Chart.lock':
          'dependencies:\n- name: dep\n  repository: https://example.com/charts\n  version: 1.0.0\ndigest: sha256:0123\ngenerated: "2023-01-02T03:04:05.678900+02:00"\n',
        'values.schema.json': '{"type": "object"}\n',
        'charts/dep/Chart.yaml': 'apiVersion: v2\nname: dep\nversion: 1.0.0\n',
        'charts/dep/values.yaml': 'x: 1\n',
      },
    ],
    [
      'long and non-ASCII names (USTAR prefix, PAX path), a BOM, CRLF, a dotfile in templates/',
      {
        'Chart.yaml': CHART,
        'values.yaml': '\ufeffa: 1\r\nb: 2\r\n',
        [`${LONG_DIR}cm.yaml`]: 'kind: ConfigMap\n',
        'templates/größe-ü.yaml': 'kind: Secret\n',
        'templates/.hidden.yaml': 'left out by Helm\n',
        'files/naïve.txt': 'x\n',
      },
    ],
  ];
  it.each(SHAPES)(
    '%s',
    async (name, files) => {
      if (!bins) return;
      const folder = await makeFolder(
        `shape-${name.slice(0, 20).replace(/\W+/g, '-')}`,
        files as Record<string, string>,
      );
      const helm = await helmPackage(
        bins.helm4,
        folder,
        join(folder, '..', `${name.slice(0, 10)}-out`),
        work,
      );
      if ('error' in helm) throw new Error(helm.error);
      const ours = saveChart(loadChartFolder('c', readFolder(folder)));
      const theirs = gunzipSync(await readFile(helm.path));
      expect(Buffer.from(ours.tar).equals(theirs)).toBe(true);
    },
    LONG,
  );

  it(
    'a subchart given as charts/NAME-VERSION.tgz is unpacked into charts/NAME/, as Helm does',
    async () => {
      if (!bins) return;
      const dep = await makeFolder('tgz-dep/dep', {
        'Chart.yaml': 'apiVersion: v2\nname: dep\nversion: 2.0.0\n',
        'values.yaml': 'y: 2\n',
      });
      const parent = await makeFolder('tgz-parent', {
        'Chart.yaml': `${CHART}dependencies:\n  - name: dep\n    version: 2.0.0\n    repository: https://example.com\n`,
      });
      const sub = await helmPackage(bins.helm4, dep, join(parent, 'charts'), work);
      if ('error' in sub) throw new Error(sub.error);
      const helm = await helmPackage(bins.helm4, parent, join(work, 'refused', 'tgz-out'), work);
      if ('error' in helm) throw new Error(helm.error);
      const ours = saveChart(loadChartFolder('c', readFolder(parent)));
      expect(Buffer.from(ours.tar).equals(gunzipSync(await readFile(helm.path)))).toBe(true);
      expect(await tarList(helm.path)).toContain('c/charts/dep/Chart.yaml');
    },
    LONG,
  );
});
