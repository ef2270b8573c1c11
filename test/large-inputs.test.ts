// Issue #4: very large and pathological inputs through the core. Each is built at test time
// (test/large-inputs.ts) and must be refused or handled with a clear verdict within BOUND_MS
// of CPU time. The bound is a hang check, not a benchmark (`npm run bench` measures speed),
// and counts CPU time because the machine may be shared. Every step prints its times.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readChartArchive } from '../src/core/archive/chart-archive';
import { evaluate, type InputFile } from '../src/core/verdict/evaluate';
import { loadKeyFile, mergeKeyFiles } from '../src/core/keys/keyring';
import { parseProv, ProvError } from '../src/core/prov/prov';
import { provProblemWords, tooLargeWords } from '../src/core/verdict/words';
import type { Verdict } from '../src/core/verdict/types';
import {
  armoredKeys,
  concat,
  distinctKeyring,
  GiB,
  gzipBomb,
  gzipFast,
  manyEntriesTar,
  MiB,
  noise,
  PROV_SIZE,
  provWithManySignatures,
  provWithTrailingJunk,
  ringKeys,
  SAMPLE_ARCHIVE,
  SAMPLE_KEY,
  tarHeader,
  textOfSize,
  timed,
} from './large-inputs';
import { clearsign, makeKey, provBody } from './pgp-factory';

const BOUND_MS = 30_000;
const SLOW = 180_000; // vitest timeout for a test that builds and checks a big input

const enc = (s: string) => new TextEncoder().encode(s);
const input = (name: string, bytes: Uint8Array | string): InputFile => ({
  id: name,
  name,
  bytes: typeof bytes === 'string' ? enc(bytes) : bytes,
  origin: 'dropped',
});

async function judge(name: string, files: InputFile[]): Promise<Verdict> {
  const { value: cards, cpuMs } = await timed(`evaluate ${name}`, () => evaluate(files));
  expect(cpuMs).toBeLessThan(BOUND_MS);
  expect(cards).toHaveLength(1);
  return cards[0]!.verdict;
}

/** The sample chart and its key with another prov, as a user would drop them. */
const withSample = (prov: Uint8Array, key: Uint8Array = SAMPLE_KEY) => [
  input('podinfo-lite-1.2.0.tgz', SAMPLE_ARCHIVE),
  input('podinfo-lite-1.2.0.tgz.prov', prov),
  input('public-key.asc', key),
];

describe('a gzip bomb', () => {
  it(
    '1 GiB of zeros stops reading at the 100 MiB limit; the verdict is the hash and signature',
    async () => {
      const { value: bomb } = await timed('build 1 GiB gzip bomb', () => gzipBomb(GiB));
      expect(bomb.length).toBeLessThan(2 * MiB);
      const { value: listing, cpuMs } = await timed('read gzip bomb', () => readChartArchive(bomb));
      expect(cpuMs).toBeLessThan(BOUND_MS);
      expect(tooLargeWords(listing.tooLarge!)).toMatch(
        /more than 100 MiB once decompressed; reading stopped/,
      );
      expect(listing.entries).toEqual([]);
      const v = await judge('gzip bomb', [input('bomb-1.0.0.tgz', bomb)]);
      expect([v.status, v.reason]).toEqual(['unsigned', null]);
      expect(v.details.join(' ')).toContain('more than 100 MiB once decompressed');
      expect(v.helm.install.answer).toBe('reject');
    },
    SLOW,
  );

  it(
    'a tar declaring a 1 GiB file: listed, without its contents, and refused as Helm would',
    async () => {
      const head = concat([
        tarHeader('bomb/Chart.yaml', 5),
        new Uint8Array(512).fill(0x61, 0, 5),
        tarHeader('bomb/zeros.bin', GiB),
      ]);
      const bomb = gzipBomb(GiB, head);
      const { value: listing } = await timed('read tar bomb', () => readChartArchive(bomb));
      expect(listing.entries.map((e) => [e.path, e.size, e.data])).toEqual([
        ['bomb/Chart.yaml', 5, expect.anything()],
        ['bomb/zeros.bin', GiB, null],
      ]);
      expect(listing.tooLarge).not.toBeNull();
      expect(listing.helmReject).toBe(
        'decompressed chart is larger than the maximum size 104857600',
      );
    },
    SLOW,
  );
});

