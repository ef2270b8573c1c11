// Properties of evaluate() on a genuinely signed chart (corpus case key-format-armored:
// keyformat-1.0.0.tgz + .prov + pub.asc), the promise a user relies on:
// - unmutated, it IS verified (so these properties can fail at all);
// - any single-byte change to the archive (substitution, insertion or deletion) is never
//   verified;
// - any single-byte change to the prov's signed text (between the blank line after the armor
//   headers and "-----BEGIN PGP SIGNATURE-----") that changes the text the signature covers is
//   never verified. Changes the cleartext rules ignore are left out: trailing spaces and tabs,
//   and CR/LF edits (line ends are canonicalized); a reference canonicalizer decides;
// - any single-byte change anywhere in the prov (headers and signature block too) that still
//   verifies shows exactly the genuine signed text, file hash and chart.
//
// Case counts: ~100 per property with a fixed seed in `npm test`; FUZZ_RUNS=10000
// (scripts/fuzz-nightly.sh) runs 10,000 per property; FUZZ_SEED=n changes the seed (default
// 42). See helpers.ts.

import { describe, expect, it } from 'vitest';
import { evaluate, type InputFile } from '../../src/core/verdict/evaluate';
import type { Verdict } from '../../src/core/verdict/types';
import {
  corpusFile,
  fc,
  fuzzAsyncProperty,
  fuzzRuns,
  silenceYamlWarnings,
  timeoutFor,
} from './helpers';

const DIR = 'key-format-armored';
const ARCHIVE_NAME = 'keyformat-1.0.0.tgz';
const TGZ = corpusFile(`${DIR}/${ARCHIVE_NAME}`);
const PROV = corpusFile(`${DIR}/${ARCHIVE_NAME}.prov`);
const KEY = corpusFile(`${DIR}/pub.asc`);

const LF = 0x0a;
const CR = 0x0d;

async function judge(tgz: Uint8Array, prov: Uint8Array): Promise<Verdict> {
  const files: InputFile[] = [
    { id: 'archive', name: ARCHIVE_NAME, bytes: tgz, origin: 'dropped' },
    { id: 'prov', name: `${ARCHIVE_NAME}.prov`, bytes: prov, origin: 'dropped' },
    { id: 'key', name: 'pub.asc', bytes: KEY, origin: 'dropped' },
  ];
  const cards = await evaluate(files);
  expect(cards).toHaveLength(1);
  return cards[0]!.verdict;
}

const outcome = (v: Verdict) => `${v.status}${v.reason ? `/${v.reason}` : ''}`;

/** Byte offsets of the signed text in PROV: [start, end), end at the LF before the signature. */
function signedRegion(prov: Uint8Array): [number, number] {
  if (prov.some((b) => b > 0x7f)) throw new Error('the fixture prov is expected to be ASCII');
  const text = new TextDecoder().decode(prov);
  const header = text.indexOf('-----BEGIN PGP SIGNED MESSAGE-----\n');
  const start = text.indexOf('\n\n', header) + 2;
  const end = text.indexOf('\n-----BEGIN PGP SIGNATURE-----');
  if (header < 0 || start < 2 || end < start) throw new Error('unexpected fixture prov layout');
  return [start, end];
}

/**
 * The text a cleartext signature covers (RFC 9580 §7.1), computed independently of
 * src/core/prov/prov.ts: dash-escapes removed, trailing spaces and tabs dropped, line ends as LF.
 */
function canonical(region: Uint8Array): string {
  return new TextDecoder()
    .decode(region)
    .split(/\r\n|\r|\n/)
    .map((l) => (l.startsWith('- ') ? l.slice(2) : l).replace(/[ \t]+$/, ''))
    .join('\n');
}

type Edit =
  | { k: 'set'; at: number; v: number }
  | { k: 'insert'; at: number; v: number }
  | { k: 'delete'; at: number };

function applyEdit(bytes: Uint8Array, e: Edit): Uint8Array {
  if (e.k === 'set') {
    const out = bytes.slice();
    out[e.at] = e.v;
    return out;
  }
  const out = new Uint8Array(bytes.length + (e.k === 'insert' ? 1 : -1));
  out.set(bytes.subarray(0, e.at));
  if (e.k === 'insert') {
    out[e.at] = e.v;
    out.set(bytes.subarray(e.at), e.at + 1);
  } else {
    out.set(bytes.subarray(e.at + 1), e.at);
  }
  return out;
}

