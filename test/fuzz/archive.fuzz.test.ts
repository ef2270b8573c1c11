// Fuzz: readChartArchive (src/core/chart-archive.ts) on hostile archives. Whatever the bytes
// and limits, it returns a well-formed listing or throws an ArchiveError (reason not-gzip,
// truncated or corrupt), and each case finishes within CASE_BOUND_MS (2 s).
// Inputs: every corpus .tgz (and the shipped sample) mutated as gzip bytes; their tar streams
// mutated and re-gzipped (header checksums optionally repaired, so mutations get past the
// checksum check); tar streams built from a small grammar (ustar, PAX, GNU long names,
// links, devices, odd sizes and end markers); random bytes.
//
// Case counts: small with a fixed seed in `npm test`; FUZZ_RUNS=10000 (scripts/fuzz-nightly.sh)
// runs 10,000 cases per property; FUZZ_SEED=n changes the seed (default 42). See helpers.ts.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzip, ungzip } from 'pako';
import { describe, expect, it } from 'vitest';
import {
  ArchiveError,
  readChartArchive,
  type ArchiveLimits,
  type ArchiveListing,
} from '../../src/core/chart-archive';
import { FIXTURES } from '../fixtures';
import { SAMPLE_DIR } from '../pgp-factory';
import {
  applyOps,
  assertOptions,
  byteOp,
  CASE_BOUND_MS,
  CaseLog,
  corpusFilesEnding,
  fc,
  fuzzRuns,
  hugeLineOp,
  opsArb,
  preview,
  timeoutFor,
  utf8,
} from './helpers';

const ARCHIVES = [
  ...corpusFilesEnding('.tgz').values(),
  new Uint8Array(readFileSync(join(FIXTURES, 'helm/hashtest-1.2.3.tgz'))),
  new Uint8Array(readFileSync(join(FIXTURES, 'helm/signtest-0.1.0.tgz'))),
  new Uint8Array(readFileSync(join(SAMPLE_DIR, 'podinfo-lite-1.2.0.tgz'))),
];
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
        expect(e.message.length, what()).toBeGreaterThan(0);
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
      listing.warnings.every((w) => typeof w === 'string' && w.length > 0),
      what(),
    ).toBe(true);
    for (const v of [listing.helmReject, listing.tooLarge, listing.topFolder]) {
      expect(v === null || typeof v === 'string', what()).toBe(true);
    }
    if (listing.tooLarge) return 'listing (too large)';
    return listing.helmReject ? 'listing (Helm rejects)' : 'listing (Helm loads)';
  });
  log.count(outcome);
  expect(ms, `readChartArchive took ${ms.toFixed(0)} ms ${what()}`).toBeLessThan(CASE_BOUND_MS);
}

function fuzz<T>(
  name: string,
  runs: number,
  input: fc.Arbitrary<T>,
  toBytes: (t: T) => Uint8Array,
): CaseLog {
  const log = new CaseLog(name);
  try {
    fc.assert(
      fc.property(input, limitsArb, (t, limits) => check(log, toBytes(t), limits)),
      assertOptions(runs),
    );
  } finally {
    log.print();
  }
  return log;
}

// ---- tar building ----

const BLOCK = 512;

/** Rewrites the checksum of every block that looks like a ustar header. */
function fixChecksums(tar: Uint8Array): Uint8Array {
  const out = tar.slice();
  for (let pos = 0; pos + BLOCK <= out.length; pos += BLOCK) {
    if (String.fromCharCode(...out.subarray(pos + 257, pos + 262)) !== 'ustar') continue;
    writeChecksum(out, pos);
  }
  return out;
}

function writeChecksum(buf: Uint8Array, pos: number): void {
  buf.fill(0x20, pos + 148, pos + 156);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += buf[pos + i]!;
  buf.set(utf8(`${sum.toString(8).padStart(6, '0')}\0 `), pos + 148);
}

/** Entry data: bytes, text, or a long run of one character (kept short in failure output). */
type DataSpec = Uint8Array | string | { run: string; n: number; tail: string };

const dataBytes = (d: DataSpec): Uint8Array =>
  d instanceof Uint8Array ? d : utf8(typeof d === 'string' ? d : d.run.repeat(d.n) + d.tail);

interface EntrySpec {
  name: string;
  typeflag: string;
  data: DataSpec;
  /** Replaces the octal size field (e.g. garbage, base-256, a lie). */
  sizeField: Uint8Array | null;
  link: string;
  prefix: string;
}

function header(e: EntrySpec, size: number): Uint8Array {
  const h = new Uint8Array(BLOCK);
  const put = (s: string | Uint8Array, at: number, len: number) =>
    h.set((typeof s === 'string' ? utf8(s) : s).subarray(0, len), at);
  put(e.name, 0, 100);
  put('0000644\0', 100, 8);
  put('0001750\0', 108, 8);
  put('0001750\0', 116, 8);
  put(e.sizeField ?? `${size.toString(8).padStart(11, '0')}\0`, 124, 12);
  put('14750001234\0', 136, 12);
  put(e.typeflag, 156, 1);
  put(e.link, 157, 100);
  put('ustar\0' + '00', 257, 8);
  put(e.prefix, 345, 155);
  writeChecksum(h, 0);
  return h;
}