describe('a tar of 100,000 entries', () => {
  let gz: Uint8Array;
  let entries = 0;
  beforeAll(async () => {
    const { value: built } = await timed('build 100,000-entry tar', () => manyEntriesTar(100_000));
    gz = (await timed('gzip 100,000-entry tar', () => gzipFast(built.tar))).value;
    entries = built.entries;
    console.log(`large tar: ${built.tar.length} bytes, ${gz.length} gzipped`);
  }, SLOW);

  it(
    'is listed in full: every entry, no warning, loadable by Helm',
    async () => {
      const { value: listing, cpuMs } = await timed('read 100,000-entry tar', () =>
        readChartArchive(gz),
      );
      expect(cpuMs).toBeLessThan(BOUND_MS);
      expect(listing.entries).toHaveLength(entries);
      expect(listing.entries.at(-1)!.path).toBe('many/files/d99/f99999.txt');
      expect(listing).toMatchObject({ tooLarge: null, helmReject: null, warnings: [] });
      const v = await judge('100,000-entry tar', [input('many-1.0.0.tgz', gz)]);
      expect(v.status).toBe('unsigned');
    },
    SLOW,
  );

  it('is cut with a clear warning under a lower limit', async () => {
    const { value: listing } = await timed('read 100,000-entry tar, 10 MiB limit', () =>
      readChartArchive(gz, { maxTotal: 10 * MiB }),
    );
    expect(tooLargeWords(listing.tooLarge!)).toBe(
      'The chart holds more than 10 MiB once decompressed; reading stopped there.',
    );
    expect(listing.entries.length).toBeGreaterThan(9_000);
    expect(listing.entries.length).toBeLessThan(entries);
  });
});

describe('a 50 MB prov', () => {
  // The yaml package reports odd input through process.emitWarning.
  beforeAll(() => void vi.spyOn(process, 'emitWarning').mockImplementation(() => {}));
  afterAll(() => vi.restoreAllMocks());

  it('with 50 MB of junk after the signature: verified (text around the block is not signed)', async () => {
    const prov = provWithTrailingJunk(PROV_SIZE);
    const { value: parsed } = await timed('parse prov + 50 MB junk', () => parseProv(prov));
    expect(parsed.files.size).toBe(1);
    const v = await judge('prov + 50 MB junk', withSample(prov));
    expect(v.status).toBe('verified');
  });

  it.each([
    ['binary noise', () => noise(PROV_SIZE)],
    ['text lines', () => textOfSize(PROV_SIZE, (i) => `line ${i}: not a provenance file\n`)],
    ['one line', () => new Uint8Array(PROV_SIZE).fill(0x41)],
  ])('that is not a prov at all (%s): malformed-prov', async (what, make) => {
    const prov = make();
    const { value: error } = await timed(`parse 50 MB ${what}`, () => {
      try {
        return parseProv(prov);
      } catch (e) {
        return e;
      }
    });
    expect(error).toBeInstanceOf(ProvError);
    const v = await judge(`50 MB ${what}`, withSample(prov));
    expect([v.status, v.reason]).toEqual(['error', 'malformed-prov']);
    expect(v.details[0]).toContain('No PGP clearsigned message found');
  });

  it('whose signature block is 50 MB of copied signature packets: refused unread', async () => {
    const prov = provWithManySignatures(320_000);
    expect(prov.length).toBeGreaterThan(PROV_SIZE);
    const v = await judge('50 MB signature block', withSample(prov));
    expect([v.status, v.reason]).toEqual(['error', 'malformed-prov']);
    expect(v.details[0]).toMatch(/^The signature block is [\d.]+ MiB; .* so it was not read\.$/);
  });

  it(
    'whose signed text is 50 MB: malformed-prov, the body not parsed as YAML',
    async () => {
      const key = await makeKey('Huge Body');
      const files = textOfSize(PROV_SIZE, (i) => `  extra-${i}.tgz: sha256:${'0'.repeat(64)}\n`);
      const body = provBody() + new TextDecoder().decode(files);
      const { value: signed } = await timed('sign 50 MB body', () => clearsign(body, [key]));
      const prov = new TextEncoder().encode(signed);
      const { value: parsed } = await timed('parse 50 MB signed body', () => parseProv(prov));
      expect(provProblemWords(parsed.bodyError!)).toMatch(
        /^The signed text is \d+ KiB; a Helm prov body/,
      );
      const v = await judge('50 MB signed body', withSample(prov, enc(key.toPublic().armor())));
      expect([v.status, v.reason]).toEqual(['error', 'malformed-prov']);
      expect(v.details[0]).toContain('a Helm prov body is a few KiB');
    },
    SLOW,
  );
});

