// Regression cases for the bugs in src/core that the fuzz suites in this folder found (all
// fixed since: see the commit "fix fuzz findings in the core"). Each names the input that
// triggered it; the random suites cover the same ground, these pin the exact case.
//
// The quadratic ones compare a size n against 4n: linear code takes ~4x as long (or well
// under 50 ms), quadratic code ~16x. A ratio does not depend on the machine's speed.
//
// Case counts: fixed inputs; FUZZ_RUNS does not change them.

import { gzip } from 'pako';
import { describe, expect, it } from 'vitest';
import { ArchiveError, readChartArchive } from '../../src/core/archive/chart-archive';
import { loadKeyFile } from '../../src/core/keys/keyring';
import { parseProv, ProvError } from '../../src/core/prov/prov';
import { CASE_BOUND_MS, silenceYamlWarnings, utf8 } from './helpers';

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
  return { small, large, linear: large < Math.max(8 * small, 50) };
}

/** parseProv's contract: a Prov, or a ProvError. */
function provOrProvError(bytes: Uint8Array): void {
  try {
    parseProv(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(ProvError);
  }
}

describe('fuzz findings (regressions)', () => {
  silenceYamlWarnings();

  // Was: bodyLines.push(line.replace(/[ \t]+$/, '')), which backtracks over a run of spaces
  // that does not end the line: 40,000 spaces + "x" took ~1.1 s, 80,000 ~4.5 s.
  it('parseProv: a long run of spaces inside a body line is linear', async () => {
    const g = await growth(
      (n) => provOrProvError(prov(`name: x${' '.repeat(n)}x\n...\nfiles:\n  a: b`)),
      10_000,
    );
    expect(g.linear, JSON.stringify(g)).toBe(true);
  });

  // Was: /^Hash:\s*(.+)$/, quadratic on "Hash:" + spaces + "x\u2028y" ('.' stops at U+2028,
  // and both \s* and .+ take spaces): 20,000 spaces took ~0.4 s.
  it('parseProv: a long "Hash:" armor header is linear', async () => {
    const g = await growth(
      (n) =>
        provOrProvError(prov('name: x\n...\nfiles:\n  a: b', `Hash: ${' '.repeat(n)}x\u2028y`)),
      6_000,
    );
    expect(g.linear, JSON.stringify(g)).toBe(true);
  });

  // Was: String(value) on a files: value that is a YAML map with a "toString" key threw
  // TypeError "Cannot convert object to primitive value" (also for a list holding such a map);
  // evaluate() then showed that message as an unreadable prov and never checked the signature.
  it('parseProv: a files: entry that is a map with a toString key is a ProvError', () => {
    provOrProvError(prov('name: x\n...\nfiles:\n  a.tgz:\n    toString: x'));
    provOrProvError(prov('name: x\n...\nfiles:\n  a.tgz: [{toString: x}]'));
  });

  // Was: the lazy regex /-----BEGIN PGP (PUBLIC|PRIVATE) KEY BLOCK-----[\s\S]*?-----END.../g
  // scanned to the end of the text from every BEGIN line with no END line: 8,000 such lines
  // (300 KB) took ~0.3 s, 32,000 (1.2 MB) ~4 s.
  it('loadKeyFile: many unterminated BEGIN lines are linear', async () => {
    const g = await growth(
      (n) => loadKeyFile('k.asc', utf8('-----BEGIN PGP PUBLIC KEY BLOCK-----\n'.repeat(n))),
      4_000,
    );
    expect(g.linear, JSON.stringify(g)).toBe(true);
  });

  // Was: tar.ts parsePax spread the whole length field into String.fromCharCode(...), which
  // threw RangeError "Maximum call stack size exceeded" (not ArchiveError) past ~125 KB.
  it('readChartArchive: a PAX header with a huge length field is a listing or an ArchiveError', () => {
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
  });

  // Was: no size limit before YAML parsing; the yaml package needs seconds per MiB of nested
  // flow syntax (1 MiB of "[" took ~17 s, "ab: ab: ..." ~4 s).
  it('parseProv: a 1 MiB hostile YAML body is refused quickly', () => {
    const t0 = performance.now();
    provOrProvError(prov(`name: ${'['.repeat(1 << 20)}\n...\nfiles:\n  a: b`));
    expect(performance.now() - t0).toBeLessThan(CASE_BOUND_MS);
  });
});
