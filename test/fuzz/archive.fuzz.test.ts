// Fuzz: readChartArchive (src/core/archive/chart-archive.ts) on hostile archives. Whatever the bytes
// and limits, it returns a well-formed listing or throws an ArchiveError (reason not-gzip,
// truncated or corrupt), and each case finishes within CASE_BOUND_MS (2 s).
// Inputs: every corpus .tgz (and the shipped sample) mutated as gzip bytes; their tar streams
// mutated and re-gzipped (header checksums optionally repaired, so mutations get past the
// checksum check); tar streams built from a small grammar (ustar, PAX, GNU long names,
// links, devices, odd sizes and end markers); random bytes.
//
// Case counts: small with a fixed seed in `npm test`; FUZZ_RUNS=10000 (scripts/fuzz-nightly.sh)
// runs 10,000 cases per property; FUZZ_SEED=n changes the seed (default 42). See helpers.ts.

import { gzip, ungzip } from 'pako';
import { describe, expect, it } from 'vitest';
import {
  ArchiveError,
  readChartArchive,
  type ArchiveLimits,
  type ArchiveListing,
} from '../../src/core/archive/chart-archive';
import { gzipProblemWords, listingWarningWords, tooLargeWords } from '../../src/core/verdict/words';
import {
  applyOps,
  byteOp,
  CaseLog,
  corpusArchives,
  fc,
  fuzzProperty,
  fuzzRuns,
  hugeLineOp,
  opsArb,
  preview,
  timeoutFor,
} from './helpers';
import { entrySpec, fixChecksums, tarEnd, tarOf } from './tar-grammar';

const ARCHIVES = corpusArchives();
/** The tar streams inside the archives that are gzip (some corpus archives are not). */
const TARS = ARCHIVES.flatMap((a) => {
  try {
    return [ungzip(a)];
  } catch {
    return [];
  }
});

const REASONS = ['not-gzip', 'truncated', 'corrupt'];
const TYPES = ['file', 'dir', 'symlink', 'hardlink', 'other'];

const limitsArb: fc.Arbitrary<Partial<ArchiveLimits>> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({}) },
  {
    weight: 2,
    arbitrary: fc.record(
      {
        maxTotal: fc.constantFrom(1, 511, 512, 1024, 4096, 65536),
        maxFile: fc.constantFrom(0, 1, 100, 4096),
      },
      { requiredKeys: [] },
    ),
  },
);

function check(log: CaseLog, gz: Uint8Array, limits: Partial<ArchiveLimits>): void {
  const what = () => `with limits ${JSON.stringify(limits)} on ${preview(gz, 120)}`;
  const { value: outcome, ms } = log.time((): string => {
    let listing: ArchiveListing;
    try {
      listing = readChartArchive(gz, limits);
    } catch (e) {
      if (e instanceof ArchiveError) {
        expect(REASONS, what()).toContain(e.reason);
        expect(gzipProblemWords(e.problem).length, what()).toBeGreaterThan(0);
        return `ArchiveError ${e.reason}`;
      }
      throw new Error(`readChartArchive threw a non-ArchiveError ${what()}`, { cause: e });
    }
    const maxFile = limits.maxFile ?? Infinity;
    for (const e of listing.entries) {
      expect(typeof e.path, what()).toBe('string');
      expect(TYPES, what()).toContain(e.type);
      expect(Number.isSafeInteger(e.size) && e.size >= 0, what()).toBe(true);
      if (e.data) {
        expect(e.type, what()).toBe('file');
        expect(e.data.length, what()).toBeLessThanOrEqual(Math.min(e.size, maxFile));
      }
    }
    expect(
      listing.warnings.every((w) => listingWarningWords(w).length > 0),
      what(),
    ).toBe(true);
    for (const v of [listing.helmReject, listing.topFolder]) {
      expect(v === null || typeof v === 'string', what()).toBe(true);
    }
    if (listing.tooLarge) expect(tooLargeWords(listing.tooLarge).length, what()).toBeGreaterThan(0);
    if (listing.tooLarge) return 'listing (too large)';
    return listing.helmReject ? 'listing (Helm rejects)' : 'listing (Helm loads)';
  });
  log.count(outcome);
  log.expectWithinBound(ms, `readChartArchive ${what()}`);
}

