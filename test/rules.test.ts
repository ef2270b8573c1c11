// The verification rules on cases the fixture corpus lacks, built with openpgp.js.
import { describe, expect, it } from 'vitest';
import { enums, revokeKey, type SecretKeyPacket } from 'openpgp';
import { evaluate } from '../src/core/verdict/evaluate';
import { archiveFile, at, clearsign, day, file, makeKey, provBody } from './pgp-factory';

const NOW = at('2026-06-01T00:00:00Z');
const judge = async (...files: ReturnType<typeof file>[]) =>
  (await evaluate(files, { now: NOW }))[0]!.verdict;

describe('signatures', () => {
  it('several signatures in one prov: any supplied signer verifies', async () => {
    const a = await makeKey('Alice');
    const b = await makeKey('Bob');
    const prov = await clearsign(provBody(), [a, b]);
    const onlyB = await judge(
      archiveFile(),
      file('podinfo-lite-1.2.0.tgz.prov', prov),
      file('b.asc', b.toPublic().armor()),
    );
    expect(onlyB.status).toBe('verified');
    expect(onlyB.signer?.fingerprint).toBe(b.getFingerprint().toUpperCase());
    expect(onlyB.signature?.count).toBe(2);
    const neither = await judge(
      archiveFile(),
      file('x.prov', prov),
      file('c.asc', (await makeKey('Carol')).toPublic().armor()),
    );
    expect(neither.reason).toBe('unknown-key');
  });

  it('a key whose only valid signing subkey made the signature verifies; a revoked sibling does not', async () => {
    const key = await makeKey('Sub', { subkeys: [{ sign: true }, { sign: true }] });
    const [good, bad] = [key.subkeys[0]!, key.subkeys[1]!];
    const byGood = await clearsign(provBody(), [key], { signingKeyIDs: [good.getKeyID()] });
    const byBad = await clearsign(provBody(), [key], { signingKeyIDs: [bad.getKeyID()] });
    const compromised = { flag: enums.reasonForRevocation.keyCompromised };
    key.subkeys[1] = await bad.revoke(
      key.keyPacket as SecretKeyPacket,
      compromised,
      at('2025-03-01T00:00:00Z'),
    );
    const pub = key.toPublic().armor();
    const v1 = await judge(archiveFile(), file('a.prov', byGood), file('k.asc', pub));
    expect(v1.status).toBe('verified');
    expect(v1.signer?.signingKeyFingerprint).toBe(good.getFingerprint().toUpperCase());
    expect(v1.signer?.fingerprint).toBe(key.getFingerprint().toUpperCase());
    const v2 = await judge(archiveFile(), file('a.prov', byBad), file('k.asc', pub));
    expect([v2.status, v2.reason]).toEqual(['failed', 'key-revoked']);
  });

  it('a Hash: header that disagrees with the signature is ignored, like Helm', async () => {
    const key = await makeKey('Hdr');
    const prov = (await clearsign(provBody(), [key])).replace(/^Hash: \S+$/m, 'Hash: SHA256');
    const v = await judge(
      archiveFile(),
      file('a.prov', prov),
      file('k.asc', key.toPublic().armor()),
    );
    expect(v.status).toBe('verified');
  });

  it('judges expiry at signing time: expired before -> key-expired; since -> warning', async () => {
    const key = await makeKey('Exp', { date: at('2025-01-01T00:00:00Z'), expiresIn: 30 * day });
    const pub = key.toPublic().armor();
    const before = await clearsign(provBody(), [key], { date: at('2025-01-15T00:00:00Z') });
    const v1 = await judge(archiveFile(), file('a.prov', before), file('k.asc', pub));
    expect([v1.status, v1.warnings, v1.helm.v4.answer]).toEqual([
      'verified',
      ['key-expired-now'],
      'reject',
    ]);
    const after = await clearsign(provBody(), [key], { date: at('2025-03-01T00:00:00Z') }).catch(
      () => null,
    );
    // openpgp.js refuses to sign with an expired key; the corpus covers that case with gpg.
    if (after) {
      const v2 = await judge(archiveFile(), file('a.prov', after), file('k.asc', pub));
      expect([v2.status, v2.reason]).toEqual(['failed', 'key-expired']);
    }
  });

  it('soft revocation before signing is key-revoked; after signing a warning', async () => {
    const key = await makeKey('Soft');
    const prov = await clearsign(provBody(), [key], { date: at('2025-02-01T00:00:00Z') });
    const revokedAt = async (iso: string) =>
      (
        await revokeKey({
          key,
          reasonForRevocation: { flag: enums.reasonForRevocation.keySuperseded },
          date: at(iso),
          format: 'object',
        })
      ).publicKey.armor();
    const later = await judge(
      archiveFile(),
      file('a.prov', prov),
      file('k.asc', await revokedAt('2025-03-01T00:00:00Z')),
    );
    expect([later.status, later.warnings, later.helm.v4.answer]).toEqual([
      'verified',
      ['soft-revoked-later'],
      'reject',
    ]);
    const earlier = await judge(
      archiveFile(),
      file('a.prov', prov),
      file('k.asc', await revokedAt('2025-01-15T00:00:00Z')),
    );
    expect([earlier.status, earlier.reason]).toEqual(['failed', 'key-revoked']);
  });
});