describe('a keyring of 5,000 keys', () => {
  let ring: Uint8Array; // 4,999 distinct keys and the signer's, in the middle
  let goodProv: string;
  let otherProv: string;
  let signerFpr: string;
  beforeAll(async () => {
    const { value: others } = await timed('4,999 distinct keys (cached in os.tmpdir())', () =>
      distinctKeyring(4_999),
    );
    const signer = await makeKey('Ring Signer');
    signerFpr = signer.getFingerprint().toUpperCase();
    const keys = ringKeys(others);
    ring = concat([...keys.slice(0, 2_500), signer.toPublic().write(), ...keys.slice(2_500)]);
    goodProv = await clearsign(provBody(), [signer]);
    otherProv = await clearsign(provBody(), [await makeKey('Stranger')]);
  }, 600_000);

  for (const format of ['binary', 'armored'] as const) {
    it(
      `${format}: all 5,000 keys load; the matching signer verifies, a stranger is unknown-key`,
      async () => {
        const bytes = format === 'binary' ? ring : armoredKeys(ringKeys(ring));
        const name = format === 'binary' ? 'ring.gpg' : 'ring.asc';
        const { value: report, cpuMs } = await timed(`load 5,000 ${format} keys`, () =>
          loadKeyFile(name, bytes),
        );
        expect(cpuMs).toBeLessThan(BOUND_MS);
        expect([report.format, report.keys.length, report.error]).toEqual([format, 5_000, null]);
        expect(new Set(report.keys.map((k) => k.fingerprint)).size).toBe(5_000);
        const files = (prov: string) => [
          input('podinfo-lite-1.2.0.tgz', SAMPLE_ARCHIVE),
          input('podinfo-lite-1.2.0.tgz.prov', prov),
          input(name, bytes),
        ];
        const good = await judge(`5,000 ${format} keys, matching signer`, files(goodProv));
        expect([good.status, good.signer?.fingerprint]).toEqual(['verified', signerFpr]);
        expect(good.keys).toHaveLength(5_000);
        const other = await judge(`5,000 ${format} keys, unknown signer`, files(otherProv));
        expect([other.status, other.reason]).toEqual(['failed', 'unknown-key']);
      },
      SLOW,
    );
  }

  it('5,000 copies of 50 keys: each copy is read, then merged to 50 keys', async () => {
    const fifty = ringKeys(ring).slice(0, 50);
    const copies = concat(Array.from({ length: 100 }, () => concat(fifty)));
    const { value: report } = await timed('load 5,000 copies of 50 keys', () =>
      loadKeyFile('copies.gpg', copies),
    );
    expect(report.keys).toHaveLength(5_000);
    const { value: merged, cpuMs } = await timed('merge 5,000 copies of 50 keys', () =>
      mergeKeyFiles([report]),
    );
    expect(cpuMs).toBeLessThan(BOUND_MS);
    expect(merged).toHaveLength(50);
  });
});
