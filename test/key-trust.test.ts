// Key trust, apart from signature validity (issue #11): what vouches for the key that signed a
// verified chart — the user's pin, the site's keys, the chart's own artifacthub.io/signKey —
// and a chart whose signKey names another key (an impostor with the same user ID).
import { describe, expect, it } from 'vitest';
import { evaluate, type InputFile } from '../src/core/verdict';
import { archiveFile, ARCHIVE_SHA, clearsign, file, makeKey } from './pgp-factory';

/** A prov whose signed metadata carries Artifact Hub's signKey annotation for `named`. */
function provNaming(named: string | null): string {
  const annotation = named
    ? `annotations:\n  artifacthub.io/signKey: |\n    fingerprint: ${named}\n    url: https://example.invalid/key.asc\n`
    : '';
  return `${annotation}apiVersion: v2\nname: podinfo-lite\nversion: 1.2.0\n\n...\nfiles:\n  podinfo-lite-1.2.0.tgz: sha256:${ARCHIVE_SHA}\n`;
}

async function verdictOf(files: InputFile[], opts = {}) {
  const [card] = await evaluate(files, opts);
  return card!.verdict;
}

describe('key trust', () => {
  it('contradicted: the chart names key A, impostor B with the same user ID signed it', async () => {
    const a = await makeKey('John Smith');
    const b = await makeKey('John Smith');
    const prov = await clearsign(provNaming(a.getFingerprint().toUpperCase()), [b]);
    const v = await verdictOf([
      archiveFile(),
      file('podinfo-lite-1.2.0.tgz.prov', prov),
      file('b.asc', b.toPublic().armor()),
    ]);
    expect(v.status).toBe('verified'); // the rules' status stays
    expect(v.keyTrust).toBe('contradicted');
    expect(v.namedSigner).toBe(a.getFingerprint().toUpperCase());
    expect(v.headline).toBe('Signed, but not by the key this chart names.');
  });

  it('named: the chart names the key that signed it', async () => {
    const a = await makeKey('John Smith');
    const prov = await clearsign(provNaming(a.getFingerprint().toUpperCase()), [a]);
    const v = await verdictOf([
      archiveFile(),
      file('x.prov', prov),
      file('a.asc', a.toPublic().armor()),
    ]);
    expect([v.status, v.keyTrust]).toEqual(['verified', 'named']);
  });

  it('pinned beats named; unconfirmed without anything; site for the site’s list', async () => {
    const a = await makeKey('Alice');
    const fpr = a.getFingerprint().toUpperCase();
    const files = async (named: string | null) => [
      archiveFile(),
      file('x.prov', await clearsign(provNaming(named), [a])),
      file('a.asc', a.toPublic().armor()),
    ];
    const user = { expected: { source: 'user' as const, fingerprints: [fpr] } };
    const site = { expected: { source: 'site' as const, fingerprints: ['B'.repeat(40), fpr] } };
    expect((await verdictOf(await files(fpr), user)).keyTrust).toBe('pinned');
    expect((await verdictOf(await files(null))).keyTrust).toBe('unconfirmed');
    expect((await verdictOf(await files(null), site)).keyTrust).toBe('site');
    // A failed verdict has no key trust at all.
    const other = { expected: { source: 'user' as const, fingerprints: ['C'.repeat(40)] } };
    const failed = await verdictOf(await files(null), other);
    expect([failed.status, failed.reason, failed.keyTrust]).toEqual([
      'failed',
      'fingerprint-mismatch',
      null,
    ]);
  });
});

describe('a repository that is signed', () => {
  it('flags the chart that came without a prov: unsigned-in-signed-set', async () => {
    const a = await makeKey('Repo');
    const cards = await evaluate([
      archiveFile(),
      file('podinfo-lite-1.2.0.tgz.prov', await clearsign(provNaming(null), [a])),
      file('a.asc', a.toPublic().armor()),
      file(
        'other-0.1.0.tgz',
        new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
      ),
    ]);
    const lone = cards.find((c) => c.archive === 'other-0.1.0.tgz')!.verdict;
    expect(lone.status).toBe('unsigned');
    expect(lone.warnings).toContain('unsigned-in-signed-set');
    expect(cards.find((c) => c.archive === 'podinfo-lite-1.2.0.tgz')!.verdict.status).toBe(
      'verified',
    );
  });

  it('a lone unsigned archive is not flagged', async () => {
    const v = await verdictOf([archiveFile()]);
    expect([v.status, v.warnings]).toEqual(['unsigned', []]);
  });
});

describe('failures name their cause first', () => {
  it('a prov for another version says so in the headline', async () => {
    const a = await makeKey('Versions');
    const body = provNaming(null)
      .replace('version: 1.2.0', 'version: 1.1.9')
      .replace(
        `podinfo-lite-1.2.0.tgz: sha256:${ARCHIVE_SHA}`,
        `podinfo-lite-1.1.9.tgz: sha256:${'0'.repeat(64)}`,
      );
    const v = await verdictOf([
      archiveFile(),
      file('podinfo-lite-1.1.9.tgz.prov', await clearsign(body, [a])),
      file('a.asc', a.toPublic().armor()),
    ]);
    expect(v.status).toBe('failed');
    expect(v.headline).toBe(
      'This provenance file is for podinfo-lite 1.1.9, not for podinfo-lite-1.2.0.tgz.',
    );
  });

  it('a good signature without its chart says which archive to add', async () => {
    const a = await makeKey('Orphan');
    const v = await verdictOf([
      file('podinfo-lite-1.2.0.tgz.prov', await clearsign(provNaming(null), [a])),
      file('a.asc', a.toPublic().armor()),
    ]);
    expect(v.headline).toBe(
      'The signature is good; add podinfo-lite-1.2.0.tgz to check the chart itself.',
    );
  });

  it('a hash mismatch says not to install and to download again', async () => {
    const a = await makeKey('Tamper');
    const body = provNaming(null).replace(ARCHIVE_SHA, 'f'.repeat(64));
    const v = await verdictOf([
      archiveFile(),
      file('p.prov', await clearsign(body, [a])),
      file('a.asc', a.toPublic().armor()),
    ]);
    expect(v.reason).toBe('hash-mismatch');
    expect(v.headline).toMatch(
      /^Do not install this chart: .* Download both files again from the publisher\.$/,
    );
  });
});
