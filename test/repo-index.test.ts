// A dropped repository index.yaml: parsing, matching archives to entries, the summary; and
// the batch table's rows (filter, sort).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { evaluate, type DropSummary, type InputFile } from '../src/core/verdict/evaluate';
import { parseRepoIndex, RepoIndexError } from '../src/core/repo/repo-index';
import { repoIndexProblemWords } from '../src/core/verdict/words';
import { roleOf } from '../src/core/verdict/pairing';
import { rowOf, visibleRows } from '../src/ui/batch/batch-model';
import { fixtureBytes, loadManifest } from './fixtures';

const enc = (s: string) => new TextEncoder().encode(s);
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

const indexYaml = (entries: { name: string; version: string; digest?: string; url: string }[]) =>
  enc(
    'apiVersion: v1\nentries:\n' +
      entries
        .map(
          (e) =>
            `  ${e.name}:\n  - name: ${e.name}\n    version: ${e.version}\n` +
            (e.digest ? `    digest: ${e.digest}\n` : '') +
            `    urls:\n    - ${e.url}\n`,
        )
        .join('') +
      'generated: "2026-01-01T00:00:00Z"\n',
  );

describe('repository index', () => {
  it('is told apart from keys, and a folder README is left alone', () => {
    expect(roleOf('index.yaml', enc('apiVersion: v1\nentries: {}\n'))).toBe('index');
    expect(roleOf('README.md', enc('# charts'))).toBe('other');
    expect(roleOf('key.txt', enc('-----BEGIN PGP PUBLIC KEY BLOCK-----'))).toBe('key');
    expect(roleOf('pubring.kbx', new Uint8Array([0, 0, 0, 32, 1]))).toBe('key');
  });

  it('says plainly when the file is not an index', () => {
    const words = (text: string) => {
      try {
        parseRepoIndex('index.yaml', enc(text));
      } catch (e) {
        if (e instanceof RepoIndexError) return repoIndexProblemWords(e.problem);
        throw e;
      }
      return 'no error';
    };
    expect(words('just: text\n')).toMatch(/no "entries:" map/);
    expect(words('entries: [\n')).toMatch(/not valid YAML/);
  });

  it('checks each archive against its digest and lists what is missing either way', async () => {
    const byChart = new Map(
      loadManifest()
        .filter((c) => c.expect.status === 'verified')
        .map((c) => [c.expect.chart!.split('@')[0], c]),
    );
    const verified = [...byChart.values()].slice(0, 3); // three different charts
    const files: InputFile[] = [];
    const entries = [];
    for (const [i, c] of verified.entries()) {
      for (const name of c.files) {
        const bytes = fixtureBytes(c, name);
        files.push({ id: `${i}/${name}`, name: `${i}-${name}`, bytes, origin: 'dropped' });
        if (name.endsWith('.tgz')) {
          const [chartName, version] = c.expect.chart!.split('@') as [string, string];
          // The second entry's digest is wrong on purpose.
          const digest = i === 1 ? 'ab'.repeat(32) : sha256(bytes);
          entries.push({ name: chartName, version, digest, url: `https://x.test/${i}-${name}` });
        }
      }
    }
    entries.push({ name: 'ghost', version: '9.9.9', url: 'ghost-9.9.9.tgz' });
    files.push({ id: 'idx', name: 'index.yaml', bytes: indexYaml(entries), origin: 'dropped' });
    files.push({ id: 'readme', name: 'README.md', bytes: enc('# my charts'), origin: 'dropped' });
    let summary: DropSummary | null = null;
    const cards = await evaluate(files, { onSummary: (s) => (summary = s) });
    expect(cards.map((c) => c.verdict.status)).toEqual(['verified', 'verified', 'verified']);
    expect(cards.map((c) => c.index?.state)).toEqual(['match', 'mismatch', 'match']);
    expect(summary).toEqual({
      index: {
        name: 'index.yaml',
        entries: 4,
        missing: ['ghost@9.9.9'],
        unlisted: [],
        mismatched: [cards[1]!.archive],
      },
      indexError: null,
      ignored: ['README.md'],
    });

    const rows = cards.map((c) => rowOf({ ...c, listing: null }));
    expect(
      visibleRows(rows, 'all', { column: 'index', descending: false }).map((r) => r.index),
    ).toEqual(['match', 'match', 'mismatch']);
    expect(visibleRows(rows, 'failed', { column: 'chart', descending: false })).toEqual([]);
  });
});