/** One single-byte edit at an offset in [from, to): a substitution always changes the byte. */
function edit(bytes: Uint8Array, from: number, to: number): fc.Arbitrary<Edit> {
  const at = fc.integer({ min: from, max: to - 1 });
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc
        .tuple(at, fc.integer({ min: 1, max: 255 }))
        .map(([i, d]): Edit => ({ k: 'set', at: i, v: (bytes[i]! + d) & 0xff })),
    },
    { weight: 1, arbitrary: fc.record({ k: fc.constant('insert'), at, v: fc.nat(255) }) },
    { weight: 1, arbitrary: fc.record({ k: fc.constant('delete'), at }) },
  );
}

const touchesLineEnd = (bytes: Uint8Array, e: Edit) =>
  [bytes[e.at], e.k === 'delete' ? undefined : e.v].some((b) => b === LF || b === CR);

const [START, END] = signedRegion(PROV);
const SIGNED_TEXT = canonical(PROV.subarray(START, END));

describe('verdict properties: a change to what was signed is never verified', () => {
  silenceYamlWarnings();

  let genuine: Verdict;
  it('the unmutated chart is verified', async () => {
    genuine = await judge(TGZ, PROV);
    expect(outcome(genuine)).toBe('verified');
    expect(genuine.chart).toBe('keyformat@1.0.0');
    expect(genuine.prov?.body).toBe(SIGNED_TEXT);
    expect(canonical(PROV.subarray(START, END))).toContain('files:');
  });

  const archiveRuns = fuzzRuns(100);
  it(
    'any single-byte change to the archive',
    async () => {
      await fuzzAsyncProperty(
        'verdict (archive byte)',
        archiveRuns,
        edit(TGZ, 0, TGZ.length),
        async (e, log) => {
          const { value: v } = await log.timeAsync(() => judge(applyEdit(TGZ, e), PROV));
          log.count(outcome(v));
          expect(v.status, JSON.stringify(e)).not.toBe('verified');
          expect(v.chart).toBeNull();
        },
      );
    },
    timeoutFor(archiveRuns, 50),
  );

  const bodyRuns = fuzzRuns(100);
  it(
    'any single-byte change to the signed text that changes what the signature covers',
    async () => {
      let skipped = 0;
      try {
        await fuzzAsyncProperty(
          'verdict (signed text byte)',
          bodyRuns,
          edit(PROV, START, END),
          async (e, log) => {
            const mutated = applyEdit(PROV, e);
            const end = END + mutated.length - PROV.length;
            const changesText =
              !touchesLineEnd(PROV, e) && canonical(mutated.subarray(START, end)) !== SIGNED_TEXT;
            if (!changesText) skipped++;
            fc.pre(changesText);
            const { value: v } = await log.timeAsync(() => judge(TGZ, mutated));
            log.count(outcome(v));
            expect(v.status, JSON.stringify(e)).not.toBe('verified');
            expect(v.chart).toBeNull();
          },
        );
      } finally {
        console.log(
          `  (${skipped} generated edits left the signed text unchanged and were skipped)`,
        );
      }
    },
    timeoutFor(bodyRuns, 50),
  );

  const anywhereRuns = fuzzRuns(100);
  it(
    'any single-byte change anywhere in the prov: verified only with the genuine content',
    async () => {
      const log = await fuzzAsyncProperty(
        'verdict (prov byte anywhere)',
        anywhereRuns,
        edit(PROV, 0, PROV.length),
        async (e, log) => {
          const { value: v } = await log.timeAsync(() => judge(TGZ, applyEdit(PROV, e)));
          log.count(outcome(v));
          if (v.status !== 'verified') return;
          expect(v.prov?.body, JSON.stringify(e)).toBe(SIGNED_TEXT);
          expect(v.chart).toBe(genuine.chart);
          expect(v.hash).toEqual(genuine.hash);
          expect(v.signer?.fingerprint).toBe(genuine.signer?.fingerprint);
        },
      );
      // Most edits must break something, or this property is not exercising anything.
      expect(log.tally.get('verified') ?? 0).toBeLessThan(log.cases);
    },
    timeoutFor(anywhereRuns, 50),
  );
});