function tarOf(entries: EntrySpec[], end: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const e of entries) {
    const data = dataBytes(e.data);
    parts.push(
      header(e, data.length),
      data,
      new Uint8Array((BLOCK - (data.length % BLOCK)) % BLOCK),
    );
  }
  parts.push(end);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** A PAX record "%d %s=%s\n" with a correct length, or a deliberately broken one. */
const paxRecord = fc
  .record({
    key: fc.constantFrom('path', 'linkpath', 'size', 'mtime', 'uid', 'comment', '', '=x'),
    value: fc.oneof(
      fc.constantFrom('chart/Chart.yaml', '../x', '/abs', 'é/ü', '1', '-1', '1e400', '0x10'),
      fc.constantFrom(' 12', '99999999999999999999', 'NaN', '1.5', ''),
      fc.string({ unit: 'binary', maxLength: 20 }),
    ),
    broken: fc.oneof(
      { weight: 4, arbitrary: fc.constant(null) },
      {
        weight: 1,
        arbitrary: fc.constantFrom('short', 'long', 'no-newline', 'digits', 'no-space'),
      },
    ),
  })
  .map(({ key, value, broken }) => {
    const body = `${key}=${value}\n`;
    const bodyLen = utf8(body).length;
    let n = bodyLen + 2;
    while (String(n).length + 1 + bodyLen !== n) n = String(n).length + 1 + bodyLen;
    switch (broken) {
      case 'short':
        return `${n - 1} ${body}`;
      case 'long':
        return `${n + 5} ${body}`;
      case 'no-newline':
        return `${n} ${body.slice(0, -1)}x`;
      case 'digits':
        return `${'9'.repeat(12)} ${body}`;
      case 'no-space':
        return `${n}${body}`;
      default:
        return `${n} ${body}`;
    }
  });

const entrySpec: fc.Arbitrary<EntrySpec> = fc.record({
  name: fc.oneof(
    fc.constantFrom(
      'chart/Chart.yaml',
      'chart/values.yaml',
      'chart/templates/a.yaml',
      'chart/charts/sub.tgz',
      'chart/',
      'chart',
      'Chart.yaml',
      '../evil',
      'chart/../../evil',
      '/abs/path',
      'C:/win',
      'chart\\win\\Chart.yaml',
      './chart/x',
      '././@LongLink',
      'é/ü',
      '',
    ),
    fc.string({ unit: 'binary-ascii', maxLength: 110 }),
  ),
  typeflag: fc.constantFrom(
    '0',
    '0',
    '0',
    '5',
    '2',
    '1',
    'x',
    'g',
    'L',
    'K',
    '3',
    '4',
    '6',
    '7',
    'S',
    'Z',
    '\0',
  ),
  data: fc.oneof(
    { weight: 3, arbitrary: fc.uint8Array({ maxLength: 600 }) as fc.Arbitrary<DataSpec> },
    { weight: 2, arbitrary: fc.array(paxRecord, { maxLength: 4 }).map((r) => r.join('')) },
    { weight: 1, arbitrary: fc.constantFrom('\ufeffname: x\n', 'chart/long/name\0', '') },
    {
      // A long run, e.g. a PAX length field that goes on and on before its space.
      weight: 1,
      arbitrary: fc.record({
        run: fc.constantFrom('9', 'a', '0', ' '),
        n: fc.integer({ min: 1, max: 300_000 }),
        tail: fc.constantFrom(' path=x\n', '', '\n'),
      }),
    },
  ),
  sizeField: fc.oneof(
    { weight: 6, arbitrary: fc.constant(null) },
    {
      weight: 1,
      arbitrary: fc
        .oneof(
          fc.constantFrom('77777777777\0', '00000000000\0', '-1\0', 'zzzz\0', '  12  \0', '\0'),
          fc.nat().map((n) => `${n.toString(8)}\0`),
        )
        .map(utf8),
    },
    {
      weight: 1,
      arbitrary: fc.uint8Array({ minLength: 12, maxLength: 12 }).map((b) => {
        b[0] = 0x80; // GNU base-256
        return b;
      }),
    },
  ),
  link: fc.constantFrom(
    '',
    'target',
    '../../etc/passwd',
    '/etc/passwd',
    'C:\\x',
    'chart/values.yaml',
  ),
  prefix: fc.constantFrom('', '', '', 'chart', '/abs', '..', 'p'.repeat(155)),
});

const tarEnd = fc.constantFrom(
  new Uint8Array(1024),
  new Uint8Array(512),
  new Uint8Array(0),
  new Uint8Array(700),
  Uint8Array.of(...new Uint8Array(512), 1, ...new Uint8Array(511)),
  Uint8Array.of(...new Uint8Array(1024), 7, 7, 7),
);

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
