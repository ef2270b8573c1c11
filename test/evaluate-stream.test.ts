// How evaluate hands out its work: cards one by one, progress while unpacking, timings,
// limits, and stopping when a newer request makes the work pointless.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { evaluate, type InputFile } from '../src/core/verdict/evaluate';
import { readContents } from '../src/core/archive/contents';
import { contentsProblemWords } from '../src/core/verdict/words';
import { FIXTURES, fixtureBytes, loadManifest } from './fixtures';
import { MiB, utf8Env } from './tar-listing';
import { tar, zeros } from './tar-builder';

const verified = loadManifest().filter((c) => c.expect.status === 'verified');

/** Every verified fixture case as one drop: many charts, their provs and keys. */
function repository(): InputFile[] {
  const seen = new Set<string>();
  const files: InputFile[] = [];
  for (const c of verified) {
    for (const name of c.files) {
      if (seen.has(name)) continue; // a few cases share names (keys); keep the first
      seen.add(name);
      files.push({ id: `${c.id}/${name}`, name, bytes: fixtureBytes(c, name), origin: 'dropped' });
    }
  }
  return files;
}

/** A tar.gz whose one file inflates to `size` bytes of zeros. */
const bigChart = (size: number) => gzipSync(tar(zeros('big/values.yaml', size)), { level: 1 });

describe('evaluate, streamed', () => {
  it('hands out each card as soon as it is decided, in plan order, with its timings', async () => {
    const files = repository();
    const seen: string[] = [];
    let planned: string[] = [];
    const cards = await evaluate(files, {
      onPlan: (p) => (planned = p.map((c) => c.id)),
      onCard: (card) => seen.push(card.id),
    });
    // The returned cards keep the plan's order; the handed-out ones put the archives paired
    // by name first (they need no other archive's hash), in plan order, then the rest.
    expect(cards.map((c) => c.id).slice(0, planned.length)).toEqual(planned);
    expect([...seen].sort()).toEqual(cards.map((c) => c.id).sort());
    const byName = new Set(cards.filter((c) => c.prov === `${c.archive}.prov`).map((c) => c.id));
    expect(byName.size).toBeGreaterThan(5);
    expect(seen.slice(0, byName.size)).toEqual(planned.filter((id) => byName.has(id)));
    expect(cards.length).toBeGreaterThan(5);
    for (const c of cards.filter((c) => c.archive)) {
      expect(Object.keys(c.verdict.timings)).toEqual(
        expect.arrayContaining(['keys', 'hash', 'unpack', 'verify']),
      );
    }
  });

  it('stops between steps once its signal is aborted', async () => {
    const files = repository();
    const controller = new AbortController();
    const seen: string[] = [];
    const run = evaluate(files, {
      signal: controller.signal,
      onCard: (card) => {
        seen.push(card.id);
        if (seen.length === 2) controller.abort();
      },
    });
    await expect(run).rejects.toThrow(/abort/i);
    expect(seen).toHaveLength(2);
  });

  it('applies the given limits when reading contents; past them only browsing stops', async () => {
    const gz = bigChart(3 * MiB);
    const files: InputFile[] = [{ id: 'a', name: 'big-1.0.0.tgz', bytes: gz, origin: 'dropped' }];
    const small = await evaluate(files, {
      contents: () => readContents(gz, { limits: { maxTotal: MiB } }),
    });
    expect(small[0]!.verdict.status).toBe('unsigned');
    expect(small[0]!.listing?.tooLarge).toEqual({ limit: MiB });
    const raised = await evaluate(files, {
      contents: () => readContents(gz, { limits: { maxTotal: 8 * MiB, maxFile: 8 * MiB } }),
    });
    expect(raised[0]!.verdict.status).toBe('unsigned');
    expect(raised[0]!.listing?.tooLarge).toBeNull();
  });
});

describe('readContents', () => {
  it('reports progress on a big archive and can be stopped part way', async () => {
    const gz = bigChart(60 * MiB);
    const fractions: number[] = [];
    const whole = await readContents(gz, {
      limits: { maxTotal: 200 * MiB },
      onProgress: (x) => fractions.push(x),
    });
    expect(whole.listing?.entries.map((e) => e.path)).toEqual(['big/values.yaml']);
    expect(whole.tooLarge).toBeNull();
    expect(fractions.length).toBeGreaterThan(0);
    expect(fractions.every((x, i) => x > 0 && x <= 1 && (i === 0 || x >= fractions[i - 1]!))).toBe(
      true,
    );

    const controller = new AbortController();
    const stopped = readContents(gz, {
      limits: { maxTotal: 200 * MiB },
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(stopped).rejects.toThrow(/abort/i);
  });

  it('says what is wrong with an archive it cannot read, without throwing', async () => {
    const notGzip = await readContents(new TextEncoder().encode('<html>404</html>'));
    expect(contentsProblemWords(notGzip)).toMatch(/Not a gzip archive/);
    const gz = bigChart(1000);
    const cut = await readContents(gz.subarray(0, gz.length - 20));
    expect(contentsProblemWords(cut)).toMatch(/truncated/);
    // What came before the cut is still listed, as tar tzf lists it before it stops.
    expect(cut.listing?.entries.map((e) => e.path)).toEqual(['big/values.yaml']);
  });
});

describe('a cut-short or corrupt archive', () => {
  // What `gzip -dc | tar tf -` prints before it stops (it exits non-zero, the lines stand).
  const tarPrefix = (gz: Uint8Array) => {
    const unzipped = spawnSync('gzip', ['-dc'], { input: gz, maxBuffer: 256 * MiB }).stdout;
    const listed = spawnSync('tar', ['tf', '-'], { input: unzipped, env: utf8Env }).stdout;
    return listed
      .toString('utf8')
      .split('\n')
      .filter(Boolean)
      .map((p) => p.replace(/\/+$/, ''));
  };
  const cases = [
    join(FIXTURES, 'generated/archive-truncated/truncated-1.0.0.tgz'),
    ...['c27', 'c28', 'c53'].flatMap((c) => {
      const dir = resolve(FIXTURES, '../realworld/cases', c);
      return existsSync(dir)
        ? readdirSync(dir)
            .filter((f) => f.endsWith('.tgz'))
            .map((f) => join(dir, f))
        : [];
    }),
  ];
  for (const path of cases) {
    it(`lists what tar lists before it stops: ${path.split('/').slice(-2).join('/')}`, async () => {
      const gz = new Uint8Array(readFileSync(path));
      const contents = await readContents(gz);
      expect(contentsProblemWords(contents)).toMatch(/truncated|corrupt/);
      const expected = tarPrefix(gz);
      expect(expected.length).toBeGreaterThan(0);
      expect(contents.listing?.entries.map((e) => e.path)).toEqual(expected);
    });
  }
});
