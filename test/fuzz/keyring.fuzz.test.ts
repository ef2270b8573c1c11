// Fuzz: loadKeyFile on hostile key files. Whatever the bytes, it resolves (never rejects) to a
// report that either has keys (and no error) or has none and a non-empty `error`; keys are
// public only, with a well-formed fingerprint; each case finishes within CASE_BOUND_MS (2 s).
// Inputs: the corpus's armored, binary, keybox and 51-key ring files (and its other key
// files as splice donors), mutated; re-armored mutated binaries; random bytes and text.
//
// Case counts: small with a fixed seed in `npm test`; FUZZ_RUNS=10000 (scripts/fuzz-nightly.sh)
// runs 10,000 cases per property (2,000 for the 51-key ring); FUZZ_SEED=n changes the
// seed (default 42). See helpers.ts.

import { armor, enums } from 'openpgp';
import { describe, expect, it } from 'vitest';
import { loadKeyFile, mergeKeyFiles, type KeyFileReport } from '../../src/core/keys/keyring';
import { keyFileProblemWords, keyNoteWords } from '../../src/core/verdict/words';
import {
  applyOps,
  byteOp,
  CaseLog,
  corpusFile,
  corpusFilesEnding,
  DICTIONARY,
  fc,
  fuzzAsyncProperty,
  fuzzRuns,
  hugeLineOp,
  opsArb,
  preview,
  textOp,
  timeoutFor,
  utf8,
  type Op,
} from './helpers';

const ARMORED = corpusFile('key-format-armored/pub.asc');
const BINARY = corpusFile('key-format-binary/pub.gpg');
const KEYBOX = corpusFile('key-format-kbx/pubring.kbx');
const RING_51 = corpusFile('key-format-keyring-51/keyring.gpg');

// Every other key file in the corpus (other algorithms, secret keys, several blocks per file):
// extra bases and splice donors.
const ARMORED_ALL = [
  ARMORED,
  ...corpusFilesEnding('.asc').values(),
  corpusFile('key-format-secret-armored/secret-key.asc'),
];
const BINARY_ALL = [
  BINARY,
  ...[...corpusFilesEnding('.gpg')].filter(([p]) => !p.endsWith('keyring.gpg')).map(([, b]) => b),
];

const FORMATS = ['armored', 'binary', 'keybox', 'none'];
const FINGERPRINT = /^([0-9A-F]{40}|[0-9A-F]{64})$/;

async function check(log: CaseLog, bytes: Uint8Array, name = 'key'): Promise<void> {
  let report: KeyFileReport;
  let ms: number;
  try {
    ({ value: report, ms } = await log.timeAsync(() => loadKeyFile(name, bytes)));
  } catch (e) {
    throw new Error(`loadKeyFile rejected on ${preview(bytes)}`, { cause: e });
  }
  const what = `on ${preview(bytes)}: ${JSON.stringify({ ...report, keys: report.keys.length })}`;
  expect(FORMATS, what).toContain(report.format);
  expect(
    report.notes.every((n) => keyNoteWords(n).trim().length > 0),
    what,
  ).toBe(true);
  if (report.keys.length > 0) {
    expect(report.error, what).toBeNull();
    for (const k of report.keys) {
      expect(k.fingerprint, what).toMatch(FINGERPRINT);
      expect(k.key.isPrivate(), what).toBe(false);
      expect(k.source).toBe(name);
      expect(
        k.userIds.every((u) => typeof u === 'string'),
        what,
      ).toBe(true);
    }
    expect((await mergeKeyFiles([report, report])).length).toBeLessThanOrEqual(report.keys.length);
  } else {
    expect(report.error, what).not.toBeNull();
    expect(keyFileProblemWords(report.error!).trim().length, what).toBeGreaterThan(0);
  }
  log.count(`${report.format}: ${report.keys.length > 0 ? 'keys' : 'error'}`);
  log.expectWithinBound(ms, `loadKeyFile ${what}`);
}

/** Runs an async property over `runs` cases and prints the case count. */
const fuzz = <T>(
  name: string,
  runs: number,
  input: fc.Arbitrary<T>,
  toBytes: (t: T) => Uint8Array,
) => fuzzAsyncProperty(name, runs, input, (t, log) => check(log, toBytes(t)));

const mutated = (bases: Uint8Array[], op: fc.Arbitrary<Op>, maxOps = 6) =>
  fc.record({ base: fc.nat(bases.length - 1), ops: opsArb(op, maxOps) });

