// Regression cases for the bugs in src/core that the fuzz suites found, one per KNOWN_BUGS
// flag in helpers.ts. Each asserts the behaviour we want and runs as `it.fails` while its
// flag is true, so once src/core is fixed `it.fails` reports a failure: then set the flag to
// false, which turns the case into a plain `it` and lets the random suites explore that input
// space again.
//
// The quadratic ones compare a size n against 4n: linear code takes ~4x as long (or well
// under 50 ms), quadratic code ~16x. A ratio is independent of the machine's speed.
//
// Case counts: fixed inputs, no FUZZ_RUNS scaling; the YAML-size case runs only in the
// nightly run (FUZZ_RUNS set, scripts/fuzz-nightly.sh), as it takes ~15 s while open.

import { gzip } from 'pako';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ArchiveError, readChartArchive } from '../../src/core/chart-archive';
import { loadKeyFile } from '../../src/core/keyring';
import { parseProv, ProvError } from '../../src/core/prov';
import { CASE_BOUND_MS, KNOWN_BUGS, NIGHTLY, utf8 } from './helpers';

const SIGNATURE =
  '-----BEGIN PGP SIGNATURE-----\n\niHUEARYKAB0WIQT9fn3kKIXanv3qZXBDAluilMilgwUCZ51kAAAKCRBDAluilMil\n=ObQC\n-----END PGP SIGNATURE-----\n';
const prov = (body: string, headers = 'Hash: SHA512') =>
  utf8(`-----BEGIN PGP SIGNED MESSAGE-----\n${headers}\n\n${body}\n${SIGNATURE}`);

/** ms for run(n), best of two after a warm-up, and for run(4n). */
async function growth(run: (n: number) => unknown, n: number) {
  const time = async (k: number) => {
    const t0 = performance.now();
    await run(k);
    return performance.now() - t0;
  };
  await time(n);
  const small = Math.min(await time(n), await time(n));
  const large = await time(4 * n);
  return { small, large, ok: large < Math.max(8 * small, 50) };
}

/** `it.fails` while the bug is open, a plain `it` once its flag is set to false. */
const whileOpen = (open: boolean) => (open ? it.fails : it);

/** parseProv's contract: a Prov, or a ProvError. */
function provOrProvError(bytes: Uint8Array): void {
  try {
    parseProv(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(ProvError);
  }
}

describe('known bugs found by the fuzz suites (it.fails while open)', () => {
  beforeAll(() => void vi.spyOn(process, 'emitWarning').mockImplementation(() => {}));
  afterAll(() => vi.restoreAllMocks());

  // prov.ts: bodyLines.push(line.replace(/[ \t]+$/, '')) backtracks over a whitespace run
  // that does not end the line. 40,000 spaces + "x" in the body: ~1.1 s; 80,000: ~4.5 s.
  whileOpen(KNOWN_BUGS.provTrailingWhitespaceQuadratic)(
    'parseProv: a long run of spaces inside a body line is linear',
    async () => {
      const g = await growth(
        (n) => provOrProvError(prov(`name: x${' '.repeat(n)}x\n...\nfiles:\n  a: b`)),
        10_000,
      );
      expect(g.ok, JSON.stringify(g)).toBe(true);
    },
  );

  // prov.ts: /^Hash:\s*(.+)$/ on "Hash:" + spaces + "x\u2028y" ('.' stops at U+2028, and
  // \s* and .+ both take spaces). 20,000 spaces: ~0.4 s.
  whileOpen(KNOWN_BUGS.provHashHeaderQuadratic)(
    'parseProv: a long "Hash:" armor header is linear',
    async () => {
      const g = await growth(
        (n) =>
          provOrProvError(prov('name: x\n...\nfiles:\n  a: b', `Hash: ${' '.repeat(n)}x\u2028y`)),
        6_000,
      );
      expect(g.ok, JSON.stringify(g)).toBe(true);
    },
  );

  // prov.ts parseMessageBlock: String(value) on a files: value that is a YAML map with a
  // "toString" key throws TypeError "Cannot convert object to primitive value" (also for a
  // list holding such a map). evaluate() catches it and shows that message as the prov error.
  whileOpen(KNOWN_BUGS.provToStringKey)(
    'parseProv: a files: entry that is a map with a toString key is a ProvError',
    () => {
      provOrProvError(prov('name: x\n...\nfiles:\n  a.tgz:\n    toString: x'));
      provOrProvError(prov('name: x\n...\nfiles:\n  a.tgz: [{toString: x}]'));
    },
  );

  // keyring.ts: ARMORED_KEY's lazy [\s\S]*? scans to the end of the text from every BEGIN line
  // that has no END line. 8,000 BEGIN lines (300 KB): ~0.3 s; 32,000 (1.2 MB): ~4 s.
  whileOpen(KNOWN_BUGS.keyringArmorQuadratic)(
    'loadKeyFile: many unterminated BEGIN lines are linear',
    async () => {
      const g = await growth(
        (n) => loadKeyFile('k.asc', utf8('-----BEGIN PGP PUBLIC KEY BLOCK-----\n'.repeat(n))),
        4_000,
      );
      expect(g.ok, JSON.stringify(g)).toBe(true);
    },
  );

  // tar.ts parsePax: String.fromCharCode(...body.subarray(at, space)) throws RangeError
  // ("Maximum call stack size exceeded") when a PAX header has >~125 KB before its first space.
  whileOpen(KNOWN_BUGS.tarPaxLongLengthField)(
    'readChartArchive: a PAX header with a huge length field is an ArchiveError or a listing',
    () => {
      const body = utf8('9'.repeat(200_000) + ' path=x\n');
      const header = new Uint8Array(512);
      header.set(utf8('PaxHeaders/x'), 0);
      header.set(utf8('0000644\0'), 100);
      header.set(utf8(`${body.length.toString(8).padStart(11, '0')}\0`), 124);
      header.set(utf8('00000000000\0'), 136);
      header.set(utf8('x'), 156);
      header.set(utf8('ustar\x0000'), 257);
      header.fill(0x20, 148, 156);
      const sum = header.reduce((a, b) => a + b, 0);
      header.set(utf8(`${sum.toString(8).padStart(6, '0')}\0 `), 148);
      const tar = new Uint8Array(512 + Math.ceil(body.length / 512) * 512 + 1024);
      tar.set(header);
      tar.set(body, 512);
      try {
        readChartArchive(gzip(tar));
      } catch (e) {
        expect(e).toBeInstanceOf(ArchiveError);
      }
    },
  );

  // prov.ts: no size limit before YAML parsing; the yaml package needs seconds per MiB of
  // nested flow syntax (1 MiB of "[": ~17 s; "ab: ab: ..." 1 MiB: ~4 s, most of it building
  // "prettyErrors" context for every error from the same long line).
  (KNOWN_BUGS.provYamlHugeBody ? (NIGHTLY ? it.fails : it.skip) : it)(
    'parseProv: a 1 MiB hostile YAML body is refused or parsed within the case bound',
    () => {
      const t0 = performance.now();
      provOrProvError(prov(`name: ${'['.repeat(1 << 20)}\n...\nfiles:\n  a: b`));
      expect(performance.now() - t0).toBeLessThan(CASE_BOUND_MS);
    },
    120_000,
  );
});
