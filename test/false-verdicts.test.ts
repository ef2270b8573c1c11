// Named regressions for the verdicts chartproof once got wrong (issue #10): a `verified` where
// gpg and Helm refuse, and a refusal where they accept. Each class runs its cases of the
// differential corpus (test/differential/, judged there against gpg and the real binaries)
// through the core on its own, plus a byte-level case the corpus cannot express.
import { join } from 'node:path';
import { createMessage, sign } from 'openpgp';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/core/verdict';
import { concat } from './bytes';
import { generatedCases } from './differential/generate';
import { coreAnswer } from './differential/run';
import { archiveFile, ARCHIVE_SHA, at, file, makeKey } from './pgp-factory';

const CLASSES: [string, string[]][] = [
  ['a signature whose own expiration time has passed', ['sig-expired']],
  ['a key revoked by its designated revoker', ['revoker-compromised', 'revoker-in-uid-selfsig']],
  ['armor headers other than Hash:', ['hdr-comment']],
  [
    'a revocation reason other than 1 or 3 is hard',
    ['revoked-reason-32-after', 'revoked-reason-0-after'],
  ],
  ['a subkey whose newest binding takes away its signing flag', ['subkey-sign-flag-removed']],
  ['a newest self-signature that moves the expiry before the signature', ['key-expiry-shortened']],
  [
    'a digest written other than sha256:<64 hex>',
    ['digest-no-prefix', 'digest-space-quoted', 'digest-63-hex'],
  ],
  [
    'a signed archive whose tar is cut short or damaged',
    ['archive-tar-cut', 'archive-tar-bad-checksum'],
  ],
  [
    'a key whose expiry was extended or binding refreshed after signing',
    ['key-expiry-extended', 'subkey-binding-refreshed'],
  ],
  ['a good 17th signature', ['multi-good-17th']],
  ['the body after a second "..."', ['second-separator-good-first', 'second-separator-bad-first']],
  ['YAML merge keys in files:', ['files-merge-key', 'files-merge-after-explicit']],
  ['a 10,000-character user ID', ['uid-10000-chars']],
  ['the Chart.yaml Helm loads (the last one)', ['archive-dup-chart-last-differs']],
];

const corpus = generatedCases();

for (const [what, ids] of CLASSES) {
  describe(what, () => {
    for (const id of ids) {
      it(
        id,
        async () => {
          const { root, cases } = await corpus;
          const c = cases.find((x) => x.id === id);
          expect(c, `differential case ${id}`).toBeDefined();
          const got = await coreAnswer(join(root, id), c!);
          expect({
            status: got.status,
            reason: got.reason,
            warnings: got.warnings,
            signer: got.signer,
          }).toEqual({
            status: c!.expect.status,
            reason: c!.expect.reason,
            warnings: [...c!.expect.warnings].sort(),
            signer: c!.expect.signer,
          });
        },
        60_000,
      );
    }
  });
}

describe('the signature covers the prov’s bytes, never decoded text', () => {
  it('changing one invalid UTF-8 byte for another (both decode to U+FFFD) breaks it', async () => {
    const key = await makeKey('Bytes', { date: at('2025-01-01T00:00:00Z') });
    const enc = (s: string) => new TextEncoder().encode(s);
    const lines = (eol: string, octet: number) =>
      concat([
        enc(`apiVersion: v2${eol}description: caf`),
        Uint8Array.of(octet), // a lone Latin-1 byte: not UTF-8
        enc(`${eol}name: podinfo-lite${eol}version: 1.2.0${eol}${eol}...${eol}files:${eol}`),
        enc(`  podinfo-lite-1.2.0.tgz: sha256:${ARCHIVE_SHA}`),
      ]);
    // A clearsigned text is signed over its lines joined by CRLF (RFC 9580 §7.1).
    const armored = await sign({
      message: await createMessage({ binary: lines('\r\n', 0xe9) }),
      signingKeys: key,
      detached: true,
      date: at('2025-02-01T00:00:00Z'),
    });
    const prov = (octet: number) =>
      concat([
        enc('-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\n'),
        lines('\n', octet),
        enc(`\n${armored.replace(/\r\n/g, '\n')}`),
      ]);
    const run = async (octet: number) => {
      const [card] = await evaluate([
        archiveFile(),
        file('podinfo-lite-1.2.0.tgz.prov', prov(octet)),
        file('k.asc', key.toPublic().armor()),
      ]);
      return [card!.verdict.status, card!.verdict.reason];
    };
    expect(await run(0xe9)).toEqual(['verified', null]);
    expect(await run(0xe8)).toEqual(['failed', 'bad-signature']);
  });
});