describe('fuzz keyring', () => {
  it('has a corpus to mutate, and reads it unmutated', async () => {
    expect(ARMORED_ALL.length).toBeGreaterThan(10);
    expect(BINARY_ALL.length).toBeGreaterThan(2);
    for (const [bytes, format, keys] of [
      [ARMORED, 'armored', 1],
      [BINARY, 'binary', 1],
      [KEYBOX, 'keybox', 1],
      [RING_51, 'binary', 51],
    ] as const) {
      const r = await loadKeyFile('k', bytes);
      expect([r.format, r.keys.length]).toEqual([format, keys]);
    }
  });

  const armoredRuns = fuzzRuns(400);
  it(
    'mutated armored keys',
    async () => {
      const op = fc.oneof(
        { weight: 5, arbitrary: byteOp(ARMORED_ALL.length) },
        { weight: 4, arbitrary: textOp() },
        { weight: 1, arbitrary: hugeLineOp({ maxBytes: 256 * 1024 }) },
      );
      const log = await fuzz(
        'keyring (mutated armored)',
        armoredRuns,
        mutated(ARMORED_ALL, op),
        (m) => applyOps(ARMORED_ALL[m.base]!, m.ops, ARMORED_ALL),
      );
      expect(log.tally.get('armored: keys') ?? 0).toBeGreaterThan(0);
      expect(log.tally.get('armored: error') ?? 0).toBeGreaterThan(0);
    },
    timeoutFor(armoredRuns, 30),
  );

  const binaryRuns = fuzzRuns(400);
  it(
    'mutated binary keys, bare and re-armored',
    async () => {
      const input = fc.record({
        m: mutated(BINARY_ALL, byteOp(BINARY_ALL.length)),
        rearmor: fc.boolean(),
      });
      const log = await fuzz('keyring (mutated binary)', binaryRuns, input, ({ m, rearmor }) => {
        const bin = applyOps(BINARY_ALL[m.base]!, m.ops, BINARY_ALL);
        return rearmor ? utf8(armor(enums.armor.publicKey, bin)) : bin;
      });
      expect(log.tally.get('binary: keys') ?? 0).toBeGreaterThan(0);
      expect(log.tally.get('binary: error') ?? 0).toBeGreaterThan(0);
    },
    timeoutFor(binaryRuns, 30),
  );

  const keyboxRuns = fuzzRuns(300);
  it(
    'mutated keyboxes',
    async () => {
      const input = mutated([KEYBOX], byteOp(BINARY_ALL.length));
      const log = await fuzz('keyring (mutated keybox)', keyboxRuns, input, (m) =>
        applyOps(KEYBOX, m.ops, BINARY_ALL),
      );
      expect(log.tally.get('keybox: keys') ?? 0).toBeGreaterThan(0);
      expect(log.tally.get('keybox: error') ?? 0).toBeGreaterThan(0);
    },
    timeoutFor(keyboxRuns, 30),
  );

  const ringRuns = fuzzRuns(60, 0.2);
  it(
    'mutated 51-key ring',
    async () => {
      const input = mutated([RING_51], byteOp(BINARY_ALL.length), 12);
      await fuzz('keyring (mutated 51-key ring)', ringRuns, input, (m) =>
        applyOps(RING_51, m.ops, BINARY_ALL),
      );
    },
    timeoutFor(ringRuns, 400),
  );

  const randomRuns = fuzzRuns(400);
  it(
    'random bytes, text and keybox-shaped noise',
    async () => {
      const kbxHeader = KEYBOX.subarray(0, 32);
      const input = fc.oneof(
        fc.uint8Array({ maxLength: 4096 }),
        // Binary path: a packet-header-looking first byte.
        fc
          .tuple(fc.integer({ min: 0x80, max: 0xff }), fc.uint8Array({ maxLength: 2048 }))
          .map(([b, rest]) => Uint8Array.of(b, ...rest)),
        // Keybox path: a real header blob, then noise.
        fc.uint8Array({ maxLength: 2048 }).map((rest) => Uint8Array.of(...kbxHeader, ...rest)),
        // Armored path: text soups of armor lines, base64 and dictionary tokens.
        fc
          .array(
            fc.oneof(
              fc.constantFrom(...DICTIONARY),
              fc.stringMatching(/^[A-Za-z0-9+/=]{0,64}\n$/),
              fc.string({ unit: 'binary', maxLength: 8 }),
            ),
            { maxLength: 60 },
          )
          .map((parts) => utf8(parts.join(''))),
      );
      await fuzz('keyring (random)', randomRuns, input, (b) => b);
    },
    timeoutFor(randomRuns, 30),
  );
});