describe('archive against files:', () => {
  it('hash-mismatch, not-listed and renamed-archive', async () => {
    const key = await makeKey('Files');
    const pub = () => file('k.asc', key.toPublic().armor());
    const wrong = await clearsign(provBody({ 'podinfo-lite-1.2.0.tgz': '0'.repeat(64) }), [key]);
    expect((await judge(archiveFile(), file('p.prov', wrong), pub())).reason).toBe('hash-mismatch');
    const other = await clearsign(provBody({ 'other-1.0.0.tgz': '1'.repeat(64) }), [key]);
    expect((await judge(archiveFile(), file('p.prov', other), pub())).reason).toBe('not-listed');
    const good = await clearsign(provBody(), [key]);
    const renamed = await judge(archiveFile('download.tgz'), file('p.prov', good), pub());
    expect([renamed.status, renamed.warnings, renamed.hash.listedAs]).toEqual([
      'verified',
      ['renamed-archive'],
      'podinfo-lite-1.2.0.tgz',
    ]);
  });

  it('an archive that is not gzip is malformed even unsigned', async () => {
    const v = await judge(file('x-1.0.0.tgz', '<html>404</html>'));
    // Helm looks for x-1.0.0.tgz.prov before anything else, and finds none.
    expect([v.status, v.reason, v.helm.v4.answer]).toEqual([
      'error',
      'malformed-archive',
      'reject',
    ]);
    expect(v.helm.v4.why).toBe(
      'could not load provenance file x-1.0.0.tgz.prov: stat x-1.0.0.tgz.prov: no such file or directory',
    );
  });
});

describe('cross-checks against the archive', () => {
  it('prov metadata that differs from the archive’s Chart.yaml is metadata-mismatch', async () => {
    const key = await makeKey('Meta');
    const body = provBody(undefined, { name: 'podinfo-lite', version: '9.9.9' });
    const v = await judge(
      archiveFile(),
      file('p.prov', await clearsign(body, [key])),
      file('k.asc', key.toPublic().armor()),
    );
    expect([v.status, v.warnings]).toEqual(['verified', ['metadata-mismatch']]);
    expect(v.details.join(' ')).toContain('version "9.9.9"');
  });
});

describe('pairing and cards', () => {
  it('one card per archive and per orphan prov; keys apply to every chart', async () => {
    const key = await makeKey('Multi');
    const prov = await clearsign(provBody(), [key]);
    const cards = await evaluate(
      [
        archiveFile(),
        file('podinfo-lite-1.2.0.tgz.prov', prov),
        file('orphan-2.0.0.tgz.prov', prov.replace('1.2.0', '2.0.0')),
        file('k.asc', key.toPublic().armor()),
      ],
      { now: NOW },
    );
    expect(cards.map((c) => [c.archive, c.prov, c.verdict.status])).toEqual([
      ['podinfo-lite-1.2.0.tgz', 'podinfo-lite-1.2.0.tgz.prov', 'verified'],
      [null, 'orphan-2.0.0.tgz.prov', 'error'],
    ]);
  });

  it('no key names the signer so the user knows what to fetch', async () => {
    const key = await makeKey('Fetch');
    const v = await judge(archiveFile(), file('p.prov', await clearsign(provBody(), [key])));
    expect(v.status).toBe('no-key');
    expect(v.details.join(' ')).toContain(key.getKeyID().toHex().toUpperCase());
  });
});