/** Each case: an input, and limits to read it with. */
function fuzz<T>(
  name: string,
  runs: number,
  input: fc.Arbitrary<T>,
  toBytes: (t: T) => Uint8Array,
): CaseLog {
  return fuzzProperty(name, runs, fc.tuple(input, limitsArb), ([t, limits], log) =>
    check(log, toBytes(t), limits),
  );
}

const gz = (tar: Uint8Array, level: number) => gzip(tar, { level: level as 0 | 1 | 6 | 9 });

describe('fuzz chart-archive', () => {
  it('has a corpus to mutate, and reads it unmutated', () => {
    expect(ARCHIVES.length).toBeGreaterThan(20);
    expect(TARS.length).toBeGreaterThan(20);
    const log = new CaseLog('chart-archive (corpus, unmutated)');
    for (const a of ARCHIVES) check(log, a, {});
    expect(log.tally.get('listing (Helm loads)') ?? 0).toBeGreaterThan(20);
  });

  const gzRuns = fuzzRuns(300);
  it(
    'mutated gzip bytes',
    () => {
      const input = fc.record({
        base: fc.nat(ARCHIVES.length - 1),
        ops: opsArb(byteOp(ARCHIVES.length), 4),
      });
      fuzz('chart-archive (mutated gzip)', gzRuns, input, (m) =>
        applyOps(ARCHIVES[m.base]!, m.ops, ARCHIVES),
      );
    },
    timeoutFor(gzRuns, 20),
  );

  const tarRuns = fuzzRuns(300);
  it(
    'mutated tar streams, re-gzipped',
    () => {
      const input = fc.record({
        base: fc.nat(TARS.length - 1),
        ops: opsArb(
          fc.oneof(
            { weight: 8, arbitrary: byteOp(TARS.length) },
            { weight: 1, arbitrary: hugeLineOp({ maxBytes: 256 * 1024 }) },
          ),
          6,
        ),
        fix: fc.boolean(),
        level: fc.constantFrom(0, 1, 6, 9),
      });
      const log = fuzz('chart-archive (mutated tar)', tarRuns, input, (m) => {
        const tar = applyOps(TARS[m.base]!, m.ops, TARS);
        return gz(m.fix ? fixChecksums(tar) : tar, m.level);
      });
      expect(log.tally.get('listing (Helm loads)') ?? 0).toBeGreaterThan(0);
      expect(log.tally.get('listing (Helm rejects)') ?? 0).toBeGreaterThan(0);
    },
    timeoutFor(tarRuns, 20),
  );

  const builtRuns = fuzzRuns(300);
  it(
    'tar streams from a grammar (ustar, PAX, GNU long names, links, odd sizes)',
    () => {
      const input = fc.record({
        entries: fc.array(entrySpec, { maxLength: 6 }),
        end: tarEnd,
        members: fc.integer({ min: 1, max: 2 }),
        trailing: fc.constantFrom(new Uint8Array(0), Uint8Array.of(0), Uint8Array.of(1, 2, 3)),
      });
      const log = fuzz('chart-archive (built tar)', builtRuns, input, (t) => {
        const one = gz(tarOf(t.entries, t.end), 6);
        const all = new Uint8Array(one.length * t.members + t.trailing.length);
        for (let i = 0; i < t.members; i++) all.set(one, i * one.length);
        all.set(t.trailing, one.length * t.members);
        return all;
      });
      expect(log.tally.get('listing (Helm rejects)') ?? 0).toBeGreaterThan(0);
    },
    timeoutFor(builtRuns, 20),
  );

  const randomRuns = fuzzRuns(300);
  it(
    'random bytes, with and without a gzip header',
    () => {
      const input = fc.oneof(
        fc.uint8Array({ maxLength: 2048 }),
        fc.uint8Array({ maxLength: 2048 }).map((b) => Uint8Array.of(0x1f, 0x8b, 8, 0, ...b)),
        fc.uint8Array({ maxLength: 4096 }).map((b) => gz(b, 6)),
      );
      fuzz('chart-archive (random)', randomRuns, input, (b) => b);
    },
    timeoutFor(randomRuns, 20),
  );
});
